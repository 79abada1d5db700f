import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { CONTROL_NAMES, YOUR_TASK_MARK } from '../../../shared/content/labels.ts';
import { orderHelp } from '../../../shared/content/orderHelp.ts';
import { ORDER_FIELDS, type OrderField } from '../../../shared/rules/describe.ts';
import {
  MAX_ORDERS,
  ORDER_SPECS,
  type Order,
  type OrderKind,
  orderCost,
} from '../../../shared/rules/orders.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import { TOPIC_NAMES } from '../../../shared/rules/texts.ts';
import { fill, h, notice } from './dom.ts';
import { plural, points } from './format.ts';
import { orderText as describeOrder } from './orderWords.ts';
import './desk.css';

/** An order's line in the picker: its title, marked when giving it is the student's task now. */
export const optionText = (k: OrderKind, mine: boolean) =>
  mine ? `${ORDER_SPECS[k].title} ${YOUR_TASK_MARK}` : ORDER_SPECS[k].title;

const ARENAS = [
  ['cd', 'At the CD and the UN'],
  ['bilateral', 'Bilateral'],
  ['orbit', 'In orbit'],
] as const;

/**
 * The team's order sheet: every member can add and remove orders; the list is the team's, hidden from the
 * others. The server checks every change against the rules and says in words what is wrong. The list, its
 * cost, the confirm control (`confirm`, given by the desk) and the form to add an order sit together; each
 * kind of order is explained where it is chosen: what it does, its cost, and an example from the record.
 */
