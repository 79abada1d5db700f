import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../client/src/net/view.ts';
import { phaseClock } from '../../client/src/ui/format.ts';

const view = (v: Partial<SessionView>) =>
  ({ phaseEndsAt: 0, timerPaused: false, phaseRemainingMs: 0, ...v }) as SessionView;

describe('the phase clock every screen shows', () => {
  it.each([
    {
      name: 'running',
      v: { phaseEndsAt: 1_000_000 + 245_400 },
      clock: '4:05',
      text: 'Time left in this phase: 4:05',
    },
    { name: 'run out', v: { phaseEndsAt: 999_000 }, clock: '0:00', text: 'Time left in this phase: 0:00' },
    {
      name: 'paused (it used to vanish on students’ screens)',
      v: { timerPaused: true, phaseRemainingMs: 360_000 },
      clock: 'Paused 6:00',
      text: 'Timer paused: 6:00 left',
    },
    { name: 'no timer', v: {}, clock: '', text: '' },
  ])('$name', ({ v, clock, text }) => {
    expect(phaseClock(view(v), 1_000_000)).toEqual({ clock, text });
  });
});
