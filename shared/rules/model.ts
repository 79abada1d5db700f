import type { Delegation } from '../model/seats.ts';

/**
 * The world of the simulation as plain data: what the rules engine reads and writes. Every indicator is on a
 * 0–100 scale unless its comment says otherwise; every change to one is recorded with its cause (see Change).
 */

export const DRAFTS = ['ppwt', 'tcbm', 'verification'] as const;
export type DraftId = (typeof DRAFTS)[number];

/** Clauses the US and the Western group asked of the PPWT text (CD/1839, 2008; revised as CD/1985, 2014). */
export const CLAUSES = ['verification', 'groundBasedAsat', 'definitions'] as const;
export type Clause = (typeof CLAUSES)[number];

export const TCBMS = ['launchNotification', 'rendezvousNotice', 'hotline', 'noFirstPlacement'] as const;
export type TcbmId = (typeof TCBMS)[number];

export const RESOLUTION_TOPICS = [
  'parosMeasures',
  'noFirstPlacement',
  'responsibleBehaviours',
  'asatTestBan',
] as const;
export type ResolutionTopic = (typeof RESOLUTION_TOPICS)[number];

export const REGIMES = ['leo', 'meo', 'geo'] as const;
export type Regime = (typeof REGIMES)[number];

export const COUNTERSPACE = ['jamming', 'laser', 'coOrbital', 'directAscent'] as const;
export type Counterspace = (typeof COUNTERSPACE)[number];

export const LUNAR_BLOCS = ['artemis', 'ilrs'] as const;
export type LunarBloc = (typeof LUNAR_BLOCS)[number];

export const BLOCS = ['western', 'nam', 'others'] as const;
export type Bloc = (typeof BLOCS)[number];

export interface Capabilities {
  satellites: Record<Regime, number>; // constellations, in abstract units: { leo: 6, meo: 3, geo: 4 }
  counterspace: Record<Counterspace, number>; // levels 0–5
  missileWarning: number; // 0–5: early-warning radars and satellites
  missileDefence: number; // 0–5: interceptors against ballistic missiles (the US GMD from 2004)
  launch: number; // 0–5: launch and heavy lift
  lunar: number; // 0–100: progress of the lunar programme
  ssa: number; // 0–5: space situational awareness (sensors that see what others do in orbit)
}

/** A public word a delegation gave: what the debrief sets beside what it later did. */
export interface Commitment {
  round: number;
  kind: 'statement' | 'sponsor' | 'endorse' | 'vote' | 'sign';
  pledge: Pledge | undefined; // what the words promise, if anything checkable
  text: string; // "Statement: we will not be the first to place weapons in orbit"
}
export const PLEDGES = ['restraint', 'noFirstPlacement', 'noAsatTests', 'notifyApproaches'] as const;
export type Pledge = (typeof PLEDGES)[number];

export interface DelegationState {
  budget: number; // points to spend this round
  income: number; // points each round, before sanctions and deals
  earmarked: number; // points of `budget` that may only go to orbit orders (domestic pressure from threat)
  capabilities: Capabilities;
  threat: Partial<Record<Delegation, number>>; // how threatening this delegation finds each other one
  prestige: number; // standing as a space power
  legitimacy: number; // standing at the UN
  objectives: string[]; // secret objective ids, dealt at the start
  commitments: Commitment[];
  incidentsThisRound: number; // incidents suffered in the last resolution (they weigh on security)
  shownAsat: boolean; // has shown a direct-ascent ASAT in a destructive test the world saw (China 2007)
}

/**
 * A text at the CD. Tabled, it gathers momentum and clauses; adopted by consensus, it is open for signature;
 * a signatory that ratifies it in a later round becomes a party, and only parties are bound by it.
 */
export interface Draft {
  momentum: number; // support at the CD; a text can be adopted from 70
  tabled: boolean;
  sponsors: Delegation[];
  clauses: Record<Clause, boolean>;
  amendments: ProposedAmendment[]; // another delegation's clauses, waiting for the sponsors' answer
  adoptedRound: number | undefined; // adopted at the CD: open for signature from then on
  signatures: Signature[]; // who signed the adopted text, and when
  parties: Delegation[]; // who ratified it (or is bound from the start): bound by the text
}

/** An amendment a non-sponsor proposed: its sponsors accept or refuse it in the next round (silence refuses). */
export interface ProposedAmendment {
  clause: Clause;
  by: Delegation;
  round: number; // proposed in this round, answered in the next
}

export interface Signature {
  by: Delegation;
  round: number; // ratification is possible from the next round
}

export interface Measure {
  endorsers: Delegation[]; // in force between any two endorsers
  proposedRound: number;
}

