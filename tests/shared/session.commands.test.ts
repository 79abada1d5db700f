/**
 * The command table (one handler per command, each naming its sender) and the guard against stale commands:
 * a phase control carries the moment its sender saw, and is refused once the session has moved on.
 */
import { describe, expect, it } from 'vitest';
import type { RoundPhase } from '../../shared/model/phases.ts';
import { type Moment, ToServer } from '../../shared/protocol/toServer.ts';
import { applyCommand, COMMANDS, SENDERS } from '../../shared/session/apply.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import { cardCommands } from '../../shared/session/commands/cards.ts';
import { deskCommands } from '../../shared/session/commands/desk.ts';
import { lobbyCommands } from '../../shared/session/commands/lobby.ts';
import { presenceCommands } from '../../shared/session/commands/presence.ts';
import { roundCommands } from '../../shared/session/commands/rounds.ts';
import { talksCommands } from '../../shared/session/commands/talks.ts';
import { createSessionModel, foldLog, type LogEntry, type LogHeader } from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { momentOf } from '../../shared/session/moment.ts';
import type { RefusalCode } from '../../shared/session/refusal.ts';
import { botCommands } from '../../shared/session/commands/bots.ts';
import { practiceCommands } from '../../shared/session/commands/practice.ts';
import { assessmentCommands } from '../../shared/session/commands/assessments.ts';
import { accept, ctx, deepFreeze, member, system, teacher, testSession } from './testSession.ts';

const CLASS = ['Ana@us', 'Dee@china'];
const at = (phase: RoundPhase, round = 1) => testSession({ members: CLASS, at: phase, round });
const from = (round: number, phase: Moment['phase']) => ({ from: { round, phase } });

