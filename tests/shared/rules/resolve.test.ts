import { describe, expect, it } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { World } from '../../../shared/rules/model.ts';
import { OBJECTIVES } from '../../../shared/rules/objectives.ts';
import { type Order, orderCost } from '../../../shared/rules/orders.ts';
import { newWorld, resolveRound } from '../../../shared/rules/resolve.ts';
import { Dice, seedRng } from '../../../shared/rules/rng.ts';
import { security, securityTerms } from '../../../shared/rules/security.ts';
import { DEBRIS_CLEANUP, DEBRIS_DECAY_EVERY } from '../../../shared/rules/tuning.ts';
import {
  byRule,
  effects,
  moved,
  type OrdersBy,
  type Resolved,
  reseeded,
  resolveWith,
  seedWhere,
  readTarget,
  worldWith,
} from './testWorld.ts';

/** A round in which nature stays quiet (no anomaly anywhere), so only the rule under test moves things. */
function quiet(orders: OrdersBy, world: World = worldWith()): Resolved {
  return seedWhere(
    200,
    (s) => reseeded(world, s),
    orders,
    (r) => r.w.incidents.length === 0,
  ).r;
}

describe('newWorld', () => {
  it('starts from the 2015 record', () => {
    const w = newWorld(7, [2015, 2016]);
    expect([w.round, w.year, w.tension, w.debris, w.alignment, w.cascade]).toEqual([
      0,
      2015,
      35,
      25,
      40,
      false,
    ]);
    expect(w.drafts.ppwt).toMatchObject({ tabled: true, sponsors: ['china', 'russia'], momentum: 35 });
    expect(w.sanctions).toEqual([
      { by: 'us', target: 'china', kind: 'wolfAmendment', roundsLeft: undefined, incomeTaken: 0 },
    ]);
    expect(w.deals).toEqual([
      { parties: ['us', 'russia'], deal: 'rocketEngines', roundsLeft: 3, seller: 'russia' },
    ]);
    expect(DELEGATIONS.map((d) => w.delegations[d].budget)).toEqual([10, 8, 7]);
  });

  it.each([1, 2, 3, 99, 2 ** 31 - 1])(
    'deals two different secret objectives of its own to each delegation (seed %i)',
    (seed) => {
      const w = newWorld(seed, [2015]);
      for (const d of DELEGATIONS) {
        const [a, b] = w.delegations[d].objectives;
        expect(a).not.toBe(b);
        for (const id of [a, b]) expect(OBJECTIVES.find((o) => o.id === id)?.for).toBe(d);
      }
      expect(newWorld(seed, [2015])).toEqual(w);
    },
  );
});

describe('the seeded generator', () => {
  const firstDraws = (seeds: number[]) => seeds.map((seed) => new Dice(seedRng(seed)).int(0, 9999));

  it('gives the same draws for the same seed', () => {
    expect(seedRng(42)).toEqual(seedRng(42));
    expect(firstDraws([42, 42])).toEqual([firstDraws([42])[0], firstDraws([42])[0]]);
  });

  it('scrambles the seed: neighbouring seeds do not start with neighbouring draws', () => {
    // Unscrambled, seeds 1, 2, 3… started 3646, 3645, 3644…: one step apart, in a straight line.
    const draws = firstDraws([1, 2, 3, 4, 5, 6, 7, 8]);
    const steps = draws.slice(1).map((d, i) => d - (draws[i] as number));
    expect(new Set(steps).size).toBeGreaterThan(1);
    expect(steps.every((step) => Math.abs(step) <= 10)).toBe(false);
    expect(Math.max(...draws) - Math.min(...draws)).toBeGreaterThan(1000);
  });
});

describe('resolveRound', () => {
  it('counts the round, sets the next year, and says who gave no orders', () => {
    const w = resolveRound(worldWith(), { us: [{ kind: 'buildSsa' }] }, 2016);
    expect([w.round, w.year]).toEqual([1, 2016]);
    expect(w.story.filter((s) => /gave no orders/.test(s.text)).map((s) => s.text)).toEqual([
      'China gave no orders this round.',
      'Russia gave no orders this round.',
    ]);
  });

  it('leaves the world it was given alone', () => {
    const given = worldWith();
    const copy = structuredClone(given);
    resolveRound(given, { russia: [{ kind: 'buildCounterspace', weapon: 'jamming' }] }, 2016);
    expect(given).toEqual(copy);
  });
});

