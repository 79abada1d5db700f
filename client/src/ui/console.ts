import type { ScenarioSummary } from '../../../shared/content/scenario.ts';
import { PHASE_NAMES, ROUND_PHASES } from '../../../shared/model/phases.ts';
import { DELEGATIONS, isDelegation, SEAT_NAMES } from '../../../shared/model/seats.ts';
import { PROJECTORS_PER_SESSION } from '../../../shared/protocol/toClient.ts';
import type { Moment, ToServerName, ToServerPayload } from '../../../shared/protocol/toServer.ts';
import { describeOrder } from '../../../shared/rules/describe.ts';
import { orderCost } from '../../../shared/rules/orders.ts';
import { api } from '../net/api.ts';
import type { SessionLink } from '../net/connection.ts';
import { type MemberView, membersInOrder, type SessionView, withdrawalText } from '../net/view.ts';
import { fill, h, notice, syncRows } from './dom.ts';
import { boardUrl, hostUrl, joinUrl, phaseClock, stageLine } from './format.ts';
import { seatLabel } from './roster.ts';
import { cardsPanel } from './cards.ts';
import { messageLog } from './chat.ts';
import { injectPanel } from './inject.ts';
import { worldPanel } from './worldPanel.ts';

/** Short role names for the roster. */
const ROLE_SHORT: Record<string, string> = {
  head: 'head',
  diplomat: 'diplomat',
  commander: 'commander',
  analyst: 'analyst',
};

const ASSIGNABLE = [...DELEGATIONS, 'observer'] as const;

