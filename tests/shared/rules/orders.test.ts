import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../shared/model/seats.ts';
import { describeOrder, ORDER_FIELDS } from '../../../shared/rules/describe.ts';
import type { World } from '../../../shared/rules/model.ts';
import {
  arenaOf,
  isMilitary,
  MAX_ORDERS,
  ORDER_SPECS,
  type Order,
  type OrderKind,
  OrderList,
  orderCost,
  ordersProblem,
} from '../../../shared/rules/orders.ts';
import { worldWith } from './testWorld.ts';

/** One order of each kind, with what it costs and whether the earmarked budget may pay for it. */
const EVERY_KIND: { [K in OrderKind]: [Extract<Order, { kind: K }>, number, 'military' | 'civil'] } = {
  tableDraft: [{ kind: 'tableDraft', draft: 'tcbm' }, 2, 'civil'],
  coSponsor: [{ kind: 'coSponsor', draft: 'ppwt' }, 1, 'civil'],
  amendDraft: [{ kind: 'amendDraft', draft: 'ppwt', clause: 'verification' }, 1, 'civil'],
  answerAmendment: [
    { kind: 'answerAmendment', draft: 'ppwt', clause: 'verification', answer: 'refuse' },
    0,
    'civil',
  ],
  blockConsensus: [{ kind: 'blockConsensus', draft: 'ppwt' }, 0, 'civil'],
  signTreaty: [{ kind: 'signTreaty', draft: 'ppwt' }, 0, 'civil'],
  ratifyTreaty: [{ kind: 'ratifyTreaty', draft: 'ppwt' }, 1, 'civil'],
  proposeTcbm: [{ kind: 'proposeTcbm', measure: 'hotline' }, 1, 'civil'],
  endorseTcbm: [{ kind: 'endorseTcbm', measure: 'noFirstPlacement' }, 0, 'civil'],
  workingPaper: [{ kind: 'workingPaper', topic: 'verification' }, 1, 'civil'],
  proposeResolution: [{ kind: 'proposeResolution', topic: 'asatTestBan' }, 1, 'civil'],
  voteResolution: [{ kind: 'voteResolution', resolution: 'r1-asatTestBan', vote: 'yes' }, 0, 'civil'],
  lobbyResolution: [{ kind: 'lobbyResolution', resolution: 'r1-asatTestBan', vote: 'yes' }, 1, 'civil'],
  statement: [{ kind: 'statement', stance: 'restraint', text: 'We will not arm space.' }, 0, 'civil'],
  withdrawTreaty: [{ kind: 'withdrawTreaty', draft: 'ppwt' }, 0, 'civil'],
  summit: [{ kind: 'summit', with: 'china' }, 1, 'civil'],
  techDeal: [{ kind: 'techDeal', with: 'russia', deal: 'rocketEngines' }, 2, 'civil'],
  sanction: [{ kind: 'sanction', target: 'russia', measure: 'exportControls' }, 1, 'civil'],
  liftSanction: [{ kind: 'liftSanction', target: 'china', measure: 'wolfAmendment' }, 0, 'civil'],
  lunarPartnership: [{ kind: 'lunarPartnership', bloc: 'artemis' }, 2, 'civil'],
  launchSatellites: [{ kind: 'launchSatellites', regime: 'leo', count: 2 }, 2, 'military'],
  buildCounterspace: [{ kind: 'buildCounterspace', weapon: 'coOrbital' }, 3, 'military'],
  testCounterspace: [{ kind: 'testCounterspace', weapon: 'laser', target: 'china' }, 2, 'military'],
  jam: [{ kind: 'jam', target: 'russia' }, 1, 'military'],
  buildMissileWarning: [{ kind: 'buildMissileWarning' }, 2, 'military'],
  buildMissileDefence: [{ kind: 'buildMissileDefence' }, 3, 'military'],
  buildSsa: [{ kind: 'buildSsa' }, 2, 'military'],
  jointExercise: [{ kind: 'jointExercise', with: 'china' }, 1, 'military'],
  debrisMitigation: [{ kind: 'debrisMitigation' }, 2, 'civil'],
  lunarMission: [{ kind: 'lunarMission' }, 2, 'civil'],
};

