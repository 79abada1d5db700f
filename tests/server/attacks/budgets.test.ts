/**
 * Limits follow the member, not the connection (issue 2.3/7): the room's 30 messages a second and the chat's
 * 5 in 10 seconds once started again on every reconnection, and a student who reconnected after each cut landed
 * 840 draft edits in 10 s. The room keeps each member's budget by member id, and a member whose connection is
 * cut again and again waits a while.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUTS_PER_MINUTE } from '../../../server/rooms/SessionRoom.ts';
import {
  eventually,
  failureOf,
  type Harness,
  memberAs,
  type Player,
  refusalOf,
  startHarness,
} from '../harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.leaveAll();
  await h.close();
});

/** Cuts the player's connection like lost Wi-Fi and reconnects it with its token once the room saw it away. */
async function cutAndReconnect(teacher: Player, player: Player): Promise<Player> {
  player.room.reconnection.enabled = false;
  h.dropConnection(player);
  await eventually(() => expect(memberAs(teacher, player)?.status).toBe('away'));
  return h.reconnect(player);
}

describe('budgets kept by member', () => {
  it('a reconnection does not give the chat limit back', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    let chen = await h.joinStudent(session, 'Chen');
    await chen.room.request('chooseSeat', { seat: 'china' });
    for (let i = 0; i < 5; i++) await chen.room.request('sendMessage', { to: 'team', text: `hello ${i}` });
    chen = await cutAndReconnect(teacher, chen);
    const refused = await refusalOf(chen.room.request('sendMessage', { to: 'team', text: 'again' }));
    expect(refused).toMatchObject({
      code: 'tooFast',
      message: expect.stringMatching(/^Slow down: at most 5/),
    });
    expect(chen.room.connection.isOpen).toBe(true);
  });

  it(`more than ${CUTS_PER_MINUTE} reconnections in a minute lock the member out for a while, with a message`, async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    let chen = await h.joinStudent(session, 'Chen');
    const key = chen.welcome.memberKey;
    for (let i = 0; i < CUTS_PER_MINUTE; i++) chen = await cutAndReconnect(teacher, chen);
    expect(memberAs(teacher, chen)?.status).toBe('connected');

    chen.room.reconnection.enabled = false;
    h.dropConnection(chen);
    await eventually(() => expect(memberAs(teacher, chen)?.status).toBe('away'));
    const locked = await failureOf(h.reconnect(chen));
    expect(locked.message).toMatch(
      /^Your connection was cut more than 10 times in a minute\. Wait ((\d+ minutes? )?\d+ seconds?|\d+ minutes?), then reload/,
    );
    // The seat key does not open the seat either while the lock lasts; another student is not held back.
    const byKey = await failureOf(
      h.join(session, { role: 'student', code: session.code, nickname: 'Chen', memberKey: key }),
    );
    expect(byKey).toMatchObject({ code: 429 });
    expect(byKey.message).toMatch(/^Your connection was cut more than/);
    const ana = await h.joinStudent(session, 'Ana');
    expect(memberAs(teacher, ana)?.status).toBe('connected');
  });

  it('reopening the tab with the seat key counts as a reconnection', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    let dee = await h.joinStudent(session, 'Dee');
    const key = dee.welcome.memberKey;
    const reopen = () =>
      h.join(session, { role: 'student', code: session.code, nickname: 'Dee', memberKey: key });
    for (let i = 0; i < CUTS_PER_MINUTE; i++) {
      await dee.room.leave();
      await eventually(() => expect(memberAs(teacher, dee)?.status).toBe('gone'));
      dee = await reopen();
    }
    await dee.room.leave();
    await eventually(() => expect(memberAs(teacher, dee)?.status).toBe('gone'));
    const locked = await failureOf(reopen());
    expect(locked.message).toMatch(/^Your connection was cut more than 10 times in a minute/);
  });
});
