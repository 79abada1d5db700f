import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { LogEntry, LogHeader } from '../../shared/session/log.ts';
import { isSessionId } from '../../shared/model/sessionId.ts';
import { type Bookmark, LogError, type OpenLog, type SessionLogs } from './store.ts';

export { type Bookmark, LogError } from './store.ts';

/**
 * The numbered migrations of a session's log file, applied in order; `PRAGMA user_version` records how many
 * have run. A log written by an older release is brought up to date when it is opened.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE header (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
   CREATE TABLE entries (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, command TEXT NOT NULL, version INTEGER NOT NULL);
   CREATE TABLE round_hashes (round INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);
   CREATE TABLE bookmarks (id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, at INTEGER NOT NULL, note TEXT NOT NULL);
   CREATE TABLE status (id INTEGER PRIMARY KEY CHECK (id = 1), stage TEXT NOT NULL, host_secret_hash TEXT NOT NULL);`,
];

/**
 * One session's append-only log in its own SQLite file (WAL), so a damaged file never hides the others.
 * Appends are synchronous: when `append` returns, the entry survives a killed process.
 */
export class SessionLog implements OpenLog {
  readonly file: string;
  private db: DatabaseSync;
  private insert;
  private knownHeader: LogHeader | undefined; // never changes once written

  private constructor(file: string, db: DatabaseSync) {
    this.file = file;
    this.db = db;
    this.insert = SessionLog.inserter(db);
  }

  private static inserter(db: DatabaseSync) {
    return db.prepare('INSERT INTO entries (seq, at, actor, command, version) VALUES (?, ?, ?, ?, ?)');
  }

  /**
   * Opens the file again, after a write was refused: SQLite keeps a file it opened on a read-only folder
   * read-only for good, so a folder made writable again is seen only by a new connection. Throws if it cannot.
   */
  reopen() {
    this.header(); // kept: a log that cannot be opened again still knows its header
    // Closed first: SQLite shares a file's memory map among the connections of a process, read-only included.
    this.close();
    this.db = SessionLog.openDb(this.file);
    this.insert = SessionLog.inserter(this.db);
  }

