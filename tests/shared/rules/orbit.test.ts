import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../shared/model/seats.ts';
import type { Incident, World } from '../../../shared/rules/model.ts';
import { readingChance } from '../../../shared/rules/orbit.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import {
  DEBRIS_CLEANUP,
  DEBRIS_CLEANUP_PRESTIGE,
  DESTRUCTIVE_TEST,
  MISSILE_DEFENCE_ALIGNMENT,
} from '../../../shared/rules/tuning.ts';
import { viewFor } from '../../../shared/rules/views.ts';
import {
  byOrdersOf,
  byRule,
  effects,
  moved,
  names,
  playRounds,
  type Resolved,
  reseeded,
  resolveWith,
  seedWhere,
  worldWith,
} from './testWorld.ts';

type EffectRow = [string, Delegation, Order[], Record<string, number>];

describe('effects of the orders in orbit', () => {
  it.each<EffectRow>([
    [
      'one satellite to low orbit',
      'us',
      [{ kind: 'launchSatellites', regime: 'leo', count: 1 }],
      { 'capability.us.satellites.leo': 1, 'prestige.us': 1 },
    ],
    [
      'three satellites to a crowded low orbit',
      'china',
      [{ kind: 'launchSatellites', regime: 'leo', count: 3 }],
      { 'capability.china.satellites.leo': 3, 'prestige.china': 1, debris: 1 },
    ],
    [
      'two satellites to geostationary orbit',
      'russia',
      [{ kind: 'launchSatellites', regime: 'geo', count: 2 }],
      { 'capability.russia.satellites.geo': 2, 'prestige.russia': 1 },
    ],
    [
      'a ground-based laser',
      'china',
      [{ kind: 'buildCounterspace', weapon: 'laser' }],
      { 'capability.china.counterspace.laser': 1 },
    ],
    [
      'a direct-ascent missile',
      'us',
      [{ kind: 'buildCounterspace', weapon: 'directAscent' }],
      { 'capability.us.counterspace.directAscent': 1 },
    ],
    ['missile warning', 'china', [{ kind: 'buildMissileWarning' }], { 'capability.china.missileWarning': 1 }],
    ['sensors', 'russia', [{ kind: 'buildSsa' }], { 'capability.russia.ssa': 1 }],
    [
      'debris clean-up',
      'us',
      [{ kind: 'debrisMitigation' }],
      { debris: -DEBRIS_CLEANUP, 'prestige.us': DEBRIS_CLEANUP_PRESTIGE },
    ],
    [
      'missile defence',
      'us',
      [{ kind: 'buildMissileDefence' }],
      { 'capability.us.missileDefence': 1, alignment: MISSILE_DEFENCE_ALIGNMENT },
    ],
    [
      'a lunar mission',
      'china',
      [{ kind: 'lunarMission' }],
      { 'capability.china.lunar': 12, 'prestige.china': 3 },
    ],
    [
      'a destructive direct-ascent test',
      'china',
      [{ kind: 'testCounterspace', weapon: 'directAscent' }],
      {
        debris: DESTRUCTIVE_TEST.debris,
        tension: DESTRUCTIVE_TEST.tension,
        'legitimacy.china': DESTRUCTIVE_TEST.legitimacy,
        'prestige.china': DESTRUCTIVE_TEST.prestige,
        'capability.china.satellites.leo': -1,
      },
    ],
  ])('%s', (_why, d, orders, expected) => {
    const r = resolveWith({ [d]: orders });
    const caused = byOrdersOf(r, d);
    expect(effects(caused)).toEqual(expected);
    for (const c of caused) {
      expect(c.cause).toMatch(names(d));
      expect(c.visibleTo).toBe('all');
    }
  });

  it.each<[string, Order]>([
    ['a laser test', { kind: 'testCounterspace', weapon: 'laser', target: 'china' }],
    ['a co-orbital test', { kind: 'testCounterspace', weapon: 'coOrbital', target: 'china' }],
    ['jamming', { kind: 'jam', target: 'china' }],
  ])('%s moves tension and debris for all to see, without naming who did it', (_why, order) => {
    // The US is bound by nothing, so no breach is flagged and nothing else can name it.
    const r = resolveWith({ us: [order] });
    const seen = byRule(r, 'incident');
    expect(seen.length).toBeGreaterThan(0);
    for (const c of seen) {
      expect(c.visibleTo).toBe('all');
      expect(c.cause).not.toMatch(names('us'));
      expect(c.cause).toMatch(/China/);
    }
    expect(byOrdersOf(r, 'us').filter((c) => c.visibleTo === 'all')).toEqual([]);
  });

  it.each([
    ['laser', 'dazzled', { tension: 2 }],
    ['coOrbital', 'closeApproach', { tension: 4, debris: 1 }],
  ] as const)('a %s test against a satellite is an incident (%s) for its owner', (weapon, kind, moves) => {
    const r = resolveWith({ us: [{ kind: 'testCounterspace', weapon, target: 'russia' }] });
    expect(effects(byRule(r, 'incident'))).toEqual(moves);
    const incident = r.w.incidents.find((i) => i.cause.kind === 'attack');
    expect(incident).toMatchObject({ round: 1, victim: 'russia', kind, cause: { kind: 'attack', by: 'us' } });
    expect(incident?.belief.us).toEqual({ kind: 'attack', by: 'us', certain: true });
  });

  it('a destructive test destroys one of the tester’s own satellites in low orbit, when it has one', () => {
    const test: Order = { kind: 'testCounterspace', weapon: 'directAscent' };
    const r = resolveWith({ china: [test] });
    expect(r.w.delegations.china.capabilities.satellites).toEqual({ leo: 3, meo: 2, geo: 2 });
    expect(r.changes.find((c) => c.target === 'capability.china.satellites.leo')?.cause).toBe(
      'China destroyed one of its own satellites in the test',
    );
    const none = resolveWith(
      { china: [test] },
      worldWith({ delegations: { china: { capabilities: { satellites: { leo: 0 } } } } }),
    );
    expect(effects(byOrdersOf(none, 'china'))).toEqual({
      debris: DESTRUCTIVE_TEST.debris,
      tension: DESTRUCTIVE_TEST.tension,
      'legitimacy.china': DESTRUCTIVE_TEST.legitimacy,
      'prestige.china': DESTRUCTIVE_TEST.prestige,
    });
    expect(none.w.delegations.china.capabilities.satellites).toEqual({ leo: 0, meo: 2, geo: 2 });
  });

  it('a destructive test is told to all and weighs in the security dilemma', () => {
    const r = resolveWith({ russia: [{ kind: 'testCounterspace', weapon: 'directAscent' }] });
    expect(r.story).toContain(
      'Russia destroyed one of its own satellites with a direct-ascent missile, leaving a cloud of debris.',
    );
    const spiral = byRule(r, 'spiral').filter((c) => /tested a direct-ascent ASAT/.test(c.cause));
    expect(spiral.map((c) => c.target).sort()).toEqual(['threat.china.russia', 'threat.us.russia']);
  });

  it('overt builds and sensors are told to all', () => {
    const r = resolveWith({
      china: [{ kind: 'buildCounterspace', weapon: 'laser' }, { kind: 'buildMissileWarning' }],
    });
    expect(r.story).toContain('China built a ground-based laser.');
    expect(r.story).toContain(
      'China expanded its missile early warning. It calls the system defensive; the others cannot verify that.',
    );
    expect(r.w.covert).toEqual([]);
  });
});

