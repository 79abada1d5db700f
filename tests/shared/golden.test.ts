/**
 * Golden logs (tests/fixtures/golden, recorded by the real server under each rules version) must fold, with
 * the engine of the rules they were played under, to the very states the live room held: every round hash
 * recorded in play, and the final state's hash recorded with the file. A change to shared/rules or
 * shared/session that alters an old log's fold fails here, with what to do about it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReplay, stateAt } from '../../client/src/replay/model.ts';
import { freezeRules } from '../../server/log/freezeRules.ts';
import { foldLog, type LogEntry, RULES_VERSION, stateHash, verifyLog } from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import {
  CURRENT_RULES,
  RULES_VERSIONS,
  type RulesEngine,
  rulesLabel,
  rulesOf,
} from '../../shared/session/rulesVersions.ts';
import { type GoldenLog, type RecordedLog, readGolden, readRecorded } from '../fixtures/golden/goldenLogs.ts';

const recorded = readRecorded().logs;
const golden = recorded.map((r) => ({ r, log: readGolden(r.file) }));

/** What a developer reads when a golden log stops folding as it was played. */
function advice(r: RecordedLog, what: string): string {
  const v = r.rulesVersion;
  return v === RULES_VERSION
    ? `The golden log ${r.file}, played under today's rules (version ${v}), no longer folds as it was played: ${what}.
A change to shared/rules or shared/session alters how sessions already logged replay. Do not record the golden log again:
  1. undo the change, run \`npm run rules:freeze\` (today's engine is copied to shared/frozen/v${v}/),
  2. register that copy as version ${v} in shared/session/rulesVersions.ts and add version ${v + 1} (today's engine) at the end,
  3. make the change, then \`npm run golden:record\` for version ${v + 1}.
See docs/architecture.md, "How logs outlive rule changes".`
    : `The golden log ${r.file}, played under rules version ${v}, no longer folds as it was played: ${what}.
Its engine is frozen (shared/frozen/v${v}/) and must never change, nor anything it imports: restore it from git.`;
}

/** Folds a log with a given engine, by hand: the hash after each resolution and at the end. */
function foldWith(engine: RulesEngine, log: GoldenLog) {
  const created = engine.createSession(log.header);
  if (!created.ok) throw new Error(created.refusal.message);
  let state: SessionModel = created.state;
  const rounds = new Map<number, string>();
  for (const entry of log.entries) {
    const out = engine.applyCommand(state, entry.actor, entry.command, log.header.content);
    if (!out.ok) throw new Error(`entry ${entry.seq}: ${out.refusal.message}`);
    state = out.state;
    for (const e of out.events) if (e.type === 'roundResolved') rounds.set(e.round, stateHash(state));
  }
  return { final: stateHash(state), rounds };
}

