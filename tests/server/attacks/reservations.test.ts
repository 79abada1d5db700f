/**
 * Seat reservations: Colyseus reserves a seat at POST /matchmake before onAuth runs at the socket, so
 * reservations without credentials once filled every session ("room is locked") until they expired. Now every
 * reservation is checked first, and one network holds a bounded number of seats in a session at once.
 */
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_SEATS_PER_NETWORK } from '../../../server/http/matchmaking.ts';
import { type Harness, memberAs, type Session, startHarness } from '../harness.ts';
import { inBatches, json, post } from './net.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustProxy: 'loopback' });
});
afterAll(async () => {
  await h.leaveAll();
  await h.close();
});

const locked = (session: Session) => matchMaker.getLocalRoomById(session.roomId)?.locked;

describe('reservations without credentials', () => {
  it('400 empty reservations reserve nothing, and the teacher and a student still join', async () => {
    const session = await h.createSession();
    const answers = await inBatches(400, 50, () =>
      h.http(`/matchmake/joinById/${session.roomId}`, { method: 'POST', headers: json, body: '{}' }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(400).fill(400));
    expect(answers[0]?.body).toEqual({ code: 400, error: expect.stringMatching(/^role: /) });
    expect(locked(session)).toBe(false);

    const teacher = await h.joinTeacher(session);
    const ana = await h.joinStudent(session, 'Ana');
    expect(memberAs(teacher, ana)?.status).toBe('connected');
  });

  it.each([
    [
      'a wrong code',
      (s: Session) => ({ role: 'projector', code: s.code === '777777' ? '777779' : '777777' }),
    ],
    ['a forged host link', (s: Session) => ({ role: 'teacher', code: s.code, hostSecret: 'A'.repeat(43) })],
    ['options outside the protocol', (s: Session) => ({ role: 'projector', code: s.code, seats: 130 })],
  ])('reservations with %s are refused before any seat is held', async (_, options) => {
    const session = await h.createSession();
    const answers = await inBatches(200, 50, () =>
      post(h, `/matchmake/joinById/${session.roomId}`, options(session)),
    );
    expect(new Set(answers.map((a) => a.status)).has(200)).toBe(false);
    expect(locked(session)).toBe(false);
    await h.joinTeacher(session);
  });

  it('matchmaking by room name never creates a session, and finds one only by its code', async () => {
    const session = await h.createSession();
    const sessions = h.server.directory.size;
    expect((await post(h, '/matchmake/create/session', {})).status).toBe(403);
    expect((await post(h, '/matchmake/joinOrCreate/session', {})).status).toBe(400);
    expect((await post(h, '/matchmake/join/session', { role: 'projector', code: '777777' })).status).toBe(
      404,
    );
    const found = await post(h, '/matchmake/join/session', { role: 'projector', code: session.code });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ roomId: session.roomId });
    expect((await post(h, '/matchmake/unknownMethod/session', {})).status).toBe(404);
    expect(h.server.directory.size).toBe(sessions);
  });
});

describe('reservations with the code', () => {
  it('one network holds at most a few dozen unused seats in a session; the class still joins', async () => {
    const session = await h.createSession();
    // A student who has the code reserves projector seats from their phone's network and never connects.
    const answers = await inBatches(150, 50, () =>
      post(
        h,
        `/matchmake/joinById/${session.roomId}`,
        { role: 'projector', code: session.code },
        '203.0.113.9',
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(PENDING_SEATS_PER_NETWORK);
    expect(statuses.filter((s) => s === 429)).toHaveLength(150 - PENDING_SEATS_PER_NETWORK);
    expect(answers.find((a) => a.status === 429)?.body).toEqual({
      code: 429,
      error: expect.stringMatching(/^Too many joins from this network at once\. Wait \d+ seconds?/),
    });
    expect(locked(session)).toBe(false);

    const teacher = await h.joinTeacher(session);
    const students = await Promise.all(['Ana', 'Ben', 'Chen'].map((n) => h.joinStudent(session, n)));
    for (const s of students) expect(memberAs(teacher, s)?.status).toBe('connected');
  });
});
