/**
 * The practice round: a guided round before round 1 in which every screen and every role tries its controls on
 * a copy of the starting world. Its commands are the round's own (talk, draft, confirm, resolve), validated the
 * same way; only its world is thrown away when it ends (shared/session/practice.ts).
 */
import type { PhaseMinutes } from '../../model/phases.ts';
import { isDelegation } from '../../model/seats.ts';
import { newWorld } from '../../rules/resolve.ts';
import { currentYear } from '../model.ts';
import { leavePractice } from '../practice.ts';
import { refusal } from '../refusal.ts';
import type { Handlers } from './handler.ts';
import { dealCards, scenarioOf } from './rounds.ts';

export const practiceCommands: Handlers<'startPractice' | 'endPractice'> = {
  startPractice: {
    sender: 'teacher',
    handle(s, c, ctx) {
      if (s.stage !== 'lobby')
        return refusal(
          'wrongStage',
          s.practice
            ? 'The practice round is already under way.'
            : 'The practice round comes before round 1; the session has already started.',
        );
      const seated =
        Object.values(s.members).some((m) => isDelegation(m.seat)) || Object.keys(s.bots ?? {}).length > 0;
      if (!seated)
        return refusal(
          'notSeated',
          'Nobody sits at a delegation yet: wait for students to choose, or assign them.',
        );
      // Timed by the practice script when the session's timers are on; otherwise moved on by hand.
      s.practice = c.minutes && s.settings.timersOn ? { minutes: c.minutes as PhaseMinutes } : {};
      s.stage = 'playing';
      s.round = 0;
      s.phase = 'briefing';
      s.timerPaused = false;
      // The same world round 1 will start from (the seed is the session's): a copy, dropped at the end.
      s.world = newWorld(s.seed, s.settings.years, scenarioOf(s, ctx)?.start);
      return [
        { type: 'practiceStarted' },
        ...dealCards(s, 1, 0, ctx),
        { type: 'phaseBegan', round: 0, phase: 'briefing', year: currentYear(s) },
      ];
    },
  },

  endPractice: {
    sender: 'teacher',
    ifStale: 'press End practice again if you still want to end it',
    handle(s) {
      if (!s.practice) return refusal('nothingToDo', 'There is no practice round under way.');
      return leavePractice(s, 'teacher');
    },
  },
};
