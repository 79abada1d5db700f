import { isIP } from 'node:net';

/**
 * Counts events per key (an address) in a fixed window and says when a key is over its limit.
 * Windows are kept only for keys seen in the current window, so memory stays bounded by recent traffic.
 */
export class RateLimiter {
  private windows = new Map<string, { startedAt: number; count: number; seen?: Set<string> }>();
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

  /**
   * Counts one event for `key`. With `item`, the same item counts once a window: thirty students who misread
   * the board the same way make one wrong code, not thirty.
   */
  hit(key: string, item?: string): void {
    const t = this.now();
    const w = this.current(key);
    if (w) {
      if (item !== undefined) {
        if (w.seen?.has(item)) return;
        if (w.count <= this.limit) {
          w.seen ??= new Set();
          w.seen.add(item); // bounded: nothing is added once over the limit
        }
      }
      w.count++;
    } else {
      this.windows.set(key, {
        startedAt: t,
        count: 1,
        ...(item !== undefined ? { seen: new Set([item]) } : {}),
      });
    }
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

/**
 * The network a request comes from, as rate limits count it: an IPv4 address, or the /64 prefix of an IPv6
 * address (one household or phone gets a whole /64, so counting single IPv6 addresses would count nothing).
 */
export function networkOf(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1] as string;
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** How long a network keeps a code it was answered: a class's day, so a restart in the afternoon finds it. */
const KNOWN_FOR_MS = 12 * 3_600_000;
const KNOWN_MAX = 100_000;

/**
 * Guards join codes against guessing without ever locking a class out of its own session.
 *
 * - A code a network has already been answered (it looked it up, joined with it, or created the session) is
 *   always answered again: a network that knows a code learns nothing from hearing it once more.
 * - Wrong codes count per network, each distinct code once (a class that misreads the board the same way makes
 *   one wrong code). Past the limit, the network may not try codes it has not been answered yet, right or wrong,
 *   until the window ends: refusing only the wrong ones would tell a guesser which answer is right.
 * - All tries of codes new to a network count against a flood limit (the same wrong code sent again and again).
 */
export class CodeGuard {
  private readonly failures: RateLimiter;
  private readonly tries: RateLimiter;
  private readonly known = new Map<string, number>(); // "network code" -> when the knowledge expires
  private readonly now: () => number;

  constructor(
    limits: { failedLookupsPerMinute: number; lookupsPerMinute: number },
    now: () => number = Date.now,
  ) {
    this.failures = new RateLimiter(limits.failedLookupsPerMinute, 60_000, now);
    this.tries = new RateLimiter(limits.lookupsPerMinute, 60_000, now);
    this.now = now;
  }

  /**
   * Whether `network` may try `code` now. Counts the try; answers `{ wait, why }` when it must wait, where `why`
   * says which limit ("wrong join codes" or "join attempts").
   */
  admit(network: string, code: string): { wait: number; why: string } | undefined {
    if (this.knows(network, code)) return undefined;
    if (this.failures.blocked(network))
      return { wait: this.failures.retryAfterSeconds(network), why: 'wrong join codes' };
    if (this.tries.blocked(network))
      return { wait: this.tries.retryAfterSeconds(network), why: 'join attempts' };
    this.tries.hit(network);
    return undefined;
  }

  /** The network was answered `code` (or made the session): from now on it is never refused. */
  learned(network: string, code: string): void {
    const key = `${network} ${code}`;
    this.known.delete(key); // re-inserted last, so the oldest entries are the first ones dropped
    this.known.set(key, this.now() + KNOWN_FOR_MS);
    if (this.known.size > KNOWN_MAX) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }

  /** The network tried `code` and no session has it. */
  wrong(network: string, code: string): void {
    this.failures.hit(network, code);
  }

  private knows(network: string, code: string): boolean {
    const key = `${network} ${code}`;
    const until = this.known.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.known.delete(key);
    return false;
  }
}
