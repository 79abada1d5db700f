/**
 * Every refusal a user can meet, over real WebSockets and HTTP: the message they read, and the guarantee that a
 * refused command, a refused join or a malformed request changes nothing.
 */
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinOptions, ToServerName } from '../../shared/protocol/toServer.ts';
import type { RefusalCode } from '../../shared/session/refusal.ts';
import {
  failureOf,
  type Harness,
  idOf,
  type Player,
  refusalOf,
  seenBy,
  serverState,
  type Session,
  startHarness,
} from './harness.ts';

let h: Harness;

/** A class in one stage: the teacher, the projector, Ana at China, Olga in the gallery, Ned not seated yet. */
interface Classroom {
  session: Session;
  teacher: Player;
  projector: Player;
  ana: Player;
  olga: Player;
  ned: Player;
}
type Stage = 'lobby' | 'briefing' | 'ended';
const rooms = {} as Record<Stage, Classroom>;

async function classroom(stage: Stage): Promise<Classroom> {
  const session = await h.createSession();
  const teacher = await h.joinTeacher(session);
  const projector = await h.joinProjector(session);
  const ana = await h.joinStudent(session, 'Ana');
  const olga = await h.joinStudent(session, 'Olga');
  const ned = await h.joinStudent(session, 'Ned');
  await ana.room.request('chooseSeat', { seat: 'china' });
  await olga.room.request('chooseSeat', { seat: 'observer' });
  if (stage !== 'lobby') await teacher.room.request('startSession', {});
  if (stage === 'ended') await teacher.room.request('endSession', seenBy(teacher));
  return { session, teacher, projector, ana, olga, ned };
}

beforeAll(async () => {
  // Wrong codes are rate limited per address; this file looks up many on purpose (see rateLimit.test.ts).
  h = await startHarness({ limits: { failedLookupsPerMinute: 1000 } });
  rooms.lobby = await classroom('lobby');
  rooms.briefing = await classroom('briefing');
  rooms.ended = await classroom('ended');
});
afterAll(async () => {
  await h.close();
});

/**
 * The server's state and the sender's decoded copy. No ping barrier: the room allows 30 messages a second per
 * connection, and the server sends a command's patch before its reply, so after a reply the sender is current.
 */
function snapshot(c: Classroom, sender: Player) {
  return { server: serverState(c.session).toJSON(), sender: sender.room.state.toJSON() };
}

type Who = 'teacher' | 'projector' | 'ana' | 'olga' | 'ned';
interface Row {
  stage: Stage;
  who: Who;
  command: ToServerName;
  payload: (c: Classroom) => object;
  code: RefusalCode;
  message: string;
}

const row = (
  stage: Stage,
  who: Who,
  command: ToServerName,
  payload: Row['payload'] | object,
  code: RefusalCode,
  message: string,
): Row => ({
  stage,
  who,
  command,
  payload: typeof payload === 'function' ? (payload as Row['payload']) : () => payload,
  code,
  message,
});

