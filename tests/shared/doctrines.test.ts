import { describe, expect, it } from 'vitest';
import {
  arm,
  balanced,
  negotiate,
  othersDefected,
  spam,
  verifiedCooperation,
} from '../../shared/doctrines/doctrines.ts';
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

describe('doctrines at the CD (rules v2)', () => {
  const see = (me: 'us' | 'china' | 'russia', w: ReturnType<typeof worldWith>) => ({
    me,
    now: viewFor(w, me),
    before: undefined,
  });
  const kinds = (orders: { kind: string }[]) => orders.map((o) => o.kind);

  it('negotiators sign an adopted verified text, then ratify it; the US never binds itself to an unverified PPWT', () => {
    const verified = worldWith({
      round: 1,
      drafts: {
        ppwt: {
          adoptedRound: 1,
          momentum: 70,
          clauses: { verification: true, groundBasedAsat: false, definitions: true },
        },
      },
    });
    for (const doctrine of [negotiate, balanced, verifiedCooperation])
      expect(doctrine(see('us', verified))).toContainEqual({ kind: 'signTreaty', draft: 'ppwt' });
    const signed = worldWith({
      round: 2,
      drafts: { ppwt: { adoptedRound: 1, signatures: [{ by: 'us', round: 2 }] } },
    });
    // Signed, but without verification: the US goes no further.
    expect(kinds(negotiate(see('us', signed)))).not.toContain('ratifyTreaty');
    expect(kinds(negotiate(see('us', signed)))).not.toContain('signTreaty');
    signed.drafts.ppwt.clauses.verification = true;
    expect(negotiate(see('us', signed))).toContainEqual({ kind: 'ratifyTreaty', draft: 'ppwt' });
    // Spam does nothing with texts.
    expect(kinds(spam(see('us', verified)))).not.toContain('signTreaty');
  });

  it('a negotiating sponsor accepts the amendments waiting for its answer', () => {
    const r = resolveWith({ us: [{ kind: 'amendDraft', draft: 'ppwt', clause: 'verification' }] });
    expect(negotiate(see('china', r.w))[0]).toEqual({
      kind: 'answerAmendment',
      draft: 'ppwt',
      clause: 'verification',
      answer: 'accept',
    });
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
