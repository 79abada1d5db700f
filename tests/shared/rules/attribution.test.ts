import { describe, expect, it } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { Incident, World } from '../../../shared/rules/model.ts';
import { awareness, readingChance } from '../../../shared/rules/orbit.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import { reseeded, resolveWith, seedWhere, worldWith } from './testWorld.ts';

const SEEDS = 150;

/** Whether the victim of an incident blamed someone who did not cause it. */
const misread = (i: Incident) => {
  const belief = i.belief[i.victim];
  if (belief?.kind !== 'attack') return false;
  return i.cause.kind !== 'attack' || i.cause.by !== belief.by;
};

/**
 * Plays one round in many seeded worlds, each delegation harassed by the other two (a jam and a co-orbital
 * approach), and counts, per victim, the seeds in which it blamed the wrong delegation or nature's doing on one.
 */
function misreadings(world: (seed: number) => World = (s) => reseeded(worldWith(), s)) {
  const counts: Record<Delegation, number> = { us: 0, china: 0, russia: 0 };
  const orders: Record<Delegation, Order[]> = {
    us: [
      { kind: 'jam', target: 'russia' },
      { kind: 'testCounterspace', weapon: 'coOrbital', target: 'china' },
    ],
    china: [
      { kind: 'jam', target: 'us' },
      { kind: 'testCounterspace', weapon: 'coOrbital', target: 'russia' },
    ],
    russia: [
      { kind: 'jam', target: 'china' },
      { kind: 'testCounterspace', weapon: 'coOrbital', target: 'us' },
    ],
  };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const r = resolveWith(orders, world(seed));
    for (const d of DELEGATIONS) if (r.w.incidents.some((i) => i.victim === d && misread(i))) counts[d]++;
  }
  return counts;
}

describe('everyone can misread an incident in orbit', () => {
  it('each of the three blames the wrong hand in some seeds, the best-sensored least often', () => {
    const counts = misreadings();
    for (const d of DELEGATIONS) expect(counts[d]).toBeGreaterThan(0);
    // Wide margins: China (sensors 2) misreads far more often than the US (sensors 4).
    expect(counts.china).toBeGreaterThan(counts.us);
    expect(counts.us).toBeLessThan(SEEDS / 4);
  });

  it('the US at sensor level 4 still misreads a covert co-orbital approach now and then', () => {
    const w = worldWith({ delegations: { china: { capabilities: { counterspace: { coOrbital: 4 } } } } });
    const approach: Incident = {
      id: 'i0',
      round: 1,
      victim: 'us',
      kind: 'closeApproach',
      cause: { kind: 'attack', by: 'china' },
      belief: {},
    };
    const chance = readingChance(w, 'us', approach);
    expect(chance).toBeLessThan(1);
    expect(chance).toBeGreaterThan(0.5);
  });

  it('better sensors read better: more sensor levels, fewer misreadings over many seeds', () => {
    const blind = misreadings((s) =>
      reseeded(worldWith({ delegations: { russia: { capabilities: { ssa: 0 } } } }), s),
    );
    const sharp = misreadings((s) =>
      reseeded(worldWith({ delegations: { russia: { capabilities: { ssa: 5 } } } }), s),
    );
    expect(blind.russia).toBeGreaterThan(sharp.russia + SEEDS / 20);
  });

  it('a skilled jammer is harder to trace than a novice', () => {
    const jam: Incident = {
      id: 'i0',
      round: 1,
      victim: 'china',
      kind: 'signalJammed',
      cause: { kind: 'attack', by: 'russia' },
      belief: {},
    };
    const jammers = (level: number) =>
      worldWith({ delegations: { russia: { capabilities: { counterspace: { jamming: level } } } } });
    expect(readingChance(jammers(5), 'china', jam)).toBeLessThan(readingChance(jammers(1), 'china', jam));
  });
});

describe('a co-orbital inspector both watches and threatens', () => {
  it("adds to its owner's awareness in orbit", () => {
    const none = worldWith({ delegations: { china: { capabilities: { counterspace: { coOrbital: 0 } } } } });
    const three = worldWith({ delegations: { china: { capabilities: { counterspace: { coOrbital: 3 } } } } });
    expect(awareness(three, 'china')).toBeGreaterThan(awareness(none, 'china'));
  });

  it('raises the threat perception of those who see it built', () => {
    const { r } = seedWhere(
      50,
      (s) => reseeded(worldWith(), s),
      { china: [{ kind: 'buildCounterspace', weapon: 'coOrbital' }] },
      (x) => x.w.covert.some((c) => c.by === 'china' && c.knownTo.includes('us')),
    );
    expect(r.w.delegations.us.threat.china ?? 0).toBeGreaterThan(r.before.delegations.us.threat.china ?? 0);
  });
});
