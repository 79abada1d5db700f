/**
 * Reads session logs straight from a server's data folder, as an administrator would: for tests that check
 * what the live (or killed) server wrote. Kept apart from the harness so a test that runs the server as a
 * child process does not load it in its own process.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SessionLog } from '../../server/log/SessionLog.ts';

/** The id of a session's log (its file name without `.sqlite`), found from its join code. */
export function logIdOf(dataDir: string, code: string): string {
  const ids = readdirSync(join(dataDir, 'sessions'))
    .filter((f) => f.startsWith(`s-${code}-`) && f.endsWith('.sqlite'))
    .map((f) => f.slice(0, -'.sqlite'.length));
  if (ids.length !== 1) throw new Error(`${ids.length} logs for code ${code}`);
  return ids[0] as string;
}

/** Everything in a session's log file right now, read through a connection of its own (the server may hold it too). */
export function readLog(dataDir: string, code: string) {
  const log = SessionLog.open(join(dataDir, 'sessions', `${logIdOf(dataDir, code)}.sqlite`));
  try {
    return {
      header: log.header(),
      entries: log.entries(),
      hashes: log.roundHashes(),
      bookmarks: log.bookmarks(),
      stage: log.status().stage,
    };
  } finally {
    log.close();
  }
}
