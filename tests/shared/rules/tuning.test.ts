import { describe, expect, it } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { allScores } from '../../../shared/rules/score.ts';
import { arm, balanced, negotiate, play, type Strategy } from './strategies.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** Average scores over several seeds, so the claims hold for the game and not for one lucky draw. */
function average(strategies: Record<Delegation, Strategy>) {
  const sum = { us: 0, china: 0, russia: 0, commons: 0 };
  for (const seed of SEEDS) {
    const s = allScores(play(seed, strategies));
    for (const d of DELEGATIONS) sum[d] += s.national[d].total / SEEDS.length;
    sum.commons += s.commons.total / SEEDS.length;
  }
  return { ...sum, classTotal: sum.us + sum.china + sum.russia + 3 * sum.commons };
}

const all = (s: Strategy) => ({ us: s, china: s, russia: s });

describe('the security dilemma is a dilemma (ten-round campaign, scripted strategies)', () => {
  const armed = average(all(arm));

  it('a class that only arms ends worse off than one that also negotiates', () => {
    const mixed = average(all(balanced));
    expect(mixed.classTotal).toBeGreaterThan(armed.classTotal);
    expect(mixed.commons).toBeGreaterThan(armed.commons);
  });

  it('a class that only negotiates does better still, for everyone', () => {
    const talked = average(all(negotiate));
    for (const d of DELEGATIONS) expect(talked[d]).toBeGreaterThan(armed[d]);
  });

  it.each(DELEGATIONS)(
    'unilateral restraint costs %s: restraining while the others arm scores less than arming too',
    (d) => {
      const restrained = average({ ...all(arm), [d]: negotiate });
      expect(restrained[d]).toBeLessThan(armed[d]);
    },
  );
});
