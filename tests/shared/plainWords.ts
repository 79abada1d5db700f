/**
 * What a sentence shown to people must not contain: internal names (camelCase identifiers, lower-case ids such as
 * "leo" or "ssa" where a label exists), a doubled word ("the the"), plural hacks ("1 points", "point(s)"), a
 * number of seconds over 59 (times read as minutes and seconds), or a leaked "undefined".
 */

/** Ids of the rules that have a label in shared/content/labels.ts and must never be shown as they are. */
const RAW_IDS = [
  'leo',
  'meo',
  'geo',
  'ssa',
  'ppwt',
  'tcbm',
  'asat',
  'ilrs',
  'nam',
  'china',
  'russia',
  'artemis',
];

/** Nouns whose count is written with them: "1 point", "2 points". */
const COUNTED = [
  'point',
  'round',
  'order',
  'satellite',
  'second',
  'minute',
  'member',
  'student',
  'vote',
  'year',
  'level',
  'delegation',
  'partner',
  'state',
  'card',
  'bot',
  'message',
];

const CHECKS: [string, RegExp][] = [
  ['an internal name in camelCase', /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['a raw id', new RegExp(`(?<![/#\\w-])(${RAW_IDS.join('|')})\\b`)], // not in a link such as #/pack/china
  ['a doubled word', /\b([A-Za-z]+)\s+\1\b/i],
  ['a plural hack', /\((s|es)\)/],
  ['"1" with a plural noun', new RegExp(`(^|[\\s(])1 (${COUNTED.join('|')})s\\b`)],
  // Not years ("the 2019 card") nor names ("USA-193 satellite"): counts up to 999.
  [
    'a plural number with a singular noun',
    new RegExp(`(^|[\\s(])(0|[2-9]|[1-9]\\d{1,2}) (${COUNTED.join('|')})\\b(?!-| \\w+s\\b)`), // nor "3 partner states"
  ],
  ['seconds over a minute', /\b([6-9]\d|\d{3,}) seconds?\b/],
  ['a leaked value', /\b(undefined|null|NaN)\b|\[object/],
];

/** The problems of one text shown to people, as `[what, the words at fault]`; empty when it reads well. */
function problemsOf(text: string): [string, string][] {
  return CHECKS.flatMap(([what, pattern]): [string, string][] => {
    const m = pattern.exec(text);
    return m ? [[what, m[0].trim()]] : [];
  });
}

/** The problems of one text shown to people ('a doubled word: "the the" in "…"'); empty when it reads well. */
export function wordProblems(text: string): string[] {
  return problemsOf(text).map(([what, words]) => `${what}: "${words}" in "${text}"`);
}

/** The problems of many texts, one line for each distinct fault with its first text (campaigns repeat themselves). */
export function allWordProblems(texts: Iterable<string>): string[] {
  const first = new Map<string, string>();
  for (const text of texts)
    for (const [what, words] of problemsOf(text)) {
      const key = `${what}: "${words}"`;
      if (!first.has(key)) first.set(key, `${key} in "${text}"`);
    }
  return [...first.values()];
}
