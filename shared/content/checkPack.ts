import { PHASE_IN_SENTENCE, plural, TIMER_WORDS, timerList } from './labels.ts';
import { ROUND_PHASES, type RoundPhase } from '../model/phases.ts';
import { DELEGATIONS } from '../model/seats.ts';
import type { Card } from './card.ts';
import type { ContentFile } from './check.ts';
import {
  type AssessmentFile,
  type CurriculumFile,
  type DelegationFile,
  type GlossaryFile,
  inlineTerm,
  type LessonsFile,
  type ObjectivesFile,
  PACK_FILES,
  PACK_ROLES,
  PACK_SCHEMAS,
  type Pack,
  type PackCitation,
  type PackFileName,
  type PackScenario,
  PRIMER_WORDS,
  type PracticeFile,
  type PrimerFile,
  plainText,
  type Quote,
  RUBRIC_CRITERIA,
  type RolesFile,
  TERM_MARK,
  wordCount,
} from './pack.ts';
import type { ScenarioSummary } from './scenario.ts';

export interface PackCheck {
  pack?: Pack; // undefined when a file is missing or has a problem
  problems: string[]; // one line each: file, item, field, what is wrong
}

type Path = readonly PropertyKey[];
const baseName = (path: string) => path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
/** Where an array's items are named in problem lines: `briefs.2` of a delegation file is `brief "commander"`. */
const ITEM_NAMES: Record<string, string> = {
  briefs: 'brief',
  roles: 'role',
  teams: 'team',
  objectives: 'objective',
  rows: 'row',
  plans: 'plan',
  phases: 'phase',
  sections: 'section',
  terms: 'term',
  essays: 'essay',
  criteria: 'criterion',
  positions: 'position',
  fields: 'field',
};
const ITEM_KEYS = ['id', 'role', 'phase', 'size', 'course', 'heading', 'topic', 'label'] as const;

/**
 * Names the place of a problem as a teacher reads it: the outermost named item (`brief "commander"`,
 * `term "ssa"`, or `row 3` when it has no name) and the field inside it.
 */
function place(json: unknown, path: Path): string {
  let node: unknown = json;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as PropertyKey;
    const next = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const container = path[i - 1];
    if (typeof key === 'number' && typeof container === 'string' && ITEM_NAMES[container]) {
      const rest = path.slice(i + 1).join('.');
      const item = next && typeof next === 'object' ? (next as Record<string, unknown>) : {};
      const name = ITEM_KEYS.map((k) => item[k]).find((v) => typeof v === 'string' || typeof v === 'number');
      const before = path.slice(0, i - 1).join('.');
      const label = `${before ? `${before}: ` : ''}${ITEM_NAMES[container]} ${name === undefined ? key + 1 : `"${name}"`}`;
      return rest ? `${label}: ${rest}` : label;
    }
    node = next;
  }
  return path.join('.');
}

