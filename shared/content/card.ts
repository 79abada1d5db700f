import { z } from 'zod';
import { DELEGATIONS } from '../model/seats.ts';
import { DRAFTS, LUNAR_BLOCS, TCBMS } from '../rules/model.ts';

/** Where a card's event belongs: the arena decides its art and where a class looks for it. */
export const ARENAS = ['cd', 'orbit', 'missileDefence', 'lunar', 'domestic', 'geopolitics'] as const;
export type CardArena = (typeof ARENAS)[number];
export const ARENA_NAMES: Record<CardArena, string> = {
  cd: 'Conference on Disarmament and UN',
  orbit: 'In orbit',
  missileDefence: 'Missile defence',
  lunar: 'The Moon',
  domestic: 'Domestic policy',
  geopolitics: 'Bilateral and geopolitics',
};

const Delegation = z.enum(DELEGATIONS);
const delta = (max: number) =>
  z
    .number()
    .int('changes are whole numbers')
    .min(-max, `a card moves an indicator by at most ${max}`)
    .max(max, `a card moves an indicator by at most ${max}`)
    .refine((n) => n !== 0, 'a change of 0 does nothing: remove it');

/** The capabilities a card may change, as the rules name them. */
export const CARD_CAPABILITIES = [
  'satellites.leo',
  'satellites.meo',
  'satellites.geo',
  'counterspace.jamming',
  'counterspace.laser',
  'counterspace.coOrbital',
  'counterspace.directAscent',
  'missileWarning',
  'launch',
  'lunar',
  'ssa',
] as const;

/**
 * What a card does to the world, as data: one executor (shared/rules/cards.ts) applies every kind. Each
 * effect becomes a change with the card as its cause.
 */
export const Effect = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tension'), delta: delta(20) }),
  z.strictObject({ kind: z.literal('debris'), delta: delta(20) }),
  z.strictObject({ kind: z.literal('alignment'), delta: delta(20) }),
  z.strictObject({ kind: z.literal('momentum'), draft: z.enum(DRAFTS), delta: delta(20) }),
  z.strictObject({ kind: z.literal('prestige'), delegation: Delegation, delta: delta(15) }),
  z.strictObject({ kind: z.literal('legitimacy'), delegation: Delegation, delta: delta(15) }),
  z.strictObject({ kind: z.literal('threat'), felt: Delegation, from: Delegation, delta: delta(20) }),
  z.strictObject({
    kind: z.literal('capability'),
    delegation: Delegation,
    capability: z.enum(CARD_CAPABILITIES),
    delta: delta(10),
  }),
  z.strictObject({ kind: z.literal('budget'), delegation: Delegation, delta: delta(5) }),
  z.strictObject({ kind: z.literal('income'), delegation: Delegation, delta: delta(3) }),
  z.strictObject({ kind: z.literal('lunarPartners'), bloc: z.enum(LUNAR_BLOCS), delta: delta(15) }),
  z.strictObject({
    kind: z.literal('measure'),
    measure: z.enum(TCBMS),
    endorsers: z.array(Delegation).min(1).max(3),
  }),
  // A draft put on the CD's table by the record (CD/1839, CD/1985): tabled, with these sponsors bound by it.
  z.strictObject({
    kind: z.literal('table'),
    draft: z.enum(DRAFTS),
    sponsors: z.array(Delegation).min(1).max(3),
  }),
  // Founders of a lunar bloc (the Artemis Accords, the ILRS memorandum): members from this card on.
  z.strictObject({
    kind: z.literal('lunarMember'),
    bloc: z.enum(LUNAR_BLOCS),
    members: z.array(Delegation).min(1).max(3),
  }),
  // A standing law like the starting world's Wolf Amendment: in force until the sanctioning side lifts it.
  z
    .strictObject({
      kind: z.literal('sanction'),
      sanction: z.literal('wolfAmendment'),
      by: Delegation,
      target: Delegation,
    })
    .refine((e) => e.by !== e.target, 'a delegation cannot sanction itself'),
]);
export type Effect = z.infer<typeof Effect>;
/** An effect that moves a number by `delta`: the kinds a teacher's own card offers in its menu. */
export type NumberEffect = Extract<Effect, { delta: number }>;