/** The teacher's console: share the code, run the phases, manage the roster, and read every team's desk. */
export function consoleScreen(
  root: HTMLElement,
  link: SessionLink,
  opts: { secret: string; justCreated: boolean },
) {
  const code = link.view?.code ?? '';
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'console-status' });
  const send = async <K extends ToServerName>(type: K, payload: ToServerPayload<K>, done?: string) => {
    const r = await link.send(type, payload);
    notice(status, r.ok ? (done ?? '') : r.message, r.ok ? 'info' : 'error');
    return r.ok;
  };
  // What the console shows now: Next, End and +2 minutes carry it, and are refused if the session has moved on
  // since (two quick clicks on Next must not skip a phase).
  const seen = (): Moment => ({ round: link.view?.round ?? 0, phase: link.view?.phase ?? '' });

  // Header
  const stage = h('p', { class: 'stage', id: 'console-stage' });
  const timer = h('p', { class: 'timer', 'aria-live': 'off' });
  const linkState = h('p', { class: 'link-state' });
  const projectors = h('p', { class: 'projectors', id: 'console-projectors' });
  // Shown while the server cannot write this session's log (a full or read-only data folder).
  const storageBanner = h('p', { class: 'notice', role: 'alert', id: 'console-storage', hidden: true });
  storageBanner.dataset.kind = 'error';

  // Private link, shown big once after creation, then folded away.
  const privateUrl = hostUrl(code, opts.secret);
  const privateLink = h(
    'details',
    // Folded even right after creation: a projected console must not show the secret.
    { class: 'card private', id: 'private-link' },
    h('summary', {}, 'Your private host link'),
    h(
      'p',
      {},
      'Keep this link to yourself: it opens these controls from any computer, for example in your next class period. Anyone who has it can run this session.',
    ),
    h('input', {
      readonly: true,
      value: privateUrl,
      'aria-label': 'Private host link',
      class: 'wide',
      id: 'private-url',
    }),
    h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          await navigator.clipboard?.writeText(privateUrl).catch(() => undefined);
          notice(status, 'Private link copied. Paste it somewhere only you can see.');
        },
      },
      'Copy private link',
    ),
  );

  const share = h(
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
      ' (shows the code large, with a QR code)',
    ),
  );

  // Phase controls
  const start = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'start-session',
      onclick: () => send('startSession', {}, 'Round 1 has begun.'),
    },
    'Start round 1',
  );
  const next = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      id: 'advance-phase',
      onclick: () => send('advancePhase', { from: seen() }),
    },
    'Next phase',
  );
  const lock = h('button', {
    type: 'button',
    id: 'lock-teams',
    onclick: () => send('lockTeams', { locked: !link.view?.teamsLocked }),
  });
  const end = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      id: 'end-session',
      onclick: () => {
        const from = seen(); // read before the dialog: the moment the teacher chose to end in
        if (confirm('End the session for everyone? This cannot be undone.'))
          send('endSession', { from }, 'The session has ended.');
      },
    },
    'End session',
  );
  const pause = h('button', {
    type: 'button',
    id: 'pause-timer',
    onclick: () => send(link.view?.timerPaused ? 'resumeTimer' : 'pauseTimer', {}),
  });
  const extend = h(
    'button',
    {
      type: 'button',
      id: 'extend-timer',
      onclick: () => send('extendTimer', { minutes: 2, from: seen() }, 'Two more minutes.'),
    },
    '+2 minutes',
  );
  // A bookmark marks this moment in the session's log, to find it again in the replay and the debrief.
  const bookmarkNote = h('input', {
    id: 'bookmark-note',
    class: 'bookmark-input',
    maxlength: 280,
    autocomplete: 'off',
    placeholder: 'e.g. China blocks the PPWT',
  });
  const bookmark = h(
    'form',
    {
      class: 'bookmark-form row',
      id: 'bookmark-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const note = bookmarkNote.value.trim();
        if (!note) return notice(status, 'Write a note for the bookmark.', 'error');
        if (await send('addBookmark', { note }, 'Bookmarked: you will find this moment in the replay.'))
          bookmarkNote.value = '';
      },
    },
    h('label', { for: 'bookmark-note', class: 'bookmark-label' }, 'Bookmark this moment'),
    bookmarkNote,
    h('button', { type: 'submit', id: 'add-bookmark' }, 'Bookmark'),
    h(
      'a',
      { href: '#/replay', target: '_blank', id: 'open-replays', class: 'replay-link' },
      'Replays and debrief',
    ),
    h('a', { href: '#/pack', target: '_blank', id: 'open-pack', class: 'replay-link' }, "Teacher's pack"),
  );
  const controls = h(
    'section',
    { class: 'card controls', 'aria-label': 'Session controls' },
    stage,
    timer,
    h('div', { class: 'row' }, start, next, pause, extend, lock, end),
    bookmark,
  );
  const world = worldPanel('The whole world (teacher view)');
  const cards = cardsPanel({ teacher: true });
  const inject = injectPanel((type, payload) => link.send(type, payload));

  // Settings (lobby)
  const settingsForm = settingsEditor(link, send);

  // Roster
  const rosterBody = h('tbody');
  const removedList = h('ul', { class: 'removed', id: 'console-removed', 'aria-label': 'Removed students' });
  const roster = h(
    'section',
    { class: 'card', 'aria-labelledby': 'roster-title' },
    h('h2', { id: 'roster-title' }, 'Class roster'),
    h('p', { class: 'counts', id: 'roster-counts' }),
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
      rosterBody,
    ),
    removedList,
  );

  // Team desks
  const desks = h('div', { class: 'desks' });
  const teams = h(
    'section',
    { class: 'card', 'aria-labelledby': 'desks-title' },
    h('h2', { id: 'desks-title' }, 'Delegation desks (you see every draft)'),
    desks,
  );

  // Every conversation, read-only, and the teacher's announcements on the floor.
  const logs = {
    floor: messageLog('CD floor', 'console-floor'),
    us: messageLog('US team chat', 'console-chat-us'),
    china: messageLog('China team chat', 'console-chat-china'),
    russia: messageLog('Russia team chat', 'console-chat-russia'),
    'us-china': messageLog('US–China channel', 'console-channel-us-china'),
    'us-russia': messageLog('US–Russia channel', 'console-channel-us-russia'),
    'china-russia': messageLog('China–Russia channel', 'console-channel-china-russia'),
  };
  const announce = h('input', {
    id: 'announce-text',
    maxlength: 500,
    'aria-label': 'Announcement to the class',
  });
  const channelStatus = h('p', { class: 'hint', id: 'channel-status' });
  const talks = h(
    'section',
    { class: 'card talks', 'aria-labelledby': 'talks-title' },
    h('h2', { id: 'talks-title' }, 'Talks (you read every channel)'),
    h(
      'form',
      {
        class: 'row',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          if (await send('announce', { text: announce.value }, 'Announced on the floor.'))
            announce.value = '';
        },
      },
      announce,
      h('button', { type: 'submit', id: 'announce-send' }, 'Announce on the floor'),
    ),
    channelStatus,
    h(
      'div',
      { class: 'talk-grid' },
      ...Object.entries(logs).map(([key, log]) =>
        h(
          'div',
          { class: `talk talk-${key}` },
          h('h3', {}, log.root.getAttribute('aria-label') ?? key),
          log.root,
        ),
      ),
    ),
  );

  root.replaceChildren(
    h(
      'main',
      { class: 'console' },
      h('header', { class: 'bar' }, h('h1', {}, `PAROS · Session ${code}`), linkState, projectors),
      storageBanner,
      privateLink,
      status,
      controls,
      share,
      settingsForm.root,
      roster,
      teams,
      cards.root,
      inject.root,
      talks,
      world.root,
    ),
  );

  const renderRow = (view: SessionView, m: MemberView) => {
    const seatSelect = h(
      'select',
      {
        id: `seat-${m.id}`,
        'aria-label': `Seat for ${m.nickname}`,
        disabled: m.status === 'gone' || view.stage === 'ended',
        onchange: async (e: Event) => {
          const seat = (e.target as HTMLSelectElement).value as (typeof ASSIGNABLE)[number];
          if (
            !(await send(
              'assignSeat',
              { memberId: m.id, seat },
              `${m.nickname} now sits with ${SEAT_NAMES[seat]}.`,
            ))
          ) {
            (e.target as HTMLSelectElement).value = m.seat;
          }
        },
      },
      ...(m.seat === 'unseated'
        ? [h('option', { value: 'unseated', selected: true, disabled: true }, 'Not seated yet')]
        : []),
      ...ASSIGNABLE.map((s) => h('option', { value: s, selected: s === m.seat }, SEAT_NAMES[s])),
    );
    const actions = h('td', { class: 'actions' });
    if (m.status !== 'connected') {
      // An away or gone student's seat can be handed to whoever came back (often under a new nickname).
      const heirs = membersInOrder(view).filter((x) => x.status !== 'gone' && x.id !== m.id);
      const sameName = heirs.find((x) => x.nickname.toLowerCase() === m.nickname.toLowerCase());
      const heir = h(
        'select',
        { id: `heir-${m.id}`, 'aria-label': `Student to give ${m.nickname}'s old seat to` },
        ...heirs.map((x) => h('option', { value: x.id, selected: x === sameName }, x.nickname)),
      );
      if (heirs.length > 0) {
        actions.append(
          heir,
          h(
            'button',
            {
              type: 'button',
              id: `restore-${m.id}`,
              onclick: () =>
                send('restoreSeat', { memberId: heir.value, formerMemberId: m.id }, `Seat handed back.`),
            },
            sameName ? `Give this seat back to ${sameName.nickname}` : 'Give this seat to',
          ),
        );
      }
    }
    if (
      isDelegation(m.seat) &&
      m.status !== 'gone' &&
      view.stage !== 'ended' &&
      view.teams[m.seat]?.headId !== m.id
    ) {
      actions.append(
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
    actions.append(
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          id: `mute-${m.id}`,
          'aria-pressed': String(m.muted),
          onclick: () =>
            send(
              'muteMember',
              { memberId: m.id, muted: !m.muted },
              m.muted ? `${m.nickname} may write again.` : `${m.nickname} is muted.`,
            ),
        },
        m.muted ? `Unmute ${m.nickname}` : 'Mute',
      ),
    );
    actions.append(
      h(
        'button',
        {
          type: 'button',
          class: 'danger small',
          id: `remove-${m.id}`,
          'aria-label': `Remove ${m.nickname}`,
          onclick: () => {
            if (confirm(`Remove ${m.nickname} from the session?`))
              send('removeMember', { memberId: m.id }, `${m.nickname} was removed.`);
          },
        },
        'Remove',
      ),
    );
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
        seatSelect,
        m.roles
          ? h(
              'span',
              { class: 'roles' },
              ` ${m.roles
                .split(',')
                .map((r) => ROLE_SHORT[r] ?? r)
                .join(', ')}`,
            )
          : '',
      ),
      actions,
    );
  };

  const update = () => {
    const view = link.view;
    if (!view) return;
    stage.textContent = stageLine(view);
    linkState.dataset.ok = String(link.status === 'connected');
    linkState.textContent =
      link.status === 'connected'
        ? 'Connected'
        : link.status === 'reconnecting'
          ? 'Reconnecting…'
          : `Disconnected: ${link.closedReason}`;
    projectors.textContent = `Projector boards: ${view.projectors} of ${PROJECTORS_PER_SESSION}`;
    storageBanner.hidden = view.storageProblem === '';
    storageBanner.textContent = view.storageProblem;
    start.hidden = view.stage !== 'lobby';
    next.hidden = view.stage !== 'playing';
    const phaseIndex = view.phase ? ROUND_PHASES.indexOf(view.phase) : -1;
    const nextPhase = ROUND_PHASES[phaseIndex + 1];
    next.textContent =
      view.stage !== 'playing'
        ? 'Next phase'
        : nextPhase
          ? `Next: ${PHASE_NAMES[nextPhase]}`
          : view.round < view.settings.years.length
            ? `Next: round ${view.round + 1}`
            : 'Finish the session';
    lock.textContent = view.teamsLocked ? 'Unlock teams' : 'Lock teams';
    lock.disabled = view.stage === 'ended';
    end.disabled = view.stage === 'ended';
    const members = membersInOrder(view);
    const counts = root.querySelector('#roster-counts');
    if (counts)
      counts.textContent =
        [...DELEGATIONS, 'observer' as const].map((s) => seatLabel(view, s)).join(' · ') +
        ` · ${members.filter((m) => m.seat === 'unseated').length} not seated`;
    syncRows(
      rosterBody,
      members,
      (m) => m.id,
      (m) =>
        JSON.stringify([
          m,
          view.stage,
          members.filter((x) => x.status !== 'gone').map((x) => x.nickname),
          isDelegation(m.seat) ? view.teams[m.seat]?.headId : '',
        ]),
      (m) => renderRow(view, m),
    );
    syncRows(
      removedList,
      view.removedNames,
      (n) => n,
      (n) => n,
      (n) =>
        h(
          'li',
          {},
          `Removed: ${n} `,
          h(
            'button',
            { type: 'button', onclick: () => send('readmit', { nickname: n }, `${n} may join again.`) },
            'Let back in',
          ),
        ),
    );
    syncRows(
      desks,
      DELEGATIONS,
      (d) => d,
      (d) => JSON.stringify([view.phase, view.teams[d]]),
      (d) =>
        h(
          'article',
          { class: `desk seat-${d}` },
          h('h3', {}, SEAT_NAMES[d], view.teams[d]?.submitted ? ' · orders confirmed' : ''),
          view.phase === 'orders' && !view.teams[d]?.submitted
            ? h(
                'p',
                { class: 'warning' },
                `${SEAT_NAMES[d]} has not confirmed its orders`,
                view.teams[d]?.withdrawnBy ? `: ${withdrawalText(view, d, 'teacher')}.` : '.',
              )
            : undefined,
          h(
            'p',
            {},
            `Head of delegation: ${view.members[view.teams[d]?.headId ?? '']?.nickname ?? 'nobody yet'}`,
          ),
          h(
            'ol',
            { class: 'orders' },
            ...(view.teams[d]?.orders?.length
              ? (view.teams[d]?.orders ?? []).map((o) => h('li', {}, `${describeOrder(o)} (${orderCost(o)})`))
              : [h('li', { class: 'empty' }, 'No orders yet.')]),
          ),
          h('p', { class: 'draft' }, view.teams[d]?.draft ? `Notes: ${view.teams[d]?.draft}` : '(no notes)'),
        ),
    );
    settingsForm.update(view);
    const timed = view.stage === 'playing' && view.settings.timersOn;
    pause.hidden = !timed;
    extend.hidden = !timed;
    pause.textContent = view.timerPaused ? 'Resume timer' : 'Pause timer';
    world.update(view.hostWorld);
    cards.update(view.hostWorld, view.round, view.phase);
    inject.update(view.stage === 'playing');
    bookmark.hidden = view.stage === 'lobby';
    logs.floor.update(view.floor);
    for (const d of DELEGATIONS) logs[d].update(view.teams[d]?.chat ?? []);
    for (const pair of ['us-china', 'us-russia', 'china-russia'] as const)
      logs[pair].update(view.channels[pair]?.messages ?? []);
    channelStatus.textContent = `Channels: ${(['us-china', 'us-russia', 'china-russia'] as const)
      .map((p) => `${p.replace('-', '–')} ${view.channels[p]?.status ?? 'closed'}`)
      .join('; ')}.`;
  };
  const tick = setInterval(() => {
    if (link.view) timer.textContent = phaseClock(link.view, link.serverNow()).text;
  }, 1000);
  const unsubscribe = link.subscribe(update);
  update();
  return () => {
    clearInterval(tick);
    unsubscribe();
  };
}