describe('order costs and arenas', () => {
  it.each(Object.entries(EVERY_KIND))('%s costs its points and pays from the right budget', (kind, row) => {
    const [order, cost, purse] = row as [Order, number, string];
    expect(orderCost(order)).toBe(cost);
    expect(isMilitary(order) ? 'military' : 'civil').toBe(purse);
    expect(['cd', 'bilateral', 'orbit']).toContain(arenaOf(order));
    expect(ORDER_SPECS[kind as OrderKind].title).toMatch(/^[A-Z]/);
  });

  it.each([
    [{ kind: 'launchSatellites', regime: 'leo', count: 3 }, 3],
    [{ kind: 'launchSatellites', regime: 'meo', count: 2 }, 2],
    [{ kind: 'launchSatellites', regime: 'geo', count: 2 }, 4],
    [{ kind: 'buildCounterspace', weapon: 'jamming' }, 1],
    [{ kind: 'buildCounterspace', weapon: 'laser' }, 2],
    [{ kind: 'buildCounterspace', weapon: 'directAscent' }, 2],
    [{ kind: 'buildCounterspace', weapon: 'coOrbital' }, 3],
  ] as [Order, number][])('%o costs %i', (order, cost) => {
    expect(orderCost(order)).toBe(cost);
  });

  it(`a list holds at most ${MAX_ORDERS} orders, said in a sentence`, () => {
    const seven = Array.from({ length: 7 }, () => EVERY_KIND.debrisMitigation[0]);
    const parsed = OrderList.safeParse(seven);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('A delegation gives at most 6 orders a round.');
    expect(OrderList.safeParse(seven.slice(1)).success).toBe(true);
  });

  it('lifting a sanction is a free bilateral order, with its form and its line in words', () => {
    const lift: Order = { kind: 'liftSanction', target: 'china', measure: 'wolfAmendment' };
    expect([arenaOf(lift), orderCost(lift), isMilitary(lift)]).toEqual(['bilateral', 0, false]);
    expect(ORDER_FIELDS.liftSanction.map((f) => f.name)).toEqual(['target', 'measure']);
    expect(describeOrder(lift)).toBe('Lift the ban on space cooperation with China');
    expect(describeOrder({ kind: 'liftSanction', target: 'russia', measure: 'exportControls' })).toBe(
      'Lift export controls on Russia',
    );
  });

  it(`the engine's own check also refuses more than ${MAX_ORDERS} orders, however cheap`, () => {
    const free: Order[] = [
      { kind: 'blockConsensus', draft: 'ppwt' },
      { kind: 'blockConsensus', draft: 'tcbm' },
      { kind: 'blockConsensus', draft: 'verification' },
      { kind: 'endorseTcbm', measure: 'noFirstPlacement' },
      { kind: 'liftSanction', target: 'china', measure: 'wolfAmendment' },
      { kind: 'statement', stance: 'restraint', text: '' },
      PAPER,
    ];
    expect(ordersProblem(worldWith(), 'us', free)).toBe('A delegation gives at most 6 orders a round.');
    expect(ordersProblem(worldWith(), 'us', free.slice(0, MAX_ORDERS))).toBeUndefined();
  });
});

type ProblemRow = [string, () => World, Delegation, Order[], string | undefined];

const start = () => worldWith();
const adoptedPpwt = () =>
  worldWith({ drafts: { ppwt: { adoptedRound: 1, parties: ['us', 'china', 'russia'], momentum: 70 } } });
const SSA: Order = { kind: 'buildSsa' };
const PAPER: Order = { kind: 'workingPaper', topic: 'definitions' };

