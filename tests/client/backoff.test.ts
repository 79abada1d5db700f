import { describe, expect, it } from 'vitest';
import { RECOVERY_DELAYS_MS, RECOVERY_SPAN_MS } from '../../client/src/net/backoff.ts';

describe('how long a tab keeps trying to find its seat', () => {
  it('rides out a server restart of two minutes (tabs used to give up after about 15 seconds)', () => {
    expect(RECOVERY_SPAN_MS).toBe(195_000);
    expect(RECOVERY_SPAN_MS).toBeGreaterThan(120_000);
  });

  it('tries again soon at first, then never waits more than 15 seconds between tries', () => {
    expect(RECOVERY_DELAYS_MS[0]).toBe(1_000);
    expect(Math.max(...RECOVERY_DELAYS_MS)).toBe(15_000);
    expect(RECOVERY_DELAYS_MS.every((d, i) => i === 0 || d >= (RECOVERY_DELAYS_MS[i - 1] ?? 0))).toBe(true);
  });
});