describe('covert builds', () => {
  const jammers: Order = { kind: 'buildCounterspace', weapon: 'jamming' };
  const russianJammers = (seed: number) => reseeded(worldWith(), seed);
  const detectedBy = (r: Resolved) => r.w.covert[0]?.knownTo ?? [];

  it('are recorded with the delegations whose sensors caught them, and counted in the builder’s capability', () => {
    const { r } = seedWhere(50, russianJammers, { russia: [jammers] }, (x) => detectedBy(x).join() === 'us');
    expect(r.w.covert).toEqual([
      { id: 'c1', round: 1, by: 'russia', kind: 'jamming', knownTo: ['us'], public: false },
    ]);
    expect(r.w.delegations.russia.capabilities.counterspace.jamming).toBe(4);
    const build = r.changes.find((c) => c.target === 'capability.russia.counterspace.jamming');
    expect(build?.visibleTo).toEqual(['russia', 'us']);
    expect(r.w.story.find((s) => /in secret/.test(s.text))).toEqual({
      round: 1,
      text: 'Russia built jammers in secret; the US detected it.',
      visibleTo: ['russia', 'us'],
    });
  });

  it('raise threat perception only where they were seen', () => {
    const { r } = seedWhere(50, russianJammers, { russia: [jammers] }, (x) => detectedBy(x).join() === 'us');
    const spiral = byRule(r, 'spiral').filter((c) => /built jammers/.test(c.cause));
    expect(spiral.map((c) => [c.target, c.visibleTo])).toEqual([['threat.us.russia', ['us', 'russia']]]);
  });

  it('may go unseen by all, and only the builder hears so', () => {
    const blind = (seed: number) =>
      reseeded(
        worldWith({ delegations: { us: { capabilities: { ssa: 0 } }, china: { capabilities: { ssa: 0 } } } }),
        seed,
      );
    const { r } = seedWhere(100, blind, { russia: [jammers] }, (x) => detectedBy(x).length === 0);
    expect(r.w.story.find((s) => /in secret/.test(s.text))).toEqual({
      round: 1,
      text: 'Russia built jammers in secret; nobody detected it.',
      visibleTo: ['russia'],
    });
    expect(byRule(r, 'spiral').filter((c) => /built jammers/.test(c.cause))).toEqual([]);
  });

  it('better sensors detect more often (25% + 13% a level)', () => {
    let sharp = 0;
    let blind = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const w = worldWith(
        { delegations: { us: { capabilities: { ssa: 5 } }, china: { capabilities: { ssa: 0 } } } },
        seed,
      );
      const known = resolveWith({ russia: [jammers] }, w).w.covert[0]?.knownTo ?? [];
      if (known.includes('us')) sharp++;
      if (known.includes('china')) blind++;
    }
    expect(sharp).toBeGreaterThan(blind);
  });

  it('come out in a later round (30% a round): the others who had not seen them then feel the threat', () => {
    const world = (seed: number) =>
      reseeded(
        worldWith({ delegations: { us: { capabilities: { ssa: 0 } }, china: { capabilities: { ssa: 0 } } } }),
        seed,
      );
    let found: Resolved | undefined;
    for (let seed = 1; seed <= 200 && !found; seed++) {
      const [built, next] = playRounds(
        [{ russia: [{ kind: 'buildCounterspace', weapon: 'coOrbital' }] }, {}],
        world(seed),
      );
      if (built?.w.covert[0]?.knownTo.length === 0 && next?.w.covert[0]?.public) found = next;
    }
    expect(found).toBeDefined();
    const revealed = byRule(found!, 'disclosure');
    expect(revealed.map((c) => c.target).sort()).toEqual([
      'tension',
      'threat.china.russia',
      'threat.us.russia',
    ]);
    expect(revealed.find((c) => c.target === 'tension')).toMatchObject({
      delta: 3,
      cause: 'Revealed: Russia had secretly built a co-orbital inspector ("nesting doll") in round 1',
    });
    expect(found?.story).toContain(
      'Revealed: Russia had secretly built a co-orbital inspector ("nesting doll") in round 1.',
    );
  });
});

