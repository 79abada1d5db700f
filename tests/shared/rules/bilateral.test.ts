import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../shared/model/seats.ts';
import { dependence } from '../../../shared/rules/bilateral.ts';
import type { DealKind } from '../../../shared/rules/model.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import {
  byOrdersOf,
  byRule,
  effects,
  moved,
  names,
  playRounds,
  resolveWith,
  worldWith,
} from './testWorld.ts';

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
    expect(r.w.deals).toEqual([
      { parties: ['us', 'russia'], deal: 'rocketEngines', roundsLeft: 2, seller: 'russia' },
    ]);
  });

  it('between China and Russia the side with less lift buys, and alignment deepens', () => {
    const r = resolveWith(deal('russia', 'china', 'rocketEngines'));
    expect(moved(r.changes, 'capability.china.launch')).toBe(1);
    expect(moved(byOrdersOf(r, 'china'), 'alignment') + moved(byOrdersOf(r, 'russia'), 'alignment')).toBe(5);
    expect(r.w.deals.map((d) => [d.parties, d.seller])).toEqual([
      [['us', 'russia'], 'russia'],
      [['china', 'russia'], 'russia'],
    ]);
  });

  it('the seller is fixed when the contract is signed: engine sales keep paying it after the buyer’s lift overtakes', () => {
    // Russia sold to China (launch 4 against 3); then China's launch rises to 5, above Russia's.
    const signed = resolveWith(deal('china', 'russia', 'rocketEngines')).w;
    const overtaken = structuredClone(signed);
    overtaken.delegations.china.capabilities.launch = 5;
    const r = resolveWith({}, overtaken);
    expect(r.w.deals.find((d) => d.parties.join() === 'china,russia')?.seller).toBe('russia');
    const sales = r.w.story.filter((s) => s.round === 2 && /Rocket-engine sales/.test(s.text));
    expect(sales).toEqual([
      { round: 2, text: 'Rocket-engine sales bring 4 extra points.', visibleTo: ['russia'] },
    ]);
    expect(r.w.delegations.china.budget).toBe(
      overtaken.delegations.china.income + Math.floor(overtaken.delegations.china.budget / 2),
    );
  });

  it('a new engine contract between the same sides is signed with whoever sells now', () => {
    const w = worldWith({ delegations: { us: { capabilities: { launch: 5 } } } });
    const r = resolveWith(deal('us', 'russia', 'rocketEngines'), w);
    expect(r.changes.find((c) => c.target === 'capability.russia.launch')?.cause).toBe(
      'Russia bought rocket engines from the US',
    );
    expect(r.w.deals).toEqual([
      { parties: ['us', 'russia'], deal: 'rocketEngines', roundsLeft: 2, seller: 'us' },
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
    // Between China and Russia in 2015, after the 2014 sanctions, the deal's credit goes to China (see below).
    const credit = a === 'china' ? { 'prestige.china': 2 } : { [`prestige.${a}`]: 1, [`prestige.${b}`]: 1 };
    expect(caused).toEqual({ ...expected, ...credit });
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
      incomeTaken: 1,
    });
    expect(r.w.delegations.russia.income).toBe(6);
  });

  it('export controls on a delegation already at the floor (income 3) take nothing, and give nothing back', () => {
    const floor = worldWith({ delegations: { russia: { income: 3 } } });
    const rounds = playRounds([{ us: [controls] }, {}, {}, {}], floor);
    expect(rounds[0]?.w.sanctions.at(-1)).toMatchObject({ by: 'us', target: 'russia', incomeTaken: 0 });
    expect(rounds[0]?.changes.filter((c) => c.target === 'income.russia')).toEqual([]);
    expect(rounds[0]?.story).toContain('The US imposed export controls on Russia.');
    expect(rounds[2]?.story).toContain("The US's export controls on Russia lapsed.");
    expect(rounds.map((r) => r.w.delegations.russia.income)).toEqual([3, 3, 3, 3]);
  });

  it('two export controls in one round on a delegation one point above the floor take that point once', () => {
    const edge = worldWith({ delegations: { russia: { income: 4 } } });
    const russia: Order = { kind: 'sanction', target: 'russia', measure: 'exportControls' };
    const rounds = playRounds([{ us: [russia], china: [russia] }, {}, {}, {}], edge);
    const taken = rounds[0]?.w.sanctions
      .filter((s) => s.target === 'russia')
      .map((s) => [s.by, s.incomeTaken]);
    expect(taken).toEqual([
      ['us', 1],
      ['china', 0],
    ]);
    // Both lapse in the third round: Russia gets back the one point it lost, not two.
    expect(rounds.map((r) => r.w.delegations.russia.income)).toEqual([3, 3, 4, 4]);
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
      incomeTaken: 0,
    });
  });
});

