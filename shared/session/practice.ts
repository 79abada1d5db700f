import type { SessionEvent } from './commands.ts';
import { clearDesks, type SessionModel } from './model.ts';

/** The first rules version whose engine knows the practice round: older sessions are refused it. */
export const PRACTICE_SINCE_RULES = 2;

/**
 * Ends the practice round: its copy of the world, its orders and its confirmations are dropped, and the session
 * is back in the lobby, round 0, as it was before, so round 1 starts exactly as it would have without practice.
 * What the students wrote (notes and messages) stays: those are their words, not moves.
 */
export function leavePractice(s: SessionModel, by: 'teacher' | 'timer' | 'endSession'): SessionEvent[] {
  delete s.practice;
  s.stage = 'lobby';
  s.round = 0;
  s.phase = undefined;
  s.world = undefined;
  s.timerPaused = false;
  clearDesks(s, false);
  return [{ type: 'practiceEnded', by }];
}
