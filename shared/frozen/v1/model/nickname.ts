// Frozen: rules version 1, copied from shared/model/nickname.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
/** Nicknames: the only personal data PAROS keeps. Short, trimmed, and unique within a session. */
export const NICKNAME_MAX_LENGTH = 24;
const NICKNAME_TOO_LONG = `A nickname is at most ${NICKNAME_MAX_LENGTH} characters.`;

/** What is wrong with a typed nickname, in words for the student, or undefined when it will do. */
export function nicknameProblem(raw: string): string | undefined {
  if (raw.length > 200) return NICKNAME_TOO_LONG;
  const n = normalizeNickname(raw);
  if (n.length === 0) return 'Type a nickname.';
  if (n.length > NICKNAME_MAX_LENGTH) return NICKNAME_TOO_LONG;
  return undefined;
}

/**
 * Trims, folds runs of white space (tabs and line breaks included) to one space, and removes control and
 * invisible format characters. Idempotent, and the result is in NFC: composing comes last, because removing a
 * character such as a zero-width joiner can leave a letter and an accent that compose only then.
 */
export function normalizeNickname(raw: string): string {
  return raw
    .replace(/\p{Cf}/gu, '')
    .replace(/(?!\s)\p{Cc}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .normalize('NFC');
}

/** The key two nicknames collide on: "Ana" and " ana " are the same student. */
export function nicknameKey(nickname: string): string {
  return normalizeNickname(nickname).toLocaleLowerCase('en');
}
