/**
 * Every name people read for an internal id, in one table per kind of id: delegations, seats, phases, roles,
 * bot levels, texts at the CD, clauses, measures, topics, weapons, capabilities, orbits, blocs, deals, stances,
 * incidents and card arenas. The rules, the screens, the replay and the exports import their names from here,
 * so an id never reaches a screen and one thing is never called two names. Order kinds keep their titles with
 * their forms in ORDER_SPECS (shared/rules/orders.ts), and each order's help in orderHelp.ts.
 *
 * Several tables give one id in two or three forms: a name for a list or a heading ("United States"), a short
 * label where space is scarce ("US"), and a form that reads inside a sentence ("the US"). Names written into
 * the world's causes and story are hashed with it: changing one changes the golden hashes of today's rules
 * (tests/shared/rules/campaign.golden.test.ts, tests/fixtures/golden), and of a frozen engine that imports it.
 */
import { ROUND_PHASES, type RoundPhase, type SessionStage } from '../model/phases.ts';
import { DELEGATION_NAMES, type Delegation, type Seat } from '../model/seats.ts';
import type {
  Bloc,
  Clause,
  Counterspace,
  DealKind,
  DraftId,
  Incident,
  LunarBloc,
  Regime,
  ResolutionTopic,
  TcbmId,
} from '../rules/model.ts';

/*
 * Tables kept beside their ids, because the frozen engine of rules v1 imports them from there (delegations,
 * seats, phases) or another branch of work adds ids to them (roles): import them from here all the same.
 */
export { BOT_LEVEL_NAMES } from '../model/botLevels.ts'; // "played by the server (standard)"
export { PHASE_NAMES } from '../model/phases.ts'; // "Briefing", "Round debrief"
export { DELEGATION_NAMES, SEAT_NAMES } from '../model/seats.ts'; // "United States", "Observers"
export { ROLE_NAMES } from '../session/chat.ts'; // "Head of delegation"
export { ARENA_NAMES } from './card.ts'; // "Conference on Disarmament and UN"

// ── Counts and times ──

const pluralRules = new Intl.PluralRules('en');

/** "1 point", "2 points", "0 orders": a count with its noun in the right number (`other` defaults to noun + s). */
export function plural(n: number, one: string, other = `${one}s`): string {
  return `${n} ${pluralRules.select(n) === 'one' ? one : other}`;
}

/** "1 point", "3 points". */
export const points = (n: number) => plural(n, 'point');

/** A clock's time left, "4:05", for a number of milliseconds (rounded to the second, never below 0:00). */
export function clockTime(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A wait in a sentence, "45 seconds", "1 minute", "6 minutes 30 seconds" (rounded up, at least 1 second). */
export function duration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const m = Math.floor(s / 60);
  if (m === 0) return plural(s, 'second');
  return s % 60 ? `${plural(m, 'minute')} ${plural(s % 60, 'second')}` : plural(m, 'minute');
}

/** Half minutes as a plan writes them: "4", "½", "1½". */
export function minutesText(m: number): string {
  const whole = Math.floor(m);
  const half = m - whole === 0.5 ? '½' : '';
  return whole === 0 && half ? half : `${whole}${half}`;
}

/** A plan's timers in words: "briefing 1, negotiation 4, orders 3, resolution ½, round debrief 1½". */
export function timerList(timers: Record<RoundPhase, number>): string {
  return ROUND_PHASES.map((p) => `${TIMER_WORDS[p]} ${minutesText(timers[p])}`).join(', ');
}

/** How a plan's summary names each phase's timer: "negotiation 4", "round debrief 1½". */
export const TIMER_WORDS: Record<RoundPhase, string> = {
  briefing: 'briefing',
  negotiation: 'negotiation',
  orders: 'orders',
  resolution: 'resolution',
  debrief: 'round debrief',
};

// ── Delegations and seats ──

/** A delegation where space is scarce: a chart's legend, a channel's name ("US–China"). */
export const DELEGATION_SHORT: Record<Delegation, string> = { us: 'US', china: 'China', russia: 'Russia' };
/** A delegation inside a sentence: "the US held a summit". */
export const DELEGATION_IN_SENTENCE: Record<Delegation, string> = {
  us: 'the US',
  china: 'China',
  russia: 'Russia',
};
/** A delegation in full inside a sentence: "the threat felt by the United States". */
export const DELEGATION_IN_FULL: Record<Delegation, string> = {
  us: 'the United States',
  china: 'China',
  russia: 'Russia',
};
/** A delegation's possessive inside a sentence: "the US's prestige". */
export const DELEGATION_POSSESSIVE: Record<Delegation, string> = {
  us: "the US's",
  china: "China's",
  russia: "Russia's",
};

/** A seat inside a sentence: "You sit with the United States", "Olga already sits with the observers". */
export const SEAT_IN_SENTENCE: Record<Seat, string> = {
  ...DELEGATION_IN_FULL,
  observer: 'the observers',
  unseated: 'no delegation',
};

