/**
 * What the scenes draw, read from the view (client/src/scenes/facts.ts): the same functions write the text
 * beside the canvas, so these are also the sentences a screen reader hears.
 */
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../client/src/net/view.ts';
import {
  debrisParticles,
  flashTargets,
  floorHolder,
  incidentText,
  lastVotes,
  orbitIncidents,
  sceneFacts,
  sceneForPhase,
  worldFor,
} from '../../client/src/scenes/facts.ts';
import type { Change } from '../../shared/rules/model.ts';
import { viewFor, type WorldView } from '../../shared/rules/views.ts';
import { worldWith } from '../shared/rules/testWorld.ts';

const session = (fields: Partial<SessionView>) => fields as SessionView;
const worldView = (fields: Partial<WorldView>) => fields as WorldView;

describe('the scene for a phase', () => {
  it.each([
    ['lobby', '', 'table'],
    ['playing', 'briefing', 'table'],
    ['playing', 'negotiation', 'chamber'],
    ['playing', 'orders', 'orbit'],
    ['playing', 'resolution', 'orbit'],
    ['playing', 'debrief', 'orbit'],
    ['ended', '', 'table'],
  ] as const)('%s, %s: %s', (stage, phase, scene) => {
    expect(sceneForPhase(session({ stage, phase }))).toBe(scene);
  });

  it('is the table with no view yet', () => {
    expect(sceneForPhase(undefined)).toBe('table');
  });
});

describe('the world a viewer sees', () => {
  const shared = worldView({ round: 1 });
  const secret = worldView({ round: 1, tension: 50 });
  const view = session({
    world: shared,
    members: {
      m1: { id: 'm1', nickname: 'Wei', seat: 'china', status: 'connected', roles: '', muted: false },
      m2: { id: 'm2', nickname: 'Ana', seat: 'observer', status: 'connected', roles: '', muted: false },
    },
    teams: { china: { submitted: false, headId: 'm1', secret } } as SessionView['teams'],
  });

  it("is a delegation's own secret view for its members, the class's for anyone else", () => {
    expect(worldFor(view, 'm1')).toBe(secret);
    expect(worldFor(view, 'm2')).toBe(shared);
    expect(worldFor(view)).toBe(shared);
    expect(worldFor(view, 'm99')).toBe(shared);
  });
});

describe('debris particles', () => {
  it.each([
    [0, 0],
    [0.1, 0],
    [25, 100],
    [99.9, 400],
    [100, 400],
    [130, 400],
    [-5, 0],
  ])('debris %d: %d fragments', (debris, particles) => {
    expect(debrisParticles(debris)).toBe(particles);
  });
});

describe('votes in the chamber', () => {
  it('count the UN blocs as the tally less the three delegations, for the latest votes only', () => {
    const result = (yes: number) => ({
      yes,
      no: 30,
      abstain: 20,
      adopted: true,
      votes: { us: 'no' as const, china: 'yes' as const, russia: 'abstain' as const },
    });
    const w = worldView({
      resolutions: [
        { id: 'r1-a', topic: 'asatTestBan', sponsors: ['china'], proposedRound: 0, result: result(100) },
        { id: 'r2-b', topic: 'parosMeasures', sponsors: [], proposedRound: 1, result: undefined },
        {
          id: 'r2-c',
          topic: 'noFirstPlacement',
          sponsors: ['russia'],
          proposedRound: 1,
          result: result(120),
        },
      ],
    });
    expect(lastVotes(w).map((v) => [v.id, v.blocs])).toEqual([
      ['r1-a', { yes: 99, no: 29, abstain: 19 }],
      ['r2-c', { yes: 119, no: 29, abstain: 19 }],
    ]);
    expect(lastVotes(w, 1).map((v) => v.id)).toEqual(['r2-c']);
  });
});

describe('who holds the floor', () => {
  const message = (seat: string, round: number, text: string) => ({
    id: 1,
    from: 'm1',
    nickname: 'Wei',
    seat,
    text,
    round,
  });
  const said = worldView({
    delegations: {
      us: { commitments: [{ round: 1, kind: 'statement', pledge: undefined, text: 'Statement: no tests' }] },
      china: {
        commitments: [{ round: 2, kind: 'statement', pledge: undefined, text: 'Statement: no weapons' }],
      },
      russia: { commitments: [{ round: 2, kind: 'vote', pledge: undefined, text: 'Voted yes' }] },
    } as unknown as WorldView['delegations'],
  });

  it("is this round's newest speaker on the floor, the teacher speaking as the chair", () => {
    const view = session({
      round: 3,
      floor: [message('china', 3, 'Hello'), message('teacher', 3, 'Order!')],
    });
    expect(floorHolder(view, said)).toEqual({ by: 'chair', text: 'Order!', round: 3, live: true });
    const china = session({ round: 3, floor: [message('china', 3, 'We propose a ban.')] });
    expect(floorHolder(china, said)?.by).toBe('china');
  });

  it('is otherwise the author of the newest statement order, without its prefix', () => {
    const view = session({ round: 3, floor: [message('us', 2, 'Last round')] });
    expect(floorHolder(view, said)).toEqual({ by: 'china', text: 'no weapons', round: 2, live: false });
    expect(floorHolder(undefined, undefined)).toBeUndefined();
  });
});