/** The lobby settings: scenario, timers and team limits on one form. Filled from the state unless being edited. */
function settingsEditor(
  link: SessionLink,
  send: <K extends ToServerName>(type: K, payload: ToServerPayload<K>, done?: string) => Promise<boolean>,
) {
  let dirty = false;
  const scenario = h('select', { id: 'settings-scenario' });
  const timersOn = h('input', { type: 'checkbox', id: 'settings-timers' });
  const lockOnStart = h('input', { type: 'checkbox', id: 'settings-lock' });
  const max = h('input', { type: 'number', id: 'settings-max', min: 1, max: 10, step: 1 });
  const minutes = Object.fromEntries(
    ROUND_PHASES.map((p) => [
      p,
      h('input', { type: 'number', id: `settings-min-${p}`, min: 0.5, max: 60, step: 0.5 }),
    ]),
  ) as Record<(typeof ROUND_PHASES)[number], HTMLInputElement>;
  const save = h('button', { type: 'submit' }, 'Save settings');
  const form = h(
    'form',
    {
      class: 'card settings',
      'aria-labelledby': 'settings-title',
      oninput: () => {
        dirty = true;
      },
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const view = link.view;
        const scenarioChanged = view && scenario.value !== view.settings.scenarioId;
        const ok = await send(
          'updateSettings',
          {
            scenarioId: scenario.value,
            timersOn: timersOn.checked,
            lockTeamsOnStart: lockOnStart.checked,
            maxPerDelegation: Number(max.value),
            ...(scenarioChanged
              ? {}
              : { phaseMinutes: Object.fromEntries(ROUND_PHASES.map((p) => [p, Number(minutes[p].value)])) }),
          },
          'Settings saved.',
        );
        if (ok) dirty = false;
      },
    },
    h('h2', { id: 'settings-title' }, 'Settings'),
    h('label', { for: 'settings-scenario' }, 'Scenario'),
    scenario,
    h('div', { class: 'check' }, timersOn, h('label', { for: 'settings-timers' }, 'Phase timers')),
    h(
      'fieldset',
      { class: 'minutes' },
      h('legend', {}, 'Minutes per phase'),
      ...ROUND_PHASES.map((p) =>
        h('span', { class: 'minute' }, h('label', { for: `settings-min-${p}` }, PHASE_NAMES[p]), minutes[p]),
      ),
    ),
    h(
      'div',
      { class: 'check' },
      lockOnStart,
      h('label', { for: 'settings-lock' }, 'Lock the teams when round 1 starts'),
    ),
    h('label', { for: 'settings-max' }, 'Students per delegation (at most)'),
    max,
    save,
  );
  let scenarios: ScenarioSummary[] = [];
  api
    .scenarios()
    .then((list) => {
      scenarios = list;
      fill(scenario, ...list.map((s) => h('option', { value: s.id }, s.title)));
      if (link.view) scenario.value = link.view.settings.scenarioId;
    })
    .catch(() => undefined);
  return {
    root: form,
    update(view: SessionView) {
      form.hidden = view.stage !== 'lobby';
      if (dirty) return;
      if (scenarios.length) scenario.value = view.settings.scenarioId;
      timersOn.checked = view.settings.timersOn;
      lockOnStart.checked = view.settings.lockTeamsOnStart;
      max.value = String(view.settings.maxPerDelegation);
      for (const p of ROUND_PHASES) minutes[p].value = String(view.settings.phaseMinutes[p]);
    },
  };
}
