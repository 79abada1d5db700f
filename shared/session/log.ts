import type { SettingsPatch } from '../protocol/toServer.ts';
import type { Outcome } from './apply.ts';
import type { RulesContext } from './commands/handler.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import type { SessionModel } from './model.ts';
import { CURRENT_RULES, rulesOf, unknownRules } from './rulesVersions.ts';

/**
 * The version of the rules new sessions are played under (the last of RULES_VERSIONS). A log is always folded
 * with the engine of the version in its header; a version this build does not have is refused, never guessed.
 */
export const RULES_VERSION = CURRENT_RULES.version;

/**
 * Everything a log needs to be folded again, on its own: how the session was created, and the content it ran
 * on (its scenario and cards), so a replay does not depend on the content files of the day.
 */
export interface LogHeader {
  sessionId: string; // stable across restarts: "s-7KQ3MX-1795663798"
  code: string;
  seed: number;
  createdAt: number; // ms since the epoch
  rulesVersion: number; // the rules it is played under; a what-if fork keeps its origin's
  settings: SettingsPatch | undefined; // as given at creation
  content: RulesContext; // the scenarios and cards the session can use
  forkedFrom: { sessionId: string; seq: number } | undefined;
}

/** One accepted command: who, what, when, and the state version it produced. */
export interface LogEntry {
  seq: number; // 1, 2, 3… without gaps
  at: number; // ms since the epoch (for the debrief's clock; the rules never read it)
  actor: Actor;
  command: SessionCommand;
  version: number; // the state version after the command
}

/**
 * The state a session starts from, as the room creates it under the header's rules: the first scenario's
 * defaults, then the teacher's settings. Refused when this build does not have those rules.
 */
export function createSessionModel(
  header: Pick<LogHeader, 'code' | 'seed' | 'settings' | 'content' | 'rulesVersion'>,
): Outcome {
  const rules = rulesOf(header.rulesVersion);
  if (!rules)
    return { ok: false, refusal: { code: 'notAllowed', message: unknownRules(header.rulesVersion) } };
  return rules.engine.createSession(header);
}

/** A problem met while folding a log, said so a person can act on it. */
export interface FoldProblem {
  seq: number;
  message: string;
}

/**
 * Folds a log into the states it went through, with the engine of the rules it was played under. `visit` sees
 * every state (after each entry), for replay viewers and charts. Stops at the first entry that does not apply
 * or whose version does not match: a damaged or foreign log is reported, never half-trusted.
 */
export function foldLog(
  header: LogHeader,
  entries: readonly LogEntry[],
  visit?: (state: SessionModel, entry: LogEntry | undefined, events: SessionEvent[]) => void,
): { state: SessionModel | undefined; problem: FoldProblem | undefined } {
  const rules = rulesOf(header.rulesVersion);
  if (!rules) return { state: undefined, problem: { seq: 0, message: unknownRules(header.rulesVersion) } };
  const { applyCommand, createSession } = rules.engine;
  const created = createSession(header);
  if (!created.ok) return { state: undefined, problem: { seq: 0, message: created.refusal.message } };
  let state = created.state;
  visit?.(state, undefined, []);
  let expected = 1;
  for (const entry of entries) {
    if (entry.seq !== expected) {
      return {
        state,
        problem: { seq: entry.seq, message: `entry ${expected} is missing (found ${entry.seq})` },
      };
    }
    const outcome = applyCommand(state, entry.actor, entry.command, header.content);
    if (!outcome.ok) {
      return {
        state,
        problem: {
          seq: entry.seq,
          message: `entry ${entry.seq} (${entry.command.type}) no longer applies: ${outcome.refusal.message}`,
        },
      };
    }
    if (outcome.state.version !== entry.version) {
      return {
        state,
        problem: {
          seq: entry.seq,
          message: `entry ${entry.seq} gives state version ${outcome.state.version}, the log says ${entry.version}`,
        },
      };
    }
    state = outcome.state;
    visit?.(state, entry, outcome.events);
    expected++;
  }
  return { state, problem: undefined };
}

/**
 * A short fingerprint of a state (64 bits as 16 hex digits): equal states have equal hashes. The JSON is
 * canonical (keys sorted), so property order cannot change it. Pure, so the browser and the server agree.
 */
export function stateHash(state: unknown): string {
  const text = canonicalJson(state);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(h2) + hex(h1);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** What a check of a whole log found: the final state, each round's hash compared, and the first problem. */
export interface LogCheck {
  state: SessionModel | undefined;
  entries: number;
  rounds: { round: number; expected: string; actual: string | undefined }[];
  problem: FoldProblem | undefined;
}

/**
 * Folds a log and compares the state at the end of each resolved round with the hash recorded when it was
 * played. A mismatch means the rules or the content changed since, or the log was altered.
 */
export function verifyLog(
  header: LogHeader,
  entries: readonly LogEntry[],
  hashes: readonly { round: number; seq: number; hash: string }[],
): LogCheck {
  const actual = new Map<number, string>();
  const { state, problem } = foldLog(header, entries, (s, entry, events) => {
    for (const e of events) if (e.type === 'roundResolved' && entry) actual.set(e.round, stateHash(s));
  });
  const rounds = hashes.map((h) => ({ round: h.round, expected: h.hash, actual: actual.get(h.round) }));
  const mismatch = rounds.find((r) => r.actual !== r.expected);
  return {
    state,
    entries: entries.length,
    rounds,
    problem:
      problem ??
      (mismatch
        ? {
            seq: hashes.find((h) => h.round === mismatch.round)?.seq ?? 0,
            message: `round ${mismatch.round} folds to ${mismatch.actual ?? 'nothing'}, the log recorded ${mismatch.expected}`,
          }
        : undefined),
  };
}