export interface Resolution {
  id: string; // "r3-asatTestBan"
  topic: ResolutionTopic;
  sponsors: Delegation[];
  proposedRound: number; // voted in the round after
  year?: number | undefined; // the year it was proposed (none in logs of the first rules): one per topic a year
  result:
    | undefined
    | { yes: number; no: number; abstain: number; adopted: boolean; votes: Record<Delegation, Vote> };
}
export type Vote = 'yes' | 'no' | 'abstain';

export interface Sanction {
  by: Delegation;
  target: Delegation;
  kind: 'exportControls' | 'wolfAmendment';
  roundsLeft: number | undefined; // undefined: a standing law, like the Wolf Amendment
  incomeTaken: number; // income the measure took from the target, given back when it lapses or is lifted
}

export const DEALS = ['rocketEngines', 'missileWarning', 'propellant', 'navigation'] as const;
export type DealKind = (typeof DEALS)[number];

/** A running technology deal between two delegations (a contract of a few rounds). */
export interface Deal {
  parties: [Delegation, Delegation]; // in DELEGATIONS order
  deal: DealKind;
  roundsLeft: number;
  seller: Delegation | undefined; // for an engine sale: who sells, fixed when the contract is signed
}

export interface CovertBuild {
  id: string; // "c4"
  round: number;
  by: Delegation;
  kind: Counterspace;
  knownTo: Delegation[]; // delegations whose sensors caught it
  public: boolean; // revealed to all (a leak, a disclosure)
}

/** Something that happened to a delegation's satellites, whose cause each side may read differently. */
export interface Incident {
  id: string; // "i7"
  round: number;
  victim: Delegation;
  kind: 'signalJammed' | 'closeApproach' | 'dazzled' | 'anomaly';
  cause:
    | { kind: 'attack'; by: Delegation }
    | { kind: 'natural'; what: 'spaceWeather' | 'debrisStrike' | 'malfunction' };
  belief: Partial<Record<Delegation, Belief>>; // what the victim (and the attacker) believe
}
export type Belief =
  | { kind: 'attack'; by: Delegation; certain: boolean }
  | { kind: 'natural'; certain: boolean }
  | { kind: 'unknown' };

export interface Violation {
  round: number;
  by: Delegation;
  rule: string; // "PPWT" or "pledge: no destructive ASAT tests"
  what: string;
  detectedBy: Delegation[];
}

/** The words-and-deeds gap: a pledge followed by an order that contradicts it. */
export interface Gap {
  round: number;
  by: Delegation;
  said: string;
  did: string;
}

/** An event card as it was revealed: the card's text travels with it, so views and replays need no content. */
export interface RevealedCard {
  round: number; // revealed at the start of this round
  card: {
    id: string;
    timelineId: string | undefined;
    date: string;
    title: string;
    arena: string;
    actors: string[];
    briefing: string;
    source: { paper: string[]; documents: string[]; inPaper: boolean; checked: string } | undefined; // undefined: the teacher's own
    prompts: { delegation: Delegation; question: string }[];
    teacherNotes: string;
    debrief: string;
  };
  audience: Delegation[] | undefined; // an intelligence card: only these see it, until the next round
  injected: boolean; // fired by the teacher during play
}

/** A line of the round's story ("China and Russia held a summit and issued a joint statement."). */
export interface StoryLine {
  round: number;
  text: string;
  visibleTo: 'all' | Delegation[];
}

/** One change to one indicator, with its cause in words. */
export interface Change {
  round: number;
  target: string; // "tension", "security.us", "threat.us.china", "draft.ppwt.momentum"
  delta: number;
  after: number;
  cause: string; // "Russia's co-orbital inspector shadowed a US satellite"
  source: ChangeSource;
  visibleTo: 'all' | Delegation[]; // secret changes are seen only by those who know
}
export type ChangeSource =
  | { kind: 'order'; by: Delegation; order: number }
  | { kind: 'rule'; rule: string }
  | { kind: 'card'; card: string };

export interface World {
  round: number; // rounds resolved so far
  year: number | undefined;
  rng: number[]; // the seeded generator's state
  tension: number; // the arms-race index
  debris: number; // orbital debris; a cascade starts at 70
  cascade: boolean;
  drafts: Record<DraftId, Draft>;
  measures: Partial<Record<TcbmId, Measure>>;
  resolutions: Resolution[];
  alignment: number; // China–Russia alignment depth: buyer–seller (0) to de facto alliance (90 and more)
  lunar: Record<LunarBloc, { members: Delegation[]; partners: number }>;
  delegations: Record<Delegation, DelegationState>;
  sanctions: Sanction[];
  deals: Deal[];
  covert: CovertBuild[];
  incidents: Incident[];
  violations: Violation[];
  gaps: Gap[];
  changes: Change[]; // every change so far, oldest first
  story: StoryLine[]; // what happened, in words, round by round
  cards: RevealedCard[]; // event cards revealed so far, oldest first
  nextId: number; // for covert builds and incidents
}
