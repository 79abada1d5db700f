import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../shared/model/seats.ts';
import type { DealKind } from '../../../shared/rules/model.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import { byOrdersOf, effects, moved, names, playRounds, resolveWith } from './testWorld.ts';

const summit = (a: Delegation, b: Delegation) => ({
  [a]: [{ kind: 'summit', with: b } as Order],
  [b]: [{ kind: 'summit', with: a } as Order],
});
const deal = (a: Delegation, b: Delegation, kind: DealKind) => ({
  [a]: [{ kind: 'techDeal', with: b, deal: kind } as Order],
  [b]: [{ kind: 'techDeal', with: a, deal: kind } as Order],
});
const exercise = (a: Delegation, b: Delegation) => ({
  [a]: [{ kind: 'jointExercise', with: b } as Order],
  [b]: [{ kind: 'jointExercise', with: a } as Order],
});

describe('mutual orders take both sides', () => {
  it('a US–China summit eases both sides’ suspicion and tension', () => {
    const r = resolveWith(summit('us', 'china'));
    expect(effects(byOrdersOf(r, 'us'))).toEqual({ 'threat.us.china': -6, tension: -4, 'prestige.us': 1 });
    expect(effects(byOrdersOf(r, 'china'))).toEqual({ 'threat.china.us': -6, 'prestige.china': 1 });
    expect(r.story).toContain('The US and China held a summit and issued a joint statement.');
    for (const d of ['us', 'china'] as const)
      for (const c of byOrdersOf(r, d)) expect(c.cause).toMatch(/US|China/);
  });

  it('a China–Russia summit deepens alignment, and the US reads it as a bloc forming', () => {
    const r = resolveWith(summit('china', 'russia'));
    expect(effects([...byOrdersOf(r, 'china'), ...byOrdersOf(r, 'russia')])).toEqual({
      alignment: 8,
      'threat.us.china': 3,
      'threat.us.russia': 3,
      'prestige.china': 1,
      'prestige.russia': 1,
    });
  });

  it.each([
    ['nobody answers', { us: [{ kind: 'summit', with: 'russia' }] }],
    [
      'the other side asks someone else',
      { us: [{ kind: 'summit', with: 'russia' }], russia: [{ kind: 'summit', with: 'china' }] },
    ],
  ] as [string, Record<string, Order[]>][])(
    'a summit is not held when %s: the caller loses face',
    (_why, orders) => {
      const r = resolveWith(orders);
      expect(effects(byOrdersOf(r, 'us'))).toEqual({ 'prestige.us': -1 });
      expect(byOrdersOf(r, 'us')[0]?.cause).toBe("Russia did not answer the US's call for a summit");
      expect(r.story).toContain('The US proposed a summit; Russia did not take it up.');
      expect(moved(r.changes, 'threat.us.russia')).toBeGreaterThanOrEqual(-2); // memory fade only
    },
  );

  it('a joint exercise needs both sides, and counts as a military gain for each', () => {
    const alone = resolveWith({ china: [{ kind: 'jointExercise', with: 'russia' }] });
    expect(alone.w.story.find((s) => /did not join/.test(s.text))).toEqual({
      round: 1,
      text: 'Russia did not join the exercise we proposed.',
      visibleTo: ['china'],
    });
    expect(alone.changes.filter((c) => /exercise/.test(c.cause))).toEqual([]);

    const held = resolveWith(exercise('china', 'russia'));
    expect(held.story).toContain('China and Russia held a joint air and missile defence exercise.');
    expect(moved(byOrdersOf(held, 'china'), 'alignment')).toBe(5);
    const spiral = held.changes.filter((c) =>
      /joint missile-defence exercise with .+ \(security dilemma\)/.test(c.cause),
    );
    expect(spiral.map((c) => c.target).sort()).toEqual([
      'threat.china.russia',
      'threat.russia.china',
      'threat.us.china',
      'threat.us.russia',
    ]);
  });
});

