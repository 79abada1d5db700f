/**
 * A session with a practice round, replayed in the browser: its phases are marked as practice, its cards and its
 * resolution are not counted as round 1's, and the practice script's lines reach each screen.
 */
import { describe, expect, it } from 'vitest';
import { buildReplay, markAt, stateAt } from '../../client/src/replay/model.ts';
import { markLabel } from '../../client/src/replay/viewer/labels.ts';
import { practiceLines } from '../../client/src/ui/practice.ts';
import { readPack } from '../../server/content.ts';
import { DELEGATIONS } from '../../shared/model/seats.ts';
import { type LogHeader, RULES_VERSION } from '../../shared/session/log.ts';
import { Recorder } from '../shared/testLog.ts';
import { ctx, member, system, teacher } from '../shared/testSession.ts';
import { asReplayLog } from './replayLog.ts';

const header = (practise: boolean): LogHeader => ({
  sessionId: `s-7KQ3MX-${practise ? 1 : 2}`,
  code: '7KQ3MX',
  seed: 20150101,
  createdAt: Date.UTC(2025, 2, 10, 9, 30),
  rulesVersion: RULES_VERSION,
  settings: { scenarioId: 'one-period', timersOn: false },
  content: ctx,
  forkedFrom: undefined,
});

/** Three students sit down; with `practise`, a practice round in which the US confirms an order; then round 1. */
function play(practise: boolean): Recorder {
  const r = new Recorder(header(practise));
  for (const [i, d] of DELEGATIONS.entries()) {
    r.do(system, { type: 'joinSession', nickname: `Student ${i + 1}` });
    r.do(member(`m${i + 1}`), { type: 'chooseSeat', seat: d });
  }
  if (practise) {
    r.do(teacher, { type: 'startPractice' });
    r.advanceTo('orders');
    r.do(member('m1'), { type: 'setOrders', orders: [{ kind: 'buildSsa' }] });
    r.do(member('m1'), { type: 'submitOrders' });
    r.advanceTo('debrief');
    r.do(teacher, { type: 'advancePhase' });
  }
  r.do(teacher, { type: 'startSession' });
  r.advanceTo('debrief');
  return r;
}

const replayOf = asReplayLog;

describe('a replay with a practice round', () => {
  const practised = buildReplay('s-7KQ3MX-1', replayOf(play(true)));
  const skipped = buildReplay('s-7KQ3MX-2', replayOf(play(false)));

  it('folds, and marks the practice phases and the lobby it returned to as practice', () => {
    expect(practised.problem).toBeUndefined();
    const practice = practised.marks.filter((m) => m.practice);
    expect(practice.map((m) => m.phase)).toEqual([
      'briefing',
      'negotiation',
      'orders',
      'resolution',
      'debrief',
      'lobby',
    ]);
    expect(practice.every((m) => m.round === 0)).toBe(true);
    expect(markLabel(practice[2]!)).toBe('Practice round (nothing counts) · Orders');
    expect(markLabel(practice[5]!)).toBe('Lobby, after the practice round');
    // Every phase of round 1 is a real one.
    expect(practised.marks.filter((m) => m.round === 1).every((m) => !m.practice)).toBe(true);
    // The state shown at a practice moment carries the flag every screen draws its banner from.
    expect(stateAt(practised, practice[2]!.index).practice).toBeDefined();
    // Back in the lobby: no world, round 0, until round 1 starts.
    const back = stateAt(practised, practice[5]!.index);
    expect([back.stage, back.round, back.world, markAt(practised, practice[5]!.index).practice]).toEqual([
      'lobby',
      0,
      undefined,
      true,
    ]);
  });

  it('counts round 1 only: the same rounds, cards and world as a class that skipped the practice', () => {
    expect(practised.rounds.map((r) => r.round)).toEqual([1]);
    expect(practised.cards.map((c) => [c.card.card.id, c.x])).toEqual(
      skipped.cards.map((c) => [c.card.card.id, c.x]),
    );
    expect(practised.rounds[0]?.before).toEqual(skipped.rounds[0]?.before);
    expect(practised.rounds[0]?.after).toEqual(skipped.rounds[0]?.after);
    expect(practised.start).toEqual(skipped.start);
  });
});

describe('practiceLines: the practice script on each screen', () => {
  const script = readPack('content').pack?.practice;

  it('gives the teacher and the board the teacher’s words, and a desk one line per role it holds', () => {
    expect(script).toBeDefined();
    const orders = script?.phases.find((p) => p.phase === 'orders');
    expect(practiceLines(script, 'orders', { kind: 'teacher' })).toEqual([
      { who: 'Say to the class', text: orders?.teacherSays },
    ]);
    expect(practiceLines(script, 'orders', { kind: 'board' })[0]?.text).toBe(orders?.teacherSays);
    const desk = practiceLines(script, 'orders', { kind: 'desk', roles: ['head', 'analyst'] });
    expect(desk).toEqual([
      { who: 'Head of delegation', text: orders?.roles.head },
      { who: 'Analyst', text: orders?.roles.analyst },
    ]);
  });

  it('says nothing without a script, outside a phase, or for a student without a role', () => {
    expect(practiceLines(undefined, 'orders', { kind: 'teacher' })).toEqual([]);
    expect(practiceLines(script, '', { kind: 'teacher' })).toEqual([]);
    expect(practiceLines(script, 'briefing', { kind: 'desk', roles: [] })).toEqual([]);
  });
});
