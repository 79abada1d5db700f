import { z } from 'zod';
import { ROUND_PHASES } from '../model/phases.ts';
import { DELEGATIONS } from '../model/seats.ts';
import { ORDER_SPECS, type OrderKind } from '../rules/orders.ts';
import { DATE } from './card.ts';

/**
 * The teacher's pack as data: the guide (objectives, curriculum, lessons, practice round), the pre-reading
 * (primer and glossary), the assessment, and one file per delegation with its six role briefs. Each file in
 * `content/pack/` has its schema here; `checkPack` (checkPack.ts) checks what ties them together.
 */

/** The roles inside a delegation the pack writes for; the first four exist in play today (shared/session/chat.ts). */
export const PACK_ROLES = ['head', 'diplomat', 'commander', 'analyst', 'legal', 'spokesperson'] as const;
export type PackRole = (typeof PACK_ROLES)[number];

/** The indicators and parts of the world an objective can point at, as the rulebook names them. */
export const INDICATORS = {
  tension: 'Tension',
  debris: 'Debris',
  alignment: 'China–Russia alignment',
  momentum: 'Draft momentum',
  measures: 'Measures in force',
  resolutions: 'Resolutions and votes',
  lunarBlocs: 'Lunar blocs',
  budget: 'Budget and earmark',
  capabilities: 'Capabilities',
  prestige: 'Prestige',
  legitimacy: 'Legitimacy',
  threatPerception: 'Threat perception',
  security: 'Security',
  objectives: 'Secret objectives',
  words: 'Words and deeds',
  incidents: 'Incidents and attribution',
  commons: 'Global commons',
} as const;
export type Indicator = keyof typeof INDICATORS;

/** The files of a complete pack, by name (content/pack/NAME.json). */
export const PACK_FILES = [
  'roles',
  'objectives',
  'curriculum',
  'lessons',
  'practice',
  'primer',
  'glossary',
  'assessment',
  ...DELEGATIONS,
] as const;
export type PackFileName = (typeof PACK_FILES)[number];

/**
 * Text for the page. `[[ssa]]` marks a glossary term (shown as the term's name) and `[[ssa|sensors]]` shows
 * other words for it; the check makes sure every marked term is in the glossary.
 */
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
export const TERM_MARK = /\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]/g;

const Id = z.string().regex(/^[a-z0-9-]{2,40}$/, 'ids use lowercase letters, digits and dashes');
const CardId = z.string().regex(/^[a-z0-9-]{3,60}$/, 'card ids use lowercase letters, digits and dashes');
const OrderKindName = z
  .string()
  .refine((k) => Object.hasOwn(ORDER_SPECS, k), {
    message: `not an order of the game (the orders are ${Object.keys(ORDER_SPECS).join(', ')})`,
  })
  .transform((k) => k as OrderKind);
const Phase = z.enum(ROUND_PHASES);
const IndicatorName = z.enum(Object.keys(INDICATORS) as [Indicator, ...Indicator[]]);
/** An object with one field of the same schema per key: a timer per phase, a line per role. */
const recordOf = <K extends string, T extends z.ZodType>(keys: readonly K[], value: T) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>);
const Minutes = z.number().min(0.5, 'at least half a minute').max(120).multipleOf(0.5, 'in half minutes');

/**
 * A capital's own words, only where the checked fact table verifies them: tied to the event card that reports
 * them, whose text must contain the same words and whose check must be "confirmed". The page cites the card's
 * documents, references and fact-table id, as the cards do.
 */