describe('technology deals', () => {
  it('Russia sells rocket engines to the US: the US gains lift, the contract runs again, Russia hedges', () => {
    const r = resolveWith(deal('us', 'russia', 'rocketEngines'));
    expect(effects([...byOrdersOf(r, 'us'), ...byOrdersOf(r, 'russia')])).toEqual({
      'capability.us.launch': 1,
      alignment: -3,
      'prestige.us': 1,
      'prestige.russia': 1,
    });
    expect(r.changes.find((c) => c.target === 'capability.us.launch')?.cause).toBe(
      'The US bought rocket engines from Russia',
    );
    // The running contract is replaced by a new one of three rounds, one of which has now passed.
    expect(r.w.deals).toEqual([{ parties: ['us', 'russia'], deal: 'rocketEngines', roundsLeft: 2 }]);
  });

  it('between China and Russia the side with less lift buys, and alignment deepens', () => {
    const r = resolveWith(deal('russia', 'china', 'rocketEngines'));
    expect(moved(r.changes, 'capability.china.launch')).toBe(1);
    expect(moved(byOrdersOf(r, 'china'), 'alignment') + moved(byOrdersOf(r, 'russia'), 'alignment')).toBe(5);
    expect(r.w.deals.map((d) => d.parties)).toEqual([
      ['us', 'russia'],
      ['china', 'russia'],
    ]);
  });

  it.each<[DealKind, Delegation, Delegation, Record<string, number>]>([
    ['missileWarning', 'china', 'russia', { 'capability.china.missileWarning': 1, alignment: 8 }],
    ['propellant', 'china', 'russia', { 'capability.china.launch': 1, alignment: 4 }],
    [
      'navigation',
      'china',
      'russia',
      { 'capability.china.satellites.meo': 1, 'capability.russia.satellites.meo': 1, alignment: 5 },
    ],
    ['missileWarning', 'us', 'russia', { 'capability.russia.missileWarning': 1 }],
    [
      'navigation',
      'us',
      'russia',
      { 'capability.us.satellites.meo': 1, 'capability.russia.satellites.meo': 1 },
    ],
  ])('a %s deal between %s and %s', (kind, a, b, expected) => {
    const r = resolveWith(deal(a, b, kind));
    const caused = effects([...byOrdersOf(r, a), ...byOrdersOf(r, b)]);
    expect(caused).toEqual({ ...expected, [`prestige.${a}`]: 1, [`prestige.${b}`]: 1 });
    for (const c of [...byOrdersOf(r, a), ...byOrdersOf(r, b)])
      expect(c.cause).toMatch(/US|China|Russia|GLONASS–BeiDou/);
  });

  it('help with missile warning is a military gain the others see', () => {
    const r = resolveWith(deal('china', 'russia', 'missileWarning'));
    const spiral = r.changes.filter((c) => /gained missile early warning/.test(c.cause));
    expect(spiral.map((c) => c.target).sort()).toEqual(['threat.russia.china', 'threat.us.china']);
  });

  it('offers of different deals do not meet, and each side hears privately that nothing came of it', () => {
    const r = resolveWith({
      china: [{ kind: 'techDeal', with: 'russia', deal: 'navigation' }],
      russia: [{ kind: 'techDeal', with: 'china', deal: 'propellant' }],
    });
    expect(r.w.story.filter((s) => /did not take up/.test(s.text))).toEqual([
      {
        round: 1,
        text: 'Russia did not take up our offer of satellite navigation cooperation (GLONASS–BeiDou).',
        visibleTo: ['china'],
      },
      {
        round: 1,
        text: 'China did not take up our offer of propellant and engine cooperation.',
        visibleTo: ['russia'],
      },
    ]);
    expect(r.changes.filter((c) => c.source.kind === 'order')).toEqual([]);
  });

  it.each<DealKind>(['rocketEngines', 'missileWarning', 'propellant', 'navigation'])(
    'the Wolf Amendment bars a US–China %s deal, though both agreed',
    (kind) => {
      const r = resolveWith(deal('us', 'china', kind));
      expect(r.changes.filter((c) => c.source.kind === 'order')).toEqual([]);
      expect(r.story.find((s) => /tried to agree/.test(s))).toMatch(
        /^The US and China tried to agree .+, but the US's Wolf Amendment-style ban stopped it\.$/,
      );
    },
  );

  it('export controls in force bar a deal from the next round on, not in the round they are imposed', () => {
    const sanction: Order = { kind: 'sanction', target: 'russia', measure: 'exportControls' };
    const nav = deal('us', 'russia', 'navigation');
    const [same, next] = playRounds([{ us: [sanction, ...(nav.us ?? [])], russia: nav.russia }, nav]);
    expect(same?.story).toContain(
      'The US and Russia agreed satellite navigation cooperation (GLONASS–BeiDou).',
    );
    expect(next?.story).toContain(
      "The US and Russia tried to agree satellite navigation cooperation (GLONASS–BeiDou), but the US's export controls stopped it.",
    );
  });
});

