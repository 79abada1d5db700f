/**
 * Texts at the CD under rules v2: amendments need the sponsors' consent, adoption opens a text for signature,
 * ratification makes a party, only parties are bound, and verification makes breaches and covert builds likelier
 * to be known.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../../../shared/rules/model.ts';
import { type Order, ordersProblem } from '../../../shared/rules/orders.ts';
import {
  AMENDMENT_MOMENTUM,
  AMENDMENT_REFUSAL_LEGITIMACY,
  BREACH_LEGITIMACY,
  ENTRY_INTO_FORCE_TENSION,
  RATIFICATION_LEGITIMACY,
} from '../../../shared/rules/tuning.ts';
import { viewFor } from '../../../shared/rules/views.ts';
import {
  byOrdersOf,
  byRule,
  effects,
  moved,
  playRounds,
  reseeded,
  resolveWith,
  seedWhere,
  worldWith,
} from './testWorld.ts';

const usAmends: Order = { kind: 'amendDraft', draft: 'ppwt', clause: 'verification' };
const answer = (a: 'accept' | 'refuse'): Order => ({
  kind: 'answerAmendment',
  draft: 'ppwt',
  clause: 'verification',
  answer: a,
});

describe('amending a tabled text needs its sponsors’ consent', () => {
  it('a non-sponsor’s amendment is proposed, not applied, and waits for the sponsors (China and Russia)', () => {
    const r = resolveWith({ us: [usAmends] });
    expect(r.w.drafts.ppwt.clauses.verification).toBe(false);
    expect(r.w.drafts.ppwt.amendments).toEqual([{ clause: 'verification', by: 'us', round: 1 }]);
    expect(moved(r.changes, 'draft.ppwt.momentum')).toBe(0);
    expect(r.story).toContain(
      'The US proposed adding a verification mechanism to the PPWT; its sponsors (China and Russia) accept or refuse it next round.',
    );
  });

  it('with every sponsor’s consent next round, the clause joins the text and brings its momentum', () => {
    const [, second] = playRounds([
      { us: [usAmends] },
      { china: [answer('accept')], russia: [answer('accept')] },
    ]);
    expect(second?.w.drafts.ppwt.clauses.verification).toBe(true);
    expect(second?.w.drafts.ppwt.amendments).toEqual([]);
    expect(effects(byRule(second!, 'amendment'))).toEqual({ 'draft.ppwt.momentum': AMENDMENT_MOMENTUM });
  });

  it('a sponsor that does not answer refuses: the clause stays out and each silent sponsor loses legitimacy', () => {
    const [, second] = playRounds([{ us: [usAmends] }, {}]);
    expect(second?.w.drafts.ppwt.clauses.verification).toBe(false);
    expect(second?.w.drafts.ppwt.amendments).toEqual([]);
    expect(effects(byRule(second!, 'amendment'))).toEqual({
      'legitimacy.china': -AMENDMENT_REFUSAL_LEGITIMACY,
      'legitimacy.russia': -AMENDMENT_REFUSAL_LEGITIMACY,
    });
  });

  it('one refusal is enough to keep the clause out, and only the refusing sponsor pays', () => {
    const [, second] = playRounds([
      { us: [usAmends] },
      { china: [answer('accept')], russia: [answer('refuse')] },
    ]);
    expect(second?.w.drafts.ppwt.clauses.verification).toBe(false);
    expect(effects(byOrdersOf(second!, 'russia'))).toEqual({
      'legitimacy.russia': -AMENDMENT_REFUSAL_LEGITIMACY,
    });
    expect(moved(second!.changes, 'legitimacy.china')).toBe(0);
    expect(byOrdersOf(second!, 'russia')[0]?.cause).toBe(
      "Russia refused the US's amendment adding a verification mechanism to the PPWT",
    );
  });

  it('only a sponsor answers, only the round after, and an amendment is not proposed twice', () => {
    const [first] = playRounds([{ us: [usAmends] }]);
    const w = first!.w;
    expect(ordersProblem(w, 'us', [answer('accept')])).toMatch(
      /Only the sponsors of a text answer amendments/,
    );
    expect(ordersProblem(w, 'china', [answer('accept')])).toBeUndefined();
    expect(ordersProblem(w, 'russia', [usAmends])).toMatch(/already waiting for the sponsors’ answer/);
    expect(ordersProblem(worldWith(), 'china', [answer('accept')])).toMatch(/No such amendment/);
  });

  it('adoption lets pending amendments lapse', () => {
    const near = worldWith({ drafts: { ppwt: { momentum: 64 } } });
    const r = resolveWith(
      { us: [{ kind: 'coSponsor', draft: 'ppwt' }], china: [{ ...usAmends, clause: 'groundBasedAsat' }] },
      near,
    );
    // China is a sponsor: its amendment applied at once; adoption left nothing pending.
    expect(r.w.drafts.ppwt).toMatchObject({ adoptedRound: 1, amendments: [] });
    expect(r.w.drafts.ppwt.clauses.groundBasedAsat).toBe(true);
  });
});

/** The PPWT adopted in round 1, as the round-2 orders find it. */
const adopted = (over: Partial<World['drafts']['ppwt']> = {}) =>
  worldWith({ round: 1, drafts: { ppwt: { adoptedRound: 1, momentum: 70, ...over } } });
