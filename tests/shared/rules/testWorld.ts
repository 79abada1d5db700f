/**
 * Builds worlds and resolves rounds for the rules tests, state in and state out:
 * `resolveWith({ us: [{ kind: 'buildSsa' }] }, worldWith({ tension: 60 }))`.
 */
import { expect } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { name } from '../../../shared/rules/context.ts';
import type { Change, World } from '../../../shared/rules/model.ts';
import { type Order, ordersProblem } from '../../../shared/rules/orders.ts';
import { newWorld, resolveRound } from '../../../shared/rules/resolve.ts';
import { security } from '../../../shared/rules/security.ts';

export const YEARS = [2015, 2016, 2017, 2018];

/** Some fields of a world, nested as deep as needed; arrays and scalars replace, objects merge. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function merge(into: Record<string, unknown>, patch: Record<string, unknown>) {
  for (const [key, value] of Object.entries(patch)) {
    const current = into[key];
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object' &&
      !Array.isArray(current)
    )
      merge(current as Record<string, unknown>, value as Record<string, unknown>);
    else into[key] = structuredClone(value);
  }
}

/** The starting world of `seed` with some fields changed: `worldWith({ delegations: { china: { budget: 1 } } })`. */
export function worldWith(overrides: DeepPartial<World> = {}, seed = 1): World {
  const w = newWorld(seed, YEARS);
  merge(w as unknown as Record<string, unknown>, overrides as Record<string, unknown>);
  return w;
}

/**
 * The same world with the generator reseeded: the same situation, other draws. The state is taken after a new
 * world's first draws, since the first outputs of a freshly seeded generator follow the seed in a straight line.
 */
export function reseeded(w: World, seed: number): World {
  return { ...structuredClone(w), rng: newWorld(seed, YEARS).rng };
}

export type OrdersBy = Partial<Record<Delegation, Order[]>>;

/** One resolved round: the world before and after, and the round's changes. */
export interface Resolved {
  before: World;
  w: World;
  changes: Change[];
  /** The round's story lines as text, whoever may read them. */
  story: string[];
}

/**
 * Resolves one round of `orders` from `world`. The orders must pass `ordersProblem`, as in play; the world
 * given is never changed.
 */
export function resolveWith(orders: OrdersBy, world: World = worldWith()): Resolved {
  for (const d of DELEGATIONS) {
    const problem = ordersProblem(world, d, orders[d] ?? []);
    if (problem) expect.fail(`${d}'s orders are not legal: ${problem}`);
  }
  const w = resolveRound(world, orders, undefined);
  return {
    before: world,
    w,
    changes: w.changes.filter((c) => c.round === w.round),
    story: w.story.filter((s) => s.round === w.round).map((s) => s.text),
  };
}

/** Plays several rounds in a row, each from the last; returns every round. */
export function playRounds(rounds: OrdersBy[], world: World = worldWith()): Resolved[] {
  const out: Resolved[] = [];
  let w = world;
  for (const orders of rounds) {
    const r = resolveWith(orders, w);
    out.push(r);
    w = r.w;
  }
  return out;
}

/** The changes a delegation's orders caused this round. */
export function byOrdersOf(r: Resolved, d: Delegation): Change[] {
  return r.changes.filter((c) => c.source.kind === 'order' && c.source.by === d);
}

/** The changes a rule caused this round ("spiral", "memory", "attribution"…). */
export function byRule(r: Resolved, rule: string): Change[] {
  return r.changes.filter((c) => c.source.kind === 'rule' && c.source.rule === rule);
}

/** Sums changes target by target: `{ 'prestige.us': 3, 'draft.tcbm.momentum': 10 }`. */
export function effects(changes: readonly Change[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const c of changes) sum[c.target] = (sum[c.target] ?? 0) + c.delta;
  return Object.fromEntries(Object.entries(sum).filter(([, v]) => v !== 0));
}

/** Sum of the deltas to one target. */
export function moved(changes: readonly Change[], target: string): number {
  return changes.filter((c) => c.target === target).reduce((s, c) => s + c.delta, 0);
}

/** A delegation's name as causes write it ("The US", "US sanctions", "China"). */
export function names(d: Delegation): RegExp {
  return new RegExp(`\\b${name(d).replace(/^the /, '')}\\b`);
}

/**
 * The current value of a change target, read from the world independently of the ledger:
 * "tension", "threat.us.china", "capability.china.counterspace.laser", "security.russia".
 */
export function readTarget(w: World, target: string): number {
  const [head, a, b, c] = target.split('.') as [string, string, string, string];
  const d = w.delegations[a as Delegation];
  switch (head) {
    case 'tension':
      return w.tension;
    case 'debris':
      return w.debris;
    case 'alignment':
      return w.alignment;
    case 'prestige':
      return d.prestige;
    case 'legitimacy':
      return d.legitimacy;
    case 'income':
      return d.income;
    case 'threat':
      return d.threat[b as Delegation] ?? 0;
    case 'security':
      return security(w, a as Delegation);
    case 'draft':
      return w.drafts[a as keyof World['drafts']].momentum;
    case 'lunarPartners':
      return w.lunar[a as keyof World['lunar']].partners;
    case 'capability': {
      const caps = d.capabilities as unknown as Record<string, number | Record<string, number>>;
      const group = caps[b];
      return typeof group === 'number' ? group : (group?.[c] ?? Number.NaN);
    }
  }
  throw new Error(`unknown target ${target}`);
}

/** Finds the first seed (1 to `tries`) whose resolution passes `test`, so a test can show a rare draw. */
export function seedWhere(
  tries: number,
  world: (seed: number) => World,
  orders: OrdersBy,
  test: (r: Resolved) => boolean,
): { seed: number; r: Resolved } {
  for (let seed = 1; seed <= tries; seed++) {
    const r = resolveWith(orders, world(seed));
    if (test(r)) return { seed, r };
  }
  throw new Error(`no seed in 1..${tries} gave the draw asked for`);
}
