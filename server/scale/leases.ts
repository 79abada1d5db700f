import type { Redis } from 'ioredis';

/** How long a lease lasts unless renewed: a killed process's sessions are free to take over after this. */
export const LEASE_MS = 15_000;
/** How often a process renews its leases (three chances before one lapses). */
export const RENEW_MS = 5_000;

const key = (sessionId: string) => `paros:lease:${sessionId}`;
/** Where a stopping process names each session it gave back, for the others to take over at once. */
export const HANDOVER_CHANNEL = 'paros:handover';

/** Renews a lease only if this process still holds it (1), else reports it lost (0). */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes a lease only if this process holds it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Who runs a session now: the process and its room (the room id is what a browser joins). */
export interface LeaseHolder {
  processId: string;
  roomId: string;
}

/**
 * Which process runs each live session, in Redis: exactly one room per session across processes. A room takes
 * its session's lease before it folds or writes the log (SET NX with an expiry), the process renews every lease
 * it holds every RENEW_MS, and gives it back when the room is disposed. A process that dies stops renewing, and
 * after LEASE_MS another process may take the session over from its log. A room whose lease was lost (a process
 * frozen longer than LEASE_MS) is told, and closes: two rooms never write one session.
 */
export class SessionLeases {
  private readonly redis: Redis;
  private readonly processId: () => string;
  private held = new Map<string, { value: string; lost: () => void }>();
  private timer: NodeJS.Timeout;

  constructor(redis: Redis, processId: () => string) {
    this.redis = redis;
    this.processId = processId;
    this.timer = setInterval(() => void this.renewAll(), RENEW_MS);
    this.timer.unref();
  }

  /** Takes the session's lease for `roomId`; false when another room holds it. `lost` is called if it lapses. */
  async claim(sessionId: string, roomId: string, lost: () => void): Promise<boolean> {
    const value = JSON.stringify({ processId: this.processId(), roomId } satisfies LeaseHolder);
    const ok = await this.redis.set(key(sessionId), value, 'PX', LEASE_MS, 'NX');
    if (ok !== 'OK') return false;
    this.held.set(sessionId, { value, lost });
    return true;
  }

  async holder(sessionId: string): Promise<LeaseHolder | undefined> {
    const value = await this.redis.get(key(sessionId));
    return value ? (JSON.parse(value) as LeaseHolder) : undefined;
  }

  /** Gives the lease back; true when this process held it until now. */
  async release(sessionId: string): Promise<boolean> {
    const mine = this.held.get(sessionId);
    if (!mine) return false;
    this.held.delete(sessionId);
    return (await this.redis.eval(RELEASE, 1, key(sessionId), mine.value)) === 1;
  }

  /**
   * Gives the lease of an unfinished session back and tells every process at once (HANDOVER_CHANNEL), so one of
   * them restores it now rather than at its next sweep. Called once the room's log is closed.
   */
  async handOver(sessionId: string): Promise<void> {
    if (await this.release(sessionId)) await this.redis.publish(HANDOVER_CHANNEL, sessionId);
  }

  /** How many leases this process holds (the sessions it runs). */
  get size(): number {
    return this.held.size;
  }

  private async renewAll() {
    for (const [sessionId, mine] of [...this.held]) {
      try {
        const renewed = await this.redis.eval(RENEW, 1, key(sessionId), mine.value, String(LEASE_MS));
        if (renewed === 0 && this.held.get(sessionId) === mine) {
          this.held.delete(sessionId);
          console.error(`The lease of session ${sessionId} was lost: another process runs it now.`);
          mine.lost();
        }
      } catch (e) {
        console.error(`The lease of session ${sessionId} could not be renewed:`, (e as Error).message);
      }
    }
  }

  stop() {
    clearInterval(this.timer);
  }
}
