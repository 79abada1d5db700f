import type { Redis } from 'ioredis';
import type { LimitStore, RateCounter, Remembered } from '../http/rateLimit.ts';

/**
 * Counts one event in a fixed window; with an item (ARGV[2]), each item once a window, remembered in a set that
 * stops growing past the limit (as RateLimiter does in memory). Returns the count.
 * KEYS: the count, the items. ARGV: window ms, item ('' for none), limit.
 */
const HIT = `
local c = tonumber(redis.call('get', KEYS[1]) or '0')
local item = ARGV[2]
if item ~= '' and c > 0 and redis.call('sismember', KEYS[2], item) == 1 then return c end
if c == 0 then
  redis.call('set', KEYS[1], 1, 'PX', ARGV[1])
  redis.call('del', KEYS[2])
  if item ~= '' then
    redis.call('sadd', KEYS[2], item)
    redis.call('pexpire', KEYS[2], ARGV[1])
  end
  return 1
end
if item ~= '' and c <= tonumber(ARGV[3]) then
  redis.call('sadd', KEYS[2], item)
  local ttl = redis.call('pttl', KEYS[1])
  if ttl > 0 then redis.call('pexpire', KEYS[2], ttl) end
end
return redis.call('incr', KEYS[1])`;

/** Milliseconds left in the window when the count has reached the limit (ARGV[1]), else 0. */
const WAIT = `
local c = tonumber(redis.call('get', KEYS[1]) or '0')
if c == 0 or c < tonumber(ARGV[1]) then return 0 end
local ttl = redis.call('pttl', KEYS[1])
if ttl < 1 then return 1 end
return ttl`;

/**
 * The per-network limits counted in Redis (REDIS_URL), so that they hold across processes: thirty wrong codes a
 * minute are thirty in all, whichever processes a school's requests reach. Fixed windows, as in memory; each
 * count expires with its window, and each remembered key after its time, so Redis keeps only recent traffic.
 */
export function redisLimits(redis: Redis): LimitStore {
  return {
    counter(name, limit, windowMs): RateCounter {
      const count = (key: string) => `paros:rate:${name}:${key}`;
      return {
        async wait(key) {
          const ms = Number(await redis.eval(WAIT, 1, count(key), String(limit)));
          return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
        },
        async hit(key, item) {
          await redis.eval(
            HIT,
            2,
            count(key),
            `${count(key)}:items`,
            String(windowMs),
            item ?? '',
            String(limit),
          );
        },
      };
    },
    remembered(name, forMs): Remembered {
      const at = (key: string) => `paros:${name}:${key}`;
      return {
        async add(key) {
          await redis.set(at(key), '1', 'PX', forMs);
        },
        async has(key) {
          return (await redis.exists(at(key))) === 1;
        },
      };
    },
  };
}