/** A name that opens a sentence: "the United States has…" -> "The United States has…". */
export const opening = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Two delegations as an adjective, "the US–China summit": the article belongs to the noun, not the US. */
export const pairName = (a: Delegation, b: Delegation) => `${DELEGATION_SHORT[a]}–${DELEGATION_SHORT[b]}`;

// ── The session ──

/** A phase inside a sentence: "moved on to the orders phase of round 2". */
export const PHASE_IN_SENTENCE: Record<RoundPhase, string> = {
  briefing: 'the briefing',
  negotiation: 'the negotiation phase',
  orders: 'the orders phase',
  resolution: 'the resolution',
  debrief: 'the debrief',
};

/** A session's stage, and a stored session's state in the list of past sessions: "ended", "being played". */
export const SESSION_STATE_NAMES: Record<SessionStage | 'closed' | 'damaged', string> = {
  lobby: 'in the lobby',
  playing: 'being played',
  ended: 'ended',
  closed: 'closed before the end',
  damaged: 'damaged',
};

// ── Texts and votes at the CD and the UN ──

export const DRAFT_NAMES: Record<DraftId, string> = {
  ppwt: 'the PPWT (treaty on the prevention of the placement of weapons in outer space)',
  tcbm: 'the code of conduct on transparency and confidence-building',
  verification: 'the verification protocol',
};
/** A text inside a sentence, after "the": "Table the PPWT". */
export const DRAFT_SHORT: Record<DraftId, string> = {
  ppwt: 'PPWT',
  tcbm: 'code of conduct',
  verification: 'verification protocol',
};
/** A text as a label on its own: the chamber's momentum bars. */
export const DRAFT_LABELS: Record<DraftId, string> = {
  ppwt: 'PPWT',
  tcbm: 'Code of conduct',
  verification: 'Verification protocol',
};

export const CLAUSE_NAMES: Record<Clause, string> = {
  verification: 'a verification mechanism',
  groundBasedAsat: 'a ban on ground-based (direct-ascent) ASAT weapons',
  definitions: 'agreed definitions of a space weapon',
};

export const TCBM_NAMES: Record<TcbmId, string> = {
  launchNotification: 'advance notice of launches',
  rendezvousNotice: 'notice before close approaches to others’ satellites',
  hotline: 'a space hotline between capitals',
  noFirstPlacement: 'a pledge of no first placement of weapons in orbit',
};

/** A General Assembly resolution's topic inside a sentence: "a resolution on no first placement of …". */
export const TOPIC_NAMES: Record<ResolutionTopic, string> = {
  parosMeasures: 'further measures for the prevention of an arms race in outer space',
  noFirstPlacement: 'no first placement of weapons in outer space',
  responsibleBehaviours: 'norms of responsible behaviour in space',
  asatTestBan: 'a halt to destructive direct-ascent ASAT tests',
};
/** A topic as a short label: the chamber's tally. */
export const TOPIC_LABELS: Record<ResolutionTopic, string> = {
  parosMeasures: 'PAROS measures',
  noFirstPlacement: 'No first placement',
  responsibleBehaviours: 'Responsible behaviours',
  asatTestBan: 'ASAT test halt',
};

/**
 * A resolution named by its id ("r3-asatTestBan", proposed in round 3): "the resolution on a halt to destructive
 * direct-ascent ASAT tests (round 3)". An id of another shape is named as "resolution" and its text.
 */
export function resolutionName(id: string): string {
  const m = /^r(\d+)-(\w+)$/.exec(id);
  const topic = m?.[2] as ResolutionTopic | undefined;
  return m && topic && Object.hasOwn(TOPIC_NAMES, topic)
    ? `the resolution on ${TOPIC_NAMES[topic]} (round ${m[1]})`
    : `resolution ${id}`;
}

/** The UN's voting blocs besides the three delegations. */
export const UN_BLOC_NAMES: Record<Bloc, string> = {
  western: 'Western group',
  nam: 'Non-Aligned Movement and G-21',
  others: 'Other states',
};

/** What a statement on the CD floor stands for, inside a sentence: "a statement of restraint". */
export const STANCE_NAMES = {
  restraint: 'restraint',
  noFirstPlacement: 'no first placement of weapons',
  deterrence: 'deterrence',
  partnership: 'partnership',
  condemn: 'condemnation',
} as const;
export type StatementStance = keyof typeof STANCE_NAMES;

// ── Bilateral ──

/** A technology deal inside a sentence: "tried to agree a rocket-engine sale". */
export const DEAL_NAMES: Record<DealKind, string> = {
  rocketEngines: 'a rocket-engine sale',
  missileWarning: 'help with missile early warning',
  propellant: 'propellant and engine cooperation',
  navigation: 'satellite navigation cooperation (GLONASS–BeiDou)',
};
/** A technology deal as an adjective: "the missile-warning deal between China and Russia expired". */
export const DEAL_SHORT: Record<DealKind, string> = {
  rocketEngines: 'rocket-engine',
  missileWarning: 'missile-warning',
  propellant: 'propellant',
  navigation: 'navigation',
};
/** A technology deal as a choice on the order form and in the order's line. */
export const DEAL_CHOICES: Record<DealKind, string> = {
  rocketEngines: 'rocket engines (such as the RD-180)',
  missileWarning: 'help with missile early warning',
  propellant: 'propellant and engines',
  navigation: 'satellite navigation',
};

