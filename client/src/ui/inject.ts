import {
  ARENA_NAMES,
  ARENAS,
  type CardArena,
  CARD_CAPABILITIES,
  type Effect,
  type NumberEffect,
} from '../../../shared/content/card.ts';
import { CAPABILITY_NAMES, DELEGATION_IN_FULL, LUNAR_BLOC_SHORT } from '../../../shared/content/labels.ts';
import { DELEGATION_NAMES, DELEGATIONS } from '../../../shared/model/seats.ts';
import { DRAFTS, LUNAR_BLOCS } from '../../../shared/rules/model.ts';
import { DRAFT_SHORT } from '../../../shared/rules/texts.ts';
import { api } from '../net/api.ts';
import type { SendResult } from '../net/connection.ts';
import { fill, h, notice } from './dom.ts';

type Param = 'delegation' | 'felt' | 'from' | 'draft' | 'capability' | 'bloc';
/** The effect kinds a teacher may put on a card, with the fields each asks for besides its change. */
const KINDS: Record<NumberEffect['kind'], { label: string; params: Param[] }> = {
  tension: { label: 'Tension', params: [] },
  debris: { label: 'Debris', params: [] },
  alignment: { label: 'China–Russia alignment', params: [] },
  momentum: { label: 'Momentum of a draft', params: ['draft'] },
  prestige: { label: 'Prestige', params: ['delegation'] },
  legitimacy: { label: 'Legitimacy', params: ['delegation'] },
  threat: { label: 'Threat felt', params: ['felt', 'from'] },
  capability: { label: 'A capability', params: ['capability', 'delegation'] },
  budget: { label: 'Budget this round', params: ['delegation'] },
  income: { label: 'Income each round', params: ['delegation'] },
  lunarPartners: { label: 'Lunar partners', params: ['bloc'] },
};
const OPTIONS: Record<Param, readonly (readonly [string, string])[]> = {
  delegation: DELEGATIONS.map((d) => [d, DELEGATION_NAMES[d]] as const),
  felt: DELEGATIONS.map((d) => [d, `felt by ${DELEGATION_IN_FULL[d]}`] as const),
  from: DELEGATIONS.map((d) => [d, `from ${DELEGATION_IN_FULL[d]}`] as const),
  draft: DRAFTS.map((d) => [d, DRAFT_SHORT[d]] as const),
  capability: CARD_CAPABILITIES.map((c) => [c, CAPABILITY_NAMES[c] ?? c] as const),
  bloc: LUNAR_BLOCS.map((b) => [b, LUNAR_BLOC_SHORT[b]] as const),
};

type DeckCard = Awaited<ReturnType<typeof api.cards>>[number];

/**
 * The deck as a searchable list with a preview: type a few letters of a title, a year or an arena, pick a card,
 * read what the class will read, then play it. Cards already played are marked.
 */