describe('incidents and attribution', () => {
  const jamBy = (attacker: Delegation, victim: Delegation): Record<string, Order[]> => ({
    [attacker]: [{ kind: 'jam', target: victim }],
  });
  const attackOn = (r: Resolved, victim: Delegation) =>
    r.w.incidents.find((i) => i.victim === victim && i.cause.kind === 'attack');

  it('a victim that reads an attack clearly traces it and says so', () => {
    const { r } = seedWhere(
      50,
      (s) => reseeded(worldWith(), s),
      jamBy('russia', 'us'),
      (x) =>
        JSON.stringify(attackOn(x, 'us')?.belief.us) ===
        JSON.stringify({ kind: 'attack', by: 'russia', certain: true }),
    );
    expect(attackOn(r, 'us')?.belief.us).toEqual({ kind: 'attack', by: 'russia', certain: true });
    const blame = byRule(r, 'attribution').filter((c) => c.target === 'threat.us.russia');
    expect(blame.map((c) => [c.delta, c.cause])).toEqual([
      [5, 'The US: satellite signals were jammed; the US blames Russia'],
    ]);
    expect(r.story).toContain(
      'The US: satellite signals were jammed. The US has evidence that Russia was behind it.',
    );
    expect(r.w.delegations.us.incidentsThisRound).toBeGreaterThanOrEqual(1);
  });

  it('a close approach is easier to read than a jam and weighs more', () => {
    const w = worldWith();
    const incident = (kind: Incident['kind']): Incident => ({
      id: 'i0',
      round: 1,
      victim: 'china',
      kind,
      cause: { kind: 'attack', by: 'russia' },
      belief: {},
    });
    expect(readingChance(w, 'china', incident('closeApproach'))).toBeGreaterThan(
      readingChance(w, 'china', incident('signalJammed')),
    );
    const { r } = seedWhere(
      50,
      (s) => reseeded(worldWith(), s),
      { russia: [{ kind: 'testCounterspace', weapon: 'coOrbital', target: 'china' }] },
      (x) => attackOn(x, 'china')?.belief.china?.kind === 'attack',
    );
    expect(attackOn(r, 'china')?.belief.china).toMatchObject({ kind: 'attack', by: 'russia' });
    expect(moved(byRule(r, 'attribution'), 'threat.china.russia')).toBe(7);
  });

  it('with weak sensors an attack is traced only some of the time, as a suspicion', () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const r = resolveWith(jamBy('russia', 'china'), reseeded(worldWith(), seed));
      const belief = attackOn(r, 'china')?.belief.china;
      outcomes.add(JSON.stringify(belief));
      if (belief?.kind === 'unknown') {
        // No blame for the jamming (a natural anomaly in the same round may still be blamed on someone).
        const blame = byRule(r, 'attribution').filter(
          (c) => c.target.startsWith('threat.china') && /signals were jammed/.test(c.cause),
        );
        expect(blame).toEqual([]);
        expect(byRule(r, 'attribution').map((c) => c.cause)).toContain(
          'China: satellite signals were jammed, cause unknown',
        );
      }
    }
    expect([...outcomes]).toContain(JSON.stringify({ kind: 'attack', by: 'russia', certain: false }));
    expect([...outcomes]).toContain(JSON.stringify({ kind: 'unknown' }));
    expect([...outcomes]).toContain(JSON.stringify({ kind: 'attack', by: 'russia', certain: true }));
  });

  it('a natural anomaly can be blamed on the rival the victim fears most (the security dilemma at work)', () => {
    const { seed, r } = seedWhere(
      300,
      (s) => reseeded(worldWith(), s),
      {},
      (x) => x.w.incidents.some((i) => i.cause.kind === 'natural' && i.belief[i.victim]?.kind === 'attack'),
    );
    const incident = r.w.incidents.find(
      (i) => i.cause.kind === 'natural' && i.belief[i.victim]?.kind === 'attack',
    );
    // The victim blames the rival it fears most: China and Russia the US (55), the US Russia or China (45).
    const victim = incident?.victim as Delegation;
    const feared = victim === 'us' ? ['china', 'russia'] : ['us'];
    expect(incident).toMatchObject({
      kind: 'anomaly',
      belief: { [victim]: { kind: 'attack', certain: false } },
    });
    const blamed = (incident?.belief[victim] as { by: Delegation } | undefined)?.by;
    expect(feared).toContain(blamed);
    expect(byRule(r, 'attribution').find((c) => c.target === `threat.${victim}.${blamed}`)?.cause).toMatch(
      /: a satellite suffered an anomaly; .* blames .* \(suspected\)$/,
    );
    expect(r.w.story.find((s) => s.text.startsWith('The truth:'))).toMatchObject({ visibleTo: [] });
    expect(seed).toBeGreaterThan(0);
  });

  it('a victim that reads a natural cause clearly knows it for what it is, and says nothing', () => {
    const { r } = seedWhere(
      300,
      (s) => reseeded(worldWith(), s),
      {},
      (x) => x.w.incidents.some((i) => i.victim === 'us' && i.belief.us?.kind === 'natural'),
    );
    const incident = r.w.incidents.find((i) => i.victim === 'us');
    expect(incident?.belief).toEqual({ us: { kind: 'natural', certain: true } });
    expect(byRule(r, 'attribution').filter((c) => c.cause.startsWith('The US'))).toEqual([]);
  });

  it('fear decides: a victim that fears a rival fully blames it for every anomaly, unless a hotline links them', () => {
    const fearful = (hotline: boolean) => (s: number) =>
      reseeded(
        worldWith({
          delegations: { china: { threat: { us: 100, russia: 0 } } },
          measures: hotline ? { hotline: { endorsers: ['us', 'china'], proposedRound: 0 } } : {},
        }),
        s,
      );
    const anomalies = (hotline: boolean) => {
      const beliefs: string[] = [];
      for (let seed = 1; beliefs.length < 12 && seed < 500; seed++) {
        const r = resolveWith({}, fearful(hotline)(seed));
        for (const i of r.w.incidents) if (i.victim === 'china') beliefs.push(i.belief.china?.kind ?? '');
      }
      return beliefs;
    };
    // What China does not read as natural, it blames on the US, unless a hotline makes it doubt.
    expect(anomalies(false)).toContain('attack');
    expect(anomalies(false)).not.toContain('unknown');
    expect(anomalies(true)).toContain('unknown');
  });

  it('incidents lower the victim’s security for the round', () => {
    const r = resolveWith(jamBy('russia', 'us'), reseeded(worldWith(), 1));
    const note = r.changes.find((c) => c.target === 'security.us');
    const count = r.w.delegations.us.incidentsThisRound;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(note?.cause).toContain(`incidents this round -${3 * count}`);
  });
});

