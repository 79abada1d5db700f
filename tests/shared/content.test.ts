import { describe, expect, it } from 'vitest';
import { readContent } from '../../server/content.ts';
import { type ContentFile, checkContent } from '../../shared/content/check.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { defaultSettings } from '../../shared/session/model.ts';

const shipped = readContent('content');

describe('the shipped content', () => {
  it('validates', () => {
    expect(shipped.problems).toEqual([]);
  });

  it('gives each scenario a timer for every phase and rounds in order', () => {
    expect(shipped.scenarios.length).toBeGreaterThan(0);
    for (const scenario of shipped.scenarios) {
      expect(Object.keys(scenario.phaseMinutes).sort()).toEqual([...ROUND_PHASES].sort());
      expect(scenario.years).toEqual([...scenario.years].sort((a, b) => a - b));
      expect(defaultSettings(scenario).years).toEqual(scenario.years);
    }
  });
});

/** A minimal valid scenario file, for breaking on purpose. */
const scenarioFile = (json: Record<string, unknown>, path = 'content/scenarios/short.json'): ContentFile => ({
  path,
  json: {
    id: 'short',
    title: 'Short',
    summary: 'A short scenario for tests.',
    phaseMinutes: { briefing: 1, negotiation: 1, orders: 1, resolution: 1, debrief: 1 },
    rounds: [{ year: 2020, cards: [], draw: 0 }],
    pool: [],
    ...json,
  },
});

describe('a broken scenario', () => {
  it.each<[string, ContentFile, RegExp]>([
    [
      'a phase shorter than half a minute',
      scenarioFile({ phaseMinutes: { briefing: 0, negotiation: 1, orders: 1, resolution: 1, debrief: 1 } }),
      /scenario "short": phaseMinutes\.briefing: a phase lasts at least half a minute$/,
    ],
    ['no rounds', scenarioFile({ rounds: [] }), /scenario "short": rounds: /],
    [
      'rounds going back in time',
      scenarioFile({
        rounds: [
          { year: 2020, cards: [] },
          { year: 2019, cards: [] },
        ],
      }),
      /rounds\.1\.year: rounds go forward in time/,
    ],
    [
      'an unknown card',
      scenarioFile({ rounds: [{ year: 2020, cards: ['no-such-card'] }] }),
      /rounds\.0\.cards\.0: there is no card "no-such-card"/,
    ],
    ['a field the schema does not know', scenarioFile({ seed: 7 }), /scenario "short": .*"seed"/],
    [
      'a file named after another id',
      scenarioFile({}, 'content/scenarios/long.json'),
      /long\.json: scenario "short": id: the file should be named short\.json/,
    ],
  ])('fails on %s, naming the file and the field', (_why, file, expected) => {
    const { problems } = checkContent([], [file]);
    expect(problems).toContainEqual(expect.stringMatching(expected));
  });

  it('reports a file that is not JSON', () => {
    const { problems } = checkContent(
      [],
      [{ path: 'content/scenarios/x.json', json: undefined, parseError: 'Unexpected token' }],
    );
    expect(problems).toEqual(['content/scenarios/x.json: not valid JSON (Unexpected token)']);
  });
});
