import { DELEGATION_NAMES } from '../../../shared/model/seats.ts';
import { describeOrder } from '../../../shared/rules/describe.ts';
import { ORDER_SPECS, type Order, type OrderKind } from '../../../shared/rules/orders.ts';

/** The label a choice field of an order's form gives a value ("missileWarning" -> "help with missile early warning"). */
function choiceLabel(kind: OrderKind, field: string, value: string): string {
  const f = ORDER_SPECS[kind].fields.find((x) => x.name === field);
  return (f?.kind === 'choice' ? f.options.find(([v]) => v === value)?.[1] : undefined) ?? value;
}

/**
 * One line for an order as the desk shows it: the rules' wording, except where that wording would show an
 * internal name (a technology deal's kind, a statement's stance); those read with their form's labels.
 */
export function orderText(o: Order): string {
  if (o.kind === 'techDeal')
    return `Technology deal with ${DELEGATION_NAMES[o.with]}: ${choiceLabel('techDeal', 'deal', o.deal)}`;
  if (o.kind === 'statement')
    return `Statement (${choiceLabel('statement', 'stance', o.stance)}${o.target ? `, ${DELEGATION_NAMES[o.target]}` : ''}): “${o.text}”`;
  return describeOrder(o);
}
