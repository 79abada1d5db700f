/**
 * The session log as the live server writes it, read straight from its file: every accepted command is there
 * before the client hears back, refusals never are, round hashes verify, and the teacher's bookmarks are
 * logged. Then the replay API over HTTP: who may list and open logs, finding by code and host link, forking at
 * an entry, deleting, and a damaged file that never hides the others.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { SessionLog } from '../../server/log/SessionLog.ts';
import { CLOSE_DELETED } from '../../shared/protocol/toClient.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/rooms/SessionRoom.ts';
import { DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import type { SettingsPatch } from '../../shared/protocol/toServer.ts';
import type {
  CreateSessionResponse,
  FindSessionResponse,
  ReplayLog,
  ReplaySummary,
} from '../../shared/protocol/http.ts';
import type { Refusal } from '../../shared/session/refusal.ts';
import type { Actor } from '../../shared/session/commands.ts';
import { foldLog, stateHash, verifyLog } from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { affordable, balanced, escalate, negotiate, type Strategy } from '../shared/rules/strategies.ts';
import {
  eventually,
  failureOf,
  type Harness,
  idOf,
  pace,
  type Player,
  refusalOf,
  type Session,
  startHarness,
  withTimeout,
  seenBy,
} from './harness.ts';
import { logIdOf, readLog } from './logFiles.ts';

const INSTRUCTOR_KEY = `instructor-${randomUUID()}`;
let h: Harness;
let dataDir = '';
const sessionsDir = () => join(dataDir, 'sessions');

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paros-replays-'));
  // Many refusals on purpose here: the limit on wrong keys is not what this file tests.
  h = await startHarness({
    dataDir,
    instructorKey: INSTRUCTOR_KEY,
    limits: { failedLookupsPerMinute: 10_000 },
  });
});
afterAll(async () => {
  await h?.leaveAll();
  await h?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const foldOf = (code: string): SessionModel => {
  const { header, entries } = readLog(dataDir, code);
  const { state, problem } = foldLog(header, entries);
  if (!state || problem) throw new Error(`the log of ${code} does not fold: ${problem?.message}`);
  return state;
};

interface Class {
  session: Session;
  teacher: Player;
  students: Record<Delegation, Player>;
}

/**
 * Sends a request and, the moment its reply arrives, reads the log file: the entry that produced the version
 * the reply names must already be there, with this command and this sender.
 */
async function ask(c: Class, p: Player, type: string, payload: object = {}): Promise<number> {
  await pace(p);
  const { version } = (await p.room.request(type, payload)) as { version: number };
  const entry = readLog(dataDir, c.session.code).entries.find((e) => e.version === version);
  const actor: Actor =
    p.welcome.role === 'teacher' ? { kind: 'teacher' } : { kind: 'member', memberId: idOf(p) };
  expect(entry, `${type} (version ${version}) is not in the log`).toMatchObject({
    actor,
    command: { type, ...payload },
  });
  return version;
}
async function refused(c: Class, p: Player, type: string, payload: object = {}): Promise<Refusal> {
  const before = readLog(dataDir, c.session.code).entries.length;
  await pace(p);
  const refusal = await refusalOf(p.room.request(type, payload));
  expect(readLog(dataDir, c.session.code).entries.length, `refused ${type} was logged`).toBe(before);
  return refusal;
}

async function malformed(c: Class, p: Player, type: string, payload: object): Promise<string> {
  const before = readLog(dataDir, c.session.code).entries.length;
  await pace(p);
  const error = await failureOf(p.room.request(type, payload));
  expect(error.name).not.toBe('rejected');
  expect(readLog(dataDir, c.session.code).entries.length, `malformed ${type} was logged`).toBe(before);
  return error.message;
}

