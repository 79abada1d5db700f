import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { World } from '../../../shared/rules/model.ts';
import { type Order, orderCost, ordersProblem } from '../../../shared/rules/orders.ts';
import { newWorld, resolveRound } from '../../../shared/rules/resolve.ts';

/** A way of playing: the orders a delegation wishes for, best first; the harness keeps those it can afford. */
export type Strategy = (w: World, d: Delegation) => Order[];

const rival = (d: Delegation): Delegation => (d === 'us' ? 'russia' : 'us');
const partner = (d: Delegation): Delegation =>
  d === 'china' ? 'russia' : d === 'russia' ? 'china' : 'china';

const WEAPONS = ['coOrbital', 'directAscent', 'laser', 'jamming'] as const;

/** Only arms, without testing: weapons, missile warning, sensors and satellites every round. */
export const arm: Strategy = (w) => [
  { kind: 'buildCounterspace', weapon: WEAPONS[w.round % 4] ?? 'jamming' },
  { kind: 'buildCounterspace', weapon: WEAPONS[(w.round + 1) % 4] ?? 'jamming' },
  { kind: 'buildMissileWarning' },
  { kind: 'launchSatellites', regime: 'meo', count: 2 },
  { kind: 'buildSsa' },
];

/** Arms and shows it: builds, then tests against its rival. */
export const escalate: Strategy = (w, d) => [
  { kind: 'testCounterspace', weapon: 'coOrbital', target: rival(d) },
  { kind: 'jam', target: rival(d) },
  ...arm(w, d),
];

/** Weapons a delegation may build without breaking a rule it accepted. */
function lawful(w: World, d: Delegation): (typeof WEAPONS)[number][] {
  const ppwt = w.drafts.ppwt.parties.includes(d);
  const pledged = w.delegations[d].commitments.some(
    (c) => c.pledge === 'noFirstPlacement' && c.kind !== 'statement',
  );
  return WEAPONS.filter(
    (k) =>
      !((ppwt || pledged) && k === 'coOrbital') &&
      !(ppwt && w.drafts.ppwt.clauses.groundBasedAsat && k === 'directAscent'),
  );
}

/** Also negotiates, and keeps its word: talks, and arms only with what its commitments allow. */
export const balanced: Strategy = (w, d) => {
  const n = negotiate(w, d);
  const allowed = lawful(w, d);
  const weapon = allowed[w.round % allowed.length] ?? 'jamming';
  return [
    n[0],
    { kind: 'buildCounterspace', weapon },
    n[1],
    { kind: 'buildMissileWarning' },
    n[3],
    { kind: 'launchSatellites', regime: 'meo', count: 1 },
    n[4],
  ].filter((o): o is Order => o !== undefined);
};

/** Negotiates and hedges: drafts, measures, summits and clean-up, with some sensors and satellites. */
export const negotiate: Strategy = (w, d) => [
  w.drafts.ppwt.clauses.verification
    ? { kind: 'coSponsor', draft: 'ppwt' }
    : { kind: 'amendDraft', draft: 'ppwt', clause: 'verification' },
  w.measures.hotline
    ? { kind: 'endorseTcbm', measure: 'hotline' }
    : { kind: 'proposeTcbm', measure: 'hotline' },
  w.measures.rendezvousNotice
    ? { kind: 'endorseTcbm', measure: 'rendezvousNotice' }
    : { kind: 'proposeTcbm', measure: 'rendezvousNotice' },
  { kind: 'summit', with: rival(d) === d ? partner(d) : rival(d) },
  { kind: 'debrisMitigation' },
  w.drafts.ppwt.clauses.groundBasedAsat
    ? { kind: 'workingPaper', topic: 'verification' }
    : { kind: 'amendDraft', draft: 'ppwt', clause: 'groundBasedAsat' },
  { kind: 'buildSsa' },
  { kind: 'launchSatellites', regime: 'meo', count: 1 },
];

/** Keeps the affordable, valid prefix of a wish list, in order. */
export function affordable(w: World, d: Delegation, wishes: Order[]): Order[] {
  const chosen: Order[] = [];
  for (const o of wishes) {
    if (chosen.length >= 6) break;
    const tryList = [...chosen, o];
    if (!ordersProblem(w, d, tryList)) chosen.push(o);
  }
  return chosen;
}

/** Plays a whole game with one strategy per delegation; returns the final world. */
export function play(
  seed: number,
  strategies: Record<Delegation, Strategy>,
  years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
): World {
  let w = newWorld(seed, years);
  for (let i = 0; i < years.length; i++) {
    const orders = Object.fromEntries(DELEGATIONS.map((d) => [d, affordable(w, d, strategies[d](w, d))]));
    w = resolveRound(w, orders, years[i + 1]);
  }
  return w;
}

export { orderCost };