const coOrbital: Order = { kind: 'buildCounterspace', weapon: 'coOrbital' };

describe('an adopted text is signed, then ratified; only parties are bound', () => {
  it('adoption binds nobody: a co-orbital build by a delegation that did not sign breaks nothing', () => {
    const r = resolveWith({ us: [coOrbital] }, adopted());
    expect(r.w.drafts.ppwt.parties).toEqual([]);
    expect(r.w.violations).toEqual([]);
  });

  it('signing records the signature and a word; ratifying is possible only from a later round', () => {
    const sign: Order = { kind: 'signTreaty', draft: 'ppwt' };
    const ratify: Order = { kind: 'ratifyTreaty', draft: 'ppwt' };
    expect(ordersProblem(worldWith(), 'us', [sign])).toMatch(/Only a text the CD has adopted/);
    expect(ordersProblem(adopted(), 'us', [sign, ratify])).toMatch(/Sign the text first/);
    const [signed, ratified] = playRounds([{ us: [sign], china: [sign] }, { us: [ratify] }], adopted());
    expect(signed?.w.drafts.ppwt.signatures).toEqual([
      { by: 'us', round: 2 },
      { by: 'china', round: 2 },
    ]);
    expect(signed?.w.delegations.us.commitments.at(-1)).toMatchObject({
      kind: 'sign',
      text: 'Signed the PPWT',
    });
    expect(ordersProblem(signed!.w, 'us', [sign])).toMatch(/already signed/);
    expect(ratified?.w.drafts.ppwt.parties).toEqual(['us']);
    expect(effects(byOrdersOf(ratified!, 'us'))).toEqual({ 'legitimacy.us': RATIFICATION_LEGITIMACY });
    expect(ordersProblem(ratified!.w, 'us', [ratify])).toMatch(/already a party/);
  });

  it('the second ratification puts the treaty in force between the two parties: tension falls', () => {
    const ratify: Order = { kind: 'ratifyTreaty', draft: 'ppwt' };
    const world = adopted({
      signatures: [
        { by: 'us', round: 1 },
        { by: 'china', round: 1 },
      ],
    });
    const r = resolveWith({ us: [ratify], china: [ratify] }, world);
    expect(r.w.drafts.ppwt.parties).toEqual(['us', 'china']);
    const entry = r.changes.filter((c) => /entered into force/.test(c.cause));
    expect(entry.map((c) => [c.target, c.delta, c.cause])).toEqual([
      ['tension', ENTRY_INTO_FORCE_TENSION, 'The PPWT entered into force between the US and China'],
    ]);
  });

  it('only parties are bound: the same build breaches the PPWT for a party, not for a delegation outside it', () => {
    const world = adopted({ parties: ['china', 'russia'] });
    expect(resolveWith({ us: [coOrbital] }, world).w.violations).toEqual([]);
    const party = resolveWith({ china: [coOrbital] }, world).w.violations.map((v) => v.rule);
    expect(party).toContain('PPWT');
  });

  it('a signatory that has not ratified is flagged too, and a detected breach costs it less than a party', () => {
    const world = (s: number) =>
      reseeded(adopted({ signatures: [{ by: 'us', round: 1 }], parties: ['china', 'russia'] }), s);
    const { r } = seedWhere(
      50,
      world,
      { us: [coOrbital] },
      (x) => (x.w.violations[0]?.detectedBy.length ?? 0) > 0,
    );
    expect(r.w.violations.map((v) => v.rule)).toEqual(['PPWT (signed, not ratified)']);
    expect(moved(byOrdersOf(r, 'us'), 'legitimacy.us')).toBe(BREACH_LEGITIMACY.signatory);
    expect(BREACH_LEGITIMACY.signatory).toBeGreaterThan(BREACH_LEGITIMACY.party); // less negative
    expect(BREACH_LEGITIMACY.signatory).toBeLessThan(0);
  });

  it('the class sees what is open for signature, who signed and who ratified, and amendments waiting', () => {
    const [first] = playRounds([{ us: [usAmends] }]);
    expect(viewFor(first!.w, 'public').drafts.ppwt.amendments).toEqual([
      { clause: 'verification', by: 'us', round: 1 },
    ]);
    const w = adopted({ signatures: [{ by: 'us', round: 1 }], parties: ['china'] });
    expect(viewFor(w, 'public').drafts.ppwt).toMatchObject({
      adoptedRound: 1,
      signatures: [{ by: 'us', round: 1 }],
      parties: ['china'],
    });
  });
});

