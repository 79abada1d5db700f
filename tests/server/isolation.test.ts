/** Several sessions on one server: codes, secrets, members and stages never cross from one to another. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  failureOf,
  framesContain,
  type Harness,
  memberAs,
  type Player,
  roundTrip,
  type Session,
  serverState,
  startHarness,
  seenBy,
} from './harness.ts';

let h: Harness;
let a: Session;
let b: Session;
let teacherA: Player;
let teacherB: Player;
let anaA: Player;
let anaB: Player;
let projectorB: Player;

beforeAll(async () => {
  h = await startHarness();
  [a, b] = await Promise.all([h.createSession({ timersOn: false }), h.createSession({ timersOn: false })]);
  teacherA = await h.joinTeacher(a);
  teacherB = await h.joinTeacher(b);
  projectorB = await h.joinProjector(b);
  // The same nickname in two sessions is two different students.
  anaA = await h.joinStudent(a, 'Ana');
  anaB = await h.joinStudent(b, 'Ana');
});
afterAll(async () => {
  await h.close();
});

describe('several sessions at once', () => {
  it('have their own codes, rooms and member numbering', async () => {
    expect(a.code).not.toBe(b.code);
    expect(a.roomId).not.toBe(b.roomId);
    expect((await h.http(`/api/sessions/${a.code}`)).body).toMatchObject({ roomId: a.roomId });
    expect((await h.http(`/api/sessions/${b.code}`)).body).toMatchObject({ roomId: b.roomId });
    expect(anaA.welcome.memberId).toBe('m1');
    expect(anaB.welcome.memberId).toBe('m1');
    expect(teacherA.room.state.code).toBe(a.code);
    expect(teacherB.room.state.code).toBe(b.code);
  });

  it('refuse a code, or a host secret, that belongs to another session', async () => {
    const before = serverState(b).toJSON();
    const student = await failureOf(h.join(b, { role: 'student', code: a.code, nickname: 'Eve' }));
    expect(student).toMatchObject({ code: 404, message: 'That join code does not match this session.' });
    const projector = await failureOf(h.join(b, { role: 'projector', code: a.code }));
    expect(projector.code).toBe(404);
    const host = await failureOf(h.join(b, { role: 'teacher', code: b.code, hostSecret: a.hostSecret }));
    expect(host).toMatchObject({ code: 403, message: 'That host link is not valid for this session.' });
    expect(serverState(b).toJSON()).toEqual(before);
  });

  it('do not share members, seats, stages or drafts', async () => {
    const versionB = serverState(b).version;
    await anaA.room.request('chooseSeat', { seat: 'china' });
    await teacherA.room.request('startSession', {});
    await teacherA.room.request('advancePhase', seenBy(teacherA));
    const draft = `china-A-${randomUUID()}`;
    await anaA.room.request('editDraft', { text: draft });
    await eventually(() => expect(teacherA.room.state.teams.get('china')?.draft).toBe(draft));

    for (const p of [teacherB, anaB, projectorB]) await roundTrip(p);
    expect(serverState(b).version).toBe(versionB);
    expect(teacherB.room.state).toMatchObject({ stage: 'lobby', round: 0, phase: '' });
    expect(memberAs(teacherB, 'm1')).toMatchObject({ nickname: 'Ana', seat: 'unseated' });
    expect(serverState(b).teams.get('china')?.draft).toBe('');
    for (const p of [teacherB, anaB, projectorB]) expect(framesContain(p, draft)).toBe(false);

    // And B's own changes stay in B.
    await anaB.room.request('chooseSeat', { seat: 'us' });
    await roundTrip(teacherA);
    expect(memberAs(teacherA, 'm1')?.seat).toBe('china');
  });

  it('end one at a time', async () => {
    await teacherA.room.request('endSession', seenBy(teacherA));
    expect((await h.http(`/api/sessions/${a.code}`)).status).toBe(410);
    expect(await h.http(`/api/sessions/${b.code}`)).toMatchObject({ status: 200, body: { stage: 'lobby' } });
    const late = await h.joinStudent(b, 'Late');
    expect(late.welcome.memberId).toBe('m2');
  });
});
