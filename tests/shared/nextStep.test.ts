import { describe, expect, it } from 'vitest';
import { PHASE_NAMES } from '../../shared/model/phases.ts';
import type { SessionCommand, SessionEvent } from '../../shared/session/commands.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { momentOf } from '../../shared/session/moment.ts';
import { nextStep, nextStepLabel, practiceStep } from '../../shared/session/nextStep.ts';
import { accept, teacher, testSession } from './testSession.ts';

const momentIn = (s: SessionModel) => ({
  stage: s.stage,
  round: s.round,
  phase: s.phase,
  rounds: s.settings.years.length,
  practice: s.practice !== undefined,
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

/** What a practice step's events did, in the words its label must use. */
function whatPracticeDid(events: readonly SessionEvent[]): string {
  if (events.some((e) => e.type === 'practiceResolved')) return 'Next: resolve the practice round';
  if (events.some((e) => e.type === 'practiceEnded')) return 'Next: end the practice round';
  const began = events.find((e) => e.type === 'phaseBegan');
  if (began?.phase === 'debrief') return 'Next: debrief of the practice round';
  if (began) return `Next: ${PHASE_NAMES[began.phase].toLowerCase()} (practice)`;
  return `nothing recognisable: ${events.map((e) => e.type).join(', ')}`;
}

describe('nextStep and practiceStep in the practice round', () => {
  it('say what the practice does at every step, and that it ends in the lobby, ready for round 1', () => {
    const lobby = testSession({ members: ['Ana@us', 'Bo@china'] });
    expect(practiceStep(momentIn(lobby))).toEqual({
      command: 'startPractice',
      label: 'Start the practice round',
    });
    let state = accept(lobby, teacher, { type: 'startPractice' }).state;
    const said: string[] = [];
    while (state.practice) {
      expect(practiceStep(momentIn(state))).toEqual({ command: 'endPractice', label: 'End practice' });
      const step = nextStep(momentIn(state));
      expect(step?.command).toBe('advancePhase');
      const { state: after, events } = accept(state, teacher, {
        type: 'advancePhase',
        from: momentOf(state),
      });
      expect(step?.label).toBe(whatPracticeDid(events));
      said.push(step?.label ?? '');
      state = after;
    }
    expect(said).toEqual([
      'Next: negotiation (practice)',
      'Next: orders (practice)',
      'Next: resolve the practice round',
      'Next: debrief of the practice round',
      'Next: end the practice round',
    ]);
    expect(nextStepLabel(momentIn(state))).toBe('Start round 1');
    expect(practiceStep(momentIn(state))?.command).toBe('startPractice');
  });

  it('offers no practice once round 1 has begun or the session has ended', () => {
    expect(practiceStep({ stage: 'playing', round: 1, phase: 'briefing', rounds: 3 })).toBeUndefined();
    expect(practiceStep({ stage: 'ended', round: 3, phase: '', rounds: 3 })).toBeUndefined();
  });
});
