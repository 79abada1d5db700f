import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOT_LEVELS, type BotLevel, botWishes, readWorld } from '../../shared/bots/doctrines.ts';
import { botOrders, botSpeech } from '../../shared/bots/decide.ts';
import { DOCTRINE_NAMES } from '../../shared/doctrines/doctrines.ts';
import { playGame } from '../../shared/doctrines/tournament.ts';
import { DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import { loadContent } from '../../server/content.ts';
import type { World } from '../../shared/rules/model.ts';
import { ordersProblem } from '../../shared/rules/orders.ts';
import { resolveRound } from '../../shared/rules/resolve.ts';
import { viewFor } from '../../shared/rules/views.ts';
import { resolveWith, worldWith, YEARS } from './rules/testWorld.ts';

/** A world after `rounds` rounds of three bots at the given levels: the worlds bots meet in play. */
function playedWorld(seed: number, rounds: number, levels: Record<Delegation, BotLevel>): World {
  let w = worldWith({}, seed);
  for (let r = 0; r < rounds; r++) {
    const orders = Object.fromEntries(
      DELEGATIONS.map((d) => [d, botOrders(w, d, levels[d], seed)]),
    ) as Record<Delegation, ReturnType<typeof botOrders>>;
    w = resolveRound(w, orders, YEARS[Math.min(r + 1, YEARS.length - 1)]);
  }
  return w;
}

const level = fc.constantFrom(...BOT_LEVELS);
const levels = fc.record({ us: level, china: level, russia: level });

describe('bots', () => {
  it('always give legal orders, whatever world they meet (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 3 }),
        levels,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, rounds, lv, budget, tension) => {
          const played = playedWorld(seed, rounds, lv);
          const w: World = {
            ...played,
            tension,
            delegations: {
              ...played.delegations,
              us: {
                ...played.delegations.us,
                budget,
                earmarked: Math.min(budget, played.delegations.us.earmarked),
              },
            },
          };
          for (const d of DELEGATIONS) {
            const orders = botOrders(w, d, lv[d], seed);
            expect(ordersProblem(w, d, orders)).toBeUndefined();
            expect(botSpeech(w, d, lv[d], seed).length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("decide from their own view only: another delegation's secrets do not change their orders", () => {
    const w = playedWorld(7, 2, { us: 'expert', china: 'standard', russia: 'novice' });
    for (const me of DELEGATIONS)
      for (const lv of BOT_LEVELS) {
        const other = DELEGATIONS.find((d) => d !== me) as Delegation;
        const secretlyChanged: World = structuredClone(w);
        const o = secretlyChanged.delegations[other];
        o.budget += 7;
        o.earmarked = 0;
        o.objectives = ['none'];
        o.threat = Object.fromEntries(DELEGATIONS.filter((d) => d !== other).map((d) => [d, 99]));
        // A laser built in secret that nobody's sensors caught: in its capabilities, hidden from the others.
        o.capabilities.counterspace.laser += 1;
        secretlyChanged.covert.push({
          id: 'cx',
          round: w.round,
          by: other,
          kind: 'laser',
          knownTo: [],
          public: false,
        });
        expect(viewFor(secretlyChanged, me)).toEqual(viewFor(w, me));
        expect(botOrders(secretlyChanged, me, lv, 7)).toEqual(botOrders(w, me, lv, 7));
        expect(botSpeech(secretlyChanged, me, lv, 7)).toEqual(botSpeech(w, me, lv, 7));
      }
  });

  it('are deterministic: the same world, level and seed give the same orders; another seed may differ', () => {
    const w = playedWorld(3, 1, { us: 'standard', china: 'standard', russia: 'standard' });
    for (const d of DELEGATIONS)
      for (const lv of BOT_LEVELS)
        expect(botOrders(w, d, lv, 3)).toEqual(botOrders(structuredClone(w), d, lv, 3));
    const draws = new Set(
      Array.from({ length: 30 }, (_, seed) =>
        JSON.stringify(
          botWishes({ me: 'russia', now: viewFor(w, 'russia'), before: undefined, level: 'novice', seed }),
        ),
      ),
    );
    expect(draws.size).toBeGreaterThan(1);
  });

  it('play their country: the US asks for verification, China and Russia table the PPWT', () => {
    const w = worldWith({ round: 1, drafts: { ppwt: { tabled: false, sponsors: [] } } });
    const kinds = (d: Delegation) => botOrders(w, d, 'standard', 1).map((o) => o.kind);
    expect(kinds('china')).toContain('tableDraft');
    expect(kinds('russia')).toContain('tableDraft');
    const tabled = worldWith({ round: 1 }); // the PPWT of 2008 is on the table, without verification
    expect(botOrders(tabled, 'us', 'standard', 1)).toContainEqual({
      kind: 'amendDraft',
      draft: 'ppwt',
      clause: 'verification',
    });
    expect(botOrders(tabled, 'us', 'standard', 1).map((o) => o.kind)).not.toContain('coSponsor');
  });

  it('answer arming they can see (standard, expert) and ignore it as novices', () => {
    const calm = resolveWith({ russia: [{ kind: 'buildSsa' }] });
    const armed = resolveWith({ russia: [{ kind: 'buildCounterspace', weapon: 'laser' }] });
    const situation = (w: World) => ({
      me: 'us' as const,
      now: viewFor(w, 'us'),
      before: undefined,
      seed: 1,
    });
    expect(readWorld(situation(calm.w)).armed).toEqual([]);
    expect(readWorld(situation(armed.w)).armed).toEqual(['russia']);
    const standardArmed = botWishes({ ...situation(armed.w), level: 'standard' });
    expect(standardArmed[0]).toEqual({ kind: 'buildMissileDefence' });
    expect(botWishes({ ...situation(calm.w), level: 'standard' })[0]?.kind).not.toBe('buildMissileDefence');
    expect(botWishes({ ...situation(armed.w), level: 'novice' })).toEqual(
      botWishes({ ...situation(calm.w), level: 'novice', now: { ...viewFor(armed.w, 'us') } }),
    );
    expect(botSpeech(armed.w, 'us', 'standard', 1)).toContain('Russia');
  });
});

describe('the balance tournament', () => {
  it('plays the record doctrines through the session rules, the same for the same seed', () => {
    const content = loadContent('content');
    const profile = { us: 'record', china: 'recordNovice', russia: 'recordExpert' } as const;
    const a = playGame(content, 'campaign', 5, profile);
    expect(a.payoff).toEqual(playGame(content, 'campaign', 5, profile).payoff);
    expect(DOCTRINE_NAMES).toEqual(expect.arrayContaining(['record', 'recordNovice', 'recordExpert']));
  });
});
