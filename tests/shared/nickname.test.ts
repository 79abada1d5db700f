/** Nicknames a class sees on the roster: one form for what looks the same, nothing invisible, no impostors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NICKNAME_MAX_LENGTH,
  nicknameKey,
  nicknameProblem,
  normalizeNickname,
} from '../../shared/model/nickname.ts';

describe('normalizeNickname', () => {
  it.each([
    ['full-width letters', 'ＡＮＡ', 'ANA'],
    ['a ligature', 'ﬁona', 'fiona'],
    ['an ideographic space', 'Ana\u3000Maria', 'Ana Maria'],
    ['Hangul fillers around a name', '\u3164Ana\uffa0', 'Ana'],
    ['blank braille cells', '\u2800Ana\u2800', 'Ana'],
    ['a right-to-left override', '\u202eanA', 'anA'],
    ['a variation selector after a letter', 'A\ufe0fna', 'Ana'],
  ])('folds %s', (_, raw, expected) => {
    expect(normalizeNickname(raw)).toBe(expected);
  });

  it.each([['Ana 👩\u200d🚀'], ['Li 🏳\ufe0f\u200d🌈'], ['Sam 👍🏽']])(
    'keeps the emoji in %j whole',
    (name) => {
      expect(normalizeNickname(name)).toBe(name);
    },
  );

  // fast-check builds its table of code points on first use: seconds on a loaded machine.
  it('is idempotent, and its result is NFKC', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (raw) => {
        const once = normalizeNickname(raw);
        expect(normalizeNickname(once)).toBe(once);
        expect(once.normalize('NFKC')).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nicknameProblem', () => {
  it.each([
    ['a Hangul filler', '\u3164', 'Type a nickname.'],
    ['blank braille', '\u2800\u2800\u2800', 'Type a nickname.'],
    ['zero-width characters', '\u200b\u200d\u2060', 'Type a nickname.'],
    ['only accents', '\u0301\u0301', 'A nickname needs at least one letter, digit or emoji.'],
    ['only full stops', '...', 'A nickname needs at least one letter, digit or emoji.'],
  ])('refuses %s', (_, raw, message) => {
    expect(nicknameProblem(raw)).toBe(message);
  });

  it.each([
    ['Teacher'],
    ['teacher'],
    ['TEACHER'],
    ['Teacher 2'],
    ['T e a c h e r'],
    ['Τeacher'], // a Greek capital tau
    ['Теаchеr'], // Cyrillic Т, е, а
    ['Ｔｅａｃｈｅｒ'],
    ['Tea\u200bcher'],
    ['Projector'],
    ['Pr0jector'],
    ['Server'],
    ['Observer'],
    ['Admin'],
    ['System'],
  ])('refuses the reserved name %j', (raw) => {
    expect(nicknameProblem(raw)).toMatch(/is kept for the screens\. Pick another nickname\.$/);
  });

  it.each([
    ['Ana'],
    ['Teacherson'],
    ['Hostess'],
    ['李明'],
    ['Ana 👩\u200d🚀'],
    ['x'.repeat(NICKNAME_MAX_LENGTH)],
  ])('accepts %j', (raw) => {
    expect(nicknameProblem(raw)).toBeUndefined();
  });
});

describe('nicknameKey', () => {
  it.each([
    ['Ana', 'Аna'], // Cyrillic А
    ['Ana', 'Αna'], // Greek Α
    ['ana', 'аnа'], // Cyrillic а twice
    ['Ana', 'ＡＮＡ'],
    ['Paco', 'Расо'], // Cyrillic Р, а, с, о
    ['Kim', 'Κim'], // Greek Κ
    ['Leo', 'Le0'],
    ['Ali', 'A1i'],
    ['Ana', 'A\u200bna'],
    ['Ana', '\u3164Ana'],
  ])('%j and %j collide', (a, b) => {
    expect(nicknameKey(a)).toBe(nicknameKey(b));
  });

  it.each([
    ['José', 'Jose'],
    ['Ana', 'Anna'],
    ['Ana 👩\u200d🚀', 'Ana 👩🚀'],
    ['Нина', 'Nina'], // a Russian name next to a Latin one: н is not N
  ])('%j and %j stay two names', (a, b) => {
    expect(nicknameKey(a)).not.toBe(nicknameKey(b));
  });
});
