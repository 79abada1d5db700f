/**
 * Session log files on disk (one SQLite file per session, in a temporary folder): entries come back as they
 * were written, an old file is migrated when opened, a damaged file is refused with a plain reason, the store
 * lists and deletes, and `npm run replay` exits 0 on a sound log, 1 on a damaged or mismatched one, 2 when the
 * session is not there.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../server/content.ts';
import { LogError, LogStore, SessionLog } from '../../server/log/SessionLog.ts';
import { DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import {
  createSessionModel,
  foldLog,
  type LogEntry,
  type LogHeader,
  RULES_VERSION,
  stateHash,
  verifyLog,
} from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { affordable, balanced } from '../shared/rules/strategies.ts';

const content = loadContent('content');
let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'paros-log-'));
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});
let folders = 0;
/** A fresh, empty folder for one test. */
const folder = () => {
  const dir = join(root, `t${++folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const headerFor = (code: string, settings?: LogHeader['settings']): LogHeader => ({
  sessionId: `s-${code}-${(1_790_000_000_000 + folders).toString(36)}`,
  code,
  seed: 4242,
  createdAt: 1_790_000_000_000,
  rulesVersion: RULES_VERSION,
  settings,
  content,
  forkedFrom: undefined,
});

/**
 * Plays `rounds` rounds of a session into a log on disk, exactly as the room writes it: each accepted
 * command appended with its version, the stage kept, a hash at each resolved round. Leaves the log open.
 */
function playInto(dir: string, header: LogHeader, rounds: number): { log: SessionLog; state: SessionModel } {
  const log = SessionLog.create(dir, header, 'a'.repeat(64));
  const created = createSessionModel(header);
  if (!created.ok) throw new Error(created.refusal.message);
  let state = created.state;
  let seq = 0;
  const act = (actor: Actor, command: SessionCommand) => {
    const outcome = applyCommand(state, actor, command, header.content);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.refusal.message}`);
    log.append({ seq: ++seq, at: header.createdAt + seq, actor, command, version: outcome.state.version });
    if (outcome.state.stage !== state.stage) log.setStage(outcome.state.stage);
    state = outcome.state;
    for (const e of outcome.events)
      if (e.type === 'roundResolved') log.recordRoundHash(e.round, seq, stateHash(state));
    return outcome.events;
  };
  const phase = () => state.phase; // read anew after each command (a loop condition would narrow it)
  const ids = {} as Record<Delegation, string>;
  for (const d of DELEGATIONS) {
    const events = act({ kind: 'system' }, { type: 'joinSession', nickname: `Head of ${d}` });
    const id = events.find((e) => e.type === 'memberJoined')?.memberId ?? '';
    ids[d] = id;
    act({ kind: 'member', memberId: id }, { type: 'chooseSeat', seat: d });
  }
  act({ kind: 'teacher' }, { type: 'startSession' });
  for (let r = 1; r <= rounds; r++) {
    while (phase() !== 'orders') act({ kind: 'teacher' }, { type: 'advancePhase' });
    for (const d of DELEGATIONS) {
      const w = state.world;
      if (!w) throw new Error('no world');
      const me: Actor = { kind: 'member', memberId: ids[d] };
      act(me, { type: 'setOrders', orders: affordable(w, d, balanced(w, d)) });
      act(me, { type: 'submitOrders' });
    }
    while (phase() !== 'debrief') act({ kind: 'teacher' }, { type: 'advancePhase' });
  }
  return { log, state };
}

