import { describe, expect, it } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { World } from '../../../shared/rules/model.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import { allScores } from '../../../shared/rules/score.ts';
import { alignmentLabel, type Viewer, viewFor } from '../../../shared/rules/views.ts';
import { playRounds, type Resolved, reseeded, resolveWith, seedWhere, worldWith } from './testWorld.ts';

const VIEWERS: Viewer[] = ['public', 'teacher', ...DELEGATIONS];

describe('secrets', () => {
  const w = resolveWith({ us: [{ kind: 'buildSsa' }], china: [{ kind: 'summit', with: 'russia' }] }).w;

  it.each<[Viewer, Delegation[]]>([
    ['public', []],
    ['us', ['us']],
    ['china', ['china']],
    ['russia', ['russia']],
    ['teacher', ['us', 'china', 'russia']],
  ])('%s sees the secrets of %o', (viewer, owners) => {
    const view = viewFor(w, viewer);
    expect(Object.keys(view.secrets)).toEqual(owners);
    expect(view.scores).toEqual(viewer === 'teacher' ? allScores(w) : undefined);
    for (const d of DELEGATIONS) {
      const mine = owners.includes(d);
      const text = JSON.stringify(view);
      for (const id of w.delegations[d].objectives) expect(text.includes(`"${id}"`)).toBe(mine);
    }
  });

  it('a delegation’s secrets are its budget, earmark, income, security with its terms, threat perception and objectives', () => {
    const mine = viewFor(w, 'china').secrets.china;
    expect(mine).toMatchObject({
      budget: w.delegations.china.budget,
      earmarked: w.delegations.china.earmarked,
      income: 8,
      threat: w.delegations.china.threat,
    });
    expect(mine?.securityTerms.map((t) => t.term)).toContain('own satellites');
    expect(mine?.objectives.map((o) => o.id)).toEqual(w.delegations.china.objectives);
    for (const o of mine?.objectives ?? []) expect(o.text).toMatch(/\.$/);
  });

  it('at the end everything opens for everyone, as for the teacher', () => {
    for (const viewer of VIEWERS) expect(viewFor(w, viewer, true)).toEqual(viewFor(w, 'teacher'));
  });

  it('the public sees only the last round’s changes', () => {
    const [, second] = playRounds([{ us: [{ kind: 'buildSsa' }] }, {}]);
    const view = viewFor(second!.w, 'public');
    expect(view.changes.length).toBeGreaterThan(0);
    expect(view.changes.every((c) => c.round === 2)).toBe(true);
  });
});

describe('covert builds', () => {
  const build: Order = { kind: 'buildCounterspace', weapon: 'jamming' };
  const seenByUsOnly = () =>
    seedWhere(
      50,
      (s) => reseeded(worldWith(), s),
      { russia: [build] },
      (r) => r.w.covert[0]?.knownTo.join() === 'us',
    ).r;

  it.each<[Viewer, number]>([
    ['public', 3],
    ['china', 3],
    ['us', 4],
    ['russia', 4],
    ['teacher', 4],
  ])('%s sees Russia’s jammers at level %i', (viewer, level) => {
    const { w } = seenByUsOnly();
    expect(viewFor(w, viewer).delegations.russia.capabilities.counterspace.jamming).toBe(level);
  });

  it.each<[Viewer, boolean]>([
    ['public', false],
    ['china', false],
    ['us', true],
    ['russia', true],
    ['teacher', true],
  ])('%s hears of the build: %s', (viewer, told) => {
    const { w } = seenByUsOnly();
    const view = viewFor(w, viewer);
    expect(view.story.some((s) => /in secret/.test(s.text))).toBe(told);
    expect(view.changes.some((c) => c.target === 'capability.russia.counterspace.jamming')).toBe(told);
    expect(JSON.stringify(view).includes('built jammers')).toBe(told);
  });

  it('once revealed, everyone counts it', () => {
    const { w } = seenByUsOnly();
    const revealed: World = { ...w, covert: w.covert.map((c) => ({ ...c, public: true })) };
    for (const viewer of VIEWERS)
      expect(viewFor(revealed, viewer).delegations.russia.capabilities.counterspace.jamming).toBe(4);
  });

  it('two builds, one seen: an observer counts only the one it saw', () => {
    const w = worldWith({
      covert: [
        { id: 'c1', round: 1, by: 'china', kind: 'coOrbital', knownTo: ['us'], public: false },
        { id: 'c2', round: 2, by: 'china', kind: 'coOrbital', knownTo: [], public: false },
      ],
      delegations: { china: { capabilities: { counterspace: { coOrbital: 3 } } } },
    });
    expect(viewFor(w, 'us').delegations.china.capabilities.counterspace.coOrbital).toBe(2);
    expect(viewFor(w, 'russia').delegations.china.capabilities.counterspace.coOrbital).toBe(1);
    expect(viewFor(w, 'china').delegations.china.capabilities.counterspace.coOrbital).toBe(3);
  });
});

