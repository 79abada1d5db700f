/**
 * Counts events per key (an address) in a fixed window and says when a key is over its limit.
 * Windows are kept only for keys seen in the current window, so memory stays bounded by recent traffic.
 */
export class RateLimiter {
  private windows = new Map<string, { startedAt: number; count: number }>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
  }

  /** Whether `key` has used up its events in this window (does not count). */
  blocked(key: string): boolean {
    const w = this.current(key);
    return w !== undefined && w.count >= this.limit;
  }

  /** Counts one event for `key`. */
  hit(key: string): void {
    const t = this.now();
    const w = this.current(key);
    if (w) w.count++;
    else this.windows.set(key, { startedAt: t, count: 1 });
    if (this.windows.size > 10_000) this.sweep(t);
  }

  /** Seconds until `key` may try again. */
  retryAfterSeconds(key: string): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    return Math.max(1, Math.ceil((w.startedAt + this.windowMs - this.now()) / 1000));
  }

  private current(key: string) {
    const w = this.windows.get(key);
    if (w && this.now() - w.startedAt >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(t: number) {
    for (const [k, w] of this.windows) if (t - w.startedAt >= this.windowMs) this.windows.delete(k);
  }
}
