/**
 * Join-and-leave churn: one student joining and leaving in a loop once made a session full for good ("This
 * session is full (100 students)"), because members who had left still counted. Now only those present count,
 * and one network's joins into one session are limited per reservation window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_SEATS_PER_NETWORK } from '../../../server/http/matchmaking.ts';
import { type Harness, memberAs, startHarness, withTimeout } from '../harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.leaveAll();
  await h.close();
});

describe('join-and-leave churn', () => {
  it('a join-and-leave loop is slowed with a plain message, holds no place, and a real student still gets in', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    let refused: string | undefined;
    for (let i = 0; i <= PENDING_SEATS_PER_NETWORK && !refused; i++) {
      try {
        const churn = await h.joinStudent(session, 'Churn');
        await withTimeout(churn.room.leave(), 5000, 'a consented leave');
      } catch (e) {
        refused = (e as Error).message;
      }
    }
    expect(refused).toMatch(/^Too many joins from this network at once\. Wait \d+ seconds? and try again\.$/);
    // Every loop left a gone member behind: none of them holds a place (the rule is tested with a full session).
    const present = [...teacher.room.state.members.values()].filter((m) => m.status !== 'gone');
    expect(present).toEqual([]);
    const wait = Number(/Wait (\d+) seconds?/.exec(refused ?? '')?.[1] ?? 0);
    await new Promise((resolve) => setTimeout(resolve, (wait + 1) * 1000));
    const ana = await h.joinStudent(session, 'Ana');
    expect(memberAs(teacher, ana)?.status).toBe('connected');
  }, 120_000);
});
