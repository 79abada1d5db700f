import { STORAGE_PROBE_MS, type StorageCheck, storageWords } from '../storageHealth.ts';
import type { SyncPostgres } from './syncClient.ts';

/**
 * Whether the PostgreSQL log store answers now, for /healthz: a `SELECT 1` at most every STORAGE_PROBE_MS, and
 * failing as soon as a room's log refused a write, until a probe answers again.
 */
export class DatabaseHealth implements StorageCheck {
  private readonly db: SyncPostgres;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private last: string | undefined;

  constructor(db: SyncPostgres) {
    this.db = db;
  }

  problem(now = Date.now()): string | undefined {
    if (now - this.checkedAt >= STORAGE_PROBE_MS) {
      this.checkedAt = now;
      try {
        this.db.call('ping');
        this.last = undefined;
      } catch (e) {
        this.last = storageWords((e as Error).message);
      }
    }
    return this.last;
  }

  failed(reason: string) {
    this.last = storageWords(reason);
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }
}