describe('incidents', () => {
  const jam = { russia: [{ kind: 'jam', target: 'china' } as Order] };
  const jammed = (belief: 'attack' | 'unknown'): Resolved =>
    seedWhere(
      50,
      (s) => reseeded(worldWith(), s),
      jam,
      (r) => r.w.incidents.length === 1 && r.w.incidents[0]?.belief.china?.kind === belief,
    ).r;

  it('an attack the victim could not trace: only the victim (without the truth) and the attacker know of it', () => {
    const { w } = jammed('unknown');
    expect(viewFor(w, 'public').incidents).toEqual([]);
    expect(viewFor(w, 'us').incidents).toEqual([]);
    expect(viewFor(w, 'china').incidents).toEqual([
      {
        id: 'i1',
        round: 1,
        victim: 'china',
        kind: 'signalJammed',
        cause: undefined,
        belief: { china: { kind: 'unknown' } },
      },
    ]);
    expect(viewFor(w, 'russia').incidents).toEqual([
      {
        id: 'i1',
        round: 1,
        victim: 'china',
        kind: 'signalJammed',
        cause: { kind: 'attack', by: 'russia' },
        belief: { russia: { kind: 'attack', by: 'russia', certain: true } },
      },
    ]);
    expect(viewFor(w, 'teacher').incidents).toEqual(w.incidents);
  });

  it('an accusation is public; the truth is not', () => {
    const { w } = jammed('attack');
    const accusation = { kind: 'attack', by: 'russia', certain: false };
    for (const viewer of ['public', 'us'] as const)
      expect(viewFor(w, viewer).incidents).toEqual([
        {
          id: 'i1',
          round: 1,
          victim: 'china',
          kind: 'signalJammed',
          cause: undefined,
          belief: { china: accusation },
        },
      ]);
  });

  it('a natural anomaly blamed on a rival: the class hears the accusation, only the teacher the truth, until the end', () => {
    const { r } = seedWhere(
      300,
      (s) => reseeded(worldWith(), s),
      {},
      (x) => x.w.incidents.some((i) => i.cause.kind === 'natural' && i.belief[i.victim]?.kind === 'attack'),
    );
    const truth = (viewer: Viewer, end = false) =>
      viewFor(r.w, viewer, end).story.some((s) => s.text.startsWith('The truth: a natural cause'));
    expect(VIEWERS.filter((v) => truth(v))).toEqual(['teacher']);
    expect(VIEWERS.filter((v) => truth(v, true))).toEqual(VIEWERS);
    const seen = viewFor(r.w, 'us').incidents.find((i) => i.kind === 'anomaly' && i.victim === 'china');
    expect(seen?.cause).toBeUndefined();
  });
});

