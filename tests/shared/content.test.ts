import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../server/content.ts';
import { Card, cardYear, checkedLabel } from '../../shared/content/card.ts';
import { type ContentFile, checkContent } from '../../shared/content/check.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { newWorld } from '../../shared/rules/resolve.ts';
import { STARTING_RECORD } from '../../shared/rules/start.ts';
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

describe('every shipped card and scenario', () => {
  const cardNames = readdirSync('content/cards').filter((f) => f.endsWith('.json'));
  const scenarioNames = readdirSync('content/scenarios').filter((f) => f.endsWith('.json'));

  it('loads every file: no card or scenario is dropped', () => {
    expect(shipped.cards.map((c) => `${c.id}.json`).sort()).toEqual([...cardNames].sort());
    expect(shipped.scenarios.map((s) => `${s.id}.json`).sort()).toEqual([...scenarioNames].sort());
    expect(shipped.cards.length).toBeGreaterThanOrEqual(67);
    expect(shipped.scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining(['campaign', 'one-period', 'ppwt', 'nesting-dolls']),
    );
  });

  it.each(cardNames)('card %s parses on its own against the schema', (name) => {
    const parsed = Card.safeParse(JSON.parse(readFileSync(`content/cards/${name}`, 'utf8')));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('every card from outside the paper says so, and every card from the paper names its reference', () => {
    for (const c of shipped.cards) {
      if (c.source.inPaper) expect(c.source.paper.length, c.id).toBeGreaterThan(0);
      else expect(c.teacherNotes, c.id).toMatch(/not in the paper/i);
      expect(c.timelineId[0], c.id).toBe(c.id[0]?.toUpperCase()); // p… is P.., x… is X..
    }
  });

  it('the timeline ids are unique, as in the fact table', () => {
    const ids = shipped.cards.map((c) => c.timelineId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(scenarioNames)(
    'scenario %s: its scripted cards sit in their round, its pool inside the scenario',
    (name) => {
      const s = shipped.scenarios.find((x) => `${x.id}.json` === name);
      expect(s).toBeDefined();
      const byId = new Map(shipped.cards.map((c) => [c.id, c]));
      s?.rounds.forEach((round, i) => {
        const from = i === 0 ? round.year - 3 : (s.rounds[i - 1]?.year ?? 0);
        for (const id of round.cards) {
          const card = byId.get(id);
          expect(card, id).toBeDefined();
          expect(cardYear(card!), id).toBeGreaterThanOrEqual(from);
          expect(cardYear(card!), id).toBeLessThanOrEqual(round.year);
        }
      });
      // A card is scripted once, and never also waits in the pool (it would be drawn and then scripted).
      const scripted = s?.rounds.flatMap((r) => r.cards) ?? [];
      expect(new Set(scripted).size).toBe(scripted.length);
      expect(scripted.filter((id) => s?.pool.includes(id))).toEqual([]);
      for (const id of s?.pool ?? []) expect(byId.has(id), id).toBe(true);
    },
  );
});

/** A valid card file taken from the shipped deck, with some fields changed, for breaking on purpose. */
function cardFile(
  base: string,
  patch: Record<string, unknown> = {},
  path = `content/cards/${base}.json`,
): ContentFile {
  const json = JSON.parse(readFileSync(`content/cards/${base}.json`, 'utf8')) as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete json[k];
    else json[k] = v;
  }
  return { path, json };
}
const P37 = 'p37-revised-ppwt'; // from the paper, dated 2014-06-10
const P43 = 'p43-aerospace-security-2016'; // from the paper, dated 2016-05-26
const X06 = 'x06-us-asat-test-moratorium'; // not in the paper, dated 2022-04-18
const P13 = 'p13-china-early-paros-drafts'; // from the paper, not found by the check
const N04 = 'n04-mission-shakti-2019'; // not in the fact table: checked for its card
const sourceOf = (base: string) =>
  (JSON.parse(readFileSync(`content/cards/${base}.json`, 'utf8')) as { source: Record<string, unknown> })
    .source;

describe('a broken card', () => {
  it.each<[string, ContentFile, string]>([
    [
      'an in-paper card with no reference to the paper',
      cardFile(P37, { source: { ...sourceOf(P37), paper: [] } }),
      `content/cards/${P37}.json: card "${P37}": source.paper: a card from the paper names the paper's reference (such as "Liu 2024")`,
    ],
    [
      'an effect of an unknown kind',
      cardFile(P37, { effects: [{ kind: 'weather', delta: 3 }] }),
      `content/cards/${P37}.json: card "${P37}": effects.0.kind: Invalid discriminator value. Expected 'tension' | 'debris' | 'alignment' | 'momentum' | 'prestige' | 'legitimacy' | 'threat' | 'capability' | 'budget' | 'income' | 'lunarPartners' | 'measure' | 'table' | 'lunarMember' | 'sanction'`,
    ],
    [
      'a month that does not exist',
      cardFile(P37, { date: '2014-13' }),
      `content/cards/${P37}.json: card "${P37}": date: a date is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the record allows`,
    ],
    [
      'a date written in words',
      cardFile(P37, { date: '10 June 2014' }),
      `content/cards/${P37}.json: card "${P37}": date: a date is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the record allows`,
    ],
    [
      'a card from outside the paper whose notes do not say so',
      cardFile(X06, { teacherNotes: 'Confirmed by the White House statement of 18 April 2022.' }),
      `content/cards/${X06}.json: card "${X06}": teacherNotes: an event the paper leaves out says "not in the paper" in its teacher notes`,
    ],
    [
      'a file named after another id',
      cardFile(P37, {}, 'content/cards/p37-ppwt.json'),
      `content/cards/p37-ppwt.json: card "${P37}": id: the file should be named ${P37}.json`,
    ],
    [
      'a change larger than a card may make',
      cardFile(P37, { effects: [{ kind: 'tension', delta: 25 }] }),
      `content/cards/${P37}.json: card "${P37}": effects.0.delta: a card moves an indicator by at most 20`,
    ],
    [
      'a change of zero',
      cardFile(P37, { effects: [{ kind: 'budget', delegation: 'us', delta: 0 }] }),
      `content/cards/${P37}.json: card "${P37}": effects.0.delta: a change of 0 does nothing: remove it`,
    ],
    [
      'an effect missing its field',
      cardFile(P37, { effects: [{ kind: 'momentum', delta: 3 }] }),
      `content/cards/${P37}.json: card "${P37}": effects.0.draft: Invalid option: expected one of "ppwt"|"tcbm"|"verification"`,
    ],
    [
      'an unknown delegation',
      cardFile(P37, { effects: [{ kind: 'prestige', delegation: 'uk', delta: 3 }] }),
      `content/cards/${P37}.json: card "${P37}": effects.0.delegation: Invalid option: expected one of "us"|"china"|"russia"`,
    ],
    [
      'a field the schema does not know',
      cardFile(P37, { image: 'ppwt.png' }),
      `content/cards/${P37}.json: card "${P37}": Unrecognized key: "image"`,
    ],
    [
      'no title',
      cardFile(P37, { title: undefined }),
      `content/cards/${P37}.json: card "${P37}": title: Invalid input: expected string, received undefined`,
    ],
    [
      'an id in capitals',
      cardFile(P37, { id: 'P37-Revised' }),
      `content/cards/${P37}.json: card "P37-Revised": id: ids use lowercase letters, digits and dashes`,
    ],
    [
      'a timeline id outside the fact table',
      cardFile(P37, { timelineId: 'Q7' }),
      `content/cards/${P37}.json: card "${P37}": timelineId: the id of the event in the checked fact table, such as P37 or X04`,
    ],
    [
      'a verdict of "differs" whose notes never mention the paper',
      cardFile(P37, {
        source: { ...sourceOf(P37), checked: 'differs' },
        teacherNotes: 'The record shows the text was tabled on 10 June 2014 as CD/1985.',
      }),
      `content/cards/${P37}.json: card "${P37}": teacherNotes: where the paper is wrong, the teacher notes say what the paper says and what the record shows`,
    ],
    [
      'an event the fact table lacks, with no word on how it was checked',
      cardFile(N04, { teacherNotes: 'Not in the paper. India tested an ASAT missile in March 2019.' }),
      `content/cards/${N04}.json: card "${N04}": teacherNotes: an event the fact table lacks (N..) says in its teacher notes how it was "checked for this card", and against what`,
    ],
    [
      'an unconfirmed event told as fact',
      cardFile(P13, {
        briefing:
          'Around 2000 Beijing puts its ideas for a ban on space weapons on paper at the Conference on Disarmament, in drafts of a treaty.',
      }),
      `content/cards/${P13}.json: card "${P13}": briefing: an event the check could not confirm says so in its briefing ("reportedly", "the paper says", "unconfirmed", "according to"…)`,
    ],
  ])('fails on %s, naming the file, the card, the field and what is wrong', (_why, file, expected) => {
    const { problems } = checkContent([file], []);
    expect(problems).toEqual([expected]);
  });

  it('fails on an id used twice, naming the second file', () => {
    const { problems, cards } = checkContent(
      [cardFile(P37), cardFile(P37, { title: 'The revised PPWT, again' }, 'content/cards/p37-copy.json')],
      [],
    );
    expect(problems).toEqual([
      `content/cards/p37-copy.json: card "${P37}": id: the file should be named ${P37}.json`,
      `content/cards/p37-copy.json: card "${P37}": id: another card already uses this id`,
    ]);
    expect(cards.map((c) => c.title)).toEqual([expect.not.stringContaining('again')]);
  });

  it('fails on a scripted card dated outside its round, naming the scenario, the round and the card', () => {
    const { problems } = checkContent(
      [cardFile(P43), cardFile(X06)],
      [
        scenarioFile({
          rounds: [
            { year: 2020, cards: [P43] }, // 2016: before the round's span (2017–2020)
            { year: 2021, cards: [X06] }, // 2022: after the round
          ],
        }),
      ],
    );
    expect(problems).toEqual([
      `content/scenarios/short.json: scenario "short": rounds.0.cards.0: card "${P43}" is dated 2016-05-26, outside round 1 (2017–2020)`,
      `content/scenarios/short.json: scenario "short": rounds.1.cards.0: card "${X06}" is dated 2022-04-18, outside round 2 (2020–2021)`,
    ]);
  });

  it('fails on a pool card from outside the scenario, and on a pool card that does not exist', () => {
    const { problems } = checkContent(
      [cardFile(P43)],
      [scenarioFile({ rounds: [{ year: 2020, cards: [] }], pool: [P43, 'p99-nothing'] })],
    );
    expect(problems).toEqual([
      `content/scenarios/short.json: scenario "short": pool.0: card "${P43}" is dated 2016-05-26, outside the scenario (2017–2020)`,
      'content/scenarios/short.json: scenario "short": pool.1: there is no card "p99-nothing"',
    ]);
  });

  it('reports a card file that is not JSON, and a scenario naming a card that failed its check', () => {
    const { problems } = checkContent(
      [
        {
          path: 'content/cards/p37-revised-ppwt.json',
          json: undefined,
          parseError: 'Unexpected end of JSON',
        },
      ],
      [scenarioFile({ rounds: [{ year: 2015, cards: [P37] }] })],
    );
    expect(problems).toEqual([
      'content/cards/p37-revised-ppwt.json: not valid JSON (Unexpected end of JSON)',
      `content/scenarios/short.json: scenario "short": rounds.0.cards.0: there is no card "${P37}"`,
    ]);
  });

  it('readContent reads a folder the way the server does, and names each problem by its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paros-content-'));
    try {
      cpSync('content', dir, { recursive: true });
      const broken = JSON.parse(readFileSync(`content/cards/${P37}.json`, 'utf8'));
      broken.date = '2014/06/10';
      writeFileSync(join(dir, 'cards', `${P37}.json`), JSON.stringify(broken));
      const { problems } = readContent(dir);
      expect(problems).toContainEqual(
        `${join(dir, 'cards', `${P37}.json`)}: card "${P37}": date: a date is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the record allows`,
      );
      // The scenarios that script it can no longer find it.
      expect(problems).toContainEqual(
        expect.stringMatching(
          /ppwt\.json: scenario "ppwt": rounds\.2\.cards\.\d: there is no card "p37-revised-ppwt"$/,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a scenario and the record it starts from', () => {
  const P36 = 'p36-crimea-turning-point-2014'; // 2014-03, no changes: the 2015 world holds it
  const P39 = 'p39-us-rejects-revised-ppwt'; // 2014-09-09, momentum −5
  const P42 = 'p42-china-wants-rd180-2015'; // 2015-07-07
  const X02 = 'x02-pla-strategic-support-force'; // 2015-12-31
  const problemsOf = (cards: string[], scenario: Record<string, unknown>) =>
    checkContent(
      cards.map((c) => cardFile(c)),
      [scenarioFile(scenario)],
    ).problems;
  /** A start as of 2006 that leaves out everything the 2015 world holds from later. */
  const EARLY = {
    asOf: 2006,
    debris: 10,
    alignment: 30,
    ppwtTabled: false,
    noFirstPlacement: false,
    wolfAmendment: false,
  };

  it('lists a round’s cards in date order', () => {
    expect(problemsOf([P42, X02], { rounds: [{ year: 2015, cards: [X02, P42] }] })).toEqual([
      `content/scenarios/short.json: scenario "short": rounds.0.cards.1: card "${P42}" (2015-07-07) comes before "${X02}" (2015-12-31): list a round's cards in date order`,
    ]);
    expect(problemsOf([P42, X02], { rounds: [{ year: 2015, cards: [P42, X02] }] })).toEqual([]);
  });

  it('never deals a card whose changes the starting world already holds', () => {
    expect(problemsOf([P39], { rounds: [{ year: 2015, cards: [P39] }] })).toEqual([
      `content/scenarios/short.json: scenario "short": rounds.0.cards.0: card "${P39}" (2014-09-09) is already in the starting world (the record up to 2015): its changes would apply twice; leave it out, or give it no changes`,
    ]);
    expect(problemsOf([P39], { rounds: [{ year: 2016, cards: [] }], pool: [P39] })).toContainEqual(
      expect.stringContaining(`pool.0: card "${P39}" (2014-09-09) is already in the starting world`),
    );
    // A card that changes nothing may set the scene; a world that starts earlier may deal the card.
    expect(problemsOf([P36], { rounds: [{ year: 2015, cards: [P36] }] })).toEqual([]);
    expect(problemsOf([P39], { rounds: [{ year: 2014, cards: [P39] }], start: EARLY })).toEqual([]);
  });

  it('starts no later than its first round, and an early start holds nothing from later', () => {
    expect(problemsOf([], { rounds: [{ year: 2014, cards: [] }] })).toEqual([
      'content/scenarios/short.json: scenario "short": start.asOf: the starting world holds the record up to 2015, after the first round (2014)',
    ]);
    const bare = problemsOf([], { rounds: [{ year: 2006, cards: [] }], start: { asOf: 2006 } });
    expect(bare).toEqual(
      STARTING_RECORD.map(
        (held) =>
          `content/scenarios/short.json: scenario "short": start: a world as of 2006 cannot hold ${held.what}`,
      ),
    );
    // As of 2012, only what came in 2014 must go.
    expect(problemsOf([], { rounds: [{ year: 2012, cards: [] }], start: { asOf: 2012 } })).toEqual(
      STARTING_RECORD.filter((h) => h.year >= 2012).map(
        (held) =>
          `content/scenarios/short.json: scenario "short": start: a world as of 2012 cannot hold ${held.what}`,
      ),
    );
    expect(problemsOf([], { rounds: [{ year: 2006, cards: [] }], start: EARLY })).toEqual([]);
  });

  it('puts no card in the pool that no round could draw near its date', () => {
    const rounds = [
      { year: 2016, cards: [], draw: 0 },
      { year: 2020, cards: [], draw: 1 },
    ];
    expect(problemsOf([P43], { rounds, pool: [P43] })).toEqual([
      `content/scenarios/short.json: scenario "short": pool.0: card "${P43}" (2016-05-26) is never drawn: no round that draws comes within 2 years after it`,
    ]);
    expect(
      problemsOf([P43], { rounds: [rounds[0], { year: 2018, cards: [], draw: 1 }], pool: [P43] }),
    ).toEqual([]);
  });

  it('the PPWT scenario’s 2006 world holds nothing from later: no treaty text, pledge, ban or 2007 debris', () => {
    const ppwt = shipped.scenarios.find((s) => s.id === 'ppwt');
    const w = newWorld(1, ppwt?.years ?? [], ppwt?.start);
    expect(w.drafts.ppwt).toMatchObject({ tabled: false, sponsors: [] });
    expect(w.measures.noFirstPlacement).toBeUndefined();
    expect(w.sanctions).toEqual([]);
    expect(w.debris).toBeLessThan(newWorld(1, [2015]).debris);
    expect(w.alignment).toBeLessThan(newWorld(1, [2015]).alignment);
    for (const d of ['us', 'china', 'russia'] as const) expect(w.delegations[d].commitments).toEqual([]);
  });
});

describe('the label of a card’s check', () => {
  it.each<[string, string | undefined, string]>([
    ['confirmed', 'P37', 'confirmed'],
    ['differs', 'P65', 'the paper differs; this card follows the record'],
    ['notFound', 'P13', 'not found in the sources checked; the card marks what is unconfirmed'],
    ['confirmed', 'N04', 'confirmed (checked for this card; not in the fact table)'],
    ['confirmed', undefined, 'confirmed'],
  ])('%s (%s) reads "%s"', (checked, timelineId, label) => {
    expect(checkedLabel({ checked }, timelineId)).toBe(label);
  });
});
