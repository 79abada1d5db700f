import { describe, expect, it } from 'vitest';
import { botOrders } from '../../shared/bots/decide.ts';
import type { Actor } from '../../shared/session/commands.ts';
import type { World } from '../../shared/rules/model.ts';
import { botMoves, botsDue } from '../../shared/bots/moves.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import type { SessionCommand } from '../../shared/session/commands.ts';
import {
  createSessionModel,
  foldLog,
  type LogEntry,
  type LogHeader,
  RULES_VERSION,
  stateHash,
} from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { momentOf } from '../../shared/session/moment.ts';
import { accept, ctx, member, refuse, system, teacher, testSession } from './testSession.ts';

const bot = (delegation: 'us' | 'china' | 'russia'): Actor => ({ kind: 'bot', delegation });

describe('seating a bot', () => {
  it('seats a bot at a delegation no student is connected to, in the lobby or in play, and changes its level', () => {
    const lobby = testSession({ members: ['Ana@us'] });
    const seated = accept(lobby, teacher, { type: 'seatBot', delegation: 'russia', level: 'novice' });
    expect(seated.state.bots).toEqual({ russia: { level: 'novice' } });
    expect(seated.events).toEqual([{ type: 'botSeated', seat: 'russia', level: 'novice' }]);
    const expert = accept(seated.state, teacher, { type: 'seatBot', delegation: 'russia', level: 'expert' });
    expect(expert.state.bots).toEqual({ russia: { level: 'expert' } });
    expect(
      refuse(expert.state, teacher, { type: 'seatBot', delegation: 'russia', level: 'expert' }).code,
    ).toBe('nothingToDo');
    // In play, over an absent team: away and gone students do not hold the delegation.
    const playing = testSession({ members: ['Ana@us', 'Bo@china!away', 'Cy@china!gone'], at: 'orders' });
    expect(
      accept(playing, teacher, { type: 'seatBot', delegation: 'china', level: 'standard' }).state.bots,
    ).toEqual({
      china: { level: 'standard' },
    });
  });

  it('refuses in plain words where a student is connected, after the end, and from anyone but the teacher', () => {
    const s = testSession({ members: ['Ana@us', 'Bo@us'] });
    const r = refuse(s, teacher, { type: 'seatBot', delegation: 'us', level: 'standard' });
    expect(r.message).toMatch(/Ana, Bo are connected at the United States/);
    expect(refuse(s, member('m1'), { type: 'seatBot', delegation: 'china', level: 'standard' }).code).toBe(
      'notAllowed',
    );
    expect(refuse(s, teacher, { type: 'unseatBot', delegation: 'china' }).message).toBe(
      'The server does not play China.',
    );
    const ended = testSession({ members: ['Ana@us'], at: 'ended' });
    expect(refuse(ended, teacher, { type: 'seatBot', delegation: 'china', level: 'novice' }).code).toBe(
      'wrongStage',
    );
  });

  it('leaves when the teacher unseats it, or when a student sits down, is seated or comes back there', () => {
    const s = accept(testSession({ members: ['Ana', 'Bo@china!away'] }), teacher, {
      type: 'seatBot',
      delegation: 'china',
      level: 'standard',
    }).state;
    const unseated = accept(s, teacher, { type: 'unseatBot', delegation: 'china' });
    expect(unseated.state.bots).toBeUndefined();
    expect(unseated.events).toEqual([{ type: 'botUnseated', seat: 'china', by: 'teacher' }]);

    const chosen = accept(s, member('m1'), { type: 'chooseSeat', seat: 'china' });
    expect(chosen.state.bots).toBeUndefined();
    expect(chosen.events).toContainEqual({ type: 'botUnseated', seat: 'china', by: 'student' });
    expect(
      accept(s, teacher, { type: 'assignSeat', memberId: 'm1', seat: 'china' }).state.bots,
    ).toBeUndefined();
    expect(accept(s, system, { type: 'memberReturned', memberId: 'm2' }).state.bots).toBeUndefined();
    // An observer sitting down elsewhere leaves it where it is.
    expect(accept(s, member('m1'), { type: 'chooseSeat', seat: 'us' }).state.bots).toEqual({
      china: { level: 'standard' },
    });
  });
});

