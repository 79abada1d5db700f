import { describe, expect, it } from 'vitest';
import { PHASE_NAMES } from '../../shared/model/phases.ts';
import type { SessionCommand, SessionEvent } from '../../shared/session/commands.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { momentOf } from '../../shared/session/moment.ts';
import { nextStep, nextStepLabel } from '../../shared/session/nextStep.ts';
import { accept, teacher, testSession } from './testSession.ts';

const momentIn = (s: SessionModel) => ({
  stage: s.stage,
  round: s.round,
  phase: s.phase,
  rounds: s.settings.years.length,
});

/** What a step's events did, in the words its label must use. */
function whatHappened(events: readonly SessionEvent[]): string {
  if (events.some((e) => e.type === 'sessionStarted')) return 'Start round 1';
  const resolved = events.find((e) => e.type === 'roundResolved');
  if (resolved) return `Next: resolve round ${resolved.round}`;
  if (events.some((e) => e.type === 'sessionEnded')) return 'Next: finish the session';
  const began = events.find((e) => e.type === 'phaseBegan');
  if (began?.phase === 'briefing') return `Next: start round ${began.round}`;
  if (began?.phase === 'debrief') return `Next: debrief of round ${began.round}`;
  if (began) return `Next: ${PHASE_NAMES[began.phase].toLowerCase()}`;
  return `nothing recognisable: ${events.map((e) => e.type).join(', ')}`;
}

describe('nextStep: what the console’s Next will do', () => {
  it('says what the rules then do, at every step of a whole session', () => {
    let state = testSession({ members: ['Ana@us', 'Bo@china'] });
    const said: string[] = [];
    for (let guard = 0; guard < 20; guard++) {
      const step = nextStep(momentIn(state));
      if (!step) break;
      const command: SessionCommand =
        step.command === 'startSession'
          ? { type: 'startSession' }
          : { type: 'advancePhase', from: momentOf(state) };
      const { state: after, events } = accept(state, teacher, command);
      expect(step.label).toBe(whatHappened(events));
      said.push(step.label);
      state = after;
    }
    expect(state.stage).toBe('ended');
    // Two rounds of five phases: start, four moves inside each round, one between them, one to finish.
    expect(said).toEqual([
      'Start round 1',
      'Next: negotiation',
      'Next: orders',
      'Next: resolve round 1',
      'Next: debrief of round 1',
      'Next: start round 2',
      'Next: negotiation',
      'Next: orders',
      'Next: resolve round 2',
      'Next: debrief of round 2',
      'Next: finish the session',
    ]);
  });

  it.each([
    ['the lobby', { stage: 'lobby', round: 0, phase: '', rounds: 4 }, 'Start round 1'],
    [
      'orders of round 3',
      { stage: 'playing', round: 3, phase: 'orders', rounds: 4 },
      'Next: resolve round 3',
    ],
    [
      'debrief of round 3 of 4',
      { stage: 'playing', round: 3, phase: 'debrief', rounds: 4 },
      'Next: start round 4',
    ],
    [
      'debrief of the last round',
      { stage: 'playing', round: 4, phase: 'debrief', rounds: 4 },
      'Next: finish the session',
    ],
    ['after the end', { stage: 'ended', round: 4, phase: '', rounds: 4 }, undefined],
  ] as const)('in %s', (_where, at, label) => {
    expect(nextStepLabel(at)).toBe(label);
  });
});
