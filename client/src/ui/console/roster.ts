import { DELEGATIONS, isDelegation, SEAT_NAMES } from '../../../../shared/model/seats.ts';
import { type MemberView, membersInOrder, type SessionView } from '../../net/view.ts';
import { h, syncRows } from '../dom.ts';
import { boardUrl, joinUrl } from '../format.ts';
import { seatLabel } from '../roster.ts';
import { ROLE_NAMES, ROLES, type Role } from '../../../../shared/session/chat.ts';
import { roleShortName } from '../deskNow.ts';
import { botsPanel } from './bots.ts';
import type { ConsoleContext, Panel } from './context.ts';

const ASSIGNABLE = [...DELEGATIONS, 'observer'] as const;

/** How students join: the code, the join address and the projector board. */
function sharePanel(code: string) {
  return h(
    'section',
    { class: 'card share', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title' }, 'Students join with'),
    h('p', { class: 'code', id: 'console-code' }, code),
    h('p', {}, 'at ', h('a', { href: joinUrl(code), target: '_blank' }, joinUrl(code))),
    h(
      'p',
      {},
      h(
        'a',
        { href: boardUrl(code), target: '_blank', class: 'button', id: 'open-board' },
        'Open the projector board',
      ),
    ),
    h('p', { class: 'hint' }, 'The board shows the code large, with a QR code.'),
  );
}

/**
 * The class roster: who is connected, where each sits, the seat hand-back for a student who came back under
 * another name, head, mute and remove (confirmed). After the end it only shows who was there.
 */
export function rosterPanel(ctx: ConsoleContext, code: string): Panel {
  const { send } = ctx;
  const body = h('tbody');
  const counts = h('p', { class: 'counts', id: 'roster-counts' });
  const removed = h('ul', { class: 'removed', id: 'console-removed', 'aria-label': 'Removed students' });
  const lock = h('button', {
    type: 'button',
    id: 'lock-teams',
    onclick: () => send('lockTeams', { locked: !ctx.link.view?.teamsLocked }),
  });
  const lockHint = h('span', { class: 'hint', id: 'lock-hint' });
  const share = sharePanel(code);
  const bots = botsPanel(ctx);
  const root = h(
    'div',
    { class: 'roster-layout' },
    h(
      'section',
      { class: 'card roster-card', 'aria-labelledby': 'roster-title' },
      h(
        'div',
        { class: 'row spread' },
        h('h2', { id: 'roster-title' }, 'Class roster'),
        h('div', {}, lock, lockHint),
      ),
      counts,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'roster' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Student'),
              h('th', { scope: 'col' }, 'Connection'),
              h('th', { scope: 'col' }, 'Seat'),
              h('th', { scope: 'col' }, 'Actions'),
            ),
          ),
          body,
        ),
      ),
      removed,
    ),
    bots.root,
    share,
  );

  const row = (view: SessionView, m: MemberView) => {
    const ended = view.stage === 'ended';
    const seat = h(
      'select',
      {
        id: `seat-${m.id}`,
        'aria-label': `Seat for ${m.nickname}`,
        disabled: m.status === 'gone' || ended,
        onchange: async (e: Event) => {
          const el = e.target as HTMLSelectElement;
          const to = el.value as (typeof ASSIGNABLE)[number];
          if (
            !(await send(
              'assignSeat',
              { memberId: m.id, seat: to },
              `${m.nickname} now sits with ${SEAT_NAMES[to]}.`,
            ))
          )
            el.value = m.seat;
        },
      },
      ...(m.seat === 'unseated'
        ? [h('option', { value: 'unseated', selected: true, disabled: true }, 'Not seated yet')]
        : []),
      ...ASSIGNABLE.map((s) => h('option', { value: s, selected: s === m.seat }, SEAT_NAMES[s])),
    );
    const actions = h('td', { class: 'actions' });
    if (!ended) actions.append(...memberActions(ctx, view, m));
    return h(
      'tr',
      { class: `member ${m.status}` },
      h('th', { scope: 'row' }, m.nickname),
      h(
        'td',
        {},
        h('span', { class: `dot ${m.status}`, 'aria-hidden': 'true' }),
        m.status === 'connected' ? 'connected' : m.status === 'away' ? 'away (seat held)' : 'gone',
      ),
      h(
        'td',
        {},
        seat,
        m.roles
          ? h(
              'span',
              { class: 'roles' },
              ` ${m.roles
                .split(',')
                .map((r) => (r in ROLE_NAMES ? roleShortName(r as Role) : r))
                .join(', ')}`,
            )
          : '',
      ),
      actions,
    );
  };

  return {
    root,
    update(view) {
      const ended = view.stage === 'ended';
      const members = membersInOrder(view);
      bots.update(view);
      share.hidden = ended;
      lock.hidden = ended;
      lock.textContent = view.teamsLocked ? 'Unlock teams' : 'Lock teams';
      lock.setAttribute('aria-describedby', 'lock-hint');
      lockHint.textContent = view.teamsLocked
        ? ' Students cannot change seats.'
        : ' Students may change seats.';
      lockHint.hidden = ended;
      counts.textContent =
        [...DELEGATIONS, 'observer' as const].map((s) => seatLabel(view, s)).join(' · ') +
        ` · ${members.filter((m) => m.seat === 'unseated').length} not seated`;
      syncRows(
        body,
        members,
        (m) => m.id,
        (m) =>
          JSON.stringify([
            m,
            view.stage,
            members.filter((x) => x.status !== 'gone').map((x) => x.nickname),
            isDelegation(m.seat) ? view.teams[m.seat]?.headId : '',
          ]),
        (m) => row(view, m),
      );
      syncRows(
        removed,
        ended ? [] : view.removedNames,
        (n) => n,
        (n) => n,
        (n) =>
          h(
            'li',
            {},
            `Removed: ${n} `,
            h(
              'button',
              {
                type: 'button',
                class: 'small',
                onclick: () => send('readmit', { nickname: n }, `${n} may join again.`),
              },
              'Let back in',
            ),
          ),
      );
    },
  };
}

