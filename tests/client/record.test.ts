/**
 * "Your game against the record" (client/src/replay/record.ts): each resolved round's decisions of the class, in
 * plain words, beside the events of those years its cards come from, read from a class recorded as the room
 * records it (tests/client/replayLog.ts: Russia never confirms; the teacher plays the Space Force card).
 */
import { describe, expect, it } from 'vitest';
import { buildReplay } from '../../client/src/replay/model.ts';
import { firstSentence, gameAgainstRecord } from '../../client/src/replay/record.ts';
import { sourceLine } from '../../client/src/ui/cards.ts';
import { DELEGATIONS } from '../../shared/model/seats.ts';
import { describeOrder } from '../../shared/rules/describe.ts';
import { ORDERS, PLAYED_CARD, playClass, replayLogOf } from './replayLog.ts';

const replay = buildReplay('s-7KQ3MX-1700000000', replayLogOf(playClass()));
const record = gameAgainstRecord(replay);

describe('your game against the record', () => {
  it('has one row per resolved round, with its year', () => {
    expect(record.map((r) => [r.round, r.year])).toEqual(replay.rounds.map((r) => [r.round, r.year]));
    expect(record).toHaveLength(2);
  });

  it('says what each delegation did: the orders played, in words, or why nothing was played', () => {
    for (const [i, row] of record.entries()) {
      expect(row.decisions.map((d) => d.delegation)).toEqual([...DELEGATIONS]);
      for (const d of ['us', 'china'] as const)
        expect(row.decisions.find((x) => x.delegation === d)?.did).toEqual(ORDERS[i]?.[d].map(describeOrder));
      // Russia drafted every round but its head never confirmed.
      expect(row.decisions.find((x) => x.delegation === 'russia')?.did).toEqual([
        'Drafted orders but never confirmed them: nothing was played.',
      ]);
    }
  });

  it('adds what came of it from the public story, without the card notices or the lines the decisions say', () => {
    const first = record[0];
    expect(first?.outcomes.length).toBeGreaterThan(0);
    expect(first?.outcomes.some((o) => o.includes('launched 1 satellite'))).toBe(true);
    for (const row of record)
      for (const o of row.outcomes) {
        expect(o).not.toMatch(/^The teacher played a card|^New card:|gave no orders this round/);
        expect(o).not.toMatch(/Rocket-engine sales/); // Russia's own line, not the class's
      }
  });

  it('sets the cards of each round beside it, with date, title, first sentence and source', () => {
    const played = replay.final?.world?.cards.find((c) => c.card.id === PLAYED_CARD);
    expect(played).toBeDefined();
    const row = record.find((r) => r.round === played?.round);
    expect(row?.events).toEqual([
      {
        date: played?.card.date,
        title: played?.card.title,
        gist: firstSentence(played?.card.briefing ?? ''),
        source: sourceLine(played!.card),
        byTeacher: true,
      },
    ]);
    // A round with no card says so by an empty list, not by a card of another round.
    expect(record.find((r) => r.round !== played?.round)?.events).toEqual([]);
  });

  it('cuts a briefing after its first sentence, not at an abbreviation or a decimal', () => {
    expect(firstSentence('In March 2014 Russia annexed Crimea. The US answered with sanctions.')).toBe(
      'In March 2014 Russia annexed Crimea.',
    );
    expect(firstSentence('A 2.5 km debris cloud spread in orbit. Nobody claimed it.')).toBe(
      'A 2.5 km debris cloud spread in orbit.',
    );
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });
});
