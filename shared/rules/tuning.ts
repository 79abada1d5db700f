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
/**
 * Prestige for each sponsor of an adopted resolution, credited for one adopted resolution a year per sponsor (the
 * First Committee adopts dozens a year: more initiatives are noise, not standing); what a rejected one costs them.
 */
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

// ── Objectives ──

/**
 * The thresholds of the secret objectives (objectives.ts). Each is set so that, in the balance tournament's
 * reduced set (six doctrines, the campaign, two seeds), the objective is met in 30–70% of games and in none
 * where nobody plays: an objective is earned, not dealt. The rates are in docs/balance.md; the design test
 * (tests/shared/balance.design.test.ts) keeps them in range.
 */
export const OBJECTIVE = {
  /** Security the US must hold above each of China and Russia at the end (idle games end about 10 above). */
  usLeadMargin: 15,
  /** Artemis Accords partners the US must gather (a card brings the founding seven). */
  artemisPartners: 20,
  /** Alignment the US must keep China and Russia under (idle games drift to about 68). */
  splitBelow: 65,
  /** ILRS partners China must gather. */
  ilrsPartners: 6,
  /** China's missile-warning level to reach (it starts at 1; help from Russia or its own builds). */
  chinaWarning: 3,
  /** China's lunar programme at the end (cards alone bring it to about 25), level with or ahead of the US. */
  chinaMoon: 30,
  /** Alignment Russia must bring the partnership to. */
  partnerAlignment: 70,
  /** Russia's prestige at the end (idle games end about 49). */
  russiaPrestige: 65,
  /** Russia's security at the end (idle games end about 59). */
  russiaSecurity: 62,
  /** PPWT momentum Russia must reach, unless the text is adopted. */
  treatyMomentum: 60,
} as const;
