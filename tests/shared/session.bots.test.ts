import { describe, expect, it } from 'vitest';
import { acceptsChannel, verifiableTextOnTable, US_TALKS_FROM_TENSION } from '../../shared/bots/channels.ts';
import { botOrders } from '../../shared/bots/decide.ts';
import { botChannelAnswer } from '../../shared/bots/statements.ts';
import { phaseLengthMs, unattended, WATCH_SECONDS } from '../../shared/bots/unattended.ts';
import { viewFor } from '../../shared/rules/views.ts';
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

/** Plays every bot move due now, as the room's driver would; returns the state after them. */
function botsPlay(s: SessionModel): SessionModel {
  let out = s;
  for (const d of botsDue(out))
    for (const move of botMoves(out, d)) out = accept(out, move.actor, move.command).state;
  return out;
}

describe('a paused session', () => {
  it('keeps its bots still until the teacher resumes it, and then they play', () => {
    const s = accept(testSession({ members: ['Ana@us'], at: 'orders' }), teacher, {
      type: 'seatBot',
      delegation: 'china',
      level: 'standard',
    }).state;
    const paused = accept(s, teacher, { type: 'pauseTimer' }).state;
    expect(botsDue(paused)).toEqual([]);
    expect(botMoves(paused, 'china')).toEqual([]);
    const resumed = accept(paused, teacher, { type: 'resumeTimer' }).state;
    expect(botsDue(resumed)).toEqual(['china']);
    expect(botsPlay(resumed).teams.china.submitted).toBe(true);
  });
});

describe('a bot in bilateral talks', () => {
  /** Ana at `human`, a standard bot at `botAt`, in the negotiation phase of round 1 (no text tabled yet). */
  const talks = (human: 'us' | 'china', botAt: 'us' | 'china' | 'russia') =>
    accept(testSession({ members: [`Ana@${human}`], at: 'negotiation' }), teacher, {
      type: 'seatBot',
      delegation: botAt,
      level: 'standard',
    }).state;
  const ana = member('m1');

  it('accepts or refuses a channel by its doctrine, through the same commands as a team', () => {
    // China accepts the United States (it asks everyone to negotiate on its PPWT).
    const us = accept(talks('us', 'china'), ana, { type: 'requestChannel', with: 'china' }).state;
    expect(botsDue(us)).toContain('china');
    expect(botMoves(us, 'china')[0]).toEqual({
      actor: bot('china'),
      command: { type: 'acceptChannel', with: 'us' },
    });
    expect(botsPlay(us).chat.channels['us-china'].status).toBe('open');

    // The United States refuses China while tension is low and no text it could sign is on the table…
    const calm = accept(talks('china', 'us'), ana, { type: 'requestChannel', with: 'us' }).state;
    expect(calm.world?.tension).toBeLessThan(US_TALKS_FROM_TENSION);
    expect(verifiableTextOnTable(viewFor(calm.world as World, 'us'))).toBe(false);
    const refused = botsPlay(calm);
    expect(refused.chat.channels['us-china']).toMatchObject({ status: 'closed', requestedBy: undefined });
    expect(botsDue(refused)).not.toContain('us');
    // …and accepts when tension is high, or once a text with verification is on the table.
    const tense = { ...calm, world: { ...(calm.world as World), tension: US_TALKS_FROM_TENSION } };
    expect(botsPlay(tense).chat.channels['us-china'].status).toBe('open');
    const w = calm.world as World;
    const verifiable = {
      ...calm,
      world: {
        ...w,
        drafts: {
          ...w.drafts,
          ppwt: { ...w.drafts.ppwt, tabled: true, clauses: { ...w.drafts.ppwt.clauses, verification: true } },
        },
      },
    };
    expect(botsPlay(verifiable).chat.channels['us-china'].status).toBe('open');
  });

  it('answers in the channel once a phase, with its position towards that delegation, however much is said', () => {
    let s = accept(talks('us', 'russia'), ana, { type: 'requestChannel', with: 'russia' }).state;
    s = botsPlay(s);
    expect(s.chat.channels['us-russia'].status).toBe('open');
    // Nothing said yet: nothing to answer (the floor statement aside).
    expect(botMoves(s, 'russia')).toEqual([]);
    for (const text of ['Hello.', 'Will you talk about verification?'])
      s = accept(s, ana, { type: 'sendMessage', to: 'russia', text }).state;
    s = botsPlay(s);
    const said = () => s.chat.channels['us-russia'].messages.filter((m) => m.from === 'bot-russia');
    expect(said()).toHaveLength(1);
    expect(said()[0]).toMatchObject({ seat: 'russia', round: 1, phase: 'negotiation' });
    expect(said()[0]?.text).toMatch(/United States/);
    s = accept(s, ana, { type: 'sendMessage', to: 'russia', text: 'And?' }).state;
    expect(botsDue(s)).toEqual([]);
    // The next phase, a new word from the other side is answered again.
    s = accept(s, teacher, { type: 'advancePhase', from: momentOf(s) }).state;
    expect(botMoves(s, 'russia').map((m) => m.command.type)).toEqual([
      'sendMessage',
      'setOrders',
      'submitOrders',
    ]);
    s = botsPlay(s);
    expect(said()).toHaveLength(2);
    expect(said()[1]?.phase).toBe('orders');
  });

  it('decides channels and answers from its own view: the same words whatever the others keep secret', () => {
    const s = accept(talks('us', 'russia'), ana, { type: 'requestChannel', with: 'russia' }).state;
    const world = s.world as World;
    const changed: World = structuredClone(world);
    changed.delegations.us.budget += 9;
    changed.delegations.us.threat = { russia: 99, china: 99 };
    changed.delegations.china.objectives = ['none'];
    for (const phase of ['negotiation', 'orders'] as const)
      for (const level of ['novice', 'standard', 'expert'] as const) {
        const answer = (w: World) =>
          botChannelAnswer({
            me: 'russia',
            them: 'us',
            now: viewFor(w, 'russia'),
            before: undefined,
            level,
            seed: s.seed,
            phase,
          });
        expect(answer(changed)).toBe(answer(world));
        expect(answer(world).length).toBeGreaterThan(20);
      }
    expect(acceptsChannel('us', 'russia', viewFor(changed, 'us'))).toBe(
      acceptsChannel('us', 'russia', viewFor(world, 'us')),
    );
  });
});

