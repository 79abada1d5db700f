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
  [1, '85ea4409185537a6'],
  [2, 'af95487d7d1be186'],
  [3, '294dcd82bbad2e3c'],
  [4, '3b986ad8332a1703'],
  [5, '7e6bb4b998396dd4'],
  [6, '4aceb1aa4ac3a831'],
  [29, '1efd0308037a7904'], // with technology deals agreed; recorded again: one launch order per orbit a round
  [124, '98e55c6b234edfd3'], // with technology deals agreed
];

/** The hash of the final hashes of campaigns 1 to 200, in order. */
const ALL_200 = 'af76e4e28a896882'; // recorded again when one launch order per orbit a round became the rule

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