describe('golden logs', () => {
  it('cover every rules version this build plays, and no version it does not', () => {
    for (const { version } of RULES_VERSIONS) {
      expect(
        recorded.some((r) => r.rulesVersion === version),
        `No golden log of rules version ${version}: record them with \`npm run golden:record\` (docs/architecture.md).`,
      ).toBe(true);
    }
    for (const r of recorded) expect(rulesOf(r.rulesVersion), `${r.file}: unknown rules`).toBeDefined();
    // What the files are made of: the fork's origin, a session ended, one left unfinished, both formats.
    expect(new Set(golden.map(({ r }) => r.stage))).toEqual(new Set(['ended', 'playing']));
    expect(golden.some(({ log }) => log.header.forkedFrom)).toBe(true);
    expect(new Set(golden.map(({ r }) => r.file.split('.').at(-1)))).toEqual(new Set(['sqlite', 'json']));
  });

  describe.each(golden.map((g) => [g.r.file, g] as const))('%s', (_file, { r, log }) => {
    it('is whole and played under the rules it says', () => {
      expect(log.header.rulesVersion).toBe(r.rulesVersion);
      expect(log.header.sessionId).toBe(r.sessionId);
      expect(log.entries).toHaveLength(r.entries);
      expect(log.roundHashes).toHaveLength(r.rounds);
    });

    it('folds to the state the live room held, and to every round hash recorded in play', () => {
      const check = verifyLog(log.header, log.entries, log.roundHashes);
      if (check.problem) throw new Error(advice(r, check.problem.message));
      const final = stateHash(check.state);
      if (final !== r.finalHash)
        throw new Error(advice(r, `its final state hashes to ${final}, the live room's was ${r.finalHash}`));
      expect(check.state?.stage).toBe(r.stage);
      expect(check.rounds.map((x) => x.round)).toEqual(log.roundHashes.map((x) => x.round));
    });

    it("builds in the browser's replay model: every round, every moment", () => {
      const replay = buildReplay(r.sessionId, { ...log, stage: r.stage });
      expect(replay.problem).toBeUndefined();
      expect(replay.frames).toHaveLength(log.entries.length + 1);
      expect(stateHash(replay.final)).toBe(r.finalHash);
      for (const h of log.roundHashes)
        expect(replay.rounds.find((x) => x.round === h.round)?.hash, `round ${h.round}`).toBe(h.hash);
      // A moment between kept states, folded again from the nearest one, is the state the fold went through.
      const states: SessionModel[] = [];
      foldLog(log.header, log.entries, (s) => states.push(s));
      for (const i of [1, 7, Math.floor(log.entries.length / 2), log.entries.length - 1])
        expect(stateHash(stateAt(replay, i)), `moment ${i}`).toBe(stateHash(states[i]));
    });
  });

  it('say which rules they were played under, in words', () => {
    expect(rulesLabel(1)).toBe(`${rulesOf(1)?.label} (v1)`);
    expect(rulesLabel(CURRENT_RULES.version)).toContain(`(v${RULES_VERSION})`);
    expect(RULES_VERSION).toBe(RULES_VERSIONS.at(-1)?.version);
    expect(RULES_VERSIONS.map((v) => v.version)).toEqual(RULES_VERSIONS.map((_, i) => i + 1));
  });
});

describe('a log of rules this build does not have', () => {
  const { log } = golden[0] as { log: GoldenLog };
  const future = { ...log.header, rulesVersion: RULES_VERSION + 1 };
  const message = `This session was played under rules version ${RULES_VERSION + 1}, which this server does not know`;

  it('is refused in plain words, never folded with other rules', () => {
    const visited: (LogEntry | undefined)[] = [];
    const folded = foldLog(future, log.entries, (_s, e) => visited.push(e));
    expect(folded).toEqual({ state: undefined, problem: { seq: 0, message } });
    expect(visited).toEqual([]);
    expect(verifyLog(future, log.entries, log.roundHashes).problem).toEqual({ seq: 0, message });
    expect(rulesLabel(RULES_VERSION + 1)).toBe(`rules version ${RULES_VERSION + 1}, unknown to this server`);
  });

  it('shows no moment in the replay model', () => {
    const replay = buildReplay('future', { ...log, header: future, stage: 'ended' });
    expect(replay.frames).toEqual([]);
    expect(replay.problem?.message).toBe(message);
  });
});

describe('freezing the rules (npm run rules:freeze)', () => {
  // Inside the repository, so the copy finds the packages it imports; test-results/ is ignored by git.
  const into = fileURLToPath(new URL(`../../test-results/freeze-${process.pid}/`, import.meta.url));
  afterAll(() => rmSync(into, { recursive: true, force: true }));

  it("copies an engine that folds today's golden logs exactly as today's engine does", async () => {
    mkdirSync(join(into, '..'), { recursive: true });
    const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
    const files = freezeRules(shared, into, RULES_VERSION);
    expect(files).toContain('session/engine.ts');
    expect(files).toContain('rules/resolve.ts');
    expect(files.some((f) => f === 'session/log.ts' || f === 'session/rulesVersions.ts')).toBe(false);
    expect(() => freezeRules(shared, into, RULES_VERSION)).toThrow(/never written twice/);
    const frozen = (await import(join(into, 'session', 'engine.ts'))) as RulesEngine;
    expect(frozen.applyCommand).not.toBe(CURRENT_RULES.engine.applyCommand);
    for (const { r, log } of golden.filter((g) => g.r.rulesVersion === RULES_VERSION)) {
      const today = foldWith(CURRENT_RULES.engine, log);
      const copy = foldWith(frozen, log);
      expect(copy, r.file).toEqual(today);
      expect(copy.final, r.file).toBe(r.finalHash);
      for (const h of log.roundHashes)
        expect(copy.rounds.get(h.round), `${r.file} round ${h.round}`).toBe(h.hash);
    }
  });
});
