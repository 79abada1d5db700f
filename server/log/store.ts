import type { LogEntry, LogHeader } from '../../shared/session/log.ts';

/** A place marked in a session's log by the teacher, for the debrief. */
export interface Bookmark {
  id: number;
  seq: number; // the log position it marks
  at: number;
  note: string;
}

/**
 * One session's append-only log, open. Every method is synchronous and throws on failure: when `append` or
 * `appendAll` returns, the entry is durable (it survives a killed process), so the room acknowledges nothing
 * the log does not hold. Two writers can never both append the same `seq`: the second is refused.
 */
export interface OpenLog {
  header(): LogHeader;
  status(): { stage: string; hostSecretHash: string };
  setStage(stage: string): void;
  /** Appends one accepted command; durable when this returns. */
  append(entry: LogEntry): void;
  /** Appends several entries atomically: all of them, or none. */
  appendAll(entries: readonly LogEntry[]): void;
  entries(): LogEntry[];
  lastSeq(): number;
  recordRoundHash(round: number, seq: number, hash: string): void;
  roundHashes(): { round: number; seq: number; hash: string }[];
  addBookmark(seq: number, at: number, note: string): Bookmark;
  bookmarks(): Bookmark[];
  /** Opens the connection again after a refused write (the storage may be writable again). Throws if it cannot. */
  reopen(): void;
  close(): void;
}

/**
 * Where session logs live: SQLite files in a data folder (server/log/SessionLog.ts, the default) or PostgreSQL
 * (server/log/postgres/, when DATABASE_URL is set). The server, the replays and the debrief read through this.
 */
export interface SessionLogs {
  /** Every session's id (damaged logs included, so they can be reported), sorted. */
  ids(): string[];
  /** Opens an existing log; throws LogError `missing` or `damaged`. */
  open(sessionId: string): OpenLog;
  /** Creates a new log; refuses to overwrite one; leaves nothing behind when it fails. */
  create(header: LogHeader, hostSecretHash: string): OpenLog;
  delete(sessionId: string): void;
  /** Ids of the sessions whose logs say they are still running (lobby or playing): to restore after a crash. */
  unfinished(): string[];
}

/**
 * A log that cannot be used, with why: `missing` (no such session, or not a session id: nothing to show) or
 * `damaged` (the log exists and cannot be read). Callers branch on the kind, never on the message.
 */
export class LogError extends Error {
  readonly kind: 'missing' | 'damaged';
  constructor(message: string, kind: 'missing' | 'damaged' = 'damaged') {
    super(message);
    this.kind = kind;
  }
}