describe('a class of bots', () => {
  it('lets a teacher alone start a session once a bot sits at a delegation', () => {
    const alone = testSession();
    expect(refuse(alone, teacher, { type: 'startSession' }).code).toBe('notSeated');
    const withBot = accept(alone, teacher, { type: 'seatBot', delegation: 'china', level: 'novice' }).state;
    expect(accept(withBot, teacher, { type: 'startSession' }).state.stage).toBe('playing');
  });
});

describe('a campaign of three bots', () => {
  it('is played from a fixed seed through logged commands, and its log folds to the same state', () => {
    const header: LogHeader = {
      sessionId: 's-BOTSXX-0',
      code: 'BOTSXX',
      seed: 42,
      createdAt: 0,
      rulesVersion: RULES_VERSION,
      settings: { timersOn: false },
      content: ctx,
      forkedFrom: undefined,
    };
    const created = createSessionModel(header);
    if (!created.ok) throw new Error(created.refusal.message);
    let s: SessionModel = created.state;
    const entries: LogEntry[] = [];
    const run = (actor: Actor, command: SessionCommand) => {
      const out = applyCommand(s, actor, command, ctx);
      if (!out.ok) expect.fail(`${command.type}: ${out.refusal.message}`);
      s = out.state;
      entries.push({ seq: entries.length + 1, at: 0, actor, command, version: s.version });
    };
    run(teacher, { type: 'seatBot', delegation: 'us', level: 'expert' });
    run(teacher, { type: 'seatBot', delegation: 'china', level: 'standard' });
    run(teacher, { type: 'seatBot', delegation: 'russia', level: 'novice' });
    run(teacher, { type: 'startSession' });
    let confirmedRounds = 0;
    while (s.stage === 'playing') {
      for (const d of botsDue(s)) for (const move of botMoves(s, d)) run(move.actor, move.command);
      expect(botsDue(s)).toEqual([]);
      if (s.phase === 'orders') {
        expect([s.teams.us.submitted, s.teams.china.submitted, s.teams.russia.submitted]).toEqual([
          true,
          true,
          true,
        ]);
        confirmedRounds++;
      }
      run(teacher, { type: 'advancePhase', from: momentOf(s) });
    }
    expect(confirmedRounds).toBe(s.settings.years.length);
    expect(s.chat.floor.filter((m) => m.from.startsWith('bot-'))).toHaveLength(3 * confirmedRounds);
    const folded = foldLog(header, entries);
    expect(folded.problem).toBeUndefined();
    expect(stateHash(folded.state)).toBe(stateHash(s));
  });
});

describe('a bot at its desk', () => {
  const playing = (at: 'orders' | 'negotiation' = 'orders') =>
    accept(testSession({ members: ['Ana@us', 'Bo@russia!away'], at }), teacher, {
      type: 'seatBot',
      delegation: 'russia',
      level: 'standard',
    }).state;

  it('sets and confirms its orders through the same commands as a team, though a student of it is away', () => {
    const s = playing();
    const orders = botOrders(s.world as World, 'russia', 'standard', s.seed);
    expect(orders.length).toBeGreaterThan(0);
    const set = accept(s, bot('russia'), { type: 'setOrders', orders });
    expect(set.events).toEqual([
      { type: 'ordersSet', seat: 'russia', memberId: 'bot-russia', count: orders.length },
    ]);
    const confirmed = accept(set.state, bot('russia'), { type: 'submitOrders' });
    expect(confirmed.state.teams.russia).toMatchObject({ orders, submitted: true });
  });

  it('speaks on the CD floor under its name, and may do nothing else', () => {
    const s = playing('negotiation');
    const said = accept(s, bot('russia'), {
      type: 'sendMessage',
      to: 'floor',
      text: 'A treaty, please.',
    }).state;
    expect(said.chat.floor.at(-1)).toMatchObject({
      from: 'bot-russia',
      nickname: 'Server (standard)',
      seat: 'russia',
    });
    expect(refuse(s, bot('russia'), { type: 'chooseSeat', seat: 'us' }).code).toBe('notAllowed');
    expect(
      refuse(s, bot('russia'), { type: 'advancePhase', from: { round: 1, phase: 'negotiation' } }).code,
    ).toBe('notAllowed');
  });

  it('is refused once it no longer plays the delegation', () => {
    const s = accept(playing(), teacher, { type: 'unseatBot', delegation: 'russia' }).state;
    expect(refuse(s, bot('russia'), { type: 'submitOrders' }).code).toBe('notSeated');
    expect(refuse(s, bot('china'), { type: 'submitOrders' }).code).toBe('notSeated');
  });
});
