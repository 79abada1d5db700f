import { describe, expect, it } from 'vitest';
import { DELEGATIONS } from '../../../shared/model/seats.ts';
import type { World } from '../../../shared/rules/model.ts';
import { ordersProblem } from '../../../shared/rules/orders.ts';
import { newWorld } from '../../../shared/rules/resolve.ts';
import { knownToRivals, security, securityTerms } from '../../../shared/rules/security.ts';
import {
  DESTRUCTIVE_TEST,
  DETERRENCE_PER_LEVEL,
  MISSILE_DEFENCE_ALIGNMENT,
  MISSILE_DEFENCE_EXPOSURE,
  MISSILE_DEFENCE_SECURITY,
  SHOWN_ASAT_DETERRENCE,
  UPKEEP_FREE_LEVELS,
  UPKEEP_PER_LEVEL,
} from '../../../shared/rules/tuning.ts';
import { armedLevels, upkeepOf } from '../../../shared/rules/upkeep.ts';
import {
  byRule,
  effects,
  moved,
  type OrdersBy,
  playRounds,
  type Resolved,
  reseeded,
  seedWhere,
  worldWith,
  YEARS,
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

const term = (w: World, d: 'us' | 'china' | 'russia', name: string) =>
  securityTerms(w, d).find((t) => t.term === name)?.value ?? 0;

describe('upkeep: arming has a price every round', () => {
  const heavy = { jamming: 5, laser: 5, coOrbital: 5, directAscent: 5 };

  it('counts every counterspace and missile-defence level beyond the free ones, half a point each, rounded down', () => {
    const start = worldWith();
    for (const d of DELEGATIONS) expect(upkeepOf(start.delegations[d].capabilities)).toBe(0);
    const armed = worldWith({
      delegations: { us: { capabilities: { counterspace: heavy, missileDefence: 3 } } },
    });
    const levels = armedLevels(armed.delegations.us.capabilities);
    expect(levels).toBe(23);
    expect(upkeepOf(armed.delegations.us.capabilities)).toBe(
      Math.floor((levels - UPKEEP_FREE_LEVELS) * UPKEEP_PER_LEVEL),
    );
  });

  it('takes the upkeep from the next budget, and tells the delegation alone', () => {
    const plain = quiet({});
    const armed = quiet(
      {},
      worldWith({ delegations: { us: { capabilities: { counterspace: heavy, missileDefence: 3 } } } }),
    );
    const upkeep = upkeepOf(armed.w.delegations.us.capabilities);
    expect(upkeep).toBeGreaterThan(0);
    expect(plain.w.delegations.us.budget - armed.w.delegations.us.budget).toBe(upkeep);
    expect(armed.w.delegations.china.budget).toBe(plain.w.delegations.china.budget);
    const told = armed.w.story.find((s) => s.round === 1 && /weapon levels/.test(s.text));
    expect(told).toMatchObject({ visibleTo: ['us'] });
    expect(told?.text).toContain(`costs ${upkeep} point`);
  });

  it('a weapon built this round is paid for from the next round on, covert or not', () => {
    const world = worldWith({
      delegations: {
        china: { capabilities: { counterspace: { jamming: 3, laser: 2, coOrbital: 2, directAscent: 2 } } },
      },
    });
    const built = quiet({ china: [{ kind: 'buildCounterspace', weapon: 'coOrbital' }] }, world);
    const idle = quiet({}, world);
    const upkeep = (r: Resolved) => upkeepOf(r.w.delegations.china.capabilities);
    expect(upkeep(built)).toBeGreaterThan(upkeep(idle));
    // China's 8 points: the build's 3 points are gone (half of them would have been saved), and its upkeep due.
    expect(idle.w.delegations.china.budget - built.w.delegations.china.budget).toBe(
      Math.floor(8 / 2) - Math.floor(5 / 2) + upkeep(built) - upkeep(idle),
    );
  });
});

describe('deterrence needs to be known', () => {
  const jammer = { us: [{ kind: 'buildCounterspace' as const, weapon: 'jamming' as const }] };

  it('a covert build nobody detected adds no deterrence until it is revealed', () => {
    const { r } = seedWhere(
      200,
      (s) => reseeded(worldWith(), s),
      jammer,
      (x) => x.w.covert[0]?.knownTo.length === 0 && x.w.incidents.length === 0,
    );
    expect(r.w.delegations.us.capabilities.counterspace.jamming).toBe(3);
    const deterrence = 'own counterspace (deterrence)';
    expect(term(r.w, 'us', deterrence)).toBe(term(r.before, 'us', deterrence));
    const revealed = structuredClone(r.w);
    (revealed.covert[0] as World['covert'][number]).public = true;
    expect(term(revealed, 'us', deterrence)).toBe(term(r.before, 'us', deterrence) + DETERRENCE_PER_LEVEL);
    expect(security(revealed, 'us')).toBeGreaterThan(security(r.w, 'us'));
  });

  it('a covert build one rival detected deters that rival only: half the credit', () => {
    const { r } = seedWhere(
      200,
      (s) => reseeded(worldWith(), s),
      jammer,
      (x) => x.w.covert[0]?.knownTo.length === 1,
    );
    expect(knownToRivals(r.w, 'us') - knownToRivals(r.before, 'us')).toBe(0.5);
  });

  it('an open build deters at once', () => {
    const r = quiet({ us: [{ kind: 'buildCounterspace', weapon: 'laser' }] });
    expect(knownToRivals(r.w, 'us') - knownToRivals(r.before, 'us')).toBe(1);
  });
});

describe('a destructive test shows capability and costs debris and standing', () => {
  const test = { russia: [{ kind: 'testCounterspace' as const, weapon: 'directAscent' as const }] };

  it('raises the tester’s deterrence and prestige at home; costs legitimacy, debris and tension', () => {
    const r = quiet(test);
    expect(r.before.delegations.russia.shownAsat).toBe(false);
    expect(r.w.delegations.russia.shownAsat).toBe(true);
    expect(term(r.before, 'russia', 'direct-ascent ASAT shown in a test')).toBe(0);
    expect(term(r.w, 'russia', 'direct-ascent ASAT shown in a test')).toBe(SHOWN_ASAT_DETERRENCE);
    const mine = r.changes.filter((c) => c.source.kind === 'order' && c.source.by === 'russia');
    expect(effects(mine)).toMatchObject({
      'prestige.russia': DESTRUCTIVE_TEST.prestige,
      'legitimacy.russia': DESTRUCTIVE_TEST.legitimacy,
      debris: DESTRUCTIVE_TEST.debris,
      tension: DESTRUCTIVE_TEST.tension,
    });
    expect(r.story).toContain(
      'The world now knows Russia can strike in orbit: pride at home, condemnation abroad.',
    );
  });

  it('shows the capability once: a second test adds no more deterrence, and costs as much again', () => {
    const [first, second] = playRounds([test, test]) as [Resolved, Resolved];
    expect(term(second.w, 'russia', 'direct-ascent ASAT shown in a test')).toBe(
      term(first.w, 'russia', 'direct-ascent ASAT shown in a test'),
    );
    expect(
      moved(
        second.changes.filter((c) => c.source.kind === 'order'),
        'legitimacy.russia',
      ),
    ).toBe(DESTRUCTIVE_TEST.legitimacy);
  });

  it('the 2015 world remembers China’s 2007 test and the US’s 2008 shot; a 2006 start holds neither', () => {
    const w2015 = newWorld(1, YEARS);
    expect(DELEGATIONS.map((d) => w2015.delegations[d].shownAsat)).toEqual([true, true, false]);
    const w2006 = newWorld(1, [2006, 2008], { asOf: 2006, debris: 10 });
    expect(DELEGATIONS.map((d) => w2006.delegations[d].shownAsat)).toEqual([false, false, false]);
    const w2008 = newWorld(1, [2008], { asOf: 2008 });
    expect(DELEGATIONS.map((d) => w2008.delegations[d].shownAsat)).toEqual([false, true, false]);
  });
});

describe('debris mostly persists; clean-up is slow and costly', () => {
  it('left alone, debris loses a point every other round at most', () => {
    const rounds = playRounds([{}, {}, {}, {}]);
    const last = rounds.at(-1) as Resolved;
    expect(25 - last.w.debris).toBeLessThanOrEqual(2);
    expect(last.w.debris).toBeLessThan(25);
  });

  it('three clean-up orders, one from each delegation, leave most of a destructive test’s cloud in orbit', () => {
    const clean = { kind: 'debrisMitigation' as const };
    const [tested, cleaned] = playRounds([
      { russia: [{ kind: 'testCounterspace', weapon: 'directAscent' }] },
      { us: [clean], china: [clean], russia: [clean] },
    ]) as [Resolved, Resolved];
    expect(moved(cleaned.changes, 'debris')).toBeLessThan(0);
    expect(cleaned.w.debris - tested.before.debris).toBeGreaterThan(DESTRUCTIVE_TEST.debris / 2);
  });
});

describe('missile defence is an order', () => {
  const shield = { us: [{ kind: 'buildMissileDefence' as const }] };

  it('raises the builder’s security and lowers the others’, which feel their deterrent blunted', () => {
    const r = quiet(shield);
    expect(r.w.delegations.us.capabilities.missileDefence).toBe(2);
    expect(term(r.w, 'us', 'missile defence') - term(r.before, 'us', 'missile defence')).toBe(
      MISSILE_DEFENCE_SECURITY,
    );
    for (const d of ['china', 'russia'] as const)
      expect(term(r.w, d, "others' missile defence") - term(r.before, d, "others' missile defence")).toBe(
        -MISSILE_DEFENCE_EXPOSURE,
      );
  });

  it('raises China’s and Russia’s threat perception of the US and pushes them together', () => {
    const r = quiet(shield);
    const spiral = byRule(r, 'spiral').filter((c) => /built missile defence/.test(c.cause));
    expect(spiral.map((c) => c.target).sort()).toEqual(['threat.china.us', 'threat.russia.us']);
    for (const c of spiral) expect(c.delta).toBeGreaterThan(0);
    const pushed = r.changes.filter((c) => c.target === 'alignment' && c.source.kind === 'order');
    expect(effects(pushed)).toEqual({ alignment: MISSILE_DEFENCE_ALIGNMENT });
  });

  it('built by China or Russia, it does not push the two together', () => {
    const r = quiet({ russia: [{ kind: 'buildMissileDefence' }] });
    expect(r.w.delegations.russia.capabilities.missileDefence).toBe(1);
    expect(r.changes.filter((c) => c.target === 'alignment' && c.source.kind === 'order')).toEqual([]);
  });

  it('pays upkeep like a weapon, and stops at level 5', () => {
    const top = worldWith({ delegations: { us: { capabilities: { missileDefence: 5 } } } });
    expect(ordersProblem(top, 'us', [{ kind: 'buildMissileDefence' }])).toMatch(/highest level/);
    expect(armedLevels(top.delegations.us.capabilities)).toBe(
      armedLevels(worldWith().delegations.us.capabilities) + 4,
    );
  });
});