describe('the security dilemma (spiral)', () => {
  const laser: OrdersBy = { us: [{ kind: 'buildCounterspace', weapon: 'laser' }] };
  const fear = (r: Resolved, observer: Delegation) =>
    moved(
      byRule(r, 'spiral').filter((c) => /laser/.test(c.cause)),
      `threat.${observer}.us`,
    );

  // A laser weighs 3; each point raises a rival's threat perception by 2, times the damping.
  it.each<[string, World, number]>([
    ['China, sensors level 2: 3 × 2 × (1 − 0.12)', worldWith(), 5],
    [
      'China, sensors level 5: 3 × 2 × 0.7',
      worldWith({ delegations: { china: { capabilities: { ssa: 5 } } } }),
      4,
    ],
    ['China, sensors level 0', worldWith({ delegations: { china: { capabilities: { ssa: 0 } } } }), 6],
    [
      'China, with a hotline in force between them: halved',
      worldWith({ measures: { hotline: { endorsers: ['us', 'china'], proposedRound: 0 } } }),
      3,
    ],
    [
      'China, both bound by a treaty: × 0.7',
      worldWith({ drafts: { tcbm: { adoptedRound: 0, tabled: true, parties: ['us', 'china', 'russia'] } } }),
      4,
    ],
    [
      'China, a measure only one of them endorses: no damping',
      worldWith({ measures: { hotline: { endorsers: ['us'], proposedRound: 0 } } }),
      5,
    ],
  ])('%s', (_why, world, expected) => {
    expect(fear(resolveWith(laser, world), 'china')).toBe(expected);
  });

  it('every military gain raises the rivals’ threat perception, told to observer and actor only', () => {
    const r = resolveWith(laser);
    const spiral = byRule(r, 'spiral').filter((c) => /laser/.test(c.cause));
    expect(spiral.map((c) => [c.target, c.cause, c.visibleTo])).toEqual([
      ['threat.china.us', 'The US built a ground-based laser (security dilemma)', ['china', 'us']],
      ['threat.russia.us', 'The US built a ground-based laser (security dilemma)', ['russia', 'us']],
    ]);
  });

  it('a deep China–Russia alignment (50+) makes the US warier of both and the partners calmer with each other', () => {
    const build: OrdersBy = { china: [{ kind: 'buildCounterspace', weapon: 'laser' }] };
    const spiralOn = (alignment: number) => {
      const r = resolveWith(build, worldWith({ alignment, measures: { noFirstPlacement: undefined } }));
      const s = byRule(r, 'spiral');
      return [moved(s, 'threat.us.china'), moved(s, 'threat.russia.china')];
    };
    // US: 3 × 2 × 0.76 = 4.56, × 1.3 = 5.9; Russia: 3 × 2 × 0.82 = 4.9, × 0.5 = 2.5.
    expect(spiralOn(40)).toEqual([5, 5]);
    expect(spiralOn(60)).toEqual([6, 2]);
  });

  it('tension rises with a round of rising threat perceptions (a tenth of the rise)', () => {
    const r = quiet({
      us: [
        { kind: 'buildCounterspace', weapon: 'coOrbital' },
        { kind: 'buildCounterspace', weapon: 'laser' },
      ],
      russia: [{ kind: 'buildCounterspace', weapon: 'directAscent' }, { kind: 'buildMissileWarning' }],
    });
    const rise = r.changes
      .filter((c) => c.target.startsWith('threat.') && c.delta > 0)
      .reduce((s, c) => s + c.delta, 0);
    expect(rise).toBeGreaterThanOrEqual(10);
    expect(
      byRule(r, 'spiral')
        .filter((c) => c.target === 'tension')
        .map((c) => c.delta),
    ).toEqual([Math.round(rise / 10)]);
  });
});

