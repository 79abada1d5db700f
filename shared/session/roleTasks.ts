import type { RoundPhase } from '../model/phases.ts';
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
  text: string; // one imperative sentence: "Draft the orders in orbit: launches, sensors, weapons and debris."
  at: TaskPlace;
}

const task = (at: TaskPlace, text: string): RoleTask => ({ at, text });

/**
 * Each role's task in each phase: one thing to do, and where. The head confirms; the analyst writes the team's
 * attribution assessment after an incident; the legal adviser drafts the texts and amendments; the spokesperson
 * speaks on the CD floor and drafts the statement; the commander gives the orders in orbit.
 */
export const ROLE_TASKS: Readonly<Record<Role, Readonly<Record<RoundPhase, RoleTask>>>> = {
  head: {
    briefing: task('cards', 'Agree with your team what matters most this round.'),
    negotiation: task(
      'notes',
      'Share out the work in the notes: who talks to whom, who drafts which orders.',
    ),
    orders: task('confirm', 'Check the orders and their cost, then confirm them before the time runs out.'),
    resolution: task('world', 'Read what happened and tell your team what surprised you.'),
    debrief: task('talks', 'Lead your team’s answer: what will you change next round?'),
  },
  diplomat: {
    briefing: task('cards', 'Read the card for what the other delegations will want.'),
    negotiation: task('talks', 'Open channels with the other delegations and look for deals and summits.'),
    orders: task('ordersBilateral', 'Draft the bilateral orders: summits, deals and sanctions.'),
    resolution: task('world', 'Check who kept their word after the talks.'),
    debrief: task('talks', 'Tell your team what the others promised and what they did.'),
  },
  commander: {
    briefing: task('cards', 'Read the card for what it means in orbit.'),
    negotiation: task('talks', 'Tell your team what your satellites need and what threatens them.'),
    orders: task('ordersOrbit', 'Draft the orders in orbit: launches, sensors, weapons and debris.'),
    resolution: task('world', 'Check the incidents, the debris and who gained military power.'),
    debrief: task('world', 'Say whether your moves in orbit made your delegation safer.'),
  },
  analyst: {
    briefing: task('world', 'Read the world panel and your secret objectives.'),
    negotiation: task('talks', 'Tell your team what your sensors saw and what the others may hide.'),
    orders: task('ordersCd', 'Check every order against your secret objectives and the budget.'),
    resolution: task(
      'assessment',
      'Write your team’s assessment of each incident: who did it, how sure you are, and why.',
    ),
    debrief: task('assessment', 'Check your team’s assessments: does what you learnt since change them?'),
  },
  legal: {
    briefing: task('cards', 'Read the card for what it means for the texts on the table.'),
    negotiation: task('ordersCd', 'Draft the texts and amendments your team wants at the CD.'),
    orders: task('ordersCd', 'Draft the orders on texts: table a draft, amend, sign or ratify a treaty.'),
    resolution: task('world', 'Check which texts moved, which amendments passed and who broke a pledge.'),
    debrief: task('talks', 'Say whether the texts your team backed would stop what it fears.'),
  },
  spokesperson: {
    briefing: task('cards', 'Prepare what your delegation will say about the card in public.'),
    negotiation: task('floor', 'Speak for your delegation on the CD floor, in words the head agrees.'),
    orders: task('ordersCd', 'Draft this round’s statement: the one public statement your delegation makes.'),
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
