/**
 * How long a tab keeps trying to get back into its session. A server restart (a deploy, a crash and its restart)
 * can take two minutes or more; a tab that gives up earlier costs the student the seat. Pure, so it is tested.
 */

/** The SDK's own reconnection (room.reconnection): attempt n waits min(maxDelay, max(minDelay, 2^n × delay)). */
export const SDK_RECONNECTION = { maxRetries: 15, delay: 250, minDelay: 500, maxDelay: 8000 } as const;

/** After the SDK gives up: waits that double from 2 s up to 15 s, until 3 minutes more have been covered. */
export const RECOVERY = { first: 2000, max: 15_000, total: 180_000 } as const;

/** The waits of the SDK's attempts, as its Room computes them (0.18: exponentialBackoff, clamped). */
export function sdkDelays(c: typeof SDK_RECONNECTION = SDK_RECONNECTION): number[] {
  return Array.from({ length: c.maxRetries }, (_, i) =>
    Math.min(c.maxDelay, Math.max(c.minDelay, 2 ** (i + 1) * c.delay)),
  );
}

/** The waits before each of our own attempts: doubling, capped, until their sum reaches the total. */
export function recoveryDelays(c: { first: number; max: number; total: number } = RECOVERY): number[] {
  const delays: number[] = [];
  let sum = 0;
  for (let d = c.first; sum < c.total; d = Math.min(c.max, d * 2)) {
    delays.push(d);
    sum += d;
  }
  return delays;
}
