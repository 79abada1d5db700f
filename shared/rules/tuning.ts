/**
 * The rules' tuning numbers, in one place, each with what it does. Rules import them from here; the rulebook
 * (docs/rules.md) states them in words.
 */

// ── Treaties ──

/** Momentum a clause brings to a text when it joins it (a sponsor's amendment, or one the sponsors accepted). */
export const AMENDMENT_MOMENTUM = 4;
/** Legitimacy each sponsor loses for refusing, or leaving unanswered, another delegation's amendment to its text. */
export const AMENDMENT_REFUSAL_LEGITIMACY = 3;
/** Order costs at the CD: signing an adopted text, and ratifying it (the domestic procedure). */
export const SIGN_COST = 0;
export const RATIFY_COST = 1;
/** Legitimacy a delegation gains when it signs an adopted text, and when it ratifies it. */
export const SIGNATURE_LEGITIMACY = 1;
export const RATIFICATION_LEGITIMACY = 2;
/** Tension eases by this much when a treaty gets its second party and enters into force between them. */
export const ENTRY_INTO_FORCE_TENSION = -5;
/**
 * Legitimacy a detected breach costs: a party is bound by the treaty; a signatory that has not ratified has
 * only given its political word, and loses less (a delegation that never signed loses nothing by the treaty).
 */
export const BREACH_LEGITIMACY = { party: -10, signatory: -5 } as const;
/**
 * Inspection under a text with verification (a PPWT with the verification clause, or the verification protocol):
 * each other delegation's chance of detecting a breach by one of its parties rises by this much.
 */
export const VERIFIED_BREACH_DETECTION = 0.4;
/** Inspection: each other delegation's chance of detecting a covert build by a party of a verified text rises by this much. */
export const INSPECTED_BUILD_DETECTION = 0.25;
