import { z } from 'zod';
import {
  DEAL_CHOICES,
  LUNAR_BLOC_NAMES,
  LUNAR_BLOC_SHORT,
  plural,
  points,
  REGIME_SHORT,
  resolutionName,
  STANCE_NAMES,
} from '../content/labels.ts';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../model/seats.ts';
import {
  CLAUSES,
  COUNTERSPACE,
  type Counterspace,
  DEALS,
  DRAFTS,
  LUNAR_BLOCS,
  REGIMES,
  RESOLUTION_TOPICS,
  TCBMS,
  type World,
} from './model.ts';
import { RATIFY_COST, SIGN_COST } from './tuning.ts';
import { CLAUSE_NAMES, DRAFT_SHORT, TCBM_NAMES, TOPIC_NAMES, WEAPON_NAMES } from './texts.ts';
import { DEBRIS_CLEANUP_COST, LOBBY_COST, MISSILE_DEFENCE_COST } from './tuning.ts';

/** The orders a delegation can give in one round, each declared once with its schema; costs and checks below. */
const Other = z.enum(DELEGATIONS);
export const STATEMENT_MAX_LENGTH = 280;

export const Order = z.discriminatedUnion('kind', [
  // At the Conference on Disarmament and the UN
  z.strictObject({ kind: z.literal('tableDraft'), draft: z.enum(DRAFTS) }),
  z.strictObject({ kind: z.literal('coSponsor'), draft: z.enum(DRAFTS) }),
  z.strictObject({ kind: z.literal('amendDraft'), draft: z.enum(DRAFTS), clause: z.enum(CLAUSES) }),
  z.strictObject({
    kind: z.literal('answerAmendment'),
    draft: z.enum(DRAFTS),
    clause: z.enum(CLAUSES),
    answer: z.enum(['accept', 'refuse']),
  }),
  z.strictObject({ kind: z.literal('blockConsensus'), draft: z.enum(DRAFTS) }),
  z.strictObject({ kind: z.literal('signTreaty'), draft: z.enum(DRAFTS) }),
  z.strictObject({ kind: z.literal('ratifyTreaty'), draft: z.enum(DRAFTS) }),
  z.strictObject({ kind: z.literal('proposeTcbm'), measure: z.enum(TCBMS) }),
  z.strictObject({ kind: z.literal('endorseTcbm'), measure: z.enum(TCBMS) }),
  z.strictObject({ kind: z.literal('workingPaper'), topic: z.enum(['definitions', 'verification']) }),
  z.strictObject({ kind: z.literal('proposeResolution'), topic: z.enum(RESOLUTION_TOPICS) }),
  z.strictObject({
    kind: z.literal('voteResolution'),
    resolution: z.string().max(40),
    vote: z.enum(['yes', 'no', 'abstain']),
  }),
  z.strictObject({
    kind: z.literal('lobbyResolution'),
    resolution: z.string().max(40),
    vote: z.enum(['yes', 'no']),
  }),
  z.strictObject({
    kind: z.literal('statement'),
    stance: z.enum(['restraint', 'noFirstPlacement', 'deterrence', 'partnership', 'condemn']),
    target: Other.optional(),
    text: z.string().max(STATEMENT_MAX_LENGTH),
  }),
  z.strictObject({ kind: z.literal('withdrawTreaty'), draft: z.enum(DRAFTS) }),
  // Bilateral
  z.strictObject({ kind: z.literal('summit'), with: Other }),
  z.strictObject({
    kind: z.literal('techDeal'),
    with: Other,
    deal: z.enum(DEALS),
  }),
  z.strictObject({
    kind: z.literal('sanction'),
    target: Other,
    measure: z.enum(['exportControls', 'wolfAmendment']),
  }),
  z.strictObject({
    kind: z.literal('liftSanction'),
    target: Other,
    measure: z.enum(['exportControls', 'wolfAmendment']),
  }),
  z.strictObject({ kind: z.literal('lunarPartnership'), bloc: z.enum(LUNAR_BLOCS) }),
  // In orbit
  z.strictObject({
    kind: z.literal('launchSatellites'),
    regime: z.enum(REGIMES),
    count: z.number().int().min(1).max(3),
  }),
  z.strictObject({ kind: z.literal('buildCounterspace'), weapon: z.enum(COUNTERSPACE) }),
  z.strictObject({
    kind: z.literal('testCounterspace'),
    weapon: z.enum(['directAscent', 'coOrbital', 'laser']),
    target: Other.optional(),
  }),
  z.strictObject({ kind: z.literal('jam'), target: Other }),
  z.strictObject({ kind: z.literal('buildMissileWarning') }),
  z.strictObject({ kind: z.literal('buildMissileDefence') }),
  z.strictObject({ kind: z.literal('buildSsa') }),
  z.strictObject({ kind: z.literal('jointExercise'), with: Other }),
  z.strictObject({ kind: z.literal('debrisMitigation') }),
  z.strictObject({ kind: z.literal('lunarMission') }),
]);
export type Order = z.infer<typeof Order>;
export type OrderKind = Order['kind'];
export type OrderOf<K extends OrderKind> = Extract<Order, { kind: K }>;

