/**
 * Seeded fuzzing of the session rules: random classes send random commands, and whatever they do, the rules
 * stay deterministic, refusals change nothing, and the state keeps its invariants. fast-check prints the seed
 * and the shortest failing command list; paste that list into the regression block of session.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nicknameKey } from '../../shared/model/nickname.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { DELEGATIONS } from '../../shared/model/seats.ts';
import { REFUSAL_CODES } from '../../shared/session/refusal.ts';
import { applyCommand, SENDERS } from '../../shared/session/apply.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import { defaultSettings, newSession, type SessionModel, seatCount } from '../../shared/session/model.ts';
import { ctx, deepFreeze, SCENARIOS } from './testSession.ts';

const NUM_RUNS = 300;

/** Small pools, so commands often meet: the same nicknames, seats and members come up again and again. */
const memberId = fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm99');
const nickname = fc.constantFrom('Ana', ' ana ', 'ANA', 'Bo', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus');
const seat = fc.constantFrom(...DELEGATIONS, 'observer' as const);
const phase = fc.constantFrom(...ROUND_PHASES);

const command: fc.Arbitrary<SessionCommand> = fc.oneof(
  { weight: 10, arbitrary: nickname.map((n) => ({ type: 'joinSession' as const, nickname: n })) },
  { weight: 10, arbitrary: seat.map((s) => ({ type: 'chooseSeat' as const, seat: s })) },
  { weight: 6, arbitrary: fc.string({ maxLength: 8 }).map((text) => ({ type: 'editDraft' as const, text })) },
  { weight: 4, arbitrary: fc.constant({ type: 'submitOrders' as const }) },
  {
    weight: 3,
    arbitrary: fc
      .record(
        {
          scenarioId: fc.constantFrom(...SCENARIOS.map((s) => s.id), 'moon-base'),
          timersOn: fc.boolean(),
          phaseMinutes: fc.record(
            { briefing: fc.constantFrom(0.5, 3), debrief: fc.constantFrom(1, 60) },
            {
              requiredKeys: [],
            },
          ),
          lockTeamsOnStart: fc.boolean(),
          maxPerDelegation: fc.integer({ min: 1, max: 3 }),
        },
        { requiredKeys: [] },
      )
      .map((patch) => ({ type: 'updateSettings' as const, ...patch })),
  },
  { weight: 2, arbitrary: fc.boolean().map((locked) => ({ type: 'lockTeams' as const, locked })) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(memberId, seat)
      .map(([id, s]) => ({ type: 'assignSeat' as const, memberId: id, seat: s })),
  },
  { weight: 2, arbitrary: memberId.map((id) => ({ type: 'removeMember' as const, memberId: id })) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(memberId, memberId)
      .map(([id, former]) => ({ type: 'restoreSeat' as const, memberId: id, formerMemberId: former })),
  },
  { weight: 4, arbitrary: fc.constant({ type: 'startSession' as const }) },
  { weight: 10, arbitrary: fc.constant({ type: 'advancePhase' as const }) },
  {
    // A moment the teacher's screen may have shown: often stale, sometimes the session's own.
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('advancePhase' as const, 'endSession' as const),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(...ROUND_PHASES, '' as const),
      )
      .map(([type, round, p]) => ({ type, from: { round, phase: p } })),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 2 }), phase)
      .map(([round, p]) => ({ type: 'phaseTimeUp' as const, round, phase: p })),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'endSession' as const }) },
  {
    weight: 10,
    arbitrary: fc
      .tuple(
        fc.constantFrom('memberDropped' as const, 'memberReturned' as const, 'memberGone' as const),
        memberId,
      )
      .map(([type, id]) => ({ type, memberId: id })),
  },
);

/** Mostly the sender the command is meant for; one time in five a student, the teacher or the room. */
const step = fc
  .tuple(command, fc.integer({ min: 0, max: 14 }), memberId)
  .map(([c, dice, id]): { actor: Actor; command: SessionCommand } => {
    const member: Actor = { kind: 'member', memberId: id };
    const sender = c.type in SENDERS ? SENDERS[c.type as keyof typeof SENDERS] : 'system';
    const anyone: Actor[] = [member, { kind: 'teacher' }, { kind: 'system' }];
    const right: Actor = sender === 'member' ? member : { kind: sender };
    return { actor: dice < 12 ? right : (anyone[dice - 12] ?? right), command: c };
  });

