/** Where the replay viewer opens, and how far Page Up and Page Down move. */
import { describe, expect, it } from 'vitest';
import { buildReplay, stateAt } from '../../client/src/replay/model.ts';
import { openingIndex, pageStep } from '../../client/src/replay/viewer/labels.ts';
import { playClass, replayLogOf } from './replayLog.ts';

const log = replayLogOf(playClass());

describe('where a replay opens', () => {
  it('at round 1’s briefing, where play begins, not on the empty lobby of entry 0', () => {
    const replay = buildReplay('s-7KQ3MX-1700000000', log);
    const at = openingIndex(replay);
    expect(at).toBeGreaterThan(0);
    const state = stateAt(replay, at);
    expect([state.stage, state.round, state.phase]).toEqual(['playing', 1, 'briefing']);
    // The position before it is still the lobby: the replay opens on the first moment of play.
    expect(stateAt(replay, at - 1).stage).toBe('lobby');
  });

  it('at the start when the session never began', () => {
    const start = log.entries.findIndex((e) => e.command.type === 'startSession');
    expect(start).toBeGreaterThan(0);
    const lobbyOnly = buildReplay('s-7KQ3MX-1700000000', {
      ...log,
      entries: log.entries.slice(0, start),
      roundHashes: [],
      stage: 'lobby',
    });
    expect(openingIndex(lobbyOnly)).toBe(0);
  });
});

describe('Page Up and Page Down', () => {
  it.each([
    [20, 2],
    [31, 3],
    [400, 40],
    [3, 1],
    [0, 1],
  ])('move a tenth of a log of %i entries: %i', (last, step) => {
    expect(pageStep(last)).toBe(step);
  });
});
