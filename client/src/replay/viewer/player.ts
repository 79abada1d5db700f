import { PHASE_NAMES } from '../../../../shared/model/phases.ts';
import { DELEGATION_NAMES, DELEGATIONS } from '../../../../shared/model/seats.ts';
import type { Viewer } from '../../../../shared/rules/views.ts';
import { h, notice } from '../../ui/dom.ts';
import { markAt } from '../model.ts';
import type { ViewerContext, ViewerPanel } from './context.ts';
import { actorName, describeEvents } from './describe.ts';
import { markLabel, pageStep } from './labels.ts';

/** One step every 700 ms while playing. */
const STEP_MS = 700;

export const EYES: { id: Viewer; label: string }[] = [
  { id: 'teacher', label: 'Teacher (everything)' },
  ...DELEGATIONS.map((d) => ({ id: d as Viewer, label: DELEGATION_NAMES[d] })),
  { id: 'public', label: 'The class (public)' },
];

/**
 * The player, kept in view while the panels scroll: where we are and what that entry did, step and play buttons,
 * the scrubber (arrows one entry, Page Down a tenth forwards, Space plays), the bookmark ticks on it, jumps to the
 * start of any round's phase, and, apart (`eyesField`, placed by the viewer), whose eyes the replay uses.
 */
export function playerPanel(
  ctx: ViewerContext,
  eyes: Viewer,
  onEyes: (v: Viewer) => void,
): ViewerPanel & { ticks: HTMLElement; eyesField: HTMLElement; pause(): void } {
  const { replay, last, status } = ctx;
  let timer: ReturnType<typeof setInterval> | undefined;
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
    oninput: () => ctx.go(Number(scrubber.value), false),
    onkeydown: (e: Event) => {
      const k = (e as KeyboardEvent).key;
      if (k === ' ' || k === 'k') {
        e.preventDefault();
        toggle();
      } else if (k === 'PageDown' || k === 'PageUp') {
        // A tenth of the log, forwards with Page Down like a document (the browser's range moves it backwards).
        e.preventDefault();
        ctx.go(ctx.index() + (k === 'PageDown' ? 1 : -1) * pageStep(last));
      }
    },
  });
  const ticks = h('div', { class: 'bookmark-ticks', 'aria-hidden': 'true' });
  // A symbol always, its words where the player has room; the accessible name is the words.
  const button = (id: string, symbol: string, words: string, onclick: () => void, symbolFirst = true) =>
    h(
      'button',
      { type: 'button', id, onclick, 'aria-label': words, title: words, class: 'transport-step' },
      symbolFirst ? h('span', { 'aria-hidden': 'true' }, symbol) : undefined,
      h('span', { class: 'words' }, symbolFirst ? ` ${words}` : `${words} `),
      symbolFirst ? undefined : h('span', { 'aria-hidden': 'true' }, symbol),
    );
  const controls = h(
    'div',
    { class: 'row player-buttons' },
    button('replay-first', '|◀', 'Go to the start', () => ctx.go(0)),
    button('replay-back', '◀', 'Step back', () => ctx.go(ctx.index() - 1)),
    play,
    button('replay-forward', '▶', 'Step forward', () => ctx.go(ctx.index() + 1), false),
    button('replay-last', '▶|', 'Go to the end', () => ctx.go(last), false),
  );

  // The phase jumps: the start of the phase before or after the position, or any phase from a list.
  const marks = replay.marks;
  const jumpTo = h('select', {
    id: 'replay-jump-to',
    onchange: () => {
      const m = marks[Number(jumpTo.value)];
      if (m) ctx.go(m.index);
    },
  });
  const groups = new Map<string, HTMLElement>();
  for (const [i, m] of marks.entries()) {
    const group =
      m.phase === 'lobby' ? 'Before play' : m.phase === 'ended' ? 'After play' : `Round ${m.round}`;
    let g = groups.get(group);
    if (!g) {
      g = h('optgroup', { label: m.year && m.phase !== 'ended' ? `${group} · ${m.year}` : group });
      groups.set(group, g);
      jumpTo.append(g);
    }
    // "Round 2 · Orders": the year is on the group, and the closed list shows the phase on a phone.
    g.append(
      h(
        'option',
        { value: i },
        m.phase === 'lobby' || m.phase === 'ended'
          ? markLabel(m)
          : `Round ${m.round} · ${PHASE_NAMES[m.phase]}`,
      ),
    );
  }
  const previousPhase = h(
    'button',
    {
      type: 'button',
      id: 'replay-phase-back',
      'aria-label': 'Back to the start of the phase',
      title: 'Back to the start of the phase (or of the one before, from its start)',
      onclick: () => {
        const m = [...marks].reverse().find((x) => x.index < ctx.index());
        ctx.go(m?.index ?? 0);
      },
    },
    h('span', { 'aria-hidden': 'true' }, '«'),
    h('span', { class: 'words' }, ' Phase'),
  );
  const nextPhase = h(
    'button',
    {
      type: 'button',
      id: 'replay-phase-forward',
      'aria-label': 'On to the next phase',
      title: 'On to the start of the next phase',
      onclick: () => {
        const m = marks.find((x) => x.index > ctx.index());
        ctx.go(m?.index ?? last);
      },
    },
    h('span', { class: 'words' }, 'Phase '),
    h('span', { 'aria-hidden': 'true' }, '»'),
  );
  const phaseJumps = h(
    'div',
    { class: 'row phase-jumps', role: 'group', 'aria-label': 'Jump to a phase' },
    previousPhase,
    h('label', { for: 'replay-jump-to', class: 'visually-hidden' }, 'Phase to jump to'),
    jumpTo,
    nextPhase,
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
          onchange: () => onEyes(e.id),
        }),
        h('label', { for: `replay-eyes-${e.id}`, class: 'eye-label' }, e.label),
      ),
    ),
  );
  const root = h(
    'section',
    { class: 'player transport', id: 'replay-transport', 'aria-labelledby': 'replay-player-title' },
    h('h2', { id: 'replay-player-title', class: 'visually-hidden' }, 'Player'),
    h('div', { class: 'transport-now' }, position, what),
    h(
      'div',
      { class: 'transport-controls' },
      controls,
      h(
        'div',
        { class: 'scrubber' },
        h(
          'label',
          { for: 'replay-scrubber', class: 'scrubber-label' },
          `Position in the log (entry 0 to ${last})`,
        ),
        scrubber,
        ticks,
      ),
      phaseJumps,
    ),
    h(
      'p',
      { class: 'hint transport-keys', id: 'replay-scrubber-hint' },
      `Arrow keys move one entry; Page Down moves a tenth of the log forwards (${pageStep(last)} entries) and Page Up as far back; Home and End go to the ends; Space plays or pauses.`,
    ),
  );

  function pause() {
    if (timer) clearInterval(timer);
    timer = undefined;
    play.textContent = '▶ Play';
    play.setAttribute('aria-pressed', 'false');
  }
  function toggle() {
    if (timer) {
      pause();
      notice(status, `Paused at entry ${ctx.index()}: ${markLabel(markAt(replay, ctx.index()))}.`);
      return;
    }
    if (ctx.index() >= last) ctx.go(0, false);
    play.textContent = '❚❚ Pause';
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      if (ctx.index() >= last) {
        pause();
        notice(status, 'The end of the log.');
        return;
      }
      ctx.go(ctx.index() + 1, false);
    }, STEP_MS);
  }
  pause();

  return {
    root,
    ticks,
    eyesField,
    pause,
    update({ index, frame: f, state: s, sight, mark }) {
      scrubber.value = String(index);
      jumpTo.value = String(marks.indexOf(mark));
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
      for (const [i, t] of Array.from(ticks.children).entries())
        t.classList.toggle('here', replay.bookmarks[i]?.seq === index);
    },
  };
}