/** A teacher and three students, one at each delegation, each join checked against the log at once. */
async function seatedClass(settings?: SettingsPatch): Promise<Class> {
  const session = await h.createSession(settings);
  const c = { session } as Class;
  c.teacher = await h.joinTeacher(session);
  c.students = {} as Record<Delegation, Player>;
  for (const d of DELEGATIONS) {
    const p = await h.joinStudent(session, `Head ${d}`);
    // The student's arrival is logged before the welcome reaches the tab, with the hash of its seat key only.
    const key = p.welcome.memberKey;
    expect(key).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    const joined = readLog(dataDir, session.code).entries.find(
      (e) => e.command.type === 'joinSession' && e.command.nickname === `Head ${d}`,
    );
    expect(joined?.command).toEqual({
      type: 'joinSession',
      nickname: `Head ${d}`,
      keyHash: hashSecret(key ?? ''),
    });
    expect(JSON.stringify(readLog(dataDir, session.code).entries)).not.toContain(key);
    expect(foldOf(session.code).members[idOf(p)]?.nickname).toBe(`Head ${d}`);
    c.students[d] = p;
    await ask(c, p, 'chooseSeat', { seat: d });
  }
  return c;
}

const STRATEGY: Record<Delegation, Strategy> = { us: balanced, china: negotiate, russia: escalate };
/** Orders a delegation can afford now, computed from the world the log folds to. */
const ordersFor = (c: Class, d: Delegation) => {
  const w = foldOf(c.session.code).world;
  if (!w) throw new Error('no world yet');
  return affordable(w, d, STRATEGY[d](w, d));
};
async function advanceTo(c: Class, phase: string) {
  while (foldOf(c.session.code).phase !== phase) await ask(c, c.teacher, 'advancePhase', seenBy(c.teacher));
}
/** One round: notes and orders at each desk, confirmed by two of the three, then resolved. */
async function playRound(c: Class) {
  await advanceTo(c, 'negotiation');
  await ask(c, c.students.us, 'editDraft', { text: `Round ${foldOf(c.session.code).round}: call Beijing.` });
  await advanceTo(c, 'orders');
  for (const d of DELEGATIONS) {
    await ask(c, c.students[d], 'setOrders', { orders: ordersFor(c, d) });
    if (d !== 'russia') await ask(c, c.students[d], 'submitOrders');
  }
  await advanceTo(c, 'resolution');
}