// biome-ignore format: one refusal per line reads as a table
const REFUSALS: Row[] = [
  // Who may act.
  row('lobby', 'ana', 'startSession', {}, 'notAllowed', 'Only the teacher can do that.'),
  row('lobby', 'ana', 'lockTeams', { locked: true }, 'notAllowed', 'Only the teacher can do that.'),
  row('lobby', 'ana', 'assignSeat', (c) => ({ memberId: idOf(c.ana), seat: 'us' }), 'notAllowed', 'Only the teacher can do that.'),
  row('lobby', 'ana', 'removeMember', (c) => ({ memberId: idOf(c.ned) }), 'notAllowed', 'Only the teacher can do that.'),
  row('lobby', 'teacher', 'chooseSeat', { seat: 'us' }, 'notAllowed', 'Only students at a seat can do that.'),
  row('lobby', 'teacher', 'editDraft', { text: 'x' }, 'notAllowed', 'Only students at a seat can do that.'),
  row('lobby', 'projector', 'startSession', {}, 'notAllowed', 'The projector board only watches.'),
  row('lobby', 'projector', 'chooseSeat', { seat: 'us' }, 'notAllowed', 'The projector board only watches.'),
  row('briefing', 'projector', 'advancePhase', (c) => seenBy(c.projector), 'notAllowed', 'The projector board only watches.'),
  // Where the session is.
  row('lobby', 'teacher', 'advancePhase', (c) => seenBy(c.teacher), 'wrongStage', 'Start the session first.'),
  row('briefing', 'teacher', 'startSession', {}, 'wrongStage', 'The session has already started.'),
  row('briefing', 'teacher', 'updateSettings', { timersOn: false }, 'wrongStage', 'Settings can change only in the lobby, before round 1.'),
  row('ended', 'teacher', 'advancePhase', (c) => seenBy(c.teacher), 'wrongStage', 'The session has ended.'),
  row('ended', 'teacher', 'endSession', (c) => seenBy(c.teacher), 'wrongStage', 'The session has already ended.'),
  // When the sender's screen showed an earlier moment.
  row('briefing', 'teacher', 'endSession', { from: { round: 0, phase: '' } }, 'stale', 'The session has already moved on to the briefing of round 1; check the screen and press End session again if you still want to end it.'),
  row('ended', 'teacher', 'advancePhase', { from: { round: 1, phase: 'briefing' } }, 'stale', 'The session has already ended.'),
  row('ended', 'teacher', 'lockTeams', { locked: false }, 'wrongStage', 'The session has ended.'),
  row('ended', 'teacher', 'assignSeat', (c) => ({ memberId: idOf(c.ned), seat: 'us' }), 'wrongStage', 'The session has ended.'),
  row('ended', 'ned', 'chooseSeat', { seat: 'observer' }, 'wrongStage', 'The session has ended.'),
  // Which phase.
  row('lobby', 'ana', 'editDraft', { text: 'x' }, 'wrongPhase', 'Drafts are open in the negotiation and orders phases; the session has not started yet.'),
  row('briefing', 'ana', 'editDraft', { text: 'x' }, 'wrongPhase', 'Drafts are open in the negotiation and orders phases; now it is the briefing phase.'),
  row('briefing', 'ana', 'submitOrders', {}, 'wrongPhase', 'Orders are submitted in the orders phase; now it is the briefing phase.'),
  row('ended', 'ana', 'editDraft', { text: 'x' }, 'wrongPhase', 'Drafts are open in the negotiation and orders phases; the session has ended.'),
  // Where the student sits.
  row('lobby', 'ned', 'editDraft', { text: 'x' }, 'notSeated', 'Sit at a delegation to work on its draft.'),
  row('briefing', 'olga', 'submitOrders', {}, 'notSeated', 'Sit at a delegation to submit its orders.'),
  row('briefing', 'ned', 'chooseSeat', { seat: 'us' }, 'teamsLocked', 'The teacher has locked the teams. Ask the teacher to move you.'),
  row('lobby', 'ana', 'chooseSeat', { seat: 'china' }, 'nothingToDo', 'You already sit with China.'),
  // The teacher's tools.
  row('lobby', 'teacher', 'updateSettings', { scenarioId: 'moon-race' }, 'unknownScenario', 'There is no scenario "moon-race" on this server.'),
  row('lobby', 'teacher', 'lockTeams', { locked: false }, 'nothingToDo', 'The teams are already open.'),
  row('briefing', 'teacher', 'lockTeams', { locked: true }, 'nothingToDo', 'The teams are already locked.'),
  row('lobby', 'teacher', 'assignSeat', { memberId: 'm99', seat: 'us' }, 'unknownMember', 'That student is no longer in the session.'),
  row('lobby', 'teacher', 'assignSeat', (c) => ({ memberId: idOf(c.olga), seat: 'observer' }), 'nothingToDo', 'Olga already sits with the observers.'),
  row('lobby', 'teacher', 'removeMember', { memberId: 'm99' }, 'unknownMember', 'That student is no longer in the session.'),
  row('lobby', 'teacher', 'restoreSeat', (c) => ({ memberId: idOf(c.ned), formerMemberId: idOf(c.ana) }), 'nothingToDo', 'Ana is connected; only the seat of a student who is away or gone can be handed on.'),
  row('lobby', 'teacher', 'restoreSeat', (c) => ({ memberId: 'm99', formerMemberId: idOf(c.ana) }), 'unknownMember', 'Hand the seat to a student who is in the session now.'),
];

