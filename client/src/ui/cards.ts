import { ARENA_NAMES, type CardArena, checkedLabel } from '../../../shared/content/card.ts';
import { DELEGATION_NAMES, type Delegation } from '../../../shared/model/seats.ts';
import type { RevealedCard } from '../../../shared/rules/model.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import { fill, h } from './dom.ts';

/**
 * "Liu 2024; CD/1985 · checked against the record: confirmed" (or "the paper differs; this card follows the
 * record"), or the teacher's own card.
 */
export function sourceLine(c: RevealedCard['card']): string {
  if (!c.source) return 'Written by the teacher for this session.';
  const refs = [...c.source.paper, ...c.source.documents];
  const checked = checkedLabel(c.source, c.timelineId);
  return `Source: ${refs.join('; ') || 'the public record'}${c.source.inPaper ? '' : ' (not in the paper)'} · checked against the record: ${checked}`;
}

/** A card as text: what screen readers read, and what anyone can reread from the timeline. */
export function cardArticle(
  rc: RevealedCard,
  opts: { seat?: Delegation | undefined; teacher?: boolean; debrief?: boolean } = {},
) {
  const c = rc.card;
  const prompts = c.prompts.filter((p) => opts.teacher || p.delegation === opts.seat);
  return h(
    'article',
    { class: `event-card arena-${c.arena}`, 'aria-label': `Event card: ${c.title}` },
    h(
      'p',
      { class: 'card-meta' },
      `${c.date} · ${ARENA_NAMES[c.arena as CardArena] ?? c.arena}${rc.injected ? ' · played by the teacher' : ''}`,
    ),
    h('h3', {}, c.title),
    h('p', {}, c.briefing),
    prompts.length
      ? h(
          'div',
          { class: 'prompts' },
          ...prompts.map((p) =>
            h(
              'p',
              { class: 'prompt' },
              h('strong', {}, opts.teacher ? `Asks ${DELEGATION_NAMES[p.delegation]}: ` : 'Your decision: '),
              p.question,
            ),
          ),
        )
      : undefined,
    opts.debrief || opts.teacher
      ? h('p', { class: 'debrief-q' }, h('strong', {}, 'Debrief: '), c.debrief)
      : undefined,
    opts.teacher && c.teacherNotes
      ? h('p', { class: 'notes' }, h('strong', {}, 'Teacher notes: '), c.teacherNotes)
      : undefined,
    h('p', { class: 'source' }, sourceLine(c)),
  );
}

/**
 * This round's cards in full, and a timeline of every card so far that opens any card again. Redraws only
 * when the cards or the phase change.
 */
export function cardsPanel(opts: { teacher?: boolean } = {}) {
  const current = h('div', { class: 'current-cards' });
  const strip = h('ol', { class: 'timeline-strip', 'aria-label': 'Cards so far' });
  const dialog = h('dialog', { class: 'card-dialog', 'aria-label': 'Event card' });
  const root = h(
    'section',
    { class: 'card cards-panel', 'aria-labelledby': 'cards-title' },
    h('h2', { id: 'cards-title' }, 'Event cards'),
    current,
    h('h3', {}, 'Timeline'),
    strip,
    dialog,
  );
  let shown = '';
  return {
    root,
    update(w: WorldView | undefined, round: number, phase: string, seat?: Delegation) {
      const key = JSON.stringify([w?.cards.length, round, phase, seat, w?.cards.at(-1)?.card.id]);
      if (key === shown) return;
      shown = key;
      const cards = w?.cards ?? [];
      root.hidden = cards.length === 0;
      const now = cards.filter((c) => c.round === round);
      fill(
        current,
        ...(now.length
          ? now.map((c) => cardArticle(c, { seat, teacher: opts.teacher, debrief: phase === 'debrief' }))
          : [h('p', { class: 'empty' }, 'No new card this round.')]),
      );
      fill(
        strip,
        ...cards.map((c, i) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                id: `timeline-card-${i}`,
                onclick: () => {
                  fill(
                    dialog,
                    cardArticle(c, { seat, teacher: opts.teacher, debrief: true }),
                    h('form', { method: 'dialog' }, h('button', { type: 'submit' }, 'Close')),
                  );
                  dialog.showModal();
                },
              },
              `${c.card.date.slice(0, 4)} · ${c.card.title}`,
            ),
          ),
        ),
      );
    },
  };
}
