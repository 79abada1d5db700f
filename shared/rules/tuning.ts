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

// ── Arms ──

/** Budget points a round for each counterspace and missile-defence level kept beyond the free ones (total rounded down). */
export const UPKEEP_PER_LEVEL = 0.25;
/** Weapon levels whose upkeep the income already pays: each starting arsenal (6 levels) is free, new weapons are not. */
export const UPKEEP_FREE_LEVELS = 6;
/** Security for each level of one's own counterspace that the rivals know of (a covert build deters once revealed). */
export const DETERRENCE_PER_LEVEL = 2.5;
/** The most security that own counterspace (deterrence) can give. */
export const DETERRENCE_CAP = 25;
/** Security from having shown a direct-ascent ASAT in a destructive test the world saw (once, however many tests). */
export const SHOWN_ASAT_DETERRENCE = 5;

/** What a destructive direct-ascent test does: debris, tension, legitimacy lost abroad, prestige won at home. */
export const DESTRUCTIVE_TEST = { debris: 12, tension: 8, legitimacy: -8, prestige: 4 } as const;

/** Cost of one level of missile defence (interceptors and their radars). */
export const MISSILE_DEFENCE_COST = 3;
/** Security for each level of one's own missile defence. */
export const MISSILE_DEFENCE_SECURITY = 3;
/** Security lost for each level of a rival's missile defence: it weakens one's own deterrent. */
export const MISSILE_DEFENCE_EXPOSURE = 1;
/** Weight of a missile-defence build in the security dilemma (each point raises a rival's threat by SPIRAL). */
export const MISSILE_DEFENCE_GAIN = 4;
/** Alignment China and Russia gain when a third power builds missile defence: they balance against it together. */
export const MISSILE_DEFENCE_ALIGNMENT = 3;

/** Share of the global commons score (0–100) that counts in each national score. */
export const COMMONS_SHARE = 0.25;

/** Cost of a debris clean-up order: removal is slow and costly. */
export const DEBRIS_CLEANUP_COST = 2;
/** Debris one clean-up order removes. */
export const DEBRIS_CLEANUP = 1;
/** Prestige one clean-up order earns. */
export const DEBRIS_CLEANUP_PRESTIGE = 1;
/** Old debris re-enters the atmosphere one point every this many rounds (when no cascade runs): it mostly persists. */
export const DEBRIS_DECAY_EVERY = 2;