describe('refused commands', () => {
  it.each(REFUSALS.map((r) => [`${r.stage}: ${r.who} ${r.command} -> ${r.code}`, r] as const))(
    '%s, and nothing changes',
    async (_, r) => {
      const c = rooms[r.stage];
      const sender = c[r.who];
      const before = snapshot(c, sender);

      const refusal = await refusalOf(sender.room.request(r.command, r.payload(c)));
      expect(refusal).toEqual({ code: r.code, message: r.message });

      expect(snapshot(c, sender)).toEqual(before);
      expect(sender.room.connection.isOpen).toBe(true);
    },
  );

  it('a refused command does not use up a version: the next accepted one is exactly one more', async () => {
    const { teacher, ana } = rooms.lobby;
    const version = teacher.room.state.version;
    await refusalOf(ana.room.request('startSession', {}));
    await refusalOf(teacher.room.request('advancePhase', seenBy(teacher)));
    const accepted = await teacher.room.request('lockTeams', { locked: true });
    expect(accepted).toEqual({ version: version + 1 });
    expect(await teacher.room.request('lockTeams', { locked: false })).toEqual({ version: version + 2 });
  });

  it('the session cannot start before anyone sits at a delegation', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    const olga = await h.joinStudent(session, 'Olga');
    await olga.room.request('chooseSeat', { seat: 'observer' });
    expect(await refusalOf(teacher.room.request('startSession', {}))).toEqual({
      code: 'notSeated',
      message: 'Nobody sits at a delegation yet: wait for students to choose, or assign them.',
    });
    expect(teacher.room.state.stage).toBe('lobby');
  });

  it.each([
    ['an unknown seat', 'chooseSeat', { seat: 'mars' }, 'seat'],
    ['a seat that is a number', 'chooseSeat', { seat: 42 }, 'seat'],
    ['an extra field', 'chooseSeat', { seat: 'us', table: 3 }, 'table'],
    ['a draft over 2000 characters', 'editDraft', { text: 'x'.repeat(2001) }, 'text'],
    ['a limit of zero', 'updateSettings', { maxPerDelegation: 0 }, 'maxPerDelegation'],
  ] as const)(
    'a request with %s is answered with an error, and the connection stays',
    async (_, command, payload, field) => {
      const c = rooms.lobby;
      const sender = command === 'updateSettings' ? c.teacher : c.ned;
      const before = snapshot(c, sender);

      const error = await failureOf(sender.room.request(command, payload));
      expect(error.name).not.toBe('rejected');
      expect(error.message).toContain(field);

      expect(sender.room.connection.isOpen).toBe(true);
      expect(snapshot(c, sender)).toEqual(before);
      // The same connection still gets answers (a refusal here, so the shared lobby stays as it is).
      expect(await refusalOf(sender.room.request('advancePhase', seenBy(sender)))).toHaveProperty('code');
    },
  );
});

