/**
 * How orders read to people: each kind's form and one-line wording, both declared with the kind in ORDER_SPECS
 * (orders.ts).
 */
import { ORDER_SPECS, type Order, type OrderField, type OrderKind } from './orders.ts';

export type { OrderField } from './orders.ts';

/** The fields each order asks for, in the order a form shows them. */
export const ORDER_FIELDS = Object.fromEntries(
  Object.entries(ORDER_SPECS).map(([kind, spec]) => [kind, spec.fields]),
) as Record<OrderKind, OrderField[]>;

/** One line for an order, as a team member or the teacher reads it in a list. */
export function describeOrder(o: Order): string {
  return (ORDER_SPECS[o.kind].line as (o: Order) => string)(o);
}
