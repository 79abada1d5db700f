/**
 * The practice round (shared/session/commands/practice.ts): a sandbox round before round 1 that plays every
 * phase on a copy of the starting world, validates commands as a real round does, and leaves the world, the
 * round counter and the desks as they were.
 */
import { describe, expect, it } from 'vitest';
import type { PhaseMinutes } from '../../shared/model/phases.ts';
import type { Order } from '../../shared/rules/orders.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import type { SessionCommand, SessionEvent } from '../../shared/session/commands.ts';
import { stateHash } from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { momentOf } from '../../shared/session/moment.ts';
import { accept, ctx, deepFreeze, member, refuse, system, teacher, testSession } from './testSession.ts';

/** m1 Ana heads the US, m2 Al sits with her, m3 Dee heads China. */
const CLASS = ['Ana@us', 'Al@us', 'Dee@china'];
const ana = member('m1');
const al = member('m2');
const dee = member('m3');
const MINUTES: PhaseMinutes = { briefing: 0.5, negotiation: 1.5, orders: 1.5, resolution: 0.5, debrief: 1 };
const SSA: Order = { kind: 'buildSsa' };
const LAUNCH: Order = { kind: 'launchSatellites', regime: 'leo', count: 1 };

const lobby = (scenario = 'one-period') => testSession({ scenario, members: CLASS });
const next = (s: SessionModel): SessionCommand => ({ type: 'advancePhase', from: momentOf(s) });
const startPractice: SessionCommand = { type: 'startPractice', minutes: MINUTES };

/** Moves the session on with Next until it stands in `phase`; returns the state and every event on the way. */
function nextUntil(s: SessionModel, done: (s: SessionModel) => boolean) {
  const events: SessionEvent[] = [];
  for (let guard = 0; guard < 10 && !done(s); guard++) {
    const step = accept(s, teacher, next(s));
    events.push(...step.events);
    s = step.state;
  }
  return { state: s, events };
}

/** The US and China draft, confirm and see their orders resolved, then Next leaves the debrief. */
function playPractice(s: SessionModel): {
  state: SessionModel;
  events: SessionEvent[];
  resolvedWorld: unknown;
} {
  const events: SessionEvent[] = [];
  const run = (actor: typeof ana, c: SessionCommand) => {
    const step = accept(s, actor, c);
    events.push(...step.events);
    s = step.state;
  };
  run(teacher, startPractice);
  run(teacher, next(s)); // negotiation
  run(ana, { type: 'sendMessage', to: 'floor', text: 'Hello from the US delegation.' });
  run(al, { type: 'editDraft', text: 'We want a verifiable treaty.' });
  run(al, { type: 'setOrders', orders: [SSA, LAUNCH] });
  run(dee, { type: 'setOrders', orders: [SSA] });
  run(teacher, next(s)); // orders
  run(ana, { type: 'submitOrders' });
  run(dee, { type: 'submitOrders' });
  run(teacher, next(s)); // resolution
  const resolvedWorld = s.world;
  run(teacher, next(s)); // debrief
  run(teacher, next(s)); // back to the lobby
  return { state: s, events, resolvedWorld };
}

