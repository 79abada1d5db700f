import type { Delegation } from '../model/seats.ts';
import { COUNTERSPACE, type Counterspace, RESOLUTION_TOPICS } from '../rules/model.ts';
import type { Order } from '../rules/orders.ts';
import { recordExpert, recordNovice, recordStandard } from '../bots/doctrines.ts';
import { othersDefected, programme, type Situation, treatyWork } from './situation.ts';

export { othersDefected, programme, type Situation, treatyWork };

/**
 * A way of playing a delegation: the orders it wishes for this round, best first. The caller keeps the
 * affordable, valid prefix (see `affordableOrders`), so a doctrine need not count points. Pure: same situation,
 * same wishes.
 */
export type Doctrine = (s: Situation) => Order[];

/** The rival each delegation watches most: the US watches Russia first, China and Russia the US. */
const rival = (d: Delegation): Delegation => (d === 'us' ? 'russia' : 'us');
const partner = (d: Delegation): Delegation => (d === 'china' ? 'russia' : 'china');
const weaponOf = (round: number, shift = 0): Counterspace => COUNTERSPACE[(round + shift) % 4] ?? 'jamming';

/** Plays nothing: the baseline every objective's base rate is measured against. */
export const idle: Doctrine = () => [];

/**
 * Arms in the open every round: weapons, missile warning (missile defence for the US), satellites and
 * sensors, then its programme; never tests. It pays the upkeep of what it builds, round after round.
 */
export const arm: Doctrine = ({ me, now }) => [
  { kind: 'buildCounterspace', weapon: weaponOf(now.round) },
  { kind: 'buildCounterspace', weapon: weaponOf(now.round, 1) },
  me === 'us' ? { kind: 'buildMissileDefence' } : { kind: 'buildMissileWarning' },
  { kind: 'launchSatellites', regime: 'meo', count: 2 },
  { kind: 'buildSsa' },
  ...programme(me),
];

/** The cheapest hidden arming first: covert jammers and co-orbital inspectors, then open arming with the rest. */
export const covertArm: Doctrine = (s) => [
  { kind: 'buildCounterspace', weapon: 'jamming' },
  { kind: 'buildCounterspace', weapon: 'coOrbital' },
  ...arm(s),
];

/**
 * First Committee resolutions on every topic not yet on this year's agenda and a yes to every resolution up
 * for a vote (the cheap lever), then arming with what is left.
 */
export const spam: Doctrine = (s) => [
  ...s.now.resolutions
    .filter((r) => !r.result && r.proposedRound === s.now.round)
    .map((r): Order => ({ kind: 'voteResolution', resolution: r.id, vote: 'yes' })),
  ...RESOLUTION_TOPICS.filter(
    (topic) => !s.now.resolutions.some((r) => r.topic === topic && r.year === s.now.year),
  ).map((topic): Order => ({ kind: 'proposeResolution', topic })),
  ...arm(s),
];

/** Talks and hedges: the PPWT with verification, transparency measures, a summit, debris clean-up, sensors. */
const talks: Doctrine = ({ me, now }) => [
  now.drafts.ppwt.clauses.verification
    ? { kind: 'coSponsor', draft: 'ppwt' }
    : now.drafts.ppwt.tabled
      ? { kind: 'amendDraft', draft: 'ppwt', clause: 'verification' }
      : { kind: 'tableDraft', draft: 'ppwt' },
  now.measures.hotline
    ? { kind: 'endorseTcbm', measure: 'hotline' }
    : { kind: 'proposeTcbm', measure: 'hotline' },
  now.measures.rendezvousNotice
    ? { kind: 'endorseTcbm', measure: 'rendezvousNotice' }
    : { kind: 'proposeTcbm', measure: 'rendezvousNotice' },
  { kind: 'summit', with: rival(me) },
  { kind: 'debrisMitigation' },
  now.drafts.ppwt.clauses.groundBasedAsat
    ? { kind: 'workingPaper', topic: 'verification' }
    : { kind: 'amendDraft', draft: 'ppwt', clause: 'groundBasedAsat' },
  { kind: 'buildSsa' },
  { kind: 'launchSatellites', regime: 'meo', count: 1 },
];

/** Works the texts (amendments, signatures, ratifications), then talks, its programme, and hedges. */
export const negotiate: Doctrine = (s) => {
  const said = talks(s);
  return [...treatyWork(s), ...said.slice(0, 4), ...programme(s.me), ...said.slice(4)];
};

/**
 * Arms and shows it: tests against its rival (every third round a destructive direct-ascent test, to show the
 * world what it can do), jams, then builds.
 */
export const escalate: Doctrine = (s) => [
  s.now.round % 3 === 1
    ? { kind: 'testCounterspace', weapon: 'directAscent' }
    : { kind: 'testCounterspace', weapon: 'coOrbital', target: rival(s.me) },
  { kind: 'jam', target: rival(s.me) },
  ...arm(s),
];

/**
 * Conditional verified cooperation: negotiates for verifiable texts and transparency while nobody it can see
 * armed or breached in the last round; answers a defection with a round of arming, then offers talks again.
 */
export const verifiedCooperation: Doctrine = (s) => (othersDefected(s) ? arm(s) : negotiate(s));

/** Negotiates and arms in measure, keeping its word: talks first, then what its commitments allow. */
export const balanced: Doctrine = (s) => {
  const said = talks(s);
  return [
    ...treatyWork(s),
    said[0],
    { kind: 'buildCounterspace', weapon: 'jamming' },
    said[1],
    { kind: 'buildMissileWarning' },
    said[3],
    { kind: 'launchSatellites', regime: 'meo', count: 1 },
    said[4],
  ].filter((o): o is Order => o !== undefined);
};

/** Works the bilateral arena: summits and deals with its partner, lunar partnerships, then sensors. */
export const align: Doctrine = ({ me }) => [
  { kind: 'summit', with: partner(me) },
  { kind: 'techDeal', with: partner(me), deal: me === 'us' ? 'navigation' : 'rocketEngines' },
  { kind: 'lunarPartnership', bloc: me === 'us' ? 'artemis' : 'ilrs' },
  { kind: 'lunarMission' },
  { kind: 'buildSsa' },
];

/** Every doctrine by name, in the order the tournament's tables print them. */
export const DOCTRINES = {
  idle,
  arm,
  covertArm,
  spam,
  negotiate,
  verifiedCooperation,
  escalate,
  balanced,
  align,
  // Each country as the record describes it (shared/bots/doctrines.ts), at the bots' three levels. Called
  // through a function: the two modules import each other.
  record: (s: Situation) => recordStandard(s),
  recordNovice: (s: Situation) => recordNovice(s),
  recordExpert: (s: Situation) => recordExpert(s),
} as const satisfies Record<string, Doctrine>;
export type DoctrineName = keyof typeof DOCTRINES;
export const DOCTRINE_NAMES = Object.keys(DOCTRINES) as DoctrineName[];