describe('refused joins', () => {
  async function refusedJoin(c: Classroom, options: JoinOptions) {
    const before = serverState(c.session).toJSON();
    const error = await failureOf(h.join(c.session, options));
    expect(serverState(c.session).toJSON()).toEqual(before);
    return error;
  }

  it.each([
    ['the same nickname', 'Ana'],
    ['the same nickname in other case and spacing', '  aNA '],
  ])('%s is refused with a message that says what to do', async (_, nickname) => {
    const c = rooms.lobby;
    const error = await refusedJoin(c, { role: 'student', code: c.session.code, nickname });
    expect(error.code).toBe(409);
    expect(error.message).toBe(
      `Someone here is already called "${nickname.trim()}". Add an initial or pick another nickname.`,
    );
  });

  it.each([
    ['an empty nickname', { nickname: '   ' }, 'nickname: Type a nickname.'],
    ['a long nickname', { nickname: 'N'.repeat(25) }, 'nickname: A nickname is at most 24 characters.'],
    ['a malformed code', { code: 'AB' }, 'code: A join code is 6 letters and digits, as shown on the board.'],
  ])('a student with %s is refused', async (_, patch, message) => {
    const c = rooms.lobby;
    const error = await refusedJoin(c, { role: 'student', code: c.session.code, nickname: 'Zoe', ...patch });
    expect(error.code).toBe(400);
    expect(error.message).toBe(message);
  });

  it("a code that is not this session's is refused", async () => {
    const c = rooms.lobby;
    const other = rooms.briefing.session.code;
    const error = await refusedJoin(c, { role: 'projector', code: other });
    expect(error).toMatchObject({ code: 404, message: 'That join code does not match this session.' });
  });

  it('a wrong host secret is refused, and so is a truncated one', async () => {
    const c = rooms.lobby;
    const forged = `${c.session.hostSecret.slice(0, -4)}AAAA`;
    const wrong = await refusedJoin(c, { role: 'teacher', code: c.session.code, hostSecret: forged });
    expect(wrong).toMatchObject({ code: 403, message: 'That host link is not valid for this session.' });

    const cut = c.session.hostSecret.slice(0, 20);
    const truncated = await refusedJoin(c, { role: 'teacher', code: c.session.code, hostSecret: cut });
    expect(truncated).toMatchObject({ code: 400, message: 'hostSecret: That host link is not complete.' });
  });

  it('options outside the protocol are refused', async () => {
    const c = rooms.lobby;
    const sneaky = { role: 'student', code: c.session.code, nickname: 'Zoe', memberId: 'm1' };
    expect((await refusedJoin(c, sneaky as JoinOptions)).code).toBe(400);
    const noRole = { code: c.session.code };
    expect((await refusedJoin(c, noRole as JoinOptions)).code).toBe(400);
  });

  it('a student cannot join an ended session', async () => {
    const c = rooms.ended;
    const error = await refusedJoin(c, { role: 'student', code: c.session.code, nickname: 'Late' });
    expect(error).toMatchObject({
      code: 409,
      message: 'This session has ended. Ask your teacher for the new code.',
    });
  });

  it('matchmaking by room name cannot create a session or enter one with a wrong code', async () => {
    const before = {
      sessions: h.server.directory.size,
      rooms: (await matchMaker.query({ name: 'session' })).length,
    };
    const code = rooms.lobby.session.code;

    const created = await failureOf(
      h.sdk().create('session', { role: 'student', code, nickname: 'Mallory' }),
    );
    expect(created).toMatchObject({ code: 403, message: 'Sessions are created from the teacher console.' });
    const forged = await failureOf(h.sdk().create('session', { capability: 'guess', code: '777777' }));
    expect(forged.code).toBe(403);
    const joinOrCreate = await failureOf(
      h.sdk().joinOrCreate('session', { role: 'student', code: '777777', nickname: 'Mallory' }),
    );
    expect(joinOrCreate.code).toBe(404);
    const joined = await failureOf(
      h.sdk().join('session', { role: 'student', code: '777777', nickname: 'Mallory' }),
    );
    expect(joined).toMatchObject({ code: 404, message: 'That join code does not match this session.' });

    expect(h.server.directory.size).toBe(before.sessions);
    expect((await matchMaker.query({ name: 'session' })).length).toBe(before.rooms);
  });
});

describe('HTTP refusals', () => {
  it('an unknown code is 404 with a plain message, whatever its shape', async () => {
    expect(await h.http('/api/sessions/777777')).toMatchObject({
      status: 404,
      body: { error: 'No session has the code 777777. Check the code on the board.' },
    });
    expect(await h.http('/api/sessions/hello')).toMatchObject({
      status: 404,
      body: { error: 'No session has the code HELLO. Check the code on the board.' },
    });
  });

  it('an ended session is 410, and a running one is found with its stage', async () => {
    const ended = rooms.ended.session.code;
    expect(await h.http(`/api/sessions/${ended}`)).toMatchObject({
      status: 410,
      body: { error: `The session ${ended} has ended.` },
    });
    expect(await h.http(`/api/sessions/${rooms.briefing.session.code}`)).toMatchObject({
      status: 200,
      body: { stage: 'playing', roomId: rooms.briefing.session.roomId },
    });
  });

  it('a session with bad settings is not created', async () => {
    const sessions = h.server.directory.size;
    const post = (body: unknown) =>
      h.http('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const tooMany = await post({ settings: { maxPerDelegation: 11 } });
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as { error: string }).error).toMatch(/^settings\.maxPerDelegation: /);
    expect(await post({ settings: { scenarioId: 'moon-race' } })).toMatchObject({
      status: 400,
      body: { error: 'There is no scenario "moon-race" on this server.' },
    });
    expect((await post({ hostSecret: 'mine' })).status).toBe(400);
    expect(h.server.directory.size).toBe(sessions);
  });
});
