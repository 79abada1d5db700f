/**
 * The team's attribution assessment of an incident: who may write it and when, what it may say, and that only
 * the team and the teacher read it.
 */
import { describe, expect, it } from 'vitest';
import type { Incident, World } from '../../shared/rules/model.ts';
import type { RefusalCode } from '../../shared/session/refusal.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { readsEvent, sightOf } from '../../shared/session/visibility.ts';
import { accept, ctx, deepFreeze, member, teacher, testSession } from './testSession.ts';
import { expectPlain } from './expectPlain.ts';

/**
 * i1: China jammed the US; the US does not know by whom. i2: a natural anomaly on Russia's satellites, which
 * Russia publicly blamed on the US. i3: a natural anomaly on China's, which nobody else heard of.
 */
const INCIDENTS: Incident[] = [
  {
    id: 'i1',
    round: 1,
    victim: 'us',
    kind: 'signalJammed',
    cause: { kind: 'attack', by: 'china' },
    belief: { us: { kind: 'unknown' } },
  },
  {
    id: 'i2',
    round: 1,
    victim: 'russia',
    kind: 'anomaly',
    cause: { kind: 'natural', what: 'spaceWeather' },
    belief: { russia: { kind: 'attack', by: 'us', certain: false } },
  },
  {
    id: 'i3',
    round: 1,
    victim: 'china',
    kind: 'anomaly',
    cause: { kind: 'natural', what: 'malfunction' },
    belief: {},
  },
];

// m1 Ana (US), m2 Al (US, the analyst), m3 Wei (China), m4 Sasha (Russia), m5 Cy (observer).
const CLASS = ['Ana@us', 'Al@us', 'Wei@china', 'Sasha@russia', 'Cy@observer'];
const withIncidents = (s: SessionModel): SessionModel =>
  s.world ? { ...s, world: { ...s.world, incidents: INCIDENTS } as World } : s;
const at = (phase: 'resolution' | 'negotiation' = 'resolution') =>
  withIncidents(testSession({ members: CLASS, at: phase }));

const assess = (
  incidentId: string,
  suspect: 'us' | 'china' | 'russia' | 'natural' | 'unsure' = 'china',
  why = 'The jamming began the day after their launch.',
): SessionCommand => ({ type: 'writeAssessment', incidentId, suspect, confidence: 'moderate', why });

type Row = [string, () => SessionModel, Actor, SessionCommand, RefusalCode | 'accepted'];

describe('writeAssessment: legality', () => {
  it.each<Row>([
    ['the analyst, on an incident to its own satellites', at, member('m2'), assess('i1'), 'accepted'],
    ['any member of the team', at, member('m1'), assess('i1', 'unsure'), 'accepted'],
    [
      'in the negotiation of the next round too',
      () => at('negotiation'),
      member('m2'),
      assess('i1'),
      'accepted',
    ],
    ['a public accusation against the delegation', at, member('m1'), assess('i2', 'natural'), 'accepted'],
    [
      'an incident the delegation never heard of',
      at,
      member('m2'),
      assess('i3', 'natural'),
      'unknownIncident',
    ],
    ['an incident that does not exist', at, member('m2'), assess('i9'), 'unknownIncident'],
    ['the attacker, who knows what it did', at, member('m3'), assess('i1', 'russia'), 'nothingToDo'],
    ['naming itself', at, member('m2'), assess('i1', 'us'), 'invalidAssessment'],
    ['naming the victim', at, member('m1'), assess('i2', 'russia'), 'invalidAssessment'],
    ['an observer', at, member('m5'), assess('i2', 'natural'), 'notSeated'],
    ['the teacher', at, teacher, assess('i1'), 'notAllowed'],
    ['in the lobby', () => testSession({ members: CLASS }), member('m2'), assess('i1'), 'wrongStage'],
    [
      'once the session has ended',
      () => withIncidents(testSession({ members: CLASS, at: 'ended' })),
      member('m2'),
      assess('i1'),
      'wrongStage',
    ],
    [
      'the same assessment again',
      () => accept(at(), member('m2'), assess('i1')).state,
      member('m1'),
      assess('i1'),
      'nothingToDo',
    ],
  ])('%s', (_why, given, actor, command, expected) => {
    const state = deepFreeze(given());
    const outcome = applyCommand(state, actor, command, ctx);
    expect(outcome.ok ? 'accepted' : outcome.refusal.code).toBe(expected);
    if (!outcome.ok) expectPlain(outcome.refusal);
  });
});