export const MAX_ORDERS = 6;
export const OrderList = z
  .array(Order)
  .max(MAX_ORDERS, `A delegation gives at most ${MAX_ORDERS} orders a round.`);

export type Arena = 'cd' | 'bilateral' | 'orbit';

const WEAPON_COST: Record<Counterspace, number> = { jamming: 1, laser: 2, coOrbital: 3, directAscent: 2 };

/** A field of an order's form: what the UI asks, with the choices the schema allows. */
export type OrderField =
  | { name: string; label: string; kind: 'choice'; options: readonly (readonly [string, string])[] }
  | { name: string; label: string; kind: 'delegation' } // another delegation
  | { name: string; label: string; kind: 'resolution' } // a resolution up for a vote
  | { name: string; label: string; kind: 'text'; max: number }
  | { name: string; label: string; kind: 'count'; min: number; max: number };

const choice = (
  name: string,
  label: string,
  options: readonly (readonly [string, string])[],
): OrderField => ({
  name,
  label,
  kind: 'choice',
  options,
});
const drafts = choice(
  'draft',
  'Text',
  DRAFTS.map((d) => [d, DRAFT_SHORT[d]] as const),
);
const measures = choice(
  'measure',
  'Measure',
  TCBMS.map((m) => [m, TCBM_NAMES[m]] as const),
);
const clauses = choice(
  'clause',
  'Amendment',
  CLAUSES.map((c) => [c, CLAUSE_NAMES[c]] as const),
);
const partner = (label: string): OrderField => ({ name: 'with', label, kind: 'delegation' });

/** Everything the order sheet knows of one kind of order; how it resolves is in ORDER_RULES (resolve.ts). */
interface OrderSpec<K extends OrderKind> {
  arena: Arena;
  title: string; // for menus: "Table a draft treaty"
  fields: OrderField[]; // what its form asks, in the order the form shows them
  line: (o: OrderOf<K>) => string; // one line for a list of orders: "Table the PPWT"
  cost: (o: OrderOf<K>) => number;
  military?: true; // adds to military power in space: the earmarked budget may pay for it
  /** Why this delegation cannot give this order now, or undefined. */
  check?: (o: OrderOf<K>, w: World, d: Delegation) => string | undefined;
}

/** Whether the resolution an order names is put to the vote this round (proposed last round, not yet voted). */
const upForVote = (o: { resolution: string }, w: World) =>
  w.resolutions.some((r) => r.id === o.resolution && !r.result && r.proposedRound === w.round)
    ? undefined
    : 'That resolution is not up for a vote this round.';

const other = (o: { with?: Delegation; target?: Delegation }, d: Delegation) =>
  o.with === d || o.target === d ? 'Choose another delegation, not your own.' : undefined;

/**
 * Every order's arena, title, form, wording, cost and prerequisites, one entry per kind: the one table the UI,
 * the checks and the rulebook read.
 */
