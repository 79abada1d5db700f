/**
 * Event cards as the rules play them: the one executor (revealCards) for every effect kind, seeded draws, the
 * scenarios played through to the end with their scripted cards, the teacher's injects, and what each viewer
 * may see of a card.
 */
import { describe, expect, it } from 'vitest';
import { Card, type Effect, type NumberEffect } from '../../shared/content/card.ts';
import type { ScenarioSummary } from '../../shared/content/scenario.ts';
import { DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import {
  customCard,
  drawCards,
  ILRS_PARTNERS_ALIGNMENT,
  POOL_YEARS,
  poolFor,
  revealCards,
} from '../../shared/rules/cards.ts';
import type { Change, World } from '../../shared/rules/model.ts';
import { type Order, ordersProblem } from '../../shared/rules/orders.ts';
import { newWorld, resolveRound } from '../../shared/rules/resolve.ts';
import { viewFor } from '../../shared/rules/views.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import type { RulesContext } from '../../shared/session/commands/handler.ts';
import type { Actor, SessionCommand, SessionEvent } from '../../shared/session/commands.ts';
import { defaultSettings, newSession, type SessionModel } from '../../shared/session/model.ts';
import { readTarget } from './rules/testWorld.ts';
import {
  accept,
  ctx,
  deepFreeze,
  member,
  refuse,
  SCENARIOS,
  system,
  teacher,
  testSession,
} from './testSession.ts';

const YEARS = [2015, 2016, 2017];
const deck = new Map(ctx.cards.map((c) => [c.id, c]));
const cardById = (id: string): Card => {
  const card = deck.get(id);
  if (!card) throw new Error(`no card ${id} in the deck`);
  return card;
};
const shipped = SCENARIOS.filter((s) => s.id !== 'two-rounds');

/** A card as content declares it, checked by the same schema, with the effects given. */
function testCard(id: string, effects: Effect[], extra: Partial<Card> = {}): Card {
  return Card.parse({
    id,
    timelineId: 'X99',
    date: '2015-06',
    title: `Test event ${id}`,
    arena: 'orbit',
    actors: ['Nobody'],
    briefing:
      'Something happened in orbit that moves the world a little. It is only a test, and the class never sees it.',
    source: { paper: ['Liu 2024'], documents: [], inPaper: true, checked: 'confirmed' },
    effects,
    prompts: [],
    teacherNotes: 'A test card: every kind of effect, once.',
    debrief: 'What did this test change, and for whom?',
    ...extra,
  });
}

/** Every effect kind once, over two cards (a card carries at most 8 effects). */
const KINDS_A: Effect[] = [
  { kind: 'tension', delta: 4 },
  { kind: 'debris', delta: 6 },
  { kind: 'alignment', delta: -3 },
  { kind: 'momentum', draft: 'tcbm', delta: 5 },
  { kind: 'prestige', delegation: 'china', delta: 2 },
  { kind: 'legitimacy', delegation: 'russia', delta: -2 },
  { kind: 'threat', felt: 'us', from: 'china', delta: 3 },
  { kind: 'capability', delegation: 'russia', capability: 'counterspace.coOrbital', delta: 1 },
];
const KINDS_B: Effect[] = [
  { kind: 'budget', delegation: 'us', delta: -2 },
  { kind: 'income', delegation: 'china', delta: 1 },
  { kind: 'lunarPartners', bloc: 'ilrs', delta: 5 },
  { kind: 'measure', measure: 'hotline', endorsers: ['us', 'russia'] },
];
const TARGETS: Record<NumberEffect['kind'], string> = {
  tension: 'tension',
  debris: 'debris',
  alignment: 'alignment',
  momentum: 'draft.tcbm.momentum',
  prestige: 'prestige.china',
  legitimacy: 'legitimacy.russia',
  threat: 'threat.us.china',
  capability: 'capability.russia.counterspace.coOrbital',
  budget: 'budget.us',
  income: 'income.china',
  lunarPartners: 'lunarPartners.ilrs',
};
/** A change target's value, budget included (the rules tests' reader has no budget). */
const readValue = (w: World, target: string) => {
  const [head, d] = target.split('.');
  return head === 'budget' ? w.delegations[d as Delegation].budget : readTarget(w, target);
};
const byCard = (changes: readonly Change[], id: string) =>
  changes.filter((c) => c.source.kind === 'card' && c.source.card === id);
/**
 * The deltas a card records, in the order of its effects: each number it moves, and the alignment a lunar
 * membership adds when it makes China and Russia partners in the ILRS (`founds`).
 */
const recordedDeltas = (card: Pick<Card, 'effects'>, founds: boolean) =>
  card.effects.flatMap((e) =>
    'delta' in e
      ? [e.delta]
      : e.kind === 'lunarMember' && e.bloc === 'ilrs' && founds
        ? [ILRS_PARTNERS_ALIGNMENT]
        : [],
  );
/** Whether a card makes China and Russia both ILRS members in world `w` (they were not both before). */
const foundsIlrs = (card: Pick<Card, 'effects'>, w: World) =>
  !(w.lunar.ilrs.members.includes('china') && w.lunar.ilrs.members.includes('russia')) &&
  card.effects.some(
    (e) =>
      e.kind === 'lunarMember' &&
      e.bloc === 'ilrs' &&
      ['china', 'russia'].every(
        (d) => w.lunar.ilrs.members.includes(d as Delegation) || e.members.includes(d as Delegation),
      ) &&
      !['china', 'russia'].some((d) => w.lunar.artemis.members.includes(d as Delegation)),
  );

describe('revealCards: the one executor', () => {
  const a = testCard('test-kinds-a', KINDS_A);
  const b = testCard('test-kinds-b', KINDS_B, { date: '2016' });
  const before = deepFreeze(newWorld(1, YEARS));
  const after = revealCards(before, [a, b], 1);

  it.each(
    [...KINDS_A.map((e) => [a, e] as const), ...KINDS_B.map((e) => [b, e] as const)]
      .filter(([, e]) => e.kind !== 'measure')
      .map(([card, e]) => [e.kind, card, e] as const),
  )('applies a %s effect once, as a change caused by the card', (_, card, e) => {
    if (!('delta' in e)) return;
    const target = TARGETS[e.kind];
    const changes = after.changes.filter((c) => c.target === target);
    expect(changes).toEqual([
      {
        round: 1,
        target,
        delta: e.delta,
        after: readValue(before, target) + e.delta,
        cause: `Event: ${card.title}`,
        source: { kind: 'card', card: card.id },
        visibleTo: 'all',
      },
    ]);
    expect(readValue(after, target)).toBe(readValue(before, target) + e.delta);
  });

  it('puts a measure into force between its endorsers, proposed this round', () => {
    expect(before.measures.hotline).toBeUndefined();
    expect(after.measures.hotline).toEqual({ endorsers: ['us', 'russia'], proposedRound: 1 });
    // Endorsers already there are not added twice; the original proposal round is kept.
    const again = revealCards(after, [testCard('test-hotline', [KINDS_B[3] as Effect])], 2);
    expect(again.measures.hotline).toEqual({ endorsers: ['us', 'russia'], proposedRound: 1 });
    const nfp = revealCards(
      before,
      [testCard('test-nfp', [{ kind: 'measure', measure: 'noFirstPlacement', endorsers: ['us', 'china'] }])],
      1,
    );
    expect(nfp.measures.noFirstPlacement).toEqual({ endorsers: ['china', 'russia', 'us'], proposedRound: 0 });
  });

  it('records exactly one change per effect that moves a number, and nothing else changes', () => {
    expect(after.changes).toHaveLength(KINDS_A.length + KINDS_B.length - 1);
    expect(byCard(after.changes, a.id)).toHaveLength(KINDS_A.length);
    expect(byCard(after.changes, b.id)).toHaveLength(KINDS_B.length - 1);
    const moved = new Set(Object.values(TARGETS));
    // Every other number is where it was: read each delegation's and the world's plain indicators.
    for (const target of [
      'tension',
      'debris',
      'alignment',
      'draft.ppwt.momentum',
      'draft.verification.momentum',
      'lunarPartners.artemis',
      ...DELEGATIONS.flatMap((d) => [
        `prestige.${d}`,
        `legitimacy.${d}`,
        `income.${d}`,
        `budget.${d}`,
        ...DELEGATIONS.filter((o) => o !== d).map((o) => `threat.${d}.${o}`),
        `capability.${d}.counterspace.jamming`,
        `capability.${d}.satellites.leo`,
        `capability.${d}.missileWarning`,
        `capability.${d}.lunar`,
      ]),
    ]) {
      if (!moved.has(target)) expect(readValue(after, target), target).toBe(readValue(before, target));
    }
    expect(after.rng).toEqual(before.rng);
    expect(after.round).toBe(before.round);
  });

  it('tells the story and keeps the card, without its effects, in the world', () => {
    expect(after.story).toEqual([
      { round: 1, text: `New card: ${a.title} (2015-06).`, visibleTo: 'all' },
      // A measure leaves no indicator change, so the story says who now backs it.
      {
        round: 1,
        text: `Event: ${b.title}: a space hotline between capitals is now backed by United States, Russia.`,
        visibleTo: 'all',
      },
      { round: 1, text: `New card: ${b.title} (2016).`, visibleTo: 'all' },
    ]);
    expect(after.cards.map((c) => [c.round, c.card.id, c.injected, c.audience])).toEqual([
      [1, a.id, false, undefined],
      [1, b.id, false, undefined],
    ]);
    const { effects: _, audience: __, ...text } = a;
    expect(after.cards[0]?.card).toEqual(text);
  });

  it('never changes the world it is given, and returns it as it is for no card', () => {
    // `before` is deeply frozen: a write would have thrown.
    expect(before.changes).toEqual([]);
    expect(revealCards(before, [], 1)).toBe(before);
  });

  it('a card played by the teacher says so', () => {
    const w = revealCards(before, [a], 1, true);
    expect(w.story).toEqual([
      { round: 1, text: `The teacher played a card: ${a.title} (2015-06).`, visibleTo: 'all' },
    ]);
    expect(w.cards[0]?.injected).toBe(true);
  });

  it('clamps at the end of a scale, and the change still names its cause', () => {
    const hot = deepFreeze({ ...newWorld(1, YEARS), tension: 98 });
    const w = revealCards(hot, [testCard('test-hot', [{ kind: 'tension', delta: 5 }])], 1);
    expect(w.tension).toBe(100);
    expect(byCard(w.changes, 'test-hot')).toMatchObject([{ delta: 5, after: 100 }]);
  });

  it('sums two cards on one target before clamping, each change keeping its own card', () => {
    const w = revealCards(
      deepFreeze({ ...newWorld(1, YEARS), tension: 95 }),
      [
        testCard('test-up', [{ kind: 'tension', delta: 10 }]),
        testCard('test-down', [{ kind: 'tension', delta: -8 }]),
      ],
      1,
    );
    expect(w.tension).toBe(97);
    expect(w.changes.map((c) => [c.source, c.delta, c.after])).toEqual([
      [{ kind: 'card', card: 'test-up' }, 10, 97],
      [{ kind: 'card', card: 'test-down' }, -8, 97],
    ]);
  });

  it('an intelligence card’s changes and story line go to its audience only', () => {
    const intel = testCard('test-intel', [{ kind: 'tension', delta: 2 }], { audience: ['russia'] });
    const w = revealCards(before, [intel], 1);
    expect(w.changes.map((c) => c.visibleTo)).toEqual([['russia']]);
    expect(w.story.map((s) => s.visibleTo)).toEqual([['russia']]);
    expect(w.cards[0]?.audience).toEqual(['russia']);
  });

  it('a teacher’s card is a card like any other, with no source and the year of the round', () => {
    const mine = customCard(
      {
        title: 'A solar storm',
        briefing: 'A storm knocks out satellites.',
        arena: 'orbit',
        effects: [{ kind: 'debris', delta: 3 }],
      },
      'custom-1',
      2016,
    );
    const w = revealCards(before, [mine], 2, true);
    expect(w.cards[0]).toMatchObject({
      round: 2,
      injected: true,
      card: { id: 'custom-1', date: '2016', source: undefined, timelineId: undefined },
    });
    expect(byCard(w.changes, 'custom-1')).toMatchObject([{ target: 'debris', delta: 3, round: 2 }]);
  });

  it.each(ctx.cards.map((c) => [c.id, c] as const))(
    'shipped card %s applies each of its effects once',
    (_, card) => {
      const w = revealCards(before, [card], 1);
      expect(byCard(w.changes, card.id).map((c) => c.delta)).toEqual(
        recordedDeltas(card, foundsIlrs(card, before)),
      );
      expect(w.changes.every((c) => c.source.kind === 'card' && c.source.card === card.id)).toBe(true);
      expect(w.cards).toHaveLength(1);
    },
  );
});

describe('effects that change what the world holds, not a number', () => {
  /** The PPWT scenario's 2006 world: no text tabled, no pledge, no ban. */
  const early = deepFreeze(
    newWorld(5, [2006, 2008], {
      asOf: 2006,
      debris: 10,
      alignment: 30,
      ppwtTabled: false,
      noFirstPlacement: false,
      wolfAmendment: false,
    }),
  );
  const tablePpwt = testCard(
    'test-table',
    [{ kind: 'table', draft: 'ppwt', sponsors: ['russia', 'china'] }],
    {
      source: { paper: ['Liu 2024'], documents: ['CD/1839'], inPaper: true, checked: 'confirmed' },
      date: '2008-02-12',
    },
  );

  it('tables a draft with its sponsors, each bound by it as a sponsor who tabled it by order', () => {
    const w = revealCards(early, [tablePpwt], 2);
    expect(w.drafts.ppwt).toMatchObject({ tabled: true, sponsors: ['russia', 'china'] });
    for (const d of ['russia', 'china'] as const)
      expect(w.delegations[d].commitments).toEqual([
        { round: 2, kind: 'sponsor', pledge: 'noFirstPlacement', text: 'Sponsored the PPWT (CD/1839, 2008)' },
      ]);
    expect(w.delegations.us.commitments).toEqual([]);
    expect(w.changes).toEqual([]); // no number moves: momentum comes from the card's own momentum effect
    expect(w.story[0]?.text).toBe(
      `Event: ${tablePpwt.title}: the PPWT is now on the table, sponsored by Russia, China.`,
    );
  });

  it('tables a text already on the table without counting its sponsors twice', () => {
    const once = revealCards(early, [tablePpwt], 2);
    const twice = revealCards(once, [testCard('test-retable', tablePpwt.effects, { date: '2014-06-10' })], 3);
    expect(twice.drafts.ppwt.sponsors).toEqual(['russia', 'china']);
    expect(twice.delegations.russia.commitments).toHaveLength(1);
    // The 2015 world already has the revised text on the table: a new sponsor joins, the others stay once.
    const start = deepFreeze(newWorld(5, YEARS));
    const joined = revealCards(
      start,
      [testCard('test-join', [{ kind: 'table', draft: 'ppwt', sponsors: ['china', 'us'] }])],
      1,
    );
    expect(joined.drafts.ppwt.sponsors).toEqual(['china', 'russia', 'us']);
    expect(joined.delegations.us.commitments.map((c) => c.pledge)).toEqual(['noFirstPlacement']);
    expect(joined.delegations.china.commitments).toEqual(start.delegations.china.commitments);
  });

  it('tables another text with a restraint pledge, and leaves an adopted text alone', () => {
    const code = revealCards(
      early,
      [testCard('test-code', [{ kind: 'table', draft: 'tcbm', sponsors: ['us'] }])],
      1,
    );
    expect(code.drafts.tcbm).toMatchObject({ tabled: true, sponsors: ['us'] });
    expect(code.delegations.us.commitments.map((c) => c.pledge)).toEqual(['restraint']);
    const adopted = deepFreeze({
      ...early,
      drafts: { ...early.drafts, tcbm: { ...early.drafts.tcbm, adoptedRound: 1, parties: ['us' as const] } },
    });
    const w = revealCards(
      adopted,
      [testCard('test-late', [{ kind: 'table', draft: 'tcbm', sponsors: ['china'] }])],
      2,
    );
    expect(w.drafts.tcbm).toEqual(adopted.drafts.tcbm);
    expect(w.delegations.china.commitments).toEqual([]);
  });

  it('makes founders members of a lunar bloc, and counts the ILRS partnership’s alignment once', () => {
    const start = deepFreeze(newWorld(5, YEARS));
    const artemis = revealCards(start, [cardById('p54-artemis-accords')], 6);
    expect(artemis.lunar.artemis.members).toEqual(['us']);
    const ilrs = cardById('p57-ilrs-agreement');
    const w = revealCards(artemis, [ilrs], 7);
    expect(w.lunar.ilrs.members).toEqual(['china', 'russia']);
    expect(byCard(w.changes, ilrs.id).filter((c) => c.target === 'alignment')).toEqual([
      expect.objectContaining({ delta: ILRS_PARTNERS_ALIGNMENT, cause: `Event: ${ilrs.title}` }),
    ]);
    expect(w.alignment).toBe(artemis.alignment + ILRS_PARTNERS_ALIGNMENT);
    // Revealed again (a teacher's copy of the event), nothing is counted twice.
    const again = revealCards(
      w,
      [
        testCard(
          'test-ilrs-again',
          ilrs.effects.filter((e) => e.kind === 'lunarMember'),
        ),
      ],
      8,
    );
    expect(again.lunar.ilrs.members).toEqual(['china', 'russia']);
    expect(again.alignment).toBe(w.alignment);
  });

  it.each<[string, Partial<World['lunar']>, boolean, string[]]>([
    [
      'both already partners by their own orders',
      { ilrs: { members: ['china', 'russia'], partners: 3 } },
      false,
      ['china', 'russia'],
    ],
    [
      'China already in, Russia joins with the card',
      { ilrs: { members: ['china'], partners: 2 } },
      true,
      ['china', 'russia'],
    ],
    [
      'Russia already in the Artemis Accords',
      { artemis: { members: ['us', 'russia'], partners: 9 } },
      false,
      ['china'],
    ],
  ])('ILRS founders when %s: alignment added %s', (_, lunar, adds, members) => {
    const start = newWorld(5, YEARS);
    const w0 = deepFreeze({ ...start, lunar: { ...start.lunar, ...lunar } });
    const w = revealCards(w0, [cardById('p57-ilrs-agreement')], 7);
    expect(w.lunar.ilrs.members).toEqual(members);
    expect(w.alignment - w0.alignment).toBe(adds ? ILRS_PARTNERS_ALIGNMENT : 0);
    expect(w.lunar.artemis).toEqual(w0.lunar.artemis);
  });

  it('puts a standing ban in force once, as the starting world holds the Wolf Amendment', () => {
    const wolf = cardById('p32-wolf-amendment');
    const w = revealCards(early, [wolf], 3);
    expect(w.sanctions).toEqual(newWorld(5, YEARS).sanctions);
    const again = revealCards(
      w,
      [
        testCard(
          'test-wolf',
          wolf.effects.filter((e) => e.kind === 'sanction'),
        ),
      ],
      4,
    );
    expect(again.sanctions).toEqual(w.sanctions);
  });

  it('refuses a card that sanctions its own delegation', () => {
    expect(
      Card.safeParse({
        ...tablePpwt,
        effects: [{ kind: 'sanction', sanction: 'wolfAmendment', by: 'us', target: 'us' }],
      }).success,
    ).toBe(false);
  });
});

describe('a round’s cards in date order', () => {
  const start = deepFreeze(newWorld(2, [2022]));
  const on = (id: string, date: string) => testCard(id, [{ kind: 'tension', delta: 1 }], { date });

  // Regression: the 'no limits' statement (4 February 2022) was revealed after the invasion (24 February).
  it('reveals a batch oldest first, whatever order it was given in', () => {
    const w = revealCards(
      start,
      [cardById('p61-ukraine-invasion-2022'), cardById('x05-no-limits-statement-2022')],
      1,
    );
    expect(w.cards.map((c) => c.card.id)).toEqual([
      'x05-no-limits-statement-2022',
      'p61-ukraine-invasion-2022',
    ]);
    expect(w.story.filter((l) => l.text.startsWith('New card')).map((l) => l.text)).toEqual([
      `New card: ${cardById('x05-no-limits-statement-2022').title} (2022-02-04).`,
      `New card: ${cardById('p61-ukraine-invasion-2022').title} (2022-02-24).`,
    ]);
  });

  it('keeps the given order for equal dates, and puts a date known only to the year or month first', () => {
    const w = revealCards(
      start,
      [on('test-c', '2022-02-24'), on('test-a', '2022-02-24'), on('test-m', '2022-02'), on('test-y', '2022')],
      1,
    );
    expect(w.cards.map((c) => c.card.id)).toEqual(['test-y', 'test-m', 'test-c', 'test-a']);
    expect(w.changes.map((c) => c.source)).toEqual(
      ['test-y', 'test-m', 'test-c', 'test-a'].map((card) => ({ kind: 'card', card })),
    );
  });
});

describe('poolFor: a pool card is drawn only near its date', () => {
  const pool = [
    ['p53-china-opposes-space-missile-defence-2020', 2020],
    ['p56-yf130-engine-test-2021', 2021],
    ['p62-cosmos-2558-2022', 2022],
    ['p64-pars-1-launch-2024', 2024],
  ].map(([id]) => cardById(id as string));

  it.each<[number, string[]]>([
    [2019, []],
    [2020, ['p53-china-opposes-space-missile-defence-2020']],
    [
      2022,
      ['p53-china-opposes-space-missile-defence-2020', 'p56-yf130-engine-test-2021', 'p62-cosmos-2558-2022'],
    ],
    [2023, ['p56-yf130-engine-test-2021', 'p62-cosmos-2558-2022']],
    [2024, ['p62-cosmos-2558-2022', 'p64-pars-1-launch-2024']],
    [2027, []],
  ])('in %i: %j', (year, ids) => {
    expect(poolFor(pool, year).map((c) => c.id)).toEqual(ids);
  });

  it('never brings a card from the future nor one more than POOL_YEARS old', () => {
    for (const scenario of shipped)
      for (const round of scenario.rounds)
        for (const c of poolFor(scenario.pool.map(cardById), round.year)) {
          const y = Number(c.date.slice(0, 4));
          expect(y).toBeLessThanOrEqual(round.year);
          expect(y).toBeGreaterThanOrEqual(round.year - POOL_YEARS);
        }
  });
});

describe('drawCards', () => {
  const pool = [
    'p33-partnership-new-stage-2014',
    'p35-rogozin-technical-alliance',
    'p38-s400-sale-2014',
    'p41-shared-future-wording',
    'p47-energomash-casc-2018',
  ].map(cardById);
  const w = deepFreeze(newWorld(7, YEARS));

  it('draws the same cards for the same seed, and moves the generator on', () => {
    const [first, after] = drawCards(w, pool, 2);
    const [again] = drawCards(w, pool, 2);
    expect(again).toEqual(first);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    expect(after.rng).not.toEqual(w.rng);
    const [next] = drawCards(after, pool, 2);
    expect(next).toHaveLength(2);
  });

  it('other seeds draw other cards', () => {
    const draws = new Set<string>();
    for (let seed = 1; seed <= 20; seed++)
      draws.add(drawCards(newWorld(seed, YEARS), pool, 1)[0][0]?.id ?? '');
    expect(draws.size).toBeGreaterThan(2);
  });

  it('never draws a card already revealed, and stops when the pool is empty', () => {
    const seen = revealCards(w, pool.slice(0, 3), 1);
    for (let seed = 1; seed <= 20; seed++) {
      const [drawn] = drawCards({ ...seen, rng: newWorld(seed, YEARS).rng }, pool, 5);
      expect(drawn.map((c) => c.id).sort()).toEqual(
        pool
          .slice(3)
          .map((c) => c.id)
          .sort(),
      );
    }
    expect(drawCards(w, pool, 0)).toEqual([[], w]);
    expect(drawCards(w, [], 2)[0]).toEqual([]);
  });
});

// ---- Sessions: scenarios played to the end ----

const ALL_SEATED = ['Ana@us', 'Wei@china', 'Sasha@russia'];

/** Simple orders a delegation can afford in any world, chosen greedily so every list passes the checks. */
function someOrders(w: World, d: Delegation): Order[] {
  const candidates: Order[] = [
    { kind: 'statement', stance: 'restraint', text: `${d} seeks no arms race in orbit.` },
    { kind: 'launchSatellites', regime: 'leo', count: 1 },
    { kind: 'buildSsa' },
    { kind: 'debrisMitigation' },
  ];
  const chosen: Order[] = [];
  for (const o of candidates) if (!ordersProblem(w, d, [...chosen, o])) chosen.push(o);
  return chosen;
}

interface Played {
  final: SessionModel;
  /** Per round, the cards revealed at its start: the scripted ones, then the drawn ones. */
  revealed: { round: number; scripted: string[]; drawn: string[] }[];
  events: SessionEvent[];
}

function run(state: SessionModel, actor: Actor, command: SessionCommand, context: RulesContext) {
  const outcome = applyCommand(state, actor, command, context);
  if (!outcome.ok) expect.fail(`${command.type} was refused: ${outcome.refusal.message}`);
  return outcome;
}

/** Plays a whole session of `scenario` with `seed`: three seated students, orders each round, to the end. */
function playThrough(scenario: ScenarioSummary, seed: number, context: RulesContext = ctx): Played {
  let s = newSession('7KQ3MX', seed, defaultSettings(scenario));
  const events: SessionEvent[] = [];
  const step = (actor: Actor, command: SessionCommand) => {
    const o = run(s, actor, command, context);
    s = o.state;
    events.push(...o.events);
    return o.events;
  };
  for (const spec of ALL_SEATED) {
    const [nickname, seat] = spec.split('@') as [string, Delegation];
    const joined = step(system, { type: 'joinSession', nickname });
    const id = joined.find((e) => e.type === 'memberJoined')?.memberId as string;
    step(teacher, { type: 'assignSeat', memberId: id, seat });
  }
  const revealed: Played['revealed'] = [];
  const noteReveals = (evs: SessionEvent[]) => {
    const round = evs.find((e) => e.type === 'phaseBegan' && e.phase === 'briefing');
    if (round?.type !== 'phaseBegan') return;
    const ids = evs.flatMap((e) => (e.type === 'cardRevealed' ? [e.cardId] : []));
    const plan = scenario.rounds[round.round - 1];
    revealed.push({
      round: round.round,
      scripted: ids.filter((id) => plan?.cards.includes(id)),
      drawn: ids.filter((id) => !plan?.cards.includes(id)),
    });
  };
  noteReveals(step(teacher, { type: 'startSession' }));
  while (s.stage === 'playing') {
    if (s.phase === 'orders' && s.world) {
      for (const [i, d] of DELEGATIONS.entries()) {
        const who = member(`m${i + 1}`);
        step(who, { type: 'setOrders', orders: someOrders(s.world, d) });
        step(who, { type: 'submitOrders' });
      }
    }
    noteReveals(step(teacher, { type: 'advancePhase' }));
  }
  return { final: s, revealed, events };
}

describe.each(shipped.map((s) => [s.id, s] as const))('the %s scenario played to the end', (_, scenario) => {
  const seeds = [1, 2, 3, 17, 4242];
  const games = seeds.map((seed) => playThrough(scenario, seed));

  it('plays every round and ends, with the world resolved once a round', () => {
    for (const { final } of games) {
      expect(final.stage).toBe('ended');
      expect(final.world?.round).toBe(scenario.rounds.length);
      expect(final.settings.years).toEqual(scenario.years);
    }
  });

  it('reveals each round’s scripted cards at its start, in order, exactly once', () => {
    for (const { final, revealed } of games) {
      expect(revealed.map((r) => r.round)).toEqual(scenario.rounds.map((_, i) => i + 1));
      for (const [i, plan] of scenario.rounds.entries()) {
        expect(revealed[i]?.scripted).toEqual(plan.cards);
        for (const id of plan.cards) {
          expect(
            final.world?.cards.filter((c) => c.card.id === id).map((c) => c.round),
            id,
          ).toEqual([i + 1]);
        }
      }
      const ids = final.world?.cards.map((c) => c.card.id) ?? [];
      expect(new Set(ids).size).toBe(ids.length);
      expect(final.world?.cards.every((c) => !c.injected)).toBe(true);
    }
  });

  it('applies every revealed card: each effect is a change of its round caused by the card', () => {
    for (const { final } of games) {
      const w = final.world as World;
      for (const rc of w.cards) {
        const card = cardById(rc.card.id);
        const changes = byCard(w.changes, card.id);
        // These sessions give no lunar orders: a card founding the ILRS always finds it empty.
        expect(
          changes.map((c) => c.delta),
          card.id,
        ).toEqual(recordedDeltas(card, true));
        expect(changes.every((c) => c.round === rc.round && c.cause === `Event: ${card.title}`)).toBe(true);
        for (const e of card.effects) {
          if (e.kind === 'measure')
            for (const d of e.endorsers) expect(w.measures[e.measure]?.endorsers).toContain(d);
          if (e.kind === 'lunarMember')
            for (const d of e.members) expect(w.lunar[e.bloc].members).toContain(d);
          if (e.kind === 'table') {
            expect(w.drafts[e.draft].tabled, card.id).toBe(true);
            for (const d of e.sponsors) expect(w.drafts[e.draft].sponsors).toContain(d);
          }
        }
      }
      // No change names a card that was not revealed.
      const shown = new Set(w.cards.map((c) => c.card.id));
      for (const c of w.changes)
        if (c.source.kind === 'card') expect(shown.has(c.source.card), c.source.card).toBe(true);
      // At the end everyone reads each card, but its teacher notes stay the teacher's.
      expect(viewFor(w, 'public', true).cards).toEqual(
        w.cards.map((c) => ({ ...c, card: { ...c.card, teacherNotes: '' } })),
      );
      expect(viewFor(w, 'teacher', true).cards).toEqual(w.cards);
    }
  });

  it('draws the round’s number of cards from the pool, never dated after the round’s year nor long before it', () => {
    for (const { revealed } of games) {
      const seen = new Set<string>();
      for (const [i, plan] of scenario.rounds.entries()) {
        const { drawn, scripted } = revealed[i] ?? { drawn: [], scripted: [] };
        const eligible = scenario.pool.filter(
          (id) =>
            Number(cardById(id).date.slice(0, 4)) <= plan.year &&
            Number(cardById(id).date.slice(0, 4)) >= plan.year - POOL_YEARS &&
            !seen.has(id) &&
            !plan.cards.includes(id),
        );
        expect(drawn.length).toBe(Math.min(plan.draw, eligible.length));
        for (const id of drawn) {
          expect(scenario.pool).toContain(id);
          expect(Number(cardById(id).date.slice(0, 4)), `${id} drawn in ${plan.year}`).toBeLessThanOrEqual(
            plan.year,
          );
          expect(Number(cardById(id).date.slice(0, 4)), `${id} drawn in ${plan.year}`).toBeGreaterThanOrEqual(
            plan.year - POOL_YEARS,
          );
          expect(seen.has(id)).toBe(false);
        }
        for (const id of [...scripted, ...drawn]) seen.add(id);
      }
    }
  });

  it('is deterministic: the same seed and the same commands draw the same cards and end in the same state', () => {
    const again = playThrough(scenario, seeds[0] as number);
    expect(again.revealed).toEqual(games[0]?.revealed);
    expect(again.events).toEqual(games[0]?.events);
    expect(again.final).toEqual(games[0]?.final);
  });
});

describe('draws across seeds', () => {
  const campaign = SCENARIOS.find((s) => s.id === 'campaign') as ScenarioSummary;

  it('differ from seed to seed in the campaign', () => {
    const draws = new Set<string>();
    for (let seed = 1; seed <= 12; seed++)
      draws.add(JSON.stringify(playThrough(campaign, seed).revealed.map((r) => r.drawn)));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('never bring an event from the future, even when the pool is mostly future', () => {
    const future: ScenarioSummary = {
      id: 'future-pool',
      title: 'Future pool',
      summary: 'A pool full of later events, for the draw test.',
      years: [2015, 2016, 2017],
      rounds: [
        { year: 2015, cards: [], draw: 3 },
        { year: 2016, cards: [], draw: 3 },
        { year: 2017, cards: [], draw: 3 },
      ],
      pool: [
        'p33-partnership-new-stage-2014',
        'p43-aerospace-security-2016',
        'p46-unga-72-250-paros-experts',
        'x04-kosmos-1408-test',
        'x10-unsc-nuclear-orbit-veto',
        'p61-ukraine-invasion-2022',
      ],
      phaseMinutes: { briefing: 1, negotiation: 1, orders: 1, resolution: 1, debrief: 1 },
    };
    const context: RulesContext = { scenarios: [...SCENARIOS, future], cards: ctx.cards };
    for (let seed = 1; seed <= 25; seed++) {
      const { revealed } = playThrough(future, seed, context);
      expect(revealed.map((r) => r.drawn)).toEqual([
        ['p33-partnership-new-stage-2014'],
        ['p43-aerospace-security-2016'],
        ['p46-unga-72-250-paros-experts'],
      ]);
    }
  });
});

// ---- The teacher's injects ----

describe('the teacher plays a card during the rounds', () => {
  const briefing = () => testSession({ scenario: 'campaign', members: ALL_SEATED, at: 'briefing' });
  const x06 = cardById('x06-us-asat-test-moratorium');

  it('a deck card is revealed and applied once, as played by the teacher', () => {
    const s = briefing();
    const { state, events } = accept(s, teacher, { type: 'injectCard', cardId: x06.id });
    expect(events).toEqual([{ type: 'cardRevealed', cardId: x06.id, round: 1, injected: true }]);
    expect(state.version).toBe(s.version + 1);
    const w = state.world as World;
    expect(w.cards.at(-1)).toMatchObject({
      round: 1,
      injected: true,
      card: { id: x06.id, title: x06.title },
    });
    expect(byCard(w.changes, x06.id).map((c) => [c.target, c.delta])).toEqual([
      ['legitimacy.us', 4],
      ['draft.tcbm.momentum', 3],
      ['tension', -2],
    ]);
    expect(w.tension).toBe((s.world as World).tension - 2);

    const before = structuredClone(state);
    expect(refuse(state, teacher, { type: 'injectCard', cardId: x06.id })).toEqual({
      code: 'nothingToDo',
      message: `"${x06.title}" has already been played in this session.`,
    });
    expect(state).toEqual(before);
  });

  it('a card already revealed by the scenario cannot be played again', () => {
    const s = briefing();
    const scripted = cardById('p36-crimea-turning-point-2014');
    expect(refuse(s, teacher, { type: 'injectCard', cardId: scripted.id })).toMatchObject({
      code: 'nothingToDo',
    });
  });

  it('a card the teacher played early is not revealed again when its scripted round comes', () => {
    // The campaign scripts the nesting doll (2017) for round 3; the teacher plays it in round 1.
    let s = briefing();
    s = accept(s, teacher, { type: 'injectCard', cardId: 'p44-nesting-doll-2017' }).state;
    while (s.round < 3) s = accept(s, teacher, { type: 'advancePhase' }).state;
    const w = s.world as World;
    expect(w.cards.filter((c) => c.card.id === 'p44-nesting-doll-2017').map((c) => c.round)).toEqual([1]);
    expect(byCard(w.changes, 'p44-nesting-doll-2017')).toHaveLength(1);
    // The round's other scripted cards still come.
    expect(w.cards.filter((c) => c.round === 3).map((c) => c.card.id)).toEqual(
      expect.arrayContaining(['p45-aerospace-security-2017', 'p46-unga-72-250-paros-experts']),
    );
  });

  it('a pool card the teacher played is never drawn afterwards', () => {
    const campaign = SCENARIOS.find((x) => x.id === 'campaign') as ScenarioSummary;
    for (const id of campaign.pool.slice(0, 4)) {
      let s = briefing();
      s = accept(s, teacher, { type: 'injectCard', cardId: id }).state;
      while (s.stage === 'playing') s = accept(s, teacher, { type: 'advancePhase' }).state;
      expect(s.world?.cards.filter((c) => c.card.id === id)).toHaveLength(1);
    }
  });

  it('a card of the teacher’s own is revealed with the effects chosen, numbered in turn', () => {
    const s = briefing();
    const storm = {
      title: 'A solar storm',
      briefing: 'A storm knocks out satellites for a day.',
      arena: 'orbit' as const,
      effects: [
        { kind: 'debris' as const, delta: 3 },
        {
          kind: 'capability' as const,
          delegation: 'us' as const,
          capability: 'satellites.leo' as const,
          delta: -1,
        },
      ],
    };
    const first = accept(s, teacher, { type: 'injectCustom', card: storm });
    expect(first.events).toEqual([{ type: 'cardRevealed', cardId: 'custom-1', round: 1, injected: true }]);
    const w = first.state.world as World;
    expect(w.cards.at(-1)).toMatchObject({
      injected: true,
      card: { id: 'custom-1', title: 'A solar storm', date: '2015', source: undefined, actors: ['teacher'] },
    });
    expect(byCard(w.changes, 'custom-1').map((c) => [c.target, c.delta, c.cause])).toEqual([
      ['debris', 3, 'Event: A solar storm'],
      ['capability.us.satellites.leo', -1, 'Event: A solar storm'],
    ]);
    const second = accept(first.state, teacher, {
      type: 'injectCustom',
      card: { ...storm, title: 'Another storm' },
    });
    expect(second.events).toEqual([{ type: 'cardRevealed', cardId: 'custom-2', round: 1, injected: true }]);
  });

  it.each<[string, SessionModel, Actor, SessionCommand, string]>([
    [
      'an unknown card',
      testSession({ scenario: 'campaign', members: ALL_SEATED, at: 'negotiation' }),
      teacher,
      { type: 'injectCard', cardId: 'p99-no-such-card' },
      'unknownCard',
    ],
    [
      'a card in the lobby',
      testSession({ scenario: 'campaign', members: ALL_SEATED }),
      teacher,
      { type: 'injectCard', cardId: 'x06-us-asat-test-moratorium' },
      'wrongStage',
    ],
    [
      'a card after the end',
      testSession({ scenario: 'campaign', members: ALL_SEATED, at: 'ended' }),
      teacher,
      { type: 'injectCard', cardId: 'x06-us-asat-test-moratorium' },
      'wrongStage',
    ],
    [
      'a custom card in the lobby',
      testSession({ scenario: 'campaign', members: ALL_SEATED }),
      teacher,
      {
        type: 'injectCustom',
        card: { title: 'A solar storm', briefing: 'A storm.', arena: 'orbit', effects: [] },
      },
      'wrongStage',
    ],
    [
      'a card from a student',
      testSession({ scenario: 'campaign', members: ALL_SEATED, at: 'briefing' }),
      member('m1'),
      { type: 'injectCard', cardId: 'x06-us-asat-test-moratorium' },
      'notAllowed',
    ],
    [
      'a custom card from a student',
      testSession({ scenario: 'campaign', members: ALL_SEATED, at: 'briefing' }),
      member('m2'),
      {
        type: 'injectCustom',
        card: { title: 'A solar storm', briefing: 'A storm.', arena: 'orbit', effects: [] },
      },
      'notAllowed',
    ],
  ])('refuses %s, changing nothing', (_, s, actor, command, code) => {
    const before = structuredClone(s);
    expect(refuse(s, actor, command).code).toBe(code);
    expect(s).toEqual(before);
  });
});

// ---- Who sees what of a card ----

describe('what each viewer sees of a card', () => {
  const doll = cardById('p44-nesting-doll-2017'); // an intelligence card: Russia's alone at first
  // A public card with threat perceptions among its changes (2016, so before the doll).
  const exercise = cardById('p43-aerospace-security-2016');
  const start = deepFreeze(newWorld(3, YEARS));
  const revealed = revealCards(start, [exercise, doll], 1);

  it.each<[string, boolean]>([
    ['public', false],
    ['us', false],
    ['china', false],
    ['russia', true],
    ['teacher', true],
  ])('an intelligence card reaches %s before its round is resolved: %s', (viewer, sees) => {
    const view = viewFor(revealed, viewer as 'public');
    expect(view.cards.map((c) => c.card.id)).toEqual(sees ? [exercise.id, doll.id] : [exercise.id]);
    expect(JSON.stringify(view).includes(doll.title)).toBe(sees);
  });

  it('once its round is resolved, everyone reads it; its changes stay with its audience', () => {
    const w = resolveRound(revealed, {}, 2016);
    for (const viewer of ['public', 'us', 'china', 'russia', 'teacher'] as const) {
      expect(viewFor(w, viewer).cards.map((c) => c.card.id)).toEqual([exercise.id, doll.id]);
      const dollChanges = byCard(viewFor(w, viewer).changes, doll.id);
      expect(dollChanges.length, viewer).toBe(viewer === 'russia' || viewer === 'teacher' ? 1 : 0);
      // A public card's changes are the class's, except a threat perception, which only its owner reads.
      const readable = exercise.effects.filter(
        (e) => e.kind !== 'threat' || viewer === 'teacher' || e.felt === viewer,
      );
      expect(
        byCard(viewFor(w, viewer).changes, exercise.id).map((c) => c.target),
        viewer,
      ).toEqual(readable.map((e) => (e.kind === 'threat' ? `threat.${e.felt}.${e.from}` : e.kind)));
    }
  });

  it('in a session, an intelligence card reaches only its audience’s desk until the round is resolved', () => {
    let s = testSession({ scenario: 'nesting-dolls', members: ALL_SEATED, at: 'briefing' });
    expect(s.world?.cards.map((c) => c.card.id)).toContain(doll.id);
    expect(viewFor(s.world as World, 'us').cards.map((c) => c.card.id)).not.toContain(doll.id);
    expect(viewFor(s.world as World, 'russia').cards.map((c) => c.card.id)).toContain(doll.id);
    while (s.phase !== 'resolution') s = accept(s, teacher, { type: 'advancePhase' }).state;
    expect(viewFor(s.world as World, 'us').cards.map((c) => c.card.id)).toContain(doll.id);
  });

  it('teacher notes go to the teacher only, even at the end when everything else opens', () => {
    for (const viewer of ['public', 'us', 'china', 'russia'] as const) {
      const view = viewFor(revealed, viewer);
      for (const c of view.cards) expect(c.card.teacherNotes, viewer).toBe('');
      expect(JSON.stringify(view).includes(exercise.teacherNotes)).toBe(false);
      // Everything else of the card is there.
      expect(view.cards[0]?.card).toEqual({ ...revealed.cards[0]?.card, teacherNotes: '' });
    }
    expect(viewFor(revealed, 'teacher').cards.map((c) => c.card.teacherNotes)).toEqual([
      exercise.teacherNotes,
      doll.teacherNotes,
    ]);
    expect(viewFor(revealed, 'us', true).cards).toEqual(
      revealed.cards.map((c) => ({ ...c, card: { ...c.card, teacherNotes: '' } })),
    );
    expect(viewFor(revealed, 'teacher', true).cards).toEqual(revealed.cards);
  });

  // Regression: an intelligence card's new weapon once showed at once in the public capability numbers, so the
  // other delegations read its effect before they could read the card. It now counts as a covert build.
  it('an intelligence card’s capability change is hidden from outsiders until the round is resolved', () => {
    const level = (w: World, viewer: 'us' | 'public') =>
      viewFor(w, viewer).delegations.russia.capabilities.counterspace.coOrbital;
    expect(level(revealed, 'us')).toBe(level(start, 'us'));
    expect(level(revealed, 'public')).toBe(level(start, 'public'));
  });
});
