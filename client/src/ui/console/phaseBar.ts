import { PROJECTORS_PER_SESSION } from '../../../../shared/protocol/toClient.ts';
import { nextStep, practiceStep } from '../../../../shared/session/nextStep.ts';
import type { SessionView } from '../../net/view.ts';
import { h, syncRows } from '../dom.ts';
import { phaseClock, stageLine } from '../format.ts';
import { practiceBanner, practiceMinutes } from '../practice.ts';
import type { ConsoleContext, Panel } from './context.ts';
import { consoleWarnings } from './warnings.ts';

/**
 * The bar that stays in view while the teacher runs a round: the session, the round and phase, the phase clock,
 * Next with what it will do (from the shared nextStep), the timer controls, and what needs attention now. The
 * practice round's banner (`practice`) goes below the bar, not in it: the bar's stage line and Next already say
 * "practice", and the banner's script would take half a phone's screen for as long as the bar stays in view.
 */
export function phaseBar(ctx: ConsoleContext, code: string): Panel & { tick(): void; practice: HTMLElement } {
  const { link, send, seen } = ctx;
  const stage = h('p', { class: 'stage', id: 'console-stage' });
  const clock = h('p', { class: 'timer', id: 'console-timer', 'aria-live': 'off' });
  const linkState = h('p', { class: 'link-state', id: 'console-link' });
  const projectors = h('p', { class: 'projectors', id: 'console-projectors' });
  const start = h(
    'button',
    {
      type: 'button',
      class: 'primary next',
      id: 'start-session',
      onclick: () => send('startSession', {}, 'Round 1 has begun.'),
    },
    'Start round 1',
  );
  // Beside Next: the practice round before round 1 (nothing in it counts), and its end.
  const practiceButton = h('button', {
    type: 'button',
    class: 'next',
    id: 'practice-round',
    onclick: async () => {
      const at = link.view;
      if (at?.practice)
        return void send(
          'endPractice',
          { from: seen() },
          'The practice round is over: the session is back in the lobby, ready for round 1.',
        );
      const minutes = await practiceMinutes();
      void send(
        'startPractice',
        minutes ? { minutes } : {},
        'The practice round has begun: nothing in it counts.',
      );
    },
  });
  const practice = practiceBanner('console-practice');
  const next = h('button', {
    type: 'button',
    class: 'primary next',
    id: 'advance-phase',
    onclick: () => send('advancePhase', { from: seen() }),
  });
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
  const replays = h(
    'a',
    { href: '#/replay', target: '_blank', class: 'button primary', id: 'console-open-replay' },
    'Open the replay and debrief',
  );
  const warnings = h('ul', { class: 'warnings', id: 'console-warnings', 'aria-label': 'Needs attention' });
  // Shown while the server cannot write this session's log (a full or read-only data folder): in the bar, so it
  // is always in view.
  const storageBanner = h('p', { class: 'notice', role: 'alert', id: 'console-storage', hidden: true });
  storageBanner.dataset.kind = 'error';
  const root = h(
    'header',
    { class: 'phase-bar', id: 'phase-bar' },
    h(
      'div',
      { class: 'phase-row' },
      h('h1', {}, 'PAROS ', h('span', { class: 'sub' }, `· ${code}`)),
      stage,
      clock,
      h('div', { class: 'phase-actions' }, pause, extend, practiceButton, start, next, replays),
    ),
    h('div', { class: 'phase-row minor' }, warnings, linkState, projectors),
    storageBanner,
  );
  const tick = () => {
    const view = link.view;
    if (!view) return;
    const { clock: left } = phaseClock(view, link.serverNow());
    clock.textContent = left;
    clock.hidden = left === '';
    clock.classList.toggle('paused', view.timerPaused);
  };
  return {
    root,
    practice: practice.root,
    tick,
    update(view: SessionView) {
      stage.textContent = stageLine(view);
      const at = {
        stage: view.stage,
        round: view.round,
        phase: view.phase,
        rounds: view.settings.years.length,
        practice: view.practice,
      };
      const step = nextStep(at);
      const practising = practiceStep(at);
      practiceButton.hidden = !practising;
      if (practising) practiceButton.textContent = practising.label;
      practice.update(view, { kind: 'teacher' });
      start.hidden = step?.command !== 'startSession';
      next.hidden = step?.command !== 'advancePhase';
      if (step) (step.command === 'startSession' ? start : next).textContent = step.label;
      replays.hidden = view.stage !== 'ended';
      const timed = view.stage === 'playing' && view.settings.timersOn;
      pause.hidden = !timed;
      extend.hidden = !timed;
      pause.textContent = view.timerPaused ? 'Resume timer' : 'Pause timer';
      linkState.dataset.ok = String(link.status === 'connected');
      linkState.textContent =
        link.status === 'connected'
          ? 'Connected'
          : link.status === 'reconnecting'
            ? 'Reconnecting…'
            : `Disconnected: ${link.closedReason}`;
      projectors.textContent = `Boards: ${view.projectors} of ${PROJECTORS_PER_SESSION}`;
      projectors.title = 'Projector boards connected to this session';
      storageBanner.hidden = view.storageProblem === '';
      storageBanner.textContent = view.storageProblem;
      syncRows(
        warnings,
        consoleWarnings(view),
        (w) => w,
        (w) => w,
        (w) => h('li', {}, w),
      );
      tick();
    },
  };
}
