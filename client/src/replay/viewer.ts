import { PHASE_NAMES } from '../../../shared/model/phases.ts';
import {
  DELEGATION_NAMES,
  DELEGATIONS,
  type Delegation,
  SEAT_NAMES,
  type Seat,
} from '../../../shared/model/seats.ts';
import { describeOrder } from '../../../shared/rules/describe.ts';
import { orderCost } from '../../../shared/rules/orders.ts';
import type { Viewer } from '../../../shared/rules/views.ts';
import { type Message, PAIRS, partiesOf } from '../../../shared/session/chat.ts';
import type { SessionEvent } from '../../../shared/session/commands.ts';
import { byJoinOrder, headOf, type SessionModel, type TeamDesk } from '../../../shared/session/model.ts';
import { rulesLabel } from '../../../shared/session/rulesVersions.ts';
import { desksIn, readsEvent, type Sight, sightOf } from '../../../shared/session/visibility.ts';
import { replaysApi } from '../net/api.ts';
import { cardsPanel } from '../ui/cards.ts';
import { tableCanvas } from '../ui/tableCanvas.ts';
import { sessionViewOf } from './sessionView.ts';
import { fill, h, notice } from '../ui/dom.ts';
import { hostUrl, joinUrl } from '../ui/format.ts';
import { rememberHosted } from '../ui/hosted.ts';
import { secrets, worldPanel } from '../ui/worldPanel.ts';
import { loadReplay } from './access.ts';
import { keepInstructorKey } from './keys.ts';
import { debriefSections } from './debrief.ts';
import { download, fileStem, logJsonLines, ordersCsv } from './exports.ts';
import { type Frame, markAt, type PhaseMark, type Replay, stateAt } from './model.ts';

/** One step every 700 ms while playing. */
const STEP_MS = 700;

/** Where each replay was left, so coming back from its report finds the same moment and the same eyes. */
const leftAt = new Map<string, { index: number; eyes: Viewer }>();

const EYES: { id: Viewer; label: string }[] = [
  { id: 'teacher', label: 'Teacher (everything)' },
  ...DELEGATIONS.map((d) => ({ id: d as Viewer, label: DELEGATION_NAMES[d] })),
  { id: 'public', label: 'The class (public)' },
];

/** "Round 2 · 2016 · Negotiation", "Lobby", "Ended". */
export function markLabel(m: PhaseMark): string {
  if (m.phase === 'lobby') return 'Lobby';
  if (m.phase === 'ended') return 'Session ended';
  return `Round ${m.round}${m.year ? ` · ${m.year}` : ''} · ${PHASE_NAMES[m.phase]}`;
}

/**
 * The replay viewer of one past session: play it back entry by entry through anyone's eyes, bookmark moments,
 * fork a what-if session from any of them, and read the whole game's debrief. Returns a dispose function.
 */
export async function replayScreen(root: HTMLElement, id: string): Promise<() => void> {
  root.replaceChildren(h('main', { class: 'loading' }, h('p', { role: 'status' }, 'Opening the replay…')));
  let loaded: Awaited<ReturnType<typeof loadReplay>>;
  try {
    loaded = await loadReplay(id);
  } catch (e) {
    cannotOpen(root, id, (e as Error).message);
    return () => undefined;
  }
  return viewer(root, loaded.replay, loaded.key);
}

/** How far Page Up and Page Down move: a tenth of the log, at least one entry. */
export const pageStep = (last: number) => Math.max(1, Math.round(last / 10));

/**
 * Where a replay opens: round 1's briefing, where the play begins (entry 0 is the empty lobby); the start of the
 * log when the session never began.
 */
export function openingIndex(replay: Pick<Replay, 'marks'>): number {
  return replay.marks.find((m) => m.round === 1 && m.phase === 'briefing')?.index ?? 0;
}

