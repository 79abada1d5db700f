import { DELEGATION_IN_SENTENCE, pairName as pairOf } from '../content/labels.ts';
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { sentence } from './ledger.ts';
import type { Ledger } from './ledger.ts';
import type { Incident, TcbmId, World } from './model.ts';
import type { Order, OrderKind, OrderOf } from './orders.ts';
import type { Dice } from './rng.ts';

/** One delegation's order, with its place in the delegation's list (for causes). */
export interface Placed<K extends OrderKind = OrderKind> {
  by: Delegation;
  index: number;
  order: K extends OrderKind ? OrderOf<K> : never;
}

/**
 * What every step of a round's resolution works with. `before` is the world as the round's orders found it.
 */
export interface RoundContext {
  w: World;
  before: World;
  ledger: Ledger;
  dice: Dice;
  round: number;
  orders: Placed[]; // every order of every delegation, in a canonical order
  militaryGain: Record<Delegation, Gain[]>; // what each delegation added to its military power this round
  incidents: Incident[]; // this round's incidents in orbit, attributed once every order is carried out
  traced: Map<Incident, Gain>; // an attack's gain, which feeds the victim's security dilemma once traced
}

/**
 * How the orders of one kind are carried out: one at a time (`each`, in canonical order), or all together
 * (`together`, called every round even with none) where orders of the kind answer or outweigh each other: two
 * sides of a summit, the votes on a resolution, the objections to a consensus.
 */
export type OrderRule<K extends OrderKind> =
  | { each: (r: RoundContext, p: Placed<K>) => void }
  | { together: (r: RoundContext, orders: Placed<K>[]) => void };

/** The rules for a set of order kinds, one entry per kind. */
export type OrderRules<K extends OrderKind> = { [P in K]: OrderRule<P> };

/** A military gain and who saw it: everyone, or (for a covert build) only the delegations whose sensors caught it. */
export interface Gain {
  amount: number; // weight in the security dilemma: a co-orbital inspector is 4, a jammer 2
  what: string; // "Russia built a co-orbital inspector"
  knownTo: 'all' | Delegation[];
}

/** A delegation's name as it reads inside a sentence ("the US", "China"); causes are capitalized when recorded. */
export const name = (d: Delegation) => DELEGATION_IN_SENTENCE[d];
/** Two delegations as an adjective, for "the US–China summit": the article belongs to the noun, not the US. */
export const pairName = pairOf;

/** The orders of one kind, in canonical order (delegations in table order, then each order's own text). */
export function ordersOf<K extends OrderKind>(r: RoundContext, kind: K): Placed<K>[] {
  return r.orders.filter((p) => p.order.kind === kind) as unknown as Placed<K>[];
}

export function from(p: { by: Delegation; index: number }): { kind: 'order'; by: Delegation; order: number } {
  return { kind: 'order', by: p.by, order: p.index };
}

/** Sorts orders so the result cannot depend on the order a team listed them or the teams submitted them. */
export function canonical(ordersBy: Partial<Record<Delegation, readonly Order[]>>): Placed[] {
  const placed: Placed[] = [];
  for (const by of DELEGATIONS) {
    const list = ordersBy[by] ?? [];
    const keyed = list.map((order, index) => ({
      order,
      index,
      key: JSON.stringify(order, Object.keys(order).sort()),
    }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const k of keyed) placed.push({ by, index: k.index, order: k.order });
  }
  return placed;
}

/** Whether a confidence-building measure was in force between two delegations when the round began. */
export function measureBetween(w: World, a: Delegation, b: Delegation, measure?: TcbmId): boolean {
  const list = measure ? [w.measures[measure]] : Object.values(w.measures);
  return list.some((m) => m?.endorsers.includes(a) && m.endorsers.includes(b));
}

export function others(d: Delegation): Delegation[] {
  return DELEGATIONS.filter((o) => o !== d);
}

/** Adds a line to the round's story: what happened, in words, for those who may know it. */
export function tell(r: RoundContext, visibleTo: 'all' | Delegation[], text: string) {
  r.w.story.push({ round: r.round, text: sentence(text), visibleTo });
}