describe('an attack feeds the victim’s security dilemma only once the victim traces it', () => {
  /** The spiral changes that the attack `what` ("jammed satellites") caused in `observer`'s threat perception. */
  const spiralOf = (r: Resolved, observer: Delegation, what: RegExp) =>
    byRule(r, 'spiral').filter((c) => c.target.startsWith(`threat.${observer}.`) && what.test(c.cause));
  const beliefOf = (r: Resolved, victim: Delegation) =>
    r.w.incidents.find((i) => i.victim === victim && i.cause.kind === 'attack')?.belief[victim];

  it.each<[string, Order, RegExp]>([
    ['jamming', { kind: 'jam', target: 'china' }, /^The US jammed satellites \(security dilemma\)$/],
    [
      'a laser test',
      { kind: 'testCounterspace', weapon: 'laser', target: 'china' },
      /^The US tested a ground-based laser \(security dilemma\)$/,
    ],
  ])('%s that the victim traces raises its threat perception of the attacker', (_why, order, what) => {
    // China's sensors (level 2) read jamming and dazzling (level 3 needed) only half the time.
    const { r } = seedWhere(
      50,
      (s) => reseeded(worldWith(), s),
      { us: [order] },
      (x) => beliefOf(x, 'china')?.kind === 'attack' && (beliefOf(x, 'china') as { by: string }).by === 'us',
    );
    expect(beliefOf(r, 'china')).toMatchObject({ kind: 'attack', by: 'us' });
    expect(spiralOf(r, 'china', what).map((c) => [c.target, c.visibleTo])).toEqual([
      ['threat.china.us', ['china', 'us']],
    ]);
    // The third delegation saw nothing.
    expect(spiralOf(r, 'russia', what)).toEqual([]);
  });

  it.each<[string, Order, RegExp]>([
    ['jamming', { kind: 'jam', target: 'china' }, /jammed satellites/],
    [
      'a laser test',
      { kind: 'testCounterspace', weapon: 'laser', target: 'china' },
      /tested a ground-based laser/,
    ],
  ])('%s that the victim cannot trace feeds no one’s security dilemma', (_why, order, what) => {
    const { r } = seedWhere(
      50,
      (s) => reseeded(worldWith(), s),
      { us: [order] },
      (x) => beliefOf(x, 'china')?.kind === 'unknown',
    );
    expect(spiralOf(r, 'china', what)).toEqual([]);
    expect(spiralOf(r, 'russia', what)).toEqual([]);
  });

  it('a co-orbital test is nearly always traced by the US (sensor level 4), and then feeds the spiral', () => {
    let traced = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const r = resolveWith(
        { russia: [{ kind: 'testCounterspace', weapon: 'coOrbital', target: 'us' }] },
        reseeded(worldWith(), seed),
      );
      if (
        JSON.stringify(beliefOf(r, 'us')) !== JSON.stringify({ kind: 'attack', by: 'russia', certain: true })
      )
        continue;
      traced++;
      expect(
        spiralOf(r, 'us', /^Russia tested a co-orbital inspector \("nesting doll"\) \(security dilemma\)$/),
      ).toHaveLength(1);
    }
    expect(traced).toBeGreaterThanOrEqual(7);
  });

  it('a blind victim (sensor level 1) sometimes misses a co-orbital test, and then it weighs nothing', () => {
    const blind = (s: number) =>
      reseeded(worldWith({ delegations: { us: { capabilities: { ssa: 1 } } } }), s);
    const test = { russia: [{ kind: 'testCounterspace', weapon: 'coOrbital', target: 'us' } as Order] };
    const missed = seedWhere(50, blind, test, (x) => beliefOf(x, 'us')?.kind === 'unknown').r;
    expect(spiralOf(missed, 'us', /tested a co-orbital inspector/)).toEqual([]);
    const traced = seedWhere(50, blind, test, (x) => beliefOf(x, 'us')?.kind === 'attack').r;
    expect(spiralOf(traced, 'us', /tested a co-orbital inspector/)).toHaveLength(1);
  });
});

