/** Nicknames: the only personal data PAROS keeps. Short, trimmed, and unique within a session. */
export const NICKNAME_MAX_LENGTH = 24;

/** Trims, folds runs of white space to one space, and removes control and invisible format characters. */
export function normalizeNickname(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The key two nicknames collide on: "Ana" and " ana " are the same student. */
export function nicknameKey(nickname: string): string {
  return normalizeNickname(nickname).toLocaleLowerCase('en');
}