const someEntry = (seq: number): LogEntry => ({
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

describe('SessionLog', () => {
  it('gives back the entries as they were appended, in order, after the file is closed and opened again', () => {
    const dir = folder();
    const header = headerFor('AB2CDE', { scenarioId: 'one-period' });
    const log = SessionLog.create(dir, header, 'f'.repeat(64));
    const written = Array.from({ length: 25 }, (_, i) => someEntry(i + 1));
    for (const e of written) log.append(e);
    expect(log.entries()).toEqual(written);
    expect(log.lastSeq()).toBe(25);
    log.close();
    log.close(); // twice is harmless

    const again = SessionLog.open(join(dir, `${header.sessionId}.sqlite`));
    expect(again.entries()).toEqual(written);
    expect(again.header()).toEqual(JSON.parse(JSON.stringify(header)));
    expect(again.status()).toEqual({ stage: 'lobby', hostSecretHash: 'f'.repeat(64) });
    again.close();
  });

  it('keeps the stage, the round hashes (the last one of a round wins) and the bookmarks', () => {
    const dir = folder();
    const log = SessionLog.create(dir, headerFor('AB3CDE'), 'e'.repeat(64));
    expect(log.lastSeq()).toBe(0);
    expect(log.entries()).toEqual([]);
    log.setStage('playing');
    log.recordRoundHash(2, 30, '00000000000000bb');
    log.recordRoundHash(1, 12, '00000000000000aa');
    log.recordRoundHash(1, 14, '00000000000000cc');
    const late = log.addBookmark(20, 1000, 'The US walks out');
    const early = log.addBookmark(3, 1001, 'Before the vote');
    expect(late.id).not.toBe(early.id);
    expect(log.status().stage).toBe('playing');
    expect(log.roundHashes()).toEqual([
      { round: 1, seq: 14, hash: '00000000000000cc' },
      { round: 2, seq: 30, hash: '00000000000000bb' },
    ]);
    expect(log.bookmarks().map((b) => ({ ...b }))).toEqual([early, late]);
    log.close();
  });

  it('refuses an entry whose number is already taken, and a second log for the same session', () => {
    const dir = folder();
    const header = headerFor('AB4CDE');
    const log = SessionLog.create(dir, header, 'd'.repeat(64));
    log.append(someEntry(1));
    expect(() => log.append(someEntry(1))).toThrow();
    expect(log.entries()).toHaveLength(1);
    expect(() => SessionLog.create(dir, header, 'd'.repeat(64))).toThrow(
      new LogError(`A log for session ${header.sessionId} already exists.`),
    );
    log.close();
  });

  it('brings a file of an older release (user_version 0, no tables) up to date when it is opened', () => {
    const file = join(folder(), 's-OLD234-1.sqlite');
    const old = new DatabaseSync(file);
    old.exec('CREATE TABLE notes (text TEXT)'); // something an old release kept; no log tables yet
    expect((old.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(0);
    old.close();

    const log = SessionLog.open(file);
    expect(log.entries()).toEqual([]);
    expect(log.roundHashes()).toEqual([]);
    expect(log.bookmarks()).toEqual([]);
    log.append(someEntry(1));
    expect(() => log.header()).toThrow(new LogError(`The log ${file} has no header.`));
    expect(() => log.status()).toThrow(new LogError(`The log ${file} has no status.`));
    log.close();

    const db = new DatabaseSync(file);
    expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(1);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((n) => !n.startsWith('sqlite_'))
      .sort();
    expect(tables).toEqual(['bookmarks', 'entries', 'header', 'notes', 'round_hashes', 'status']);
    db.close();
    // Opening an up-to-date file again runs no migration twice.
    const again = SessionLog.open(file);
    expect(again.lastSeq()).toBe(1);
    again.close();
  });

  it('refuses a truncated file with a plain reason', () => {
    const dir = folder();
    const { log } = playInto(dir, headerFor('TR2NCA'), 2);
    const file = log.file;
    log.close();
    const whole = readFileSync(file);
    expect(whole.length).toBeGreaterThan(8 * 4096);
    for (const fraction of [0.9, 0.5, 0.2]) {
      const cut = join(dir, `s-TR2NCA-${fraction * 10}.sqlite`);
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * fraction)));
      expect(() => SessionLog.open(cut)).toThrow(LogError);
      expect(() => SessionLog.open(cut)).toThrow(
        `The log ${cut} cannot be read: database disk image is malformed`,
      );
    }
  });

  it('refuses a file that is not a database with a plain reason', () => {
    const dir = folder();
    const text = join(dir, 's-GARBA6-1.sqlite');
    writeFileSync(text, 'Minutes of the Conference on Disarmament, not a log. '.repeat(200));
    expect(() => SessionLog.open(text)).toThrow(
      new LogError(`The log ${text} cannot be read: file is not a database`),
    );
    const noise = join(dir, 's-GARBA6-2.sqlite');
    writeFileSync(noise, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    expect(() => SessionLog.open(noise)).toThrow(LogError);
  });
});

describe('LogStore', () => {
  it('lists the sessions present (damaged ones too), opens them by id, and deletes them with their WAL files', () => {
    const dir = join(folder(), 'sessions');
    const store = new LogStore(dir); // creates the folder
    expect(store.ids()).toEqual([]);
    const a = store.create(headerFor('LSTAAA'), 'a'.repeat(64));
    const b = store.create({ ...headerFor('LSTBBB'), sessionId: 's-LSTBBB-1' }, 'b'.repeat(64));
    a.append(someEntry(1));
    writeFileSync(join(dir, 's-LSTCCC-1.sqlite'), 'damaged');
    writeFileSync(join(dir, 'notes.txt'), 'not a log');
    expect(existsSync(`${a.file}-wal`)).toBe(true);
    expect(store.ids()).toEqual([a.header().sessionId, 's-LSTBBB-1', 's-LSTCCC-1'].sort());

    const opened = store.open(a.header().sessionId);
    expect(opened.entries()).toEqual([someEntry(1)]);
    opened.close();
    expect(() => store.open('s-LSTCCC-1')).toThrow(LogError);
    expect(() => store.open('s-NOSUCH-1')).toThrow(
      new LogError('There is no session s-NOSUCH-1.', 'missing'),
    );
    expect(() => store.open('../../etc/passwd')).toThrow(
      new LogError('"../../etc/passwd" is not a session id.', 'missing'),
    );
    expect(() => store.delete('a/b')).toThrow(LogError);

    const id = a.header().sessionId;
    a.close();
    b.close();
    store.delete(id);
    store.delete('s-LSTCCC-1');
    store.delete('s-LSTCCC-1'); // already gone: nothing to do
    expect(store.ids()).toEqual(['s-LSTBBB-1']);
    expect(existsSync(join(dir, `${id}.sqlite`))).toBe(false);
    expect(existsSync(join(dir, `${id}.sqlite-wal`))).toBe(false);
    expect(existsSync(join(dir, `${id}.sqlite-shm`))).toBe(false);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
  });

  it('holds a played session whose log verifies, and folds to the state that was played', () => {
    const store = new LogStore(folder());
    const header = headerFor('PL4YED');
    const { log, state } = playInto(store.dir, header, 2);
    log.close();
    const opened = store.open(header.sessionId);
    const check = verifyLog(opened.header(), opened.entries(), opened.roundHashes());
    expect(check.problem).toBeUndefined();
    expect(check.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(check.state).toEqual(state);
    expect(opened.status().stage).toBe('playing');
    expect(foldLog(opened.header(), opened.entries()).state?.version).toBe(opened.entries().at(-1)?.version);
    opened.close();
  });
});

/** `npm run replay -- <args>` on a data folder, as an administrator runs it. */
function replay(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/log/replayCli.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('npm run replay', () => {
  // The server keeps its logs under DATA_DIR/sessions (server/app.ts); the command reads them there.
  let dataDir = '';
  const sound = headerFor('S0UNDX');
  const mismatched = { ...headerFor('M1SMAT'), sessionId: 's-M1SMAT-1' };
  beforeAll(() => {
    dataDir = folder();
    const sessions = join(dataDir, 'sessions');
    playInto(sessions, sound, 2).log.close();
    const bad = playInto(sessions, mismatched, 1).log;
    const first = bad.roundHashes()[0];
    if (!first) throw new Error('no round hash');
    bad.recordRoundHash(1, first.seq, '0123456789abcdef');
    bad.close();
    writeFileSync(join(sessions, 's-DAMAGE-1.sqlite'), 'not a database');
  });

  it('exits 0 on a sound log, found by its session id or its join code', async () => {
    for (const wanted of [sound.sessionId, sound.code, sound.code.toLowerCase()]) {
      const run = await replay(dataDir, wanted);
      expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
      expect(run.out).toContain(`Session ${sound.sessionId} (code S0UNDX, seed 4242)`);
      expect(run.out).toContain('2 round hash(es) checked.');
      expect(run.out).toMatch(/round 1: ok [0-9a-f]{16}/);
      expect(run.out).toContain('The log is sound.');
    }
  });

  it('exits 1 when a round hash does not match, naming the entry and the round', async () => {
    const run = await replay(dataDir, 'M1SMAT');
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/round 1: MISMATCH \(log 0123456789abcdef, fold [0-9a-f]{16}\)/);
    expect(run.err).toMatch(
      /^Problem at entry \d+: round 1 folds to [0-9a-f]{16}, the log recorded 0123456789abcdef\n$/,
    );
  });

  it('exits 1 on a damaged file, with the reason', async () => {
    const run = await replay(dataDir, 's-DAMAGE-1');
    expect(run.code).toBe(1);
    expect(run.err).toContain('cannot be read: file is not a database');
  });

  it('exits 2 when there is no such session', async () => {
    const run = await replay(dataDir, 'ZZ9ZZZ');
    expect(run.code).toBe(2);
    expect(run.err).toContain('No session "ZZ9ZZZ"');
  });

  it('lists the sessions without an argument', async () => {
    const run = await replay(dataDir);
    expect(run.code).toBe(0);
    expect(run.out).toContain(sound.sessionId);
    expect(run.out).toContain('s-DAMAGE-1');
  });
});