/** No key, or a wrong one: say so, and let an instructor type the key here. */
function cannotOpen(root: HTMLElement, id: string, message: string) {
  const key = h('input', { type: 'password', id: 'replay-open-key', autocomplete: 'off' });
  root.replaceChildren(
    h(
      'main',
      { class: 'home' },
      h('p', { class: 'notice', 'data-kind': 'error', role: 'alert', id: 'replay-open-error' }, message),
      h(
        'form',
        {
          class: 'card',
          onsubmit: (e: Event) => {
            e.preventDefault();
            keepInstructorKey(key.value.trim() || undefined);
            replayScreen(root, id);
          },
        },
        h('label', { for: 'replay-open-key' }, 'Instructor key'),
        key,
        h('button', { type: 'submit', class: 'primary' }, 'Open with this key'),
      ),
      h('p', {}, h('a', { href: '#/replay' }, '← Past sessions')),
    ),
  );
}

function viewer(root: HTMLElement, replay: Replay, key: string): () => void {
  const last = replay.frames.length - 1;
  const header = replay.log.header;
  const code = header.code;
  const resume = leftAt.get(replay.id);
  let index = Math.min(resume?.index ?? openingIndex(replay), last);
  let eyes: Viewer = resume?.eyes ?? 'teacher';
  let timer: ReturnType<typeof setInterval> | undefined;

  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'replay-status' });

  // ---- Player controls
  const position = h('p', { class: 'stage', id: 'replay-position' });
  const what = h('p', { class: 'what', id: 'replay-what' });
  const play = h('button', { type: 'button', class: 'primary', id: 'replay-play', onclick: () => toggle() });
  const scrubber = h('input', {
    type: 'range',
    id: 'replay-scrubber',
    min: 0,
    max: last,
    step: 1,
    value: 0,
    'aria-describedby': 'replay-scrubber-hint',
    oninput: () => go(Number(scrubber.value), false),
    onkeydown: (e: Event) => {
      const k = (e as KeyboardEvent).key;
      if (k === ' ' || k === 'k') {
        e.preventDefault();
        toggle();
      } else if (k === 'PageDown' || k === 'PageUp') {
        // A tenth of the log, forwards with Page Down like a document (the browser's range moves it backwards).
        e.preventDefault();
        go(index + (k === 'PageDown' ? 1 : -1) * pageStep(last));
      }
    },
  });
  const ticks = h('div', { class: 'bookmark-ticks', 'aria-hidden': 'true' });
  const button = (id: string, label: string, onclick: () => void, title?: string) =>
    h('button', { type: 'button', id, onclick, 'aria-label': title }, label);
  const controls = h(
    'div',
    { class: 'row player-buttons' },
    button('replay-first', '|◀ Start', () => go(0), 'Go to the start'),
    button('replay-back', '◀ Step back', () => go(index - 1)),
    play,
    button('replay-forward', 'Step forward ▶', () => go(index + 1)),
    button('replay-last', 'End ▶|', () => go(last), 'Go to the end'),
  );
  const eyesField = h(
    'fieldset',
    { class: 'eyes', id: 'replay-eyes' },
    h('legend', {}, 'Whose eyes'),
    ...EYES.map((e) =>
      h(
        'span',
        { class: 'eye' },
        h('input', {
          type: 'radio',
          name: 'replay-eyes',
          id: `replay-eyes-${e.id}`,
          value: e.id,
          checked: e.id === eyes,
          onchange: () => setEyes(e.id),
        }),
        h('label', { for: `replay-eyes-${e.id}`, class: 'eye-label' }, e.label),
      ),
    ),
  );
  const player = h(
    'section',
    { class: 'card player', 'aria-labelledby': 'replay-player-title' },
    h('h2', { id: 'replay-player-title', class: 'visually-hidden' }, 'Player'),
    position,
    what,
    controls,
    h('label', { for: 'replay-scrubber' }, `Position in the log (entry 0 to ${last})`),
    h('div', { class: 'scrubber' }, scrubber, ticks),
    h(
      'p',
      { class: 'hint', id: 'replay-scrubber-hint' },
      `Arrow keys move one entry; Page Down moves a tenth of the log forwards (${pageStep(last)} entries) and Page Up as far back; Home and End go to the ends; Space plays or pauses.`,
    ),
    eyesField,
  );

  // ---- Jump to a round and phase
  const jumps = h('nav', {
    class: 'card jumps-nav',
    'aria-labelledby': 'replay-jumps-title',
    id: 'replay-jumps',
  });
  const jumpButtons: { mark: PhaseMark; el: HTMLButtonElement }[] = [];
  {
    const byRound = new Map<number, PhaseMark[]>();
    for (const m of replay.marks) {
      const k = m.phase === 'lobby' ? -1 : m.phase === 'ended' ? Number.MAX_SAFE_INTEGER : m.round;
      byRound.set(k, [...(byRound.get(k) ?? []), m]);
    }
    const list = h('ul', { class: 'jump-rounds' });
    for (const [round, ms] of [...byRound.entries()].sort((a, b) => a[0] - b[0])) {
      const label =
        round === -1
          ? 'Before play'
          : round === Number.MAX_SAFE_INTEGER
            ? 'After play'
            : `Round ${round}${ms[0]?.year ? ` · ${ms[0].year}` : ''}`;
      const buttons = ms.map((m) => {
        const el = h(
          'button',
          {
            type: 'button',
            class: 'small',
            id:
              m.phase === 'lobby'
                ? 'replay-jump-lobby'
                : m.phase === 'ended'
                  ? 'replay-jump-end'
                  : `replay-jump-r${m.round}-${m.phase}`,
            'aria-label': `Jump to ${markLabel(m)} (entry ${m.index})`,
            onclick: () => go(m.index),
          },
          m.phase === 'lobby' ? 'Lobby' : m.phase === 'ended' ? 'End' : PHASE_NAMES[m.phase],
        );
        jumpButtons.push({ mark: m, el });
        return el;
      });
      list.append(
        h('li', { class: 'jump-round' }, h('span', { class: 'jump-label' }, `${label}: `), ...buttons),
      );
    }
    fill(jumps, h('h2', { id: 'replay-jumps-title' }, 'Jump to'), list);
  }

  // ---- Bookmarks
  const bookmarkList = h('ol', { class: 'bookmarks', id: 'replay-bookmarks' });
  const note = h('input', {
    id: 'replay-bookmark-note',
    maxlength: 280,
    required: true,
    autocomplete: 'off',
    class: 'wide',
  });
  const bookmarks = h(
    'section',
    { class: 'card', 'aria-labelledby': 'replay-bookmarks-title' },
    h('h2', { id: 'replay-bookmarks-title' }, 'Bookmarks'),
    bookmarkList,
    h(
      'form',
      {
        class: 'bookmark-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const text = note.value.trim();
          if (!text) return notice(status, 'Write a note for the bookmark.', 'error');
          try {
            const b = await replaysApi.bookmark(replay.id, key, index, text);
            replay.bookmarks.push({ seq: b.seq, note: b.note, from: 'replay', at: b.at });
            replay.bookmarks.sort((a, x) => a.seq - x.seq || a.at - x.at);
            note.value = '';
            renderBookmarks();
            notice(status, `Bookmarked entry ${b.seq}.`);
          } catch (err) {
            notice(status, (err as Error).message, 'error');
          }
        },
      },
      h('label', { for: 'replay-bookmark-note' }, 'Note for a bookmark at the current position'),
      note,
      h('button', { type: 'submit', id: 'replay-bookmark-add' }, 'Bookmark this moment'),
    ),
  );
  const renderBookmarks = () => {
    fill(
      bookmarkList,
      ...(replay.bookmarks.length
        ? replay.bookmarks.map((b, i) =>
            h(
              'li',
              { class: 'bookmark-item' },
              h(
                'button',
                { type: 'button', class: 'link', id: `replay-bookmark-${i}`, onclick: () => go(b.seq) },
                `Entry ${b.seq} · ${markLabel(markAt(replay, b.seq))}: ${b.note}`,
              ),
              h('span', { class: 'hint' }, b.from === 'play' ? ' (during play)' : ' (added in a replay)'),
            ),
          )
        : [h('li', { class: 'empty' }, 'No bookmark yet.')]),
    );
    fill(
      ticks,
      ...replay.bookmarks.map((b) =>
        h('button', {
          type: 'button',
          class: 'tick',
          tabindex: -1,
          title: `Entry ${b.seq}: ${b.note}`,
          style: `left: ${last ? (b.seq / last) * 100 : 0}%`,
          onclick: () => go(b.seq),
        }),
      ),
    );
  };

  // ---- What if: fork
  const forkResult = h('div', { id: 'replay-fork-result', 'aria-live': 'polite' });
  const fork = h(
    'button',
    {
      type: 'button',
      id: 'replay-fork',
      onclick: async () => {
        fork.disabled = true;
        const at = index;
        notice(status, 'Starting a new session from this moment…');
        try {
          const res = await replaysApi.fork(replay.id, key, at);
          rememberHosted({
            code: res.code,
            secret: res.hostSecret,
            createdAt: new Date().toISOString(),
            title: `What if: ${code} from entry ${at}`,
          });
          fill(
            forkResult,
            h(
              'p',
              {},
              `A new session, ${res.code}, starts from entry ${at} (${markLabel(markAt(replay, at))}), under the ${rulesLabel(header.rulesVersion)} like the original. The students of the original class wait there as “gone”: hand their seats to whoever joins.`,
            ),
            h(
              'p',
              {},
              'Students join with ',
              h('strong', { class: 'mono', id: 'replay-fork-code' }, res.code),
              ' at ',
              joinUrl(res.code),
            ),
            h(
              'p',
              {},
              h(
                'a',
                {
                  href: hostUrl(res.code, res.hostSecret),
                  target: '_blank',
                  class: 'button primary',
                  id: 'replay-fork-host',
                },
                'Open its teacher console',
              ),
              ' (this browser keeps its host link in your sessions)',
            ),
          );
          notice(status, `What-if session ${res.code} created.`);
        } catch (err) {
          notice(status, (err as Error).message, 'error');
        } finally {
          fork.disabled = frame().stage === 'ended';
        }
      },
    },
    'What if: fork from here',
  );
  const forkSection = h(
    'section',
    { class: 'card', 'aria-labelledby': 'replay-fork-title' },
    h('h2', { id: 'replay-fork-title' }, 'What if?'),
    h(
      'p',
      { class: 'hint', id: 'replay-fork-hint' },
      'Starts a new live session from the state at the current position, with its own join code, for a class to play on differently.',
    ),
    fork,
    forkResult,
  );

  // ---- The room at this position
  const room = h('div', { class: 'room', id: 'replay-room' });
  const desks = h('div', { class: 'desks', id: 'replay-desks' });
  const allSecrets = h('div', { class: 'all-secrets', id: 'replay-secrets' });
  const talks = h('div', { class: 'replay-talks', id: 'replay-talks' });
  const roomSection = h(
    'section',
    { class: 'card', 'aria-labelledby': 'replay-room-title' },
    h('h2', { id: 'replay-room-title' }, 'In the room'),
    room,
    h('h3', {}, 'Delegation desks'),
    desks,
    h('h3', {}, 'Talks'),
    talks,
    allSecrets,
  );
  let world = worldPanel('The world through the eyes of the teacher');
  let cards = cardsPanel({ teacher: true });
  // The same Phaser scenes as the live screens, drawn from the replayed state (the picker follows the phase).
  const scenes = tableCanvas('The session replayed: table, chamber, orbit and Moon');
  const worldSlot = h(
    'div',
    {},
    h('section', { class: 'card', 'aria-label': 'Scenes' }, scenes.root),
    cards.root,
    world.root,
  );

  // ---- Debrief
  const debrief = h('section', {
    id: 'replay-debrief',
    'aria-labelledby': 'replay-debrief-title',
    hidden: true,
  });
  const replayView = h(
    'div',
    { id: 'replay-viewer' },
    player,
    jumps,
    roomSection,
    worldSlot,
    bookmarks,
    forkSection,
  );
  let debriefBuilt = false;
  const tabViewer = h(
    'button',
    {
      type: 'button',
      class: 'tab',
      id: 'replay-tab-viewer',
      'aria-pressed': 'true',
      onclick: () => show(false),
    },
    'Replay',
  );
  const tabDebrief = h(
    'button',
    {
      type: 'button',
      class: 'tab',
      id: 'replay-tab-debrief',
      'aria-pressed': 'false',
      onclick: () => show(true),
    },
    'Debrief',
  );
  const show = (isDebrief: boolean) => {
    if (isDebrief && !debriefBuilt) {
      debriefBuilt = true;
      fill(
        debrief,
        h('h2', { id: 'replay-debrief-title' }, 'Debrief of the whole session'),
        h(
          'p',
          { class: 'hint' },
          'Everything is shown, secrets included, as at the end of a session: whose eyes the replay uses does not change it.',
        ),
        ...debriefSections(replay, 'debrief'),
      );
    }
    if (isDebrief) pause();
    debrief.hidden = !isDebrief;
    replayView.hidden = isDebrief;
    tabViewer.setAttribute('aria-pressed', String(!isDebrief));
    tabDebrief.setAttribute('aria-pressed', String(isDebrief));
  };

  const created = new Date(header.createdAt);
  const integrity = integrityNote(replay);
  root.replaceChildren(
    h(
      'main',
      { class: 'replay' },
      h('p', { class: 'no-print' }, h('a', { href: '#/replay' }, '← Past sessions')),
      h(
        'header',
        { class: 'bar' },
        h('h1', {}, `Replay · session ${code}`, h('span', { class: 'sub' }, ` · ${replay.scenarioTitle}`)),
        h(
          'p',
          { class: 'hint' },
          `Created ${created.toLocaleString()} · ${replay.log.entries.length} entries · ${replay.log.stage} · under the ${rulesLabel(header.rulesVersion)}`,
        ),
      ),
      replay.problem
        ? h(
            'p',
            { class: 'notice', 'data-kind': 'error', id: 'replay-problem' },
            `This log cannot be folded past entry ${replay.problem.seq - 1}: ${replay.problem.message}. The replay stops there.`,
          )
        : undefined,
      integrity,
      h(
        'div',
        { class: 'row exports' },
        h(
          'button',
          {
            type: 'button',
            id: 'replay-export-jsonl',
            onclick: () =>
              download(`${fileStem(replay)}.jsonl`, logJsonLines(replay), 'application/x-ndjson'),
          },
          'Download the log (JSON Lines)',
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'replay-export-csv',
            onclick: () => download(`${fileStem(replay)}-orders.csv`, ordersCsv(replay), 'text/csv'),
          },
          'Download the orders (CSV)',
        ),
        h(
          'a',
          { class: 'button', id: 'replay-report', href: `#/replay/${encodeURIComponent(replay.id)}/report` },
          'Printable debrief report',
        ),
      ),
      h('div', { class: 'row tabs', role: 'group', 'aria-label': 'Show' }, tabViewer, tabDebrief),
      status,
      replayView,
      debrief,
    ),
  );

  const frame = (): Frame => replay.frames[index] as Frame;

  const setEyes = (v: Viewer) => {
    eyes = v;
    const name = v === 'teacher' ? 'the teacher' : v === 'public' ? 'the class' : DELEGATION_NAMES[v];
    const fresh = worldPanel(`The world through the eyes of ${name}`);
    const freshCards = cardsPanel({ teacher: v === 'teacher' });
    world.root.replaceWith(fresh.root);
    cards.root.replaceWith(freshCards.root);
    world = fresh;
    cards = freshCards;
    render();
    notice(status, `Now seen through the eyes of ${name.startsWith('United') ? `the ${name}` : name}.`);
  };

  function go(to: number, announce = true) {
    index = Math.max(0, Math.min(last, to));
    render();
    if (announce) notice(status, `Entry ${index} of ${last}: ${markLabel(markAt(replay, index))}.`);
  }
  function pause() {
    if (timer) clearInterval(timer);
    timer = undefined;
    play.textContent = '▶ Play';
    play.setAttribute('aria-pressed', 'false');
  }
  function toggle() {
    if (timer) {
      pause();
      notice(status, `Paused at entry ${index}: ${markLabel(markAt(replay, index))}.`);
      return;
    }
    if (index >= last) index = 0;
    play.textContent = '❚❚ Pause';
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      if (index >= last) {
        pause();
        notice(status, 'The end of the log.');
        return;
      }
      go(index + 1, false);
    }, STEP_MS);
  }

  function render() {
    const f = frame();
    const s = stateAt(replay, index);
    // Everything below is drawn from what the chosen eyes may know at this position.
    const sight = sightOf(s, { kind: 'eyes', viewer: eyes });
    const mark = markAt(replay, index);
    scrubber.value = String(index);
    scrubber.setAttribute('aria-valuetext', `Entry ${index} of ${last}: ${markLabel(mark)}`);
    const at = f.entry ? new Date(f.entry.at) : undefined;
    position.textContent = [
      `Entry ${index} of ${last}`,
      at ? at.toLocaleTimeString() : 'as created',
      s.stage === 'playing' ? `Round ${s.round} of ${s.settings.years.length}` : undefined,
      s.stage === 'playing' ? s.settings.years[s.round - 1] : undefined,
      s.stage === 'playing' && s.phase
        ? PHASE_NAMES[s.phase]
        : s.stage === 'lobby'
          ? 'Lobby'
          : s.stage === 'ended'
            ? 'Ended'
            : undefined,
    ]
      .filter((x) => x !== undefined)
      .join(' · ');
    what.textContent = f.entry
      ? `${actorName(f, replay.nicknames)}: ${describeEvents(f.events, sight, replay.nicknames) || f.entry.command.type}`
      : 'The session as it was created, before anyone joined.';
    for (const j of jumpButtons) {
      if (j.mark === mark) j.el.setAttribute('aria-current', 'step');
      else j.el.removeAttribute('aria-current');
    }
    for (const [i, t] of Array.from(ticks.children).entries())
      t.classList.toggle('here', replay.bookmarks[i]?.seq === index);
    fork.disabled = s.stage === 'ended';
    fork.title = s.stage === 'ended' ? 'A session cannot be forked after its end: step back a little.' : '';
    renderRoom(s, sight);
    const w = sight.world;
    const seat = eyes !== 'teacher' && eyes !== 'public' ? eyes : undefined;
    world.update(w, seat && w ? { name: DELEGATION_NAMES[seat], secrets: w.secrets[seat] } : undefined);
    cards.update(w, s.round, s.phase ?? '', seat);
    scenes.update(sessionViewOf(s, sight));
    if (!w) fill(world.root, h('p', { class: 'empty' }, 'The world begins when round 1 starts.'));
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
  }

  function renderRoom(s: SessionModel, sight: Sight) {
    const seats: Seat[] = [...DELEGATIONS, 'observer', 'unseated'];
    const members = Object.values(s.members).sort(byJoinOrder);
    const connected = members.filter((m) => m.status === 'connected').length;
    fill(
      room,
      h('p', {}, `${connected} of ${members.length} student${members.length === 1 ? '' : 's'} connected.`),
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
    );
    const visible = desksIn(sight).map((d) => [d, sight.desks[d] as TeamDesk] as const);
    fill(
      desks,
      ...(visible.length === 0
        ? [h('p', { class: 'empty' }, 'The desks are secret: choose the teacher’s eyes or a delegation’s.')]
        : visible.map(([d, desk]) => deskCard(s, d, desk))),
    );
    renderTalks(s, sight);
  }

  /** The talks as they stood at this position, as far as the chosen eyes could read them. */
  function renderTalks(s: SessionModel, sight: Sight) {
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
    fill(
      talks,
      ...lists.map(([title, messages]) =>
        h(
          'details',
          { class: 'replay-talk' },
          h('summary', {}, `${title}: ${messages.length} message${messages.length === 1 ? '' : 's'}`),
          messages.length
            ? h(
                'ul',
                { class: 'messages' },
                ...messages.map((m) =>
                  h(
                    'li',
                    { class: 'message' },
                    h('span', { class: 'who' }, `${m.nickname} (round ${m.round})`),
                    ': ',
                    h('span', { class: 'text' }, m.text),
                  ),
                ),
              )
            : h('p', { class: 'empty' }, 'Nothing said yet.'),
        ),
      ),
    );
  }

  const stopKeys = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && timer) pause();
  };
  document.addEventListener('keydown', stopKeys);
  renderBookmarks();
  pause();
  if (eyes !== 'teacher') setEyes(eyes);
  go(index, false);
  return () => {
    leftAt.set(replay.id, { index, eyes });
    pause();
    scenes.destroy();
    document.removeEventListener('keydown', stopKeys);
  };
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