export const ORDER_SPECS: { [K in OrderKind]: OrderSpec<K> } = {
  tableDraft: {
    arena: 'cd',
    title: 'Table a draft treaty',
    fields: [drafts],
    line: (o) => `Table the ${DRAFT_SHORT[o.draft]}`,
    cost: () => 2,
    check: (o, w) =>
      w.drafts[o.draft].adoptedRound !== undefined
        ? 'That text has already been adopted.'
        : w.drafts[o.draft].tabled
          ? 'That text is already on the table: co-sponsor it, amend it, or write a working paper.'
          : undefined,
  },
  coSponsor: {
    arena: 'cd',
    title: 'Co-sponsor a draft',
    fields: [drafts],
    line: (o) => `Co-sponsor the ${DRAFT_SHORT[o.draft]}`,
    cost: () => 1,
    check: (o, w, d) =>
      w.drafts[o.draft].adoptedRound !== undefined
        ? 'That text has already been adopted.'
        : w.drafts[o.draft].sponsors.includes(d)
          ? 'You already sponsor that draft.'
          : undefined,
  },
  amendDraft: {
    arena: 'cd',
    title: 'Propose an amendment',
    fields: [drafts, clauses],
    line: (o) => `Amend the ${DRAFT_SHORT[o.draft]}: add ${CLAUSE_NAMES[o.clause]}`,
    cost: () => 1,
    check: (o, w) =>
      !w.drafts[o.draft].tabled
        ? 'Only a tabled draft can be amended.'
        : w.drafts[o.draft].clauses[o.clause]
          ? 'The text already has that clause.'
          : w.drafts[o.draft].adoptedRound !== undefined
            ? 'That text has already been adopted.'
            : w.drafts[o.draft].amendments.some((a) => a.clause === o.clause)
              ? 'That amendment is already waiting for the sponsors’ answer.'
              : undefined,
  },
  answerAmendment: {
    arena: 'cd',
    title: 'Accept or refuse an amendment to a text you sponsor',
    fields: [
      drafts,
      clauses,
      choice('answer', 'Answer', [
        ['accept', 'accept: the clause joins the text'],
        ['refuse', 'refuse'],
      ]),
    ],
    line: (o) =>
      `${o.answer === 'accept' ? 'Accept' : 'Refuse'} the amendment adding ${CLAUSE_NAMES[o.clause]} to the ${DRAFT_SHORT[o.draft]}`,
    cost: () => 0,
    check: (o, w, d) =>
      !w.drafts[o.draft].sponsors.includes(d)
        ? 'Only the sponsors of a text answer amendments to it.'
        : w.drafts[o.draft].amendments.some((a) => a.clause === o.clause && a.round === w.round)
          ? undefined
          : 'No such amendment to that text is waiting for an answer this round.',
  },
  blockConsensus: {
    arena: 'cd',
    title: 'Block consensus on a draft',
    fields: [drafts],
    line: (o) => `Block consensus on the ${DRAFT_SHORT[o.draft]}`,
    cost: () => 0,
  },
  proposeTcbm: {
    arena: 'cd',
    title: 'Propose a transparency or confidence-building measure',
    fields: [measures],
    line: (o) => `Propose ${TCBM_NAMES[o.measure]}`,
    cost: () => 1,
    check: (o, w) =>
      w.measures[o.measure] ? 'That measure is already on the table; endorse it instead.' : undefined,
  },
  endorseTcbm: {
    arena: 'cd',
    title: 'Endorse a measure on the table',
    fields: [measures],
    line: (o) => `Endorse ${TCBM_NAMES[o.measure]}`,
    cost: () => 0,
    check: (o, w, d) =>
      !w.measures[o.measure]
        ? 'Nobody has proposed that measure yet.'
        : w.measures[o.measure]?.endorsers.includes(d)
          ? 'You already endorse that measure.'
          : undefined,
  },
  workingPaper: {
    arena: 'cd',
    title: 'Submit a working paper',
    fields: [
      choice('topic', 'Topic', [
        ['definitions', 'definitions'],
        ['verification', 'verification'],
      ]),
    ],
    line: (o) => `Working paper on ${o.topic}`,
    cost: () => 1,
  },
  proposeResolution: {
    arena: 'cd',
    title: 'Propose a First Committee resolution',
    fields: [
      choice(
        'topic',
        'Topic',
        RESOLUTION_TOPICS.map((t) => [t, TOPIC_NAMES[t]] as const),
      ),
    ],
    line: (o) => `Propose a resolution on ${TOPIC_NAMES[o.topic]}`,
    cost: () => 1,
    check: (o, w) => {
      // One resolution per topic a year: a topic proposed earlier this year is already on the Assembly's agenda.
      const earlier = w.resolutions.find(
        (r) => r.topic === o.topic && r.year !== undefined && r.year === w.year,
      );
      return earlier
        ? `The General Assembly takes one resolution on ${TOPIC_NAMES[o.topic]} a year, and one was already proposed for ${w.year}.`
        : undefined;
    },
  },
  voteResolution: {
    arena: 'cd',
    title: 'Vote on a resolution',
    fields: [
      { name: 'resolution', label: 'Resolution', kind: 'resolution' },
      choice('vote', 'Vote', [
        ['yes', 'yes'],
        ['no', 'no'],
        ['abstain', 'abstain'],
      ]),
    ],
    line: (o) => `Vote ${o.vote} on ${resolutionName(o.resolution)}`,
    cost: () => 0,
    check: (o, w) => upForVote(o, w),
  },
  lobbyResolution: {
    arena: 'cd',
    title: 'Lobby the General Assembly on a resolution',
    fields: [
      { name: 'resolution', label: 'Resolution', kind: 'resolution' },
      choice('vote', 'Lobby for', [
        ['yes', 'a yes'],
        ['no', 'a no'],
      ]),
    ],
    line: (o) => `Lobby the blocs for a ${o.vote} on ${resolutionName(o.resolution)}`,
    cost: () => LOBBY_COST,
    check: (o, w) => upForVote(o, w),
  },
  statement: {
    arena: 'cd',
    title: 'Make a statement on the CD floor',
    fields: [
      choice('stance', 'Stance', [
        ['restraint', 'restraint'],
        ['noFirstPlacement', 'no first placement of weapons'],
        ['deterrence', 'deterrence'],
        ['partnership', 'partnership'],
        ['condemn', 'condemn another delegation'],
      ]),
      { name: 'target', label: 'Delegation condemned (if any)', kind: 'delegation' },
      { name: 'text', label: 'What you say', kind: 'text', max: STATEMENT_MAX_LENGTH },
    ],
    line: (o) =>
      `Statement (${STANCE_NAMES[o.stance]}${o.target ? `, ${DELEGATION_NAMES[o.target]}` : ''})${o.text.trim() ? `: “${o.text}”` : ''}`,
    cost: () => 0,
    check: (o, _w, d) => other(o, d),
  },
  signTreaty: {
    arena: 'cd',
    title: 'Sign an adopted treaty',
    fields: [drafts],
    line: (o) => `Sign the ${DRAFT_SHORT[o.draft]}`,
    cost: () => SIGN_COST,
    check: (o, w, d) =>
      w.drafts[o.draft].adoptedRound === undefined
        ? 'Only a text the CD has adopted is open for signature.'
        : w.drafts[o.draft].signatures.some((s) => s.by === d)
          ? 'You have already signed that text.'
          : undefined,
  },
  ratifyTreaty: {
    arena: 'cd',
    title: 'Ratify a treaty you signed (become a party)',
    fields: [drafts],
    line: (o) => `Ratify the ${DRAFT_SHORT[o.draft]}`,
    cost: () => RATIFY_COST,
    check: (o, w, d) =>
      w.drafts[o.draft].parties.includes(d)
        ? 'You are already a party to that treaty.'
        : w.drafts[o.draft].signatures.some((s) => s.by === d)
          ? undefined
          : 'Sign the text first; you can ratify it in a later round.',
  },
  withdrawTreaty: {
    arena: 'cd',
    title: 'Withdraw from a treaty',
    fields: [drafts],
    line: (o) => `Withdraw from the ${DRAFT_SHORT[o.draft]}`,
    cost: () => 0,
    check: (o, w, d) =>
      w.drafts[o.draft].parties.includes(d) ? undefined : 'You are not a party to that treaty.',
  },
  summit: {
    arena: 'bilateral',
    title: 'Hold a summit (both must agree)',
    fields: [partner('With')],
    line: (o) => `Summit with ${DELEGATION_NAMES[o.with]}`,
    cost: () => 1,
    check: (o, _w, d) => other(o, d),
  },
  techDeal: {
    arena: 'bilateral',
    title: 'Technology deal (both must agree)',
    fields: [
      partner('With'),
      choice(
        'deal',
        'Deal',
        DEALS.map((k) => [k, DEAL_CHOICES[k]] as const),
      ),
    ],
    line: (o) => `Technology deal with ${DELEGATION_NAMES[o.with]}: ${DEAL_CHOICES[o.deal]}`,
    cost: () => 2,
    check: (o, _w, d) => other(o, d),
  },
  sanction: {
    arena: 'bilateral',
    title: 'Export controls or sanctions',
    fields: [
      { name: 'target', label: 'Against', kind: 'delegation' },
      choice('measure', 'Measure', [
        ['exportControls', 'export controls (3 rounds)'],
        ['wolfAmendment', 'a ban on space cooperation (Wolf Amendment-style)'],
      ]),
    ],
    line: (o) =>
      `${o.measure === 'wolfAmendment' ? 'Ban space cooperation with' : 'Export controls on'} ${DELEGATION_NAMES[o.target]}`,
    cost: () => 1,
    check: (o, _w, d) => other(o, d),
  },
  liftSanction: {
    arena: 'bilateral',
    title: 'Lift export controls or sanctions',
    fields: [
      { name: 'target', label: 'Lift it for', kind: 'delegation' },
      choice('measure', 'Measure', [
        ['exportControls', 'export controls'],
        ['wolfAmendment', 'the ban on space cooperation'],
      ]),
    ],
    line: (o) =>
      `Lift ${o.measure === 'wolfAmendment' ? 'the ban on space cooperation with' : 'export controls on'} ${DELEGATION_NAMES[o.target]}`,
    cost: () => 0,
    check: (o, w, d) =>
      w.sanctions.some((s) => s.by === d && s.target === o.target && s.kind === o.measure)
        ? undefined
        : 'You have no such measure in force against that delegation.',
  },
  lunarPartnership: {
    arena: 'bilateral',
    title: 'Lunar partnership (Artemis Accords or ILRS)',
    fields: [
      choice(
        'bloc',
        'Lunar bloc',
        LUNAR_BLOCS.map((b) => [b, LUNAR_BLOC_NAMES[b]] as const),
      ),
    ],
    line: (o) => `Lunar partnership: ${LUNAR_BLOC_SHORT[o.bloc]}`,
    cost: () => 2,
    check: (o, w, d) =>
      LUNAR_BLOCS.some((b) => b !== o.bloc && w.lunar[b].members.includes(d))
        ? 'You belong to the other lunar bloc.'
        : undefined,
  },
  launchSatellites: {
    arena: 'orbit',
    title: 'Launch satellites',
    fields: [
      choice(
        'regime',
        'Orbit',
        REGIMES.map((r) => [r, REGIME_SHORT[r]] as const),
      ),
      { name: 'count', label: 'How many', kind: 'count', min: 1, max: 3 },
    ],
    line: (o) => `Launch ${plural(o.count, 'satellite')} to ${REGIME_SHORT[o.regime]}`,
    cost: (o) => o.count * (o.regime === 'geo' ? 2 : 1),
    military: true,
    check: (o, w, d) =>
      o.regime === 'geo' && w.delegations[d].capabilities.launch < 2
        ? 'GEO launches need launch capability 2.'
        : undefined,
  },
  buildCounterspace: {
    arena: 'orbit',
    title: 'Build a counterspace weapon',
    fields: [
      choice(
        'weapon',
        'Weapon',
        COUNTERSPACE.map((k) => [k, WEAPON_NAMES[k]] as const),
      ),
    ],
    line: (o) => `Build ${WEAPON_NAMES[o.weapon]}`,
    cost: (o) => WEAPON_COST[o.weapon],
    military: true,
    check: (o, w, d) =>
      w.delegations[d].capabilities.counterspace[o.weapon] >= 5
        ? 'That weapon is at its highest level.'
        : undefined,
  },
  testCounterspace: {
    arena: 'orbit',
    title: 'Test a counterspace weapon',
    fields: [
      choice(
        'weapon',
        'Weapon',
        (['directAscent', 'coOrbital', 'laser'] as const).map((k) => [k, WEAPON_NAMES[k]] as const),
      ),
      { name: 'target', label: 'Target satellite owner (co-orbital and laser)', kind: 'delegation' },
    ],
    line: (o) => `Test ${WEAPON_NAMES[o.weapon]}${o.target ? ` against ${DELEGATION_NAMES[o.target]}` : ''}`,
    cost: () => 2,
    military: true,
    check: (o, w, d) =>
      w.delegations[d].capabilities.counterspace[o.weapon] < 1
        ? 'Build that weapon before testing it.'
        : o.weapon !== 'directAscent' && !o.target
          ? 'Name the satellite owner your test approaches or dazzles.'
          : o.weapon === 'directAscent' && o.target
            ? 'A direct-ascent test destroys one of your own satellites: it takes no target.'
            : other(o, d),
  },
  jam: {
    arena: 'orbit',
    title: 'Jam satellite signals',
    fields: [{ name: 'target', label: 'Target', kind: 'delegation' }],
    line: (o) => `Jam satellites of ${DELEGATION_NAMES[o.target]}`,
    cost: () => 1,
    military: true,
    check: (o, w, d) =>
      w.delegations[d].capabilities.counterspace.jamming < 1 ? 'You have no jammers.' : other(o, d),
  },
  buildMissileWarning: {
    arena: 'orbit',
    title: 'Build missile-warning radars and sensors',
    fields: [],
    line: () => 'Build missile-warning radars and sensors',
    cost: () => 2,
    military: true,
    check: (_o, w, d) =>
      w.delegations[d].capabilities.missileWarning >= 5
        ? 'Missile warning is at its highest level.'
        : undefined,
  },
  buildMissileDefence: {
    arena: 'orbit',
    title: 'Build missile defence',
    fields: [],
    line: () => 'Build missile defence (interceptors and their radars)',
    cost: () => MISSILE_DEFENCE_COST,
    military: true,
    check: (_o, w, d) =>
      w.delegations[d].capabilities.missileDefence >= 5
        ? 'Missile defence is at its highest level.'
        : undefined,
  },
  buildSsa: {
    arena: 'orbit',
    title: 'Build space situational awareness',
    fields: [],
    line: () => 'Build space situational awareness',
    cost: () => 2,
    military: true,
    check: (_o, w, d) =>
      w.delegations[d].capabilities.ssa >= 5 ? 'Situational awareness is at its highest level.' : undefined,
  },
  jointExercise: {
    arena: 'orbit',
    title: 'Joint air and missile defence exercise (both must agree)',
    fields: [partner('With')],
    line: (o) => `Joint missile-defence exercise with ${DELEGATION_NAMES[o.with]}`,
    cost: () => 1,
    military: true,
    check: (o, _w, d) => other(o, d),
  },
  debrisMitigation: {
    arena: 'orbit',
    title: 'Debris mitigation',
    fields: [],
    line: () => 'Debris mitigation',
    cost: () => DEBRIS_CLEANUP_COST,
  },
  lunarMission: {
    arena: 'orbit',
    title: 'Lunar mission',
    fields: [],
    line: () => 'Lunar mission',
    cost: () => 2,
    check: (_o, w, d) =>
      w.delegations[d].capabilities.launch < 3 ? 'Lunar missions need launch capability 3.' : undefined,
  },
};

