/** A bot's orders for this round: its wishes from its delegation's view, cut to the affordable valid prefix. */
import type { Delegation } from '../model/seats.ts';
import type { World } from '../rules/model.ts';
import type { Order } from '../rules/orders.ts';
import { viewFor } from '../rules/views.ts';
import { affordableOrders } from '../doctrines/tournament.ts';
import { type BotLevel, botWishes } from './doctrines.ts';
import { botStatement } from './statements.ts';

/**
 * The orders a bot at `me` gives this round. It reads only `viewFor(world, me)` and its own seeded generator;
 * the world is used to check the wishes against the budget and each order's prerequisites, as the desk's form
 * would (the same check, `ordersProblem`, the rules apply to students).
 */
export function botOrders(world: World, me: Delegation, level: BotLevel, seed: number): Order[] {
  const now = viewFor(world, me);
  return affordableOrders(world, me, botWishes({ me, now, before: undefined, level, seed }));
}

/** The bot's statement on the CD floor this round, from the same view. */
export function botSpeech(world: World, me: Delegation, level: BotLevel, seed: number): string {
  return botStatement({ me, now: viewFor(world, me), before: undefined, level, seed });
}
