import { hasVisible, stripInvisible } from './text.ts';

/** Nicknames: the only personal data PAROS keeps. Short, trimmed, visible, and unique within a session. */
export const NICKNAME_MAX_LENGTH = 24;
const NICKNAME_TOO_LONG = `A nickname is at most ${NICKNAME_MAX_LENGTH} characters.`;

/**
 * Names a student may not take, because the screens use them for someone else (the teacher's messages, the
 * projector, the server's notices) or they would pass for an authority. Compared by skeleton, letters only, so
 * "TEACHER", "Teacher 2", "Τeacher" (a Greek T) and "Pr0jector" are all refused.
 */
export const RESERVED_NICKNAMES = [
  'teacher',
  'projector',
  'server',
  'observer',
  'host',
  'admin',
  'administrator',
  'moderator',
  'system',
  'instructor',
  'board',
  'paros',
  'everyone',
] as const;

/** What is wrong with a typed nickname, in words for the student, or undefined when it will do. */
export function nicknameProblem(raw: string): string | undefined {
  if (raw.length > 200) return NICKNAME_TOO_LONG;
  const n = normalizeNickname(raw);
  if (n.length === 0) return 'Type a nickname.';
  if (n.length > NICKNAME_MAX_LENGTH) return NICKNAME_TOO_LONG;
  if (!hasVisible(n)) return 'A nickname needs at least one letter, digit or emoji.';
  const letters = nicknameKey(n).replace(/[^\p{L}]/gu, '');
  if ((RESERVED_NICKNAMES as readonly string[]).includes(letters))
    return `"${n}" is kept for the screens. Pick another nickname.`;
  return undefined;
}

/**
 * Folds what looks the same to one form (NFKC: full-width "Ａｎａ" is "Ana", "ﬁ" is "fi"), removes control and
 * invisible characters (zero-width spaces, bidi overrides, Hangul fillers, blank braille) but keeps emoji
 * sequences whole, folds runs of white space (tabs and line breaks included) to one space, and trims.
 * Idempotent; composing comes last, because removing a character such as a zero-width joiner can leave a letter
 * and an accent that compose only then.
 */
export function normalizeNickname(raw: string): string {
  return stripInvisible(raw.normalize('NFKC')).replace(/\s+/gu, ' ').trim().normalize('NFKC');
}

/**
 * Latin letters that Cyrillic and Greek letters (and two digits) pass for, in lower case: the names "Ana" and
 * "Аna" (a Cyrillic А) look the same on the roster. Hand-made from Unicode's confusables for the letters a class
 * is likely to meet; each upper-case look-alike is listed by its lower-case form, since keys are compared
 * without case.
 */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ѐ: 'è',
  ё: 'ë',
  һ: 'h',
  н: 'h',
  і: 'i',
  ї: 'ï',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  ү: 'y',
  х: 'x',
  ԁ: 'd',
  ԝ: 'w',
  ь: 'b',
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ζ: 'z',
  η: 'h',
  ι: 'i',
  κ: 'k',
  μ: 'm',
  ν: 'n',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'y',
  χ: 'x',
  // Latin and digits
  ı: 'i',
  ɩ: 'i',
  ɡ: 'g',
  '0': 'o',
  '1': 'l',
};

/**
 * The key two nicknames collide on, a confusable skeleton: "Ana", " ana ", "ＡＮＡ" and "Аna" (Cyrillic А) are the
 * same student. Accents still count: "José" and "Jose" are two names.
 */
export function nicknameKey(nickname: string): string {
  let key = '';
  for (const ch of normalizeNickname(nickname).toLocaleLowerCase('en').normalize('NFC'))
    key += LOOK_ALIKES[ch] ?? ch;
  return key;
}
