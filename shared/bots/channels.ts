/**
 * Bilateral channels with a delegation the server plays: whether its doctrine accepts a channel another
 * delegation asks for. Read from its own view of the world only, like everything a bot decides.
 */
import type { Delegation } from '../model/seats.ts';
import { DRAFTS } from '../rules/model.ts';
import type { WorldView } from '../rules/views.ts';

/** Tension (0–100) from which the United States talks bilaterally to whoever asks. */
export const US_TALKS_FROM_TENSION = 50;

/** Whether a text the United States could sign is on the CD's table: tabled, not yet adopted, with verification. */
export function verifiableTextOnTable(now: WorldView): boolean {
  return DRAFTS.some(
    (d) =>
      now.drafts[d].tabled && now.drafts[d].adoptedRound === undefined && now.drafts[d].clauses.verification,
  );
}

/**
 * Whether `me` accepts the channel `them` asked for. China and Russia accept each other, and accept the United
 * States too (they ask every delegation to negotiate on their PPWT). The United States talks to China or Russia
 * only when tension is high (US_TALKS_FROM_TENSION) or a text it could sign (one with verification) is on the
 * table to talk about; otherwise it refuses, as it declined to negotiate on the PPWT as tabled (2008, 2014).
 * Levels do not change this.
 */
export function acceptsChannel(me: Delegation, _them: Delegation, now: WorldView): boolean {
  if (me !== 'us') return true;
  return now.tension >= US_TALKS_FROM_TENSION || verifiableTextOnTable(now);
}
