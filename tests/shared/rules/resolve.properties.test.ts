/**
 * Seeded fuzzing of the rules engine: random legal orders over several rounds from random seeds and starting
 * points. Whatever the delegations order, a resolution is deterministic, cannot depend on the order of the
 * lists, keeps every indicator in range, and records each change with its cause. fast-check prints the seed
 * and the shortest failing plan; a failing plan becomes a named test in the regression block of the unit files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import {
  CLAUSES,
  COUNTERSPACE,
  DEALS,
  DRAFTS,
  LUNAR_BLOCS,
  REGIMES,
  RESOLUTION_TOPICS,
  TCBMS,
  type World,
} from '../../../shared/rules/model.ts';
import { type Order, orderCost, ordersProblem } from '../../../shared/rules/orders.ts';
import { resolveRound } from '../../../shared/rules/resolve.ts';
import { viewFor } from '../../../shared/rules/views.ts';
import { deepFreeze } from '../testSession.ts';
import { readTarget, worldWith } from './testWorld.ts';

const NUM_RUNS = 100;

const who = fc.constantFrom(...DELEGATIONS);
const draft = fc.constantFrom(...DRAFTS);

/** Any order at all; `ballot-<topic>` stands for the resolution proposed last round on that topic. */
const anyOrder: fc.Arbitrary<Order> = fc.oneof(
  draft.map((d) => ({ kind: 'tableDraft' as const, draft: d })),
  draft.map((d) => ({ kind: 'coSponsor' as const, draft: d })),
  fc
    .tuple(draft, fc.constantFrom(...CLAUSES))
    .map(([d, clause]) => ({ kind: 'amendDraft' as const, draft: d, clause })),
  draft.map((d) => ({ kind: 'blockConsensus' as const, draft: d })),
  fc.constantFrom(...TCBMS).map((measure) => ({ kind: 'proposeTcbm' as const, measure })),
  fc.constantFrom(...TCBMS).map((measure) => ({ kind: 'endorseTcbm' as const, measure })),
  fc
    .constantFrom('definitions' as const, 'verification' as const)
    .map((topic) => ({ kind: 'workingPaper' as const, topic })),
  fc.constantFrom(...RESOLUTION_TOPICS).map((topic) => ({ kind: 'proposeResolution' as const, topic })),
  fc
    .tuple(
      fc.constantFrom(...RESOLUTION_TOPICS),
      fc.constantFrom('yes' as const, 'no' as const, 'abstain' as const),
    )
    .map(([topic, vote]) => ({ kind: 'voteResolution' as const, resolution: `ballot-${topic}`, vote })),
  fc
    .record(
      {
        stance: fc.constantFrom(
          'restraint' as const,
          'noFirstPlacement' as const,
          'deterrence' as const,
          'partnership' as const,
          'condemn' as const,
        ),
        target: who,
        text: fc.constantFrom('', 'We will not be first.', '  '),
      },
      { requiredKeys: ['stance', 'text'] },
    )
    .map((s) => ({ kind: 'statement' as const, ...s })),
  draft.map((d) => ({ kind: 'withdrawTreaty' as const, draft: d })),
  who.map((w) => ({ kind: 'summit' as const, with: w })),
  fc.tuple(who, fc.constantFrom(...DEALS)).map(([w, deal]) => ({ kind: 'techDeal' as const, with: w, deal })),
  fc
    .tuple(who, fc.constantFrom('exportControls' as const, 'wolfAmendment' as const))
    .map(([target, measure]) => ({ kind: 'sanction' as const, target, measure })),
  fc
    .tuple(who, fc.constantFrom('exportControls' as const, 'wolfAmendment' as const))
    .map(([target, measure]) => ({ kind: 'liftSanction' as const, target, measure })),
  fc.constantFrom(...LUNAR_BLOCS).map((bloc) => ({ kind: 'lunarPartnership' as const, bloc })),
  fc
    .tuple(fc.constantFrom(...REGIMES), fc.integer({ min: 1, max: 3 }))
    .map(([regime, count]) => ({ kind: 'launchSatellites' as const, regime, count })),
  fc.constantFrom(...COUNTERSPACE).map((weapon) => ({ kind: 'buildCounterspace' as const, weapon })),
  fc
    .record(
      {
        weapon: fc.constantFrom('directAscent' as const, 'coOrbital' as const, 'laser' as const),
        target: who,
      },
      { requiredKeys: ['weapon'] },
    )
    .map((t) => ({ kind: 'testCounterspace' as const, ...t })),
  who.map((target) => ({ kind: 'jam' as const, target })),
  fc.constant({ kind: 'buildMissileWarning' as const }),
  fc.constant({ kind: 'buildMissileDefence' as const }),
  fc.constant({ kind: 'buildSsa' as const }),
  who.map((w) => ({ kind: 'jointExercise' as const, with: w })),
  fc.constant({ kind: 'debrisMitigation' as const }),
  fc.constant({ kind: 'lunarMission' as const }),
);

