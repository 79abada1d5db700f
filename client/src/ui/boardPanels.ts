import { DELEGATION_NAMES, DELEGATIONS } from '../../../shared/model/seats.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import { membersInOrder, type SessionView } from '../net/view.ts';
import { cardsPanel } from './cards.ts';
import { fill, h } from './dom.ts';
import { targetName } from './worldPanel.ts';

/** How long each of the round's cards stays up on the board before the next one, when nobody turns them. */
const CARD_SECONDS = 30;

/**
 * The briefing's cards, one at a time and large: the round's cards are all in the DOM (what screen readers
 * and the other screens read), the board shows one, turns to the next every half minute, and the teacher can
 * turn them by hand.
 */
export function cardStage() {
  const cards = cardsPanel();
  const position = h('span', { class: 'card-position', 'aria-live': 'polite' });
  const previous = h(
    'button',
    { type: 'button', class: 'small', onclick: () => turn(-1, true) },
    'Previous card',
  );
  const next = h('button', { type: 'button', class: 'small', onclick: () => turn(1, true) }, 'Next card');
  const pager = h(
    'nav',
    { class: 'card-pager', 'aria-label': 'The round’s cards' },
    previous,
    position,
    next,
  );
  cards.root.append(pager);
  // The card scrolls when it is longer than its panel: reachable by keyboard.
  cards.root.querySelector('.current-cards')?.setAttribute('tabindex', '0');
  let index = 0;
  let count = 0;
  let byHand = false;
  let shownKey = '';

  const articles = () =>
    Array.from(cards.root.querySelectorAll<HTMLElement>('.current-cards > article.event-card'));
  const apply = () => {
    const list = articles();
    count = list.length;
    if (index >= count) index = Math.max(0, count - 1);
    list.forEach((a, i) => {
      a.hidden = i !== index;
    });
    pager.hidden = count < 2;
    position.textContent = count ? `Card ${index + 1} of ${count}` : '';
  };
  const turn = (step: number, hand = false) => {
    if (count < 2) return;
    if (hand) byHand = true;
    index = (index + step + count) % count;
    apply();
  };
  const tick = setInterval(() => {
    if (!byHand && !cards.root.hidden && cards.root.isConnected) turn(1);
  }, CARD_SECONDS * 1000);

  return {
    root: cards.root,
    update(w: WorldView | undefined, round: number, phase: string) {
      cards.update(w, round, phase);
      const key = `${round}:${w?.cards.length ?? 0}`;
      if (key !== shownKey) {
        // A new round starts at its first card; a card the teacher plays during the round shows at once.
        const sameRound = shownKey.startsWith(`${round}:`);
        shownKey = key;
        byHand = false;
        index = sameRound ? Math.max(0, (w?.cards.filter((c) => c.round === round).length ?? 1) - 1) : 0;
      }
      apply();
    },
    destroy() {
      clearInterval(tick);
    },
  };
}

/**
 * The orders phase as the class sees it: which delegations have confirmed their orders, never what they are.
 */
export function confirmations() {
  const list = h('ul', { class: 'confirm-tiles' });
  const summary = h('p', { class: 'confirm-summary', 'aria-live': 'polite' });
  const root = h(
    'section',
    { class: 'confirmations', 'aria-labelledby': 'confirm-title' },
    h('h2', { id: 'confirm-title' }, 'Orders: who has confirmed'),
    summary,
    list,
  );
  let shown = '';
  return {
    root,
    update(view: SessionView) {
      const members = membersInOrder(view);
      const rows = DELEGATIONS.map((d) => ({
        d,
        done: view.teams[d]?.submitted ?? false,
        seated: members.filter((m) => m.seat === d).length,
      }));
      const key = JSON.stringify(rows);
      if (key === shown) return;
      shown = key;
      const done = rows.filter((r) => r.done).length;
      summary.textContent =
        done === rows.length
          ? 'Every delegation has confirmed its orders.'
          : `${done} of ${rows.length} delegations have confirmed their orders.`;
      fill(
        list,
        ...rows.map((r) =>
          h(
            'li',
            { class: `confirm-tile seat-${r.d}${r.done ? ' done' : ''}` },
            h('span', { class: 'confirm-name' }, DELEGATION_NAMES[r.d]),
            h(
              'span',
              { class: 'confirm-state' },
              r.done ? '✓ Orders confirmed' : r.seated ? 'Still deciding…' : 'No one at this desk',
            ),
          ),
        ),
      );
    },
  };
}

/** How many of the largest changes the board lists under a round's story: what the back row can read. */
const CAUSES_SHOWN = 6;

/**
 * What the last resolution did, step by step: the round's story as numbered steps, then the largest changes
 * to the indicators with their causes. In the round debrief, the questions of the round's cards follow.
 */
export function roundStory() {
  const root = h('section', { class: 'last-round board-story', 'aria-labelledby': 'last-round-title' });
  let shown = '';
  return {
    root,
    update(w: WorldView | undefined, phase: string) {
      const key = `${w?.round}:${w?.story.length}:${w?.changes.length}:${phase}`;
      if (!w || key === shown) return;
      shown = key;
      const story = w.story.filter((s) => s.round === w.round);
      const causes = w.changes
        .filter((c) => c.round === w.round)
        .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
        .slice(0, CAUSES_SHOWN);
      const questions =
        phase === 'debrief'
          ? w.cards.filter((c) => c.round === w.round && c.card.debrief).map((c) => c.card)
          : [];
      fill(
        root,
        h(
          'h2',
          { id: 'last-round-title' },
          w.round === 0
            ? 'Before round 1'
            : `What happened in round ${w.round}${w.year ? ` (${w.year})` : ''}`,
        ),
        story.length
          ? h('ol', { class: 'story' }, ...story.map((s) => h('li', {}, s.text)))
          : h(
              'p',
              { class: 'empty' },
              w.round === 0 ? 'The first resolution comes at the end of round 1.' : 'Nothing happened.',
            ),
        causes.length ? h('h3', {}, 'Why the indicators moved') : undefined,
        causes.length
          ? h(
              'ul',
              { class: 'causes' },
              ...causes.map((c) =>
                h(
                  'li',
                  {},
                  h('strong', {}, `${targetName(c.target)} ${c.delta > 0 ? '+' : ''}${c.delta}`),
                  ` (now ${c.after}): ${c.cause}`,
                ),
              ),
            )
          : undefined,
        questions.length ? h('h3', {}, 'To discuss') : undefined,
        questions.length
          ? h('ul', { class: 'round-questions' }, ...questions.map((c) => h('li', {}, c.debrief)))
          : undefined,
      );
    },
  };
}