/** A lunar bloc's name on its own; inside a sentence it takes "the". */
export const LUNAR_BLOC_NAMES: Record<LunarBloc, string> = {
  artemis: 'Artemis Accords',
  ilrs: 'International Lunar Research Station (ILRS)',
};
/** A lunar bloc where space is scarce. */
export const LUNAR_BLOC_SHORT: Record<LunarBloc, string> = { artemis: 'Artemis Accords', ilrs: 'ILRS' };

// ── In orbit ──

export const REGIME_NAMES: Record<Regime, string> = {
  leo: 'low Earth orbit',
  meo: 'medium Earth orbit',
  geo: 'geostationary orbit',
};
export const REGIME_SHORT: Record<Regime, string> = { leo: 'LEO', meo: 'MEO', geo: 'GEO' };

/** One counterspace weapon inside a sentence: "Build a ground-based laser". */
export const WEAPON_NAMES: Record<Counterspace, string> = {
  jamming: 'jammers',
  laser: 'a ground-based laser',
  coOrbital: 'a co-orbital inspector ("nesting doll")',
  directAscent: 'a direct-ascent ASAT missile',
};

/** A capability by its path under `capability.<delegation>.` ("satellites.leo", "ssa"). */
export const CAPABILITY_NAMES: Record<string, string> = {
  'satellites.leo': 'satellites in low orbit',
  'satellites.meo': 'satellites in medium orbit',
  'satellites.geo': 'satellites in geostationary orbit',
  'counterspace.jamming': 'jammers',
  'counterspace.laser': 'ground-based lasers',
  'counterspace.coOrbital': 'co-orbital inspectors',
  'counterspace.directAscent': 'direct-ascent ASAT missiles',
  missileWarning: 'missile warning',
  missileDefence: 'missile defence',
  launch: 'launch capability',
  ssa: 'space situational awareness',
  lunar: 'lunar programme',
};

/** What happened to a satellite, as the victim first sees it (a sentence's subject and verb). */
export const INCIDENT_NAMES: Record<Incident['kind'], string> = {
  signalJammed: 'satellite signals were jammed',
  closeApproach: 'a satellite was closely shadowed by an unknown object',
  dazzled: "a satellite's sensors were dazzled",
  anomaly: 'a satellite suffered an anomaly',
};
/** An incident as a short label beside a satellite. */
export const INCIDENT_LABELS: Record<Incident['kind'], string> = {
  closeApproach: 'close approach',
  signalJammed: 'signals jammed',
  dazzled: 'sensors dazzled',
  anomaly: 'anomaly',
};
/** A natural cause of an incident: "a natural cause (space weather)". */
export const NATURAL_CAUSE_NAMES: Record<Extract<Incident['cause'], { kind: 'natural' }>['what'], string> = {
  spaceWeather: 'space weather',
  debrisStrike: 'a debris strike',
  malfunction: 'a malfunction',
};

/**
 * How a delegation's attribution assessment compares with what really caused an incident: the debrief's
 * "Assessments against the truth".
 */
export const ATTRIBUTION_VERDICTS = ['right', 'wrong', 'open', 'missing'] as const;
export type AttributionVerdict = (typeof ATTRIBUTION_VERDICTS)[number];
export const ATTRIBUTION_VERDICT_NAMES: Record<AttributionVerdict, string> = {
  right: 'Right: it named the real cause',
  wrong: 'Wrong: it named another cause',
  open: 'No call: the team was not sure',
  missing: 'Not assessed',
};

// ── The desk's controls ──

/**
 * The desk's controls that a role's task names, as the screens label them: the task says "press Confirm our
 * orders", and the button reads the same words from here.
 */
export const CONTROL_NAMES = {
  teamTab: 'Our team', // the team chat's tab in Talks
  floorTab: 'CD floor (public)', // the CD floor's tab in Talks
  channelTab: 'With …', // a bilateral channel's tab in Talks ("With China")
  notes: 'Team notes',
  newOrder: 'New order', // the order picker
  confirm: 'Confirm our orders', // the head's button
  assessment: 'Our assessment', // the assessment panel
  saveAssessment: 'Save our assessment',
  cards: 'Event cards',
  world: 'the world panel',
} as const;

/** A bilateral channel's tab in Talks: "With China". */
export const channelTabName = (d: Delegation) => `With ${DELEGATION_NAMES[d]}`;

/** What an order option gains in the picker when giving that order is the student's role's task now. */
export const YOUR_TASK_MARK = '(your task)';