describe('the slow forces', () => {
  it('old grievances fade toward 30 each round, a tenth of the distance, seen only by the one who holds them', () => {
    const r = quiet({});
    const memory = byRule(r, 'memory');
    // 45 → −1, 55 → −2; China's 15 and Russia's 20 toward each other stay where they are.
    expect(effects(memory)).toEqual({
      'threat.us.china': -1,
      'threat.us.russia': -1,
      'threat.china.us': -2,
      'threat.russia.us': -2,
    });
    for (const c of memory) expect(c.visibleTo).toEqual([c.target.split('.')[1]]);
    expect(r.w.delegations.china.threat.russia).toBe(15);
    expect(r.w.delegations.russia.threat.china).toBe(20);
  });

  it.each([
    [0, 0],
    [15, 0],
    [30, 0],
    [31, 0],
    [39, 0],
    [40, -1],
    [55, -2],
    [100, -7],
  ])('a threat perception of %i fades by %i (only fears above 30 fade; lower ones stay)', (threat, fade) => {
    const r = quiet({}, worldWith({ delegations: { us: { threat: { china: threat } } } }));
    expect(moved(byRule(r, 'memory'), 'threat.us.china')).toBe(fade);
    expect(r.w.delegations.us.threat.china).toBe(threat + fade);
  });

  it('tension drifts toward the average threat perception', () => {
    const r = quiet({});
    // (45 + 45 + 55 + 15 + 55 + 20) / 6 = 39.2; (39.2 − 35) × 0.15 = 0.6, so +1.
    expect(byRule(r, 'climate').map((c) => [c.delta, c.cause])).toEqual([
      [1, 'Tension drifts toward how threatened the delegations feel (average 39)'],
    ]);
  });

  it.each<[string, World, number]>([
    ['China and Russia both pressed by the US balance together', worldWith(), 2],
    [
      'wary partners drift apart',
      worldWith({
        delegations: { china: { threat: { us: 20, russia: 45 } }, russia: { threat: { us: 20 } } },
      }),
      -3,
    ],
    ['both at once', worldWith({ delegations: { russia: { threat: { china: 40 } } } }), 2 - 3],
    [
      'neither',
      worldWith({ delegations: { china: { threat: { us: 40 } }, russia: { threat: { us: 40 } } } }),
      0,
    ],
  ])('alignment: %s', (_why, world, expected) => {
    expect(moved(byRule(quiet({}, world), 'balancing'), 'alignment')).toBe(expected);
  });

  it(`old debris re-enters the atmosphere slowly: a point every ${DEBRIS_DECAY_EVERY} rounds`, () => {
    const decays = worldWith({ round: DEBRIS_DECAY_EVERY - 1 }); // resolves a round the decay falls on
    expect(effects(byRule(quiet({}, decays), 'decay'))).toEqual({ debris: -1 });
    expect(byRule(quiet({}, worldWith({ round: DEBRIS_DECAY_EVERY })), 'decay')).toEqual([]);
    expect(byRule(quiet({}, worldWith({ round: DEBRIS_DECAY_EVERY - 1, debris: 0 })), 'decay')).toEqual([]);
  });

  it('debris at 70 starts a cascade: every delegation loses a low-orbit satellite a round and debris feeds itself', () => {
    const r = quiet({}, worldWith({ debris: 70 }));
    expect(r.w.cascade).toBe(true);
    expect(r.story).toContain(
      'Debris has reached the point where collisions make more debris: a cascade has begun in low orbit.',
    );
    expect(effects(byRule(r, 'cascade'))).toEqual({
      'capability.us.satellites.leo': -1,
      'capability.china.satellites.leo': -1,
      'capability.russia.satellites.leo': -1,
      debris: 2,
    });
    expect(securityTerms(r.w, 'us')).toContainEqual({ term: 'debris cascade', value: -10 });
  });

  it('a destructive test can tip orbit into the cascade in the same round', () => {
    const r = quiet(
      { china: [{ kind: 'testCounterspace', weapon: 'directAscent' }] },
      worldWith({ debris: 60 }),
    );
    expect(r.w.cascade).toBe(true);
    expect(r.w.debris).toBe(60 + 12 + 2);
  });

  it('a delegation with no satellites left in low orbit loses none', () => {
    const r = quiet(
      {},
      worldWith({
        debris: 80,
        cascade: true,
        delegations: { us: { capabilities: { satellites: { leo: 0 } } } },
      }),
    );
    expect(moved(r.changes, 'capability.us.satellites.leo')).toBe(0);
  });

  it('the cascade stops once clean-up brings debris under 60, and then debris decays again', () => {
    const clean: Order = { kind: 'debrisMitigation' };
    const r = quiet(
      { us: [clean], china: [clean], russia: [clean] },
      worldWith({ debris: 60 + 3 * DEBRIS_CLEANUP - 1, cascade: true, round: DEBRIS_DECAY_EVERY - 1 }),
    );
    expect(r.w.cascade).toBe(false);
    expect(r.story).toContain('Debris has fallen far enough for the cascade to stop.');
    expect(r.w.debris).toBe(60 - 1 - 1);
  });
});

