import { PHASE_NAMES, ROUND_PHASES, type RoundPhase, type SessionStage } from '../model/phases.ts';

/** Where a session stands, as every screen has it: the session model and the synced view both fit. */
export interface SessionMoment {
  stage: SessionStage;
  round: number; // 0 in the lobby
  phase: RoundPhase | '' | undefined; // '' or undefined outside a round
  rounds: number; // how many rounds the session plays (the scenario's years)
}

/** What the teacher's Next button does from here: the command it sends and what it will do, in words. */
export interface NextStep {
  command: 'startSession' | 'advancePhase';
  label: string; // "Start round 1", "Next: resolve round 2", "Next: finish the session"
}

/**
 * The step the teacher's Next takes from this moment, or undefined once the session has ended. Written once, from
 * the same phase order the rules advance through (shared/session/commands/rounds.ts): leaving the orders resolves
 * the round, leaving a round's debrief begins the next round, or ends the session after the last one.
 */
export function nextStep(at: SessionMoment): NextStep | undefined {
  if (at.stage === 'lobby') return { command: 'startSession', label: 'Start round 1' };
  if (at.stage === 'ended') return undefined;
  const phase = at.phase || 'briefing';
  const following = ROUND_PHASES[ROUND_PHASES.indexOf(phase) + 1];
  if (following === 'resolution')
    return { command: 'advancePhase', label: `Next: resolve round ${at.round}` };
  if (following === 'debrief')
    return { command: 'advancePhase', label: `Next: debrief of round ${at.round}` };
  if (following) return { command: 'advancePhase', label: `Next: ${PHASE_NAMES[following].toLowerCase()}` };
  if (at.round < at.rounds) return { command: 'advancePhase', label: `Next: start round ${at.round + 1}` };
  return { command: 'advancePhase', label: 'Next: finish the session' };
}

/** The label alone: "Next: resolve round 2", or undefined once the session has ended. */
export function nextStepLabel(at: SessionMoment): string | undefined {
  return nextStep(at)?.label;
}
