/**
 * The debrief's readings of a replay: the points its charts are drawn on, the largest moves between rounds with
 * their recorded causes, and the turning points of each round. Worlds are built by hand, so every expected
 * number is worked out below.
 */
import { describe, expect, it } from 'vitest';
import { cardMarkers, largestJumps, roundPoints, turningPoints } from '../../client/src/replay/debrief.ts';
import type { DeskAtResolution, Replay, RoundRecord } from '../../client/src/replay/model.ts';
import type { Delegation } from '../../shared/model/seats.ts';
import type { Change, World } from '../../shared/rules/model.ts';
import type { Order } from '../../shared/rules/orders.ts';
import { worldWith } from '../shared/rules/testWorld.ts';

const change = (target: string, delta: number, cause: string, round = 1): Change => ({
  round,
  target,
  delta,
  after: 0,
  cause,
  source: { kind: 'rule', rule: 'test' },
  visibleTo: 'all',
});

const desk = (orders: Order[], confirmed = true): DeskAtResolution => ({
  orders,
  confirmed,
  unplayable: undefined,
  notes: '',
});

/** The starting world: tension 35, debris 25, the commons at 75 (100 - 15 debris - 14 tension + 4 measures). */
const start = worldWith();

/**
 * Round 1: tension 35 -> 60 (its causes recorded +20, +10, -5, and one from round 0 that is not this round's),
 * the PPWT adopted, a resolution voted, a violation nobody saw. The commons fall to 65 (tension now -24).
 */
const after: World = worldWith({
  round: 1,
  tension: 60,
  drafts: { ppwt: { adoptedRound: 1 } },
  resolutions: [
    {
      id: 'r1-asatTestBan',
      topic: 'asatTestBan',
      sponsors: ['china'],
      proposedRound: 0,
      result: {
        yes: 120,
        no: 30,
        abstain: 20,
        adopted: true,
        votes: { us: 'no', china: 'yes', russia: 'yes' },
      },
    },
  ],
  violations: [{ round: 1, by: 'russia', rule: 'PPWT', what: 'it placed a weapon in orbit', detectedBy: [] }],
  changes: [
    change('tension', 10, 'Russia jammed a US satellite'),
    change('tension', 20, 'The US tested an ASAT missile'),
    change('tension', -5, 'A hotline call calmed things'),
    change('tension', 30, 'An older crisis', 0),
  ],
});

function replayOf(rounds: RoundRecord[], first: { start: World | undefined } = { start }): Replay {
  return {
    start: first.start,
    rounds,
    cards: [],
    final: undefined,
  } as unknown as Replay;
}

const roundOne = (desks: Partial<Record<Delegation, DeskAtResolution>> = {}): RoundRecord => ({
  round: 1,
  year: 2030,
  index: 17,
  hash: '',
  before: start,
  after,
  desks: { us: desk([]), china: desk([]), russia: desk([]), ...desks },
});

describe('round points', () => {
  it('are the start and the end of each resolved round, labelled with its year', () => {
    const { labels, worlds } = roundPoints(replayOf([roundOne()]));
    expect(labels).toEqual(['Start', 'Round 1 (2030)']);
    expect(worlds.map((w) => w.tension)).toEqual([35, 60]);
  });

  it('are none before round 1 began', () => {
    expect(roundPoints(replayOf([], { start: undefined }))).toEqual({ labels: [], worlds: [] });
  });
});

describe('largest jumps', () => {
  it("put the largest move first, with this round's three largest causes", () => {
    expect(largestJumps(replayOf([roundOne()]), 1)).toEqual([
      {
        round: 1,
        line: 'Tension',
        from: 35,
        to: 60,
        causes: [
          'The US tested an ASAT missile (+20)',
          'Russia jammed a US satellite (+10)',
          'A hotline call calmed things (-5)',
        ],
      },
    ]);
  });

  it('include the scores, largest first, and no line that did not move', () => {
    const jumps = largestJumps(replayOf([roundOne()]));
    expect(jumps).toContainEqual({ round: 1, line: 'Global commons', from: 75, to: 65, causes: [] });
    const sizes = jumps.map((j) => Math.abs(j.to - j.from));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(jumps.every((j) => j.from !== j.to)).toBe(true);
    expect(jumps.map((j) => j.line)).not.toContain('Debris');
  });
});

describe('turning points', () => {
  it('tell a round: its largest moves, an adoption, a vote, a weapons test, a violation', () => {
    const test: Order = { kind: 'testCounterspace', weapon: 'directAscent', target: 'china' };
    const replay = replayOf([roundOne({ us: desk([test]) })]);
    const [turns] = turningPoints(replay, largestJumps(replay, 1));
    expect(turns?.round).toBe(1);
    expect(turns?.year).toBe(2030);
    expect(turns?.items[0]).toBe('Tension +25 (35 → 60), one of the largest moves of the game.');
    expect(turns?.items).toContain(
      'The Conference on Disarmament adopted the PPWT (treaty on the prevention of the placement of weapons in outer space) by consensus.',
    );
    expect(turns?.items).toContain(
      'The General Assembly adopted the resolution on a halt to destructive direct-ascent ASAT tests (120–30, 20 abstaining).',
    );
    expect(turns?.items.filter((i) => i.startsWith('Weapons test: United States: '))).toHaveLength(1);
    expect(turns?.items.at(-1)).toBe(
      'Violation: Russia broke PPWT: it placed a weapon in orbit; nobody found out during play.',
    );
    expect(turns?.questions).toEqual([]);
  });

  it('leave out the weapons test of a desk whose orders were never confirmed', () => {
    const test: Order = { kind: 'testCounterspace', weapon: 'directAscent', target: 'china' };
    const replay = replayOf([roundOne({ us: desk([test], false) })]);
    const [turns] = turningPoints(replay, []);
    expect(turns?.items.some((i) => i.startsWith('Weapons test'))).toBe(false);
  });
});

describe('card markers', () => {
  it('label each card with its date, title and round, and say when the teacher played it', () => {
    const replay = {
      cards: [
        {
          index: 3,
          x: 0.5,
          card: { round: 1, injected: false, card: { date: '2015-05-01', title: 'A test' } },
        },
        {
          index: 9,
          x: 1.5,
          card: { round: 2, injected: true, card: { date: '2016-01-02', title: 'A law' } },
        },
      ],
    } as unknown as Replay;
    expect(cardMarkers(replay)).toEqual([
      { x: 0.5, label: '2015-05-01 · A test (round 1)' },
      { x: 1.5, label: '2016-01-02 · A law (round 2, played by the teacher)' },
    ]);
  });
});
