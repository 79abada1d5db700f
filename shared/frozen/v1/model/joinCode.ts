// Frozen: rules version 1, copied from shared/model/joinCode.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
/**
 * Join codes: six characters a class can read off a projector and type on a phone.
 * The alphabet leaves out look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V), so a misread cannot land in another session.
 */
export const JOIN_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const JOIN_CODE_LENGTH = 6;

/** Uppercases and drops spaces and dashes, so "ab3-x9k" typed on a phone still matches "AB3X9K". */
export function normalizeJoinCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}

export function isJoinCode(code: string): boolean {
  if (code.length !== JOIN_CODE_LENGTH) return false;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** Builds a code from uniformly drawn indexes into the alphabet; the caller brings the randomness. */
export function joinCodeFromIndexes(indexes: readonly number[]): string {
  return indexes.map((i) => JOIN_CODE_ALPHABET[i % JOIN_CODE_ALPHABET.length]).join('');
}

/** What is wrong with a typed join code, in words for the student, or undefined when it will do. */
export function joinCodeProblem(raw: string): string | undefined {
  return raw.length <= 40 && isJoinCode(normalizeJoinCode(raw))
    ? undefined
    : `A join code is ${JOIN_CODE_LENGTH} letters and digits, as shown on the board.`;
}