describe('the practice round', () => {
  it('plays the phases of a round at round 0 on a copy of the starting world, timed by the practice script', () => {
    const { state, events } = accept(deepFreeze(lobby()), teacher, startPractice);
    expect([state.stage, state.round, state.phase]).toEqual(['playing', 0, 'briefing']);
    expect(state.practice).toEqual({ minutes: MINUTES });
    expect(state.teamsLocked).toBe(false); // seats lock when round 1 starts, not before
    // Round 1's cards are in the briefing, as they will be in round 1.
    const round1 = ctx.scenarios.find((x) => x.id === 'one-period')?.rounds[0]?.cards ?? [];
    expect(round1.length).toBeGreaterThan(0);
    expect(state.world?.cards.map((c) => c.card.id)).toEqual(round1);
    expect(events.map((e) => e.type)).toEqual([
      'practiceStarted',
      ...round1.map(() => 'cardRevealed'),
      'phaseBegan',
    ]);
  });

  it('leaves the world, the round counter and the desks as before, and keeps what the students wrote', () => {
    const before = lobby();
    const { state, events, resolvedWorld } = playPractice(before);
    // The practice did play: its resolution changed its copy of the world, and counted no round.
    expect(resolvedWorld).not.toEqual(before.world);
    expect((resolvedWorld as { round: number }).round).toBe(1);
    expect(events.some((e) => e.type === 'practiceResolved')).toBe(true);
    expect(events.some((e) => e.type === 'roundResolved')).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'practiceEnded', by: 'teacher' });
    // Back in the lobby, ready for round 1.
    expect([state.stage, state.round, state.phase, state.world, state.practice]).toEqual([
      'lobby',
      0,
      undefined,
      undefined,
      undefined,
    ]);
    expect([state.teamsLocked, state.timerPaused]).toEqual([before.teamsLocked, false]);
    for (const d of ['us', 'china', 'russia'] as const) {
      expect(state.teams[d].orders).toEqual([]);
      expect(state.teams[d].submitted).toBe(false);
      expect(state.teams[d].headId).toBe(before.teams[d].headId);
    }
    // Their words stay.
    expect(state.teams.us.draft).toBe('We want a verifiable treaty.');
    expect(state.chat.floor.map((m) => [m.text, m.round])).toEqual([['Hello from the US delegation.', 0]]);
  });

  it('changes nothing of the real game: round 1 begins and resolves as in a session that skipped it', () => {
    const skipped = lobby();
    const { state: practised } = playPractice(skipped);
    const real = (s: SessionModel) => {
      let at = accept(s, teacher, { type: 'startSession' }).state;
      const start = at.world;
      at = nextUntil(at, (x) => x.phase === 'orders').state;
      at = accept(at, al, { type: 'setOrders', orders: [LAUNCH] }).state;
      at = accept(at, ana, { type: 'submitOrders' }).state;
      at = nextUntil(at, (x) => x.phase === 'resolution').state;
      return { start, at };
    };
    const a = real(skipped);
    const b = real(practised);
    expect(b.start).toEqual(a.start);
    expect(stateHash(b.at.world)).toBe(stateHash(a.at.world));
    expect([b.at.stage, b.at.round, b.at.teamsLocked]).toEqual([a.at.stage, a.at.round, a.at.teamsLocked]);
    // The desk carries the orders of round 1 only (its notes are the students' and stay).
    expect({ ...b.at.teams.us, draft: '' }).toEqual({ ...a.at.teams.us, draft: '' });
  });

  it('validates commands as round 1 does', () => {
    const inPractice = (phase: 'briefing' | 'negotiation' | 'orders') =>
      nextUntil(accept(lobby(), teacher, startPractice).state, (s) => s.phase === phase).state;
    const inRound = (phase: 'briefing' | 'negotiation' | 'orders') =>
      testSession({ scenario: 'one-period', members: CLASS, at: phase });
    const tooMuch: Order[] = Array.from({ length: 12 }, () => SSA);
    const cases: [string, 'briefing' | 'negotiation' | 'orders', typeof ana, SessionCommand][] = [
      ['orders in the briefing', 'briefing', al, { type: 'setOrders', orders: [SSA] }],
      ['orders over budget', 'negotiation', al, { type: 'setOrders', orders: tooMuch }],
      ['a confirmation before the orders phase', 'negotiation', ana, { type: 'submitOrders' }],
      ['a confirmation by a member who is not head', 'orders', al, { type: 'submitOrders' }],
      [
        'a bilateral message without a channel',
        'negotiation',
        ana,
        { type: 'sendMessage', to: 'china', text: 'Hi' },
      ],
    ];
    for (const [why, phase, actor, command] of cases) {
      const practised = refuse(inPractice(phase), actor, command);
      const real = refuse(inRound(phase), actor, command);
      expect(practised.code, why).toBe(real.code);
    }
  });

  it('ends from any phase when the teacher says so, or when its debrief timer runs out', () => {
    const negotiating = nextUntil(
      accept(lobby(), teacher, startPractice).state,
      (s) => s.phase === 'negotiation',
    ).state;
    const ended = accept(negotiating, teacher, { type: 'endPractice', from: momentOf(negotiating) });
    expect([ended.state.stage, ended.state.round, ended.state.world]).toEqual(['lobby', 0, undefined]);
    expect(ended.events).toEqual([{ type: 'practiceEnded', by: 'teacher' }]);
    // A second click, sent from the practice, is stale.
    expect(refuse(ended.state, teacher, { type: 'endPractice', from: momentOf(negotiating) }).code).toBe(
      'stale',
    );
    expect(refuse(ended.state, teacher, next(negotiating)).code).toBe('stale');

    const debrief = nextUntil(
      accept(lobby(), teacher, startPractice).state,
      (s) => s.phase === 'debrief',
    ).state;
    const timeUp = accept(debrief, system, { type: 'phaseTimeUp', round: 0, phase: 'debrief' });
    expect(timeUp.state.stage).toBe('lobby');
    expect(timeUp.events).toEqual([{ type: 'practiceEnded', by: 'timer' }]);
    // Ending the session during practice leaves no practice world behind.
    const over = accept(negotiating, teacher, { type: 'endSession', from: momentOf(negotiating) }).state;
    expect([over.stage, over.world, over.practice]).toEqual(['ended', undefined, undefined]);
  });

  it('may run again, and round 1 still starts after it', () => {
    let s = playPractice(lobby()).state;
    s = accept(s, teacher, startPractice).state;
    expect(s.practice).toBeDefined();
    s = accept(s, teacher, { type: 'endPractice', from: momentOf(s) }).state;
    s = accept(s, teacher, { type: 'startSession' }).state;
    expect([s.stage, s.round, s.phase, s.practice]).toEqual(['playing', 1, 'briefing', undefined]);
  });

  it('is moved on by hand when the session’s timers are off, or when no minutes are given', () => {
    const off = testSession({ scenario: 'one-period', members: CLASS, settings: { timersOn: false } });
    const untimed = accept(off, teacher, startPractice).state;
    expect(untimed.practice).toEqual({});
    expect(refuse(untimed, teacher, { type: 'pauseTimer' }).message).toMatch(/practice round has no timer/);
    const manual = accept(lobby(), teacher, { type: 'startPractice' }).state;
    expect(manual.practice).toEqual({});
    const timed = accept(lobby(), teacher, startPractice).state;
    expect(accept(timed, teacher, { type: 'pauseTimer' }).state.timerPaused).toBe(true);
  });

  it('is refused outside the lobby, with nobody seated, and not to students', () => {
    const empty = testSession({ scenario: 'one-period', members: ['Bo'] });
    expect(refuse(empty, teacher, startPractice).code).toBe('notSeated');
    const playing = testSession({ scenario: 'one-period', members: CLASS, at: 'negotiation' });
    expect(refuse(playing, teacher, startPractice).code).toBe('wrongStage');
    const practising = accept(lobby(), teacher, startPractice).state;
    expect(refuse(practising, teacher, startPractice).message).toMatch(/already under way/);
    expect(refuse(practising, teacher, { type: 'startSession' }).code).toBe('wrongStage');
    expect(refuse(lobby(), ana, startPractice).code).toBe('notAllowed');
    expect(refuse(lobby(), teacher, { type: 'endPractice', from: { round: 0, phase: '' } }).code).toBe(
      'nothingToDo',
    );
    // Pure: the rules never change the state they are given.
    const frozen = deepFreeze(lobby());
    expect(applyCommand(frozen, teacher, startPractice, ctx).ok).toBe(true);
  });
});
