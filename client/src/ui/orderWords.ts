import { describeOrder } from '../../../shared/rules/describe.ts';
import type { Order } from '../../../shared/rules/orders.ts';

/**
 * One line for an order as the desk shows it: the rules' wording (ORDER_SPECS), which names every choice with
 * the labels of shared/content/labels.ts ("Technology deal with Russia: help with missile early warning").
 */
export function orderText(o: Order): string {
  return describeOrder(o);
}
