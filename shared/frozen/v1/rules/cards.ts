// Frozen: rules version 1, copied from shared/rules/cards.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
import type { Card, CustomCard, Effect } from '../content/card.ts';
import { DELEGATION_NAMES } from '../model/seats.ts';
import { sentence } from './ledger.ts';
import { Ledger } from './ledger.ts';
import type { ChangeSource, Counterspace, RevealedCard, World } from './model.ts';
import { TCBM_NAMES } from './texts.ts';
import { Dice } from './rng.ts';

/** The change target an effect moves, in the ledger's terms. */
function targetOf(e: Exclude<Effect, { kind: 'measure' }>): string {
  switch (e.kind) {
    case 'tension':
    case 'debris':
    case 'alignment':
      return e.kind;
    case 'momentum':
      return `draft.${e.draft}.momentum`;
    case 'prestige':
    case 'legitimacy':
    case 'budget':
    case 'income':
      return `${e.kind}.${e.delegation}`;
    case 'threat':
      return `threat.${e.felt}.${e.from}`;
    case 'capability':
      return `capability.${e.delegation}.${e.capability}`;
    case 'lunarPartners':
      return `lunarPartners.${e.bloc}`;
  }
}

/**
 * Reveals event cards at the start of a round (or when the teacher injects one) and applies their effects,
 * each as a change caused by the card. The one executor for every card: cards are data, never code. Pure:
 * returns a new world.
 */
export function revealCards(
  world: World,
  cards: readonly (Card | (RevealedCard['card'] & { effects: Effect[]; audience?: Card['audience'] }))[],
  round: number,
  injected = false,
): World {
  if (cards.length === 0) return world;
  const { changes, story, cards: shown, ...state } = world;
  const w: World = { ...structuredClone(state), changes: [...changes], story: [...story], cards: [...shown] };
  const ledger = new Ledger(w, round);
  for (const card of cards) {
    const visibleTo = card.audience ?? 'all';
    const source: ChangeSource = { kind: 'card', card: card.id };
    for (const e of card.effects) {
      if (e.kind === 'measure') {
        const m = w.measures[e.measure] ?? { endorsers: [], proposedRound: round };
        for (const d of e.endorsers) if (!m.endorsers.includes(d)) m.endorsers.push(d);
        w.measures[e.measure] = m;
        w.story.push({
          round,
          text: `Event: ${card.title}: ${TCBM_NAMES[e.measure]} is now backed by ${m.endorsers.map((d) => DELEGATION_NAMES[d]).join(', ')}.`,
          visibleTo,
        });
        continue;
      }
      ledger.add(targetOf(e), e.delta, `Event: ${card.title}`, source, visibleTo);
      // An intelligence card's new weapons stay hidden from those outside its audience, like a covert build.
      if (
        card.audience &&
        e.kind === 'capability' &&
        e.capability.startsWith('counterspace.') &&
        e.delta > 0
      ) {
        const kind = e.capability.slice('counterspace.'.length) as Counterspace;
        for (let i = 0; i < e.delta; i++) {
          w.covert.push({
            id: `c${w.nextId++}`,
            round,
            by: e.delegation,
            kind,
            knownTo: card.audience.filter((d) => d !== e.delegation),
            public: false,
          });
        }
      }
    }
    w.story.push({
      round,
      text: sentence(`${injected ? 'The teacher played a card' : 'New card'}: ${card.title} (${card.date}).`),
      visibleTo,
    });
    w.cards.push({
      round,
      card: {
        id: card.id,
        timelineId: card.timelineId,
        date: card.date,
        title: card.title,
        arena: card.arena,
        actors: [...card.actors],
        briefing: card.briefing,
        source: card.source ? structuredClone(card.source) : undefined,
        prompts: card.prompts.map((p) => ({ ...p })),
        teacherNotes: card.teacherNotes,
        debrief: card.debrief,
      },
      audience: card.audience ? [...card.audience] : undefined,
      injected,
    });
  }
  ledger.flush();
  return w;
}

/** A teacher's own card, made into the shape the executor reads. */
export function customCard(c: CustomCard, id: string, year: number | undefined) {
  return {
    id,
    timelineId: undefined,
    date: String(year ?? ''),
    title: c.title,
    arena: c.arena,
    actors: ['teacher'],
    briefing: c.briefing,
    source: undefined,
    prompts: [],
    teacherNotes: 'Written by the teacher during the session.',
    debrief: 'What did this event change for each delegation, and why?',
    effects: c.effects,
  };
}

/**
 * Draws `n` cards from a pool with the world's generator, leaving out cards already revealed; returns them
 * and the world with the generator moved on, so the same seed draws the same cards.
 */
export function drawCards<T extends { id: string }>(
  world: World,
  pool: readonly T[],
  n: number,
): [T[], World] {
  if (n <= 0) return [[], world];
  const dice = new Dice(world.rng);
  const seen = new Set(world.cards.map((c) => c.card.id));
  const left = pool.filter((c) => !seen.has(c.id));
  const drawn: T[] = [];
  for (let i = 0; i < n && left.length > 0; i++) drawn.push(...left.splice(dice.int(0, left.length - 1), 1));
  return [drawn, { ...world, rng: dice.state() }];
}

export function audienceText(audience: readonly string[] | undefined): string {
  return audience ? audience.map((d) => DELEGATION_NAMES[d as 'us'] ?? d).join(', ') : 'everyone';
}