describe('incidents in orbit', () => {
  const w = worldView({
    round: 2,
    incidents: [
      { id: 'i1', round: 1, victim: 'us', kind: 'anomaly', cause: undefined, belief: {} },
      {
        id: 'i2',
        round: 2,
        victim: 'us',
        kind: 'signalJammed',
        cause: { kind: 'attack', by: 'russia' },
        belief: {},
      },
      {
        id: 'i3',
        round: 2,
        victim: 'china',
        kind: 'closeApproach',
        cause: undefined,
        belief: { china: { kind: 'attack', by: 'us', certain: false } },
      },
      { id: 'i4', round: 2, victim: 'russia', kind: 'anomaly', cause: { kind: 'natural' }, belief: {} },
    ] as unknown as WorldView['incidents'],
  });

  it("are the last round's, with the attacker only where the view names it", () => {
    expect(orbitIncidents(w).map(incidentText)).toEqual([
      'United States satellite, signals jammed (by Russia)',
      'China satellite, close approach (cause unknown, China blames United States)',
      'Russia satellite, anomaly (natural cause)',
    ]);
  });

  it('flash what the last resolution changed, and sum the indicators it moved', () => {
    const change = (target: string, delta: number, round = 2): Change => ({
      round,
      target,
      delta,
      after: 0,
      cause: 'test',
      source: { kind: 'rule', rule: 'test' },
      visibleTo: 'all',
    });
    const changed = worldView({
      ...w,
      changes: [
        change('tension', 5),
        change('tension', -2),
        change('debris', 4, 1),
        change('capability.us.satellites.leo', 1),
        change('capability.china.lunar', 10),
        change('draft.ppwt.momentum', 8),
        change('lunarPartners.artemis', 2),
        change('prestige.russia', -3),
      ],
    });
    const { keys, indicators } = flashTargets(changed);
    expect([...indicators]).toEqual([['tension', 3]]);
    expect([...keys].sort()).toEqual(
      [
        'indicator:tension',
        'delegation:us',
        'ring:leo',
        'delegation:china',
        'programme:china',
        'draft:ppwt',
        'lunar:artemis',
        'delegation:russia',
      ].sort(),
    );
  });
});

describe('scene facts beside the canvas', () => {
  const w = viewFor(
    worldWith({
      debris: 25,
      lunar: { artemis: { members: ['us'], partners: 12 }, ilrs: { members: [], partners: 0 } },
      delegations: {
        us: {
          capabilities: {
            lunar: 30,
            satellites: { leo: 10, meo: 4, geo: 3 },
            counterspace: { coOrbital: 1 },
          },
        },
        china: {
          capabilities: { lunar: 20, satellites: { leo: 6, meo: 2, geo: 2 }, counterspace: { coOrbital: 2 } },
        },
        russia: {
          capabilities: { lunar: 5, satellites: { leo: 5, meo: 1, geo: 1 }, counterspace: { coOrbital: 3 } },
        },
      },
    }),
    'teacher',
  );

  it('are none for the table, and wait for round 1 elsewhere', () => {
    expect(sceneFacts('table', w)).toEqual([]);
    expect(sceneFacts('moon', undefined)).toEqual(['The world appears when round 1 begins.']);
  });

  it('give the Moon its blocs and programmes', () => {
    expect(sceneFacts('moon', w)).toEqual([
      'Artemis Accords: members United States; 12 partner states.',
      'International Lunar Research Station (ILRS): no members yet; 0 partner states.',
      'Lunar programmes (of 100): US 30, China 20, Russia 5.',
    ]);
  });

  it('give orbit its satellites, inspectors and debris', () => {
    expect(sceneFacts('orbit', w)).toEqual([
      'LEO (low Earth orbit) satellites: US 10, China 6, Russia 5.',
      'MEO (medium Earth orbit) satellites: US 4, China 2, Russia 1.',
      'GEO (geostationary orbit) satellites: US 3, China 2, Russia 1.',
      'Co-orbital inspectors: US 1, China 2, Russia 3.',
      'Debris 25 of 100: 100 fragments drawn.',
      'No incident in orbit yet.',
    ]);
  });
});