/** Whether the round hashes recorded during play match the states folded here. */
function integrityNote(replay: Replay): HTMLElement | undefined {
  const hashes = replay.log.roundHashes;
  if (hashes.length === 0) return undefined;
  const bad = hashes.filter((x) => {
    const r = replay.rounds.find((y) => y.round === x.round);
    return r?.hash !== x.hash;
  });
  return h(
    'p',
    { class: 'notice', 'data-kind': bad.length ? 'error' : 'info', id: 'replay-integrity' },
    bad.length
      ? `Rounds ${bad.map((x) => x.round).join(', ')} fold to other states than the ones recorded during play: the rules or the content changed since. The replay may differ from what the class saw.`
      : `Checked: the ${hashes.length} resolved round${hashes.length === 1 ? '' : 's'} fold to the states recorded during play.`,
  );
}

function actorName(f: Frame, nicknames: ReadonlyMap<string, string>): string {
  const a = f.entry?.actor;
  if (!a) return '';
  if (a.kind === 'teacher') return 'Teacher';
  if (a.kind === 'system') return 'Server';
  return nicknames.get(a.memberId) ?? a.memberId;
}

/**
 * What an entry did, in words, as far as the sight of that moment may read it (readsEvent): another desk's work
 * and a card shown to other delegations are told without what they hold.
 */
