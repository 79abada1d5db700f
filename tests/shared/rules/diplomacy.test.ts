import { describe, expect, it } from 'vitest';
import type { Delegation } from '../../../shared/model/seats.ts';
import type { Resolution, World } from '../../../shared/rules/model.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import {
  byOrdersOf,
  byRule,
  effects,
  moved,
  names,
  playRounds,
  reseeded,
  resolveWith,
  seedWhere,
  worldWith,
} from './testWorld.ts';

type EffectRow = [string, Delegation, Order[], Record<string, number>];

/** What one delegation's orders do, read from the changes they caused; every cause names the actor. */
describe('effects of the orders at the CD and the UN', () => {
  it.each<EffectRow>([
    [
      'tabling a draft',
      'us',
      [{ kind: 'tableDraft', draft: 'tcbm' }],
      { 'draft.tcbm.momentum': 10, 'prestige.us': 3 },
    ],
    [
      'co-sponsoring a tabled draft',
      'us',
      [{ kind: 'coSponsor', draft: 'ppwt' }],
      { 'draft.ppwt.momentum': 6, 'prestige.us': 1 },
    ],
    ['co-sponsoring a draft nobody tabled', 'us', [{ kind: 'coSponsor', draft: 'verification' }], {}],
    [
      'an amendment by a sponsor',
      'china',
      [{ kind: 'amendDraft', draft: 'ppwt', clause: 'groundBasedAsat' }],
      { 'draft.ppwt.momentum': 4 },
    ],
    // Rules v2: a non-sponsor's amendment waits for the sponsors' consent (treaties.test.ts).
    [
      'an amendment by a non-sponsor',
      'us',
      [{ kind: 'amendDraft', draft: 'ppwt', clause: 'groundBasedAsat' }],
      {},
    ],
    [
      'a working paper on verification',
      'russia',
      [{ kind: 'workingPaper', topic: 'verification' }],
      { 'draft.verification.momentum': 8, 'draft.ppwt.momentum': 2, 'prestige.russia': 2 },
    ],
    [
      'a working paper on definitions',
      'china',
      [{ kind: 'workingPaper', topic: 'definitions' }],
      { 'draft.ppwt.momentum': 3, 'draft.tcbm.momentum': 3, 'prestige.china': 2 },
    ],
    [
      'proposing a measure',
      'us',
      [{ kind: 'proposeTcbm', measure: 'hotline' }],
      { 'draft.tcbm.momentum': 5, 'prestige.us': 1 },
    ],
    [
      'endorsing a measure already in force',
      'us',
      [{ kind: 'endorseTcbm', measure: 'noFirstPlacement' }],
      { 'draft.tcbm.momentum': 3 },
    ],
    [
      'condemning a rival',
      'us',
      [{ kind: 'statement', stance: 'condemn', target: 'russia', text: 'Stop shadowing our satellites.' }],
      { 'threat.russia.us': 2, 'legitimacy.russia': -1 },
    ],
    [
      'speaking of deterrence',
      'russia',
      [{ kind: 'statement', stance: 'deterrence', text: '' }],
      { tension: 1 },
    ],
    ['a statement of restraint', 'china', [{ kind: 'statement', stance: 'restraint', text: 'x' }], {}],
    ['proposing a resolution', 'china', [{ kind: 'proposeResolution', topic: 'parosMeasures' }], {}],
    ['blocking an untabled draft', 'us', [{ kind: 'blockConsensus', draft: 'tcbm' }], {}],
    [
      'objecting to a draft below the threshold',
      'us',
      [{ kind: 'blockConsensus', draft: 'ppwt' }],
      { 'draft.ppwt.momentum': -5, 'legitimacy.us': -1 },
    ],
  ])('%s', (_why, d, orders, expected) => {
    const r = resolveWith({ [d]: orders });
    const caused = byOrdersOf(r, d);
    expect(effects(caused)).toEqual(expected);
    for (const c of caused) {
      expect(c.cause).toMatch(names(d));
      expect(c.source).toMatchObject({ kind: 'order', by: d });
      expect(c.visibleTo).toBe('all');
    }
  });

  it('tabling makes the text tabled, the tabler a sponsor, and records a pledge of restraint', () => {
    const { w } = resolveWith({ us: [{ kind: 'tableDraft', draft: 'tcbm' }] });
    expect(w.drafts.tcbm).toMatchObject({ tabled: true, sponsors: ['us'] });
    expect(w.delegations.us.commitments).toEqual([
      { round: 1, kind: 'sponsor', pledge: 'restraint', text: 'Tabled the code of conduct' },
    ]);
  });

  it('co-sponsoring the PPWT is a pledge of no first placement', () => {
    const { w } = resolveWith({ us: [{ kind: 'coSponsor', draft: 'ppwt' }] });
    expect(w.drafts.ppwt.sponsors).toEqual(['china', 'russia', 'us']);
    expect(w.delegations.us.commitments.at(-1)).toMatchObject({
      kind: 'sponsor',
      pledge: 'noFirstPlacement',
    });
  });

  it('a co-sponsor of a draft nobody tabled spends its point on nothing, and the class hears so', () => {
    const r = resolveWith({ us: [{ kind: 'coSponsor', draft: 'verification' }] });
    expect(r.w.drafts.verification).toMatchObject({ tabled: false, sponsors: [] });
    expect(r.w.delegations.us.budget).toBe(10 + Math.floor((10 - 1) / 2)); // the point is spent all the same
    expect(r.story).toContain(
      'The US offered to co-sponsor the verification protocol, but nobody has tabled it.',
    );
  });

  it('a draft tabled and co-sponsored in the same round gathers both', () => {
    const r = resolveWith({
      us: [{ kind: 'tableDraft', draft: 'verification' }],
      china: [{ kind: 'coSponsor', draft: 'verification' }],
    });
    expect(r.w.drafts.verification).toMatchObject({ tabled: true, sponsors: ['us', 'china'], momentum: 26 });
  });

  it('a sponsor’s amendment adds its clause to the text', () => {
    const { w } = resolveWith({ china: [{ kind: 'amendDraft', draft: 'ppwt', clause: 'verification' }] });
    expect(w.drafts.ppwt.clauses).toEqual({ verification: true, groundBasedAsat: false, definitions: true });
  });

  it('a statement goes on the record in its words, or in its stance when it has none', () => {
    const said = resolveWith({
      us: [{ kind: 'statement', stance: 'noFirstPlacement', text: '  We will not be first.  ' }],
      china: [{ kind: 'statement', stance: 'partnership', text: '' }],
    }).w;
    expect(said.delegations.us.commitments).toEqual([
      { round: 1, kind: 'statement', pledge: 'noFirstPlacement', text: 'Statement: We will not be first.' },
    ]);
    expect(said.delegations.china.commitments.at(-1)).toEqual({
      round: 1,
      kind: 'statement',
      pledge: undefined,
      text: 'Statement: A statement of partnership',
    });
  });
});

