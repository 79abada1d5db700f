import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent, readPack } from '../../server/content.ts';
import type { ContentFile } from '../../shared/content/check.ts';
import { checkPack, statedTimers } from '../../shared/content/checkPack.ts';
import { minutesText } from '../../shared/content/labels.ts';
import {
  inlineTerm,
  PACK_FILES,
  PACK_ROLES,
  PRIMER_WORDS,
  plainText,
  TERM_MARK,
  wordCount,
} from '../../shared/content/pack.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { DELEGATIONS } from '../../shared/model/seats.ts';
import { ROLES } from '../../shared/session/chat.ts';

const content = readContent('content');
const shipped = readPack('content', content);

// biome-ignore lint/suspicious/noExplicitAny: the tests reach into parsed JSON to break it on purpose
type Json = Record<string, any>;

/** The shipped pack's files, as fresh copies the tests can break. */
function packFiles(): ContentFile[] {
  return readdirSync('content/pack')
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      path: `content/pack/${f}`,
      json: JSON.parse(readFileSync(`content/pack/${f}`, 'utf8')) as unknown,
    }));
}
/** Checks the shipped pack after `edit` has changed the parsed JSON of one file. */
function problemsAfter(file: string, edit: (json: Json) => void): string[] {
  const files = packFiles();
  const target = files.find((f) => f.path === `content/pack/${file}.json`);
  if (!target) throw new Error(`no pack file ${file}`);
  edit(target.json as Json);
  return checkPack(files, content).problems;
}