async function api<T = unknown>(
  path: string,
  { method = 'GET', key, body }: { method?: string; key?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (key !== undefined) headers['x-paros-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await h.http(`/api/replays${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: res.body as T };
}

describe('the log of a live session', () => {
  let c: Class;
  beforeAll(async () => {
    c = await seatedClass({ timersOn: false });
  });

  it('holds every accepted command before the sender hears back, and no refused one', async () => {
    await ask(c, c.teacher, 'lockTeams', { locked: true });
    expect(await refused(c, c.teacher, 'lockTeams', { locked: true })).toMatchObject({ code: 'nothingToDo' });
    expect(await refused(c, c.students.us, 'chooseSeat', { seat: 'china' })).toMatchObject({
      code: 'teamsLocked',
    });
    expect(await refused(c, c.students.us, 'submitOrders')).toMatchObject({ code: 'wrongPhase' });
    expect(await refused(c, c.students.us, 'startSession')).toMatchObject({ code: 'notAllowed' });
    expect(await refused(c, c.teacher, 'addBookmark', { note: 'Too early' })).toMatchObject({
      code: 'wrongStage',
    });
    // Refused by the message's schema, before the rules see it: nothing logged either.
    expect(await malformed(c, c.students.us, 'chooseSeat', { seat: 'mars' })).toContain('seat');
    expect(await malformed(c, c.teacher, 'addBookmark', { note: '   ' })).toContain(
      'Write a note for the bookmark.',
    );
    const projector = await h.joinProjector(c.session);
    expect(await refused(c, projector, 'advancePhase', seenBy(projector))).toEqual({
      code: 'notAllowed',
      message: 'The projector board only watches.',
    });

    await ask(c, c.teacher, 'startSession');
    await playRound(c);
    expect(await refused(c, c.students.china, 'setOrders', { orders: [] })).toMatchObject({
      code: 'wrongPhase',
    });

    const { entries } = readLog(dataDir, c.session.code);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    // Each entry raised the version by one, from the settings given at creation (version 1).
    expect(entries.map((e) => e.version)).toEqual(entries.map((_, i) => i + 2));
    await eventually(() => expect(c.teacher.room.state.version).toBe(entries.at(-1)?.version));
  });

  it('records a hash at each resolved round, and the whole file verifies after a few rounds', async () => {
    await playRound(c);
    await playRound(c);
    const { header, entries, hashes } = readLog(dataDir, c.session.code);
    expect(hashes.map((x) => x.round)).toEqual([1, 2, 3]);
    for (const rh of hashes) {
      const resolving = entries[rh.seq - 1];
      expect(resolving?.command.type).toBe('advancePhase');
      expect(stateHash(foldLog(header, entries.slice(0, rh.seq)).state)).toBe(rh.hash);
    }
    const check = verifyLog(header, entries, hashes);
    expect(check.problem).toBeUndefined();
    expect(check.rounds.every((r) => r.actual === r.expected)).toBe(true);
    expect(check.state?.round).toBe(3);
    expect(check.state?.phase).toBe('resolution');
    expect(readLog(dataDir, c.session.code).stage).toBe('playing');
  });

  it("logs the teacher's bookmarks as commands, at the moment they mark", async () => {
    const version = await ask(c, c.teacher, 'addBookmark', { note: 'Russia held back its orders' });
    const { header, entries, bookmarks } = readLog(dataDir, c.session.code);
    const entry = entries.find((e) => e.version === version);
    expect(entry).toMatchObject({
      actor: { kind: 'teacher' },
      command: { type: 'addBookmark', note: 'Russia held back its orders' },
    });
    const noted: { seq: number | undefined; note: string; round: number; phase: string }[] = [];
    foldLog(header, entries, (_s, e, events) => {
      for (const ev of events) if (ev.type === 'bookmarkAdded') noted.push({ seq: e?.seq, ...ev });
    });
    expect(noted).toEqual([
      {
        seq: entry?.seq,
        type: 'bookmarkAdded',
        note: 'Russia held back its orders',
        round: 3,
        phase: 'resolution',
      },
    ]);
    expect(bookmarks).toEqual([]); // the table holds the ones added later in the replay viewer

    // A bookmark added in the replay viewer goes to the table, at a moment of the log.
    const id = logIdOf(dataDir, c.session.code);
    const added = await api<{ id: number; seq: number; note: string }>(`/${id}/bookmarks`, {
      method: 'POST',
      key: c.session.hostSecret,
      body: { seq: 3, note: 'Everyone seated' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ seq: 3, note: 'Everyone seated' });
    const past = await api(`/${id}/bookmarks`, {
      method: 'POST',
      key: c.session.hostSecret,
      body: { seq: entries.length + 50, note: 'Later' },
    });
    expect(past).toEqual({ status: 400, body: { error: 'That moment is past the end of the log.' } });
    const empty = await api(`/${id}/bookmarks`, {
      method: 'POST',
      key: c.session.hostSecret,
      body: { seq: 1, note: ' ' },
    });
    expect(empty.status).toBe(400);
    const opened = await api<ReplayLog>(`/${id}`, { key: c.session.hostSecret });
    expect(opened.body.bookmarks).toMatchObject([{ seq: 3, note: 'Everyone seated' }]);
  });
  it('logs a seat taken back with the key the tab kept, and the desk shows again at once', async () => {
    const gone = c.students.us;
    const id = idOf(gone);
    gone.room.reconnection.enabled = false;
    await gone.room.leave(); // a closed tab: the seat waits as gone
    await eventually(() => expect(foldOf(c.session.code).members[id]?.status).toBe('gone'));
    const back = await h.join(c.session, {
      role: 'student',
      code: c.session.code,
      nickname: 'Someone else', // the key decides, not the nickname typed
      memberKey: gone.welcome.memberKey,
    });
    expect(back.welcome.memberId).toBe(id);
    const { entries } = readLog(dataDir, c.session.code);
    expect(entries.slice(-2).map((e) => [e.actor.kind, e.command])).toEqual([
      ['system', { type: 'memberGone', memberId: id }],
      ['system', { type: 'reclaimSeat', memberId: id }],
    ]);
    await eventually(() => {
      expect(back.room.state.members.get(id)).toMatchObject({ seat: 'us', status: 'connected' });
      expect(back.room.state.teams.get('us')?.draft).toBe(foldOf(c.session.code).teams.us.draft);
    });
    c.students.us = back;
  });
});

describe('the replay API', () => {
  let a: Class; // a session with a round played
  let b: Session; // another class's session, in its lobby
  let aId = '';
  let bId = '';
  beforeAll(async () => {
    a = await seatedClass();
    await ask(a, a.teacher, 'startSession');
    await playRound(a);
    await advanceTo(a, 'orders');
    await ask(a, a.students.china, 'setOrders', { orders: ordersFor(a, 'china') });
    b = await h.createSession({ scenarioId: 'one-period' });
    aId = logIdOf(dataDir, a.session.code);
    bId = logIdOf(dataDir, b.code);
  });

  it('lists every session for the instructor key only', async () => {
    for (const key of [undefined, '']) {
      expect(await api('/', { key })).toEqual({
        status: 403,
        body: { error: 'Listing every session needs the instructor key.' },
      });
    }
    // A wrong key is told apart from a missing one (and from a server without a key: replayKeys.test.ts).
    for (const key of ['not-the-key', a.session.hostSecret]) {
      expect(await api('/', { key })).toEqual({
        status: 403,
        body: {
          error: 'That is not the instructor key of this server: check it with whoever runs the server.',
        },
      });
    }
    const { status, body } = await api<ReplaySummary[]>('/', { key: INSTRUCTOR_KEY });
    expect(status).toBe(200);
    const ids = readdirSync(sessionsDir())
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => f.slice(0, -'.sqlite'.length));
    expect(body.map((s) => s.sessionId).sort()).toEqual(ids.sort());
    expect(body.find((s) => s.sessionId === aId)).toMatchObject({
      code: a.session.code,
      stage: 'playing',
      entries: readLog(dataDir, a.session.code).entries.length,
    });
    expect(body.find((s) => s.sessionId === aId)?.problem).toBeUndefined();
    expect(body.find((s) => s.sessionId === aId)?.forkedFrom).toBeUndefined();
    expect(body.find((s) => s.sessionId === bId)).toMatchObject({
      code: b.code,
      stage: 'lobby',
      scenarioId: 'one-period',
      entries: 0,
    });
  });

  it("opens a log with its host link or the instructor key, never with another's or a student's", async () => {
    const denied = {
      status: 403,
      body: { error: 'That key does not open this session: use its host link or the instructor key.' },
    };
    expect(await api(`/${aId}`)).toEqual(denied);
    expect(await api(`/${aId}`, { key: 'wrong' })).toEqual(denied);
    expect(await api(`/${aId}`, { key: b.hostSecret })).toEqual(denied);
    expect(await api(`/${aId}`, { key: a.students.us.welcome.memberKey })).toEqual(denied);
    expect(await api(`/${aId}`, { key: hashSecret(a.session.hostSecret) })).toEqual(denied);

    for (const key of [a.session.hostSecret, INSTRUCTOR_KEY]) {
      const { status, body } = await api<ReplayLog>(`/${aId}`, { key });
      expect(status).toBe(200);
      const file = readLog(dataDir, a.session.code);
      expect(body).toEqual(
        JSON.parse(JSON.stringify({ ...file, roundHashes: file.hashes, hashes: undefined })),
      );
      expect(verifyLog(body.header, body.entries, body.roundHashes).problem).toBeUndefined();
    }
    expect(await api(`/s-NOSUCH-1`, { key: INSTRUCTOR_KEY })).toEqual({
      status: 404,
      body: { error: 'There is no session s-NOSUCH-1.' },
    });
    expect((await api(`/not..an..id`, { key: INSTRUCTOR_KEY })).status).toBe(404);
  });

  it("finds a teacher's sessions by join code and host link", async () => {
    const found = await api<ReplaySummary[]>('/find', {
      method: 'POST',
      body: { code: a.session.code.toLowerCase(), hostSecret: a.session.hostSecret },
    });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject([{ sessionId: aId, code: a.session.code, stage: 'playing' }]);
    const wrong = await api('/find', {
      method: 'POST',
      body: { code: a.session.code, hostSecret: b.hostSecret },
    });
    expect(wrong).toEqual({ status: 403, body: { error: 'No session matches that code and host link.' } });
    const bad = await api<{ error: string }>('/find', { method: 'POST', body: { code: a.session.code } });
    expect(bad.status).toBe(400);
  });

  it('forks at an entry: a new code that works, the state of that moment, the original class gone', async () => {
    const original = readLog(dataDir, a.session.code);
    // A moment in round 2's orders phase, before China's new orders.
    const seq = (original.entries.findLast((e) => e.command.type === 'setOrders')?.seq ?? 0) - 1;
    expect(seq).toBeGreaterThan(10);
    expect((await api(`/${aId}/fork`, { method: 'POST', key: b.hostSecret, body: { seq } })).status).toBe(
      403,
    );
    const fork = await api<CreateSessionResponse>(`/${aId}/fork`, {
      method: 'POST',
      key: a.session.hostSecret,
      body: { seq },
    });
    expect(fork.status).toBe(201);
    expect(fork.body.code).not.toBe(a.session.code);

    // The new code finds a live room, which its own host link opens.
    const found = await h.http(`/api/sessions/${fork.body.code}`);
    expect(found).toMatchObject({
      status: 200,
      body: { roomId: fork.body.roomId, stage: 'playing' } satisfies FindSessionResponse,
    });
    const forked = readLog(dataDir, fork.body.code);
    expect(forked.header).toMatchObject({
      code: fork.body.code,
      seed: original.header.seed,
      forkedFrom: { sessionId: aId, seq },
    });
    expect(forked.entries.slice(0, seq)).toEqual(original.entries.slice(0, seq));
    expect(forked.stage).toBe('playing');

    const then = foldLog(original.header, original.entries.slice(0, seq)).state as SessionModel;
    const now = foldLog(forked.header, forked.entries).state as SessionModel;
    const members = Object.values(then.members);
    // Changed by issue 2.3/7: the fork then pauses its phase timer, for the teacher to resume.
    expect(then.settings.timersOn && !then.timerPaused).toBe(true);
    expect(forked.entries.slice(seq).map((e) => e.command)).toEqual([
      ...members.map((m) => ({ type: 'memberGone', memberId: m.id })),
      { type: 'pauseTimer' },
    ]);
    expect(now.members).toEqual(Object.fromEntries(members.map((m) => [m.id, { ...m, status: 'gone' }])));
    expect(now.version).toBe(then.version + members.length + 1);
    expect(now.timerPaused).toBe(true);
    const apart = (s: SessionModel) => ({ ...s, version: 0, code: '', members: {}, timerPaused: false });
    expect(apart(now)).toEqual(apart(then));
    expect(now.world).toEqual(then.world);

    const teacher = await h.joinTeacher({ ...fork.body });
    expect(teacher.room.state).toMatchObject({
      code: fork.body.code,
      stage: 'playing',
      round: 2,
      phase: 'orders',
      timerPaused: true,
      phaseEndsAt: 0, // no timer runs while nobody is in the fork
    });
    expect(teacher.room.state.phaseRemainingMs).toBeGreaterThan(0);
    await pace(teacher);
    await teacher.room.request('resumeTimer', {});
    await eventually(() => expect(teacher.room.state.phaseEndsAt).toBeGreaterThan(0));
    expect(teacher.room.state.timerPaused).toBe(false);
    // A newcomer sits in a seat the original class left, handed on by the teacher.
    const newcomer = await h.joinStudent(fork.body, 'Newcomer');
    await pace(teacher);
    await teacher.room.request('restoreSeat', {
      memberId: idOf(newcomer),
      formerMemberId: idOf(a.students.us),
    });
    await eventually(() => expect(newcomer.room.state.members.get(idOf(newcomer))?.seat).toBe('us'));
    expect(await api(`/${logIdOf(dataDir, fork.body.code)}`, { key: a.session.hostSecret })).toMatchObject({
      status: 403,
    });
    expect((await api(`/${logIdOf(dataDir, fork.body.code)}`, { key: fork.body.hostSecret })).status).toBe(
      200,
    );
    // The original goes on as it was.
    expect(readLog(dataDir, a.session.code).entries).toEqual(original.entries);
  });

  it('forks a session created with settings of its own, on the settings and content it began with', async () => {
    const lobby = await api<CreateSessionResponse>(`/${bId}/fork`, {
      method: 'POST',
      key: b.hostSecret,
      body: { seq: 0 },
    });
    expect(lobby.status).toBe(201);
    expect(foldOf(lobby.body.code).settings).toEqual(foldOf(b.code).settings);

    const own = await seatedClass({ scenarioId: 'one-period', timersOn: false, maxPerDelegation: 4 });
    await ask(own, own.teacher, 'startSession');
    await advanceTo(own, 'orders');
    await ask(own, own.students.us, 'setOrders', { orders: ordersFor(own, 'us') });
    const original = readLog(dataDir, own.session.code);
    const seq = original.entries.length;
    const fork = await api<CreateSessionResponse>(`/${logIdOf(dataDir, own.session.code)}/fork`, {
      method: 'POST',
      key: own.session.hostSecret,
      body: { seq },
    });
    expect(fork.status).toBe(201);
    const forked = readLog(dataDir, fork.body.code);
    expect(forked.header.settings).toEqual(original.header.settings);
    expect(forked.header.content).toEqual(original.header.content);
    const then = foldOf(own.session.code);
    const now = foldOf(fork.body.code);
    expect(now.settings).toEqual(then.settings);
    expect(now.world).toEqual(then.world);
    expect(now.teams).toEqual(then.teams);
    expect(Object.values(now.members).map((m) => m.status)).toEqual(['gone', 'gone', 'gone']);
  });

  it('starts a fork with its timer paused, waiting for its teacher (it used to run with nobody in it)', async () => {
    const timed = await seatedClass({ timersOn: true });
    await ask(timed, timed.teacher, 'startSession');
    const id = logIdOf(dataDir, timed.session.code);
    const seq = readLog(dataDir, timed.session.code).entries.length;
    const fork = await api<CreateSessionResponse>(`/${id}/fork`, {
      method: 'POST',
      key: timed.session.hostSecret,
      body: { seq },
    });
    expect(fork.status).toBe(201);
    const entries = readLog(dataDir, fork.body.code).entries;
    expect(entries.at(-1)).toMatchObject({ actor: { kind: 'teacher' }, command: { type: 'pauseTimer' } });
    const teacher = await h.joinTeacher({ ...fork.body });
    expect(teacher.room.state).toMatchObject({ stage: 'playing', timerPaused: true, phaseEndsAt: 0 });
    expect(teacher.room.state.phaseRemainingMs).toBeGreaterThan(0);
  });

  it('refuses a fork past the end of the log, or after the session ended, and leaves no log behind', async () => {
    const ended = await seatedClass({ timersOn: false });
    await ask(ended, ended.teacher, 'startSession');
    await ask(ended, ended.teacher, 'endSession', seenBy(ended.teacher));
    const id = logIdOf(dataDir, ended.session.code);
    const last = readLog(dataDir, ended.session.code).entries.length;
    const files = readdirSync(sessionsDir()).sort();
    const after = await api<{ error: string }>(`/${id}/fork`, {
      method: 'POST',
      key: ended.session.hostSecret,
      body: { seq: last },
    });
    expect(after).toEqual({ status: 400, body: { error: 'That moment is after the end of the session.' } });
    const past = await api<{ error: string }>(`/${aId}/fork`, {
      method: 'POST',
      key: a.session.hostSecret,
      body: { seq: readLog(dataDir, a.session.code).entries.length + 1 },
    });
    expect(past).toEqual({ status: 400, body: { error: 'That moment is past the end of the log.' } });
    expect(readdirSync(sessionsDir()).sort()).toEqual(files);
  });

  it('deletes a session: its live room closes, its files go, its code finds nothing', async () => {
    const doomed = await seatedClass();
    const id = logIdOf(dataDir, doomed.session.code);
    const file = join(sessionsDir(), `${id}.sqlite`);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect((await api(`/${id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await api(`/${id}`, { method: 'DELETE', key: b.hostSecret })).status).toBe(403);
    expect(existsSync(file)).toBe(true);

    const left = withTimeout(
      new Promise<number>((resolve) => doomed.teacher.room.onLeave((code) => resolve(code))),
      3000,
      'the teacher to be disconnected',
    );
    doomed.teacher.room.reconnection.enabled = false;
    for (const p of Object.values(doomed.students)) p.room.reconnection.enabled = false;
    // A live session is deleted only when the request says it knows (the list asks the user to confirm).
    const warned = await api<{ error: string; live: boolean }>(`/${id}`, {
      method: 'DELETE',
      key: doomed.session.hostSecret,
    });
    expect(warned.status).toBe(409);
    expect(warned.body.live).toBe(true);
    expect(warned.body.error).toMatch(
      /^This session is live \(\d+ screens are connected now\)\. Deleting it/,
    );
    expect(existsSync(file)).toBe(true);
    expect(await api(`/${id}?force=live`, { method: 'DELETE', key: doomed.session.hostSecret })).toEqual({
      status: 204,
      body: '',
    });
    // Its tabs are told it was deleted: a close code of its own, not one they would reconnect after.
    expect(await left).toBe(CLOSE_DELETED);
    expect(matchMaker.getLocalRoomById(doomed.session.roomId)).toBeUndefined();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(existsSync(f), f).toBe(false);
    expect((await h.http(`/api/sessions/${doomed.session.code}`)).status).toBe(404);
    expect(
      (
        await api('/find', {
          method: 'POST',
          body: { code: doomed.session.code, hostSecret: doomed.session.hostSecret },
        })
      ).status,
    ).toBe(403);
    expect((await api(`/${id}`, { key: INSTRUCTOR_KEY })).status).toBe(404);
    const list = await api<ReplaySummary[]>('/', { key: INSTRUCTOR_KEY });
    expect(list.body.map((s) => s.sessionId)).not.toContain(id);
  });

  it('lists a log that reads but does not fold as damaged, with the reason, not as playing', async () => {
    // A copy of a live session's log in which one entry says another state version: it opens, but cannot be
    // replayed (once listed as "playing").
    const { header, entries } = readLog(dataDir, a.session.code);
    const badId = 's-NOFOLD-1';
    const bad = SessionLog.create(sessionsDir(), { ...header, sessionId: badId }, 'f'.repeat(64));
    const broken = entries.map((e, i) => (i === 2 ? { ...e, version: e.version + 5 } : e));
    bad.appendAll(broken);
    bad.setStage('playing');
    bad.close();
    const list = await api<ReplaySummary[]>('/', { key: INSTRUCTOR_KEY });
    const listed = list.body.find((s) => s.sessionId === badId);
    expect(listed).toMatchObject({ stage: 'damaged', code: header.code });
    expect(listed?.problem).toBe(
      `The log cannot be replayed: entry 3 gives state version ${broken[2]?.version ? broken[2].version - 5 : 0}, the log says ${broken[2]?.version}.`,
    );
    // The live session it was copied from is listed as it is.
    expect(list.body.find((s) => s.sessionId === header.sessionId)?.stage).toBe('playing');
    expect((await api(`/${badId}`, { method: 'DELETE', key: INSTRUCTOR_KEY })).status).toBe(204);
  });

  it('lists a damaged log as damaged, and every other log still opens', async () => {
    const damagedId = 's-DAMAGE-1';
    writeFileSync(join(sessionsDir(), `${damagedId}.sqlite`), 'This is not a session log. '.repeat(300));
    const list = await api<ReplaySummary[]>('/', { key: INSTRUCTOR_KEY });
    expect(list.status).toBe(200);
    const damaged = list.body.find((s) => s.sessionId === damagedId);
    expect(damaged).toMatchObject({ stage: 'damaged', entries: 0 });
    expect(damaged?.problem).toMatch(/^The log .*s-DAMAGE-1\.sqlite cannot be read: file is not a database$/);
    for (const s of list.body.filter((x) => x.sessionId !== damagedId)) {
      expect(s.stage, s.sessionId).not.toBe('damaged');
      expect((await api(`/${s.sessionId}`, { key: INSTRUCTOR_KEY })).status, s.sessionId).toBe(200);
    }
    const opened = await api<{ error: string }>(`/${damagedId}`, { key: INSTRUCTOR_KEY });
    expect(opened.status).toBe(500);
    expect(opened.body.error).toContain('cannot be read: file is not a database');
    // Still a live session of the original class, still played on.
    await ask(a, a.students.china, 'submitOrders');
    // The instructor can clear it away; a host link cannot be checked against a file that cannot be read.
    expect((await api(`/${damagedId}`, { method: 'DELETE', key: a.session.hostSecret })).status).toBe(500);
    expect((await api(`/${damagedId}`, { method: 'DELETE', key: INSTRUCTOR_KEY })).status).toBe(204);
    expect(existsSync(join(sessionsDir(), `${damagedId}.sqlite`))).toBe(false);
  });
});
