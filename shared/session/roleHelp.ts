import type { RoundPhase } from '../model/phases.ts';
import type { Role } from './chat.ts';

/**
 * What each role in a delegation does in each phase of a round, one sentence a cell: the student desk shows the
 * student's own roles for the phase now, and every role on request. Roles only say where to look first; any
 * member may draft orders and write in the notes, and only the head confirms.
 */
/** What each role is for, whatever the phase: shown before the first round. */
export const ROLE_SUMMARY: Readonly<Record<Role, string>> = {
  head: 'Leads the team and confirms its orders each round.',
  diplomat: 'Speaks for the delegation at the Conference on Disarmament and in talks with the others.',
  commander: 'Looks after the satellites and weapons, and drafts the orders in orbit.',
  analyst: 'Reads the indicators, what the sensors saw and the secret objectives.',
  legal: 'Knows the treaty texts and their clauses, and drafts the texts and amendments at the CD.',
  spokesperson: 'Writes what the delegation says in public: the statements on the CD floor.',
};

export const ROLE_HELP: Readonly<Record<Role, Readonly<Record<RoundPhase, string>>>> = {
  head: {
    briefing: 'Read the card with your team and agree what matters most this round.',
    negotiation:
      'Keep the team to its goals: share out the talks and the draft orders, and watch the budget.',
    orders: 'Check the orders and their cost with your team, then confirm them before the time runs out.',
    resolution: 'Follow what happened and why; note what surprised your team.',
    debrief: 'Lead your team’s answer: what worked, and what you will change next round.',
  },
  diplomat: {
    briefing:
      'Read the card for what it means at the Conference on Disarmament and for the other delegations.',
    negotiation:
      'Speak for your delegation: ask for channels with the others, talk on the CD floor, and seek summits and deals.',
    orders:
      'Draft the bilateral orders and the measures (summits, deals, sanctions, confidence-building, lobbying).',
    resolution: 'Check which texts moved, which votes passed and who kept their word.',
    debrief: 'Say what the others promised and what they did.',
  },
  commander: {
    briefing: 'Read the card for what it means in orbit: satellites, weapons, debris.',
    negotiation: 'Tell the team what your satellites need and what the others’ weapons threaten.',
    orders: 'Draft the orders in orbit (launches, weapons, tests, sensors, debris) and weigh what they cost.',
    resolution: 'Check what happened in orbit: incidents, debris and who gained military power.',
    debrief: 'Say whether your moves in orbit made your delegation safer or only the others more afraid.',
  },
  analyst: {
    briefing: 'Read the world panel: tension, debris, the alignment, and your secret objectives.',
    negotiation: 'Tell the team what your sensors saw and what the others may be hiding.',
    orders: 'Check each order against your secret objectives and the budget before the head confirms.',
    resolution: 'Read every change and its cause, and what your sensors caught the others doing.',
    debrief: 'Say which indicators moved and why, and how far your objectives are met.',
  },
  legal: {
    briefing: 'Read the card for what it means for the texts on the table and the pledges your team made.',
    negotiation:
      'Read the drafts and their clauses, and tell the team what a yes or a signature would commit it to.',
    orders: 'Draft the orders on texts and votes: table a draft, propose an amendment, sign, ratify, vote.',
    resolution: 'Check which texts moved, which amendments passed and who broke a pledge.',
    debrief: 'Say whether the texts your team backed would really stop what it fears.',
  },
  spokesperson: {
    briefing: 'Read the card and think of what your delegation will say about it in public.',
    negotiation: 'Write your delegation’s statements on the CD floor, agreed with the head.',
    orders: 'Draft the statement order: the one public statement your delegation makes this round.',
    resolution: 'Compare what each delegation said in public with what it did.',
    debrief: 'Tell the class your delegation’s story of the round in a few sentences.',
  },
};
