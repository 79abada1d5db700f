import { plural } from '../../ui/format.ts';
import {
  DELEGATION_NAMES,
  DELEGATIONS,
  type Delegation,
  SEAT_NAMES,
  type Seat,
} from '../../../../shared/model/seats.ts';
import { describeOrder } from '../../../../shared/rules/describe.ts';
import { orderCost } from '../../../../shared/rules/orders.ts';
import { type Message, PAIRS, partiesOf } from '../../../../shared/session/chat.ts';
import { byJoinOrder, headOf, type SessionModel, type TeamDesk } from '../../../../shared/session/model.ts';
import { desksIn, type Sight } from '../../../../shared/session/visibility.ts';
import { fill, h } from '../../ui/dom.ts';
import { secrets } from '../../ui/worldPanel.ts';
import type { ViewerPanel } from './context.ts';

/**
 * The room at the position shown: who sits where, the desks the eyes may read and the teacher's secrets (`root`),
 * and the talks they may read (`talks`, a panel of its own).
 */
export function roomPanel(): ViewerPanel & { talks: HTMLElement } {
  const room = h('div', { class: 'room', id: 'replay-room' });
  const desks = h('div', { class: 'desks', id: 'replay-desks' });
  const allSecrets = h('div', { class: 'all-secrets', id: 'replay-secrets' });
  const talks = h('div', { class: 'replay-talks', id: 'replay-talks' });
  const root = h(
    'section',
    { class: 'card', 'aria-labelledby': 'replay-room-title' },
    h('h2', { id: 'replay-room-title' }, 'In the room'),
    room,
    h('h3', {}, 'Delegation desks'),
    desks,
    allSecrets,
  );
  const talksRoot = h(
    'section',
    { class: 'card', 'aria-labelledby': 'replay-talks-title' },
    h('h2', { id: 'replay-talks-title' }, 'Talks'),
    talks,
  );
  return {
    root,
    talks: talksRoot,
    update({ state, sight }) {
      fill(room, ...seating(state));
      const visible = desksIn(sight).map((d) => [d, sight.desks[d] as TeamDesk] as const);
      fill(
        desks,
        ...(visible.length === 0
          ? [h('p', { class: 'empty' }, 'The desks are secret: choose the teacher’s eyes or a delegation’s.')]
          : visible.map(([d, desk]) => deskCard(state, d, desk))),
      );
      fill(talks, ...talkLists(state, sight));
      const w = sight.world;
      fill(
        allSecrets,
        sight.viewer === 'teacher' && w
          ? h(
              'details',
              {},
              h('summary', {}, 'Each delegation’s private dashboard'),
              ...DELEGATIONS.map((d) => {
                const x = w.secrets[d];
                return x ? secrets(DELEGATION_NAMES[d], x) : undefined;
              }),
            )
          : undefined,
      );
    },
  };
}

/** Who was connected, and who sat where. */
function seating(s: SessionModel) {
  const seats: Seat[] = [...DELEGATIONS, 'observer', 'unseated'];
  const members = Object.values(s.members).sort(byJoinOrder);
  const connected = members.filter((m) => m.status === 'connected').length;
  return [
    h('p', {}, `${connected} of ${plural(members.length, 'student')} connected.`),
    h(
      'ul',
      { class: 'room-seats' },
      ...seats
        .map((seat) => [seat, members.filter((m) => m.seat === seat)] as const)
        .filter(([, ms]) => ms.length > 0)
        .map(([seat, ms]) =>
          h(
            'li',
            { class: `seat seat-${seat}` },
            h('strong', {}, `${SEAT_NAMES[seat]}: `),
            ms
              .map(
                (m) =>
                  `${m.nickname}${m.status === 'connected' ? '' : m.status === 'away' ? ' (away)' : ' (gone)'}`,
              )
              .join(', '),
          ),
        ),
    ),
  ];
}

/** A desk the eyes may read: its head, its orders and its notes. */
function deskCard(s: SessionModel, d: Delegation, desk: TeamDesk) {
  const head = headOf(s, d);
  return h(
    'article',
    { class: `desk seat-${d}` },
    h('h4', {}, DELEGATION_NAMES[d], desk.submitted ? ' · orders confirmed' : ''),
    h('p', {}, `Head of delegation: ${head?.nickname ?? 'nobody yet'}`),
    h(
      'ol',
      { class: 'orders' },
      ...(desk.orders.length
        ? desk.orders.map((o) => h('li', {}, `${describeOrder(o)} (${orderCost(o)})`))
        : [h('li', { class: 'empty' }, 'No orders.')]),
    ),
    h('p', { class: 'draft' }, desk.draft ? `Notes: ${desk.draft}` : '(no notes)'),
  );
}

/** The talks as they stood at this position, as far as the chosen eyes could read them. */
function talkLists(s: SessionModel, sight: Sight) {
  const lists: [string, readonly Message[]][] = [['CD floor (public)', sight.floor]];
  for (const d of DELEGATIONS) {
    const chat = sight.teamChats[d];
    if (chat) lists.push([`${DELEGATION_NAMES[d]} team chat`, chat]);
  }
  for (const pair of PAIRS) {
    const [a, b] = partiesOf(pair);
    const messages = sight.channels[pair];
    if (messages)
      lists.push([
        `${DELEGATION_NAMES[a]}–${DELEGATION_NAMES[b]} channel (${s.chat.channels[pair].status})`,
        messages,
      ]);
  }
  return lists.map(([title, messages]) =>
    h(
      'details',
      { class: 'replay-talk' },
      h('summary', {}, `${title}: ${plural(messages.length, 'message')}`),
      messages.length
        ? h(
            'ul',
            { class: 'messages' },
            ...messages.map((m) =>
              h(
                'li',
                { class: 'message' },
                h(
                  'span',
                  { class: 'who' },
                  // Round 0: the lobby or the practice round.
                  `${m.nickname} (${m.round === 0 ? 'before round 1' : `round ${m.round}`})`,
                ),
                ': ',
                h('span', { class: 'text' }, m.text),
              ),
            ),
          )
        : h('p', { class: 'empty' }, 'Nothing said yet.'),
    ),
  );
}
