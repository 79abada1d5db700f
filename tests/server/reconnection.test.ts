/**
 * Dropped connections: the seat is held while a student is away, and the reconnection token brings back the
 * same member. Also the connections the server closes itself (malformed messages, flooding).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_REMOVED } from '../../shared/protocol/toClient.ts';
import {
  eventually,
  failureOf,
  type Harness,
  idOf,
  leaveCode,
  memberAs,
  type Player,
  refusalOf,
  serverConnections,
  serverState,
  startHarness,
  withTimeout,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ reconnectSeconds: 30 });
});
afterEach(async () => {
  await h.leaveAll();
});
afterAll(async () => {
  await h.close();
});

/** Turns off the SDK's automatic reconnection, so the test decides when the student comes back. */
function manualReconnection(player: Player): void {
  player.room.reconnection.enabled = false;
}

async function seatedClass() {
  const session = await h.createSession();
  const teacher = await h.joinTeacher(session);
  const projector = await h.joinProjector(session);
  const ana = await h.joinStudent(session, 'Ana');
  const ben = await h.joinStudent(session, 'Ben');
  await ana.room.request('chooseSeat', { seat: 'china' });
  await ben.room.request('chooseSeat', { seat: 'us' });
  return { session, teacher, projector, ana, ben };
}

describe('a dropped connection', () => {
  it('shows the student as away, and the token brings back the same member, seat and status', async () => {
    const { session, teacher, ana, ben } = await seatedClass();
    manualReconnection(ana);
    const dropped = new Promise<number>((resolve) => ana.room.onDrop((code) => resolve(code)));
    const left = leaveCode(ana);
    const version = serverState(session).version;

    h.dropConnection(ana);
    expect(await dropped).toBe(1006);
    expect(await left).toBe(1006);
    await eventually(() => {
      expect(memberAs(teacher, ana)).toMatchObject({ status: 'away', seat: 'china' });
      expect(memberAs(ben, ana)).toMatchObject({ status: 'away', seat: 'china' });
    });

    const back = await h.reconnect(ana);
    expect(back.welcome).toMatchObject({ role: 'student', memberId: idOf(ana) });
    expect(back.room.sessionId).toBe(ana.room.sessionId);
    expect(memberAs(back, back)).toMatchObject({ seat: 'china', status: 'connected' });
    await eventually(() => expect(memberAs(ben, ana)?.status).toBe('connected'));
    expect(serverState(session).version).toBe(version + 2); // memberAway, then memberReturned
    expect(serverState(session).members.size).toBe(2);

    // The returned connection acts as the same member.
    await back.room.request('chooseSeat', { seat: 'russia' });
    await eventually(() => expect(memberAs(teacher, ana)?.seat).toBe('russia'));
  });

  it('holds the nickname while the student is away, so nobody else can take the seat under that name', async () => {
    const { session, teacher, ana } = await seatedClass();
    manualReconnection(ana);
    h.dropConnection(ana);
    await eventually(() => expect(memberAs(teacher, ana)?.status).toBe('away'));

    const impostor = await failureOf(h.joinStudent(session, 'ANA'));
    expect(impostor).toMatchObject({ code: 409 });
    expect(impostor.message).toMatch(/^"ANA" is away and their seat is held/);

    const back = await h.reconnect(ana);
    expect(memberAs(back, back)).toMatchObject({ seat: 'china', status: 'connected' });
  });

  it('is reconnected by the SDK itself once minUptime allows it, as the same member', async () => {
    const { session, teacher, ana } = await seatedClass();
    ana.room.reconnection.minUptime = 0; // the default (5 s) gives up on rooms joined moments ago
    ana.room.reconnection.delay = 10;
    ana.room.reconnection.minDelay = 10;
    const reconnected = withTimeout(
      new Promise<void>((resolve) => ana.room.onReconnect(() => resolve())),
      5000,
      'the automatic reconnection',
    );
    const version = serverState(session).version;

    h.dropConnection(ana);
    await reconnected;
    await eventually(() => expect(ana.welcomes).toHaveLength(2));
    expect(ana.welcomes[1]).toMatchObject({ role: 'student', memberId: idOf(ana) });
    await eventually(() =>
      expect(memberAs(teacher, ana)).toMatchObject({ status: 'connected', seat: 'china' }),
    );
    expect(serverState(session).version).toBe(version + 2);

    // Same room object, same member: requests work again.
    await ana.room.request('chooseSeat', { seat: 'observer' });
    expect(memberAs(ana, ana)?.seat).toBe('observer');
  });

  it('of the teacher shows on the board, and the teacher keeps the role after reconnecting', async () => {
    const { teacher, projector } = await seatedClass();
    manualReconnection(teacher);
    const left = leaveCode(teacher);
    h.dropConnection(teacher);
    await left;
    await eventually(() => expect(projector.room.state.hostConnected).toBe(false));

    const back = await h.reconnect(teacher);
    expect(back.welcome).toMatchObject({ role: 'teacher' });
    await eventually(() => expect(projector.room.state.hostConnected).toBe(true));
    await back.room.request('lockTeams', { locked: true });
  });

  it('of a student the teacher then removes cannot be resumed with the token', async () => {
    const { session, teacher, ana, ben } = await seatedClass();
    manualReconnection(ana);
    const left = leaveCode(ana);
    h.dropConnection(ana);
    await left;
    await eventually(() => expect(memberAs(teacher, ana)?.status).toBe('away'));

    await teacher.room.request('removeMember', { memberId: idOf(ana) });
    await eventually(() => expect(memberAs(ben, ana)).toBeUndefined());

    const error = await failureOf(h.reconnect(ana));
    expect(error).toMatchObject({
      code: CLOSE_REMOVED,
      message: 'The teacher removed you from this session.',
    });
    expect(serverState(session).members.has(idOf(ana))).toBe(false);
    // Nobody sits in the room as that member: the connections are the teacher's, the projector's and Ben's.
    await eventually(() => expect(serverConnections(session)).toBe(3));
  });
});

