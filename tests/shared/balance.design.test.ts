import { describe, expect, it } from 'vitest';
import { loadContent } from '../../server/content.ts';
import type { DoctrineName } from '../../shared/doctrines/doctrines.ts';
import { type Profile, profileKey, tournament } from '../../shared/doctrines/tournament.ts';
import { DELEGATIONS } from '../../shared/model/seats.ts';

/**
 * The design of PAROS, pinned (issue 2.2): what wins in play is what the class learns. A reduced tournament
 * (six doctrines, the campaign with its cards, two seeds: 432 games) must show the paper's argument. The full
 * table is `npm run balance`, read in docs/balance.md.
 */
const content = loadContent('content');
const DOCTRINES: DoctrineName[] = ['idle', 'arm', 'covertArm', 'spam', 'negotiate', 'verifiedCooperation'];
const result = tournament(content, 'campaign', DOCTRINES, [1, 2]);
const all = (n: DoctrineName): Profile => ({ us: n, china: n, russia: n });
const mean = (p: Profile) => result.mean.get(profileKey(p)) as Record<'us' | 'china' | 'russia', number>;
const gamesOf = (p: Profile) => result.games.filter((g) => profileKey(g.profile) === profileKey(p));

describe('the balance tournament pins the design', () => {
  it('never rewards resolution spam: spam is no delegation’s best response', () => {
    for (const d of DELEGATIONS) expect(result.bestResponses[d].spam, d).toBe(0);
  });

  it('lets no doctrine dominate: none is a best response in more than 60% of opponent profiles', () => {
    for (const d of DELEGATIONS)
      for (const n of DOCTRINES)
        expect(result.bestResponses[d][n] / result.opponentProfiles, `${d} ${n}`).toBeLessThanOrEqual(0.6);
  });

  it('makes watched cooperation hold: conditional verified cooperation is a best response to itself', () => {
    for (const d of DELEGATIONS) {
      const payoff = (n: DoctrineName) => mean({ ...all('verifiedCooperation'), [d]: n })[d];
      const best = Math.max(...DOCTRINES.map(payoff));
      expect(payoff('verifiedCooperation'), d).toBeGreaterThanOrEqual(best - 1e-9);
    }
  });

  it('is a security dilemma: everyone cooperating ends better for each than everyone arming', () => {
    const cooperating = mean(all('verifiedCooperation'));
    const arming = mean(all('arm'));
    for (const d of DELEGATIONS) expect(cooperating[d], d).toBeGreaterThan(arming[d]);
  });

  it('ends in crisis when everyone arms, and not when everyone cooperates', () => {
    for (const g of gamesOf(all('arm'))) expect(g.crisis, `seed ${g.seed}`).toBe(true);
    for (const g of gamesOf(all('verifiedCooperation'))) expect(g.crisis, `seed ${g.seed}`).toBe(false);
  });

  it('makes objectives earned: each is met in 30–70% of mixed games and in few idle ones', () => {
    for (const o of result.objectiveRates) {
      expect(o.mixed, o.id).toBeGreaterThanOrEqual(0.3);
      expect(o.mixed, o.id).toBeLessThanOrEqual(0.7);
      expect(o.idle, o.id).toBeLessThanOrEqual(0.5);
    }
  });
});