const steps = fc.array(step, { maxLength: 80, size: 'max' });

/**
 * A two-round session with room for two per delegation, so fullness and the end both come up, and four
 * students already in (m1 Ana and m2 Bo seated, m3 Cy and m4 Dee not), so most commands have someone to act on.
 */
function start(seed: number): SessionModel {
  const scenario = SCENARIOS.find((s) => s.id === 'two-rounds')!;
  let state = newSession('7KQ3MX', seed, { ...defaultSettings(scenario), maxPerDelegation: 2 });
  const prelude: SessionCommand[] = [
    ...['Ana', 'Bo', 'Cy', 'Dee'].map((n) => ({ type: 'joinSession' as const, nickname: n })),
    { type: 'assignSeat', memberId: 'm1', seat: 'us' },
    { type: 'assignSeat', memberId: 'm2', seat: 'china' },
  ];
  for (const c of prelude) {
    const outcome = applyCommand(
      state,
      c.type === 'joinSession' ? { kind: 'system' } : { kind: 'teacher' },
      c,
      ctx,
    );
    if (!outcome.ok) throw new Error(`prelude refused: ${outcome.refusal.message}`);
    state = outcome.state;
  }
  return state;
}

function fold(seed: number, list: { actor: Actor; command: SessionCommand }[]) {
  let state = start(seed);
  const history = [];
  for (const { actor, command: c } of list) {
    const outcome = applyCommand(state, actor, c, ctx);
    history.push(outcome);
    if (outcome.ok) state = outcome.state;
  }
  return { state, history };
}

function expectInvariants(state: SessionModel) {
  for (const d of DELEGATIONS)
    expect(seatCount(state, d)).toBeLessThanOrEqual(state.settings.maxPerDelegation);
  const here = Object.values(state.members).filter((m) => m.status !== 'gone');
  const keys = here.map((m) => nicknameKey(m.nickname));
  expect(new Set(keys).size, `nicknames ${keys.join(', ')}`).toBe(keys.length);
  expect(state.round).toBeGreaterThanOrEqual(0);
  expect(state.round).toBeLessThanOrEqual(state.settings.years.length);
  expect(state.phase !== undefined).toBe(state.stage === 'playing');
  if (state.stage === 'playing') expect(state.round).toBeGreaterThanOrEqual(1);
  if (state.stage === 'lobby') expect(state.round).toBe(0);
  for (const [id, m] of Object.entries(state.members)) {
    expect(m.id).toBe(id);
    expect(Number(id.slice(1))).toBeLessThan(state.nextMemberNumber);
  }
}

describe('session rules under random commands', () => {
  it('are deterministic: the same commands give the same state and events', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), steps, (seed, list) => {
        const a = fold(seed, list);
        const b = fold(seed, list);
        expect(b.state).toEqual(a.state);
        expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
        expect(b.history).toEqual(a.history);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never touch their input; a refusal changes nothing, an acceptance raises the version by one', () => {
    fc.assert(
      fc.property(steps, (list) => {
        const first = deepFreeze(start(1));
        const firstCopy = structuredClone(first);
        let state = first;
        for (const { actor, command: c } of list) {
          const outcome = applyCommand(state, actor, c, ctx); // every input is frozen: any mutation throws
          if (outcome.ok) {
            expect(outcome.state.version).toBe(state.version + 1);
            expect(outcome.events.length).toBeGreaterThan(0);
            state = deepFreeze(outcome.state);
          } else {
            expect(REFUSAL_CODES).toContain(outcome.refusal.code);
            expect(outcome.refusal.message.length).toBeGreaterThan(0);
          }
        }
        expect(first).toEqual(firstCopy);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keep the invariants after every command', () => {
    fc.assert(
      fc.property(steps, (list) => {
        let state = start(1);
        expectInvariants(state);
        for (const { actor, command: c } of list) {
          const outcome = applyCommand(state, actor, c, ctx);
          if (!outcome.ok) continue;
          state = outcome.state;
          expectInvariants(state);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
