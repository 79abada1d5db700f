/**
 * The pure side of session logs: a log folds back into the same state every time, a fingerprint does not
 * depend on property order, and each kind of damage (a missing entry, an altered command, a wrong version, a
 * changed round hash) is reported at its entry with a sentence a person can act on.
 */
import { describe, expect, it } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import {
  canonicalJson,
  foldLog,
  type LogEntry,
  type LogHeader,
  RULES_VERSION,
  stateHash,
  verifyLog,
} from '../../shared/session/log.ts';
import { affordable, balanced, escalate, negotiate, type Strategy } from './rules/strategies.ts';
import { Recorder, type RoundHash } from './testLog.ts';
import { ctx, member, system, teacher } from './testSession.ts';

const header: LogHeader = {
  sessionId: 's-7KQ3MX-test',
  code: '7KQ3MX',
  seed: 20150101,
  createdAt: 1_700_000_000_000,
  rulesVersion: RULES_VERSION,
  settings: { scenarioId: 'two-rounds', timersOn: false },
  content: ctx,
  forkedFrom: undefined,
};

const STRATEGY: Record<Delegation, Strategy> = { us: balanced, china: negotiate, russia: escalate };

/** Three students at the three desks, both rounds of the two-round scenario played with orders, then the end. */
function playedLog(): Recorder {
  const r = new Recorder(header);
  const seats: Record<Delegation, string> = { us: '', china: '', russia: '' };
  for (const [i, d] of DELEGATIONS.entries()) {
    const joined = r.do(system, { type: 'joinSession', nickname: `Student ${i + 1}`, keyHash: `k${i}` });
    const id = joined.ok ? joined.events.find((e) => e.type === 'memberJoined')?.memberId : undefined;
    if (!id) throw new Error('no member joined');
    seats[d] = id;
    r.do(member(id), { type: 'chooseSeat', seat: d });
  }
  r.do(teacher, { type: 'startSession' });
  for (let round = 1; round <= 2; round++) {
    r.advanceTo('negotiation');
    r.do(member(seats.us), { type: 'editDraft', text: `Round ${round}: talk to Moscow first.` });
    r.advanceTo('orders');
    for (const d of DELEGATIONS) {
      const world = r.state.world;
      if (!world) throw new Error('no world');
      r.do(member(seats[d]), { type: 'setOrders', orders: affordable(world, d, STRATEGY[d](world, d)) });
      if (d !== 'russia') r.do(member(seats[d]), { type: 'submitOrders' });
    }
    if (round === 2) r.do(teacher, { type: 'addBookmark', note: 'Russia did not confirm' });
    r.advanceTo('resolution');
  }
  r.advanceTo('debrief');
  r.do(teacher, { type: 'advancePhase' });
  expect(r.state.stage).toBe('ended');
  return r;
}

const recorded = playedLog();
/** A copy as it comes back from storage: JSON text, read again. */
const stored = (): { entries: LogEntry[]; hashes: RoundHash[] } => ({
  entries: JSON.parse(JSON.stringify(recorded.entries)),
  hashes: JSON.parse(JSON.stringify(recorded.hashes)),
});
const seqOf = (type: string, nth = 1): number => {
  const found = recorded.entries.filter((e) => e.command.type === type)[nth - 1];
  if (!found) throw new Error(`no ${nth}th ${type}`);
  return found.seq;
};