describe('confidence-building measures', () => {
  const hotlineByUs = () => worldWith({ measures: { hotline: { endorsers: ['us'], proposedRound: 1 } } });

  it('a proposal puts the measure on the table with its proposer as first endorser', () => {
    const { w } = resolveWith({ us: [{ kind: 'proposeTcbm', measure: 'rendezvousNotice' }] });
    expect(w.measures.rendezvousNotice).toEqual({ endorsers: ['us'], proposedRound: 1 });
    expect(w.delegations.us.commitments.at(-1)).toMatchObject({
      kind: 'endorse',
      pledge: 'notifyApproaches',
    });
  });

  it('the second endorser brings it into force between them, and tension falls', () => {
    const r = resolveWith({ china: [{ kind: 'endorseTcbm', measure: 'hotline' }] }, hotlineByUs());
    expect(r.w.measures.hotline?.endorsers).toEqual(['us', 'china']);
    const force = byOrdersOf(r, 'china').filter((c) => c.target === 'tension');
    expect(force.map((c) => [c.delta, c.cause])).toEqual([
      [-3, 'A space hotline between capitals entered into force between the US and China'],
    ]);
  });

  it('a third endorser adds momentum but no second fall in tension', () => {
    const w = worldWith({ measures: { hotline: { endorsers: ['us', 'china'], proposedRound: 1 } } });
    const r = resolveWith({ russia: [{ kind: 'endorseTcbm', measure: 'hotline' }] }, w);
    expect(effects(byOrdersOf(r, 'russia'))).toEqual({ 'draft.tcbm.momentum': 3 });
  });

  it('two endorsements in one round bring it into force once', () => {
    const r = resolveWith(
      {
        china: [{ kind: 'endorseTcbm', measure: 'hotline' }],
        russia: [{ kind: 'endorseTcbm', measure: 'hotline' }],
      },
      hotlineByUs(),
    );
    expect(r.w.measures.hotline?.endorsers).toEqual(['us', 'china', 'russia']);
    expect(r.changes.filter((c) => /entered into force/.test(c.cause))).toHaveLength(1);
  });

  it('two proposals of one measure in one round make both endorsers and bring it into force: tension falls', () => {
    const r = resolveWith({
      us: [{ kind: 'proposeTcbm', measure: 'launchNotification' }],
      russia: [{ kind: 'proposeTcbm', measure: 'launchNotification' }],
    });
    expect(r.w.measures.launchNotification).toEqual({ endorsers: ['us', 'russia'], proposedRound: 1 });
    const force = r.changes.filter((c) => /entered into force/.test(c.cause));
    expect(force.map((c) => [c.target, c.delta, c.cause, c.source])).toEqual([
      [
        'tension',
        -3,
        'Advance notice of launches entered into force between the US and Russia',
        { kind: 'order', by: 'russia', order: 0 },
      ],
    ]);
  });

  it('three proposals of one measure in one round bring it into force once', () => {
    const propose: Order = { kind: 'proposeTcbm', measure: 'hotline' };
    const r = resolveWith({ us: [propose], china: [propose], russia: [propose] });
    expect(r.w.measures.hotline?.endorsers).toEqual(['us', 'china', 'russia']);
    expect(r.changes.filter((c) => /entered into force/.test(c.cause)).map((c) => c.delta)).toEqual([-3]);
    expect(
      moved(
        r.changes.filter((c) => c.source.kind === 'order'),
        'draft.tcbm.momentum',
      ),
    ).toBe(15);
  });

  it('a measure proposed alone is not yet in force: no fall in tension', () => {
    const r = resolveWith({ us: [{ kind: 'proposeTcbm', measure: 'hotline' }] });
    expect(r.changes.filter((c) => /entered into force/.test(c.cause))).toEqual([]);
  });
});