/** What each delegation would like to order in one round, before its budget and the checks trim it. */
const wishes = fc.record({
  us: fc.array(anyOrder, { maxLength: 9 }),
  china: fc.array(anyOrder, { maxLength: 9 }),
  russia: fc.array(anyOrder, { maxLength: 9 }),
});

/**
 * A seed, a starting point off the record (so cascades, adoptions, crises and sanctions at the income floor come
 * up), and up to four rounds.
 */
const plan = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  start: fc.record({
    debris: fc.integer({ min: 0, max: 90 }),
    tension: fc.integer({ min: 0, max: 100 }),
    ppwt: fc.integer({ min: 0, max: 75 }),
    fear: fc.integer({ min: 0, max: 100 }),
    income: fc.integer({ min: 3, max: 8 }), // Russia's: near the floor of 3, sanctions stop taking
  }),
  rounds: fc.array(fc.record({ wishes, shuffle: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
});
type Plan = typeof plan extends fc.Arbitrary<infer P> ? P : never;

function startOf(p: Plan): World {
  return worldWith(
    {
      debris: p.start.debris,
      tension: p.start.tension,
      drafts: { ppwt: { momentum: p.start.ppwt } },
      delegations: { china: { threat: { us: p.start.fear } }, russia: { income: p.start.income } },
    },
    p.seed,
  );
}

/** The legal part of a wish list, kept in order, as a team would trim it to what the sheet accepts. */
function legal(w: World, d: Delegation, wished: readonly Order[]): Order[] {
  const chosen: Order[] = [];
  for (const wish of wished) {
    if (chosen.length >= 6) break;
    const o =
      wish.kind === 'voteResolution'
        ? { ...wish, resolution: wish.resolution.replace('ballot', `r${w.round}`) }
        : wish;
    if (!ordersProblem(w, d, [...chosen, o])) chosen.push(o);
  }
  return chosen;
}

type OrdersBy = Record<Delegation, Order[]>;

/** Plays a plan; each round's input world and orders are frozen, so any mutation by the engine throws. */
function play(p: Plan): { worlds: World[]; orders: OrdersBy[] } {
  let w = deepFreeze(startOf(p));
  const worlds = [w];
  const orders: OrdersBy[] = [];
  for (const round of p.rounds) {
    const given = deepFreeze({
      us: legal(w, 'us', round.wishes.us),
      china: legal(w, 'china', round.wishes.china),
      russia: legal(w, 'russia', round.wishes.russia),
    });
    const copy = JSON.stringify(w);
    const next = resolveRound(w, given, 2015 + worlds.length);
    expect(JSON.stringify(w)).toBe(copy);
    w = deepFreeze(next);
    worlds.push(w);
    orders.push(given);
  }
  return { worlds, orders };
}

/** A permutation from an integer, so fast-check can shrink it. */
function shuffled<T>(list: readonly T[], key: number): T[] {
  const out = [...list];
  let x = key | 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = Math.abs(x) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const keyOf = (o: Order) => JSON.stringify(o, Object.keys(o).sort());

/**
 * The world with each change's source naming its order by content rather than by its place in the list, the
 * only thing a shuffle may change (a source points at "your third order", wherever the team put it).
 */
function byContent(w: World, orders: readonly OrdersBy[]): string {
  return JSON.stringify({
    ...w,
    changes: w.changes.map((c) =>
      c.source.kind === 'order'
        ? {
            ...c,
            source: {
              ...c.source,
              order: keyOf(orders[c.round - 1]?.[c.source.by][c.source.order] as Order),
            },
          }
        : c,
    ),
  });
}

const PERCENT = (w: World): [string, number][] => [
  ['tension', w.tension],
  ['debris', w.debris],
  ['alignment', w.alignment],
  ...DRAFTS.map((id): [string, number] => [`draft.${id}`, w.drafts[id].momentum]),
  ...DELEGATIONS.flatMap((d): [string, number][] => [
    [`prestige.${d}`, w.delegations[d].prestige],
    [`legitimacy.${d}`, w.delegations[d].legitimacy],
    [`lunar.${d}`, w.delegations[d].capabilities.lunar],
    [`security.${d}`, readTarget(w, `security.${d}`)],
    ...DELEGATIONS.filter((o) => o !== d).map((o): [string, number] => [
      `threat.${d}.${o}`,
      w.delegations[d].threat[o] ?? Number.NaN,
    ]),
  ]),
];

function expectInvariants(before: World, w: World, orders: OrdersBy) {
  expect(w.round).toBe(before.round + 1);
  for (const [what, n] of PERCENT(w)) {
    expect(Number.isInteger(n), what).toBe(true);
    expect(n, what).toBeGreaterThanOrEqual(0);
    expect(n, what).toBeLessThanOrEqual(100);
  }
  for (const d of DELEGATIONS) {
    const me = w.delegations[d];
    const spent = orders[d].reduce((s, o) => s + orderCost(o), 0);
    expect(spent, `${d} spent`).toBeLessThanOrEqual(before.delegations[d].budget);
    expect(me.budget, `${d} budget`).toBeGreaterThanOrEqual(0);
    expect(me.budget).toBeLessThanOrEqual(20);
    expect(me.earmarked).toBeGreaterThanOrEqual(0);
    expect(me.earmarked).toBeLessThanOrEqual(me.budget);
    expect(me.income).toBeGreaterThanOrEqual(3);
    expect(me.income).toBeLessThanOrEqual(20);
    const c = me.capabilities;
    for (const [what, level] of Object.entries({
      ...c.counterspace,
      missileWarning: c.missileWarning,
      missileDefence: c.missileDefence,
      launch: c.launch,
      ssa: c.ssa,
    })) {
      expect(Number.isInteger(level) && level >= 0 && level <= 5, `${d} ${what} ${level}`).toBe(true);
    }
    for (const [regime, n] of Object.entries(c.satellites))
      expect(Number.isInteger(n) && n >= 0 && n <= 30, `${d} ${regime} ${n}`).toBe(true);
  }
  // Income moves only with sanctions, and each gives back exactly what it took: income plus what the
  // sanctions in force have taken stays the same.
  const taken = (x: World, d: Delegation) =>
    x.sanctions.filter((s) => s.target === d).reduce((sum, s) => sum + s.incomeTaken, 0);
  for (const d of DELEGATIONS) {
    expect(w.delegations[d].income + taken(w, d), `${d} income`).toBe(
      before.delegations[d].income + taken(before, d),
    );
  }
  for (const bloc of LUNAR_BLOCS) {
    expect(w.lunar[bloc].partners).toBeGreaterThanOrEqual(0);
    expect(w.lunar[bloc].partners).toBeLessThanOrEqual(60);
  }

  expect(w.changes.slice(0, before.changes.length)).toEqual(before.changes);
  const fresh = w.changes.slice(before.changes.length);
  const last = new Map<string, number>();
  for (const c of fresh) {
    expect(c.round).toBe(w.round);
    expect(c.cause.trim().length, c.target).toBeGreaterThan(0);
    expect(c.cause).toMatch(/^[A-Z"]/);
    expect(c.cause).not.toMatch(/undefined|NaN|\[object/);
    expect(Number.isFinite(c.delta) && c.delta !== 0, c.cause).toBe(true);
    if (c.source.kind === 'order') {
      expect(orders[c.source.by][c.source.order], c.cause).toBeDefined();
    } else if (c.source.kind === 'rule') {
      expect(c.source.rule.length).toBeGreaterThan(0);
    } else {
      expect(c.source.card.length).toBeGreaterThan(0);
    }
    last.set(c.target, c.after);
  }
  for (const [target, after] of last) expect(readTarget(w, target), target).toBe(after);

  for (const i of w.incidents.filter((x) => x.round === w.round)) expect(i.belief[i.victim]).toBeDefined();
  const publicView = viewFor(w, 'public');
  expect(publicView.secrets).toEqual({});
  expect(publicView.incidents.every((i) => i.cause === undefined)).toBe(true);
}

describe('the rules engine under random legal orders', () => {
  it('is deterministic: the same seed and orders give the same world', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const a = play(p);
        const b = play(p);
        expect(JSON.stringify(b.worlds.at(-1))).toBe(JSON.stringify(a.worlds.at(-1)));
        expect(b.orders).toEqual(a.orders);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not depend on the order of the lists, nor on which delegation comes first in the record', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { worlds, orders } = play(p);
        let w = startOf(p);
        const given: OrdersBy[] = [];
        for (const [i, round] of p.rounds.entries()) {
          const lists = orders[i] as OrdersBy;
          const names = shuffled(DELEGATIONS, round.shuffle);
          const mixed = Object.fromEntries(
            names.map((d, k) => [d, shuffled(lists[d], round.shuffle + k + 1)]),
          ) as OrdersBy;
          given.push(mixed);
          w = resolveRound(w, mixed, 2016 + i);
          expect(byContent(w, given)).toBe(byContent(worlds[i + 1] as World, orders));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps its invariants after every round, and never touches its input', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { worlds, orders } = play(p);
        for (const [i, o] of orders.entries())
          expectInvariants(worlds[i] as World, worlds[i + 1] as World, o);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });
});