describe('a connection that closes before it has finished joining', () => {
  it('leaves a gone member whose nickname can join again, and the server handles the refused hold', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    // What the SDK does in joinById, stopped half-way: reserve a seat, open the socket, then vanish before
    // acknowledging the join (a phone that loses the network at that moment).
    const seat = (
      await h.http(`/matchmake/joinById/${session.roomId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'student', code: session.code, nickname: 'Ana' }),
      })
    ).body as { processId: string; roomId: string; sessionId: string };
    const socket = new WebSocket(
      `${h.baseUrl.replace('http', 'ws')}/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`,
    );
    socket.onmessage = () => socket.close(4010);

    await eventually(() =>
      expect(memberAs(teacher, 'm1')).toMatchObject({ nickname: 'Ana', status: 'gone' }),
    );
    const again = await h.joinStudent(session, 'Ana');
    expect(memberAs(again, again)?.status).toBe('connected');
    // close() in afterAll fails the file if the refused allowReconnection() went unhandled.
  });
});

describe('connections the server closes', () => {
  it.each([
    ['a payload that fails its schema', 'chooseSeat', { seat: 42 }],
    ['an unknown message type', 'launchSatellites', { count: 3 }],
  ])(
    '%s sent with room.send closes only that connection (4002); the seat waits for the token',
    async (_, type, payload) => {
      const { session, teacher, ana, ben } = await seatedClass();
      const left = leaveCode(ana);

      (ana.room.send as (type: string, payload: unknown) => void)(type, payload);
      expect(await left).toBe(4002);

      await eventually(() => expect(memberAs(teacher, ana)).toMatchObject({ status: 'away', seat: 'china' }));
      expect(ben.room.connection.isOpen).toBe(true);
      expect(teacher.room.connection.isOpen).toBe(true);
      await ben.room.request('chooseSeat', { seat: 'russia' });
      await eventually(() => expect(memberAs(teacher, ben)?.seat).toBe('russia'));
      expect(serverState(session).stage).toBe('lobby');

      const back = await h.reconnect(ana);
      expect(back.welcome.memberId).toBe(idOf(ana));
      expect(memberAs(back, back)).toMatchObject({ seat: 'china', status: 'connected' });
      await eventually(() => expect(memberAs(ben, ana)?.status).toBe('connected'));
    },
  );

  it('more than 30 messages a second close the flooding connection only; the seat waits for the token', async () => {
    const { teacher, ana, ben } = await seatedClass();
    const left = leaveCode(ana);

    const flood = Array.from({ length: 40 }, () => ana.room.request('editDraft', { text: 'spam' }));
    const replies = await Promise.allSettled(flood);
    expect(await left).toBe(4002);
    const refusals = replies.filter((r) => r.status === 'rejected' && r.reason?.name === 'rejected');
    expect(refusals.length).toBeLessThanOrEqual(31);

    await eventually(() => expect(memberAs(teacher, ana)?.status).toBe('away'));
    expect(ben.room.connection.isOpen).toBe(true);
    const back = await h.reconnect(ana);
    expect(memberAs(back, back)).toMatchObject({ seat: 'china', status: 'connected' });
  });

  it('a removed student is closed with CLOSE_REMOVED and the SDK does not try to come back', async () => {
    const { teacher, ana } = await seatedClass();
    ana.room.reconnection.minUptime = 0;
    let drops = 0;
    ana.room.onDrop(() => drops++);
    const left = leaveCode(ana);
    await teacher.room.request('removeMember', { memberId: idOf(ana) });
    expect(await left).toBe(CLOSE_REMOVED);
    expect(drops).toBe(0);
    expect(await refusalOf(teacher.room.request('removeMember', { memberId: idOf(ana) }))).toMatchObject({
      code: 'unknownMember',
    });
  });
});
