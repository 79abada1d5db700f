/**
 * Builds sessions for rules tests by folding real commands, so every test starts from a state the rules can
 * reach: `testSession({ members: ['Ana@us', 'Bo'], at: 'negotiation' })`.
 */
import { expect } from 'vitest';
import { readContent } from '../../server/content.ts';
import type { ScenarioSummary } from '../../shared/content/scenario.ts';
import type { RoundPhase } from '../../shared/model/phases.ts';
import type { Seat } from '../../shared/model/seats.ts';
import type { SettingsPatch } from '../../shared/protocol/toServer.ts';
import type { Refusal } from '../../shared/session/refusal.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import type { RulesContext } from '../../shared/session/commands/handler.ts';
import type { Actor, SessionCommand, SessionEvent } from '../../shared/session/commands.ts';
import {
  defaultSettings,
  type MemberStatus,
  newSession,
  type SessionModel,
} from '../../shared/session/model.ts';
import { momentOf } from '../../shared/session/moment.ts';

/** The shipped scenarios plus a two-round one, so a test can play a whole session in a few steps. */
const content = readContent('content');
export const SCENARIOS: ScenarioSummary[] = [
  ...content.scenarios,
  {
    id: 'two-rounds',
    title: 'Two rounds',
    summary: 'Two short rounds, for tests that play to the end.',
    years: [2030, 2031],
    rounds: [
      { year: 2030, cards: [], draw: 0 },
      { year: 2031, cards: [], draw: 0 },
    ],
    pool: [],
    phaseMinutes: { briefing: 1, negotiation: 1, orders: 1, resolution: 1, debrief: 1 },
  },
];
export const ctx: RulesContext = { scenarios: SCENARIOS, cards: content.cards };

export const teacher: Actor = { kind: 'teacher' };
export const system: Actor = { kind: 'system' };
export const member = (memberId: string): Actor => ({ kind: 'member', memberId });

/** "Ana" (unseated, connected), "Ana@us", "Ana@observer!away", "Ana@china!gone". */
export type MemberSpec = string;

export interface TestSessionOptions {
  scenario?: string; // "two-rounds" unless given
  members?: MemberSpec[]; // joined in order, so the first is m1
  settings?: SettingsPatch; // applied in the lobby, before anyone joins
  at?: 'lobby' | RoundPhase | 'ended'; // where the session stands; a phase means round `round`
  round?: number; // 1 unless given
  locked?: boolean; // teams locked (or open) at the end of setup, whatever the settings did
}

/** A session in the given stage and phase with the given members, built only from accepted commands. */
export function testSession(options: TestSessionOptions = {}): SessionModel {
  const { scenario = 'two-rounds', members = [], settings, at = 'lobby', round = 1, locked } = options;
  const first = SCENARIOS.find((s) => s.id === scenario);
  if (!first) throw new Error(`no test scenario "${scenario}"`);
  let state = newSession('7KQ3MX', 1, defaultSettings(first));
  if (settings) state = accept(state, teacher, { type: 'updateSettings', ...settings }).state;

  const gone: string[] = [];
  for (const spec of members) {
    const { nickname, seat, status } = parseSpec(spec);
    const joined = accept(state, system, { type: 'joinSession', nickname });
    state = joined.state;
    const id = joinedId(joined.events);
    if (seat !== 'unseated') state = accept(state, teacher, { type: 'assignSeat', memberId: id, seat }).state;
    if (status === 'away') state = accept(state, system, { type: 'memberDropped', memberId: id }).state;
    if (status === 'gone') gone.push(id);
  }

  if (at !== 'lobby') {
    state = accept(state, teacher, { type: 'startSession' }).state;
    if (at === 'ended') state = accept(state, teacher, { type: 'endSession', from: momentOf(state) }).state;
    else
      while (state.round < round || state.phase !== at)
        state = accept(state, teacher, { type: 'advancePhase', from: momentOf(state) }).state;
  }
  // Members leave last, so a gone member's seat can still be assigned and the session still started.
  for (const id of gone) state = accept(state, system, { type: 'memberGone', memberId: id }).state;
  if (locked !== undefined && locked !== state.teamsLocked) {
    state = accept(state, teacher, { type: 'lockTeams', locked }).state;
  }
  return state;
}

function parseSpec(spec: MemberSpec): { nickname: string; seat: Seat; status: MemberStatus } {
  const match = /^([^@!]+)(?:@(\w+))?(?:!(\w+))?$/.exec(spec);
  if (!match) throw new Error(`bad member spec "${spec}"`);
  return {
    nickname: match[1] as string,
    seat: (match[2] ?? 'unseated') as Seat,
    status: (match[3] ?? 'connected') as MemberStatus,
  };
}

function joinedId(events: SessionEvent[]): string {
  const joined = events.find((e) => e.type === 'memberJoined');
  if (!joined) throw new Error('joinSession raised no memberJoined');
  return joined.memberId;
}

/** Applies a command that must be accepted; fails the test with the refusal otherwise. */
export function accept(
  state: SessionModel,
  actor: Actor,
  command: SessionCommand,
): { state: SessionModel; events: SessionEvent[] } {
  const outcome = applyCommand(state, actor, command, ctx);
  if (!outcome.ok) {
    expect.fail(
      `${command.type} by ${actor.kind} was refused: ${outcome.refusal.code}: ${outcome.refusal.message}`,
    );
  }
  return { state: outcome.state, events: outcome.events };
}

/** Applies a command that must be refused, and returns the refusal. */
export function refuse(state: SessionModel, actor: Actor, command: SessionCommand): Refusal {
  const outcome = applyCommand(state, actor, command, ctx);
  if (outcome.ok) expect.fail(`${command.type} by ${actor.kind} was accepted`);
  return outcome.refusal;
}

/** Freezes a state all the way down, so any mutation by the rules throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