export function orderCost(order: Order): number {
  return (ORDER_SPECS[order.kind].cost as (o: Order) => number)(order);
}

export function arenaOf(order: Order): Arena {
  return ORDER_SPECS[order.kind].arena;
}

/** Orders that add to a delegation's military power in space: the earmarked budget may be spent only on these. */
export function isMilitary(order: Order): boolean {
  return ORDER_SPECS[order.kind].military === true;
}

/** "Make a statement on the CD floor" -> "make a statement on the CD floor": names and acronyms keep their capitals. */
const lowerFirst = (title: string) => title.charAt(0).toLowerCase() + title.slice(1);

/** Checks a delegation's list of orders against its budget and each order's prerequisites; returns a sentence. */
export function ordersProblem(w: World, d: Delegation, orders: readonly Order[]): string | undefined {
  const state = w.delegations[d];
  if (orders.length > MAX_ORDERS) return `A delegation gives at most ${MAX_ORDERS} orders a round.`;
  const seen = new Set<string>();
  for (const [i, o] of orders.entries()) {
    const key = JSON.stringify(o, Object.keys(o).sort()); // the same order, whatever the order of its fields
    if (seen.has(key)) return `Order ${i + 1} repeats an earlier order.`;
    seen.add(key);
    const problem = (
      ORDER_SPECS[o.kind].check as ((o: Order, w: World, d: Delegation) => string | undefined) | undefined
    )?.(o, w, d);
    if (problem) return `Order ${i + 1} (${lowerFirst(ORDER_SPECS[o.kind].title)}): ${problem}`;
  }
  if (orders.filter((o) => o.kind === 'statement').length > 1) return 'One statement a round.';
  // One launch campaign per orbit a round: three orders of 3 + 2 + 1 satellites would pass the 1–3 limit.
  const launches = orders.flatMap((o) => (o.kind === 'launchSatellites' ? [o.regime] : []));
  const twice = launches.find((r, i) => launches.indexOf(r) !== i);
  if (twice)
    return `One launch order per orbit a round: put all your ${REGIME_SHORT[twice]} satellites in one order.`;
  const total = orders.reduce((sum, o) => sum + orderCost(o), 0);
  if (total > state.budget)
    return `These orders cost ${points(total)}; your budget this round is ${state.budget}.`;
  const civil = orders.filter((o) => !isMilitary(o)).reduce((sum, o) => sum + orderCost(o), 0);
  const free = state.budget - state.earmarked;
  if (civil > free) {
    return `${state.earmarked} of your ${state.budget} points are earmarked for military space this round; your other orders may cost at most ${free}.`;
  }
  return undefined;
}
