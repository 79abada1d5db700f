/**
 * `npm run logs:migrate` as a real process, from a data folder of SQLite logs into a real PostgreSQL: the golden
 * logs (finished and unfinished, earlier and today's rules) arrive whole, each as the SQLite file holds it; a log
 * an interrupted run left half-copied is completed; a damaged file and a log that does not verify are refused
 * alone while the rest go on; a second run writes nothing and says so.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresLogs } from '../../../server/log/postgres/PostgresLogs.ts';
import { LogStore } from '../../../server/log/SessionLog.ts';
import type { OpenLog } from '../../../server/log/store.ts';
import { GOLDEN_DIR, readRecorded } from '../../fixtures/golden/goldenLogs.ts';
import { missingServices, type Postgres, startPostgres } from './services.ts';

const missing = missingServices();
if (missing) console.warn(`tests/server/scale/migrate.test.ts: ${missing}`);

const golden = readRecorded().logs.filter((r) => r.file.endsWith('.sqlite'));
const DAMAGED = 's-DAMAGE-1';
const ALTERED = 's-ALTER-1'; // a golden log with a round hash that its entries do not fold to
const HALF = golden[0]?.sessionId as string; // in the database by half before the first run

let pg: Postgres | undefined;
let store: PostgresLogs | undefined;
let dataDir = '';
let sqlite: LogStore;

beforeAll(async () => {
  if (missing) return;
  pg = await startPostgres();
  store = new PostgresLogs(pg.url);
  dataDir = mkdtempSync(join(tmpdir(), 'paros-migrate-'));
  const sessions = join(dataDir, 'sessions');
  mkdirSync(sessions);
  for (const r of golden) copyFileSync(join(GOLDEN_DIR, r.file), join(sessions, `${r.sessionId}.sqlite`));
  writeFileSync(join(sessions, `${DAMAGED}.sqlite`), 'not a database, whatever its name says');
  const ended = golden.find((r) => r.stage === 'ended');
  copyFileSync(join(GOLDEN_DIR, ended?.file as string), join(sessions, `${ALTERED}.sqlite`));
  const db = new DatabaseSync(join(sessions, `${ALTERED}.sqlite`));
  const header = JSON.parse((db.prepare('SELECT json FROM header').get() as { json: string }).json);
  db.prepare('UPDATE header SET json = ?').run(
    JSON.stringify({ ...header, sessionId: ALTERED, code: 'ALTER' }),
  );
  db.prepare('UPDATE round_hashes SET hash = ? WHERE round = 1').run('0'.repeat(64));
  db.close();
  sqlite = new LogStore(sessions);
  // An interrupted earlier run: the header and half the entries of one log.
  const source = sqlite.open(HALF);
  const half = store.create(source.header(), source.status().hostSecretHash);
  const entries = source.entries();
  half.appendAll(entries.slice(0, Math.floor(entries.length / 2)));
  source.close();
}, 60_000);
afterAll(async () => {
  await store?.close();
  await pg?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function migrate(env: Record<string, string | undefined>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/log/migrateCli.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.stderr.on('data', (c) => {
      out += c;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Everything a log holds, in one comparable value. */
const contents = (log: OpenLog) => {
  const value = {
    header: log.header(),
    entries: log.entries().map((e) => ({ ...e })),
    hashes: log.roundHashes().map(({ round, seq, hash }) => ({ round, seq, hash })),
    bookmarks: log.bookmarks().map(({ seq, at, note }) => ({ seq, at, note })),
    status: log.status(),
  };
  log.close();
  return value;
};

describe.skipIf(missing !== '')('npm run logs:migrate', () => {
  it('without DATABASE_URL, says what to set and exits 2', async () => {
    const run = await migrate({ DATABASE_URL: '' });
    expect(run.code).toBe(2);
    expect(run.out.trim()).toBe(
      'Set DATABASE_URL to the PostgreSQL the logs go to (postgres://user:password@host/database).',
    );
  });

  it('copies every log that verifies, completes a half-copied one, refuses the damaged ones alone', async () => {
    const run = await migrate({ DATABASE_URL: pg?.url });
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${HALF}: completed (part of it was already there)`);
    for (const r of golden.filter((g) => g.sessionId !== HALF))
      expect(run.out).toContain(`${r.sessionId}: copied`);
    expect(run.out).toMatch(new RegExp(`${DAMAGED}: REFUSED: .+`));
    expect(run.out).toMatch(
      new RegExp(`${ALTERED}: REFUSED: it does not verify at entry \\d+: round 1 folds to`),
    );
    expect(run.out).toContain(
      `${golden.length + 2} logs: ${golden.length - 1} copied, 1 completed, 0 already there, 2 refused.`,
    );
    const db = store as PostgresLogs;
    expect(db.ids().sort()).toEqual(golden.map((g) => g.sessionId).sort());
    for (const r of golden)
      expect(contents(db.open(r.sessionId))).toEqual(contents(sqlite.open(r.sessionId)));
    expect(db.unfinished().sort()).toEqual(
      sqlite
        .unfinished()
        .filter((id) => id !== DAMAGED && id !== ALTERED)
        .sort(),
    );
  });

  it('a second run writes nothing', async () => {
    const before = (store as PostgresLogs).ids().map((id) => contents((store as PostgresLogs).open(id)));
    const run = await migrate({ DATABASE_URL: pg?.url });
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      `${golden.length + 2} logs: 0 copied, 0 completed, ${golden.length} already there, 2 refused.`,
    );
    expect((store as PostgresLogs).ids().map((id) => contents((store as PostgresLogs).open(id)))).toEqual(
      before,
    );
  });
});
