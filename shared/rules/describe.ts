import { DELEGATION_NAMES } from '../model/seats.ts';
import { CLAUSES, COUNTERSPACE, DRAFTS, LUNAR_BLOCS, REGIMES, RESOLUTION_TOPICS, TCBMS } from './model.ts';
import { type Order, type OrderKind, STATEMENT_MAX_LENGTH } from './orders.ts';
import { CLAUSE_NAMES, DRAFT_SHORT, TCBM_NAMES, TOPIC_NAMES, WEAPON_NAMES } from './texts.ts';

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

/** The fields each order asks for, in the order a form shows them. */
export const ORDER_FIELDS: Record<OrderKind, OrderField[]> = {
  tableDraft: [drafts],
  coSponsor: [drafts],
  amendDraft: [
    drafts,
    choice(
      'clause',
      'Amendment',
      CLAUSES.map((c) => [c, CLAUSE_NAMES[c]] as const),
    ),
  ],
  blockConsensus: [drafts],
  proposeTcbm: [
    choice(
      'measure',
      'Measure',
      TCBMS.map((m) => [m, TCBM_NAMES[m]] as const),
    ),
  ],
  endorseTcbm: [
    choice(
      'measure',
      'Measure',
      TCBMS.map((m) => [m, TCBM_NAMES[m]] as const),
    ),
  ],
  workingPaper: [
    choice('topic', 'Topic', [
      ['definitions', 'definitions'],
      ['verification', 'verification'],
    ]),
  ],
  proposeResolution: [
    choice(
      'topic',
      'Topic',
      RESOLUTION_TOPICS.map((t) => [t, TOPIC_NAMES[t]] as const),
    ),
  ],
  voteResolution: [
    { name: 'resolution', label: 'Resolution', kind: 'resolution' },
    choice('vote', 'Vote', [
      ['yes', 'yes'],
      ['no', 'no'],
      ['abstain', 'abstain'],
    ]),
  ],
  statement: [
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
  withdrawTreaty: [drafts],
  summit: [{ name: 'with', label: 'With', kind: 'delegation' }],
  techDeal: [
    { name: 'with', label: 'With', kind: 'delegation' },
    choice('deal', 'Deal', [
      ['rocketEngines', 'rocket engines (such as the RD-180)'],
      ['missileWarning', 'help with missile early warning'],
      ['propellant', 'propellant and engines'],
      ['navigation', 'satellite navigation'],
    ]),
  ],
  sanction: [
    { name: 'target', label: 'Against', kind: 'delegation' },
    choice('measure', 'Measure', [
      ['exportControls', 'export controls (3 rounds)'],
      ['wolfAmendment', 'a ban on space cooperation (Wolf Amendment-style)'],
    ]),
  ],
  liftSanction: [
    { name: 'target', label: 'Lift it for', kind: 'delegation' },
    choice('measure', 'Measure', [
      ['exportControls', 'export controls'],
      ['wolfAmendment', 'the ban on space cooperation'],
    ]),
  ],
  lunarPartnership: [
    choice(
      'bloc',
      'Lunar bloc',
      LUNAR_BLOCS.map((b) => [b, b === 'artemis' ? 'Artemis Accords' : 'ILRS'] as const),
    ),
  ],
  launchSatellites: [
    choice(
      'regime',
      'Orbit',
      REGIMES.map((r) => [r, r.toUpperCase()] as const),
    ),
    { name: 'count', label: 'How many', kind: 'count', min: 1, max: 3 },
  ],
  buildCounterspace: [
    choice(
      'weapon',
      'Weapon',
      COUNTERSPACE.map((k) => [k, WEAPON_NAMES[k]] as const),
    ),
  ],
  testCounterspace: [
    choice(
      'weapon',
      'Weapon',
      (['directAscent', 'coOrbital', 'laser'] as const).map((k) => [k, WEAPON_NAMES[k]] as const),
    ),
    { name: 'target', label: 'Target satellite owner (co-orbital and laser)', kind: 'delegation' },
  ],
  jam: [{ name: 'target', label: 'Target', kind: 'delegation' }],
  buildMissileWarning: [],
  buildSsa: [],
  jointExercise: [{ name: 'with', label: 'With', kind: 'delegation' }],
  debrisMitigation: [],
  lunarMission: [],
};

/** One line for an order, as a team member or the teacher reads it in a list. */
export function describeOrder(o: Order): string {
  switch (o.kind) {
    case 'tableDraft':
      return `Table the ${DRAFT_SHORT[o.draft]}`;
    case 'coSponsor':
      return `Co-sponsor the ${DRAFT_SHORT[o.draft]}`;
    case 'amendDraft':
      return `Amend the ${DRAFT_SHORT[o.draft]}: add ${CLAUSE_NAMES[o.clause]}`;
    case 'blockConsensus':
      return `Block consensus on the ${DRAFT_SHORT[o.draft]}`;
    case 'proposeTcbm':
      return `Propose ${TCBM_NAMES[o.measure]}`;
    case 'endorseTcbm':
      return `Endorse ${TCBM_NAMES[o.measure]}`;
    case 'workingPaper':
      return `Working paper on ${o.topic}`;
    case 'proposeResolution':
      return `Propose a resolution on ${TOPIC_NAMES[o.topic]}`;
    case 'voteResolution':
      return `Vote ${o.vote} on resolution ${o.resolution}`;
    case 'statement':
      return `Statement (${o.stance}${o.target ? `, ${DELEGATION_NAMES[o.target]}` : ''}): “${o.text}”`;
    case 'withdrawTreaty':
      return `Withdraw from the ${DRAFT_SHORT[o.draft]}`;
    case 'summit':
      return `Summit with ${DELEGATION_NAMES[o.with]}`;
    case 'techDeal':
      return `Technology deal with ${DELEGATION_NAMES[o.with]}: ${o.deal}`;
    case 'sanction':
      return `${o.measure === 'wolfAmendment' ? 'Ban space cooperation with' : 'Export controls on'} ${DELEGATION_NAMES[o.target]}`;
    case 'liftSanction':
      return `Lift ${o.measure === 'wolfAmendment' ? 'the ban on space cooperation with' : 'export controls on'} ${DELEGATION_NAMES[o.target]}`;
    case 'lunarPartnership':
      return `Lunar partnership: ${o.bloc === 'artemis' ? 'Artemis Accords' : 'ILRS'}`;
    case 'launchSatellites':
      return `Launch ${o.count} satellite${o.count > 1 ? 's' : ''} to ${o.regime.toUpperCase()}`;
    case 'buildCounterspace':
      return `Build ${WEAPON_NAMES[o.weapon]}`;
    case 'testCounterspace':
      return `Test ${WEAPON_NAMES[o.weapon]}${o.target ? ` against ${DELEGATION_NAMES[o.target]}` : ''}`;
    case 'jam':
      return `Jam satellites of ${DELEGATION_NAMES[o.target]}`;
    case 'buildMissileWarning':
      return 'Build missile-warning radars and sensors';
    case 'buildSsa':
      return 'Build space situational awareness';
    case 'jointExercise':
      return `Joint missile-defence exercise with ${DELEGATION_NAMES[o.with]}`;
    case 'debrisMitigation':
      return 'Debris mitigation';
    case 'lunarMission':
      return 'Lunar mission';
  }
}
