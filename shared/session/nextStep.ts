import { PHASE_NAMES, ROUND_PHASES, type RoundPhase, type SessionStage } from '../model/phases.ts';

/** Where a session stands, as every screen has it: the session model and the synced view both fit. */
export interface SessionMoment {
  stage: SessionStage;
  round: number; // 0 in the lobby
  phase: RoundPhase | '' | undefined; // '' or undefined outside a round
  rounds: number; // how many rounds the session plays (the scenario's years)
  practice?: boolean; // the practice round is under way (round 0): nothing counts
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
  if (at.practice) {
    // The practice round's own words: nothing it does counts, and it ends in the lobby, not in round 2.
    if (following === 'resolution')
      return { command: 'advancePhase', label: 'Next: resolve the practice round' };
    if (following === 'debrief')
      return { command: 'advancePhase', label: 'Next: debrief of the practice round' };
    if (following)
      return { command: 'advancePhase', label: `Next: ${PHASE_NAMES[following].toLowerCase()} (practice)` };
    return { command: 'advancePhase', label: 'Next: end the practice round' };
  }
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

/** The console's second control beside Next: start the practice round in the lobby, end it during it. */
export interface PracticeStep {
  command: 'startPractice' | 'endPractice';
  label: string; // "Start the practice round", "End practice"
}

/**
 * What the practice button does from here: in the lobby it starts the practice round (before round 1, as often
 * as the teacher likes), during it it ends it; otherwise there is none.
 */
export function practiceStep(at: SessionMoment): PracticeStep | undefined {
  if (at.stage === 'lobby') return { command: 'startPractice', label: 'Start the practice round' };
  if (at.stage === 'playing' && at.practice) return { command: 'endPractice', label: 'End practice' };
  return undefined;
}