describe('writeAssessment: what it keeps', () => {
  it('keeps one assessment an incident, by whoever wrote it last, on the team desk only', () => {
    const first = accept(at(), member('m2'), assess('i1'));
    expect(first.events).toEqual([
      { type: 'assessmentWritten', seat: 'us', memberId: 'm2', incidentId: 'i1' },
    ]);
    const revised = accept(
      first.state,
      member('m1'),
      assess('i1', 'russia', 'Russia has jammers too.'),
    ).state;
    expect(revised.teams.us.assessments).toEqual([
      {
        incidentId: 'i1',
        suspect: 'russia',
        confidence: 'moderate',
        why: 'Russia has jammers too.',
        by: 'm1',
        round: 1,
      },
    ]);
    const two = accept(revised, member('m2'), assess('i2', 'natural', 'A solar storm that week.')).state;
    expect(two.teams.us.assessments?.map((a) => a.incidentId)).toEqual(['i1', 'i2']);
    expect(two.teams.china.assessments).toBeUndefined();
    expect(two.teams.russia.assessments).toBeUndefined();
  });

  it('assessments outlive the round: the next round begins with them on the desk', () => {
    let s = accept(
      withIncidents(testSession({ members: CLASS, at: 'debrief' })),
      member('m2'),
      assess('i1'),
    ).state;
    s = accept(s, teacher, { type: 'advancePhase', from: { round: 1, phase: 'debrief' } }).state;
    expect([s.round, s.phase]).toEqual([2, 'briefing']);
    expect(s.teams.us.assessments?.map((a) => a.incidentId)).toEqual(['i1']);
    expect(s.teams.us.orders).toEqual([]);
  });

  it('a desk that never assessed has no assessments field, so old states hash as they did', () => {
    expect('assessments' in at().teams.us).toBe(false);
  });
});

describe('who reads an assessment', () => {
  const written = accept(at(), member('m2'), assess('i1', 'china', 'Secret reasoning ~x~'));
  const holds = (s: ReturnType<typeof sightOf>) => JSON.stringify(s).includes('Secret reasoning ~x~');

  it('the team and the teacher read it; the other delegations, observers and the projector never do', () => {
    const s = written.state;
    expect(holds(sightOf(s, { kind: 'member', memberId: 'm1' }))).toBe(true);
    expect(holds(sightOf(s, { kind: 'teacher' }))).toBe(true);
    expect(holds(sightOf(s, { kind: 'eyes', viewer: 'us' }))).toBe(true);
    for (const memberId of ['m3', 'm4', 'm5'])
      expect(holds(sightOf(s, { kind: 'member', memberId }))).toBe(false);
    expect(holds(sightOf(s, { kind: 'projector' }))).toBe(false);
    for (const viewer of ['china', 'russia', 'public'] as const)
      expect(holds(sightOf(s, { kind: 'eyes', viewer }))).toBe(false);
  });

  it('the event is told in full to the team and the teacher only', () => {
    const event = written.events[0]!;
    const s = written.state;
    expect(readsEvent(sightOf(s, { kind: 'member', memberId: 'm1' }), event)).toBe(true);
    expect(readsEvent(sightOf(s, { kind: 'teacher' }), event)).toBe(true);
    expect(readsEvent(sightOf(s, { kind: 'member', memberId: 'm3' }), event)).toBe(false);
    expect(readsEvent(sightOf(s, { kind: 'projector' }), event)).toBe(false);
  });
});
