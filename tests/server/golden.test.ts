/**
 * The real server on a data folder holding golden logs (tests/fixtures/golden, recorded under earlier or
 * today's rules): it lists them with the rules they were played under, serves them to the replay viewer,
 * they verify, an unfinished one comes back as a live room that plays on under its own rules, and a what-if
 * fork keeps its origin's rules. A log of rules this server does not have is listed and refused in words.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CreateSessionResponse,
  FindSessionResponse,
  ReplayLog,
  ReplaySummary,
} from '../../shared/protocol/http.ts';
import { foldLog, RULES_VERSION, stateHash, verifyLog } from '../../shared/session/log.ts';
import { rulesLabel } from '../../shared/session/rulesVersions.ts';
import { GOLDEN_DIR, type RecordedLog, readRecorded } from '../fixtures/golden/goldenLogs.ts';
import { eventually, type Harness, seenBy, startHarness } from './harness.ts';
import { codeOfSessionId } from '../../shared/model/sessionId.ts';

const INSTRUCTOR_KEY = 'golden-test-instructor';
const FUTURE = 's-FUTURE-1'; // a copy of a golden log, said to be played under rules this server lacks
const sqlite = readRecorded().logs.filter((r) => r.file.endsWith('.sqlite'));
const ended = sqlite.find((r) => r.stage === 'ended') as RecordedLog;
const unfinished = sqlite.find((r) => r.stage === 'playing') as RecordedLog;
let h: Harness;
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paros-golden-'));
  const sessions = join(dataDir, 'sessions');
  mkdirSync(sessions);
  // Copies: the server opens logs for writing (WAL, migrations, restored rooms append), never the fixtures.
  for (const r of sqlite) copyFileSync(join(GOLDEN_DIR, r.file), join(sessions, `${r.sessionId}.sqlite`));
  copyFileSync(join(GOLDEN_DIR, unfinished.file), join(sessions, `${FUTURE}.sqlite`));
  const db = new DatabaseSync(join(sessions, `${FUTURE}.sqlite`));
  const header = JSON.parse((db.prepare('SELECT json FROM header').get() as { json: string }).json);
  const future = { ...header, sessionId: FUTURE, code: 'FUTURE', rulesVersion: RULES_VERSION + 1 };
  db.prepare('UPDATE header SET json = ?').run(JSON.stringify(future));
  db.close();
  h = await startHarness({ dataDir, instructorKey: INSTRUCTOR_KEY });
});
afterAll(async () => {
  await h?.leaveAll();
  await h?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function api<T>(path: string, key: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await h.http(`/api/replays${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-paros-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: res.body as T };
}
const v1 = { version: 1, label: rulesLabel(1), known: true };

describe('golden logs on the real server', () => {
  it('are listed with the rules they were played under', async () => {
    const { status, body } = await api<ReplaySummary[]>('/', INSTRUCTOR_KEY);
    expect(status).toBe(200);
    for (const r of sqlite) {
      expect(body.find((s) => s.sessionId === r.sessionId)).toMatchObject({
        stage: r.stage,
        rules: { version: r.rulesVersion, label: rulesLabel(r.rulesVersion), known: true },
      });
      expect(body.find((s) => s.sessionId === r.sessionId)?.problem).toBeUndefined();
    }
    expect(body.find((s) => s.sessionId === ended.sessionId)?.rules).toEqual(v1);
    expect(body.find((s) => s.sessionId === ended.sessionId)?.entries).toBe(ended.entries);
  });

  it('open through the replay API with their host link, and fold to the state the live room held', async () => {
    for (const r of sqlite) {
      const { status, body } = await api<ReplayLog>(`/${r.sessionId}`, r.hostSecret);
      expect(status, r.file).toBe(200);
      expect(body.header.rulesVersion).toBe(r.rulesVersion);
      const check = verifyLog(body.header, body.entries, body.roundHashes);
      expect(check.problem, r.file).toBeUndefined();
      expect(check.rounds).toHaveLength(r.rounds);
      const played = foldLog(body.header, body.entries.slice(0, r.entries));
      expect(stateHash(played.state), r.file).toBe(r.finalHash);
    }
    const marked = await api<ReplayLog>(`/${ended.sessionId}`, ended.hostSecret);
    expect(marked.body.bookmarks).toMatchObject([{ note: 'Where the what-if starts' }]);
  });

  it('come back as a live room when unfinished, and play on under their own rules', async () => {
    const code = codeOfSessionId(unfinished.sessionId);
    const found = await h.http(`/api/sessions/${code}`);
    expect(found.status).toBe(200);
    const { roomId } = found.body as FindSessionResponse;
    const teacher = await h.joinTeacher({ code, hostSecret: unfinished.hostSecret, roomId });
    const phase = teacher.room.state.phase;
    const seen = seenBy(teacher);
    await teacher.room.request('advancePhase', seen);
    await eventually(() => expect(teacher.room.state.phase).not.toBe(phase));
    const { body } = await api<ReplayLog>(`/${unfinished.sessionId}`, unfinished.hostSecret);
    expect(body.entries.length).toBeGreaterThan(unfinished.entries);
    expect(body.entries.at(-1)?.command).toEqual({ type: 'advancePhase', ...seen });
    expect(verifyLog(body.header, body.entries, body.roundHashes).problem).toBeUndefined();
    expect(foldLog(body.header, body.entries).state?.phase).toBe(teacher.room.state.phase);
  });

  it('fork into a what-if that keeps, and says, the rules of its origin', async () => {
    const { body: original } = await api<ReplayLog>(`/${ended.sessionId}`, ended.hostSecret);
    const seq = original.entries.findLast((e) => e.command.type === 'setOrders')?.seq as number;
    const fork = await api<CreateSessionResponse & { rules: typeof v1 }>(
      `/${ended.sessionId}/fork`,
      ended.hostSecret,
      { seq },
    );
    expect(fork.status).toBe(201);
    expect(fork.body.rules).toEqual(v1);
    const list = await api<ReplaySummary[]>('/', INSTRUCTOR_KEY);
    const listed = list.body.find((s) => s.forkedFrom?.sessionId === ended.sessionId) as ReplaySummary;
    expect(listed).toMatchObject({ code: fork.body.code, rules: v1, forkedFrom: { seq } });
    const forked = await api<ReplayLog>(`/${listed.sessionId}`, fork.body.hostSecret);
    expect(forked.body.header.rulesVersion).toBe(original.header.rulesVersion);
    expect(forked.body.entries.slice(0, seq)).toEqual(original.entries.slice(0, seq));
    // The same moment, under the same rules: only the join code differs.
    const then = foldLog(original.header, original.entries.slice(0, seq)).state;
    const now = foldLog(forked.body.header, forked.body.entries.slice(0, seq)).state;
    expect(now?.world).toEqual(then?.world);
    expect(stateHash({ ...now, code: '' })).toBe(stateHash({ ...then, code: '' }));
  });
});

describe('a log of rules this server does not have', () => {
  const message = `This session was played under rules version ${RULES_VERSION + 1}, which this server does not know`;

  it('is listed as such, left unrestored, and refused for a fork in plain words', async () => {
    const list = await api<ReplaySummary[]>('/', INSTRUCTOR_KEY);
    expect(list.body.find((s) => s.sessionId === FUTURE)).toMatchObject({
      stage: 'playing',
      rules: {
        version: RULES_VERSION + 1,
        label: `rules version ${RULES_VERSION + 1}, unknown to this server`,
        known: false,
      },
    });
    expect((await h.http('/api/sessions/FUTURE')).status).toBe(404);
    // The log itself is served (it is the school's data); folding it says why it cannot be replayed here.
    const opened = await api<ReplayLog>(`/${FUTURE}`, INSTRUCTOR_KEY);
    expect(opened.status).toBe(200);
    expect(verifyLog(opened.body.header, opened.body.entries, []).problem).toEqual({ seq: 0, message });
    const fork = await api(`/${FUTURE}/fork`, INSTRUCTOR_KEY, { seq: 3 });
    expect(fork).toEqual({ status: 400, body: { error: message } });
  });
});