describe('verification is real', () => {
  const verified = (verification: boolean) =>
    adopted({
      parties: ['us', 'china', 'russia'],
      clauses: { verification, groundBasedAsat: false, definitions: true },
    });
  /** Over 200 seeded worlds, in how many China catches what the US did. */
  const chinaCatches = (world: World, orders: Order[], caught: (w: World) => boolean) => {
    let n = 0;
    for (let seed = 1; seed <= 200; seed++)
      if (caught(resolveWith({ us: orders }, reseeded(world, seed)).w)) n++;
    return n;
  };

  it('a breach by a party of a text with a verification clause is detected far more often', () => {
    const breachSeen = (w: World) =>
      w.violations.some((v) => v.rule === 'PPWT' && v.detectedBy.includes('china'));
    const without = chinaCatches(verified(false), [coOrbital], breachSeen);
    const withClause = chinaCatches(verified(true), [coOrbital], breachSeen);
    // China at SSA 2: 54% without, 94% with; the margin allows for the draws.
    expect(without).toBeGreaterThan(80);
    expect(without).toBeLessThan(140);
    expect(withClause - without).toBeGreaterThan(50);
  });

  it('a party of a verified text accepts inspection: its covert builds are caught more often', () => {
    const jammers: Order[] = [{ kind: 'buildCounterspace', weapon: 'jamming' }];
    const buildSeen = (w: World) => w.covert.some((c) => c.by === 'us' && c.knownTo.includes('china'));
    const without = chinaCatches(verified(false), jammers, buildSeen);
    const withClause = chinaCatches(verified(true), jammers, buildSeen);
    // China at SSA 2: 51% without, 76% with.
    expect(withClause - without).toBeGreaterThan(25);
  });

  it('a delegation outside the verified text is not inspected', () => {
    const outside = adopted({
      parties: ['china', 'russia'],
      clauses: { verification: true, groundBasedAsat: false, definitions: true },
    });
    const jammers: Order[] = [{ kind: 'buildCounterspace', weapon: 'jamming' }];
    const buildSeen = (w: World) => w.covert.some((c) => c.by === 'us' && c.knownTo.includes('china'));
    // The same draws as the unverified world: the seed decides, not the clause.
    expect(chinaCatches(outside, jammers, buildSeen)).toBe(chinaCatches(verified(false), jammers, buildSeen));
  });
});