/** Words that mark a claim the check could not confirm, so that a briefing never states it as fact. */
export const UNCONFIRMED =
  /\b(reportedly|is reported|are reported|was reported|were reported|the paper (says|states|reports|records|dates|names)|by the paper's account|according to|unconfirmed|not (been )?confirmed|could not be (confirmed|checked)|not known for sure)\b/i;

export const DATE = /^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** An event card: a dated event from the record, in our words, with its source and its effects on the game. */
export const Card = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{3,60}$/, 'ids use lowercase letters, digits and dashes'),
    timelineId: z
      .string()
      // P.. and X..: a row of the checked fact table; N..: an event the table lacks, checked for its card.
      .regex(/^[PXN]\d{2}$/, 'the id of the event in the checked fact table, such as P37 or X04'),
    date: z.string().regex(DATE, 'a date is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the record allows'),
    title: z.string().min(5).max(90),
    arena: z.enum(ARENAS),
    actors: z.array(z.string().min(2).max(40)).min(1).max(8),
    briefing: z.string().min(60, 'a briefing is at least a couple of sentences').max(700),
    source: z.strictObject({
      paper: z.array(z.string().min(3).max(80)).max(6), // the paper's references: "Liu 2024", "Hadley 2024"
      documents: z.array(z.string().min(3).max(40)).max(6), // "CD/1985", "A/RES/69/32"
      inPaper: z.boolean(), // false: an event the paper leaves out, added from the checked record
      checked: z.enum(['confirmed', 'differs', 'notFound']), // the fact table's verdict
    }),
    effects: z.array(Effect).max(8),
    prompts: z
      .array(z.strictObject({ delegation: Delegation, question: z.string().min(10).max(300) }))
      .max(3), // decision prompts for delegations
    audience: z.array(Delegation).min(1).max(3).optional(), // an intelligence card: only these see it at first
    teacherNotes: z.string().min(20).max(1200),
    debrief: z.string().min(20).max(400), // one question grounded in realism or the security dilemma
  })
  .superRefine((card, ctx) => {
    if (card.source.inPaper && card.source.paper.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['source', 'paper'],
        message: 'a card from the paper names the paper\'s reference (such as "Liu 2024")',
      });
    }
    if (!card.source.inPaper && !/not in the paper/i.test(card.teacherNotes)) {
      ctx.addIssue({
        code: 'custom',
        path: ['teacherNotes'],
        message: 'an event the paper leaves out says "not in the paper" in its teacher notes',
      });
    }
    if (card.timelineId.startsWith('N') && !/checked for this card/i.test(card.teacherNotes)) {
      ctx.addIssue({
        code: 'custom',
        path: ['teacherNotes'],
        message:
          'an event the fact table lacks (N..) says in its teacher notes how it was "checked for this card", and against what',
      });
    }
    if (card.source.checked === 'notFound' && !UNCONFIRMED.test(card.briefing)) {
      ctx.addIssue({
        code: 'custom',
        path: ['briefing'],
        message:
          'an event the check could not confirm says so in its briefing ("reportedly", "the paper says", "unconfirmed", "according to"…)',
      });
    }
    if (card.source.checked === 'differs' && !/paper/i.test(card.teacherNotes)) {
      ctx.addIssue({
        code: 'custom',
        path: ['teacherNotes'],
        message:
          'where the paper is wrong, the teacher notes say what the paper says and what the record shows',
      });
    }
  });
export type Card = z.infer<typeof Card>;

/**
 * The check's verdict as the class reads it beside a card's source: where the paper got the event wrong, the
 * card follows the record and says so; an event the fact table lacks says it was checked for its card.
 */
export function checkedLabel(source: { checked: string }, timelineId: string | undefined): string {
  const verdict =
    source.checked === 'differs'
      ? 'the paper differs; this card follows the record'
      : source.checked === 'notFound'
        ? 'not found in the sources checked; the card marks what is unconfirmed'
        : source.checked;
  return timelineId?.startsWith('N') ? `${verdict} (checked for this card; not in the fact table)` : verdict;
}

/** The year of a card's date. */
export function cardYear(card: Pick<Card, 'date'>): number {
  return Number(card.date.slice(0, 4));
}

/** A card the teacher writes during a session: a title, a text and effects chosen from the same menu. */
export const CustomCard = z.strictObject({
  title: z.string().trim().min(5, 'Give the event a title.').max(90),
  briefing: z.string().trim().min(10, 'Write a sentence or two for the class.').max(700),
  arena: z.enum(ARENAS),
  effects: z.array(Effect).max(5),
});
export type CustomCard = z.infer<typeof CustomCard>;