/** A message is read by a teacher or an administrator: words and numbers, no "undefined" or "[object". */
function expectPlain(message: string) {
  expect(message.length).toBeGreaterThan(15);
  expect(message).not.toMatch(/undefined|null|NaN|\[object/);
}

describe('folding a log', () => {
  it('gives back the state the session had, with its version', () => {
    const { entries } = stored();
    const { state, problem } = foldLog(header, entries);
    expect(problem).toBeUndefined();
    expect(state).toEqual(recorded.state);
    expect(state?.version).toBe(entries.at(-1)?.version);
    expect(state?.stage).toBe('ended');
    expect(state?.world?.round).toBeGreaterThan(1);
  });

  it('gives the same state and hash every time, from a header read back from storage too', () => {
    const a = foldLog(header, stored().entries);
    const b = foldLog(JSON.parse(JSON.stringify(header)), stored().entries);
    expect(b.state).toEqual(a.state);
    expect(stateHash(b.state)).toBe(stateHash(a.state));
    expect(stateHash(a.state)).toBe(stateHash(recorded.state));
  });

  it('shows every state it goes through, the created one first', () => {
    const seen: { version: number; seq: number | undefined }[] = [];
    foldLog(header, stored().entries, (s, entry) => seen.push({ version: s.version, seq: entry?.seq }));
    expect(seen).toHaveLength(recorded.entries.length + 1);
    expect(seen[0]).toEqual({ version: 1, seq: undefined }); // the teacher's settings are version 1
    expect(seen.slice(1).map((x) => x.seq)).toEqual(recorded.entries.map((e) => e.seq));
    expect(seen.slice(1).map((x) => x.version)).toEqual(recorded.entries.map((e) => e.version));
  });

  it('stops at a prefix with the state of that moment', () => {
    const at = seqOf('submitOrders');
    const { state, problem } = foldLog(header, stored().entries.slice(0, at));
    expect(problem).toBeUndefined();
    expect(state).toEqual(recorded.states[at - 1]);
  });

  it('starts from the settings given at creation, or the first scenario without them', () => {
    const empty = foldLog(header, []);
    expect(empty.problem).toBeUndefined();
    expect(empty.state?.settings.scenarioId).toBe('two-rounds');
    expect(empty.state?.settings.timersOn).toBe(false);
    const plain = foldLog({ ...header, settings: undefined }, []);
    expect(plain.state?.settings.scenarioId).toBe(ctx.scenarios[0]?.id);
    expect(plain.state?.version).toBe(0);
  });

  it('reports a header it cannot start from at entry 0', () => {
    const none = foldLog({ ...header, content: { scenarios: [], cards: [] } }, stored().entries);
    expect(none).toEqual({ state: undefined, problem: { seq: 0, message: 'No scenario is loaded.' } });
    const unknown = foldLog({ ...header, settings: { scenarioId: 'atlantis' } }, stored().entries);
    expect(unknown.state).toBeUndefined();
    expect(unknown.problem).toEqual({ seq: 0, message: 'There is no scenario "atlantis" on this server.' });
  });
});

describe('a damaged log is reported at its entry', () => {
  it('a missing entry', () => {
    const entries = stored().entries.filter((e) => e.seq !== 5);
    const { state, problem } = foldLog(header, entries);
    expect(problem).toEqual({ seq: 6, message: 'entry 5 is missing (found 6)' });
    expect(state).toEqual(recorded.states[3]); // folded up to entry 4, no further
    expect(verifyLog(header, entries, stored().hashes).problem).toEqual(problem);
  });

  it('a log that does not start at entry 1', () => {
    const { problem } = foldLog(header, stored().entries.slice(1));
    expect(problem).toEqual({ seq: 2, message: 'entry 1 is missing (found 2)' });
  });

  it('an entry written twice', () => {
    const entries = stored().entries;
    const twice = [...entries.slice(0, 3), entries[2] as LogEntry, ...entries.slice(3)];
    expect(foldLog(header, twice).problem).toEqual({ seq: 3, message: 'entry 4 is missing (found 3)' });
  });

  it('an altered command that no longer applies', () => {
    const entries = stored().entries;
    const at = seqOf('submitOrders');
    const entry = entries[at - 1] as LogEntry;
    entry.actor = teacher; // a student's confirmation, now claimed by the teacher
    const { state, problem } = foldLog(header, entries);
    expect(problem).toEqual({
      seq: at,
      message: `entry ${at} (submitOrders) no longer applies: Only students at a seat can do that.`,
    });
    expect(state).toEqual(recorded.states[at - 2]);
  });

  it('orders that the rules would now refuse', () => {
    const entries = stored().entries;
    const at = seqOf('setOrders');
    const entry = entries[at - 1] as LogEntry;
    entry.command = {
      type: 'setOrders',
      orders: Array.from({ length: 3 }, () => ({ kind: 'buildSsa' as const })),
    };
    const { problem } = foldLog(header, entries);
    expect(problem?.seq).toBe(at);
    expect(problem?.message).toMatch(new RegExp(`^entry ${at} \\(setOrders\\) no longer applies: .*repeats`));
    expectPlain(problem?.message ?? '');
  });

  it('a wrong state version', () => {
    const entries = stored().entries;
    const entry = entries[6] as LogEntry;
    const wrote = entry.version + 1;
    entry.version = wrote;
    const { state, problem } = foldLog(header, entries);
    expect(problem).toEqual({
      seq: 7,
      message: `entry 7 gives state version ${wrote - 1}, the log says ${wrote}`,
    });
    expect(state).toEqual(recorded.states[5]);
  });

  it('a changed round hash, with the round and both hashes', () => {
    const { entries, hashes } = stored();
    const first = hashes[0] as RoundHash;
    const actual = first.hash;
    first.hash = '0123456789abcdef';
    const check = verifyLog(header, entries, hashes);
    expect(check.problem).toEqual({
      seq: first.seq,
      message: `round 1 folds to ${actual}, the log recorded 0123456789abcdef`,
    });
    expect(check.rounds[0]).toEqual({ round: 1, expected: '0123456789abcdef', actual });
    expect(check.rounds[1]?.actual).toBe(check.rounds[1]?.expected);
    expect(check.state).toEqual(recorded.state); // the fold itself went through
  });

  it('a command altered so that it still applies is caught by the next round hash', () => {
    const { entries, hashes } = stored();
    const at = seqOf('setOrders', 1); // round 1, the US
    (entries[at - 1] as LogEntry).command = { type: 'setOrders', orders: [{ kind: 'debrisMitigation' }] };
    const check = verifyLog(header, entries, hashes);
    expect(check.problem?.seq).toBe(hashes[0]?.seq);
    expect(check.problem?.message).toMatch(/^round 1 folds to [0-9a-f]{16}, the log recorded [0-9a-f]{16}$/);
  });

  it('a recorded round the log no longer reaches', () => {
    const { entries, hashes } = stored();
    const before = (hashes[1] as RoundHash).seq - 1;
    const check = verifyLog(header, entries.slice(0, before), hashes);
    expect(check.problem).toEqual({
      seq: hashes[1]?.seq,
      message: `round 2 folds to nothing, the log recorded ${hashes[1]?.hash}`,
    });
  });
});

describe('verifying a sound log', () => {
  it('compares every round it played and finds nothing wrong', () => {
    const { entries, hashes } = stored();
    const check = verifyLog(header, entries, hashes);
    expect(check.problem).toBeUndefined();
    expect(check.entries).toBe(entries.length);
    expect(check.rounds.map((r) => r.round)).toEqual([1, 2]);
    for (const r of check.rounds) expect(r.actual).toBe(r.expected);
    expect(check.state).toEqual(recorded.state);
  });

  it('is sound with no round played yet', () => {
    const entries = stored().entries.slice(0, seqOf('startSession'));
    const check = verifyLog(header, entries, []);
    expect(check).toMatchObject({ problem: undefined, rounds: [], entries: entries.length });
  });
});

describe('stateHash', () => {
  it('is 16 hex digits, the same for equal states', () => {
    const hash = stateHash(recorded.state);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(stateHash(structuredClone(recorded.state))).toBe(hash);
    expect(stateHash(JSON.parse(JSON.stringify(recorded.state)))).toBe(hash);
  });

  it('ignores the order of keys, at every depth', () => {
    const a = { version: 3, members: { m1: { id: 'm1', seat: 'us' }, m2: { id: 'm2', seat: 'china' } } };
    const b = { members: { m2: { seat: 'china', id: 'm2' }, m1: { seat: 'us', id: 'm1' } }, version: 3 };
    expect(stateHash(b)).toBe(stateHash(a));
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    expect(stateHash(reversed(recorded.state))).toBe(stateHash(recorded.state));
  });

  it('changes with any value, and with the order of a list', () => {
    const base = stateHash(recorded.state);
    expect(stateHash({ ...recorded.state, version: recorded.state.version + 1 })).not.toBe(base);
    const moved = structuredClone(recorded.state);
    (moved.members.m1 as { seat: string }).seat = 'observer';
    expect(stateHash(moved)).not.toBe(base);
    expect(stateHash([1, 2])).not.toBe(stateHash([2, 1]));
    expect(stateHash({ a: 1 })).not.toBe(stateHash({ a: '1' }));
  });

  it('tells the states of a whole session apart', () => {
    const hashes = new Set(recorded.states.map(stateHash));
    expect(hashes.size).toBe(recorded.states.length); // each entry bumps the version, so each state differs
  });
});
