import { type LogEntry, verifyLog } from '../../shared/session/log.ts';
import type { OpenLog, SessionLogs } from './store.ts';

/** What became of one session's log. */
export type MigrationOutcome =
  | { sessionId: string; result: 'copied' } // it was not in the target: copied whole
  | { sessionId: string; result: 'completed' } // part of it was there (an interrupted run): the rest added
  | { sessionId: string; result: 'alreadyThere' } // the target holds all of it: nothing written
  | { sessionId: string; result: 'refused'; why: string }; // damaged, or the target holds another log by that id

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Field by field: the two stores may give an entry's fields in another order. */
const sameEntry = (a: LogEntry, b: LogEntry | undefined) =>
  b !== undefined &&
  a.seq === b.seq &&
  a.at === b.at &&
  a.version === b.version &&
  same(a.actor, b.actor) &&
  same(a.command, b.command);

/**
 * Copies every session log of `from` (the SQLite files) into `to` (PostgreSQL), each verified first: it must
 * fold, and fold to the round hashes it recorded. Idempotent: what the target already holds is not written again,
 * and a log an interrupted run left half-copied is completed. A log that cannot be read or verified, or whose id
 * the target holds with other entries, is refused alone; the others go on. `onOutcome` hears of each as it goes.
 */
export function migrateLogs(
  from: SessionLogs,
  to: SessionLogs,
  onOutcome: (o: MigrationOutcome) => void = () => {},
): MigrationOutcome[] {
  const outcomes: MigrationOutcome[] = [];
  const there = new Set(to.ids());
  for (const sessionId of from.ids()) {
    let outcome: MigrationOutcome;
    try {
      outcome = migrateOne(from, to, sessionId, there.has(sessionId));
    } catch (e) {
      outcome = { sessionId, result: 'refused', why: (e as Error).message };
    }
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

function migrateOne(
  from: SessionLogs,
  to: SessionLogs,
  sessionId: string,
  exists: boolean,
): MigrationOutcome {
  let source: OpenLog | undefined;
  let target: OpenLog | undefined;
  try {
    source = from.open(sessionId);
    const header = source.header();
    const entries = source.entries();
    const hashes = source.roundHashes();
    const { stage, hostSecretHash } = source.status();
    const bookmarks = source.bookmarks();
    const check = verifyLog(header, entries, hashes);
    if (check.problem)
      return {
        sessionId,
        result: 'refused',
        why: `it does not verify at entry ${check.problem.seq}: ${check.problem.message}`,
      };

    target = exists ? to.open(sessionId) : to.create(header, hostSecretHash);
    let wrote = !exists;
    if (exists && !same(target.header(), header))
      return { sessionId, result: 'refused', why: 'the database holds another session under this id' };
    const held = exists ? target.entries() : [];
    if (held.length > entries.length || held.some((e, i) => !sameEntry(e, entries[i])))
      return { sessionId, result: 'refused', why: 'the database holds other entries for this session' };
    if (held.length < entries.length) {
      target.appendAll(entries.slice(held.length));
      wrote = true;
    }
    const heldHashes = exists ? target.roundHashes() : [];
    for (const h of hashes)
      if (!heldHashes.some((x) => x.round === h.round && x.seq === h.seq && x.hash === h.hash)) {
        target.recordRoundHash(h.round, h.seq, h.hash);
        wrote = true;
      }
    const heldMarks = exists ? target.bookmarks() : [];
    for (const b of bookmarks)
      if (!heldMarks.some((x) => x.seq === b.seq && x.at === b.at && x.note === b.note)) {
        target.addBookmark(b.seq, b.at, b.note);
        wrote = true;
      }
    if (target.status().stage !== stage) {
      target.setStage(stage);
      wrote = true;
    }
    return { sessionId, result: !exists ? 'copied' : wrote ? 'completed' : 'alreadyThere' };
  } finally {
    source?.close();
    target?.close();
  }
}
