/**
 * The rules' tuning numbers, one place for each: what a number does is said beside it. Tables fitted to the
 * record (the General Assembly's votes) live with the rule that reads them and say their source there.
 */

// ── Reading ──

/** Stance units a sponsor puts behind its own resolution (a yes vote is 1, abstaining 0, a no −1). */
export const SPONSOR_STANCE = 2;
/** Stance units a lobbying effort adds in the direction lobbied, on top of the delegation's vote. */
export const LOBBY_STANCE = 2;
/** Points a lobbying effort at the General Assembly costs. */
export const LOBBY_COST = 1;
/** Legitimacy above or below 50 scales a delegation's pull on the blocs by this much per point (55 pulls 10% more). */
export const STANDING_PULL = 0.02;
/** Bloc seats that swing towards yes in a crisis (tension at or above CRISIS_SWING_AT): states want something done. */
export const CRISIS_SWING = 4;
export const CRISIS_SWING_AT = 60;
/** Prestige for each sponsor of an adopted resolution; what a rejected one costs them. */
export const ADOPTED_PRESTIGE = 2;
export const REJECTED_PRESTIGE = -3;
/** Tension eased by a resolution adopted by a wide margin (yes at least WIDE_MARGIN times no plus abstentions). */
export const WIDE_MARGIN_RELIEF = -1;
export const WIDE_MARGIN = 2;
/** Legitimacy a delegation loses for voting yes where its home bloc mostly votes no, or no where it mostly votes yes. */
export const AGAINST_HOME_BLOC = -1;

/** How much one level of co-orbital inspectors adds to its owner's situational awareness when reading incidents. */
export const INSPECTOR_AWARENESS = 0.5;
/** How much one level of the weapon used adds to an attack's covertness (skill at hiding the hand). */
export const COVERTNESS_PER_LEVEL = 0.25;
/** The chance of a clear reading when awareness equals the incident's difficulty, and its change per point of margin. */
export const READ_BASE = 0.5;
export const READ_SLOPE = 0.25;
/** Even the best sensors muddle some incidents; even the worst read some. */
export const READ_MAX = 0.95;
export const READ_MIN = 0.05;
/** When an attack is not read clearly, the chance that the victim still suspects its true author. */
export const SUSPECT_TRUE_AUTHOR = 0.5;

/** From this year (the invasion of Ukraine), China pays for drawing closer to Russia. */
export const ALIGNMENT_PRICE_FROM = 2022;
/** The alignment at or above which the price is due, for a round in which China and Russia drew closer. */
export const ALIGNMENT_PRICE_AT = 60;
/** Legitimacy China loses per this many points of alignment gained in such a round (rounded up). */
export const ALIGNMENT_PRICE_PER = 4;
/** Years from which Russia depends on China: each after the sanctions of 2014, and of 2022. */
export const DEPENDENCE_YEARS = [2014, 2022] as const;
