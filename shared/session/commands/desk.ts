/** A delegation's desk: its notes, the orders it drafts, and the head's confirmation. */
import { PHASE_NAMES, type RoundPhase } from '../../model/phases.ts';
import { type Delegation, isDelegation } from '../../model/seats.ts';
import { ordersProblem } from '../../rules/orders.ts';
import type { SessionEvent } from '../commands.ts';
import { botId, headOf, type Member, type SessionModel, type TeamDesk } from '../model.ts';
import { refusal } from '../refusal.ts';
import type { Handlers } from './handler.ts';

/** Phases in which a delegation may work on its draft. */
const DRAFT_PHASES: readonly RoundPhase[] = ['negotiation', 'orders'];

export const deskCommands: Handlers<'editDraft' | 'setOrders' | 'submitOrders'> = {
  editDraft: {
    sender: 'member',
    handle(s, c, me) {
      const at = deskOf(s, me);
      if (!at) return refusal('notSeated', 'Sit at a delegation to work on its draft.');
      if (s.stage !== 'playing' || !s.phase || !DRAFT_PHASES.includes(s.phase)) {
        return refusal('wrongPhase', `Drafts are open in the negotiation and orders phases; ${nowText(s)}.`);
      }
      // Two teammates typing at once: an edit made on notes that have changed since would erase the other's text.
      const version = at.desk.draftVersion ?? 0;
      if (c.base !== undefined && c.base !== version && c.text !== at.desk.draft) {
        return refusal(
          'conflict',
          'A teammate changed the notes while you were typing. Choose between their text and yours.',
        );
      }
      // Notes are the team's scratchpad: editing them leaves confirmed orders as they are.
      at.desk.draft = c.text;
      if (c.base !== undefined || at.desk.draftVersion !== undefined) at.desk.draftVersion = version + 1;
      return [{ type: 'draftEdited', seat: at.seat, memberId: me.id }];
    },
  },

  setOrders: {
    sender: 'member',
    handle(s, c, me) {
      const at = deskOf(s, me);
      if (!at) return refusal('notSeated', 'Sit at a delegation to draft its orders.');
      if (s.stage !== 'playing' || !s.world || !s.phase || !DRAFT_PHASES.includes(s.phase)) {
        return refusal(
          'wrongPhase',
          `Orders are drafted in the negotiation and orders phases; ${nowText(s)}.`,
        );
      }
      const problem = ordersProblem(s.world, at.seat, c.orders);
      if (problem) return refusal('invalidOrders', problem);
      at.desk.orders = c.orders;
      const events: SessionEvent[] = [
        { type: 'ordersSet', seat: at.seat, memberId: me.id, count: c.orders.length },
      ];
      if (at.desk.submitted) {
        at.desk.submitted = false;
        at.desk.withdrawn = { by: me.id, confirmedBy: headOf(s, at.seat)?.id ?? '' };
        events.push({ type: 'ordersWithdrawn', seat: at.seat, memberId: me.id });
      }
      return events;
    },
  },

  submitOrders: {
    sender: 'member',
    handle(s, _c, me) {
      const at = deskOf(s, me);
      if (!at) return refusal('notSeated', 'Sit at a delegation to submit its orders.');
      if (s.stage !== 'playing' || s.phase !== 'orders') {
        return refusal('wrongPhase', `Orders are submitted in the orders phase; ${nowText(s)}.`);
      }
      if (at.desk.submitted) return refusal('nothingToDo', "Your delegation's orders are already in.");
      // A bot plays a delegation with no student connected: it is the head.
      const head = me.id === botId(at.seat) ? me : headOf(s, at.seat);
      if (head && head.id !== me.id) {
        return refusal('notHead', `Only the head of delegation (${head.nickname}) confirms the orders.`);
      }
      at.desk.submitted = true;
      delete at.desk.withdrawn;
      return [{ type: 'ordersSubmitted', seat: at.seat, memberId: me.id }];
    },
  },
};

/** The desk of the member's delegation, or undefined for an observer or a student not yet seated. */
function deskOf(s: SessionModel, member: Member): { seat: Delegation; desk: TeamDesk } | undefined {
  return isDelegation(member.seat) ? { seat: member.seat, desk: s.teams[member.seat] } : undefined;
}

function nowText(s: SessionModel): string {
  if (s.stage === 'lobby') return 'the session has not started yet';
  if (s.stage === 'ended') return 'the session has ended';
  return `now it is the ${PHASE_NAMES[s.phase ?? 'briefing'].toLowerCase()} phase`;
}