describe('breaches are carried out and flagged', () => {
  const bound = (over: Partial<World['drafts']['ppwt']> = {}) =>
    worldWith({
      round: 1,
      drafts: { ppwt: { adoptedRound: 1, parties: ['us', 'china', 'russia'], momentum: 70, ...over } },
    });
  const coOrbital: Order = { kind: 'buildCounterspace', weapon: 'coOrbital' };

  it('a co-orbital weapon under the PPWT is built all the same, and flagged against each rule it breaks', () => {
    const r = resolveWith({ russia: [coOrbital] }, bound());
    expect(r.w.delegations.russia.capabilities.counterspace.coOrbital).toBe(2);
    // Russia sponsored the PPWT in 2014: a pledge of no first placement, besides the treaty.
    expect(r.w.violations.map((v) => [v.by, v.rule, v.what])).toEqual([
      ['russia', 'PPWT', 'Russia built a co-orbital inspector ("nesting doll")'],
      ['russia', 'the no-first-placement pledge', 'Russia built a co-orbital inspector ("nesting doll")'],
    ]);
  });

  it('a detected breach costs legitimacy and raises tension and the detectors’ threat perception', () => {
    const { r } = seedWhere(
      50,
      (s) => reseeded(bound(), s),
      { us: [coOrbital] },
      (x) => x.w.violations[0]?.detectedBy.join() === 'china,russia',
    );
    expect(effects(byOrdersOf(r, 'us').filter((c) => /breach/.test(c.cause)))).toEqual({
      'legitimacy.us': -10,
      tension: 5,
      'threat.china.us': 6,
      'threat.russia.us': 6,
    });
    expect(r.story).toContain(
      'The US built a co-orbital inspector ("nesting doll"), in breach of PPWT; detected by China and Russia.',
    );
  });

  it('a detected breach exposes the covert build behind it to everyone; an undetected one leaves it secret', () => {
    const world = (s: number) => reseeded(bound(), s);
    const caught = seedWhere(
      50,
      world,
      { us: [coOrbital] },
      (x) => (x.w.violations[0]?.detectedBy.length ?? 0) > 0 && x.w.covert[0]?.knownTo.length === 0,
    ).r;
    expect(caught.w.covert).toMatchObject([{ by: 'us', kind: 'coOrbital', round: 2, public: true }]);
    for (const viewer of ['public', 'china', 'russia'] as const)
      expect(viewFor(caught.w, viewer).delegations.us.capabilities.counterspace.coOrbital).toBe(2);

    const blind = (s: number) =>
      reseeded(
        worldWith({
          round: 1,
          drafts: { ppwt: { adoptedRound: 1, parties: ['us', 'china', 'russia'] } },
          delegations: { china: { capabilities: { ssa: 0 } }, russia: { capabilities: { ssa: 0 } } },
        }),
        s,
      );
    const missed = seedWhere(
      100,
      blind,
      { us: [coOrbital] },
      (x) => x.w.violations[0]?.detectedBy.length === 0 && x.w.covert[0]?.knownTo.length === 0,
    ).r;
    expect(missed.w.covert).toMatchObject([{ by: 'us', kind: 'coOrbital', public: false }]);
    expect(viewFor(missed.w, 'public').delegations.us.capabilities.counterspace.coOrbital).toBe(1);
  });

  it('a breach by an overt build or by a test exposes no other covert build of the violator', () => {
    // The US built jammers in secret last round, unseen; now it breaks the PPWT with a co-orbital test.
    const hidden = worldWith({
      round: 1,
      drafts: { ppwt: { adoptedRound: 1, parties: ['us', 'china', 'russia'] } },
      covert: [{ id: 'c9', round: 1, by: 'us', kind: 'jamming', knownTo: [], public: false }],
    });
    // A round in which the breach is detected and the old build does not come out by itself (30% a round).
    const { r } = seedWhere(
      50,
      (s) => reseeded(hidden, s),
      { us: [{ kind: 'testCounterspace', weapon: 'coOrbital', target: 'china' }] },
      (x) =>
        (x.w.violations[0]?.detectedBy.length ?? 0) > 0 && !x.story.some((t) => t.startsWith('Revealed:')),
    );
    expect(r.w.violations.map((v) => v.rule)).toEqual(['PPWT']);
    expect(r.w.covert).toEqual([
      { id: 'c9', round: 1, by: 'us', kind: 'jamming', knownTo: [], public: false },
    ]);
  });

  it('an undetected breach is known only to the violator', () => {
    const blind = (s: number) =>
      reseeded(
        worldWith({
          round: 1,
          drafts: { ppwt: { adoptedRound: 1, parties: ['us', 'china', 'russia'] } },
          delegations: { china: { capabilities: { ssa: 0 } }, russia: { capabilities: { ssa: 0 } } },
        }),
        s,
      );
    const { r } = seedWhere(
      100,
      blind,
      { us: [coOrbital] },
      (x) => x.w.violations[0]?.detectedBy.length === 0,
    );
    expect(byOrdersOf(r, 'us').filter((c) => /breach/.test(c.cause))).toEqual([]);
    expect(r.w.story.find((s) => /Nobody detected it/.test(s.text))).toEqual({
      round: 2,
      text: 'We breached PPWT (built a co-orbital inspector ("nesting doll")). Nobody detected it, for now.',
      visibleTo: ['us'],
    });
  });

  it('a party to the verification protocol is always caught', () => {
    const verified = (s: number) =>
      reseeded(
        worldWith({
          round: 1,
          drafts: {
            ppwt: { adoptedRound: 1, parties: ['us', 'china', 'russia'] },
            verification: { adoptedRound: 1, parties: ['us', 'china', 'russia'] },
          },
          delegations: { china: { capabilities: { ssa: 0 } }, russia: { capabilities: { ssa: 0 } } },
        }),
        s,
      );
    for (let seed = 1; seed <= 10; seed++)
      expect(resolveWith({ us: [coOrbital] }, verified(seed)).w.violations[0]?.detectedBy).toEqual([
        'china',
        'russia',
      ]);
  });

  it.each<[string, () => World, Delegation, Order, string[]]>([
    ['no treaty, no pledge', () => worldWith(), 'us', coOrbital, []],
    [
      'a pledge of no first placement (sponsoring the PPWT in 2014)',
      () => worldWith(),
      'china',
      coOrbital,
      ['the no-first-placement pledge'],
    ],
    [
      'a direct-ascent missile under a PPWT without the ground-based clause',
      () => bound(),
      'us',
      { kind: 'buildCounterspace', weapon: 'directAscent' },
      [],
    ],
    [
      'a direct-ascent missile under a PPWT with the ground-based clause',
      () => bound({ clauses: { verification: false, groundBasedAsat: true, definitions: true } }),
      'us',
      { kind: 'buildCounterspace', weapon: 'directAscent' },
      ['PPWT'],
    ],
    [
      'jamming under the code of conduct',
      () =>
        worldWith({
          drafts: { tcbm: { adoptedRound: 1, tabled: true, parties: ['us', 'china', 'russia'] } },
        }),
      'us',
      { kind: 'jam', target: 'china' },
      ['code of conduct'],
    ],
    [
      'a destructive test after voting to halt them',
      () =>
        worldWith({
          delegations: {
            us: { commitments: [{ round: 1, kind: 'vote', pledge: 'noAsatTests', text: 'Voted for…' }] },
          },
        }),
      'us',
      { kind: 'testCounterspace', weapon: 'directAscent' },
      ['the pledge to halt destructive ASAT tests'],
    ],
    [
      'a close approach after endorsing notice of approaches',
      () =>
        worldWith({
          delegations: {
            us: {
              commitments: [{ round: 1, kind: 'endorse', pledge: 'notifyApproaches', text: 'Endorsed…' }],
            },
          },
        }),
      'us',
      { kind: 'testCounterspace', weapon: 'coOrbital', target: 'china' },
      ['the pledge to give notice of close approaches'],
    ],
    [
      'a weapon after a mere statement of no first placement',
      () =>
        worldWith({
          delegations: {
            us: {
              commitments: [
                { round: 1, kind: 'statement', pledge: 'noFirstPlacement', text: 'Statement: …' },
              ],
            },
          },
        }),
      'us',
      coOrbital,
      [],
    ],
  ])('%s', (_why, world, d, order, rules) => {
    const r = resolveWith({ [d]: [order] }, world());
    expect(r.w.violations.map((v) => v.rule)).toEqual(rules);
  });

  it('a destructive test that breaks a pledge is seen by everyone', () => {
    const pledged = worldWith({
      delegations: {
        china: { capabilities: { ssa: 0 } },
        russia: { commitments: [{ round: 1, kind: 'vote', pledge: 'noAsatTests', text: 'Voted' }] },
      },
    });
    for (let seed = 1; seed <= 10; seed++) {
      const r = resolveWith(
        { russia: [{ kind: 'testCounterspace', weapon: 'directAscent' }] },
        reseeded(pledged, seed),
      );
      expect(r.w.violations[0]?.detectedBy).toEqual(['us', 'china']);
    }
  });
});

