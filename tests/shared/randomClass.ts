/**
 * Random classes for property tests of who sees what: students join, sit, move, write notes, set orders, talk in
 * team chats, channels and on the floor, and the teacher plays intelligence cards and moves the session on. Every
 * secret text carries a marker unique to its step ("~s12~"), so a test can search any view for another team's words.
 */
import fc from 'fast-check';
import { DELEGATIONS } from '../../shared/model/seats.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import type { Actor, SessionCommand, SessionEvent } from '../../shared/session/commands.ts';
import { SUSPECTS } from '../../shared/session/assessment.ts';
import { defaultSettings, newSession, type SessionModel } from '../../shared/session/model.ts';
import { ctx, SCENARIOS } from './testSession.ts';

export const MEMBER_IDS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'] as const;
const memberId = fc.constantFrom(...MEMBER_IDS);
const seat = fc.constantFrom(...DELEGATIONS, 'observer' as const);
const other = fc.constantFrom(...DELEGATIONS);

/** A text with a placeholder the fold replaces with the step's marker. */
const SAY = '<marker>';

const command: fc.Arbitrary<SessionCommand> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom('Eve', 'Fay', 'Gus')
      .map((n) => ({ type: 'joinSession' as const, nickname: n })),
  },
  { weight: 6, arbitrary: seat.map((s) => ({ type: 'chooseSeat' as const, seat: s })) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(memberId, seat)
      .map(([id, s]) => ({ type: 'assignSeat' as const, memberId: id, seat: s })),
  },
  { weight: 8, arbitrary: fc.constant({ type: 'editDraft' as const, text: `notes ${SAY}` }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom(...SUSPECTS))
      .map(([n, suspect]) => ({
        type: 'writeAssessment' as const,
        incidentId: `i${n}`,
        suspect,
        confidence: 'moderate' as const,
        why: `assessed ${SAY}`,
      })),
  },
  {
    weight: 4,
    arbitrary: fc.boolean().map(
      (some): SessionCommand => ({
        type: 'setOrders',
        orders: some ? [{ kind: 'buildMissileWarning' }] : [],
      }),
    ),
  },
  { weight: 3, arbitrary: fc.constant({ type: 'submitOrders' as const }) },
  {
    weight: 10,
    arbitrary: fc
      .constantFrom<'team' | 'floor' | (typeof DELEGATIONS)[number]>('team', 'floor', ...DELEGATIONS)
      .map((to) => ({ type: 'sendMessage' as const, to, text: `said ${SAY}` })),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom('requestChannel' as const, 'acceptChannel' as const, 'closeChannel' as const),
        other,
      )
      .map(([type, w]) => ({ type, with: w })),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'announce' as const, text: `announced ${SAY}` }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('p44-nesting-doll-2017', 'p60-cosmos-2553-2022', 'p12-space-subcommittee-2000')
      .map((cardId) => ({ type: 'injectCard' as const, cardId })),
  },
  { weight: 3, arbitrary: fc.constant({ type: 'advancePhase' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'endSession' as const }) },
  { weight: 1, arbitrary: memberId.map((id) => ({ type: 'removeMember' as const, memberId: id })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('memberDropped' as const, 'memberReturned' as const, 'memberGone' as const),
        memberId,
      )
      .map(([type, id]) => ({ type, memberId: id })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(memberId, memberId)
      .map(([id, former]) => ({ type: 'restoreSeat' as const, memberId: id, formerMemberId: former })),
  },
);

const STUDENT = new Set([
  'chooseSeat',
  'editDraft',
  'setOrders',
  'submitOrders',
  'writeAssessment',
  'sendMessage',
  'requestChannel',
  'acceptChannel',
  'closeChannel',
]);
const SYSTEM = new Set(['joinSession', 'memberDropped', 'memberReturned', 'memberGone']);

export interface Step {
  actor: Actor;
  command: SessionCommand;
}

/** Each command from the sender it is meant for (a member for student commands). */
export const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.tuple(command, memberId).map(([c, id]): Step => {
    const sender: Actor = STUDENT.has(c.type)
      ? { kind: 'member', memberId: id }
      : SYSTEM.has(c.type)
        ? { kind: 'system' }
        : { kind: 'teacher' };
    return { actor: sender, command: c };
  }),
  { maxLength: 70, size: 'max' },
);

/**
 * A campaign session in round 1's negotiation, timers off, seats open during play and room for two per
 * delegation: m1 Ana (US), m2 Bo (China), m3 Cy (Russia), m4 Dee (not seated), with the US–China and
 * China–Russia channels open, so talks and desks are busy from the first step.
 */
export function startClass(): SessionModel {
  const scenario = SCENARIOS.find((s) => s.id === 'campaign')!;
  let state = newSession('7KQ3MX', 7, {
    ...defaultSettings(scenario),
    timersOn: false,
    lockTeamsOnStart: false,
    maxPerDelegation: 2,
  });
  const teacher: Actor = { kind: 'teacher' };
  const member = (memberId: string): Actor => ({ kind: 'member', memberId });
  const prelude: Step[] = [
    ...['Ana', 'Bo', 'Cy', 'Dee'].map(
      (nickname): Step => ({ actor: { kind: 'system' }, command: { type: 'joinSession', nickname } }),
    ),
    ...(['us', 'china', 'russia'] as const).map(
      (d, i): Step => ({ actor: teacher, command: { type: 'assignSeat', memberId: `m${i + 1}`, seat: d } }),
    ),
    { actor: member('m1'), command: { type: 'requestChannel', with: 'china' } },
    { actor: member('m2'), command: { type: 'acceptChannel', with: 'us' } },
    { actor: member('m3'), command: { type: 'requestChannel', with: 'china' } },
    { actor: member('m2'), command: { type: 'acceptChannel', with: 'russia' } },
    { actor: teacher, command: { type: 'startSession' } },
    { actor: teacher, command: { type: 'advancePhase' } },
  ];
  for (const { actor, command: c } of prelude) {
    const outcome = applyCommand(state, actor, c, ctx);
    if (!outcome.ok) throw new Error(`prelude refused: ${outcome.refusal.message}`);
    state = outcome.state;
  }
  return state;
}

/** The step's command with its marker in place of the placeholder: "said ~s12~". */
export function marked(c: SessionCommand, index: number): SessionCommand {
  const marker = `~s${index}~`;
  if (c.type === 'writeAssessment') return { ...c, why: c.why.replace(SAY, marker) };
  return 'text' in c && typeof c.text === 'string' ? { ...c, text: c.text.replace(SAY, marker) } : c;
}

/** Folds the steps from startClass, calling `each` after every accepted one. */
export function foldClass(
  list: readonly Step[],
  each?: (state: SessionModel, events: SessionEvent[]) => void,
): SessionModel {
  let state = startClass();
  for (const [i, { actor, command: c }] of list.entries()) {
    const outcome = applyCommand(state, actor, marked(c, i), ctx);
    if (!outcome.ok) continue;
    state = outcome.state;
    each?.(state, outcome.events);
  }
  return state;
}
