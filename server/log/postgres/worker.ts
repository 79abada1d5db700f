/**
 * The PostgreSQL side of the log store, in a worker thread: the main thread blocks on each call (see
 * syncClient.ts), so the room's append stays synchronous and durable before the reply, as with SQLite.
 * Each request is `{ id, op, args }`; each answer `{ id, ok, result }` or `{ id, ok: false, message, code }`,
 * posted on the port before the shared answer count is raised.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { MIGRATION_LOCK, MIGRATIONS } from './migrations.ts';

interface Setup {
  url: string;
  port: MessagePort;
  flag: Int32Array;
}

interface EntryRow {
  seq: number;
  at: number;
  actor: string;
  command: string;
  version: number;
}

const { url, port, flag } = workerData as Setup;
// One connection is enough: the main thread waits for each answer before it asks again.
const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
pool.on('error', () => undefined); // an idle connection dropped by the server: the next query opens another
// BIGINT (8) as a number: times in ms and bookmark ids fit in a double.
pg.types.setTypeParser(20, (v: string) => Number(v));

let migrated: Promise<void> | undefined;

async function migrate(): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS paros_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM paros_schema');
    if (rows.length === 0) await client.query('INSERT INTO paros_schema (version) VALUES (0)');
    for (let i = rows[0]?.version ?? 0; i < MIGRATIONS.length; i++) {
      await client.query(MIGRATIONS[i] as string);
      await client.query('UPDATE paros_schema SET version = $1', [i + 1]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

const ops: Record<string, (...args: never[]) => Promise<unknown>> = {
  async ping() {
    await pool.query('SELECT 1');
    return true;
  },
  async create(id: string, code: string, createdAt: number, header: string, hostSecretHash: string) {
    await pool.query(
      `INSERT INTO sessions (id, code, created_at, header, stage, host_secret_hash) VALUES ($1, $2, $3, $4, 'lobby', $5)`,
      [id, code, createdAt, header, hostSecretHash],
    );
    return true;
  },
  async open(id: string) {
    const { rows } = await pool.query('SELECT header, stage, host_secret_hash FROM sessions WHERE id = $1', [
      id,
    ]);
    return rows[0];
  },
  async status(id: string) {
    const { rows } = await pool.query('SELECT stage, host_secret_hash FROM sessions WHERE id = $1', [id]);
    return rows[0];
  },
  async setStage(id: string, stage: string) {
    await pool.query('UPDATE sessions SET stage = $2 WHERE id = $1', [id, stage]);
    return true;
  },
  /** One statement, so all the entries are written or none; committed (fsynced) before the answer. */
  async appendAll(id: string, entries: EntryRow[]) {
    await pool.query(
      `INSERT INTO entries (session_id, seq, at, actor, command, version)
       SELECT $1, * FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[], $6::int[])`,
      [
        id,
        entries.map((e) => e.seq),
        entries.map((e) => e.at),
        entries.map((e) => e.actor),
        entries.map((e) => e.command),
        entries.map((e) => e.version),
      ],
    );
    return true;
  },
  async entries(id: string) {
    const { rows } = await pool.query(
      'SELECT seq, at, actor, command, version FROM entries WHERE session_id = $1 ORDER BY seq',
      [id],
    );
    return rows;
  },
  async lastSeq(id: string) {
    const { rows } = await pool.query('SELECT MAX(seq) AS seq FROM entries WHERE session_id = $1', [id]);
    return rows[0]?.seq ?? 0;
  },
  async recordRoundHash(id: string, round: number, seq: number, hash: string) {
    await pool.query(
      `INSERT INTO round_hashes (session_id, round, seq, hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, round) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
      [id, round, seq, hash],
    );
    return true;
  },
  async roundHashes(id: string) {
    const { rows } = await pool.query(
      'SELECT round, seq, hash FROM round_hashes WHERE session_id = $1 ORDER BY round',
      [id],
    );
    return rows;
  },
  async addBookmark(id: string, seq: number, at: number, note: string) {
    const { rows } = await pool.query(
      'INSERT INTO bookmarks (session_id, seq, at, note) VALUES ($1, $2, $3, $4) RETURNING id',
      [id, seq, at, note],
    );
    return rows[0].id;
  },
  async bookmarks(id: string) {
    const { rows } = await pool.query(
      'SELECT id, seq, at, note FROM bookmarks WHERE session_id = $1 ORDER BY seq, id',
      [id],
    );
    return rows;
  },
  async ids() {
    const { rows } = await pool.query('SELECT id FROM sessions ORDER BY id');
    return rows.map((r: { id: string }) => r.id);
  },
  async unfinished() {
    const { rows } = await pool.query(
      `SELECT id FROM sessions WHERE stage IN ('lobby', 'playing') ORDER BY id`,
    );
    return rows.map((r: { id: string }) => r.id);
  },
  async delete(id: string) {
    await pool.query('DELETE FROM sessions WHERE id = $1', [id]);
    return true;
  },
};

port.on('message', async ({ id, op, args }: { id: number; op: string; args: never[] }) => {
  let answer: object;
  try {
    migrated ??= migrate();
    await migrated.catch((e) => {
      migrated = undefined; // tried again on the next call: the database may come back
      throw e;
    });
    const run = ops[op];
    if (!run) throw new Error(`unknown operation ${op}`);
    answer = { id, ok: true, result: await run(...args) };
  } catch (e) {
    const err = e as { message?: string; code?: string };
    answer = { id, ok: false, message: err.message ?? String(e), code: err.code };
  }
  port.postMessage(answer);
  Atomics.add(flag, 0, 1); // counts answers: the main thread waits for the count to move
  Atomics.notify(flag, 0);
});
