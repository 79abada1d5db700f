// Frozen: rules version 1, copied from shared/rules/rng.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/** The generator's state for a seed: kept in the world, so the same seed and commands give the same draws. */
export function seedRng(seed: number): number[] {
  return [...xoroshiro128plus(mix(seed)).getState()];
}

/**
 * Scrambles a seed (a 32-bit integer hash, after MurmurHash3's finalizer), so that neighbouring seeds (1, 2, 3)
 * do not start with neighbouring draws.
 */
function mix(seed: number): number {
  let h = seed | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Draws from the world's generator during one resolution; `state()` gives the state to store back. */
export class Dice {
  private readonly rng;

  constructor(state: readonly number[]) {
    this.rng = xoroshiro128plusFromState(state);
  }

  /** An integer from `from` to `to`, both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** True with probability `p` (0 to 1), to a ten-thousandth. */
  chance(p: number): boolean {
    return this.int(0, 9999) < Math.round(p * 10000);
  }

  state(): number[] {
    return [...this.rng.getState()];
  }
}
