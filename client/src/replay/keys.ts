import { hostedSessions } from '../ui/hosted.ts';
import type { Replay } from './model.ts';
import { codeOfSessionId } from '../../../shared/model/sessionId.ts';

/**
 * Who may open a past session: its teacher (the host secret this browser keeps) or the instructor (a key
 * kept for this tab only, in sessionStorage). Keys travel in a header, never in the address.
 */

const INSTRUCTOR = 'paros.instructorKey';

export function instructorKey(): string | undefined {
  try {
    return sessionStorage.getItem(INSTRUCTOR) || undefined;
  } catch {
    return undefined;
  }
}

export function keepInstructorKey(key: string | undefined) {
  try {
    if (key) sessionStorage.setItem(INSTRUCTOR, key);
    else sessionStorage.removeItem(INSTRUCTOR);
  } catch {
    /* storage refused: the key lasts as long as the page */
  }
}

/** "s-7KQ3MX-mxa6nw2k" → "7KQ3MX". */
export const codeOfSession = codeOfSessionId;

/** The keys this browser holds for a session, the teacher's first. */
export function keysFor(id: string): string[] {
  const code = codeOfSession(id);
  const keys = hostedSessions()
    .filter((s) => s.code === code)
    .map((s) => s.secret);
  const k = instructorKey();
  if (k) keys.push(k);
  return keys;
}

/** The last folded log and the key that opened it (kept here, so the list can drop it without loading the rules). */
export const folded: { last: { replay: Replay; key: string } | undefined } = { last: undefined };

/** Forgets the folded log (after a delete). */
export function dropCached(id: string) {
  if (folded.last?.replay.id === id) folded.last = undefined;
}