/** The PPWT one co-sponsorship short of adoption (64 + 6 = 70). */
const nearlyThere = (clauses: Partial<World['drafts']['ppwt']['clauses']> = {}) =>
  worldWith({ drafts: { ppwt: { momentum: 64, clauses } } });
const push: Order = { kind: 'coSponsor', draft: 'ppwt' };
const block: Order = { kind: 'blockConsensus', draft: 'ppwt' };

describe('consensus at the CD', () => {
  // Rules v2: adoption opens the text for signature and binds nobody yet (it bound all three in v1).
  it('a text reaching 70 is adopted by consensus: open for signature, nobody bound yet, tension falls, sponsors gain', () => {
    const r = resolveWith({ us: [push] }, nearlyThere());
    expect(r.w.drafts.ppwt).toMatchObject({
      adoptedRound: 1,
      signatures: [],
      parties: [],
      momentum: 70,
    });
    expect(effects(byRule(r, 'consensus'))).toEqual({
      tension: -10,
      'legitimacy.us': 3,
      'legitimacy.china': 3,
      'legitimacy.russia': 3,
      'prestige.us': 5,
      'prestige.china': 5,
      'prestige.russia': 5,
    });
    expect(byRule(r, 'consensus').find((c) => c.target === 'tension')?.cause).toBe(
      'The CD adopted the PPWT (treaty on the prevention of the placement of weapons in outer space) by consensus',
    );
  });

  it('a text already at the threshold is adopted without any order', () => {
    const r = resolveWith(
      {},
      worldWith({ drafts: { tcbm: { momentum: 75, tabled: true, sponsors: ['us'] } } }),
    );
    expect(r.w.drafts.tcbm.adoptedRound).toBe(1);
  });

  it('an untabled text is never adopted, whatever its momentum', () => {
    const r = resolveWith({}, worldWith({ drafts: { tcbm: { momentum: 90 } } }));
    expect(r.w.drafts.tcbm.adoptedRound).toBeUndefined();
  });

  it('one block stops adoption even when the other two push: momentum falls 15, tension rises 2', () => {
    const r = resolveWith(
      { us: [push], russia: [{ kind: 'workingPaper', topic: 'verification' }], china: [block] },
      nearlyThere(),
    );
    expect(r.w.drafts.ppwt).toMatchObject({ adoptedRound: undefined, parties: [], momentum: 72 - 15 });
    expect(effects(byOrdersOf(r, 'china'))).toEqual({ 'draft.ppwt.momentum': -15, 'legitimacy.china': -2 });
    expect(byOrdersOf(r, 'china').map((c) => c.cause)).toContain('China blocked the PPWT, citing its gaps');
    expect(effects(byRule(r, 'consensus'))).toEqual({ tension: 2 });
  });

  it('blocking a complete text (verification and a ground-based ASAT ban) costs three times the legitimacy', () => {
    const complete = nearlyThere({ verification: true, groundBasedAsat: true });
    const r = resolveWith({ us: [push], russia: [block] }, complete);
    expect(moved(byOrdersOf(r, 'russia'), 'legitimacy.russia')).toBe(-6);
    expect(byOrdersOf(r, 'russia').map((c) => c.cause)).toContain(
      'Russia blocked the PPWT although it answers the usual objections',
    );
  });

  it.each([
    [{ verification: true }, -2],
    [{ groundBasedAsat: true }, -2],
    [{ verification: true, groundBasedAsat: true }, -6],
  ])('blocking a text with clauses %o costs %i legitimacy', (clauses, cost) => {
    const r = resolveWith({ us: [push], china: [block] }, nearlyThere(clauses));
    expect(moved(byOrdersOf(r, 'china'), 'legitimacy.china')).toBe(cost);
  });

  it('two blockers each pay, and each takes 15 off', () => {
    const r = resolveWith({ us: [push], china: [block], russia: [block] }, nearlyThere());
    expect(r.w.drafts.ppwt.momentum).toBe(70 - 30);
    expect(moved(r.changes, 'legitimacy.china')).toBe(-2);
    expect(moved(r.changes, 'legitimacy.russia')).toBe(-2);
  });

  it('a blocked text can still be adopted in a later round', () => {
    const [, second] = playRounds([{ us: [push], china: [block] }, {}], nearlyThere());
    expect(second?.w.drafts.ppwt).toMatchObject({ adoptedRound: undefined, tabled: true, momentum: 55 });
    // The text stays on the table: amendments and working papers bring it back to the threshold.
    const papers: Order[] = [
      { kind: 'workingPaper', topic: 'verification' },
      { kind: 'workingPaper', topic: 'definitions' },
    ];
    const later = resolveWith(
      {
        us: [{ kind: 'amendDraft', draft: 'ppwt', clause: 'verification' }, ...papers],
        russia: [{ kind: 'amendDraft', draft: 'ppwt', clause: 'groundBasedAsat' }, ...papers],
      },
      second?.w,
    );
    expect(later.w.drafts.ppwt.momentum).toBe(55 + 2 * (4 + 2 + 3));
    expect(later.w.drafts.ppwt.adoptedRound).toBe(3);
  });

  it('tabling the same untabled text twice in one round: both sponsor it, and the second counts as joining (+6, not +10)', () => {
    const table: Order = { kind: 'tableDraft', draft: 'verification' };
    const r = resolveWith({ us: [table], russia: [table] });
    expect(r.w.drafts.verification).toMatchObject({ tabled: true, sponsors: ['us', 'russia'], momentum: 26 });
    expect(r.w.changes.map((c) => c.cause)).toContain(
      'Russia joined the tabling of the verification protocol',
    );
  });

  it('regression: a build exposed by a detected breach feeds every rival, and its change becomes public', () => {
    // Russia sponsors the PPWT (a no-first-placement pledge) and builds a co-orbital inspector in secret.
    const doll: Order = { kind: 'buildCounterspace', weapon: 'coOrbital' };
    const { r } = seedWhere(
      50,
      (seed) => reseeded(worldWith(), seed),
      { russia: [doll] },
      (x) => x.w.violations.some((v) => v.by === 'russia' && v.detectedBy.length > 0),
    );
    expect(r.w.covert.every((c) => c.public)).toBe(true);
    expect(r.changes.find((c) => c.target === 'capability.russia.counterspace.coOrbital')?.visibleTo).toBe(
      'all',
    );
    for (const observer of ['us', 'china'] as const) {
      expect(
        r.changes.some(
          (c) =>
            c.target === `threat.${observer}.russia` &&
            /co-orbital inspector.*security dilemma/.test(c.cause),
        ),
        observer,
      ).toBe(true);
    }
  });
});

