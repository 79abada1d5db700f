import type { RoundPhase } from '../model/phases.ts';
import { CONTROL_NAMES } from '../content/labels.ts';
import { ORDER_SPECS, type OrderKind } from '../rules/orders.ts';
import type { Role } from './chat.ts';

/**
 * Where on the desk a task is done: the panel (or the group of orders) that shows a "Your task" marker to the
 * roles whose task it is. Others still see and use every control; the marker only says whose job it is.
 */
export const TASK_PLACES = [
  'cards', // the briefing cards
  'world', // the world panel: indicators, incidents, changes and their causes
  'talks', // the chat: the team, the bilateral channels
  'floor', // the CD floor, in the chat
  'notes', // the team's notes
  'ordersCd', // the orders at the CD and the UN: texts, amendments, votes, the statement
  'ordersBilateral', // the bilateral orders: summits, deals, sanctions
  'ordersOrbit', // the orders in orbit
  'confirm', // the head's confirmation
  'assessment', // the team's attribution assessment of an incident
] as const;
export type TaskPlace = (typeof TASK_PLACES)[number];

export interface RoleTask {
  text: string; // one imperative sentence naming the control: "Press “Confirm our orders” before the time runs out."
  at: TaskPlace;
  orders?: readonly OrderKind[]; // the orders this task gives, marked "(your task)" in the order picker
}

/** An order as a task names it: its title in the picker, in quotation marks. */
const order = (k: OrderKind) => `“${ORDER_SPECS[k].title}”`;
/** A control as a task names it: its label on the desk, in quotation marks. */
const control = (c: keyof typeof CONTROL_NAMES) => `“${CONTROL_NAMES[c]}”`;

const task = (at: TaskPlace, text: string, orders?: readonly OrderKind[]): RoleTask =>
  orders ? { at, text, orders } : { at, text };

/**
 * The orders each role gives, one owner an order kind: the legal adviser the texts at the CD and the votes at the
 * UN (what a yes binds the delegation to), the spokesperson the statement, the diplomat the bilateral orders, the
 * confidence-building measures and the lobbying, the commander the orders in orbit. The head gives none: the head
 * confirms them all. The role briefs of the pack may point a role at others' orders to advise on.
 */
export const ROLE_ORDERS: Readonly<Record<Role, readonly OrderKind[]>> = {
  head: [],
  legal: [
    'tableDraft',
    'coSponsor',
    'amendDraft',
    'answerAmendment',
    'blockConsensus',
    'workingPaper',
    'signTreaty',
    'ratifyTreaty',
    'withdrawTreaty',
    'proposeResolution',
    'voteResolution',
  ],
  spokesperson: ['statement'],
  diplomat: [
    'proposeTcbm',
    'endorseTcbm',
    'lobbyResolution',
    'summit',
    'techDeal',
    'sanction',
    'liftSanction',
    'lunarPartnership',
  ],
  commander: (Object.keys(ORDER_SPECS) as OrderKind[]).filter((k) => ORDER_SPECS[k].arena === 'orbit'),
  analyst: [],
};

/**
 * Each role's task in each phase: one thing to do, where, and with which control. The head confirms with
 * "Confirm our orders"; the analyst writes the team's attribution assessment after an incident; the legal
 * adviser drafts the texts with "Propose an amendment" and "Table a draft treaty"; the spokesperson speaks in the
 * CD floor tab and drafts the statement; the commander gives the orders in orbit.
 */
export const ROLE_TASKS: Readonly<Record<Role, Readonly<Record<RoundPhase, RoleTask>>>> = {
  head: {
    briefing: task('cards', 'Agree with your team what matters most this round.'),
    negotiation: task(
      'notes',
      `Share out the work in the ${control('notes')}: who talks to whom, who drafts which orders.`,
    ),
    orders: task(
      'confirm',
      `Check the orders and their cost, then press ${control('confirm')} before time runs out.`,
    ),
    resolution: task('world', 'Read what happened and tell your team what surprised you.'),
    debrief: task(
      'talks',
      `Lead your team’s answer in the ${control('teamTab')} tab: what will you change next round?`,
    ),
  },
  diplomat: {
    briefing: task('cards', 'Read the card for what the other delegations will want.'),
    negotiation: task(
      'talks',
      `Ask for a channel in the ${control('channelTab')} tabs of Talks; look for deals and summits.`,
    ),
    orders: task(
      'ordersBilateral',
      `Give the bilateral orders, such as ${order('summit')}, and propose or endorse measures.`,
      ROLE_ORDERS.diplomat,
    ),
    resolution: task('world', 'Check who kept their word after the talks.'),
    debrief: task('talks', 'Tell your team what the others promised and what they did.'),
  },
  commander: {
    briefing: task('cards', 'Read the card for what it means in orbit.'),
    negotiation: task('talks', 'Tell your team what your satellites need and what threatens them.'),
    orders: task(
      'ordersOrbit',
      `Give the orders in orbit under ${control('newOrder')}: ${order('launchSatellites')}, weapons, sensors, debris.`,
      ROLE_ORDERS.commander,
    ),
    resolution: task('world', 'Check the incidents, the debris and who gained military power.'),
    debrief: task('world', 'Say whether your moves in orbit made your delegation safer.'),
  },
  analyst: {
    briefing: task('world', `Read ${CONTROL_NAMES.world} and your secret objectives.`),
    negotiation: task('talks', 'Tell your team what your sensors saw and what the others may hide.'),
    orders: task('ordersCd', 'Check every order in the list against your secret objectives and the budget.'),
    resolution: task(
      'assessment',
      `Write your team’s assessment of each incident (who, how sure, why), then press ${control('saveAssessment')}.`,
    ),
    debrief: task('assessment', `Check ${control('assessment')}: does what you learnt since change it?`),
  },
  legal: {
    briefing: task('cards', 'Read the card for what it means for the texts on the table.'),
    negotiation: task(
      'ordersCd',
      `Draft the amendments your team wants with the ${order('amendDraft')} order.`,
      ['amendDraft', 'tableDraft'],
    ),
    orders: task(
      'ordersCd',
      `Give the orders on texts and votes: ${order('tableDraft')}, ${order('amendDraft')}, sign, vote.`,
      ROLE_ORDERS.legal,
    ),
    resolution: task('world', 'Check which texts moved, which amendments passed and who broke a pledge.'),
    debrief: task('talks', 'Say whether the texts your team backed would stop what it fears.'),
  },
  spokesperson: {
    briefing: task('cards', 'Prepare what your delegation will say about the card in public.'),
    negotiation: task(
      'floor',
      `Speak for your delegation in the ${control('floorTab')} tab of Talks, in words the head agrees.`,
    ),
    orders: task(
      'ordersCd',
      `Write this round’s one public statement with the ${order('statement')} order.`,
      ROLE_ORDERS.spokesperson,
    ),
    resolution: task('world', 'Compare what each delegation said in public with what it did.'),
    debrief: task('talks', 'Tell the class your delegation’s story of the round in a few sentences.'),
  },
};

/**
 * A role's task now. The analyst's assessment waits for an incident: with none to assess, the analyst reads the
 * changes and their causes instead.
 */
export function taskOf(role: Role, phase: RoundPhase, incidentsToAssess: number): RoleTask {
  const t = ROLE_TASKS[role][phase];
  if (t.at === 'assessment' && incidentsToAssess === 0) {
    return task(
      'world',
      'No incident to assess yet: read every change and its cause, and what your sensors caught.',
    );
  }
  return t;
}
