import { z } from 'zod';
import { ROUND_PHASES } from '../model/phases.ts';
import { DRAFTS } from '../rules/model.ts';

const minutes = z
  .number()
  .min(0.5, 'a phase lasts at least half a minute')
  .max(60, 'a phase lasts at most 60 minutes');
const cardId = z.string().regex(/^[a-z0-9-]{3,60}$/, 'card ids use lowercase letters, digits and dashes');
const level = z.number().int().min(0).max(100);

/**
 * Starting values that differ from the 2015 record the engine starts from (shared/rules/start.ts). A scenario
 * that starts earlier says so with `asOf` and leaves out what its world cannot hold yet; `npm run content:check`
 * holds it to that (STARTING_RECORD in shared/rules/start.ts).
 */
export const StartOverrides = z.strictObject({
  asOf: z.number().int().min(1990).max(2040).optional(), // 2006: the world holds the record up to the start of 2006 (default 2015)
  tension: level.optional(),
  debris: level.optional(), // below 25 before the 2007 Fengyun-1C debris cloud
  alignment: level.optional(),
  momentum: z.partialRecord(z.enum(DRAFTS), level).optional(),
  ppwtTabled: z.boolean().optional(), // false for a start before the 2008 draft (CD/1839)
  noFirstPlacement: z.boolean().optional(), // false for a start before China's and Russia's 2014 pledge
  wolfAmendment: z.boolean().optional(), // false for a start before the 2011 Wolf Amendment
});
export type StartOverrides = z.infer<typeof StartOverrides>;

/**
 * A scenario as a content file declares it: its rounds (one year each) with their scripted cards and how many
 * to draw from the pool with the session's seed, the default phase timers, and the starting values.
 */
export const Scenario = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids use lowercase letters, digits and dashes'),
  title: z.string().min(3).max(80),
  summary: z.string().min(10).max(400),
  phaseMinutes: z.strictObject(
    Object.fromEntries(ROUND_PHASES.map((p) => [p, minutes])) as Record<
      (typeof ROUND_PHASES)[number],
      typeof minutes
    >,
  ),
  rounds: z
    .array(
      z.strictObject({
        year: z.number().int().min(1990).max(2040),
        cards: z.array(cardId).max(6),
        draw: z.number().int().min(0).max(3).default(0),
      }),
    )
    .min(1)
    .max(12),
  pool: z.array(cardId).default([]),
  start: StartOverrides.optional(),
});
export type Scenario = z.infer<typeof Scenario>;

/** A loaded scenario, with its years spelled out for settings and pickers. */
export type ScenarioSummary = Scenario & { years: number[] };

export function summarize(s: Scenario): ScenarioSummary {
  return { ...s, years: s.rounds.map((r) => r.year) };
}