describe('the shipped pack', () => {
  it('is present and validates', () => {
    expect(shipped.present).toBe(true);
    expect(shipped.problems).toEqual([]);
    expect(shipped.pack).toBeDefined();
  });

  it('has every file of a pack, and nothing else', () => {
    expect(readdirSync('content/pack').sort()).toEqual(PACK_FILES.map((n) => `${n}.json`).sort());
  });

  it('gives every role a brief for every delegation: eighteen briefs, each with work in every phase', () => {
    const briefs = DELEGATIONS.flatMap((d) =>
      (shipped.pack?.delegations[d].briefs ?? []).map((b) => ({ d, ...b })),
    );
    expect(briefs.map((b) => `${b.d}:${b.role}`).sort()).toEqual(
      DELEGATIONS.flatMap((d) => PACK_ROLES.map((r) => `${d}:${r}`)).sort(),
    );
    for (const b of briefs)
      expect(Object.keys(b.phases).sort(), `${b.d}:${b.role}`).toEqual([...ROUND_PHASES].sort());
  });

  it('writes for every role the game has today', () => {
    for (const role of ROLES) expect(PACK_ROLES).toContain(role);
  });

  it('defines every glossary term the pack marks', () => {
    const ids = new Set(shipped.pack?.glossary.terms.map((t) => t.id));
    const marked = new Set([...JSON.stringify(shipped.pack).matchAll(TERM_MARK)].map((m) => m[1] as string));
    expect(marked.size).toBeGreaterThan(20);
    expect([...marked].filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each([
    'paros',
    'cd',
    'ppwt',
    'no-first-placement',
    'tcbm',
    'direct-ascent-asat',
    'co-orbital-asat',
    'ssa',
    'debris-cascade',
    'kessler-syndrome',
    'ilrs',
    'artemis-accords',
    'first-committee',
    'consensus-rule',
    'verification',
    'dual-use',
    'attribution',
    'missile-warning',
    'security-dilemma',
    'realism',
    'hedging',
    'tension',
    'alignment',
    'earmark',
    'words-and-deeds',
  ])('the glossary explains "%s"', (id) => {
    expect(shipped.pack?.glossary.terms.some((t) => t.id === id)).toBe(true);
  });

  it('has a primer of about two pages', () => {
    const terms = new Map(shipped.pack?.glossary.terms.map((t) => [t.id, inlineTerm(t)]));
    const text = (shipped.pack?.primer.sections ?? [])
      .flatMap((s) => s.paragraphs)
      .map((p) => plainText(p, (id) => terms.get(id) ?? id))
      .join(' ');
    expect(wordCount(text)).toBeGreaterThanOrEqual(PRIMER_WORDS.min);
    expect(wordCount(text)).toBeLessThanOrEqual(PRIMER_WORDS.max);
  });

  it('fits the one-period plan in 45 minutes on the one-period scenario’s own timers', () => {
    const plan = shipped.pack?.lessons.plans.find((p) => p.scenario === 'one-period');
    const scenario = content.scenarios.find((s) => s.id === 'one-period');
    expect(plan?.phaseMinutes).toBeUndefined(); // the scenario's defaults, nothing to set in the lobby
    const segments = plan?.periods.flatMap((p) => p.segments) ?? [];
    expect(plan?.periods.map((p) => p.minutes)).toEqual([45]);
    expect(segments.reduce((s, x) => s + x.minutes, 0)).toBe(45);
    expect(segments.find((s) => s.kind === 'join')?.minutes).toBe(5);
    expect(segments.some((s) => s.kind === 'practice')).toBe(true);
    const round = Object.values(scenario?.phaseMinutes ?? {}).reduce((a, b) => a + b, 0);
    const rounds = segments.filter((s) => s.kind === 'rounds');
    expect(rounds.flatMap((s) => s.rounds)).toEqual(scenario?.years.map((_, i) => i + 1));
    for (const s of rounds) expect(s.minutes).toBe(round * (s.rounds?.length ?? 0));
  });

  it('quotes a capital only through a confirmed card that carries the same words', () => {
    const quotes = DELEGATIONS.flatMap((d) =>
      (shipped.pack?.delegations[d].positions ?? []).flatMap((p) => (p.quote ? [p.quote] : [])),
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      const card = content.cards.find((c) => c.id === q.card);
      expect(card?.source.checked, q.card).toBe('confirmed');
      expect(shipped.pack?.citations[q.card]?.timelineId).toBe(card?.timelineId);
    }
  });
});

describe('a broken pack gives a problem line naming the file, the item and the field', () => {
  it.each<[string, string, (json: Json) => void, RegExp]>([
    [
      'an order the game does not have',
      'us',
      (j) => {
        j.briefs[2].phases.orders.orders = ['launchSatelite'];
      },
      /^content\/pack\/us\.json: brief "commander": phases\.orders\.orders\.0: not an order of the game/,
    ],
    [
      'a brief without a phase',
      'china',
      (j) => {
        delete j.briefs[1].phases.debrief;
      },
      /^content\/pack\/china\.json: brief "diplomat": phases\.debrief: /,
    ],
    [
      'a role with two briefs and a role with none',
      'russia',
      (j) => {
        j.briefs[4].role = 'head';
      },
      /^content\/pack\/russia\.json: briefs: role "legal" has no brief$/,
    ],
    [
      'a glossary term nobody defined',
      'us',
      (j) => {
        j.briefs[0].mission += ' Mind the [[warp-drive]].';
      },
      /^content\/pack\/us\.json: brief "head": mission: \[\[warp-drive\]\] is not in the glossary/,
    ],
    [
      'a quotation the card does not give',
      'us',
      (j) => {
        j.positions[0].quote.words = 'dead on arrival';
      },
      /^content\/pack\/us\.json: position "The PPWT": quote\.words: card "p39-us-rejects-revised-ppwt" does not give these words/,
    ],
    [
      'a quotation from a card the check did not confirm',
      'russia',
      (j) => {
        j.positions[0].quote = {
          words: 'very abnormal',
          speaker: 'US officials',
          date: '2018-08',
          card: 'p44-nesting-doll-2017',
        };
      },
      /position "The PPWT and no first placement": quote\.card: card "p44-nesting-doll-2017" is marked "differs"/,
    ],
    [
      'a card that does not exist',
      'objectives',
      (j) => {
        j.objectives[0].inPlay[2].cards[0] = 'p99-moon-base';
      },
      /^content\/pack\/objectives\.json: objective "security-dilemma": inPlay\.2\.cards\.0: there is no card "p99-moon-base"/,
    ],
    [
      'a lesson whose segments do not fill the period',
      'lessons',
      (j) => {
        j.plans[0].periods[0].segments[0].minutes = 7;
      },
      /^content\/pack\/lessons\.json: plan "one-period": periods\.0: the segments add up to 47 minutes, not 45/,
    ],
    [
      'a round segment shorter than the scenario’s timers',
      'lessons',
      (j) => {
        j.plans[0].periods[0].segments[2].minutes = 8;
        j.plans[0].periods[0].segments[3].minutes = 12;
      },
      /plan "one-period": periods\.0\.segments\.2\.minutes: 1 round of 10 minutes with the timers of content\/scenarios\/one-period\.json \(briefing 1, negotiation 4, orders 3, resolution ½, round debrief 1½\) take 10 minutes, not 8: change the segment's minutes or the timers$/,
    ],
    [
      'a plan whose summary states an old timer of its own',
      'lessons',
      (j) => {
        j.plans[1].summary = j.plans[1].summary.replace('orders 2½', 'orders 3');
      },
      /^content\/pack\/lessons\.json: plan "block-90": summary: says "orders 3", but this plan's phaseMinutes give the orders phase 2\.5 minutes$/,
    ],
    [
      'a plan that starts round 1 without time to join',
      'lessons',
      (j) => {
        const [join] = j.plans[0].periods[0].segments.splice(0, 1);
        j.plans[0].periods[0].segments.push(join);
      },
      /plan "one-period": periods\.0: put time to join \(a segment of kind "join"\) before round 1, in the same period$/,
    ],
    [
      'a plan that ends on its last round with no debrief',
      'lessons',
      (j) => {
        j.plans[0].periods[0].segments[5].kind = 'writing';
      },
      /plan "one-period": periods\.0: keep time for a final debrief \(a segment of kind "debrief"\) after round 3, in the same period$/,
    ],
    [
      'a plan that skips a round',
      'lessons',
      (j) => {
        j.plans[0].periods[0].segments[3].rounds = [3];
      },
      /plan "one-period": periods: the plan plays rounds 1, 3, 3; the scenario "one-period" has rounds 1, 2, 3/,
    ],
    [
      'a plan on a scenario that does not exist',
      'lessons',
      (j) => {
        j.plans[1].scenario = 'moon-race';
      },
      /plan "block-90": scenario: there is no scenario "moon-race"/,
    ],
    [
      'a curriculum row claiming an official alignment',
      'curriculum',
      (j) => {
        j.rows[2].relatesTo = 'Fully aligned with the AP course framework, unit by unit.';
      },
      /^content\/pack\/curriculum\.json: row "AP US Government and Politics": relatesTo: say what it relates to/,
    ],
    [
      'an essay tied to no objective that exists',
      'assessment',
      (j) => {
        j.essays[5].objectives = ['astrology'];
      },
      /^content\/pack\/assessment\.json: essay "essay-sources": objectives\.0: there is no objective "astrology"/,
    ],
    [
      'a rubric with three levels',
      'assessment',
      (j) => {
        j.rubric.criteria[1].descriptors.pop();
      },
      /assessment\.json: rubric: criterion "negotiation": descriptors: one descriptor for each of the four levels/,
    ],
    [
      'a practice round whose phases do not add up',
      'practice',
      (j) => {
        j.phases[1].minutes = 3;
      },
      /^content\/pack\/practice\.json: minutes: the phases add up to 6\.5 minutes, not 5/,
    ],
    [
      'a primer cut to one page',
      'primer',
      (j) => {
        j.sections = j.sections.slice(0, 3);
      },
      /^content\/pack\/primer\.json: sections: the primer has \d+ words; two pages are 900–1100/,
    ],
    [
      'a team size nobody planned for',
      'roles',
      (j) => {
        j.sharing.teams = j.sharing.teams.filter((t: { size: number }) => t.size !== 9);
      },
      /^content\/pack\/roles\.json: sharing\.teams: say how a team of 9 shares the roles/,
    ],
  ])('%s', (_why, file, edit, expected) => {
    expect(problemsAfter(file, edit)).toContainEqual(expect.stringMatching(expected));
  });

  it('a scenario timer changed under the one-period plan: every place the plan disagrees, in plain words', () => {
    const scenarios = content.scenarios.map((x) =>
      x.id === 'one-period' ? { ...x, phaseMinutes: { ...x.phaseMinutes, negotiation: 6 } } : x,
    );
    const from = 'the timers of content/scenarios/one-period.json';
    const timers = 'briefing 1, negotiation 6, orders 3, resolution ½, round debrief 1½';
    expect(checkPack(packFiles(), { ...content, scenarios }).problems).toEqual([
      `content/pack/lessons.json: plan "one-period": summary: says "negotiation 4", but ${from} give the negotiation phase 6 minutes`,
      `content/pack/lessons.json: plan "one-period": summary: says "ten minutes each", but ${from} (${timers}) add up to 12 minutes a round`,
      ...[2, 3, 4].map(
        (k) =>
          `content/pack/lessons.json: plan "one-period": periods.0.segments.${k}.minutes: 1 round of 12 minutes with ${from} (${timers}) take 12 minutes, not 10: change the segment's minutes or the timers`,
      ),
    ]);
  });

  it('a half-minute timer is written as the plan writes it, and counts go through plural()', () => {
    const scenarios = content.scenarios.map((x) =>
      x.id === 'one-period' ? { ...x, phaseMinutes: { ...x.phaseMinutes, resolution: 1 } } : x,
    );
    const problems = checkPack(packFiles(), { ...content, scenarios }).problems;
    expect(problems).toContain(
      'content/pack/lessons.json: plan "one-period": summary: says "resolution ½", but the timers of content/scenarios/one-period.json give the resolution 1 minute',
    );
    expect(problems).toContainEqual(
      expect.stringContaining(
        '(briefing 1, negotiation 4, orders 3, resolution 1, round debrief 1½) add up to 10.5 minutes a round',
      ),
    );
  });

  it('reads the timers a summary states, and nothing else', () => {
    expect(
      statedTimers(
        'Timers: briefing 1, negotiation 5, orders 2½, resolution ½, round debrief 1 (ten minutes a round). A full debrief at the end.',
      ),
    ).toEqual([
      { phase: 'briefing', minutes: 1, text: 'briefing 1' },
      { phase: 'negotiation', minutes: 5, text: 'negotiation 5' },
      { phase: 'orders', minutes: 2.5, text: 'orders 2½' },
      { phase: 'resolution', minutes: 0.5, text: 'resolution ½' },
      { phase: 'debrief', minutes: 1, text: 'round debrief 1' },
      { minutes: 10, text: 'ten minutes a round' },
    ]);
    expect(statedTimers('Six rounds from 2006 to 2024, with a debrief 5 minutes long.')).toEqual([]);
    expect(minutesText(1.5)).toBe('1½');
    expect(minutesText(0.5)).toBe('½');
    expect(minutesText(4)).toBe('4');
  });

  it('a broken pack is not handed out', () => {
    const files = packFiles();
    (files[0]?.json as Record<string, unknown>).extra = true;
    expect(checkPack(files, content).pack).toBeUndefined();
  });

  it('names a missing file and a file that is not part of the pack', () => {
    const files = packFiles().filter((f) => !f.path.endsWith('/glossary.json'));
    files.push({ path: 'content/pack/notes.json', json: {} });
    const { problems } = checkPack(files, content);
    expect(problems).toContain('content/pack/glossary.json: missing: a complete pack has this file');
    expect(problems).toContainEqual(expect.stringMatching(/^content\/pack\/notes\.json: not a pack file/));
  });

  it('reports a file that is not JSON', () => {
    const files = packFiles().map((f) =>
      f.path.endsWith('/us.json') ? { ...f, json: undefined, parseError: 'Unexpected token' } : f,
    );
    expect(checkPack(files, content).problems).toEqual([
      'content/pack/us.json: not valid JSON (Unexpected token)',
    ]);
  });
});

describe('a term inside a sentence', () => {
  it.each([
    [{ term: 'Threat perception', proper: false }, 'threat perception'],
    [{ term: 'SSA (space situational awareness)', proper: false }, 'SSA'],
    [{ term: 'LEO, MEO, GEO', proper: false }, 'LEO, MEO, GEO'],
    [{ term: 'Artemis Accords', proper: true }, 'Artemis Accords'],
  ])('%o reads "%s"', (term, expected) => {
    expect(inlineTerm(term)).toBe(expected);
  });
});

describe('a content folder without a pack', () => {
  it('is not a problem: there is nothing to check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paros-nopack-'));
    expect(readPack(dir, content)).toEqual({ present: false, problems: [] });
  });
});