export function describeEvents(
  events: readonly SessionEvent[],
  sight: Sight,
  nicknames: ReadonlyMap<string, string>,
): string {
  const nick = (id: string) => nicknames.get(id) ?? id;
  const seatName = (seat: string) => SEAT_NAMES[seat as Seat] ?? seat;
  const one = (e: SessionEvent): string => {
    const secret = !readsEvent(sight, e);
    switch (e.type) {
      case 'memberJoined':
        return `${e.nickname} joined`;
      case 'seatChosen':
        return `${nick(e.memberId)} sat with ${seatName(e.seat)}${e.by === 'teacher' ? ' (seated by the teacher)' : ''}`;
      case 'memberRemoved':
        return `${e.nickname} was removed`;
      case 'seatRestored':
        return `${nick(e.memberId)} took over the ${seatName(e.seat)} seat of ${nick(e.formerMemberId)}`;
      case 'teamsLocked':
        return e.locked ? 'the teams were locked' : 'the teams were opened';
      case 'settingsUpdated':
        return 'the settings changed';
      case 'sessionStarted':
        return 'the session started';
      case 'phaseBegan':
        return `round ${e.round}: ${PHASE_NAMES[e.phase].toLowerCase()} began`;
      case 'sessionEnded':
        return 'the session ended';
      case 'draftEdited':
        return secret ? `${seatName(e.seat)} worked at its desk` : `${seatName(e.seat)}: notes edited`;
      case 'ordersSet':
        return secret
          ? `${seatName(e.seat)} worked at its desk`
          : `${seatName(e.seat)}: orders set (${e.count})`;
      case 'ordersSubmitted':
        return `${seatName(e.seat)} confirmed its orders`;
      case 'ordersWithdrawn':
        return secret
          ? `${seatName(e.seat)} worked at its desk`
          : `${seatName(e.seat)}: orders no longer confirmed`;
      case 'roundResolved':
        return `round ${e.round} was resolved`;
      case 'cardRevealed': {
        const card = sight.world?.cards.find((c) => c.card.id === e.cardId);
        return secret
          ? 'a card was shown to others'
          : `card “${card?.card.title ?? e.cardId}”${e.injected ? ' played' : ' revealed'}`;
      }
      case 'headChosen':
        return `${nick(e.memberId)} now heads ${seatName(e.seat)}`;
      case 'timerPaused':
        return 'the timer was paused';
      case 'timerResumed':
        return 'the timer runs again';
      case 'timerExtended':
        return `the phase got ${e.minutes} more minute${e.minutes === 1 ? '' : 's'}`;
      case 'memberAway':
        return `${nick(e.memberId)} lost the connection`;
      case 'memberReturned':
        return `${nick(e.memberId)} is back`;
      case 'memberGone':
        return `${nick(e.memberId)} left`;
      case 'bookmarkAdded':
        return `bookmark: “${e.note}”`;
      default:
        // An event this viewer does not know yet (a newer feature): its name, in words.
        return (e as { type: string }).type.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
    }
  };
  return events.map(one).join('; ');
}