describe('budgets for the next round', () => {
  it('income plus half of what is left, rocket-engine sales for the seller, at most 20', () => {
    const r = quiet({ us: [{ kind: 'buildSsa' }, { kind: 'buildMissileWarning' }] });
    expect(DELEGATIONS.map((d) => r.w.delegations[d].budget)).toEqual([
      10 + Math.floor(6 / 2),
      8 + Math.floor(8 / 2),
      7 + Math.floor(7 / 2) + 2,
    ]);
    expect(r.w.story.find((s) => /Rocket-engine sales/.test(s.text))).toEqual({
      round: 1,
      text: 'Rocket-engine sales bring 2 extra points.',
      visibleTo: ['russia'],
    });
    const rich = quiet({}, worldWith({ delegations: { us: { income: 18, budget: 20 } } }));
    expect(rich.w.delegations.us.budget).toBe(20);
  });

  it('the orders’ cost comes off the budget they were given from', () => {
    const r = quiet({
      us: [{ kind: 'lunarMission' }, { kind: 'techDeal', with: 'china', deal: 'navigation' }],
    });
    expect(r.w.delegations.us.budget).toBe(10 + Math.floor((10 - 4) / 2));
  });

  it.each([
    [50, 0],
    [70, 2],
    [95, 4],
  ])(
    'a delegation whose greatest fear is %i must earmark %i points for military space',
    (threat, earmark) => {
      const r = quiet({}, worldWith({ delegations: { china: { threat: { us: threat } } } }));
      const fear = r.w.delegations.china.threat.us ?? 0;
      expect(r.w.delegations.china.earmarked).toBe(earmark);
      const told = r.w.story.filter((s) => /Domestic pressure/.test(s.text));
      expect(told).toEqual(
        earmark
          ? [
              {
                round: 1,
                text: `Domestic pressure: with threat perception at ${fear}, ${earmark} points of next round's budget must go to military space.`,
                visibleTo: ['china'],
              },
            ]
          : [],
      );
    },
  );

  it.each<[string, Order[], number]>([
    ['spent in full on military orders', [{ kind: 'buildSsa' }, { kind: 'buildMissileWarning' }], 0],
    [
      'half spent on military orders',
      [{ kind: 'buildSsa' }, { kind: 'workingPaper', topic: 'definitions' }],
      2,
    ],
    ['unspent', [{ kind: 'workingPaper', topic: 'definitions' }], 4],
    ['with no orders at all', [], 4],
  ])('earmarked points %s: what is left of the earmark is lost, not carried over', (_why, orders, lost) => {
    const pressed = worldWith({ delegations: { china: { earmarked: 4 } } });
    const r = resolveWith({ china: orders }, pressed);
    const spent = orders.reduce((s, o) => s + orderCost(o), 0);
    expect(r.w.delegations.china.budget).toBe(8 + Math.floor((8 - spent - lost) / 2));
    const told = r.w.story.filter((s) => /earmarked point/.test(s.text));
    expect(told).toEqual(
      lost
        ? [
            {
              round: 1,
              text: `${lost} earmarked points not spent on military space went back to the treasury.`,
              visibleTo: ['china'],
            },
          ]
        : [],
    );
  });

  it('one earmarked point lost is told in the singular', () => {
    const pressed = worldWith({ delegations: { china: { earmarked: 2 } } });
    const r = resolveWith({ china: [{ kind: 'jam', target: 'us' }] }, pressed);
    expect(r.story).toContain('1 earmarked point not spent on military space went back to the treasury.');
    expect(r.w.delegations.china.budget).toBe(8 + Math.floor((8 - 1 - 1) / 2));
  });

  it('without an earmark, unspent points carry over by half as before, and nothing is said', () => {
    const r = resolveWith({ china: [{ kind: 'workingPaper', topic: 'definitions' }] });
    expect(r.w.delegations.china.budget).toBe(8 + Math.floor(7 / 2));
    expect(r.w.story.filter((s) => /earmarked point/.test(s.text))).toEqual([]);
  });

  it('a rocket-engine deal runs out after its rounds, and the sales with it', () => {
    const w = worldWith({
      deals: [{ parties: ['us', 'russia'], deal: 'rocketEngines', roundsLeft: 1, seller: 'russia' }],
    });
    const r = quiet({}, w);
    expect(r.w.deals).toEqual([]);
    expect(r.story).toContain('The rocket-engine deal between the US and Russia expired.');
    expect(r.w.delegations.russia.budget).toBe(7 + 3);
  });
});

