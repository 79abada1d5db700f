import { describe, expect, it } from 'vitest';
import { arm, negotiate, othersDefected, verifiedCooperation } from '../../shared/doctrines/doctrines.ts';
import { affordableOrders, playGame, tournament } from '../../shared/doctrines/tournament.ts';
import { ordersProblem } from '../../shared/rules/orders.ts';
import { viewFor } from '../../shared/rules/views.ts';
import { loadContent } from '../../server/content.ts';
import { resolveWith, worldWith } from './rules/testWorld.ts';

const content = loadContent('content');

describe('doctrines', () => {
  it('keep only the affordable, valid prefix of their wishes', () => {
    const w = worldWith({ delegations: { china: { budget: 3, earmarked: 0 } } });
    const orders = affordableOrders(
      w,
      'china',
      arm({ me: 'china', now: viewFor(w, 'china'), before: undefined }),
    );
    expect(orders.length).toBeGreaterThan(0);
    expect(ordersProblem(w, 'china', orders)).toBeUndefined();
    // The first wish (a counterspace build) fits; the whole list does not.
    expect(orders.length).toBeLessThan(
      arm({ me: 'china', now: viewFor(w, 'china'), before: undefined }).length,
    );
  });

  it('verified cooperation talks while nobody armed, and answers visible arming with a round of arming', () => {
    const calm = resolveWith({ russia: [{ kind: 'buildSsa' }] });
    const calmView = { me: 'us' as const, now: viewFor(calm.w, 'us'), before: undefined };
    expect(othersDefected(calmView)).toBe(false);
    expect(verifiedCooperation(calmView)).toEqual(negotiate(calmView));

    const armed = resolveWith({ russia: [{ kind: 'buildCounterspace', weapon: 'laser' }] });
    const armedView = { me: 'us' as const, now: viewFor(armed.w, 'us'), before: undefined };
    expect(othersDefected(armedView)).toBe(true);
    expect(verifiedCooperation(armedView)).toEqual(arm(armedView));
    // Its own arming is not a defection by others.
    expect(othersDefected({ ...armedView, me: 'russia', now: viewFor(armed.w, 'russia') })).toBe(false);
  });
});

describe('the balance tournament', () => {
  it('plays a scenario to its end through the session rules, the same way twice', () => {
    const profile = { us: 'verifiedCooperation', china: 'arm', russia: 'negotiate' } as const;
    const a = playGame(content, 'one-period', 3, profile);
    const b = playGame(content, 'one-period', 3, profile);
    expect(a).toEqual(b);
    const idle = playGame(content, 'one-period', 3, { us: 'idle', china: 'idle', russia: 'idle' });
    expect(a.payoff).not.toEqual(idle.payoff);
  });

  it('counts best responses over every opponent profile', () => {
    const names = ['idle', 'arm', 'negotiate'] as const;
    const t = tournament(content, 'one-period', names, [1]);
    expect(t.games).toHaveLength(27);
    expect(t.opponentProfiles).toBe(9);
    for (const d of ['us', 'china', 'russia'] as const) {
      const counts = Object.values(t.bestResponses[d]);
      // Every opponent profile has at least one best response; ties count for each.
      expect(counts.reduce((s, n) => s + n, 0)).toBeGreaterThanOrEqual(9);
      expect(Math.max(...counts)).toBeLessThanOrEqual(9);
    }
    for (const o of t.objectiveRates) {
      expect(o.mixed).toBeGreaterThanOrEqual(0);
      expect(o.mixed).toBeLessThanOrEqual(1);
    }
  });
});
