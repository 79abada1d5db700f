import { playedByServer } from '../../../shared/model/botLevels.ts';
import { DELEGATIONS, type Delegation, SEAT_NAMES, type Seat } from '../../../shared/model/seats.ts';
import { type MemberView, membersInOrder, type SessionView } from '../net/view.ts';
import { h, syncRows } from './dom.ts';

const SEAT_ORDER: Seat[] = [...DELEGATIONS, 'observer', 'unseated'];

export function seatLabel(view: SessionView, seat: Seat): string {
  const n = membersInOrder(view).filter((m) => m.seat === seat).length;
  return DELEGATIONS.includes(seat as Delegation)
    ? `${SEAT_NAMES[seat]} (${n} of ${view.settings.maxPerDelegation})`
    : `${SEAT_NAMES[seat]} (${n})`;
}

function statusText(m: MemberView): string {
  return m.status === 'connected' ? '' : m.status === 'away' ? ' (away)' : ' (gone)';
}

/**
 * Who sits where, as text: the table the Phaser scene draws, readable by everyone and by screen readers.
 * Returns the element and an update function.
 */
export function seatingList(opts: { showEmptyUnseated?: boolean; submitted?: boolean } = {}) {
  const root = h('div', { class: 'seating', 'aria-label': 'Who sits where' });
  const update = (view: SessionView, meId?: string) => {
    const members = membersInOrder(view);
    const seats = SEAT_ORDER.filter(
      (s) => s !== 'unseated' || opts.showEmptyUnseated || members.some((m) => m.seat === s),
    );
    syncRows(
      root,
      seats,
      (s) => s,
      (s) =>
        JSON.stringify([
          seatLabel(view, s),
          members.filter((m) => m.seat === s).map((m) => [m.nickname, m.status, m.id === meId]),
          opts.submitted && DELEGATIONS.includes(s as Delegation)
            ? view.teams[s as Delegation]?.submitted
            : 0,
          view.teams[s as Delegation]?.bot,
        ]),
      (s) => {
        const seated = members.filter((m) => m.seat === s);
        const bot = view.teams[s as Delegation]?.bot;
        const submitted =
          opts.submitted && view.stage === 'playing' && DELEGATIONS.includes(s as Delegation)
            ? view.teams[s as Delegation]?.submitted
            : undefined;
        return h(
          'section',
          { class: `seat seat-${s}` },
          h(
            'h3',
            {},
            seatLabel(view, s),
            submitted ? h('span', { class: 'badge' }, ' · orders in') : undefined,
          ),
          bot ? h('p', { class: 'bot' }, playedByServer(bot)) : undefined,
          seated.length === 0
            ? bot
              ? undefined
              : h('p', { class: 'empty' }, 'Nobody yet')
            : h(
                'ul',
                {},
                ...seated.map((m) =>
                  h(
                    'li',
                    { class: `member ${m.status}` },
                    m.nickname,
                    m.id === meId ? ' (you)' : '',
                    statusText(m),
                  ),
                ),
              ),
        );
      },
    );
  };
  return { root, update };
}