describe('ordersProblem', () => {
  it.each<ProblemRow>([
    // Budgets
    ['no orders', start, 'us', [], undefined],
    [
      'exactly the budget (10 points)',
      start,
      'us',
      [
        { kind: 'lunarMission' },
        SSA,
        { kind: 'buildMissileWarning' },
        { kind: 'tableDraft', draft: 'tcbm' },
        { kind: 'techDeal', with: 'russia', deal: 'propellant' },
      ],
      undefined,
    ],
    [
      'over budget',
      start,
      'us',
      [
        { kind: 'lunarMission' },
        SSA,
        { kind: 'buildMissileWarning' },
        { kind: 'tableDraft', draft: 'tcbm' },
        { kind: 'techDeal', with: 'russia', deal: 'propellant' },
        { kind: 'jam', target: 'china' },
      ],
      'These orders cost 11 points; your budget this round is 10.',
    ],
    [
      'a budget already spent',
      () => worldWith({ delegations: { russia: { budget: 0 } } }),
      'russia',
      [PAPER],
      'These orders cost 1 point; your budget this round is 0.',
    ],
    [
      'earmarked points spent on diplomacy',
      () => worldWith({ delegations: { china: { earmarked: 4 } } }),
      'china',
      [{ kind: 'tableDraft', draft: 'tcbm' }, { kind: 'lunarMission' }, PAPER],
      '4 of your 8 points are earmarked for military space this round; your other orders may cost at most 4.',
    ],
    [
      'earmarked points spent on the military, the rest on diplomacy',
      () => worldWith({ delegations: { china: { earmarked: 4 } } }),
      'china',
      [SSA, { kind: 'jam', target: 'us' }, { kind: 'lunarMission' }, PAPER],
      undefined,
    ],
    [
      'free orders under earmark',
      () => worldWith({ delegations: { us: { earmarked: 10 } } }),
      'us',
      [
        { kind: 'blockConsensus', draft: 'ppwt' },
        { kind: 'statement', stance: 'deterrence', text: '' },
      ],
      undefined,
    ],
    // Repeats
    ['the same order twice', start, 'us', [SSA, PAPER, SSA], 'Order 3 repeats an earlier order.'],
    [
      'the same order twice, written with its fields in another order',
      start,
      'us',
      [{ kind: 'jam', target: 'china' }, { target: 'china', kind: 'jam' } as Order],
      'Order 2 repeats an earlier order.',
    ],
    [
      'two statements',
      start,
      'us',
      [
        { kind: 'statement', stance: 'restraint', text: 'a' },
        { kind: 'statement', stance: 'restraint', text: 'b' },
      ],
      'One statement a round.',
    ],
    [
      'two launch orders to one orbit (regression: 3 + 2 + 1 satellites passed the 1–3 limit)',
      start,
      'us',
      [
        { kind: 'launchSatellites', regime: 'leo', count: 1 },
        { kind: 'launchSatellites', regime: 'leo', count: 2 },
      ],
      'One launch order per orbit a round: put all your LEO satellites in one order.',
    ],
    // Prerequisites
    [
      'testing a weapon never built',
      () => worldWith({ delegations: { us: { capabilities: { counterspace: { laser: 0 } } } } }),
      'us',
      [{ kind: 'testCounterspace', weapon: 'laser', target: 'china' }],
      'Order 1 (test a counterspace weapon): Build that weapon before testing it.',
    ],
    [
      'a co-orbital test without a target',
      start,
      'russia',
      [{ kind: 'testCounterspace', weapon: 'coOrbital' }],
      'Order 1 (test a counterspace weapon): Name the satellite owner your test approaches or dazzles.',
    ],
    [
      'a direct-ascent test needs no target',
      start,
      'china',
      [{ kind: 'testCounterspace', weapon: 'directAscent' }],
      undefined,
    ],
    [
      'a direct-ascent test with a target',
      start,
      'china',
      [{ kind: 'testCounterspace', weapon: 'directAscent', target: 'us' }],
      'Order 1 (test a counterspace weapon): A direct-ascent test destroys one of your own satellites: it takes no target.',
    ],
    [
      'a test against oneself',
      start,
      'china',
      [{ kind: 'testCounterspace', weapon: 'laser', target: 'china' }],
      'Order 1 (test a counterspace weapon): Choose another delegation, not your own.',
    ],
    [
      'jamming without jammers',
      () => worldWith({ delegations: { us: { capabilities: { counterspace: { jamming: 0 } } } } }),
      'us',
      [{ kind: 'jam', target: 'russia' }],
      'Order 1 (jam satellite signals): You have no jammers.',
    ],
    [
      'a summit with oneself',
      start,
      'russia',
      [PAPER, { kind: 'summit', with: 'russia' }],
      'Order 2 (hold a summit (both must agree)): Choose another delegation, not your own.',
    ],
    [
      'a GEO launch with little lift',
      () => worldWith({ delegations: { china: { capabilities: { launch: 1 } } } }),
      'china',
      [{ kind: 'launchSatellites', regime: 'geo', count: 1 }],
      'Order 1 (launch satellites): GEO launches need launch capability 2.',
    ],
    [
      'a LEO launch with little lift',
      () => worldWith({ delegations: { china: { capabilities: { launch: 1 } } } }),
      'china',
      [{ kind: 'launchSatellites', regime: 'leo', count: 1 }],
      undefined,
    ],
    [
      'a lunar mission with launch 2',
      () => worldWith({ delegations: { us: { capabilities: { launch: 2 } } } }),
      'us',
      [{ kind: 'lunarMission' }],
      'Order 1 (lunar mission): Lunar missions need launch capability 3.',
    ],
    [
      'a weapon at level 5',
      () => worldWith({ delegations: { us: { capabilities: { counterspace: { laser: 5 } } } } }),
      'us',
      [{ kind: 'buildCounterspace', weapon: 'laser' }],
      'Order 1 (build a counterspace weapon): That weapon is at its highest level.',
    ],
    [
      'missile warning at level 5',
      () => worldWith({ delegations: { us: { capabilities: { missileWarning: 5 } } } }),
      'us',
      [{ kind: 'buildMissileWarning' }],
      'Order 1 (build missile-warning radars and sensors): Missile warning is at its highest level.',
    ],
    [
      'sensors at level 5',
      () => worldWith({ delegations: { us: { capabilities: { ssa: 5 } } } }),
      'us',
      [SSA],
      'Order 1 (build space situational awareness): Situational awareness is at its highest level.',
    ],
    [
      'tabling an adopted text',
      adoptedPpwt,
      'us',
      [{ kind: 'tableDraft', draft: 'ppwt' }],
      'Order 1 (table a draft treaty): That text has already been adopted.',
    ],
    [
      'tabling a text already on the table',
      start,
      'us',
      [{ kind: 'tableDraft', draft: 'ppwt' }],
      'Order 1 (table a draft treaty): That text is already on the table: co-sponsor it, amend it, or write a working paper.',
    ],
    [
      'tabling a text already on the table, even as its sponsor',
      start,
      'china',
      [{ kind: 'tableDraft', draft: 'ppwt' }],
      'Order 1 (table a draft treaty): That text is already on the table: co-sponsor it, amend it, or write a working paper.',
    ],
    [
      'tabling a text nobody has tabled',
      start,
      'china',
      [{ kind: 'tableDraft', draft: 'verification' }],
      undefined,
    ],
    [
      'co-sponsoring an adopted text',
      adoptedPpwt,
      'us',
      [{ kind: 'coSponsor', draft: 'ppwt' }],
      'Order 1 (co-sponsor a draft): That text has already been adopted.',
    ],
    [
      'co-sponsoring a draft one already sponsors',
      start,
      'china',
      [{ kind: 'coSponsor', draft: 'ppwt' }],
      'Order 1 (co-sponsor a draft): You already sponsor that draft.',
    ],
    [
      'amending an untabled draft',
      start,
      'us',
      [{ kind: 'amendDraft', draft: 'tcbm', clause: 'verification' }],
      'Order 1 (propose an amendment): Only a tabled draft can be amended.',
    ],
    [
      'amending in a clause the text has',
      start,
      'us',
      [{ kind: 'amendDraft', draft: 'ppwt', clause: 'definitions' }],
      'Order 1 (propose an amendment): The text already has that clause.',
    ],
    [
      'amending an adopted text',
      adoptedPpwt,
      'us',
      [{ kind: 'amendDraft', draft: 'ppwt', clause: 'verification' }],
      'Order 1 (propose an amendment): That text has already been adopted.',
    ],
    [
      'proposing a measure on the table',
      start,
      'us',
      [{ kind: 'proposeTcbm', measure: 'noFirstPlacement' }],
      'Order 1 (propose a transparency or confidence-building measure): That measure is already on the table; endorse it instead.',
    ],
    [
      'endorsing a measure nobody proposed',
      start,
      'us',
      [{ kind: 'endorseTcbm', measure: 'hotline' }],
      'Order 1 (endorse a measure on the table): Nobody has proposed that measure yet.',
    ],
    [
      'endorsing a measure twice',
      start,
      'china',
      [{ kind: 'endorseTcbm', measure: 'noFirstPlacement' }],
      'Order 1 (endorse a measure on the table): You already endorse that measure.',
    ],
    [
      'voting on a resolution not proposed',
      start,
      'us',
      [{ kind: 'voteResolution', resolution: 'r0-asatTestBan', vote: 'no' }],
      'Order 1 (vote on a resolution): That resolution is not up for a vote this round.',
    ],
    [
      'voting on a resolution proposed last round',
      () =>
        worldWith({
          round: 1,
          resolutions: [
            {
              id: 'r1-asatTestBan',
              topic: 'asatTestBan',
              sponsors: ['us'],
              proposedRound: 1,
              result: undefined,
            },
          ],
        }),
      'china',
      [{ kind: 'voteResolution', resolution: 'r1-asatTestBan', vote: 'no' }],
      undefined,
    ],
    [
      'lobbying on a resolution not up for a vote',
      start,
      'us',
      [{ kind: 'lobbyResolution', resolution: 'r0-asatTestBan', vote: 'yes' }],
      'Order 1 (lobby the General Assembly on a resolution): That resolution is not up for a vote this round.',
    ],
    [
      'proposing a second resolution on a topic in one year',
      () =>
        worldWith({
          round: 1,
          year: 2016,
          resolutions: [
            {
              id: 'r1-asatTestBan',
              topic: 'asatTestBan',
              sponsors: ['us'],
              proposedRound: 1,
              year: 2016,
              result: undefined,
            },
          ],
        }),
      'china',
      [{ kind: 'proposeResolution', topic: 'asatTestBan' }],
      'Order 1 (propose a First Committee resolution): The General Assembly takes one resolution on a halt to destructive direct-ascent ASAT tests a year, and one was already proposed for 2016.',
    ],
    [
      'proposing a topic again the next year (the Assembly votes its texts every year)',
      () =>
        worldWith({
          round: 1,
          year: 2017,
          resolutions: [
            {
              id: 'r1-asatTestBan',
              topic: 'asatTestBan',
              sponsors: ['us'],
              proposedRound: 1,
              year: 2016,
              result: undefined,
            },
          ],
        }),
      'china',
      [{ kind: 'proposeResolution', topic: 'asatTestBan' }],
      undefined,
    ],
    [
      'withdrawing from a treaty one is not bound by',
      start,
      'us',
      [{ kind: 'withdrawTreaty', draft: 'ppwt' }],
      'Order 1 (withdraw from a treaty): You are not a party to that treaty.',
    ],
    [
      'withdrawing from an adopted treaty',
      adoptedPpwt,
      'us',
      [{ kind: 'withdrawTreaty', draft: 'ppwt' }],
      undefined,
    ],
    [
      'lifting a measure one has in force (the Wolf Amendment on China)',
      start,
      'us',
      [{ kind: 'liftSanction', target: 'china', measure: 'wolfAmendment' }],
      undefined,
    ],
    [
      'lifting a measure one has in force, with the earmark taking every point',
      () => worldWith({ delegations: { us: { earmarked: 10 } } }),
      'us',
      [{ kind: 'liftSanction', target: 'china', measure: 'wolfAmendment' }],
      undefined,
    ],
    [
      'lifting a measure never imposed',
      start,
      'us',
      [{ kind: 'liftSanction', target: 'russia', measure: 'wolfAmendment' }],
      'Order 1 (lift export controls or sanctions): You have no such measure in force against that delegation.',
    ],
    [
      'lifting export controls where one has only a ban in force',
      start,
      'us',
      [{ kind: 'liftSanction', target: 'china', measure: 'exportControls' }],
      'Order 1 (lift export controls or sanctions): You have no such measure in force against that delegation.',
    ],
    [
      'lifting another delegation’s measure',
      start,
      'russia',
      [{ kind: 'liftSanction', target: 'china', measure: 'wolfAmendment' }],
      'Order 1 (lift export controls or sanctions): You have no such measure in force against that delegation.',
    ],
    [
      'lifting a measure held against oneself',
      start,
      'china',
      [{ kind: 'liftSanction', target: 'china', measure: 'wolfAmendment' }],
      'Order 1 (lift export controls or sanctions): You have no such measure in force against that delegation.',
    ],
    [
      'joining the other lunar bloc',
      () => worldWith({ lunar: { artemis: { members: ['us'], partners: 3 } } }),
      'us',
      [PAPER, { kind: 'lunarPartnership', bloc: 'ilrs' }],
      'Order 2 (lunar partnership (Artemis Accords or ILRS)): You belong to the other lunar bloc.',
    ],
  ])('%s', (_why, world, d, orders, expected) => {
    const problem = ordersProblem(world(), d, orders);
    expect(problem).toBe(expected);
    if (problem) {
      expect(problem).toMatch(/^[A-Z0-9]/);
      expect(problem).toMatch(/\.$/);
      expect(problem).not.toMatch(/undefined|NaN|\b[a-z]+[A-Z]\w*\b/);
    }
  });

  it('names the first problem in list order, before any budget problem', () => {
    const w = worldWith({ delegations: { us: { budget: 0 } } });
    expect(ordersProblem(w, 'us', [SSA, { kind: 'summit', with: 'us' }])).toBe(
      'Order 2 (hold a summit (both must agree)): Choose another delegation, not your own.',
    );
  });
});

describe('regressions', () => {
  it('a refusal said "1 points"', () => {
    const w = worldWith({ delegations: { russia: { budget: 0 } } });
    expect(ordersProblem(w, 'russia', [PAPER])).toBe(
      'These orders cost 1 point; your budget this round is 0.',
    );
  });

  it('a refusal lowercased the whole order title ("the cd floor", "artemis accords or ilrs")', () => {
    const w = worldWith({ lunar: { ilrs: { members: ['china'], partners: 0 } } });
    expect(
      ordersProblem(w, 'china', [{ kind: 'statement', stance: 'condemn', target: 'china', text: '' }]),
    ).toBe('Order 1 (make a statement on the CD floor): Choose another delegation, not your own.');
  });

  it('a repeated order slipped through when its fields came in another order', () => {
    const w = worldWith();
    const a = { kind: 'summit', with: 'china' } as Order;
    const b = { with: 'china', kind: 'summit' } as Order;
    expect(ordersProblem(w, 'us', [a, b])).toBe('Order 2 repeats an earlier order.');
  });
});