describe('withdrawal from a treaty', () => {
  const bound = () =>
    worldWith({
      drafts: { ppwt: { adoptedRound: 1, parties: ['us', 'china', 'russia'], momentum: 70 } },
      round: 1,
    });

  it('frees the delegation at a price: legitimacy falls 8 and tension rises 6', () => {
    const r = resolveWith({ russia: [{ kind: 'withdrawTreaty', draft: 'ppwt' }] }, bound());
    expect(r.w.drafts.ppwt.parties).toEqual(['us', 'china']);
    expect(r.w.drafts.ppwt.adoptedRound).toBe(1);
    expect(effects(byOrdersOf(r, 'russia'))).toEqual({ 'legitimacy.russia': -8, tension: 6 });
    expect(byOrdersOf(r, 'russia').map((c) => c.cause)).toEqual([
      'Russia withdrew from the PPWT',
      'Russia withdrew from the PPWT',
    ]);
  });

  it('takes effect after the round: a weapon built in the same round is still a breach, next round it is not', () => {
    const build: Order = { kind: 'buildCounterspace', weapon: 'coOrbital' };
    const [first, second] = playRounds(
      [{ us: [{ kind: 'withdrawTreaty', draft: 'ppwt' }, build] }, { us: [{ kind: 'buildSsa' }] }],
      bound(),
    );
    expect(first?.w.violations.map((v) => [v.by, v.rule])).toEqual([['us', 'PPWT']]);
    const again = resolveWith({ us: [build] }, second?.w);
    expect(again.w.violations.filter((v) => v.round === 3)).toEqual([]);
  });
});