export const Quote = z.strictObject({
  words: text(3, 200), // "fundamentally flawed"
  speaker: text(3, 120), // "Ambassador Robert Wood, at the CD"
  date: z.string().regex(DATE, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'),
  card: CardId, // "p39-us-rejects-revised-ppwt"
});
export type Quote = z.infer<typeof Quote>;

// ---- roles.json
export const RolesFile = z.strictObject({
  intro: text(20, 800),
  roles: z
    .array(
      z.strictObject({
        id: z.enum(PACK_ROLES),
        title: text(3, 60), // "Legal adviser"
        summary: text(20, 400), // one or two sentences: what this role is for
        screens: text(20, 500), // where on the student screen this role looks first
      }),
    )
    .length(PACK_ROLES.length, `the six roles: ${PACK_ROLES.join(', ')}`),
  sharing: z.strictObject({
    intro: text(20, 800),
    teams: z
      .array(z.strictObject({ size: z.number().int().min(1).max(10), plan: text(20, 600) }))
      .min(1)
      .max(10),
  }),
});
export type RolesFile = z.infer<typeof RolesFile>;

// ---- objectives.json
export const Objective = z.strictObject({
  id: Id,
  title: text(5, 80),
  goal: text(20, 400), // "Students explain …": what a student can do afterwards
  paper: text(40, 900), // the paper's argument, in our words
  inPlay: z
    .array(
      z.strictObject({
        phase: Phase,
        where: text(20, 600),
        orders: z.array(OrderKindName).max(8).default([]),
        indicators: z.array(IndicatorName).max(6).default([]),
        cards: z.array(CardId).max(6).default([]),
      }),
    )
    .min(1)
    .max(6),
  debrief: text(20, 600), // where it shows in the debrief, with a question
});
export const ObjectivesFile = z.strictObject({
  intro: text(20, 800),
  objectives: z.array(Objective).min(3).max(10),
});
export type Objective = z.infer<typeof Objective>;
export type ObjectivesFile = z.infer<typeof ObjectivesFile>;

// ---- curriculum.json
export const CurriculumFile = z.strictObject({
  intro: text(20, 800), // says these are relations, never official alignments
  rows: z
    .array(
      z.strictObject({
        course: text(3, 80), // "AP US Government and Politics"
        framework: text(3, 120), // "College Board course framework"
        relatesTo: text(20, 500), // what in it the game relates to
        objectives: z.array(Id).min(1).max(8),
      }),
    )
    .min(3)
    .max(12),
});
export type CurriculumFile = z.infer<typeof CurriculumFile>;

// ---- lessons.json
export const SEGMENT_KINDS = [
  'reading',
  'join',
  'practice',
  'rounds',
  'memo',
  'debrief',
  'writing',
  'resume',
  'close',
] as const;
export const Segment = z.strictObject({
  kind: z.enum(SEGMENT_KINDS),
  minutes: Minutes,
  title: text(3, 80),
  teacher: text(10, 600), // what the teacher does
  students: text(10, 600), // what the students do
  rounds: z.array(z.number().int().min(1).max(12)).min(1).max(12).optional(), // kind "rounds": which rounds
});
export type Segment = z.infer<typeof Segment>;
export const LessonPlan = z.strictObject({
  id: Id,
  title: text(5, 80),
  scenario: Id, // a scenario id (content/scenarios/ID.json)
  summary: text(20, 600),
  /** The phase timers the plan uses; omitted: the scenario's own defaults. */
  phaseMinutes: recordOf(ROUND_PHASES, Minutes).optional(),
  preparation: z.array(text(10, 300)).min(1).max(8),
  periods: z
    .array(
      z.strictObject({
        title: text(3, 80),
        minutes: z.number().int().min(20).max(120),
        segments: z.array(Segment).min(1).max(16),
      }),
    )
    .min(1)
    .max(5),
  notes: z.array(text(10, 500)).max(6).default([]),
});
export type LessonPlan = z.infer<typeof LessonPlan>;
export const LessonsFile = z.strictObject({ intro: text(20, 800), plans: z.array(LessonPlan).min(1).max(6) });
export type LessonsFile = z.infer<typeof LessonsFile>;

// ---- practice.json
const ByRole = recordOf(PACK_ROLES, text(10, 400));
export const PracticeFile = z.strictObject({
  intro: text(20, 800),
  minutes: Minutes, // the whole practice round
  setup: z.array(text(10, 300)).min(1).max(6),
  phases: z
    .array(
      z.strictObject({
        phase: Phase,
        minutes: Minutes,
        screen: text(10, 500), // what the screens show
        teacherSays: text(10, 600),
        roles: ByRole,
      }),
    )
    .length(ROUND_PHASES.length, `one entry per phase: ${ROUND_PHASES.join(', ')}`),
});
export type PracticeFile = z.infer<typeof PracticeFile>;

// ---- primer.json
export const PrimerFile = z.strictObject({
  title: text(5, 120),
  sections: z
    .array(z.strictObject({ heading: text(3, 80), paragraphs: z.array(text(40, 1500)).min(1).max(6) }))
    .min(3)
    .max(10),
  sources: z.array(text(10, 300)).min(1).max(8),
});
export type PrimerFile = z.infer<typeof PrimerFile>;
/** A primer is about two printed pages. */
export const PRIMER_WORDS = { min: 900, max: 1100 } as const;

// ---- glossary.json
export const GlossaryFile = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        id: Id,
        term: text(2, 60), // as the page shows it: "SSA (space situational awareness)"
        definition: text(20, 500),
        inGame: text(10, 400).optional(), // where it shows in play
        proper: z.boolean().default(false), // a name ("Artemis Accords"): keeps its capital inside a sentence
        seeAlso: z.array(Id).max(4).default([]),
      }),
    )
    .min(10)
    .max(150),
});
export type GlossaryFile = z.infer<typeof GlossaryFile>;
export type GlossaryTerm = GlossaryFile['terms'][number];

