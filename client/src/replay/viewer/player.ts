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
 * The player: where we are and what that entry did, step and play buttons, the scrubber (arrows one entry, Page
 * Down a tenth forwards, Space plays), the bookmark ticks on it, and whose eyes the replay uses.
 */
export function playerPanel(
  ctx: ViewerContext,
  eyes: Viewer,
  onEyes: (v: Viewer) => void,
): ViewerPanel & { ticks: HTMLElement; pause(): void } {
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
  const button = (id: string, label: string, onclick: () => void, title?: string) =>
    h('button', { type: 'button', id, onclick, 'aria-label': title }, label);
  const controls = h(
    'div',
    { class: 'row player-buttons' },
    button('replay-first', '|◀ Start', () => ctx.go(0), 'Go to the start'),
    button('replay-back', '◀ Step back', () => ctx.go(ctx.index() - 1)),
    play,
    button('replay-forward', 'Step forward ▶', () => ctx.go(ctx.index() + 1)),
    button('replay-last', 'End ▶|', () => ctx.go(last), 'Go to the end'),
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
    pause,
    update({ index, frame: f, state: s, sight, mark }) {
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
      for (const [i, t] of Array.from(ticks.children).entries())
        t.classList.toggle('here', replay.bookmarks[i]?.seq === index);
    },
  };
}