describe('sanctions', () => {
  const controls: Order = { kind: 'sanction', target: 'russia', measure: 'exportControls' };

  it('export controls cut the target’s income, raise its threat perception and tension, and push China and Russia together', () => {
    const r = resolveWith({ us: [controls] });
    expect(effects(byOrdersOf(r, 'us'))).toEqual({
      'income.russia': -1,
      'threat.russia.us': 4,
      tension: 2,
      alignment: 4,
    });
    for (const c of byOrdersOf(r, 'us')) expect(c.cause).toMatch(names('us'));
    expect(r.w.sanctions.at(-1)).toEqual({
      by: 'us',
      target: 'russia',
      kind: 'exportControls',
      roundsLeft: 2,
    });
    expect(r.w.delegations.russia.income).toBe(6);
  });

  it('export controls lapse after three rounds and the income comes back', () => {
    const rounds = playRounds([{ us: [controls] }, {}, {}]);
    expect(rounds.map((r) => r.w.delegations.russia.income)).toEqual([6, 6, 7]);
    expect(rounds[2]?.w.sanctions.filter((s) => s.kind === 'exportControls')).toEqual([]);
    expect(rounds[2]?.story).toContain("The US's export controls on Russia lapsed.");
  });

  it('renewing export controls restarts their three rounds without a second cut', () => {
    const rounds = playRounds([{ us: [controls] }, { us: [controls] }, {}, {}]);
    expect(rounds.map((r) => r.w.delegations.russia.income)).toEqual([6, 6, 6, 7]);
    expect(effects(byOrdersOf(rounds[1]!, 'us'))).toEqual({});
    expect(rounds[1]?.story).toContain('The US renewed its export controls against Russia.');
  });

  it('a Wolf Amendment-style ban is a standing law: it never lapses and costs no income', () => {
    const rounds = playRounds([
      { china: [{ kind: 'sanction', target: 'us', measure: 'wolfAmendment' }] },
      {},
      {},
      {},
    ]);
    expect(rounds[0]?.story).toContain('China banned space cooperation with the US.');
    expect(rounds.map((r) => r.w.delegations.us.income)).toEqual([10, 10, 10, 10]);
    expect(rounds[3]?.w.sanctions).toContainEqual({
      by: 'china',
      target: 'us',
      kind: 'wolfAmendment',
      roundsLeft: undefined,
    });
  });
});

describe('lunar partnerships', () => {
  it('joining the Artemis Accords recruits partners (1 + a draw of 0–2 + prestige / 25) and builds the programme', () => {
    const r = resolveWith({ us: [{ kind: 'lunarPartnership', bloc: 'artemis' }] });
    expect(r.w.lunar.artemis.members).toEqual(['us']);
    const recruits = moved(r.changes, 'lunarPartners.artemis');
    expect(recruits).toBeGreaterThanOrEqual(1 + 0 + 2);
    expect(recruits).toBeLessThanOrEqual(1 + 2 + 2);
    expect(effects(byOrdersOf(r, 'us'))).toEqual({
      'lunarPartners.artemis': recruits,
      'capability.us.lunar': 5,
      'prestige.us': 2,
    });
    expect(r.story).toContain(`The US joined the Artemis Accords; ${recruits} more states signed up.`);
  });

  it('promoting a bloc one belongs to grows it again', () => {
    const [, again] = playRounds([
      { us: [{ kind: 'lunarPartnership', bloc: 'artemis' }] },
      { us: [{ kind: 'lunarPartnership', bloc: 'artemis' }] },
    ]);
    expect(again?.w.lunar.artemis.members).toEqual(['us']);
    expect(again?.story.some((s) => s.startsWith('The US promoted the Artemis Accords'))).toBe(true);
  });

  it('China and Russia together in the ILRS deepen alignment, once', () => {
    const ilrs: Order = { kind: 'lunarPartnership', bloc: 'ilrs' };
    const [both, again] = playRounds([
      { china: [ilrs], russia: [ilrs] },
      { china: [ilrs], russia: [ilrs] },
    ]);
    expect(both?.w.lunar.ilrs.members).toEqual(['china', 'russia']);
    expect(
      both?.changes.filter((c) => c.cause === 'China and Russia became partners in the lunar station'),
    ).toHaveLength(1);
    expect(again?.changes.filter((c) => /became partners in the lunar station/.test(c.cause))).toEqual([]);
  });
});
