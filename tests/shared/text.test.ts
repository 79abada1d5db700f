/** Text a user types, as other screens show it: no controls, nothing reordered or hidden, emoji whole. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, hasVisible, stripInvisible } from '../../shared/model/text.ts';

const FAMILY = '👩\u200d👩\u200d👧'; // three emoji joined by zero-width joiners
const ASTRONAUT_DARK = '👩🏿\u200d🚀'; // a skin tone inside a joined sequence
const RAINBOW = '🏳\ufe0f\u200d🌈'; // a variation selector, then a joiner
const SCOTLAND = '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'; // a flag written with tag characters
const KEYCAP = '1\ufe0f\u20e3';
const HEART = '❤\ufe0f';

describe('cleanText', () => {
  it.each([
    ['a right-to-left override', 'pay \u202eSU 001\u202c now', 'pay SU 001 now'],
    ['embeddings and isolates', '\u202aa\u202bb\u2066c\u2067d\u2068e\u2069', 'abcde'],
    ['C0 and C1 controls', 'a\u0000b\u0007c\u001bd\u007fe\u0085f\u009bg', 'abcdefg'],
    ['a carriage return, alone or before a line feed', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['hidden tag text outside a flag', 'hi\u{E0069}\u{E0067}\u{E006E}', 'hi'],
    ['interlinear annotations and invisible operators', 'a\ufff9b\ufffac\ufffbd\u2062e', 'abcde'],
    ['a lone surrogate from a JSON escape', 'a\ud800b\udc00c', 'abc'],
  ])('removes %s', (_, raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it.each([
    ['line feeds and tabs', 'Article 1:\n\tNo weapons in orbit.'],
    ['Chinese and typographic punctuation', '我们反对在外空部署武器。“Space” — it’s… ✓'],
    ['Arabic with a right-to-left mark', 'مرحبا\u200f!'],
    ['a Persian zero-width non-joiner and a Devanagari joiner', 'می\u200cخواهم क्\u200dष'],
    ['a family', FAMILY],
    ['a skin tone in a sequence', ASTRONAUT_DARK],
    ['a flag made of a selector and a joiner', RAINBOW],
    ['a flag made of tags', SCOTLAND],
    ['a keycap', KEYCAP],
    ['an emoji presentation selector', HEART],
    ['a CJK variation selector', '葛\u{E0100}'],
  ])('keeps %s', (_, text) => {
    expect(cleanText(text)).toBe(text);
  });

  // fast-check builds its table of code points on first use: seconds on a loaded machine.
  it('is idempotent and never lengthens the text, and what it leaves has no control but tab and line feed', {
    timeout: 30_000,
  }, () => {
    const hiding = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const once = cleanText(raw);
        const left = once.match(hiding) ?? [];
        return (
          cleanText(once) === once &&
          once.length <= raw.length &&
          left.every((ch) => ch === '\n' || ch === '\t')
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('stripInvisible and hasVisible', () => {
  it.each([
    ['a Hangul filler', '\u3164'],
    ['a half-width Hangul filler', '\uffa0'],
    ['a blank braille cell', '\u2800\u2800'],
    ['zero-width spaces and joiners', '\u200b\u200c\u200d\u2060'],
    ['a soft hyphen and a word joiner', '\u00ad\u2060'],
    ['variation selectors alone', '\ufe0f\ufe0e'],
    ['only combining accents', '\u0301\u0301'],
  ])('%s shows nothing', (_, text) => {
    expect(hasVisible(text)).toBe(false);
  });

  it.each([['Ana'], ['李'], ['7'], ['★'], [FAMILY]])('%j shows something', (text) => {
    expect(hasVisible(text)).toBe(true);
  });

  it('keeps emoji sequences whole and removes joiners and selectors elsewhere', () => {
    expect(stripInvisible(`A\u200dn\ufe0fa ${FAMILY} ${SCOTLAND} ${KEYCAP}`)).toBe(
      `Ana ${FAMILY} ${SCOTLAND} ${KEYCAP}`,
    );
    // A joiner that joins nothing (at the end, or before a letter) is not part of an emoji.
    expect(stripInvisible('👩\u200d')).toBe('👩');
    expect(stripInvisible('👩\u200dA')).toBe('👩A');
  });
});
