import type { Capabilities } from './model.ts';
import { UPKEEP_FREE_LEVELS, UPKEEP_PER_LEVEL } from './tuning.ts';

/** The weapon levels a delegation pays to keep: every counterspace level and every missile-defence level. */
export function armedLevels(c: Capabilities): number {
  return (
    c.counterspace.jamming +
    c.counterspace.laser +
    c.counterspace.coOrbital +
    c.counterspace.directAscent +
    c.missileDefence
  );
}

/**
 * What keeping those weapons costs each round, in budget points: half a point for each level beyond the six the
 * income already pays for (a starting arsenal), rounded down. Arming has a price after the build, and a covert
 * weapon costs its owner as much as an open one.
 */
export function upkeepOf(c: Capabilities): number {
  return Math.floor(Math.max(0, armedLevels(c) - UPKEEP_FREE_LEVELS) * UPKEEP_PER_LEVEL);
}
