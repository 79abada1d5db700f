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
  [1, '93a37aa61b37b5cb'],
  [2, '848443da4dd190e6'],
  [3, '7a1d7aab604bfa2c'],
  [4, '29e3a295b6e364a0'],
  [5, '6f9f8703c2d0c4b4'],
  [6, 'f17f124513464cfe'],
  [29, '08bfa31f3bea4dca'], // with technology deals agreed; recorded again: one launch order per orbit a round
  [124, '9f10bedcd2b84bc0'], // with technology deals agreed
];

/** The hash of the final hashes of campaigns 1 to 200, in order. */
const ALL_200 = 'fa0964a29b266534'; // recorded again for rules v2: amendments by consent, signature and ratification, verification

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
