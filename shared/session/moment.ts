import { PHASE_IN_SENTENCE as WHERE } from '../content/labels.ts';
import type { Moment } from '../protocol/toServer.ts';
import type { SessionModel } from './model.ts';
import { type Refusal, refusal } from './refusal.ts';

/** Where the session stands, as a client's synced state shows it: `{ round: 2, phase: 'orders' }`. */
export function momentOf(s: SessionModel): Moment {
  return { round: s.round, phase: s.phase ?? '' };
}

/**
 * Refuses a command sent from a moment the session has left: two quick clicks on Next must not skip a phase.
 * `from` is absent only in commands logged before it existed (clients must send it); those fold unchecked.
 */
export function staleness(s: SessionModel, from: Moment | undefined, ifStale: string): Refusal | undefined {
  if (!from || (from.round === s.round && from.phase === (s.phase ?? ''))) return undefined;
  if (s.stage === 'ended') return refusal('stale', 'The session has already ended.');
  const where = s.phase
    ? `${WHERE[s.phase]} of ${s.practice ? 'the practice round' : `round ${s.round}`}`
    : 'the lobby';
  return refusal('stale', `The session has already moved on to ${where}; check the screen and ${ifStale}.`);
}