describe('breaches, gaps and the changes behind them', () => {
  const bound = (s: number) =>
    reseeded(
      worldWith({
        round: 1,
        drafts: { ppwt: { adoptedRound: 1, parties: ['us', 'china', 'russia'] } },
        delegations: { china: { capabilities: { ssa: 0 } }, russia: { capabilities: { ssa: 0 } } },
      }),
      s,
    );
  const coOrbital = { us: [{ kind: 'buildCounterspace', weapon: 'coOrbital' } as Order] };

  it('an undetected breach is the violator’s secret until the end', () => {
    const { w } = seedWhere(100, bound, coOrbital, (r) => r.w.violations[0]?.detectedBy.length === 0).r;
    expect(VIEWERS.filter((v) => viewFor(w, v).violations.length > 0)).toEqual(['teacher', 'us']);
    expect(VIEWERS.filter((v) => viewFor(w, v, true).violations.length > 0)).toEqual(VIEWERS);
  });

  it('a detected breach is public', () => {
    const { w } = seedWhere(100, bound, coOrbital, (r) => (r.w.violations[0]?.detectedBy.length ?? 0) > 0).r;
    for (const viewer of VIEWERS) expect(viewFor(w, viewer).violations).toEqual(w.violations);
  });

  it('a gap between words and deeds is shown to the one who made it (and the teacher) until the end', () => {
    const { w } = resolveWith({
      us: [
        { kind: 'statement', stance: 'restraint', text: 'Peace in space.' },
        { kind: 'buildCounterspace', weapon: 'laser' },
      ],
    });
    expect(VIEWERS.filter((v) => viewFor(w, v).gaps.length > 0)).toEqual(['teacher', 'us']);
  });
});

describe('regressions', () => {
  it('the attacker’s own certainty was shown to everyone, naming it behind every attack', () => {
    // hideCause kept every "attack" belief, and the attacker always believes it attacked.
    const { w } = seedWhere(
      50,
      (s) => reseeded(worldWith(), s),
      { russia: [{ kind: 'jam', target: 'china' }] },
      (r) => r.w.incidents[0]?.belief.china?.kind === 'unknown',
    ).r;
    for (const viewer of ['public', 'us', 'china'] as const)
      expect(JSON.stringify(viewFor(w, viewer).incidents)).not.toMatch(/"by":"russia"/);
  });

  it('the class could read who jammed or tested from the tension and debris changes (cause and source)', () => {
    const r = resolveWith({
      us: [
        { kind: 'jam', target: 'china' },
        { kind: 'testCounterspace', weapon: 'coOrbital', target: 'russia' },
      ],
    });
    const view = viewFor(r.w, 'public');
    const effects = view.changes.filter((c) => c.source.kind === 'rule' && c.source.rule === 'incident');
    expect(effects.map((c) => c.target).sort()).toEqual(['debris', 'tension', 'tension']);
    for (const c of effects) expect(c.cause).not.toMatch(/\bUS\b/);
    expect(view.changes.filter((c) => c.source.kind === 'order' && c.source.by === 'us')).toEqual([]);
  });

  it('threat perception, security and income leaked through changes everyone could see (their `after`)', () => {
    const r = resolveWith({
      us: [{ kind: 'sanction', target: 'russia', measure: 'exportControls' }],
      china: [{ kind: 'statement', stance: 'condemn', target: 'russia', text: '' }],
    });
    const secret = /^(threat|security|income)\./;
    expect(viewFor(r.w, 'public').changes.filter((c) => secret.test(c.target))).toEqual([]);
    for (const d of DELEGATIONS) {
      const theirs = viewFor(r.w, d).changes.filter(
        (c) => secret.test(c.target) && c.target.split('.')[1] !== d,
      );
      // Only what the rules said explicitly this delegation may know (its own part in the security dilemma).
      for (const c of theirs) expect(c.visibleTo).toContain(d);
    }
    const russia = viewFor(r.w, 'russia').changes.map((c) => c.target);
    expect(russia).toEqual(
      expect.arrayContaining(['income.russia', 'threat.russia.us', 'threat.russia.china']),
    );
    expect(viewFor(r.w, 'teacher').changes).toEqual(r.changes);
  });
});

describe('alignmentLabel', () => {
  it.each([
    [0, 'buyer–seller relationship'],
    [24, 'buyer–seller relationship'],
    [25, 'strategic partnership'],
    [50, 'comprehensive strategic partnership'],
    [75, 'partnership for a new era'],
    [90, 'de facto alliance'],
    [100, 'de facto alliance'],
  ])('%i: %s', (alignment, label) => {
    expect(alignmentLabel(alignment)).toBe(label);
  });
});