describe('the command table', () => {
  const groups = {
    presenceCommands,
    lobbyCommands,
    roundCommands,
    deskCommands,
    talksCommands,
    cardCommands,
    botCommands,
    practiceCommands,
    assessmentCommands,
  };

  it('gives each command one handler, in exactly one concern', () => {
    const owners = new Map<string, string[]>();
    for (const [group, handlers] of Object.entries(groups))
      for (const type of Object.keys(handlers)) owners.set(type, [...(owners.get(type) ?? []), group]);
    expect([...owners].filter(([, by]) => by.length > 1)).toEqual([]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('lets clients send exactly the room messages, and the room alone the rest', () => {
    expect(Object.keys(SENDERS).sort()).toEqual(Object.keys(ToServer).sort());
    const systemOnly = Object.entries(COMMANDS)
      .filter(([, h]) => h.sender === 'system')
      .map(([type]) => type);
    expect(systemOnly.sort()).toEqual(
      ['joinSession', 'memberDropped', 'memberGone', 'memberReturned', 'phaseTimeUp', 'reclaimSeat'].sort(),
    );
  });

  it('checks the moment of every room message whose schema carries one', () => {
    for (const [type, schema] of Object.entries(ToServer)) {
      const carries = 'from' in schema.shape;
      expect([type, Boolean(COMMANDS[type as keyof typeof ToServer].ifStale)]).toEqual([type, carries]);
    }
  });
});

type StaleRow = [string, () => SessionModel, Actor, SessionCommand, RefusalCode | 'accepted', string?];

// biome-ignore format: one case per line reads as a table
const STALE: StaleRow[] = [
  ['Next from the moment on screen', () => at('negotiation'), teacher, { type: 'advancePhase', ...from(1, 'negotiation') }, 'accepted'],
  ['Next from the negotiation, now in the orders phase', () => at('orders'), teacher, { type: 'advancePhase', ...from(1, 'negotiation') }, 'stale',
    'The session has already moved on to the orders phase of round 1; check the screen and press Next again if you still want to move on.'],
  ["Next from round 1's debrief, now in round 2's briefing", () => at('briefing', 2), teacher, { type: 'advancePhase', ...from(1, 'debrief') }, 'stale',
    'The session has already moved on to the briefing of round 2; check the screen and press Next again if you still want to move on.'],
  ['Next from the same phase of another round', () => at('orders', 2), teacher, { type: 'advancePhase', ...from(1, 'orders') }, 'stale'],
  ['Next after the session ended', () => testSession({ members: CLASS, at: 'ended' }), teacher, { type: 'advancePhase', ...from(1, 'orders') }, 'stale',
    'The session has already ended.'],
  ['Next in the lobby, from the lobby: not stale, just too early', () => testSession({ members: CLASS }), teacher, { type: 'advancePhase', ...from(0, '') }, 'wrongStage'],
  ['End from the moment on screen', () => at('orders'), teacher, { type: 'endSession', ...from(1, 'orders') }, 'accepted'],
  ['End from the lobby', () => testSession({ members: CLASS }), teacher, { type: 'endSession', ...from(0, '') }, 'accepted'],
  ['End from a screen still in the lobby, now playing', () => at('briefing'), teacher, { type: 'endSession', ...from(0, '') }, 'stale',
    'The session has already moved on to the briefing of round 1; check the screen and press End session again if you still want to end it.'],
  ['End twice', () => testSession({ members: CLASS, at: 'ended' }), teacher, { type: 'endSession', ...from(1, 'briefing') }, 'stale'],
  ['+2 minutes from the moment on screen', () => at('negotiation'), teacher, { type: 'extendTimer', minutes: 2, ...from(1, 'negotiation') }, 'accepted'],
  ['+2 minutes from a phase the timer has ended', () => at('orders'), teacher, { type: 'extendTimer', minutes: 2, ...from(1, 'negotiation') }, 'stale',
    'The session has already moved on to the orders phase of round 1; check the screen and add the time again if this phase needs it too.'],
  ['a student, from any moment: the sender is checked first', () => at('orders'), member('m1'), { type: 'advancePhase', ...from(1, 'negotiation') }, 'notAllowed'],
  // Logs written before `from` existed hold commands without it; they must fold as they did.
  ['Next without a moment (an old log)', () => at('orders'), teacher, { type: 'advancePhase' }, 'accepted'],
  ['End without a moment (an old log)', () => at('orders'), teacher, { type: 'endSession' }, 'accepted'],
  ['+2 minutes without a moment (an old log)', () => at('orders'), teacher, { type: 'extendTimer', minutes: 2 }, 'accepted'],
];

describe('stale commands', () => {
  it.each(STALE)('%s', (_why, given, actor, command, expected, message) => {
    const state = deepFreeze(given());
    const outcome = applyCommand(state, actor, command, ctx);
    expect(outcome.ok ? 'accepted' : outcome.refusal.code).toBe(expected);
    if (!outcome.ok && message) expect(outcome.refusal.message).toBe(message);
  });

  describe('regressions', () => {
    it('two quick clicks on Next from the negotiation skipped the orders phase and resolved without orders', () => {
      let state = at('negotiation');
      const seen = momentOf(state);
      state = accept(state, teacher, { type: 'advancePhase', from: seen }).state;
      const second = applyCommand(state, teacher, { type: 'advancePhase', from: seen }, ctx);
      expect(second.ok ? 'accepted' : second.refusal.code).toBe('stale');
      expect([state.phase, state.world?.round]).toEqual(['orders', 0]); // no round resolved yet
    });
  });
});

describe('logs from before the moment was sent', () => {
  const header: LogHeader = {
    sessionId: 's-7KQ3MX-old',
    code: '7KQ3MX',
    seed: 7,
    createdAt: 1_700_000_000_000,
    rulesVersion: 1,
    settings: { scenarioId: 'two-rounds', timersOn: false },
    content: ctx,
    forkedFrom: undefined,
  };

  /** A log of a whole session whose phase controls carry `from` or not, written as the room writes it. */
  function record(withMoment: boolean): LogEntry[] {
    const created = createSessionModel(header);
    if (!created.ok) throw new Error(created.refusal.message);
    let state = created.state;
    const entries: LogEntry[] = [];
    const act = (actor: Actor, command: SessionCommand) => {
      state = accept(state, actor, command).state;
      entries.push({ seq: entries.length + 1, at: 0, actor, command, version: state.version });
    };
    const moment = () => (withMoment ? { from: momentOf(state) } : {});
    act(system, { type: 'joinSession', nickname: 'Ana' });
    act(member('m1'), { type: 'chooseSeat', seat: 'us' });
    act(teacher, { type: 'startSession' });
    while (state.round < 2 || state.phase !== 'orders') act(teacher, { type: 'advancePhase', ...moment() });
    act(teacher, { type: 'endSession', ...moment() });
    return entries;
  }

  it('fold to the same session as logs that carry it', () => {
    const old = foldLog(header, record(false));
    const current = foldLog(header, record(true));
    expect([old.problem, current.problem]).toEqual([undefined, undefined]);
    expect(old.state?.stage).toBe('ended');
    expect(old.state).toEqual(current.state);
  });
});
