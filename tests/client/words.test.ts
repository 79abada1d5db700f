/**
 * The screens' own words carry no internal name: the scenes' text (beside the canvas, and read by screen
 * readers) over seeded campaigns for every viewer, the desk's order lines, and the clocks at every time left.
 * Checked by `wordProblems` (tests/shared/plainWords.ts).
 */
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../client/src/net/view.ts';
import { incidentText, orbitIncidents, SCENES, sceneFacts } from '../../client/src/scenes/facts.ts';
import { deskClock } from '../../client/src/ui/deskNow.ts';
import { duration, phaseClock, stageLine } from '../../client/src/ui/format.ts';
import { orderText } from '../../client/src/ui/orderWords.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { DELEGATIONS } from '../../shared/model/seats.ts';
import { viewFor, type Viewer } from '../../shared/rules/views.ts';
import { allWordProblems } from '../shared/plainWords.ts';
import { playCampaign } from '../shared/rules/campaign.ts';

const VIEWERS: Viewer[] = ['public', 'teacher', ...DELEGATIONS];

describe('the screens name nothing by its internal id', () => {
  it('in the scenes’ text and the desk’s order lines, over seeded campaigns, for every viewer', () => {
    const texts: string[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const worlds = playCampaign(seed, (orders) => {
        for (const d of DELEGATIONS) texts.push(...orders[d].map(orderText));
      });
      for (const w of worlds)
        for (const viewer of VIEWERS) {
          const v = viewFor(w, viewer);
          for (const scene of SCENES) texts.push(...sceneFacts(scene, v));
          texts.push(...orbitIncidents(v).map(incidentText));
        }
    }
    expect(texts.length).toBeGreaterThan(1000);
    expect(allWordProblems(texts)).toEqual([]);
  });

  it('in the clocks and the stage line, at every time left', () => {
    const texts: string[] = [];
    for (const ms of [0, 1_000, 59_000, 60_000, 61_000, 360_000, 390_000, 3_600_000])
      for (const phase of ROUND_PHASES) {
        const base = {
          stage: 'playing',
          phase,
          round: 2,
          settings: { years: [2015, 2016, 2017], scenarioTitle: 'Campaign' },
          world: undefined,
        };
        const running = { ...base, phaseEndsAt: 1_000 + ms, timerPaused: false, phaseRemainingMs: 0 };
        const paused = { ...base, phaseEndsAt: 0, timerPaused: true, phaseRemainingMs: ms };
        for (const v of [running, paused] as unknown as SessionView[]) {
          texts.push(...Object.values(phaseClock(v, 1_000)), deskClock(v, 1_000, 0).text, stageLine(v));
        }
      }
    expect(allWordProblems(texts)).toEqual([]);
  });

  it.each([
    [1, '1 second'],
    [45, '45 seconds'],
    [59.2, '1 minute'],
    [60, '1 minute'],
    [61, '1 minute 1 second'],
    [360, '6 minutes'],
    [390, '6 minutes 30 seconds'],
    [0, '1 second'],
  ])('a wait of %d s reads "%s" (once "paused with 360 seconds left")', (s, text) => {
    expect(duration(s)).toBe(text);
  });
});
