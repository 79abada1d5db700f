/**
 * The log store's contract, run against both stores: SQLite files in a temporary folder (the default) and a
 * throwaway PostgreSQL (DATABASE_URL's store). Entries come back as appended, a seq is never written twice (not
 * even by a second connection, as a second process would have), several entries go in all or none, the stage,
 * round hashes and bookmarks are kept, sessions are listed, found unfinished and deleted, and a log whose
 * header cannot be read is refused alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogStore } from '../../../server/log/SessionLog.ts';
import { PostgresLogs } from '../../../server/log/postgres/PostgresLogs.ts';
import { LogError, type SessionLogs } from '../../../server/log/store.ts';
import { type LogEntry, type LogHeader, RULES_VERSION } from '../../../shared/session/log.ts';
import { missingServices, type Postgres, startPostgres } from './services.ts';

const missing = missingServices();
if (missing) console.warn(`tests/server/scale/logStores.test.ts: PostgreSQL store ${missing}`);

let pg: Postgres | undefined;
let dir = '';
const opened: { close(): unknown }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paros-stores-'));
  if (!missing) pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const s of opened) await s.close();
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let made = 0;
const headerFor = (code: string): LogHeader => ({
  sessionId: `s-${code}-${(1_790_000_000_000 + ++made).toString(36)}`,
  code,
  seed: 77,
  createdAt: 1_790_000_000_000 + made,
  rulesVersion: RULES_VERSION,
  settings: undefined,
  content: { scenarios: [], cards: [] },
  forkedFrom: undefined,
});

const entry = (seq: number): LogEntry => ({
  seq,
  at: 1_790_000_000_000 + seq,
  actor: seq % 2 ? { kind: 'member', memberId: 'm1' } : { kind: 'teacher' },
  command:
    seq % 2
      ? {
          type: 'setOrders',
          orders: [{ kind: 'statement', stance: 'restraint', text: `« ${seq} » ünïcode` }],
        }
      : { type: 'advancePhase' },
  version: seq + 1,
});

const kinds: { name: string; make: () => SessionLogs | undefined }[] = [
  { name: 'SQLite files', make: () => new LogStore(join(dir, `sqlite-${++made}`)) },
  {
    name: 'PostgreSQL',
    make: () => {
      if (!pg) return undefined;
      const store = new PostgresLogs(pg.url);
      opened.push(store);
      return store;
    },
  },
];

describe.each(kinds)('the $name log store', ({ name, make }) => {
  const skip = name === 'PostgreSQL' && missing !== '';
  // Two handles on one store: for SQLite two connections to one folder, for PostgreSQL two pools (two processes).
  const pair = (): [SessionLogs, SessionLogs] => {
    const a = make() as SessionLogs;
    if (a instanceof LogStore) return [a, new LogStore(a.dir)];
    return [a, make() as SessionLogs];
  };

  it.skipIf(skip)(
    'gives back the entries, header, stage and host secret hash as written, from another handle',
    () => {
      const [a, b] = pair();
      const header = headerFor('ABCDEF');
      const log = a.create(header, 'f'.repeat(64));
      log.append(entry(1));
      log.appendAll([entry(2), entry(3)]);
      log.setStage('playing');
      const again = b.open(header.sessionId);
      expect(again.header()).toEqual(header);
      expect(again.entries()).toEqual([entry(1), entry(2), entry(3)]);
      expect(again.lastSeq()).toBe(3);
      expect(again.status()).toEqual({ stage: 'playing', hostSecretHash: 'f'.repeat(64) });
      log.close();
      again.close();
    },
  );

  it.skipIf(skip)(
    'refuses a seq already written, from any handle, and a batch holding one writes nothing',
    () => {
      const [a, b] = pair();
      const header = headerFor('GHJKLM');
      const first = a.create(header, 'a'.repeat(64));
      first.append(entry(1));
      const second = b.open(header.sessionId);
      expect(() => second.append(entry(1))).toThrow();
      expect(() => second.appendAll([entry(2), entry(1)])).toThrow();
      expect(first.entries().map((e) => e.seq)).toEqual([1]);
      second.append(entry(2));
      expect(() => first.append(entry(2))).toThrow();
      expect(first.lastSeq()).toBe(2);
      expect(() => a.create(header, 'a'.repeat(64))).toThrow(LogError);
      first.close();
      second.close();
    },
  );

  it.skipIf(skip)('keeps round hashes (the last of a round wins) and bookmarks in order', () => {
    const [a] = pair();
    const header = headerFor('NPQRST');
    const log = a.create(header, 'b'.repeat(64));
    log.appendAll([entry(1), entry(2), entry(3)]);
    log.recordRoundHash(1, 2, 'h1');
    log.recordRoundHash(1, 3, 'h1b');
    log.recordRoundHash(2, 3, 'h2');
    const late = log.addBookmark(3, 5, 'the vote');
    const early = log.addBookmark(1, 6, 'the start');
    expect(log.roundHashes()).toEqual([
      { round: 1, seq: 3, hash: 'h1b' },
      { round: 2, seq: 3, hash: 'h2' },
    ]);
    expect(log.bookmarks()).toEqual([early, late]);
    expect(early.id).not.toBe(late.id);
    log.close();
  });

  it.skipIf(skip)('lists sessions, finds the unfinished ones, deletes one and says missing for it', () => {
    const [a] = pair();
    const running = headerFor('VWXYZA');
    const ended = headerFor('VWXYZB');
    a.create(running, 'c'.repeat(64)).close();
    const log = a.create(ended, 'c'.repeat(64));
    log.setStage('ended');
    log.close();
    expect(a.ids()).toEqual(expect.arrayContaining([running.sessionId, ended.sessionId]));
    expect(a.unfinished()).toContain(running.sessionId);
    expect(a.unfinished()).not.toContain(ended.sessionId);
    a.delete(running.sessionId);
    expect(a.ids()).not.toContain(running.sessionId);
    expect(() => a.open(running.sessionId)).toThrow(expect.objectContaining({ kind: 'missing' }));
    expect(() => a.open('not-a-session')).toThrow(expect.objectContaining({ kind: 'missing' }));
  });
});

describe('the PostgreSQL log store alone', () => {
  it.skipIf(missing !== '')('refuses a log whose header is damaged, and still opens the others', async () => {
    const store = new PostgresLogs((pg as Postgres).url);
    opened.push(store);
    const good = headerFor('BCDFGH');
    const bad = headerFor('BCDFGJ');
    store.create(good, 'd'.repeat(64)).close();
    store.create(bad, 'd'.repeat(64)).close();
    const pgModule = await import('pg');
    const client = new pgModule.default.Client({ connectionString: (pg as Postgres).url });
    await client.connect();
    await client.query(`UPDATE sessions SET header = '{"sessionId": "s-BCD' WHERE id = $1`, [bad.sessionId]);
    await client.end();
    expect(() => store.open(bad.sessionId)).toThrow(expect.objectContaining({ kind: 'damaged' }));
    expect(store.open(good.sessionId).header()).toEqual(good);
  });
});