describe('lifting a sanction', () => {
  const controls: Order = { kind: 'sanction', target: 'russia', measure: 'exportControls' };
  const liftControls: Order = { kind: 'liftSanction', target: 'russia', measure: 'exportControls' };
  const liftWolf: Order = { kind: 'liftSanction', target: 'china', measure: 'wolfAmendment' };

  it('lifting export controls gives back the income they took, eases the target’s threat perception and tension', () => {
    const [imposed, lifted] = playRounds([{ us: [controls] }, { us: [liftControls] }]);
    expect(imposed?.w.delegations.russia.income).toBe(6);
    expect(effects(byOrdersOf(lifted!, 'us'))).toEqual({
      'income.russia': 1,
      'threat.russia.us': -3,
      tension: -1,
    });
    for (const c of byOrdersOf(lifted!, 'us'))
      expect(c.cause).toBe('The US lifted its export controls on Russia');
    expect(lifted?.story).toContain('The US lifted its export controls on Russia.');
    expect(lifted?.w.delegations.russia.income).toBe(7);
    expect(lifted?.w.sanctions.filter((s) => s.target === 'russia')).toEqual([]);
    expect(lifted?.w.delegations.us.budget).toBe(
      imposed!.w.delegations.us.income + Math.floor(imposed!.w.delegations.us.budget / 2),
    ); // lifting is free
  });

  it('lifted controls do not lapse later: the income comes back once', () => {
    const rounds = playRounds([{ us: [controls] }, { us: [liftControls] }, {}, {}]);
    expect(rounds.map((r) => r.w.delegations.russia.income)).toEqual([6, 7, 7, 7]);
    expect(rounds.flatMap((r) => r.story).filter((s) => /lapsed/.test(s))).toEqual([]);
  });

  it('lifting controls that took nothing (the target was at the floor) gives nothing back', () => {
    const floor = worldWith({ delegations: { russia: { income: 3 } } });
    const [, lifted] = playRounds([{ us: [controls] }, { us: [liftControls] }], floor);
    expect(effects(byOrdersOf(lifted!, 'us'))).toEqual({ 'threat.russia.us': -3, tension: -1 });
    expect(lifted?.w.delegations.russia.income).toBe(3);
  });

  it('lifting the Wolf Amendment opens US–China deals from the next round', () => {
    const navigation = deal('us', 'china', 'navigation');
    const [same, next] = playRounds([
      { us: [liftWolf, ...(navigation.us ?? [])], china: navigation.china },
      navigation,
    ]);
    expect(effects(byOrdersOf(same!, 'us').filter((c) => /lifted/.test(c.cause)))).toEqual({
      'threat.china.us': -3,
      tension: -1,
    });
    expect(same?.story).toContain('The US lifted its ban on space cooperation with China.');
    expect(same?.w.sanctions).toEqual([]);
    // Sanctions in force when the round began still bar that round's deals.
    expect(same?.story.some((s) => /tried to agree .+ Wolf Amendment-style ban stopped it/.test(s))).toBe(
      true,
    );
    expect(next?.story).toContain(
      'The US and China agreed satellite navigation cooperation (GLONASS–BeiDou).',
    );
  });

  it('lifts only the measure named: a delegation’s other measures against the target stay', () => {
    const wolfOnRussia: Order = { kind: 'sanction', target: 'russia', measure: 'wolfAmendment' };
    const [, lifted] = playRounds([{ us: [controls, wolfOnRussia] }, { us: [liftControls] }]);
    expect(lifted?.w.sanctions.map((s) => [s.by, s.target, s.kind])).toEqual([
      ['us', 'china', 'wolfAmendment'],
      ['us', 'russia', 'wolfAmendment'],
    ]);
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

describe('the partnership has costs and limits', () => {
  const cnRu = (d: DealKind): Record<string, Order[]> => ({
    china: [
      { kind: 'techDeal', with: 'russia', deal: d },
      { kind: 'summit', with: 'russia' },
    ],
    russia: [
      { kind: 'techDeal', with: 'china', deal: d },
      { kind: 'summit', with: 'china' },
    ],
  });

  it.each([
    [2013, undefined, 0],
    [2015, undefined, 1],
    [2015, 'exportControls', 2],
    [2023, undefined, 2],
    [2023, 'exportControls', 2],
  ] as const)(
    'in %s (US sanction on Russia: %s) Russia depends on China at level %i',
    (year, sanction, level) => {
      const w = worldWith({ year });
      if (sanction)
        w.sanctions.push({ by: 'us', target: 'russia', kind: sanction, roundsLeft: 2, incomeTaken: 0 });
      expect(dependence(w)).toBe(level);
    },
  );

  it('the more Russia depends on China, the more of a deal’s credit goes to China', () => {
    const credit = (year: number) => {
      const r = resolveWith(cnRu('navigation'), worldWith({ year }));
      return moved(r.changes, 'prestige.china') - moved(r.changes, 'prestige.russia');
    };
    expect(credit(2013)).toBe(0);
    expect(credit(2015)).toBeGreaterThan(0);
    expect(credit(2023)).toBeGreaterThan(credit(2015));
  });

  it('from 2022, drawing closer to Russia costs China standing and brings secondary sanctions', () => {
    const deep = (year: number) => worldWith({ year, alignment: 70 });
    const before = resolveWith(cnRu('navigation'), deep(2021));
    expect(byRule(before, 'alignmentPrice')).toEqual([]);
    const after = resolveWith(cnRu('navigation'), deep(2022));
    const price = effects(byRule(after, 'alignmentPrice'));
    expect(price['legitimacy.china']).toBeLessThan(0);
    expect(price['income.china']).toBe(-1);
    expect(after.w.sanctions).toContainEqual(
      expect.objectContaining({ by: 'us', target: 'china', kind: 'exportControls', incomeTaken: 1 }),
    );
  });

  it('a shallow partnership, or a round without closer ties, costs China nothing', () => {
    const shallow = resolveWith(cnRu('navigation'), worldWith({ year: 2023, alignment: 20 }));
    expect(byRule(shallow, 'alignmentPrice')).toEqual([]);
    const quiet = resolveWith({}, worldWith({ year: 2023, alignment: 80 }));
    expect(byRule(quiet, 'alignmentPrice')).toEqual([]);
  });
});
