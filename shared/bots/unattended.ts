/**
 * A session nobody plays but the server ("watch the bots play"): every delegation is a bot and no student is
 * connected at one. Its phases then run on short timers, long enough to read on a projector, so a scenario plays
 * itself through in a quarter of an hour; the timer moves it on exactly as it moves a class on.
 */
import type { RoundPhase } from '../model/phases.ts';
import { DELEGATIONS, isDelegation } from '../model/seats.ts';
import type { SessionModel } from '../session/model.ts';

/** How long each phase lasts, in seconds, when nobody but the server plays (at most; shorter settings stay). */
export const WATCH_SECONDS: Record<RoundPhase, number> = {
  briefing: 20, // the year's cards on the board
  negotiation: 30, // the three statements on the CD floor
  orders: 20, // the bots confirm within a second; the board shows who has
  resolution: 40, // what changed and why: the longest read
  debrief: 20,
};

/** Whether the server plays every delegation and no student is connected at one. */
export function unattended(s: SessionModel): boolean {
  if (!DELEGATIONS.every((d) => s.bots?.[d])) return false;
  return !Object.values(s.members).some((m) => isDelegation(m.seat) && m.status === 'connected');
}

/** How long `phase` runs when its timer starts now: the settings' minutes, or WATCH_SECONDS when unattended. */
export function phaseLengthMs(s: SessionModel, phase: RoundPhase): number {
  const set = s.settings.phaseMinutes[phase] * 60_000;
  return unattended(s) ? Math.min(set, WATCH_SECONDS[phase] * 1000) : set;
}
