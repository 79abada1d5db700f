import { join } from 'node:path';
import { DELEGATION_NAMES, DELEGATIONS } from '../../shared/model/seats.ts';
import { allScores } from '../../shared/rules/score.ts';
import { RULES_VERSION, verifyLog } from '../../shared/session/log.ts';
import { rulesLabel } from '../../shared/session/rulesVersions.ts';
import { type LogError, LogStore } from './SessionLog.ts';
import { isSessionOf } from '../../shared/model/sessionId.ts';

/**
 * `npm run replay -- <session id or join code>`: folds a session's log again, checks every round's hash, and
 * prints a summary. Exits 1 on a mismatch or a damaged log, 2 when the session cannot be found.
 */
function main(args: string[]) {
  // The server keeps its logs under DATA_DIR/sessions (server/app.ts): read them where it writes them.
  const store = new LogStore(join(process.env.DATA_DIR || 'data', 'sessions'));
  const wanted = args[0];
  if (!wanted) {
    const ids = store.ids();
    console.log(ids.length ? `Sessions in ${store.dir}:\n${ids.join('\n')}` : `No session in ${store.dir}.`);
    console.log('Usage: npm run replay -- <session id or join code>');
    return 0;
  }
  const id = store.ids().find((x) => x === wanted || isSessionOf(x, wanted));
  if (!id) {
    console.error(`No session "${wanted}" in ${store.dir}.`);
    return 2;
  }
  let log: ReturnType<LogStore['open']>;
  try {
    log = store.open(id);
  } catch (e) {
    console.error((e as LogError).message);
    return 1;
  }
  try {
    const header = log.header();
    const started = performance.now();
    const check = verifyLog(header, log.entries(), log.roundHashes());
    const ms = performance.now() - started;
    console.log(
      `Session ${header.sessionId} (code ${header.code}, seed ${header.seed}), created ${new Date(header.createdAt).toISOString()}`,
    );
    // Folded with the engine of the rules it was played under, which need not be today's.
    console.log(
      `Played under the ${rulesLabel(header.rulesVersion)}${header.rulesVersion === RULES_VERSION ? ', today’s rules' : `; new sessions play under the ${rulesLabel(RULES_VERSION)}`}.`,
    );
    console.log(
      `${check.entries} entries folded in ${ms.toFixed(1)} ms; ${check.rounds.length} round hash(es) checked.`,
    );
    for (const r of check.rounds)
      console.log(
        `  round ${r.round}: ${r.actual === r.expected ? 'ok' : `MISMATCH (log ${r.expected}, fold ${r.actual ?? '-'})`} ${r.expected}`,
      );
    const s = check.state;
    if (s) {
      console.log(`Stage: ${s.stage}; round ${s.round}; ${Object.keys(s.members).length} students.`);
      if (s.world) {
        const scores = allScores(s.world);
        console.log(`Tension ${s.world.tension}, debris ${s.world.debris}, alignment ${s.world.alignment}.`);
        for (const d of DELEGATIONS)
          console.log(`  ${DELEGATION_NAMES[d]}: national score ${scores.national[d].total}`);
        console.log(`  Global commons: ${scores.commons.total}`);
      }
    }
    if (check.problem) {
      console.error(`Problem at entry ${check.problem.seq}: ${check.problem.message}`);
      return 1;
    }
    console.log('The log is sound.');
    return 0;
  } catch (e) {
    console.error(`The log of ${id} is damaged: ${(e as Error).message}`);
    return 1;
  } finally {
    log.close();
  }
}

process.exitCode = main(process.argv.slice(2));
