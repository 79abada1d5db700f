import { cardsPanel } from '../cards.ts';
import { h } from '../dom.ts';
import { injectPanel } from '../inject.ts';
import type { ConsoleContext, Panel } from './context.ts';

/** This round's cards with the teacher's notes, the timeline of every card so far, and playing a card now. */
export function cardsTab(ctx: ConsoleContext): Panel {
  const cards = cardsPanel({ teacher: true });
  const inject = injectPanel((type, payload) => ctx.link.send(type, payload));
  const root = h('div', { class: 'cards-layout' }, cards.root, inject.root);
  return {
    root,
    update(view) {
      cards.update(view.hostWorld, view.round, view.phase);
      inject.update(
        view.stage === 'playing',
        (view.hostWorld?.cards ?? []).map((c) => c.card.id),
      );
    },
  };
}
