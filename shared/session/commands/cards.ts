/** Cards the teacher plays during the rounds: one from the deck, or one written on the spot. */
import type { Delegation } from '../../model/seats.ts';
import { customCard, revealCards } from '../../rules/cards.ts';
import { ordersProblem } from '../../rules/orders.ts';
import type { SessionEvent } from '../commands.ts';
import { currentYear, headOf, type SessionModel } from '../model.ts';
import { refusal } from '../refusal.ts';
import type { Handlers } from './handler.ts';

export const cardCommands: Handlers<'injectCard' | 'injectCustom'> = {
  injectCard: {
    sender: 'teacher',
    handle(s, c, ctx) {
      if (s.stage !== 'playing' || !s.world)
        return refusal('wrongStage', 'Cards can be played only during the rounds.');
      const card = ctx.cards.find((x) => x.id === c.cardId);
      if (!card) return refusal('unknownCard', `There is no card "${c.cardId}" in this server's deck.`);
      if (s.world.cards.some((x) => x.card.id === card.id)) {
        return refusal('nothingToDo', `"${card.title}" has already been played in this session.`);
      }
      s.world = revealCards(s.world, [card], s.round, true);
      return [{ type: 'cardRevealed', cardId: card.id, round: s.round, injected: true }, ...recheckOrders(s)];
    },
  },

  injectCustom: {
    sender: 'teacher',
    handle(s, c) {
      if (s.stage !== 'playing' || !s.world)
        return refusal('wrongStage', 'Cards can be played only during the rounds.');
      const id = `custom-${s.world.cards.filter((x) => x.card.id.startsWith('custom-')).length + 1}`;
      s.world = revealCards(s.world, [customCard(c.card, id, currentYear(s))], s.round, true);
      return [{ type: 'cardRevealed', cardId: id, round: s.round, injected: true }, ...recheckOrders(s)];
    },
  },
};

/**
 * A card can change budgets and capabilities in the middle of a round: orders it made impossible lose their
 * confirmation, so the head confirms again what the team can still do.
 */
function recheckOrders(s: SessionModel): SessionEvent[] {
  const events: SessionEvent[] = [];
  if (!s.world) return events;
  for (const d of Object.keys(s.teams) as Delegation[]) {
    const desk = s.teams[d];
    if (desk.submitted && ordersProblem(s.world, d, desk.orders)) {
      desk.submitted = false;
      desk.withdrawn = { by: '', confirmedBy: headOf(s, d)?.id ?? '' };
      events.push({ type: 'ordersWithdrawn', seat: d, memberId: '' });
    }
  }
  return events;
}