/** Every string in a parsed file, with its path. */
function* strings(value: unknown, path: PropertyKey[] = []): Generator<[string, PropertyKey[]]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** Quotation marks and case do not matter when a quote is matched to its card's text. */
const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’‛′`]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/\s+/g, ' ');

const citationOf = (card: Card): PackCitation => ({
  title: card.title,
  date: card.date,
  timelineId: card.timelineId,
  documents: card.source.documents,
  paper: card.source.paper,
  inPaper: card.source.inPaper,
  checked: card.source.checked,
});

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const readMinutes = (t: string) => {
  const word = NUMBER_WORDS.indexOf(t.toLowerCase());
  if (word >= 0) return word;
  const m = /^(\d*)(½?)$/.exec(t);
  return m ? Number(m[1] || 0) + (m[2] ? 0.5 : 0) : Number.NaN;
};

/**
 * The timers a plan's summary states in words, so that a teacher who changes a scenario's timers is told where
 * the plan still says the old ones: each phase's minutes ("negotiation 4", "round debrief 1½") and the length of
 * a round ("ten minutes a round", "of ten minutes each"). `phase` is absent for the length of a round.
 */
export function statedTimers(summary: string): { phase?: RoundPhase; minutes: number; text: string }[] {
  const out: { phase?: RoundPhase; minutes: number; text: string }[] = [];
  for (const p of ROUND_PHASES) {
    // "round debrief 1" is the phase's timer; "a full debrief" alone is the plan's closing segment.
    const re = new RegExp(`(?<![\\w-])${TIMER_WORDS[p]} (\\d+½?|½)(?![\\d½])`, 'g');
    for (const m of summary.matchAll(re))
      out.push({ phase: p, minutes: readMinutes(m[1] as string), text: m[0] });
  }
  const round = /\b(\w+½?) minutes (?:a round|each)\b/g;
  for (const m of summary.matchAll(round)) {
    const minutes = readMinutes(m[1] as string);
    if (!Number.isNaN(minutes)) out.push({ minutes, text: m[0] });
  }
  return out;
}

/**
 * Validates the teacher's pack (content/pack/*.json) against its schemas and against the game: every role has a
 * brief for every delegation, every marked glossary term exists, named cards and orders exist, quotations are
 * verified by their card, lesson plans add up to their periods and use the scenario's timers, the primer is
 * two pages. Pure: the server and `npm run content:check` give it the files and print the same problems.
 */
export function checkPack(
  files: readonly ContentFile[],
  content: { cards: readonly Card[]; scenarios: readonly ScenarioSummary[] },
  dir = 'content/pack',
): PackCheck {
  const problems: string[] = [];
  const parsed: Partial<Record<PackFileName, unknown>> = {};
  const raw: Partial<Record<PackFileName, { path: string; json: unknown }>> = {};
  const at = (name: PackFileName, path: Path, message: string) => {
    const file = raw[name]?.path ?? `${dir}/${name}.json`;
    const where = path.length ? `${place(raw[name]?.json, path)}: ` : '';
    problems.push(`${file}: ${where}${message}`);
  };

  for (const f of files) {
    const name = baseName(f.path);
    if (!(PACK_FILES as readonly string[]).includes(name)) {
      problems.push(`${f.path}: not a pack file (the pack's files are ${PACK_FILES.join(', ')})`);
      continue;
    }
    const n = name as PackFileName;
    raw[n] = { path: f.path, json: f.json };
    if (f.parseError) {
      problems.push(`${f.path}: not valid JSON (${f.parseError})`);
      continue;
    }
    const result = PACK_SCHEMAS[n].safeParse(f.json);
    if (!result.success) {
      for (const issue of result.error.issues) at(n, issue.path, issue.message);
      continue;
    }
    parsed[n] = result.data;
  }
  for (const name of PACK_FILES) {
    if (!raw[name]) problems.push(`${dir}/${name}.json: missing: a complete pack has this file`);
  }

  const cards = new Map(content.cards.map((c) => [c.id, c]));
  const scenarios = new Map(content.scenarios.map((s) => [s.id, s]));
  const citations: Record<string, PackCitation> = {};
  const cite = (name: PackFileName, path: Path, id: string) => {
    const card = cards.get(id);
    if (!card) at(name, path, `there is no card "${id}" in content/cards`);
    else citations[id] = citationOf(card);
    return card;
  };

  // Roles: the six, once each, and how a team of any size from 7 to 10 shares them.
  const roles = parsed.roles as RolesFile | undefined;
  if (roles) {
    roles.roles.forEach((r, i) => {
      if (r.id !== PACK_ROLES[i])
        at('roles', ['roles', i, 'id'], `role ${i + 1} should be "${PACK_ROLES[i]}"`);
    });
    const sizes = roles.sharing.teams.map((t) => t.size);
    for (const size of [7, 8, 9, 10])
      if (!sizes.includes(size))
        at('roles', ['sharing', 'teams'], `say how a team of ${size} shares the roles`);
    sizes.forEach((s, i) => {
      if (sizes.indexOf(s) !== i) at('roles', ['sharing', 'teams', i, 'size'], 'another entry has this size');
    });
  }

  // The glossary: unique ids, and "see also" pointing at terms that exist.
  const glossary = parsed.glossary as GlossaryFile | undefined;
  const termIds = new Set<string>();
  if (glossary) {
    glossary.terms.forEach((t, i) => {
      if (termIds.has(t.id)) at('glossary', ['terms', i, 'id'], 'another term already uses this id');
      termIds.add(t.id);
    });
    glossary.terms.forEach((t, i) => {
      t.seeAlso.forEach((id, j) => {
        if (!termIds.has(id)) at('glossary', ['terms', i, 'seeAlso', j], `there is no term "${id}"`);
      });
    });
  }

  // Objectives, and what points at them.
  const objectives = parsed.objectives as ObjectivesFile | undefined;
  const objectiveIds = new Set<string>();
  if (objectives) {
    objectives.objectives.forEach((o, i) => {
      if (objectiveIds.has(o.id)) at('objectives', ['objectives', i, 'id'], 'another objective uses this id');
      objectiveIds.add(o.id);
      o.inPlay.forEach((p, j) => {
        p.cards.forEach((id, k) => {
          cite('objectives', ['objectives', i, 'inPlay', j, 'cards', k], id);
        });
      });
    });
  }
  const objectiveExists = (name: PackFileName, path: Path, id: string) => {
    if (objectives && !objectiveIds.has(id)) at(name, path, `there is no objective "${id}"`);
  };
  const curriculum = parsed.curriculum as CurriculumFile | undefined;
  if (curriculum) {
    curriculum.rows.forEach((r, i) => {
      r.objectives.forEach((id, j) => {
        objectiveExists('curriculum', ['rows', i, 'objectives', j], id);
      });
      if (/\baligned\b|\balignment (to|with)\b|\bofficial/i.test(`${r.relatesTo} ${r.framework}`))
        at(
          'curriculum',
          ['rows', i, 'relatesTo'],
          'say what it relates to: the pack claims no official alignment',
        );
    });
  }
  const assessment = parsed.assessment as AssessmentFile | undefined;
  if (assessment) {
    assessment.essays.forEach((e, i) => {
      e.objectives.forEach((id, j) => {
        objectiveExists('assessment', ['essays', i, 'objectives', j], id);
      });
    });
    for (const o of objectives?.objectives ?? []) {
      if (!assessment.essays.some((e) => e.objectives.includes(o.id)))
        at('assessment', ['essays'], `no essay prompt is tied to objective "${o.id}"`);
    }
    assessment.rubric.criteria.forEach((c, i) => {
      if (c.id !== RUBRIC_CRITERIA[i])
        at(
          'assessment',
          ['rubric', 'criteria', i, 'id'],
          `criterion ${i + 1} should be "${RUBRIC_CRITERIA[i]}"`,
        );
    });
  }

  // The practice round: every phase in order, adding up to its minutes.
  const practice = parsed.practice as PracticeFile | undefined;
  if (practice) {
    practice.phases.forEach((p, i) => {
      if (p.phase !== ROUND_PHASES[i])
        at('practice', ['phases', i, 'phase'], `phase ${i + 1} should be "${ROUND_PHASES[i]}"`);
    });
    const sum = practice.phases.reduce((s, p) => s + p.minutes, 0);
    if (sum !== practice.minutes)
      at('practice', ['minutes'], `the phases add up to ${sum} minutes, not ${practice.minutes}`);
  }

  // Lesson plans: real minutes that add up, on a scenario that exists, playing each of its rounds once.
  const lessons = parsed.lessons as LessonsFile | undefined;
  const usedScenarios: Record<string, PackScenario> = {};
  if (lessons) {
    lessons.plans.forEach((plan, i) => {
      const base = ['plans', i] as const;
      const scenario = scenarios.get(plan.scenario);
      if (!scenario) {
        at('lessons', [...base, 'scenario'], `there is no scenario "${plan.scenario}" in content/scenarios`);
        return;
      }
      usedScenarios[scenario.id] = {
        id: scenario.id,
        title: scenario.title,
        years: scenario.years,
        phaseMinutes: scenario.phaseMinutes,
      };
      const timers = (plan.phaseMinutes ?? scenario.phaseMinutes) as Record<RoundPhase, number>;
      const roundMinutes = ROUND_PHASES.reduce((s, p) => s + (timers[p] ?? 0), 0);
      // Where the timers come from, as a teacher would go and change them.
      const timersFrom = plan.phaseMinutes
        ? "this plan's phaseMinutes"
        : `the timers of content/scenarios/${scenario.id}.json`;
      for (const said of statedTimers(plan.summary)) {
        if (said.phase && said.minutes !== timers[said.phase])
          at(
            'lessons',
            [...base, 'summary'],
            `says "${said.text}", but ${timersFrom} give ${PHASE_IN_SENTENCE[said.phase]} ${plural(timers[said.phase], 'minute')}`,
          );
        if (!said.phase && said.minutes !== roundMinutes)
          at(
            'lessons',
            [...base, 'summary'],
            `says "${said.text}", but ${timersFrom} (${timerList(timers)}) add up to ${plural(roundMinutes, 'minute')} a round`,
          );
      }
      const played: number[] = [];
      plan.periods.forEach((period, j) => {
        const sum = period.segments.reduce((s, x) => s + x.minutes, 0);
        if (sum !== period.minutes)
          at(
            'lessons',
            [...base, 'periods', j],
            `the segments add up to ${sum} minutes, not ${period.minutes}`,
          );
        period.segments.forEach((seg, k) => {
          const path = [...base, 'periods', j, 'segments', k];
          if (seg.kind === 'rounds') {
            if (!seg.rounds) {
              at('lessons', path, 'a segment of rounds says which rounds it plays');
              return;
            }
            played.push(...seg.rounds);
            const need = seg.rounds.length * roundMinutes;
            if (seg.minutes !== need)
              at(
                'lessons',
                [...path, 'minutes'],
                `${plural(seg.rounds.length, 'round')} of ${plural(roundMinutes, 'minute')} with ${timersFrom} (${timerList(timers)}) take ${plural(need, 'minute')}, not ${seg.minutes}: change the segment's minutes or the timers`,
              );
          } else if (seg.rounds)
            at('lessons', [...path, 'rounds'], 'only a segment of kind "rounds" plays rounds');
          if (seg.kind === 'practice' && practice && seg.minutes !== practice.minutes)
            at(
              'lessons',
              [...path, 'minutes'],
              `the practice round (practice.json) takes ${practice.minutes} minutes`,
            );
        });
      });
      // The class joins and practises before round 1, and the plan keeps time for a debrief after the last.
      const last = scenario.years.length;
      plan.periods.forEach((period, j) => {
        const kinds = period.segments.map((x) => x.kind);
        const first = period.segments.findIndex((x) => x.rounds?.includes(1));
        if (first >= 0)
          for (const [kind, what] of [
            ['join', 'time to join'],
            ['practice', 'the practice round'],
          ] as const)
            if (!kinds.slice(0, first).includes(kind))
              at(
                'lessons',
                [...base, 'periods', j],
                `put ${what} (a segment of kind "${kind}") before round 1, in the same period`,
              );
        const end = period.segments.findIndex((x) => x.rounds?.includes(last));
        if (end >= 0 && !kinds.slice(end + 1).includes('debrief'))
          at(
            'lessons',
            [...base, 'periods', j],
            `keep time for a final debrief (a segment of kind "debrief") after round ${last}, in the same period`,
          );
      });
      const all = scenario.years.map((_, r) => r + 1);
      if (played.join(',') !== all.join(','))
        at(
          'lessons',
          [...base, 'periods'],
          `the plan plays rounds ${played.join(', ') || 'none'}; the scenario "${scenario.id}" has rounds ${all.join(', ')}, each to be played once, in order`,
        );
    });
  }

  // The primer: two printed pages.
  const primer = parsed.primer as PrimerFile | undefined;
  const termName = (id: string) => {
    const term = glossary?.terms.find((t) => t.id === id);
    return term ? inlineTerm(term) : id;
  };
  if (primer) {
    const words = wordCount(
      primer.sections.flatMap((s) => s.paragraphs.map((p) => plainText(p, termName))).join(' '),
    );
    if (words < PRIMER_WORDS.min || words > PRIMER_WORDS.max)
      at(
        'primer',
        ['sections'],
        `the primer has ${words} words; two pages are ${PRIMER_WORDS.min}–${PRIMER_WORDS.max}`,
      );
  }

  // Delegations: the right file, a brief for each role once, and quotations verified by their cards.
  const checkQuote = (name: PackFileName, path: Path, quote: Quote) => {
    const card = cite(name, [...path, 'card'], quote.card);
    if (!card) return;
    if (card.source.checked !== 'confirmed')
      at(
        name,
        [...path, 'card'],
        `card "${card.id}" is marked "${card.source.checked}": quote only what the fact table confirms`,
      );
    else if (!normalise(`${card.briefing} ${card.teacherNotes}`).includes(normalise(quote.words)))
      at(
        name,
        [...path, 'words'],
        `card "${card.id}" does not give these words: quote only what the checked record gives`,
      );
  };
  for (const d of DELEGATIONS) {
    const file = parsed[d] as DelegationFile | undefined;
    if (!file) continue;
    if (file.delegation !== d)
      at(d, ['delegation'], `this file is ${d}.json: its delegation should be "${d}"`);
    for (const role of PACK_ROLES) {
      const count = file.briefs.filter((b) => b.role === role).length;
      if (count !== 1)
        at(d, ['briefs'], count ? `role "${role}" has ${count} briefs` : `role "${role}" has no brief`);
    }
    file.positions.forEach((p, i) => {
      if (p.quote) checkQuote(d, ['positions', i, 'quote'], p.quote);
    });
  }

  // Every glossary term marked anywhere in the pack exists.
  if (glossary) {
    for (const name of PACK_FILES) {
      const data = parsed[name];
      if (!data) continue;
      for (const [s, path] of strings(data)) {
        for (const m of s.matchAll(TERM_MARK)) {
          if (!termIds.has(m[1] as string))
            at(
              name,
              path,
              `[[${m[1]}]] is not in the glossary: add the term to glossary.json or fix the mark`,
            );
        }
      }
    }
  }

  if (problems.length > 0) return { problems };
  const by = <T>(name: PackFileName) => parsed[name] as T;
  return {
    problems,
    pack: {
      roles: by('roles'),
      objectives: by('objectives'),
      curriculum: by('curriculum'),
      lessons: by('lessons'),
      practice: by('practice'),
      primer: by('primer'),
      glossary: by('glossary'),
      assessment: by('assessment'),
      delegations: { us: by('us'), china: by('china'), russia: by('russia') },
      citations,
      scenarios: usedScenarios,
    },
  };
}
