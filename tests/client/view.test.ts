/** The plain view screens and scenes read (client/src/net/view.ts), made from the state as the SDK decodes it. */
import { describe, expect, it } from 'vitest';
import {
  membersInOrder,
  type RawState,
  type SessionView,
  toView,
  yearOf,
} from '../../client/src/net/view.ts';

function raw(overrides: Partial<RawState> = {}): RawState {
  return {
    version: 4,
    code: '7KQ3MX',
    stage: 'playing',
    round: 1,
    phase: 'orders',
    phaseEndsAt: 0,
    teamsLocked: false,
    hostConnected: true,
    settings: {
      scenarioId: 'campaign',
      scenarioTitle: 'Campaign',
      years: [2015, 2017, 2019],
      timersOn: false,
      phaseMinutes: { briefing: 2, negotiation: 10, orders: 5, resolution: 2, debrief: 5 },
      lockTeamsOnStart: false,
      maxPerDelegation: 10,
    },
    members: {},
    teams: {
      us: { submitted: true, headId: 'm1', draft: 'Talk first.', orders: '[{"kind":"buildSsa"}]' },
      china: { submitted: false, headId: '', orders: '' },
      russia: { submitted: false, headId: 'm3' },
    },
    world: '{"round":1,"tension":40}',
    timerPaused: false,
    phaseRemainingMs: 0,
    channels: {},
    floor: [],
    projectors: 1,
    practice: false,
    ...overrides,
  };
}

describe('toView', () => {
  it("parses a desk's orders and the world, and leaves out what the connection may not see", () => {
    const view = toView(raw());
    expect(view.teams.us).toEqual({
      submitted: true,
      headId: 'm1',
      draft: 'Talk first.',
      orders: [{ kind: 'buildSsa' }],
    });
    expect(view.teams.china).toEqual({ submitted: false, headId: '', orders: [] });
    expect(view.teams.russia).toEqual({ submitted: false, headId: 'm3' });
    expect(view.world).toEqual({ round: 1, tension: 40 });
    expect(view.hostWorld).toBeUndefined();
    expect(view.code).toBe('7KQ3MX');
  });

  it('gives the teacher the whole world and a team its secret view', () => {
    const view = toView(
      raw({
        host: { world: '{"round":1,"tension":41}' },
        teams: {
          ...raw().teams,
          china: { submitted: false, headId: 'm2', secret: '{"round":1,"tension":42}' },
        },
      }),
    );
    expect(view.hostWorld).toEqual({ round: 1, tension: 41 });
    expect(view.teams.china.secret).toEqual({ round: 1, tension: 42 });
  });

  it('parses an unchanged world once: patches between resolutions reuse the same object', () => {
    const first = toView(raw({ version: 5 }));
    const second = toView(raw({ version: 6 }));
    expect(second.world).toBe(first.world);
    expect(toView(raw({ world: '{"round":2,"tension":40}' })).world).not.toBe(first.world);
  });

  it('has no world before round 1', () => {
    expect(toView(raw({ world: '' })).world).toBeUndefined();
  });
});

describe('membersInOrder', () => {
  it('lists members in join order, m10 after m9', () => {
    const member = (id: string) => ({
      id,
      nickname: id,
      seat: 'us' as const,
      status: 'connected' as const,
      roles: '',
      muted: false,
    });
    const view = { members: { m10: member('m10'), m2: member('m2'), m9: member('m9'), m1: member('m1') } };
    expect(membersInOrder(view as unknown as SessionView).map((m) => m.id)).toEqual([
      'm1',
      'm2',
      'm9',
      'm10',
    ]);
  });
});

describe('yearOf', () => {
  it("is the current round's year, the first one before round 1, and none past the last round", () => {
    const at = (round: number) => yearOf(toView(raw({ round })));
    expect(at(0)).toBe(2015);
    expect(at(1)).toBe(2015);
    expect(at(3)).toBe(2019);
    expect(at(4)).toBeUndefined();
  });
});