// ---- assessment.json
export const RUBRIC_CRITERIA = ['evidence', 'negotiation', 'perceptions', 'reflection'] as const;
export const AssessmentFile = z.strictObject({
  memo: z.strictObject({
    intro: text(20, 600),
    fields: z
      .array(
        z.strictObject({ label: text(3, 60), prompt: text(10, 300), lines: z.number().int().min(1).max(8) }),
      )
      .min(3)
      .max(10),
  }),
  essays: z
    .array(
      z.strictObject({
        id: Id,
        prompt: text(20, 500),
        objectives: z.array(Id).min(1).max(4),
        guidance: text(10, 400),
      }),
    )
    .min(3)
    .max(10),
  exitTicket: z.strictObject({ intro: text(10, 300), questions: z.array(text(10, 300)).min(2).max(5) }),
  rubric: z.strictObject({
    intro: text(20, 600),
    levels: z.array(text(3, 40)).length(4, 'four levels'),
    criteria: z
      .array(
        z.strictObject({
          id: z.enum(RUBRIC_CRITERIA),
          title: text(3, 80),
          descriptors: z.array(text(10, 400)).length(4, 'one descriptor for each of the four levels'),
        }),
      )
      .length(RUBRIC_CRITERIA.length, `the criteria: ${RUBRIC_CRITERIA.join(', ')}`),
  }),
});
export type AssessmentFile = z.infer<typeof AssessmentFile>;

// ---- us.json, china.json, russia.json
const PhaseWork = z.strictObject({
  text: text(20, 700),
  orders: z.array(OrderKindName).max(8).default([]), // the orders this role drafts or argues for
});
export const RoleBrief = z.strictObject({
  role: z.enum(PACK_ROLES),
  mission: text(20, 600),
  phases: recordOf(ROUND_PHASES, PhaseWork),
  watchFor: z.array(text(10, 300)).min(2).max(6),
});
export type RoleBrief = z.infer<typeof RoleBrief>;
export const DelegationFile = z.strictObject({
  delegation: z.enum(DELEGATIONS),
  title: text(5, 80),
  situation: text(40, 900), // where the delegation stands at the start
  interests: z.array(text(10, 300)).min(2).max(6),
  redLines: z.array(text(10, 300)).min(1).max(5),
  positions: z
    .array(z.strictObject({ topic: text(3, 60), text: text(20, 700), quote: Quote.optional() }))
    .min(2)
    .max(8),
  memoPrompts: z.array(text(10, 300)).min(1).max(4), // questions for this delegation's decision memo
  briefs: z.array(RoleBrief).length(PACK_ROLES.length, `one brief for each role: ${PACK_ROLES.join(', ')}`),
});
export type DelegationFile = z.infer<typeof DelegationFile>;

/** How each file's content is validated. */
export const PACK_SCHEMAS: Record<PackFileName, z.ZodType> = {
  roles: RolesFile,
  objectives: ObjectivesFile,
  curriculum: CurriculumFile,
  lessons: LessonsFile,
  practice: PracticeFile,
  primer: PrimerFile,
  glossary: GlossaryFile,
  assessment: AssessmentFile,
  us: DelegationFile,
  china: DelegationFile,
  russia: DelegationFile,
};

/** What the page cites for a card the pack names: the card's own source line. */
export interface PackCitation {
  title: string;
  date: string;
  timelineId: string; // "P39": the event in the checked fact table
  documents: string[];
  paper: string[];
  inPaper: boolean;
  checked: 'confirmed' | 'differs' | 'notFound';
}

/** A scenario as the lesson plans see it. */
export interface PackScenario {
  id: string;
  title: string;
  years: number[];
  phaseMinutes: Record<(typeof ROUND_PHASES)[number], number>;
}

/** The whole pack, checked, as the server serves it at GET /api/pack. */
export interface Pack {
  roles: RolesFile;
  objectives: ObjectivesFile;
  curriculum: CurriculumFile;
  lessons: LessonsFile;
  practice: PracticeFile;
  primer: PrimerFile;
  glossary: GlossaryFile;
  assessment: AssessmentFile;
  delegations: Record<(typeof DELEGATIONS)[number], DelegationFile>;
  citations: Record<string, PackCitation>; // by card id: every card the pack names
  scenarios: Record<string, PackScenario>; // by id: every scenario a lesson plan uses
}

/** The words a reader sees in marked-up text: `[[ssa|sensors]]` reads "sensors", `[[ssa]]` the term's name. */
export function plainText(s: string, termName: (id: string) => string = (id) => id): string {
  return s.replace(TERM_MARK, (_m, id: string, shown?: string) => shown ?? termName(id));
}

/**
 * How a term reads inside a sentence: "SSA (space situational awareness)" as "SSA", "Threat perception" as
 * "threat perception", a name ("Artemis Accords") or an acronym as it is.
 */
export function inlineTerm(term: { term: string; proper: boolean }): string {
  const name = term.term.replace(/\s*\([^)]*\)$/, '');
  if (term.proper || /^.\p{Lu}/u.test(name)) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Counts words as a reader would. */
export function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
