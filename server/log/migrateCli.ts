import { join } from 'node:path';
import { type MigrationOutcome, migrateLogs } from './migrateLogs.ts';
import { PostgresLogs } from './postgres/PostgresLogs.ts';
import { LogStore } from './SessionLog.ts';

/**
 * `npm run logs:migrate`: copies the SQLite session logs of DATA_DIR (default `data`) into the PostgreSQL of
 * DATABASE_URL, each verified first; run it again and it copies only what is missing. Prints one line per log
 * and a summary. Exits 0 when every log is in the database, 1 when some were refused (damaged, or another log
 * under the same id), 2 when it cannot start (no DATABASE_URL, the database unreachable).
 */
async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'Set DATABASE_URL to the PostgreSQL the logs go to (postgres://user:password@host/database).',
    );
    return 2;
  }
  const from = new LogStore(join(process.env.DATA_DIR || 'data', 'sessions'));
  const to = new PostgresLogs(url);
  try {
    to.check();
  } catch (e) {
    console.error(`The database cannot be used: ${(e as Error).message}`);
    await to.close();
    return 2;
  }
  const words: Record<MigrationOutcome['result'], string> = {
    copied: 'copied',
    completed: 'completed (part of it was already there)',
    alreadyThere: 'already there',
    refused: 'REFUSED',
  };
  console.log(`Copying the session logs of ${from.dir} into PostgreSQL.`);
  const outcomes = migrateLogs(from, to, (o) =>
    console.log(`  ${o.sessionId}: ${words[o.result]}${o.result === 'refused' ? `: ${o.why}` : ''}`),
  );
  await to.close();
  const count = (r: MigrationOutcome['result']) => outcomes.filter((o) => o.result === r).length;
  console.log(
    `${outcomes.length} logs: ${count('copied')} copied, ${count('completed')} completed, ${count('alreadyThere')} already there, ${count('refused')} refused.`,
  );
  if (count('refused') > 0)
    console.log(
      'A refused log was left as it is; the others were copied. Fix or remove it, then run this again.',
    );
  return count('refused') > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`The migration stopped: ${(e as Error).message}`);
    process.exit(2);
  },
);
