/**
 * What a user types, made safe to show to others: no control characters, nothing that reorders the text around
 * it, nothing invisible that carries hidden text. Emoji stay whole: the joiners, variation selectors and tags
 * inside an emoji sequence are part of what the writer sees, so they are kept there.
 */

// One emoji with what may follow it: a skin tone, the emoji presentation selector, a keycap, or a flag's tags.
const EMOJI_PART = String.raw`\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u20E3|[\u{E0020}-\u{E007E}]+\u{E007F})*`;
/** An emoji sequence kept as it is: emoji joined by zero-width joiners (👩‍🚀, 🏳️‍🌈), or a keycap (1️⃣). */
const EMOJI_SEQUENCE = String.raw`${EMOJI_PART}(?:\u200D${EMOJI_PART})*|[#*0-9]\uFE0F?\u20E3`;

/**
 * Characters that reorder or hide text (the "Trojan Source" family): bidi embeddings, overrides and isolates,
 * interlinear annotations, invisible operators, and tag characters outside a flag.
 */
const HIDING = String.raw`\u202A-\u202E\u2066-\u2069\uFFF9-\uFFFB\u2061-\u2064\u{E0000}-\u{E007F}`;
/** Controls other than tab and line feed, and lone surrogates (from JSON escapes such as "\ud800"). */
const CONTROLS = String.raw`\x00-\x08\x0B-\x1F\x7F-\x9F\p{Cs}`;

const MESSAGE_STRIP = new RegExp(`(${EMOJI_SEQUENCE})|[${HIDING}${CONTROLS}]`, 'gu');

/**
 * Cleans a message, a draft, a note or a card text: carriage returns become line feeds; controls (but tab and line
 * feed), bidi overrides and isolates, and hidden tag text are removed; emoji sequences, joiners used by scripts
 * (Arabic, Persian, Indic) and direction marks (LRM, RLM) stay. Idempotent; never lengthens the text.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(MESSAGE_STRIP, (_match, emoji: string | undefined) => emoji ?? '');
}

/**
 * Characters a name must not hold: every control and format character, everything Unicode says to draw as
 * nothing (Hangul fillers U+3164 and U+1160, variation selectors, the combining grapheme joiner), and the blank
 * braille pattern U+2800, which fonts draw as an empty cell.
 */
const INVISIBLE = String.raw`\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800`;
const NAME_STRIP = new RegExp(`(${EMOJI_SEQUENCE})|(?!\\s)[${INVISIBLE}]`, 'gu');

/** Removes every invisible character from a name, except inside emoji sequences. Leaves white space alone. */
export function stripInvisible(raw: string): string {
  return raw.replace(NAME_STRIP, (_match, emoji: string | undefined) => emoji ?? '');
}

/** Whether the text shows something: a letter, a digit or a symbol (emoji included), not only marks or spaces. */
export function hasVisible(text: string): boolean {
  return /[\p{L}\p{N}\p{S}]/u.test(stripInvisible(text));
}
