import { PHASE_NAMES, type RoundPhase } from '../../../../shared/model/phases.ts';
import type { PhaseMark, Replay } from '../model.ts';

/** "Round 2 · 2016 · Negotiation", "Practice round (nothing counts) · Orders", "Lobby", "Ended". */
export function markLabel(m: PhaseMark): string {
  if (m.phase === 'lobby') return m.practice ? 'Lobby, after the practice round' : 'Lobby';
  if (m.practice) return `Practice round (nothing counts) · ${PHASE_NAMES[m.phase as RoundPhase]}`;
  if (m.phase === 'ended') return 'Session ended';
  return `Round ${m.round}${m.year ? ` · ${m.year}` : ''} · ${PHASE_NAMES[m.phase]}`;
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