/** A member's actions while the session runs: hand the seat back, make head, mute, remove. */
function memberActions(ctx: ConsoleContext, view: SessionView, m: MemberView): HTMLElement[] {
  const { send } = ctx;
  const out: HTMLElement[] = [];
  if (m.status !== 'connected') out.push(...handBack(ctx, view, m));
  if (isDelegation(m.seat) && m.status !== 'gone' && view.teams[m.seat]?.headId !== m.id) {
    out.push(
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          id: `head-${m.id}`,
          onclick: () => send('setHead', { memberId: m.id }, `${m.nickname} now heads the delegation.`),
        },
        'Make head',
      ),
    );
  }
  if (isDelegation(m.seat) && m.status !== 'gone') out.push(rolePicker(ctx, m));
  out.push(
    h(
      'button',
      {
        type: 'button',
        class: 'small',
        id: `mute-${m.id}`,
        'aria-label': m.muted ? `Unmute ${m.nickname}` : `Mute ${m.nickname}`,
        onclick: () =>
          send(
            'muteMember',
            { memberId: m.id, muted: !m.muted },
            m.muted ? `${m.nickname} may write again.` : `${m.nickname} is muted.`,
          ),
      },
      m.muted ? 'Unmute' : 'Mute',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'danger small',
        id: `remove-${m.id}`,
        'aria-label': `Remove ${m.nickname}`,
        onclick: () => {
          if (
            confirm(
              `Remove ${m.nickname} from the session? They can join again only after you let them back in.`,
            )
          )
            send('removeMember', { memberId: m.id }, `${m.nickname} was removed.`);
        },
      },
      'Remove',
    ),
  );
  return out;
}

/**
 * An away or gone student's seat handed to whoever came back (often under a new nickname). Nobody is chosen
 * beforehand: the button stays disabled until the teacher picks a student, so one careless click moves nobody.
 */
function handBack(ctx: ConsoleContext, view: SessionView, m: MemberView): HTMLElement[] {
  const heirs = membersInOrder(view).filter((x) => x.status !== 'gone' && x.id !== m.id);
  if (heirs.length === 0) return [];
  const sameName = (x: MemberView) => x.nickname.toLowerCase() === m.nickname.toLowerCase();
  const give = h(
    'button',
    {
      type: 'button',
      class: 'small',
      id: `restore-${m.id}`,
      disabled: true,
      onclick: () => {
        const heir = view.members[picker.value];
        if (!heir) return;
        ctx.send(
          'restoreSeat',
          { memberId: heir.id, formerMemberId: m.id },
          `${m.nickname}'s seat is now ${heir.nickname}'s.`,
        );
      },
    },
    'Give the seat',
  );
  const picker = h(
    'select',
    {
      id: `heir-${m.id}`,
      'aria-label': `Student to give ${m.nickname}'s seat to`,
      onchange: () => {
        const heir = view.members[picker.value];
        give.disabled = !heir;
        give.textContent = heir ? `Give the seat to ${heir.nickname}` : 'Give the seat';
      },
    },
    h('option', { value: '', selected: true }, 'Choose a student…'),
    ...heirs.map((x) => h('option', { value: x.id }, sameName(x) ? `${x.nickname} (same name)` : x.nickname)),
  );
  return [picker, give];
}

/**
 * The teacher gives a member one of the six roles (head included: the head confirms), shared with whoever else
 * holds it, or hands the role back to the order of sitting down.
 */
function rolePicker(ctx: ConsoleContext, m: MemberView): HTMLElement {
  return h(
    'select',
    {
      id: `role-${m.id}`,
      class: 'small',
      'aria-label': `Give ${m.nickname} a role`,
      onchange: async (e: Event) => {
        const el = e.target as HTMLSelectElement;
        const role = el.value as Role | 'none';
        el.value = '';
        if (!role) return;
        await ctx.send(
          'setRole',
          { memberId: m.id, role, shared: true },
          role === 'none'
            ? `${m.nickname} takes a role in the order of sitting down.`
            : `${m.nickname} is now ${role === 'head' ? 'the head of delegation' : `a ${roleShortName(role).toLowerCase()}`}.`,
        );
      },
    },
    h('option', { value: '', selected: true }, 'Give a role…'),
    ...ROLES.map((r) => h('option', { value: r }, ROLE_NAMES[r])),
    h('option', { value: 'none' }, 'Back to the order of sitting down'),
  );
}
