/**
 * Guessing join codes and keys, and the lock-outs that guarding them once caused: after 30 wrong codes from a
 * school's one address, the right code was refused too. Wrong codes now count per network and per distinct code;
 * a code a network has been answered is never refused; a guesser cannot tell a live code from a dead one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../server/config.ts';
import type { ReplaySummary } from '../../../shared/protocol/http.ts';
import { type Harness, type Session, startHarness } from '../harness.ts';
import { from, json, lookup, post, wrongCodes } from './net.ts';

const LIMIT = DEFAULT_LIMITS.failedLookupsPerMinute; // 30, as in production
const INSTRUCTOR_KEY = 'instructor-key-for-the-attack-tests';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trustProxy: 'loopback', instructorKey: INSTRUCTOR_KEY });
});
afterAll(async () => {
  await h.leaveAll();
  await h.close();
});

/** A session created from the given network, as a teacher at school creates it. */
async function createdFrom(ip: string): Promise<Session> {
  const made = await post(h, '/api/sessions', {}, ip);
  expect(made.status).toBe(201);
  return made.body as Session;
}

describe('a class behind one address', () => {
  it('makes more than 30 typos and still gets in, by look-up and by matchmaking', async () => {
    const school = '198.51.100.7';
    const session = await createdFrom(school);
    const typos = wrongCodes(LIMIT + 10, [session.code]);
    const answers = [];
    for (const code of typos) answers.push((await lookup(h, code, school)).status);
    expect(answers.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(404));
    expect(answers.slice(LIMIT)).toEqual(Array(10).fill(429));

    expect((await lookup(h, session.code, school)).status).toBe(200);
    const seat = await post(
      h,
      `/matchmake/joinById/${session.roomId}`,
      {
        role: 'student',
        code: session.code,
        nickname: 'Ana',
      },
      school,
    );
    expect(seat.status).toBe(200);
  });

  it('a tab that looked its code up once gets it again after any number of wrong codes', async () => {
    const session = await h.createSession();
    const school = '198.51.100.8';
    expect((await lookup(h, session.code, school)).status).toBe(200);
    for (const code of wrongCodes(LIMIT + 5, [session.code])) await lookup(h, code, school);
    expect((await lookup(h, wrongCodes(1, [session.code])[0] as string, school)).status).toBe(429);
    expect((await lookup(h, session.code.toLowerCase(), school)).status).toBe(200);
    const projector = await post(
      h,
      `/matchmake/joinById/${session.roomId}`,
      { role: 'projector', code: session.code },
      school,
    );
    expect(projector.status).toBe(200);
  });

  it('the same misreading typed by the whole class counts as one wrong code', async () => {
    const session = await h.createSession();
    const school = '198.51.100.9';
    const misread = wrongCodes(1, [session.code])[0] as string;
    for (let i = 0; i < 3 * LIMIT; i++) expect((await lookup(h, misread, school)).status).toBe(404);
    expect((await lookup(h, wrongCodes(2, [session.code, misread])[1] as string, school)).status).toBe(404);
    expect((await lookup(h, session.code, school)).status).toBe(200);
  });
});

describe('a guesser', () => {
  it('is stopped after 30 wrong codes, and from then on a live code it did not know looks the same as a dead one', async () => {
    const live = await h.createSession();
    const guesser = '203.0.113.20';
    for (const code of wrongCodes(LIMIT, [live.code]))
      expect((await lookup(h, code, guesser)).status).toBe(404);
    const dead = await lookup(h, wrongCodes(LIMIT + 1, [live.code])[LIMIT] as string, guesser);
    const hit = await lookup(h, live.code, guesser);
    expect(dead.status).toBe(429);
    expect(hit.status).toBe(429);
    expect(hit.body).toEqual(dead.body);
    expect(Number(hit.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('guessing through matchmaking as a projector counts the same, by id and by room name', async () => {
    const live = await h.createSession();
    const guesser = '203.0.113.21';
    const guesses = wrongCodes(LIMIT + 4, [live.code]);
    const statuses: number[] = [];
    for (const [i, code] of guesses.entries()) {
      const path = i % 2 === 0 ? `/matchmake/joinById/${live.roomId}` : '/matchmake/join/session';
      statuses.push((await post(h, path, { role: 'projector', code }, guesser)).status);
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(404));
    expect(statuses.slice(LIMIT)).toEqual(Array(4).fill(429));
    // The look-up route shares the count, and the live code is held back like any other new code.
    expect((await lookup(h, live.code, guesser)).status).toBe(429);
    expect(
      (await post(h, `/matchmake/joinById/${live.roomId}`, { role: 'projector', code: live.code }, guesser))
        .status,
    ).toBe(429);
    // Other networks are not touched.
    expect((await lookup(h, live.code, '203.0.113.99')).status).toBe(200);
  });

  it('IPv6 guesses count for the whole /64, not per address', async () => {
    const live = await h.createSession();
    const statuses: number[] = [];
    for (const [i, code] of wrongCodes(LIMIT + 1, [live.code]).entries())
      statuses.push((await lookup(h, code, `2001:db8:1:2::${(i + 1).toString(16)}`)).status);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(404));
    expect(statuses[LIMIT]).toBe(429);
  });
});

describe('replay keys', () => {
  it('wrong keys are counted per network, and the right host link and instructor key always open', async () => {
    const session = await h.createSession();
    const found = await post(h, '/api/replays/find', { code: session.code, hostSecret: session.hostSecret });
    expect(found.status).toBe(200);
    const id = (found.body as ReplaySummary[])[0]?.sessionId as string;
    const guesser = '203.0.113.30';
    const open = (key: string) =>
      h.http(`/api/replays/${id}`, { headers: { 'x-paros-key': key, ...from(guesser) } });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) statuses.push((await open(`wrong-key-${i}`.padEnd(43, 'x'))).status);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(403));
    expect(statuses.slice(LIMIT)).toEqual(Array(3).fill(429));

    expect((await open(session.hostSecret)).status).toBe(200);
    expect((await open(INSTRUCTOR_KEY)).status).toBe(200);
    const listed = await h.http('/api/replays', {
      headers: { 'x-paros-key': INSTRUCTOR_KEY, ...from(guesser) },
    });
    expect(listed.status).toBe(200);
    const mine = await h.http('/api/replays/find', {
      method: 'POST',
      headers: { ...json, ...from(guesser) },
      body: JSON.stringify({ code: session.code, hostSecret: session.hostSecret }),
    });
    expect(mine.status).toBe(200);
  });
});