describe('First Committee resolutions', () => {
  const propose = (d: Delegation, topic: Resolution['topic'], world = worldWith()) =>
    resolveWith({ [d]: [{ kind: 'proposeResolution', topic }] }, world);

  it('a proposal is put on the agenda for next round, with no result yet', () => {
    const r = propose('china', 'noFirstPlacement');
    expect(r.w.resolutions).toEqual([
      {
        id: 'r1-noFirstPlacement',
        topic: 'noFirstPlacement',
        sponsors: ['china'],
        proposedRound: 1,
        year: 2015,
        result: undefined,
      },
    ]);
    expect(r.w.delegations.china.commitments.at(-1)).toMatchObject({
      kind: 'sponsor',
      pledge: 'noFirstPlacement',
    });
  });

  it('two proposals of one topic in a round make one resolution with two sponsors', () => {
    const r = resolveWith({
      us: [{ kind: 'proposeResolution', topic: 'asatTestBan' }],
      russia: [{ kind: 'proposeResolution', topic: 'asatTestBan' }],
    });
    expect(r.w.resolutions.map((x) => [x.id, x.sponsors])).toEqual([['r1-asatTestBan', ['us', 'russia']]]);
  });

  it('is voted the round after, by the three delegations and the blocs: NAM carries China’s text', () => {
    const first = propose('china', 'noFirstPlacement');
    const r = resolveWith(
      { us: [{ kind: 'voteResolution', resolution: 'r1-noFirstPlacement', vote: 'no' }] },
      first.w,
    );
    // From the record of 69/32 (126–4–46, Russia's text with China), Russia's absence as a sponsor costs the
    // text in the NAM and the other states: it still passes, by less. China votes yes as sponsor.
    expect(r.w.resolutions[0]?.result).toEqual({
      yes: 113,
      no: 11,
      abstain: 52,
      adopted: true,
      votes: { us: 'no', china: 'yes', russia: 'abstain' },
    });
    // Not a wide margin (113 is less than twice 63): no tension eased; the sponsor alone gains prestige.
    expect(effects(byRule(r, 'unVote'))).toEqual({
      'prestige.china': 2,
      'legitimacy.us': -2,
      'draft.ppwt.momentum': 5,
    });
    expect(byRule(r, 'unVote').find((c) => c.target === 'legitimacy.us')?.cause).toBe(
      'The US voted against the resolution on no first placement of weapons in outer space, which passed',
    );
    expect(r.w.delegations.china.commitments.at(-1)).toEqual({
      round: 2,
      kind: 'vote',
      pledge: 'noFirstPlacement',
      text: 'Voted for the resolution on no first placement of weapons in outer space',
    });
  });

  it('a sponsor with no standing at the UN carries fewer seats, and no wide margin', () => {
    const tally = (legitimacy: number) => {
      const world = worldWith({ delegations: { russia: { legitimacy } } });
      const r = resolveWith({}, propose('russia', 'noFirstPlacement', world).w);
      return { result: r.w.resolutions[0]?.result, eased: moved(byRule(r, 'unVote'), 'tension') };
    };
    const standing = tally(50);
    const pariah = tally(0);
    expect(pariah.result?.yes).toBeLessThan((standing.result?.yes ?? 0) - 10);
    expect(pariah.result?.no).toBeGreaterThan(standing.result?.no ?? 0);
    expect(standing.eased).toBe(-1);
    expect(pariah.eased).toBe(0);
  });

  it('a crisis (tension 60 or more) swings wavering states to yes', () => {
    const calm = resolveWith({}, propose('us', 'noFirstPlacement').w).w.resolutions[0]?.result;
    const tense = worldWith({ tension: 70 });
    const crisis = resolveWith({}, propose('us', 'noFirstPlacement', tense).w).w.resolutions[0]?.result;
    // Four seats a bloc turn from abstaining to yes, and some from no to abstaining.
    expect(crisis?.yes).toBe((calm?.yes ?? 0) + 3 * 4);
    expect(crisis?.no).toBeLessThan(calm?.no ?? 0);
  });

  it('is voted only once', () => {
    const [, voted, after] = playRounds([
      { china: [{ kind: 'proposeResolution', topic: 'parosMeasures' }] },
      {},
      {},
    ]);
    expect(voted?.w.resolutions[0]?.result?.adopted).toBe(true);
    expect(after?.w.resolutions[0]).toEqual(voted?.w.resolutions[0]);
    expect(byRule(after!, 'unVote')).toEqual([]);
  });
});