describe('a session the server plays alone (watch the bots play)', () => {
  const allBots = (s: SessionModel) =>
    (['us', 'china', 'russia'] as const).reduce(
      (out, delegation) => accept(out, teacher, { type: 'seatBot', delegation, level: 'standard' }).state,
      s,
    );

  it('runs its phases on short timers while every delegation is a bot and no student sits at one', () => {
    const s = allBots(testSession({ members: ['Obs@observer'] }));
    expect(unattended(s)).toBe(true);
    for (const phase of ['briefing', 'negotiation', 'orders', 'resolution', 'debrief'] as const) {
      expect(phaseLengthMs(s, phase)).toBe(
        Math.min(WATCH_SECONDS[phase] * 1000, s.settings.phaseMinutes[phase] * 60_000),
      );
      expect(phaseLengthMs(s, phase)).toBeLessThan(s.settings.phaseMinutes[phase] * 60_000);
    }
  });

  it('keeps the settings’ minutes once a student is at a delegation, or while a delegation has no bot', () => {
    const withAna = allBots(testSession({ members: ['Ana@us!away'] }));
    expect(unattended(withAna)).toBe(true); // Ana is away: the bot plays the United States
    const back = accept(withAna, system, { type: 'memberReturned', memberId: 'm1' }).state;
    expect(unattended(back)).toBe(false);
    expect(phaseLengthMs(back, 'orders')).toBe(back.settings.phaseMinutes.orders * 60_000);
    const two = accept(allBots(testSession({ members: ['Obs@observer'] })), teacher, {
      type: 'unseatBot',
      delegation: 'china',
    }).state;
    expect(unattended(two)).toBe(false);
  });
});
