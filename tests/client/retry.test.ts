import { describe, expect, it } from 'vitest';
import { RECOVERY, recoveryDelays, SDK_RECONNECTION, sdkDelays } from '../../client/src/net/retry.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the retry schedule after a lost connection', () => {
  it('keeps trying through a server restart of two minutes and more', () => {
    // The SDK's attempts alone outlast a minute and a half; our own then cover three minutes more.
    expect(sum(sdkDelays())).toBeGreaterThanOrEqual(90_000);
    expect(sum(recoveryDelays())).toBeGreaterThanOrEqual(RECOVERY.total);
    expect(sum(sdkDelays()) + sum(recoveryDelays())).toBeGreaterThanOrEqual(120_000);
  });

  it('backs off: waits never shrink and stay within their cap, so a class of tabs does not hammer a restarting server', () => {
    for (const [delays, max, min] of [
      [sdkDelays(), SDK_RECONNECTION.maxDelay, SDK_RECONNECTION.minDelay],
      [recoveryDelays(), RECOVERY.max, RECOVERY.first],
    ] as const) {
      expect(delays.length).toBeGreaterThan(3);
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
      expect(Math.max(...delays)).toBe(max);
      expect(Math.min(...delays)).toBe(min);
    }
  });

  it('stops once the total is covered', () => {
    const delays = recoveryDelays({ first: 1000, max: 4000, total: 10_000 });
    expect(delays).toEqual([1000, 2000, 4000, 4000]);
  });
});
