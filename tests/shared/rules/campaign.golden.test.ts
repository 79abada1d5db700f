/**
 * Golden hashes of seeded campaigns: ten rounds of random legal orders of every kind, from starting points off
 * the record. The expected values were recorded from the engine before its order kinds were split into one
 * handler each (the per-arena resolveDiplomacy/resolveBilateral/resolveOrbit); they pin bit-identical behaviour,
 * down to the order of the recorded changes and story lines. A rules change that is meant to change outcomes
 * records new values here, and says so in its commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { playCampaign, worldHash } from './campaign.ts';

const FINAL: [seed: number, hash: string][] = [
  [1, '124b3fe7d9554c85'],
  [2, '0eaeff9303836d06'],
  [3, 'd9b703b83eb95f68'],
  [4, '9dd20c3693f7c3bb'],
  [5, 'fac0214c9e8dbbac'],
  [6, '7c58f3cf56fc3c7c'],
  [29, 'abd978c82bd4b204'], // with technology deals agreed; recorded again: one launch order per orbit a round
  [124, 'f7c3bf5a1338b736'], // with technology deals agreed
];

/** The hash of the final hashes of campaigns 1 to 200, in order. */
const ALL_200 = 'f238604637cf91e5'; // recorded again for issue 2.4: a statement without words and a natural cause are named in words, not by their ids

describe('seeded campaigns end in the recorded worlds', () => {
  it.each(FINAL)('campaign %i', (seed, hash) => {
    expect(worldHash(playCampaign(seed).at(-1)!)).toBe(hash);
  });

  // 2,000 rounds: a couple of seconds alone, longer on a loaded machine.
  it('campaigns 1 to 200, together', { timeout: 60_000 }, () => {
    const finals: string[] = [];
    for (let seed = 1; seed <= 200; seed++) finals.push(worldHash(playCampaign(seed).at(-1)!));
    expect(createHash('sha256').update(finals.join('\n')).digest('hex').slice(0, 16)).toBe(ALL_200);
  });
});
