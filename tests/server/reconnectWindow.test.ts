/**
 * After the reconnection window (one second here) a dropped student is "gone": the token no longer works, the
 * seat stays theirs, and when they join again under the same nickname the teacher hands the seat back.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import {
  eventually,
  failureOf,
  type Harness,
  idOf,
  memberAs,
  refusalOf,
  serverState,
  startHarness,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ reconnectSeconds: 1 });
});
afterEach(async () => {
  await h.leaveAll();
});
afterAll(async () => {
  await h.close();
});

it('a student away past the window is gone but keeps the seat, and gets it back from the teacher', async () => {
  const session = await h.createSession({ maxPerDelegation: 1 });
  const teacher = await h.joinTeacher(session);
  const ana = await h.joinStudent(session, 'Ana');
  const ben = await h.joinStudent(session, 'Ben');
  await ana.room.request('chooseSeat', { seat: 'china' });
  const formerId = idOf(ana);
  ana.room.reconnection.enabled = false;

  const droppedAt = Date.now();
  h.dropConnection(ana);
  await eventually(() => expect(memberAs(teacher, formerId)?.status).toBe('away'));
  await eventually(
    () => expect(memberAs(teacher, formerId)).toMatchObject({ status: 'gone', seat: 'china' }),
    5000,
  );
  expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(900);
  expect(memberAs(ben, formerId)).toMatchObject({ status: 'gone', seat: 'china' });

  // The held seat has expired with the window.
  const expired = await failureOf(h.reconnect(ana));
  expect(expired.message).toMatch(/reconnection token invalid or expired/);

  // The gone student still fills China's only place.
  expect(await refusalOf(ben.room.request('chooseSeat', { seat: 'china' }))).toMatchObject({
    code: 'delegationFull',
  });

  const back = await h.joinStudent(session, 'Ana');
  expect(idOf(back)).not.toBe(formerId);
  expect(memberAs(back, back)).toMatchObject({ seat: 'unseated', status: 'connected' });
  expect(memberAs(back, formerId)?.status).toBe('gone');

  await teacher.room.request('restoreSeat', { memberId: idOf(back), formerMemberId: formerId });
  await eventually(() => {
    expect(memberAs(back, back)?.seat).toBe('china');
    expect(memberAs(back, formerId)).toBeUndefined();
    expect(memberAs(ben, formerId)).toBeUndefined();
  });
  expect(serverState(session).members.size).toBe(2);
});

it('a student who reconnects within the window is never marked gone', async () => {
  const session = await h.createSession();
  const teacher = await h.joinTeacher(session);
  const ana = await h.joinStudent(session, 'Ana');
  await ana.room.request('chooseSeat', { seat: 'us' });
  ana.room.reconnection.enabled = false;
  const statuses: string[] = [];
  teacher.room.onStateChange(() => {
    const status = memberAs(teacher, ana)?.status;
    if (status && statuses.at(-1) !== status) statuses.push(status);
  });

  h.dropConnection(ana);
  await eventually(() => expect(memberAs(teacher, ana)?.status).toBe('away'));
  const back = await h.reconnect(ana);
  await eventually(() => expect(memberAs(teacher, ana)?.status).toBe('connected'));

  // Wait out the rest of the window (a check that something does not happen): the expiry timer was cleared.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  expect(memberAs(teacher, ana)).toMatchObject({ status: 'connected', seat: 'us' });
  expect(statuses).toEqual(['connected', 'away', 'connected']);
  expect(back.room.connection.isOpen).toBe(true);
});
