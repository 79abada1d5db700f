import { PHASE_NAMES } from '../../../../shared/model/phases.ts';
import { fill, h } from '../../ui/dom.ts';
import type { PhaseMark } from '../model.ts';
import type { ViewerContext, ViewerPanel } from './context.ts';
import { markLabel } from './labels.ts';

/** The row key of the practice round's jumps: after "Before play" (-1), before round 1. */
const PRACTICE = -0.5;

/** Jump to the start of any round's phase, grouped by round; the phase shown is marked as the current step. */
export function jumpsPanel(ctx: ViewerContext): ViewerPanel {
  const root = h('nav', {
    class: 'card jumps-nav',
    'aria-labelledby': 'replay-jumps-title',
    id: 'replay-jumps',
  });
  const jumpButtons: { mark: PhaseMark; el: HTMLButtonElement }[] = [];
  const byRound = new Map<number, PhaseMark[]>();
  for (const m of ctx.replay.marks) {
    // The practice round (and the lobby it went back to) has its own row, before round 1.
    const k = m.practice
      ? PRACTICE
      : m.phase === 'lobby'
        ? -1
        : m.phase === 'ended'
          ? Number.MAX_SAFE_INTEGER
          : m.round;
    byRound.set(k, [...(byRound.get(k) ?? []), m]);
  }
  const list = h('ul', { class: 'jump-rounds' });
  for (const [round, ms] of [...byRound.entries()].sort((a, b) => a[0] - b[0])) {
    const label =
      round === -1
        ? 'Before play'
        : round === PRACTICE
          ? 'Practice round (nothing counts)'
          : round === Number.MAX_SAFE_INTEGER
            ? 'After play'
            : `Round ${round}${ms[0]?.year ? ` · ${ms[0].year}` : ''}`;
    const buttons = ms.map((m) => {
      const el = h(
        'button',
        {
          type: 'button',
          class: 'small',
          id: m.practice
            ? `replay-jump-practice-${m.index}`
            : m.phase === 'lobby'
              ? 'replay-jump-lobby'
              : m.phase === 'ended'
                ? 'replay-jump-end'
                : `replay-jump-r${m.round}-${m.phase}`,
          'aria-label': `Jump to ${markLabel(m)} (entry ${m.index})`,
          onclick: () => ctx.go(m.index),
        },
        m.phase === 'lobby'
          ? m.practice
            ? 'Back to the lobby'
            : 'Lobby'
          : m.phase === 'ended'
            ? 'End'
            : PHASE_NAMES[m.phase],
      );
      jumpButtons.push({ mark: m, el });
      return el;
    });
    list.append(
      h('li', { class: 'jump-round' }, h('span', { class: 'jump-label' }, `${label}: `), ...buttons),
    );
  }
  fill(root, h('h2', { id: 'replay-jumps-title' }, 'Jump to'), list);
  return {
    root,
    update({ mark }) {
      for (const j of jumpButtons) {
        if (j.mark === mark) j.el.setAttribute('aria-current', 'step');
        else j.el.removeAttribute('aria-current');
      }
    },
  };
}
