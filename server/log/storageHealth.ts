import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long a probe's answer stands: /healthz may be polled often, and the disk is touched at most this often. */
export const STORAGE_PROBE_MS = 5_000;

/**
 * Whether the data folder can be written now, for /healthz. A probe writes a small file and deletes it, at most
 * every STORAGE_PROBE_MS; a room whose log refused an entry reports it, and the next question probes again.
 * `problem` is undefined when the folder can be written, else what went wrong in words (no paths).
 */
export interface StorageCheck {
  /** undefined when the logs can be written now, else what is wrong in words (no paths). */
  problem(now?: number): string | undefined;
  /** A log refused a write: reported as failing until a probe finds the storage writable again. */
  failed(reason: string): void;
}

export class StorageHealth implements StorageCheck {
  private readonly dir: string;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private last: string | undefined;

  constructor(dir: string) {
    this.dir = dir;
  }

  problem(now = Date.now()): string | undefined {
    if (now - this.checkedAt >= STORAGE_PROBE_MS) {
      this.checkedAt = now;
      this.last = this.probe();
    }
    return this.last;
  }

  /** A log refused a write: the folder is reported as failing until a probe finds it writable again. */
  failed(reason: string) {
    this.last = storageWords(reason);
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  private probe(): string | undefined {
    const file = join(this.dir, '.healthz-probe');
    try {
      writeFileSync(file, 'PAROS checks that it can write here.\n'.repeat(8));
      return undefined;
    } catch (e) {
      return storageWords((e as Error).message);
    } finally {
      try {
        rmSync(file, { force: true });
      } catch {
        /* a read-only folder: the write already said so */
      }
    }
  }
}

/** An error from the file system or SQLite, as the teacher and /healthz are told it: what, without paths. */
export function storageWords(message: string): string {
  if (/^PostgreSQL:/.test(message)) return 'The session database cannot be reached or written.';
  if (/ENOSPC|disk is full|database or disk is full/i.test(message)) return 'The data folder is full.';
  if (/EROFS|EACCES|EPERM|readonly|read-only/i.test(message)) return 'The data folder cannot be written.';
  return 'The server could not write to its data folder.';
}