describe('words and deeds', () => {
  it('a statement of restraint followed by jamming is a gap, even in the same round', () => {
    const r = resolveWith({
      us: [
        { kind: 'statement', stance: 'restraint', text: 'We will not interfere.' },
        { kind: 'jam', target: 'china' },
      ],
    });
    expect(r.w.gaps).toEqual([
      { round: 1, by: 'us', said: 'Statement: We will not interfere.', did: 'jammed satellites of China' },
    ]);
  });

  it('a pledge made in an earlier round is held against later deeds, once per round', () => {
    const [, later] = playRounds([
      { us: [{ kind: 'statement', stance: 'noFirstPlacement', text: 'Never first.' }] },
      {
        us: [
          { kind: 'buildCounterspace', weapon: 'coOrbital' },
          { kind: 'testCounterspace', weapon: 'coOrbital', target: 'russia' },
        ],
      },
    ]);
    expect(later?.w.gaps).toEqual([
      {
        round: 2,
        by: 'us',
        said: 'Statement: Never first.',
        did: 'built a co-orbital inspector ("nesting doll")',
      },
      {
        round: 2,
        by: 'us',
        said: 'Statement: Never first.',
        did: 'tested a co-orbital inspector ("nesting doll")',
      },
    ]);
  });

  it('China’s and Russia’s 2014 sponsorship of the PPWT is held against a co-orbital build', () => {
    const r = resolveWith({ china: [{ kind: 'buildCounterspace', weapon: 'coOrbital' }] });
    expect(r.w.gaps).toEqual([
      {
        round: 1,
        by: 'china',
        said: 'Sponsored the revised PPWT (CD/1985, 2014)',
        did: 'built a co-orbital inspector ("nesting doll")',
      },
    ]);
  });

  it('deeds that keep the word leave no gap', () => {
    const r = resolveWith({
      us: [
        { kind: 'statement', stance: 'noFirstPlacement', text: '' },
        { kind: 'buildCounterspace', weapon: 'laser' },
      ],
    });
    expect(r.w.gaps).toEqual([]);
  });
});

describe('regressions', () => {
  it('an accusation read "… were jammed. the US has evidence …", lowercase after a full stop', () => {
    const r = resolveWith({ china: [{ kind: 'jam', target: 'us' }] });
    const told = r.story.find((s) => s.includes('has evidence'));
    expect(told).toBe('The US: satellite signals were jammed. The US has evidence that China was behind it.');
  });
});
