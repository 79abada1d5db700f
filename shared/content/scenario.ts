import { z } from 'zod';
import { ROUND_PHASES } from '../model/phases.ts';

const minutes = z
  .number()
  .min(0.5, 'a phase lasts at least half a minute')
  .max(60, 'a phase lasts at most 60 minutes');

/** A scenario as the content files declare it: its rounds (one a year) and its default phase timers. */
export const Scenario = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids use lowercase letters, digits and dashes'),
  title: z.string().min(3).max(80),
  summary: z.string().min(10).max(400),
  years: z.array(z.number().int().min(2000).max(2040)).min(1).max(20),
  phaseMinutes: z.strictObject(
    Object.fromEntries(ROUND_PHASES.map((p) => [p, minutes])) as Record<
      (typeof ROUND_PHASES)[number],
      typeof minutes
    >,
  ),
});
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioList = z
  .array(Scenario)
  .min(1)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const [i, s] of list.entries()) {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate scenario id "${s.id}"` });
      seen.add(s.id);
    }
  });

/** What a client needs to offer a scenario in the console's picker. */
export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  years: number[];
  phaseMinutes: Scenario['phaseMinutes'];
}
