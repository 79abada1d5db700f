import { describe, expect, it } from 'vitest';
import scenariosJson from '../../content/scenarios.json' with { type: 'json' };
import { ScenarioList } from '../../shared/content/scenario.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { defaultSettings } from '../../shared/session/model.ts';

/** A scenario as raw JSON, for breaking on purpose. */
type RawScenario = Record<string, unknown> & { phaseMinutes: Record<string, number> };
const valid = () => structuredClone(scenariosJson) as RawScenario[];

/** Every problem in a list, each as "path: message", as the server prints them when content fails to load. */
function problems(list: unknown): string[] {
  const parsed = ScenarioList.safeParse(list);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('content/scenarios.json', () => {
  it('validates', () => {
    expect(problems(scenariosJson)).toEqual([]);
  });

  it('gives each scenario a timer for every phase and years in order', () => {
    for (const scenario of ScenarioList.parse(scenariosJson)) {
      expect(Object.keys(scenario.phaseMinutes).sort()).toEqual([...ROUND_PHASES].sort());
      expect(scenario.years).toEqual([...scenario.years].sort((a, b) => a - b));
      expect(defaultSettings(scenario).years).toEqual(scenario.years);
    }
  });
});

describe('a broken scenario list', () => {
  it.each<[string, (list: RawScenario[]) => unknown, RegExp]>([
    ['a duplicate id', (list) => [...list, { ...list[0] }], /^2\.id: duplicate scenario id "campaign"$/],
    [
      'a missing title',
      (list) => {
        delete list[1]!.title;
        return list;
      },
      /^1\.title: /,
    ],
    [
      'a phase shorter than half a minute',
      (list) => {
        list[0]!.phaseMinutes.negotiation = 0;
        return list;
      },
      /^0\.phaseMinutes\.negotiation: a phase lasts at least half a minute$/,
    ],
    [
      'a phase longer than an hour',
      (list) => {
        list[1]!.phaseMinutes.debrief = 90;
        return list;
      },
      /^1\.phaseMinutes\.debrief: a phase lasts at most 60 minutes$/,
    ],
    [
      'a missing phase',
      (list) => {
        delete list[0]!.phaseMinutes.orders;
        return list;
      },
      /^0\.phaseMinutes\.orders: /,
    ],
    [
      'an unknown phase',
      (list) => {
        list[0]!.phaseMinutes.lunch = 30;
        return list;
      },
      /^0\.phaseMinutes: .*"lunch"/,
    ],
    [
      'an id with capitals',
      (list) => {
        list[0]!.id = 'Campaign';
        return list;
      },
      /^0\.id: ids use lowercase letters, digits and dashes$/,
    ],
    [
      'no years',
      (list) => {
        list[0]!.years = [];
        return list;
      },
      /^0\.years: /,
    ],
    [
      'a year that is not a whole number',
      (list) => {
        list[0]!.years = [2015, 2015.5];
        return list;
      },
      /^0\.years\.1: /,
    ],
    [
      'a field the schema does not know',
      (list) => {
        list[1]!.seed = 7;
        return list;
      },
      /^1: .*"seed"/,
    ],
    ['an empty list', () => [], /^: /],
  ])('fails on %s, naming the field', (_why, breakIt, expected) => {
    const found = problems(breakIt(valid()));
    expect(found.length, 'the broken list was accepted').toBeGreaterThan(0);
    expect(found).toContainEqual(expect.stringMatching(expected));
  });

  it('reports every problem, not only the first', () => {
    const list = valid();
    delete list[0]!.title;
    list[1]!.phaseMinutes.briefing = 0;
    expect(problems(list)).toEqual([
      expect.stringMatching(/^0\.title: /),
      '1.phaseMinutes.briefing: a phase lasts at least half a minute',
    ]);
  });
});
