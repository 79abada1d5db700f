import { isSessionId } from '../../../shared/model/sessionId.ts';
import type { LogEntry, LogHeader } from '../../../shared/session/log.ts';
import { type Bookmark, LogError, type OpenLog, type SessionLogs } from '../store.ts';
import { SyncPostgres } from './syncClient.ts';

/** SQLSTATE of a unique violation: the seq (or the session) is taken. */
const UNIQUE_VIOLATION = '23505';

interface EntryRow {
  seq: number;
  at: number;
  actor: string;
  command: string;
  version: number;
}

/**
 * Session logs in PostgreSQL (DATABASE_URL), for several PAROS processes: one row per session, one table of
 * entries keyed by (session, seq). Same guarantees as the SQLite files: an append is committed when it returns,
 * a seq is never written twice (whichever process tries), and a log that cannot be read is refused alone.
 */
export class PostgresLogs implements SessionLogs {
  readonly db: SyncPostgres;

  constructor(url: string) {
    this.db = new SyncPostgres(url);
  }

  /** Connects and runs the migrations; throws with the database's reason when it cannot. */
  check(): void {
    this.db.call('ping');
  }

  ids(): string[] {
    return this.db.call<string[]>('ids');
  }

  unfinished(): string[] {
    return this.db.call<string[]>('unfinished');
  }

  open(sessionId: string): PostgresLog {
    if (!isSessionId(sessionId)) throw new LogError(`"${sessionId}" is not a session id.`, 'missing');
    const row = this.db.call<{ header: string } | undefined>('open', sessionId);
    if (!row) throw new LogError(`There is no session ${sessionId}.`, 'missing');
    let header: LogHeader;
    try {
      header = JSON.parse(row.header) as LogHeader;
      if (header.sessionId !== sessionId) throw new Error('its header names another session');
    } catch (e) {
      throw new LogError(`The log of ${sessionId} cannot be read: ${(e as Error).message}`);
    }
    return new PostgresLog(this.db, sessionId, header);
  }

  create(header: LogHeader, hostSecretHash: string): PostgresLog {
    try {
      this.db.call(
        'create',
        header.sessionId,
        header.code,
        header.createdAt,
        JSON.stringify(header),
        hostSecretHash,
      );
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION)
        throw new LogError(`A log for session ${header.sessionId} already exists.`);
      throw e;
    }
    return new PostgresLog(this.db, header.sessionId, header);
  }

  delete(sessionId: string): void {
    if (!isSessionId(sessionId)) throw new LogError(`"${sessionId}" is not a session id.`, 'missing');
    this.db.call('delete', sessionId);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** One session's log in PostgreSQL. Its header never changes once written, so it is kept. */
export class PostgresLog implements OpenLog {
  private readonly db: SyncPostgres;
  readonly sessionId: string;
  private readonly known: LogHeader;

  constructor(db: SyncPostgres, sessionId: string, header: LogHeader) {
    this.db = db;
    this.sessionId = sessionId;
    this.known = header;
  }

  header(): LogHeader {
    return this.known;
  }

  status(): { stage: string; hostSecretHash: string } {
    const row = this.db.call<{ stage: string; host_secret_hash: string } | undefined>(
      'status',
      this.sessionId,
    );
    if (!row) throw new LogError(`The log of ${this.sessionId} has no status.`);
    return { stage: row.stage, hostSecretHash: row.host_secret_hash };
  }

  setStage(stage: string): void {
    this.db.call('setStage', this.sessionId, stage);
  }

  append(entry: LogEntry): void {
    this.appendAll([entry]);
  }

  appendAll(entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    const rows: EntryRow[] = entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: JSON.stringify(e.actor),
      command: JSON.stringify(e.command),
      version: e.version,
    }));
    this.db.call('appendAll', this.sessionId, rows);
  }

  entries(): LogEntry[] {
    const rows = this.db.call<EntryRow[]>('entries', this.sessionId);
    try {
      return rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: JSON.parse(r.actor),
        command: JSON.parse(r.command),
        version: r.version,
      }));
    } catch (e) {
      throw new LogError(`The log of ${this.sessionId} cannot be read: ${(e as Error).message}`);
    }
  }

  lastSeq(): number {
    return this.db.call<number>('lastSeq', this.sessionId);
  }

  recordRoundHash(round: number, seq: number, hash: string): void {
    this.db.call('recordRoundHash', this.sessionId, round, seq, hash);
  }

  roundHashes(): { round: number; seq: number; hash: string }[] {
    return this.db.call('roundHashes', this.sessionId);
  }

  addBookmark(seq: number, at: number, note: string): Bookmark {
    const id = this.db.call<number>('addBookmark', this.sessionId, seq, at, note);
    return { id, seq, at, note };
  }

  bookmarks(): Bookmark[] {
    return this.db.call('bookmarks', this.sessionId);
  }

  /** Nothing to reopen: each call takes a pooled connection, and a broken one is replaced by the pool. */
  reopen(): void {}

  /** The connection pool is the store's, shared by every log: nothing to close here. */
  close(): void {}
}