function deckPicker(send: (type: 'injectCard', payload: never) => Promise<SendResult>, status: HTMLElement) {
  let deckCards: DeckCard[] = [];
  let played = new Set<string>();
  const search = h('input', {
    type: 'search',
    id: 'inject-search',
    autocomplete: 'off',
    placeholder: 'a title, a year, an arena',
    'aria-controls': 'inject-deck',
  });
  const count = h('p', { class: 'hint', id: 'inject-count', 'aria-live': 'polite' });
  const deck = h('select', {
    id: 'inject-deck',
    size: 8,
    'aria-describedby': 'inject-count',
  });
  const preview = h('div', { class: 'deck-preview', id: 'inject-preview', 'aria-live': 'polite' });
  const label = (c: DeckCard) => `${c.date.slice(0, 4)} · ${c.title}${played.has(c.id) ? ' (played)' : ''}`;
  const showPreview = () => {
    const c = deckCards.find((x) => x.id === deck.value);
    fill(
      preview,
      ...(c
        ? [
            h('p', { class: 'card-meta' }, `${c.date} · ${ARENA_NAMES[c.arena as CardArena] ?? c.arena}`),
            h('h4', {}, c.title),
            h('p', {}, c.briefing),
            played.has(c.id) ? h('p', { class: 'hint' }, 'Already played in this session.') : undefined,
          ]
        : [h('p', { class: 'empty' }, 'Choose a card to read it here before you play it.')]),
    );
  };
  const filter = () => {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const chosen = deck.value;
    const shown = deckCards.filter((c) => {
      const text = `${c.date} ${c.title} ${ARENA_NAMES[c.arena as CardArena] ?? c.arena}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
    fill(deck, ...shown.map((c) => h('option', { value: c.id, selected: c.id === chosen }, label(c))));
    count.textContent =
      shown.length === deckCards.length
        ? `${deckCards.length} cards in the deck.`
        : `${shown.length} of ${deckCards.length} cards match.`;
    showPreview();
  };
  search.addEventListener('input', filter);
  deck.addEventListener('change', showPreview);
  api
    .cards()
    .then((cards) => {
      deckCards = cards;
      filter();
    })
    .catch(() => notice(status, 'The deck could not be loaded.', 'error'));
  const root = h(
    'form',
    {
      class: 'deck-picker',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        if (!deck.value) return notice(status, 'Choose a card in the list first.', 'error');
        const r = await send('injectCard', { cardId: deck.value } as never);
        notice(status, r.ok ? 'Card played: everyone sees it now.' : r.message, r.ok ? 'info' : 'error');
      },
    },
    h('h3', {}, 'From the deck'),
    h('label', { for: 'inject-search' }, 'Find a card'),
    search,
    h('label', { for: 'inject-deck' }, 'Card from the deck'),
    deck,
    count,
    h('button', { type: 'submit', id: 'inject-deck-play' }, 'Play this card now'),
    preview,
  );
  return {
    root,
    /** Marks the cards this session has played. */
    played(ids: readonly string[]) {
      const next = new Set(ids);
      if (next.size === played.size && ids.every((id) => played.has(id))) return;
      played = next;
      if (deckCards.length) filter();
    },
  };
}

/** The teacher's inject panel: play any card of the deck now, or write one with effects from the same menu. */
export function injectPanel(
  send: (type: 'injectCard' | 'injectCustom', payload: never) => Promise<SendResult>,
) {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'inject-status' });
  const playDeck = deckPicker(send, status);

  const title = h('input', { id: 'custom-title', maxlength: 90 });
  const text = h('textarea', { id: 'custom-text', rows: 3, maxlength: 700 });
  const arena = h(
    'select',
    { id: 'custom-arena' },
    ...ARENAS.map((a) => h('option', { value: a }, ARENA_NAMES[a])),
  );
  const rows = h('div', { class: 'effect-rows' });
  const addRow = () => {
    if (rows.children.length >= 5) return notice(status, 'A card has at most five effects.', 'error');
    const n = rows.children.length;
    const kind = h(
      'select',
      { 'aria-label': `Effect ${n + 1}: what it changes` },
      ...Object.entries(KINDS).map(([k, v]) => h('option', { value: k }, v.label)),
    );
    const params = h('span', { class: 'effect-params' });
    const delta = h('input', {
      type: 'number',
      min: -20,
      max: 20,
      value: 2,
      'aria-label': `Effect ${n + 1}: change (from −20 to 20)`,
    });
    const refresh = () =>
      fill(
        params,
        ...KINDS[kind.value as keyof typeof KINDS].params.map((p) =>
          h(
            'select',
            { 'data-param': p, 'aria-label': `Effect ${n + 1}: ${p}` },
            ...OPTIONS[p].map(([v, l]) => h('option', { value: v }, l)),
          ),
        ),
      );
    kind.addEventListener('change', refresh);
    refresh();
    const row = h(
      'div',
      { class: 'effect-row' },
      kind,
      params,
      delta,
      h('button', { type: 'button', class: 'link', onclick: () => row.remove() }, 'Remove'),
    );
    rows.append(row);
  };
  const readEffects = (): Effect[] =>
    Array.from(rows.children).map((row) => {
      const [kind] = Array.from(row.querySelectorAll('select'));
      const effect: Record<string, unknown> = {
        kind: kind?.value,
        delta: Number(row.querySelector('input')?.value),
      };
      for (const sel of Array.from(row.querySelectorAll<HTMLSelectElement>('select[data-param]')))
        effect[sel.dataset.param as string] = sel.value;
      return effect as Effect;
    });
  const custom = h(
    'form',
    {
      class: 'custom-card',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const card = { title: title.value, briefing: text.value, arena: arena.value, effects: readEffects() };
        const r = await send('injectCustom', { card } as never);
        notice(
          status,
          r.ok ? 'Your card is played: everyone sees it now.' : r.message,
          r.ok ? 'info' : 'error',
        );
        if (r.ok) {
          title.value = '';
          text.value = '';
          rows.replaceChildren();
        }
      },
    },
    h('h3', {}, 'Write your own card'),
    h('label', { for: 'custom-title' }, 'Title'),
    title,
    h('label', { for: 'custom-text' }, 'What happened (the class reads this)'),
    text,
    h('label', { for: 'custom-arena' }, 'Arena'),
    arena,
    h('p', {}, 'Effects (up to five; each becomes a change caused by your card):'),
    rows,
    h('button', { type: 'button', onclick: addRow, id: 'custom-add-effect' }, 'Add an effect'),
    h('button', { type: 'submit', id: 'custom-play' }, 'Play my card'),
  );
  const root = h(
    'section',
    { class: 'card inject', 'aria-labelledby': 'inject-title' },
    h('h2', { id: 'inject-title' }, 'Play a card'),
    status,
    h('div', { class: 'inject-columns' }, playDeck.root, custom),
  );
  return {
    root,
    update(playing: boolean, played: readonly string[] = []) {
      root.hidden = !playing;
      playDeck.played(played);
    },
  };
}
