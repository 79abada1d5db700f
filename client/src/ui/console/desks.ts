import { points } from '../format.ts';
import { DELEGATIONS, type Delegation, SEAT_NAMES } from '../../../../shared/model/seats.ts';
import { describeOrder } from '../../../../shared/rules/describe.ts';
import { orderCost } from '../../../../shared/rules/orders.ts';
import { type SessionView, withdrawalText } from '../../net/view.ts';
import { h, syncRows } from '../dom.ts';
import type { Panel } from './context.ts';
import { subject } from './warnings.ts';

/** One delegation's desk as the teacher reads it: head, confirmation, the orders with their costs, the notes. */
function desk(view: SessionView, d: Delegation) {
  const team = view.teams[d];
  const orders = team?.orders ?? [];
  return h(
    'article',
    { class: `desk seat-${d}`, 'aria-labelledby': `desk-title-${d}` },
    h(
      'h3',
      { id: `desk-title-${d}` },
      SEAT_NAMES[d],
      team?.submitted ? h('span', { class: 'badge' }, ' · orders confirmed') : undefined,
    ),
    view.phase === 'orders' && !team?.submitted
      ? h(
          'p',
          { class: 'warning' },
          `${subject(d)} has not confirmed its orders`,
          team?.withdrawnBy ? `: ${withdrawalText(view, d, 'teacher')}.` : '.',
        )
      : undefined,
    h('p', {}, `Head of delegation: ${view.members[team?.headId ?? '']?.nickname ?? 'nobody yet'}`),
    h(
      'ol',
      { class: 'orders' },
      ...(orders.length
        ? orders.map((o) => {
            const cost = orderCost(o);
            return h('li', {}, `${describeOrder(o)} (${points(cost)})`);
          })
        : [h('li', { class: 'empty' }, 'No orders yet.')]),
    ),
    h('p', { class: 'draft' }, team?.draft ? `Notes: ${team.draft}` : '(no notes)'),
  );
}

/** Every delegation's desk side by side: the teacher sees every draft. */
export function desksPanel(): Panel {
  const desks = h('div', { class: 'desks' });
  const root = h(
    'section',
    { class: 'card desks-card', 'aria-labelledby': 'desks-title' },
    h('h2', { id: 'desks-title' }, 'Delegation desks (you see every draft)'),
    desks,
  );
  return {
    root,
    update(view) {
      syncRows(
        desks,
        DELEGATIONS,
        (d) => d,
        (d) =>
          JSON.stringify([view.phase, view.teams[d], view.members[view.teams[d]?.headId ?? '']?.nickname]),
        (d) => desk(view, d),
      );
    },
  };
}
