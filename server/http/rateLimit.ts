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

/**
 * Where the per-network limits keep their counts: in this process (`memoryLimits`, the default) or in Redis
 * (server/scale/redisLimits.ts, with REDIS_URL), so a limit reached through one process holds on all of them.
 */
export interface LimitStore {
  /** A fixed-window counter of `limit` events per `windowMs`; `name` keeps counters apart in a shared store. */
  counter(name: string, limit: number, windowMs: number): RateCounter;
  /** Keys remembered for `forMs` each (the codes each network was answered). */
  remembered(name: string, forMs: number): Remembered;
}

/** Counts events per key (a network) in a fixed window. */
export interface RateCounter {
  /** Seconds until `key` may act again when it has used up this window's events, else 0. Does not count. */
  wait(key: string): Promise<number>;
  /** Counts one event for `key`; with `item`, the same item counts once a window (see RateLimiter.hit). */
  hit(key: string, item?: string): Promise<void>;
}

/** A set of keys that each expire after a while. */
export interface Remembered {
  add(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
}

/** The limits counted in this process: one PAROS process, or a test. */
export function memoryLimits(now: () => number = Date.now): LimitStore {
  return {
    counter(_name, limit, windowMs) {
      const limiter = new RateLimiter(limit, windowMs, now);
      return {
        wait: async (key) => (limiter.blocked(key) ? limiter.retryAfterSeconds(key) : 0),
        hit: async (key, item) => limiter.hit(key, item),
      };
    },
    remembered: (_name, forMs) => new RememberedInMemory(forMs, now),
  };
}

/** At most this many remembered keys in memory; the oldest are dropped first. */
const REMEMBERED_MAX = 100_000;

class RememberedInMemory implements Remembered {
  private readonly until = new Map<string, number>(); // key -> when it is forgotten, oldest first
  private readonly forMs: number;
  private readonly now: () => number;

  constructor(forMs: number, now: () => number) {
    this.forMs = forMs;
    this.now = now;
  }

  async add(key: string): Promise<void> {
    this.until.delete(key); // re-inserted last, so the oldest entries are the first ones dropped
    this.until.set(key, this.now() + this.forMs);
    if (this.until.size > REMEMBERED_MAX) {
      const oldest = this.until.keys().next().value;
      if (oldest !== undefined) this.until.delete(oldest);
    }
  }

  async has(key: string): Promise<boolean> {
    const until = this.until.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.until.delete(key);
    return false;
  }
}

/** How long a network keeps a code it was answered: a class's day, so a restart in the afternoon finds it. */
const KNOWN_FOR_MS = 12 * 3_600_000;

/**
 * Guards join codes against guessing without ever locking a class out of its own session.
 *
 * - A code a network has already been answered (it looked it up, joined with it, or created the session) is
 *   always answered again: a network that knows a code learns nothing from hearing it once more.
 * - Wrong codes count per network, each distinct code once (a class that misreads the board the same way makes
 *   one wrong code). Past the limit, the network may not try codes it has not been answered yet, right or wrong,
 *   until the window ends: refusing only the wrong ones would tell a guesser which answer is right.
 * - All tries of codes new to a network count against a flood limit (the same wrong code sent again and again).
 *
 * The counts live in `store`: this process's memory, or Redis so that they hold across processes.
 */
export class CodeGuard {
  private readonly failures: RateCounter;
  private readonly tries: RateCounter;
  private readonly known: Remembered;

  constructor(
    limits: { failedLookupsPerMinute: number; lookupsPerMinute: number },
    store: LimitStore = memoryLimits(),
  ) {
    this.failures = store.counter('failedLookups', limits.failedLookupsPerMinute, 60_000);
    this.tries = store.counter('lookups', limits.lookupsPerMinute, 60_000);
    this.known = store.remembered('known', KNOWN_FOR_MS);
  }

  /**
   * Whether `network` may try `code` now. Counts the try; answers `{ wait, why }` when it must wait, where `why`
   * says which limit ("wrong join codes" or "join attempts").
   */
  async admit(network: string, code: string): Promise<{ wait: number; why: string } | undefined> {
    if (await this.known.has(`${network} ${code}`)) return undefined;
    const failures = await this.failures.wait(network);
    if (failures > 0) return { wait: failures, why: 'wrong join codes' };
    const tries = await this.tries.wait(network);
    if (tries > 0) return { wait: tries, why: 'join attempts' };
    await this.tries.hit(network);
    return undefined;
  }

  /** The network was answered `code` (or made the session): from now on it is never refused. */
  async learned(network: string, code: string): Promise<void> {
    await this.known.add(`${network} ${code}`);
  }

  /** The network tried `code` and no session has it. */
  async wrong(network: string, code: string): Promise<void> {
    await this.failures.hit(network, code);
  }
}
