import { describe, expect, it } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import {
  BLOC_SEATS,
  GA_RECORD,
  type Stance,
  shifted,
  tallyAssembly,
} from '../../../shared/rules/assembly.ts';
import { BLOCS, type ResolutionTopic, type Vote } from '../../../shared/rules/model.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import { byRule, playRounds, resolveWith, worldWith } from './testWorld.ts';

/** Plays the record: the record's sponsors propose the topic in round 1, and the three vote as they did in round 2. */
function playRecord(topic: ResolutionTopic, extra: Partial<Record<Delegation, Order[]>> = {}) {
  const rec = GA_RECORD[topic];
  const id = `r1-${topic}`;
  const proposals = Object.fromEntries(
    rec.sponsors.map((d) => [d, [{ kind: 'proposeResolution', topic } as Order]]),
  );
  const votes = Object.fromEntries(
    DELEGATIONS.map((d) => [
      d,
      [{ kind: 'voteResolution', resolution: id, vote: rec.votes[d] } as Order, ...(extra[d] ?? [])],
    ]),
  );
  const [, voted] = playRounds([proposals, votes]);
  return voted!;
}

describe('the General Assembly is fitted to the record', () => {
  it.each([
    ['noFirstPlacement', 'A/RES/69/32', { yes: 126, no: 4, abstain: 46 }],
    ['asatTestBan', 'A/RES/77/41', { yes: 155, no: 9, abstain: 9 }],
    ['responsibleBehaviours', 'A/RES/75/36', { yes: 164, no: 12, abstain: 6 }],
  ] as const)(
    '%s with its record sponsors and votes comes out as %s, within 3 of each count',
    (topic, resolution, record) => {
      expect(GA_RECORD[topic].resolution).toBe(resolution);
      const result = playRecord(topic).w.resolutions[0]?.result;
      expect(result?.adopted).toBe(true);
      expect(Math.abs((result?.yes ?? 0) - record.yes)).toBeLessThanOrEqual(3);
      expect(Math.abs((result?.no ?? 0) - record.no)).toBeLessThanOrEqual(3);
      expect(Math.abs((result?.abstain ?? 0) - record.abstain)).toBeLessThanOrEqual(3);
    },
  );

  it.each(Object.keys(GA_RECORD) as ResolutionTopic[])(
    "%s: the blocs' record splits add up to the record's tally and fit in their seats",
    (topic) => {
      const rec = GA_RECORD[topic];
      const sum = { yes: 0, no: 0, abstain: 0 };
      for (const d of DELEGATIONS) sum[rec.votes[d]]++;
      for (const b of BLOCS) {
        const s = rec.blocs[b];
        expect(s.yes + s.no + s.abstain).toBeLessThanOrEqual(BLOC_SEATS[b]);
        sum.yes += s.yes;
        sum.no += s.no;
        sum.abstain += s.abstain;
      }
      expect(sum).toEqual(rec.tally);
      expect(Object.values(BLOC_SEATS).reduce((a, b) => a + b, 0) + DELEGATIONS.length).toBe(193);
    },
  );
});

describe("the delegations' votes and lobbying move the margin", () => {
  const neutral = { us: 50, china: 50, russia: 50 };
  const stances = (votes: Record<Delegation, Vote>, sponsors: Delegation[]) =>
    Object.fromEntries(
      DELEGATIONS.map((d) => [d, { vote: votes[d], sponsor: sponsors.includes(d), lobby: undefined }]),
    ) as Record<Delegation, Stance>;

  it('the record stances at neutral standing give the record exactly', () => {
    for (const topic of Object.keys(GA_RECORD) as ResolutionTopic[]) {
      const rec = GA_RECORD[topic];
      const t = tallyAssembly(topic, stances(rec.votes, rec.sponsors), neutral, 35);
      expect({ yes: t.yes, no: t.no, abstain: t.abstain }).toEqual(rec.tally);
    }
  });

  it('China and Russia abstaining on the ASAT test halt, instead of voting no, bring states over to yes', () => {
    const rec = GA_RECORD.asatTestBan;
    const record = tallyAssembly('asatTestBan', stances(rec.votes, rec.sponsors), neutral, 35);
    const abstained = tallyAssembly(
      'asatTestBan',
      stances({ us: 'yes', china: 'abstain', russia: 'abstain' }, ['us']),
      neutral,
      35,
    );
    expect(abstained.yes).toBeGreaterThan(record.yes);
    expect(abstained.no).toBeLessThan(record.no);
  });

  it('lobbying against a text takes seats from its yes, in the game as in the tally', () => {
    const quiet = playRecord('noFirstPlacement').w.resolutions[0]?.result;
    const lobbied = playRecord('noFirstPlacement', {
      us: [{ kind: 'lobbyResolution', resolution: 'r1-noFirstPlacement', vote: 'no' }],
    }).w.resolutions[0]?.result;
    expect(lobbied?.yes).toBeLessThan(quiet?.yes ?? 0);
    expect(lobbied?.no).toBeGreaterThan(quiet?.no ?? 0);
  });

  it('a bloc moves step by step: abstainers to yes and no votes to abstentions, never beyond its states', () => {
    expect(shifted({ yes: 2, no: 3, abstain: 40 }, 5)).toEqual({ yes: 7, no: 0, abstain: 38 });
    expect(shifted({ yes: 108, no: 0, abstain: 2 }, -5)).toEqual({ yes: 103, no: 2, abstain: 5 });
    expect(shifted({ yes: 48, no: 0, abstain: 0 }, 9)).toEqual({ yes: 48, no: 0, abstain: 0 });
  });
});

describe('the price of a vote and the reward of a text', () => {
  it('China voting no on the ASAT test halt goes against most of the NAM: it pays in standing', () => {
    const r = playRecord('asatTestBan');
    const china = byRule(r, 'unVote').filter((c) => c.target === 'legitimacy.china');
    expect(china.map((c) => c.cause)).toContain(
      'China voted no on the resolution on a halt to destructive direct-ascent ASAT tests, against most of the Non-Aligned Movement and G-21',
    );
  });

  it('only sponsors gain prestige, and a wide margin eases tension a little', () => {
    const r = playRecord('asatTestBan');
    const prestige = byRule(r, 'unVote').filter((c) => c.target.startsWith('prestige.'));
    expect(prestige.map((c) => c.target)).toEqual(['prestige.us']);
    expect(
      byRule(r, 'unVote')
        .filter((c) => c.target === 'tension')
        .map((c) => c.delta),
    ).toEqual([-1]);
  });

  it('four texts in one round give their sponsor a few points of prestige, not a landslide', () => {
    const topics = Object.keys(GA_RECORD) as ResolutionTopic[];
    const [, voted] = playRounds([
      { us: topics.map((topic): Order => ({ kind: 'proposeResolution', topic })) },
      {},
    ]);
    const before = worldWith().delegations.us.prestige;
    expect(voted!.w.delegations.us.prestige - before).toBeLessThanOrEqual(4 * 2);
    expect(worldWith().tension - voted!.w.tension).toBeLessThan(9);
    // Still a resolution a topic: the US proposing all four again the next year is allowed.
    expect(
      resolveWith({ us: [{ kind: 'proposeResolution', topic: 'asatTestBan' }] }, voted!.w).w.resolutions,
    ).toHaveLength(5);
  });
});
