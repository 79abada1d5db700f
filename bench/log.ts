/**
 * The session log's speed: replaying a whole 10-round campaign from its file, and appending one entry.
 * Run: npx node bench/log.ts [--runs N] [--appends N]. Targets: a whole replay (open, read, fold and verify
 * every round hash) p50 under 50 ms; an append p99 under 2 ms (the room appends before it answers a click).
 *
 * The log is a realistic class: 24 students in three delegations, drafts edited and orders redrafted during
 * each negotiation, heads confirming, phones dropping and coming back, phases ended by the teacher or by the
 * timer, a bookmark now and then. Orders come from the rules tests' strategies, so every one is legal.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../server/content.ts';
import { SessionLog } from '../server/log/SessionLog.ts';
import { DELEGATIONS, type Delegation } from '../shared/model/seats.ts';
import { applyCommand } from '../shared/session/apply.ts';
import type { Actor, SessionCommand } from '../shared/session/commands.ts';
import {
  createSessionModel,
  foldLog,
  type LogEntry,
  type LogHeader,
  RULES_VERSION,
  stateHash,
  verifyLog,
} from '../shared/session/log.ts';
import type { SessionModel } from '../shared/session/model.ts';
import { momentOf } from '../shared/session/moment.ts';
import {
  affordable,
  balanced,
  escalate,
  negotiate,
  type Strategy,
} from '../tests/shared/rules/strategies.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return (i >= 0 ? Number(process.argv[i + 1]) : Number.NaN) || fallback;
};
const RUNS = arg('--runs', 20);
const APPENDS = arg('--appends', 5000);
const PER_DELEGATION = 8;
const STRATEGY: Record<Delegation, Strategy> = { us: escalate, china: negotiate, russia: balanced };

const dir = mkdtempSync(join(tmpdir(), 'paros-bench-log-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** Plays a campaign into a log on disk, writing exactly what the room writes. */
function writeCampaign(): { file: string; entries: number; rounds: number } {
  const content = loadContent('content');
  const header: LogHeader = {
    sessionId: 's-BENCH1-1',
    code: 'BENCH1',
    seed: 20261126,
    createdAt: Date.now(),
    rulesVersion: RULES_VERSION,
    settings: undefined, // the one-click defaults: the campaign, 10 rounds, timers on
    content,
    forkedFrom: undefined,
  };
  const log = SessionLog.create(dir, header, 'b'.repeat(64));
  const created = createSessionModel(header);
  if (!created.ok) throw new Error(created.refusal.message);
  let state: SessionModel = created.state;
  let seq = 0;
  let at = header.createdAt;
  const act = (actor: Actor, command: SessionCommand) => {
    const outcome = applyCommand(state, actor, command, content);
    if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.refusal.message}`);
    at += 1500;
    log.append({ seq: ++seq, at, actor, command, version: outcome.state.version });
    if (outcome.state.stage !== state.stage) log.setStage(outcome.state.stage);
    state = outcome.state;
    for (const e of outcome.events)
      if (e.type === 'roundResolved') log.recordRoundHash(e.round, seq, stateHash(state));
    return outcome.events;
  };
  const system: Actor = { kind: 'system' };
  const teacher: Actor = { kind: 'teacher' };
  const team: Record<Delegation, string[]> = { us: [], china: [], russia: [] };
  for (let i = 0; i < PER_DELEGATION; i++) {
    for (const d of DELEGATIONS) {
      const events = act(system, {
        type: 'joinSession',
        nickname: `${d} ${i + 1}`,
        keyHash: `${d}${i}`.padEnd(64, 'k'),
      });
      const id = events.find((e) => e.type === 'memberJoined')?.memberId ?? '';
      team[d].push(id);
      act({ kind: 'member', memberId: id }, { type: 'chooseSeat', seat: d });
    }
  }
  act(teacher, { type: 'startSession' });
  const member = (d: Delegation, i: number): Actor => ({
    kind: 'member',
    memberId: team[d][i % PER_DELEGATION] ?? '',
  });
  /** Ends the phase: by the teacher on even rounds, by its timer on odd ones. */
  const next = () => {
    if (state.round % 2 === 0 || !state.phase) act(teacher, { type: 'advancePhase', from: momentOf(state) });
    else act(system, { type: 'phaseTimeUp', round: state.round, phase: state.phase });
  };
  while (state.stage === 'playing') {
    const round = state.round;
    next(); // briefing -> negotiation
    for (let i = 0; i < 10; i++) {
      for (const d of DELEGATIONS) {
        const notes = `Round ${round}, ${d}: ${'we table a verification clause and ask for a hotline; '.repeat(1 + (i % 6))}`;
        act(member(d, i), { type: 'editDraft', text: notes.slice(0, 2000) });
        if (i % 3 === 2 && state.world) {
          const wish = affordable(state.world, d, STRATEGY[d](state.world, d));
          act(member(d, i + 1), { type: 'setOrders', orders: wish.slice(0, 1 + (i % wish.length || 0)) });
        }
      }
      if (i === 4) {
        const away = team.china[round % PER_DELEGATION] ?? '';
        act(system, { type: 'memberDropped', memberId: away });
        act(system, { type: 'memberReturned', memberId: away });
      }
    }
    next(); // negotiation -> orders
    for (const d of DELEGATIONS) {
      if (!state.world) break;
      act(member(d, 0), {
        type: 'setOrders',
        orders: affordable(state.world, d, STRATEGY[d](state.world, d)),
      });
      if (d !== 'russia' || round % 3 !== 0) act(member(d, 0), { type: 'submitOrders' });
    }
    if (round % 4 === 0)
      act(teacher, { type: 'addBookmark', note: `Round ${round}: compare the three desks` });
    next(); // orders -> resolution (the round is resolved)
    next(); // resolution -> debrief
    next(); // debrief -> the next round's briefing, or the end
  }
  log.close();
  return { file: join(dir, `${header.sessionId}.sqlite`), entries: seq, rounds: state.world?.round ?? 0 };
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

const campaign = writeCampaign();

// (a) A whole replay, as `npm run replay` and the debrief do it: open the file, read it, fold and verify.
const replay: number[] = [];
const reading: number[] = [];
const verifying: number[] = [];
const foldOnly: number[] = [];
let cold = 0;
for (let run = 0; run < RUNS + 3; run++) {
  const t0 = performance.now();
  const log = SessionLog.open(campaign.file);
  const header = log.header();
  const entries = log.entries();
  const hashes = log.roundHashes();
  log.close();
  const t1 = performance.now();
  const check = verifyLog(header, entries, hashes);
  const t2 = performance.now();
  if (check.problem) throw new Error(`the campaign log does not verify: ${check.problem.message}`);
  if (check.rounds.length !== 10) throw new Error(`${check.rounds.length} round hashes, not 10`);
  if (run === 0) cold = t2 - t0; // what a one-off `npm run replay` pays
  if (run < 3) continue; // the first runs warm the JIT and the page cache
  replay.push(t2 - t0);
  reading.push(t1 - t0);
  verifying.push(t2 - t1);
  const t3 = performance.now();
  foldLog(header, entries); // the same fold without the round hashes: the rest is hashing
  foldOnly.push(performance.now() - t3);
}

// (b) Appends to a fresh log, one at a time as the room makes them, with the campaign's own commands.
const source = SessionLog.open(campaign.file);
const sample: LogEntry[] = source.entries();
const sampleHeader = source.header();
source.close();
const target = SessionLog.create(dir, { ...sampleHeader, sessionId: 's-BENCH2-1' }, 'c'.repeat(64));
const appends: number[] = [];
for (let i = 0; i < APPENDS; i++) {
  const e = sample[i % sample.length] as LogEntry;
  const t = performance.now();
  target.append({ ...e, seq: i + 1, version: i + 2, at: Date.now() });
  appends.push(performance.now() - t);
}
target.close();

const ms = (n: number) => n.toFixed(3);
const kb = Math.round(statSync(campaign.file).size / 1024);
console.log(
  `Session log: a ${campaign.rounds}-round campaign, ${3 * PER_DELEGATION} students, ${campaign.entries} entries (${kb} KB); SQLite WAL, synchronous NORMAL; Node ${process.version}`,
);
console.log('| measure | n | p50 ms | p99 ms | max ms | target |');
console.log('|---|---:|---:|---:|---:|---|');
console.log(
  `| whole replay: open, read, fold, verify 10 round hashes | ${RUNS} | ${ms(percentile(replay, 50))} | ${ms(percentile(replay, 99))} | ${ms(Math.max(...replay))} | p50 < 50 ms |`,
);
console.log(
  `| … of which open and read the file | ${RUNS} | ${ms(percentile(reading, 50))} | ${ms(percentile(reading, 99))} | ${ms(Math.max(...reading))} | |`,
);
console.log(
  `| … of which fold and verify | ${RUNS} | ${ms(percentile(verifying, 50))} | ${ms(percentile(verifying, 99))} | ${ms(Math.max(...verifying))} | |`,
);
console.log(
  `| fold alone (no round hashes) | ${RUNS} | ${ms(percentile(foldOnly, 50))} | ${ms(percentile(foldOnly, 99))} | ${ms(Math.max(...foldOnly))} | |`,
);
console.log(`| first replay of the process (cold JIT) | 1 | ${ms(cold)} | | | |`);
console.log(
  `| append one entry | ${APPENDS} | ${ms(percentile(appends, 50))} | ${ms(percentile(appends, 99))} | ${ms(Math.max(...appends))} | p99 < 2 ms |`,
);
const ok = percentile(replay, 50) < 50 && percentile(appends, 99) < 2;
console.log(ok ? '\nBoth targets met.' : '\nA target was missed.');
