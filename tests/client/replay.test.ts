/**
 * The replay viewer's model and its files, on a class recorded the way the room records it: where each phase
 * begins, what each desk held at each resolution, the states at every position, the bookmarks, and the
 * exports made in the browser.
 */
import { describe, expect, it } from 'vitest';
import { logJsonLines, ordersCsv, fileStem } from '../../client/src/replay/exports.ts';
import { buildReplay, finalWorld, markAt, played, stateAt } from '../../client/src/replay/model.ts';
import { ORDERS, playClass, replayLogOf } from './replayLog.ts';

const recorded = playClass();
const replay = () => buildReplay('s-7KQ3MX-1700000000', replayLogOf(recorded));

describe('building a replay', () => {
  it('has a frame before the first entry and one after each of the 31 entries', () => {
    const r = replay();
    expect(r.problem).toBeUndefined();
    expect(r.frames).toHaveLength(32);
    expect(r.frames[0]?.entry).toBeUndefined();
    expect(r.frames[7]?.entry?.command.type).toBe('startSession');
    expect(r.frames.map((f) => f.resolved)).toEqual([
      ...Array(17).fill(0),
      ...Array(12).fill(1),
      ...Array(3).fill(2),
    ]);
    expect(r.frames.at(-1)?.stage).toBe('ended');
  });

  it('marks where each phase begins: the lobby, five phases a round, then the end', () => {
    expect(replay().marks.map((m) => [m.index, m.round, m.phase, m.year])).toEqual([
      [0, 0, 'lobby', undefined],
      [7, 1, 'briefing', 2030],
      [9, 1, 'negotiation', 2030],
      [11, 1, 'orders', 2030],
      [17, 1, 'resolution', 2030],
      [18, 1, 'debrief', 2030],
      [19, 2, 'briefing', 2031],
      [20, 2, 'negotiation', 2031],
      [22, 2, 'orders', 2031],
      [29, 2, 'resolution', 2031],
      [30, 2, 'debrief', 2031],
      [31, 2, 'ended', undefined],
    ]);
  });

  it('markAt gives the phase a position falls in', () => {
    const r = replay();
    expect(markAt(r, 0).phase).toBe('lobby');
    expect(markAt(r, 6).phase).toBe('lobby');
    expect([markAt(r, 12).round, markAt(r, 12).phase]).toEqual([1, 'orders']);
    expect([markAt(r, 21).round, markAt(r, 21).phase]).toEqual([2, 'negotiation']);
    expect(markAt(r, 31).phase).toBe('ended');
  });

  it("records each resolved round with its desks: the US and China confirmed, Russia's orders never played", () => {
    const r = replay();
    expect(r.rounds.map((x) => [x.round, x.year, x.index])).toEqual([
      [1, 2030, 17],
      [2, 2031, 29],
    ]);
    const [first, second] = r.rounds;
    expect(first?.desks.us.confirmed).toBe(true);
    expect(first?.desks.china.confirmed).toBe(true);
    expect(first?.desks.russia.confirmed).toBe(false);
    expect(first?.desks.russia.orders).toEqual(ORDERS[0]?.russia);
    expect(played(first!.desks.russia)).toEqual([]);
    expect(played(first!.desks.us)).toEqual(first?.desks.us.orders);
    expect(first?.desks.us.notes).toBe('Round 1: talk to Moscow first.');
    expect(second?.desks.us.notes).toBe('Round 2: talk to Moscow first.');
    expect([first?.before.round, first?.after.round, second?.after.round]).toEqual([0, 1, 2]);
  });

  it('fingerprints each resolution as the room did in play', () => {
    expect(replay().rounds.map((x) => x.hash)).toEqual(recorded.hashes.map((h) => h.hash));
  });

  it("places the teacher's card in round 1, and keeps every nickname and both kinds of bookmark in order", () => {
    const r = replay();
    expect(r.cards.map((c) => [c.index, c.x, c.card.card.id, c.card.injected])).toEqual([
      [8, 0.5, 'x03-us-space-force', true],
    ]);
    expect([...r.nicknames]).toEqual([
      ['m1', 'Student 1'],
      ['m2', 'Student 2'],
      ['m3', 'Student 3'],
    ]);
    expect(r.bookmarks).toEqual([
      { seq: 3, note: 'Everyone is seated', from: 'replay', at: 1_800_000_000_000 },
      { seq: 28, note: 'Russia did not confirm', from: 'play', at: 1_700_000_028_000 },
    ]);
    expect(r.scenarioTitle).toBe('Two rounds');
  });

  it('starts from the world of round 1 before its cards, and ends at the last state', () => {
    const r = replay();
    expect(r.start?.round).toBe(0);
    expect(r.start?.cards).toEqual([]);
    expect(finalWorld(r)).toEqual(recorded.state.world);
    expect(r.final).toEqual(recorded.state);
  });
});

describe('the state at a position', () => {
  it('is the state the session had after that entry, at every position, forwards and backwards', () => {
    const r = replay();
    for (let i = 1; i <= recorded.states.length; i++) expect(stateAt(r, i)).toEqual(recorded.states[i - 1]);
    for (let i = recorded.states.length; i >= 1; i -= 3)
      expect(stateAt(r, i)).toEqual(recorded.states[i - 1]);
    expect(stateAt(r, 0).stage).toBe('lobby');
    expect(stateAt(r, 0).members).toEqual({});
  });
});

describe('a damaged log', () => {
  it('folds up to the damage, reports it at its entry, and keeps what came before', () => {
    const log = replayLogOf(recorded);
    const entry = log.entries[11];
    if (!entry) throw new Error('no entry 12');
    entry.version += 5;
    const r = buildReplay('s-7KQ3MX-1700000000', log);
    expect(r.problem?.seq).toBe(12);
    expect(r.frames).toHaveLength(12);
    expect(r.final).toEqual(recorded.states[10]);
    expect(r.rounds).toEqual([]);
  });
});

describe('exports', () => {
  it('writes the log as JSON Lines: the header, then one entry a line', () => {
    const lines = logJsonLines(replay()).split('\n');
    expect(lines).toHaveLength(33); // 1 header + 31 entries + the final newline
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines[0] as string).code).toBe('7KQ3MX');
    expect(JSON.parse(lines[31] as string)).toEqual(recorded.entries[30]);
  });

  it('writes every order on a desk at resolution as CSV, quoting what needs it', () => {
    const csv = ordersCsv(replay());
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(0, -1)).toEqual([
      'round,delegation,order,cost,confirmed',
      '1,United States,Amend the PPWT: add a verification mechanism,1,yes',
      '1,United States,Propose a space hotline between capitals,1,yes',
      '1,United States,Launch 1 satellite to MEO,1,yes',
      '1,China,Summit with United States,1,yes',
      '1,China,Debris mitigation,2,yes',
      '1,Russia,Jam satellites of United States,1,no',
      '1,Russia,"Build a co-orbital inspector (""nesting doll"")",3,no',
      '2,United States,Co-sponsor the PPWT,1,yes',
      '2,United States,Debris mitigation,2,yes',
      '2,China,Working paper on verification,1,yes',
      '2,China,Build space situational awareness,2,yes',
      '2,Russia,"Test a co-orbital inspector (""nesting doll"") against United States",2,no',
      '2,Russia,Launch 2 satellites to MEO,2,no',
    ]);
  });

  it('names files after the code and the day the session was created', () => {
    expect(fileStem(replay())).toBe('paros-7KQ3MX-2025-03-10');
  });
});
