/**
 * Lock-outs by a student of the class (issue 2.3/7): joining and leaving a hundred times once made a session
 * full for good ("This session is full (100 students)"). Members who are gone no longer hold a place, and fresh
 * joins from one network are limited per session; a tab taking its seat back with its key is never refused.
 */
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECTORS_PER_SESSION } from '../../../shared/protocol/toClient.ts';
import { MAX_MEMBERS } from '../../../shared/session/commands/presence.ts';
import {
  eventually,
  failureOf,
  type Harness,
  memberAs,
  refusalOf,
  type Session,
  serverState,
  startHarness,
  withTimeout,
} from '../harness.ts';

const JOINS = 30; // new students per network and session in a minute, lowered from 120 so the test stays short

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustProxy: 'loopback', limits: { joinsPerMinute: JOINS } });
});
afterAll(async () => {
  await h.leaveAll();
  await h.close();
});

/** A student who joins from `network` (as a proxy reports it) and leaves at once. */
async function joinAndLeave(session: Session, network: string, nickname: string) {
  const client = new Client(h.baseUrl, { headers: { 'x-forwarded-for': network } });
  const room = await client.joinById(session.roomId, { role: 'student', code: session.code, nickname });
  room.onMessage('welcome', () => undefined);
  await withTimeout(room.leave(), 3000, 'a consented leave');
}

describe('joining and leaving again and again', () => {
  it('does not fill the session; past the limit the churn is refused with a message, a seat key never', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    for (let i = 0; i < MAX_MEMBERS; i++) await joinAndLeave(session, `10.0.0.${i % 5}`, `Churn ${i}`);
    expect(serverState(session).members.size).toBe(MAX_MEMBERS); // the records stay, for hand-back
    const ana = await h.joinStudent(session, 'Ana');
    expect(memberAs(teacher, ana)?.status).toBe('connected');

    // Ana was the first new student from the test's own network; the rest of its minute goes to churn.
    for (let i = 1; i < JOINS; i++) {
      const churn = await h.joinStudent(session, `Again ${i}`);
      await withTimeout(churn.room.leave(), 3000, 'a consented leave');
    }
    const refused = await failureOf(h.joinStudent(session, 'Again and again'));
    expect(refused.code).toBe(429);
    expect(refused.message).toMatch(/^Too many students joined this session from your network/);
    await joinAndLeave(session, '10.0.0.9', 'Elsewhere'); // another network is not held back

    // Ana's tab comes back with its seat key: never counted, never refused.
    const key = ana.welcome.memberKey;
    await withTimeout(ana.room.leave(), 3000, 'a consented leave');
    const back = await h.join(session, {
      role: 'student',
      code: session.code,
      nickname: 'Ana',
      memberKey: key,
    });
    expect(back.welcome.memberId).toBe(ana.welcome.memberId);
  });
});

describe('projector boards', () => {
  it(`at most ${PROJECTORS_PER_SESSION} at once, even opened together; the console sees how many`, async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    const tries = await Promise.allSettled(
      Array.from({ length: PROJECTORS_PER_SESSION + 4 }, () => h.joinProjector(session)),
    );
    const boards = tries.flatMap((t) => (t.status === 'fulfilled' ? [t.value] : []));
    const refusals = tries.flatMap((t) => (t.status === 'rejected' ? [t.reason as Error] : []));
    expect(boards).toHaveLength(PROJECTORS_PER_SESSION);
    expect(refusals.map((e) => e.message)).toEqual(
      Array(4).fill(
        `This session already has ${PROJECTORS_PER_SESSION} projector boards open. Close one, then try again.`,
      ),
    );
    await eventually(() => expect(teacher.room.state.projectors).toBe(PROJECTORS_PER_SESSION));

    // A student and the teacher still join; a board that closes frees its place.
    const ana = await h.joinStudent(session, 'Ana');
    expect(memberAs(teacher, ana)?.status).toBe('connected');
    await withTimeout((boards[0] as (typeof boards)[number]).room.leave(), 3000, 'a consented leave');
    await eventually(() => expect(teacher.room.state.projectors).toBe(PROJECTORS_PER_SESSION - 1));
    await h.joinProjector(session);
    await eventually(() => expect(teacher.room.state.projectors).toBe(PROJECTORS_PER_SESSION));
  });
});

describe('removal and mute', () => {
  it('are not undone by leaving and joining again; a removed student comes back when the teacher lets them', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    const ben = await h.joinStudent(session, 'Ben');
    await ben.room.request('chooseSeat', { seat: 'us' });
    await teacher.room.request('muteMember', { memberId: ben.welcome.memberId, muted: true });
    await withTimeout(ben.room.leave(), 3000, 'a consented leave');
    const benAgain = await h.joinStudent(session, 'BEN');
    await benAgain.room.request('chooseSeat', { seat: 'us' });
    const muted = await refusalOf(benAgain.room.request('sendMessage', { to: 'team', text: 'hi' }));
    expect(muted.code).toBe('muted');

    const cy = await h.joinStudent(session, 'Cy');
    const key = cy.welcome.memberKey;
    const closed = new Promise<number>((resolve) => cy.room.onLeave((code) => resolve(code)));
    await teacher.room.request('removeMember', { memberId: cy.welcome.memberId });
    await withTimeout(closed, 3000, 'the removal');
    const again = await failureOf(h.joinStudent(session, 'Cy'));
    expect(again.message).toBe(
      'The teacher removed you from this session; ask the teacher to let you back in.',
    );
    const byKey = await failureOf(
      h.join(session, { role: 'student', code: session.code, nickname: 'Cyrus', memberKey: key }),
    );
    expect(byKey).toMatchObject({ code: 403, message: again.message });

    // The console lists the removed student, to the teacher alone, with a button that sends readmit.
    await eventually(() => expect(teacher.room.state.host?.removed).toBe('["Cy"]'));
    expect(benAgain.room.state.host).toBeUndefined();
    await teacher.room.request('readmit', { nickname: 'Cy' });
    await eventually(() => expect(teacher.room.state.host?.removed).toBe(''));
    const back = await h.joinStudent(session, 'Cy');
    expect(memberAs(teacher, back)?.status).toBe('connected');
  });
});