  /**
   * Creates a new log; refuses to overwrite one. Atomic: the header is written to a temporary file (not named
   * `.sqlite`, so never listed), which is renamed into place once complete. On a full or read-only folder the
   * creation throws and leaves nothing behind; a failed create once left a 0-byte log listed as damaged.
   */
  static create(dir: string, header: LogHeader, hostSecretHash: string): SessionLog {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${header.sessionId}.sqlite`);
    if (existsSync(file)) throw new LogError(`A log for session ${header.sessionId} already exists.`);
    const temporary = join(dir, `.${header.sessionId}.${randomBytes(6).toString('hex')}.creating`);
    let db: DatabaseSync | undefined;
    try {
      db = SessionLog.openDb(temporary);
      db.exec('BEGIN');
      db.prepare('INSERT INTO header (id, json) VALUES (1, ?)').run(JSON.stringify(header));
      db.prepare('INSERT INTO status (id, stage, host_secret_hash) VALUES (1, ?, ?)').run(
        'lobby',
        hostSecretHash,
      );
      db.exec('COMMIT');
      // Folds the write-ahead log into the file, so the file renamed is the whole log.
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      db.close();
      renameSync(temporary, file);
    } catch (e) {
      if (db?.isOpen) db.close();
      for (const f of [temporary, `${temporary}-wal`, `${temporary}-shm`]) rmSync(f, { force: true });
      throw e;
    }
    for (const f of [`${temporary}-wal`, `${temporary}-shm`]) rmSync(f, { force: true });
    const log = new SessionLog(file, SessionLog.openDb(file));
    // The header as given, not parsed back: its content is then the server's own, shared by every session.
    log.knownHeader = header;
    return log;
  }

  /** Opens an existing log; throws LogError with a plain reason when the file is damaged. */
  static open(file: string): SessionLog {
    try {
      const db = SessionLog.openDb(file);
      const check = db.prepare('PRAGMA quick_check').get() as { quick_check?: string } | undefined;
      if (check?.quick_check !== 'ok') throw new Error(check?.quick_check ?? 'integrity check failed');
      db.exec('PRAGMA shrink_memory');
      return new SessionLog(file, db);
    } catch (e) {
      throw new LogError(`The log ${file} cannot be read: ${(e as Error).message}`);
    }
  }

  private static openDb(file: string): DatabaseSync {
    const db = new DatabaseSync(file);
    // A small page cache: a live session only appends, and the pages it reads once (the header with its content,
    // an integrity check) are let go at once (shrink_memory), so an open log keeps about 0.2 MiB, not 0.5.
    db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 2000; PRAGMA cache_size = -64;',
    );
    const version = (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
    for (let i = version; i < MIGRATIONS.length; i++) {
      db.exec('BEGIN');
      db.exec(MIGRATIONS[i] as string);
      db.exec(`PRAGMA user_version = ${i + 1}`);
      db.exec('COMMIT');
    }
    return db;
  }

  header(): LogHeader {
    if (this.knownHeader) return this.knownHeader;
    const row = this.db.prepare('SELECT json FROM header WHERE id = 1').get() as { json: string } | undefined;
    if (!row) throw new LogError(`The log ${this.file} has no header.`);
    this.knownHeader = JSON.parse(row.json) as LogHeader;
    this.db.exec('PRAGMA shrink_memory');
    return this.knownHeader;
  }

  status(): { stage: string; hostSecretHash: string } {
    const row = this.db.prepare('SELECT stage, host_secret_hash FROM status WHERE id = 1').get() as
      | { stage: string; host_secret_hash: string }
      | undefined;
    if (!row) throw new LogError(`The log ${this.file} has no status.`);
    return { stage: row.stage, hostSecretHash: row.host_secret_hash };
  }

  setStage(stage: string) {
    this.db.prepare('UPDATE status SET stage = ? WHERE id = 1').run(stage);
  }

  /** Appends one accepted command; durable when this returns. */
  append(entry: LogEntry) {
    this.insert.run(
      entry.seq,
      entry.at,
      JSON.stringify(entry.actor),
      JSON.stringify(entry.command),
      entry.version,
    );
  }

  /** Appends several entries in one transaction: all of them, or none. */
  appendAll(entries: readonly LogEntry[]) {
    this.db.exec('BEGIN');
    try {
      for (const e of entries) this.append(e);
      this.db.exec('COMMIT');
    } catch (e) {
      // A full disk may have rolled the transaction back already: the first error is the one that says why.
      if (this.db.isTransaction) {
        try {
          this.db.exec('ROLLBACK');
        } catch {
          /* the first error is reported */
        }
      }
      throw e;
    }
  }

  entries(): LogEntry[] {
    const rows = this.db
      .prepare('SELECT seq, at, actor, command, version FROM entries ORDER BY seq')
      .all() as {
      seq: number;
      at: number;
      actor: string;
      command: string;
      version: number;
    }[];
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: JSON.parse(r.actor),
      command: JSON.parse(r.command),
      version: r.version,
    }));
  }

  lastSeq(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM entries').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  recordRoundHash(round: number, seq: number, hash: string) {
    this.db
      .prepare('INSERT OR REPLACE INTO round_hashes (round, seq, hash) VALUES (?, ?, ?)')
      .run(round, seq, hash);
  }

  roundHashes(): { round: number; seq: number; hash: string }[] {
    return this.db.prepare('SELECT round, seq, hash FROM round_hashes ORDER BY round').all() as {
      round: number;
      seq: number;
      hash: string;
    }[];
  }

  addBookmark(seq: number, at: number, note: string): Bookmark {
    const r = this.db.prepare('INSERT INTO bookmarks (seq, at, note) VALUES (?, ?, ?)').run(seq, at, note);
    return { id: Number(r.lastInsertRowid), seq, at, note };
  }

  bookmarks(): Bookmark[] {
    return this.db
      .prepare('SELECT id, seq, at, note FROM bookmarks ORDER BY seq, id')
      .all() as unknown as Bookmark[];
  }

  close() {
    if (this.db.isOpen) this.db.close();
  }
}

/** The folder of session logs, one SQLite file each: list, open and delete them by session id. */
export class LogStore implements SessionLogs {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  fileOf(sessionId: string): string {
    if (!isSessionId(sessionId)) throw new LogError(`"${sessionId}" is not a session id.`, 'missing');
    return join(this.dir, `${sessionId}.sqlite`);
  }

  /** Every session's id, from the files present (damaged ones included, so they can be reported). */
  ids(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.sqlite'))
      .map((f) => f.slice(0, -'.sqlite'.length))
      .sort();
  }

  open(sessionId: string): SessionLog {
    const file = this.fileOf(sessionId);
    if (!existsSync(file)) throw new LogError(`There is no session ${sessionId}.`, 'missing');
    return SessionLog.open(file);
  }

  create(header: LogHeader, hostSecretHash: string): SessionLog {
    return SessionLog.create(this.dir, header, hostSecretHash);
  }

  unfinished(): string[] {
    return this.ids().filter((id) => {
      try {
        const log = this.open(id);
        try {
          const { stage } = log.status();
          return stage === 'lobby' || stage === 'playing';
        } finally {
          log.close();
        }
      } catch (e) {
        console.error(`Session ${id} was not restored: ${(e as Error).message}`);
        return false;
      }
    });
  }

  delete(sessionId: string) {
    const file = this.fileOf(sessionId);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
}