export function ordersEditor(opts: {
  send: (orders: Order[]) => Promise<string | undefined>;
  confirm?: HTMLElement;
}) {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'orders-status' });
  const list = h('ol', { class: 'orders', id: 'orders-list' });
  const total = h('p', { class: 'orders-total', id: 'orders-total' });
  const kind = h('select', { id: 'order-kind', 'aria-describedby': 'order-cost order-help' });
  const options = new Map<OrderKind, HTMLOptionElement>();
  for (const [arena, label] of ARENAS) {
    const group = h('optgroup', { label });
    for (const k of Object.keys(ORDER_SPECS) as OrderKind[]) {
      if (ORDER_SPECS[k].arena !== arena) continue;
      const option = h('option', { value: k }, ORDER_SPECS[k].title);
      options.set(k, option);
      group.append(option);
    }
    kind.append(group);
  }
  const fields = h('div', { class: 'order-fields' });
  const cost = h('p', { class: 'order-cost', id: 'order-cost' });
  const helpDoes = h('p', { class: 'order-does' });
  const helpExample = h('p', { class: 'order-example' });
  const help = h('div', { class: 'order-help', id: 'order-help' }, helpDoes, helpExample);
  const add = h('button', { type: 'submit', id: 'add-order' }, 'Add order');
  const closed = h('p', { class: 'why-not', id: 'orders-closed', hidden: true });
  let orders: Order[] = [];
  let mine: Delegation = 'us';
  let world: WorldView | undefined;
  let editable = false;

  const draftOrder = (): Order => {
    const o: Record<string, unknown> = { kind: kind.value };
    for (const f of ORDER_FIELDS[kind.value as OrderKind]) {
      const el = fields.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${f.name}"]`);
      if (!el) continue;
      if (f.kind === 'count') o[f.name] = Number(el.value);
      else if (el.value !== '') o[f.name] = el.value;
      else if (f.kind === 'text') o[f.name] = '';
    }
    return o as Order;
  };

  const fieldInput = (f: OrderField) => {
    const id = `order-field-${f.name}`;
    let input: HTMLElement;
    if (f.kind === 'choice')
      input = h('select', { id, name: f.name }, ...f.options.map(([v, l]) => h('option', { value: v }, l)));
    else if (f.kind === 'delegation') {
      const optional = kind.value === 'statement' || kind.value === 'testCounterspace';
      input = h(
        'select',
        { id, name: f.name },
        ...(optional ? [h('option', { value: '' }, 'none')] : []),
        ...DELEGATIONS.filter((d) => d !== mine).map((d) => h('option', { value: d }, DELEGATION_NAMES[d])),
      );
    } else if (f.kind === 'resolution') {
      const pending = (world?.resolutions ?? []).filter((r) => !r.result && r.proposedRound === world?.round);
      input = h(
        'select',
        { id, name: f.name },
        ...(pending.length
          ? pending.map((r) =>
              h('option', { value: r.id }, `${TOPIC_NAMES[r.topic]} (proposed in round ${r.proposedRound})`),
            )
          : [h('option', { value: '' }, 'no resolution is up for a vote')]),
      );
    } else if (f.kind === 'text') input = h('input', { id, name: f.name, maxlength: f.max });
    else input = h('input', { id, name: f.name, type: 'number', min: f.min, max: f.max, value: f.min });
    return h('span', { class: 'order-field' }, h('label', { for: id }, f.label), input);
  };

  const refreshFields = () => {
    fill(fields, ...ORDER_FIELDS[kind.value as OrderKind].map(fieldInput));
    const explained = orderHelp(kind.value);
    helpDoes.textContent = explained?.does ?? '';
    fill(helpExample, ...(explained ? [h('strong', {}, 'In the record: '), explained.example] : []));
    refreshCost();
  };
  const refreshCost = () => {
    try {
      const n = orderCost(draftOrder());
      cost.textContent = n === 0 ? 'Costs nothing.' : `Costs ${points(n)}.`;
    } catch {
      cost.textContent = '';
    }
  };
  kind.addEventListener('change', refreshFields);
  fields.addEventListener('input', refreshCost);

  const save = async (next: Order[], done: string) => {
    const problem = await opts.send(next);
    notice(status, problem ?? done, problem ? 'error' : 'info');
    return !problem;
  };

  const form = h(
    'form',
    {
      class: 'order-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        if (orders.length >= MAX_ORDERS)
          return notice(status, `A delegation gives at most ${MAX_ORDERS} orders a round.`, 'error');
        const o = draftOrder();
        if ((o.kind === 'voteResolution' || o.kind === 'lobbyResolution') && !o.resolution)
          return notice(status, 'No resolution is up for a vote this round.', 'error');
        await save([...orders, o], `Added: ${describeOrder(o)}.`);
      },
    },
    h('label', { for: 'order-kind' }, CONTROL_NAMES.newOrder),
    kind,
    help,
    fields,
    h('div', { class: 'order-add' }, cost, add),
  );
  const root = h(
    'section',
    { class: 'card orders-editor', 'aria-labelledby': 'orders-title' },
    h('h2', { id: 'orders-title' }, 'Your delegation’s orders (secret)'),
    list,
    total,
    opts.confirm,
    status,
    closed,
    form,
  );
  refreshFields();

  return {
    root,
    /**
     * Marks the orders that are this student's task now: "Propose an amendment (your task)". Hides nothing;
     * the option's value, and so the order chosen, stays the same.
     */
    markTask(kinds: readonly OrderKind[]) {
      for (const [k, option] of options) {
        const text = optionText(k, kinds.includes(k));
        if (option.textContent !== text) option.textContent = text;
      }
    },
    update(next: {
      orders: Order[];
      world: WorldView | undefined;
      delegation: Delegation;
      editable: boolean;
      budget: number | undefined;
      /** Why the orders cannot be changed now, shown in place of the form ("Orders open in the negotiation"). */
      closedReason?: string;
    }) {
      const changedSeat = next.delegation !== mine;
      orders = next.orders;
      world = next.world;
      mine = next.delegation;
      editable = next.editable;
      if (changedSeat) refreshFields();
      const spent = orders.reduce((s, o) => s + orderCost(o), 0);
      total.textContent = `${plural(orders.length, 'order')} of ${MAX_ORDERS}, costing ${next.budget !== undefined ? `${spent} of your ${points(next.budget)}` : points(spent)}.`;
      fill(
        list,
        ...(orders.length === 0
          ? [h('li', { class: 'empty' }, 'No orders yet.')]
          : orders.map((o, i) =>
              h(
                'li',
                {},
                h('span', { class: 'order-line' }, describeOrder(o)),
                h('span', { class: 'order-price' }, orderCost(o) ? points(orderCost(o)) : 'free'),
                editable
                  ? h(
                      'button',
                      {
                        type: 'button',
                        class: 'link',
                        id: `remove-order-${i}`,
                        'aria-label': `Remove order ${i + 1}: ${describeOrder(o)}`,
                        onclick: () =>
                          save(
                            orders.filter((_, j) => j !== i),
                            `Removed: ${describeOrder(o)}.`,
                          ),
                      },
                      'Remove',
                    )
                  : undefined,
              ),
            )),
      );
      form.hidden = !editable;
      closed.textContent = editable ? '' : (next.closedReason ?? '');
      closed.hidden = editable || !next.closedReason;
    },
  };
}