describe('security notes', () => {
  it('each delegation’s security change is noted term by term, and its value is the derived one', () => {
    const r = quiet({ us: [{ kind: 'launchSatellites', regime: 'geo', count: 1 }] });
    const note = r.changes.find((c) => c.target === 'security.us');
    expect(note).toMatchObject({
      delta: security(r.w, 'us', true) - security(r.before, 'us', true),
      after: security(r.w, 'us', true),
      cause: 'Security of the US: own satellites +2',
      source: { kind: 'rule', rule: 'security' },
    });
    expect(readTarget(r.w, 'security.us')).toBe(note?.after);
  });

  it('a delegation’s own security counts only the rivals’ weapons it knows of; the true figure counts them all', () => {
    // Russia builds jammers in secret; neither the US nor China has the sensors to see them. The US launches.
    const blind = (s: number) =>
      reseeded(
        worldWith({ delegations: { us: { capabilities: { ssa: 0 } }, china: { capabilities: { ssa: 0 } } } }),
        s,
      );
    const { r } = seedWhere(
      200,
      blind,
      {
        us: [{ kind: 'launchSatellites', regime: 'geo', count: 1 }],
        russia: [{ kind: 'buildCounterspace', weapon: 'jamming' }],
      },
      (x) => x.w.covert[0]?.knownTo.length === 0 && x.w.incidents.length === 0,
    );
    // The US sees only its new satellite; in truth the jammers (1 × 2, no sensors) took as much away.
    expect(r.changes.filter((c) => c.target === 'security.us')).toMatchObject([
      {
        delta: 2,
        after: security(r.before, 'us', true) + 2,
        cause: 'Security of the US: own satellites +2',
      },
    ]);
    expect(security(r.w, 'us', true)).toBe(security(r.before, 'us', true) + 2);
    expect(security(r.w, 'us')).toBe(security(r.before, 'us'));
    // China saw nothing move: no note at all, though its true security fell.
    expect(r.changes.filter((c) => c.target === 'security.china')).toEqual([]);
    expect(security(r.w, 'china')).toBeLessThan(security(r.w, 'china', true));
    // Russia knows its own jammers: its figures are the true ones.
    expect(security(r.w, 'russia', true)).toBe(security(r.w, 'russia'));
  });

  it('a covert build found out later moves the delegation’s own security then, with its cause', () => {
    const blind = (s: number) =>
      reseeded(
        worldWith({ delegations: { us: { capabilities: { ssa: 0 } }, china: { capabilities: { ssa: 0 } } } }),
        s,
      );
    let found: Resolved | undefined;
    for (let seed = 1; seed <= 200 && !found; seed++) {
      const w = blind(seed);
      const built = resolveRound(
        w,
        { russia: [{ kind: 'buildCounterspace', weapon: 'jamming' }] },
        undefined,
      );
      if (built.covert[0]?.knownTo.length !== 0) continue;
      const next = resolveWith({}, built);
      if (next.w.covert[0]?.public && next.w.incidents.every((i) => i.round !== 2)) found = next;
    }
    expect(found).toBeDefined();
    const note = found?.changes.find((c) => c.target === 'security.us');
    expect(note?.cause).toMatch(/others' counterspace -/);
    expect(note?.after).toBe(security(found!.w, 'us', true));
    expect(security(found!.w, 'us', true)).toBe(security(found!.w, 'us'));
  });

  it('another’s new weapon lowers your security even if nobody uses it', () => {
    const r = quiet({ russia: [{ kind: 'buildCounterspace', weapon: 'laser' }] });
    expect(r.changes.find((c) => c.target === 'security.us')?.cause).toMatch(/others' counterspace -/);
    expect(security(r.w, 'us')).toBeLessThan(security(r.before, 'us'));
  });
});
