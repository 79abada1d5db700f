import { type Card, type CustomCard, cardYear, type Effect, type NumberEffect } from '../content/card.ts';
import { LUNAR_BLOC_NAMES } from '../content/labels.ts';
import { DELEGATION_NAMES, type Delegation } from '../model/seats.ts';
import { sentence } from './ledger.ts';
import { Ledger } from './ledger.ts';
import type { ChangeSource, Counterspace, RevealedCard, World } from './model.ts';
import { DRAFT_SHORT, TCBM_NAMES } from './texts.ts';
import { Dice } from './rng.ts';

/** China and Russia both in the lunar station: the alignment it adds, once (the lunar partnership order's rule). */
export const ILRS_PARTNERS_ALIGNMENT = 3;

const names = (ds: readonly Delegation[]) => ds.map((d) => DELEGATION_NAMES[d]).join(', ');
const blocName = (b: keyof typeof LUNAR_BLOC_NAMES) => `the ${LUNAR_BLOC_NAMES[b]}`;

/** The change target an effect moves, in the ledger's terms. */
function targetOf(e: NumberEffect): string {
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

type Revealable = Card | (RevealedCard['card'] & { effects: Effect[]; audience?: Card['audience'] });

/** Earlier dates first; a date given only to the year or month comes before the precise dates within it. */
const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Reveals event cards at the start of a round (or when the teacher injects one) and applies their effects,
 * each as a change caused by the card. The one executor for every card: cards are data, never code. A batch is
 * revealed in date order (stable for equal dates), whatever order the scenario and the draw gave it. Pure:
 * returns a new world.
 */
export function revealCards(
  world: World,
  cards: readonly Revealable[],
  round: number,
  injected = false,
): World {
  if (cards.length === 0) return world;
  const { changes, story, cards: shown, ...state } = world;
  const w: World = { ...structuredClone(state), changes: [...changes], story: [...story], cards: [...shown] };
  const ledger = new Ledger(w, round);
  for (const card of [...cards].sort(byDate)) {
    const visibleTo = card.audience ?? 'all';
    const source: ChangeSource = { kind: 'card', card: card.id };
    const cause = `Event: ${card.title}`;
    const tell = (text: string) => w.story.push({ round, text: sentence(`${cause}: ${text}`), visibleTo });
    for (const e of card.effects) {
      if (e.kind === 'measure') {
        const m = w.measures[e.measure] ?? { endorsers: [], proposedRound: round };
        for (const d of e.endorsers) if (!m.endorsers.includes(d)) m.endorsers.push(d);
        w.measures[e.measure] = m;
        w.story.push({
          round,
          text: `${cause}: ${TCBM_NAMES[e.measure]} is now backed by ${names(m.endorsers)}.`,
          visibleTo,
        });
        continue;
      }
      if (e.kind === 'table') {
        tableDraft(w, e, card, round, tell);
        continue;
      }
      if (e.kind === 'lunarMember') {
        const founded = joinLunarBloc(w, e, tell);
        if (founded) ledger.add('alignment', ILRS_PARTNERS_ALIGNMENT, cause, source, visibleTo);
        continue;
      }
      if (e.kind === 'sanction') {
        const standing = w.sanctions.some(
          (x) => x.by === e.by && x.target === e.target && x.kind === e.sanction,
        );
        if (!standing)
          w.sanctions.push({
            by: e.by,
            target: e.target,
            kind: e.sanction,
            roundsLeft: undefined,
            incomeTaken: 0,
          });
        tell(
          `${standing ? 'still' : 'now'} in force: a standing ${DELEGATION_NAMES[e.by]} ban on space cooperation with ${DELEGATION_NAMES[e.target]}.`,
        );
        continue;
      }
      ledger.add(targetOf(e), e.delta, cause, source, visibleTo);
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

/**
 * A draft the record put on the table: tabled (unless already adopted), each new sponsor bound by it as a
 * sponsor who tabled it by order would be. Sponsors already on it are not counted again.
 */
function tableDraft(
  w: World,
  e: Extract<Effect, { kind: 'table' }>,
  card: Revealable,
  round: number,
  tell: (text: string) => void,
) {
  const draft = w.drafts[e.draft];
  const name = DRAFT_SHORT[e.draft];
  if (draft.adoptedRound !== undefined) {
    tell(`the ${name} is already adopted; nothing is tabled.`);
    return;
  }
  const wasTabled = draft.tabled;
  draft.tabled = true;
  const added = e.sponsors.filter((d) => !draft.sponsors.includes(d));
  draft.sponsors.push(...added);
  const where = [...(card.source?.documents ?? []), card.date.slice(0, 4)].filter(Boolean).join(', ');
  for (const d of added) {
    w.delegations[d].commitments.push({
      round,
      kind: 'sponsor',
      pledge: e.draft === 'ppwt' ? 'noFirstPlacement' : 'restraint',
      text: `Sponsored the ${name}${where ? ` (${where})` : ''}`,
    });
  }
  tell(`the ${name} is ${wasTabled ? 'still' : 'now'} on the table, sponsored by ${names(draft.sponsors)}.`);
}

/**
 * Founders of a lunar bloc become its members. A delegation already in the rival bloc stays where it is (a bloc
 * member cannot join the other, as with the order). Returns whether this made China and Russia both members of
 * the ILRS for the first time: that alignment is counted here, once.
 */
function joinLunarBloc(
  w: World,
  e: Extract<Effect, { kind: 'lunarMember' }>,
  tell: (text: string) => void,
): boolean {
  const bloc = w.lunar[e.bloc];
  const rival = w.lunar[e.bloc === 'artemis' ? 'ilrs' : 'artemis'];
  const partners = (m: readonly Delegation[]) => m.includes('china') && m.includes('russia');
  const before = partners(bloc.members);
  const joined: Delegation[] = [];
  const kept: Delegation[] = [];
  for (const d of e.members) {
    if (bloc.members.includes(d)) continue;
    if (rival.members.includes(d)) kept.push(d);
    else {
      bloc.members.push(d);
      joined.push(d);
    }
  }
  if (joined.length > 0)
    tell(`${names(joined)} now ${joined.length > 1 ? 'are members' : 'is a member'} of ${blocName(e.bloc)}.`);
  if (kept.length > 0)
    tell(
      `${names(kept)} already ${kept.length > 1 ? 'belong' : 'belongs'} to the rival bloc and stays out of ${blocName(e.bloc)}.`,
    );
  if (joined.length === 0 && kept.length === 0) tell(`${names(e.members)} already in ${blocName(e.bloc)}.`);
  return e.bloc === 'ilrs' && !before && partners(bloc.members);
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
 * How many years before a round's year a pool card may be dated and still be drawn. Two: the campaign draws one
 * card a year, so a card missed in its own year gets the next round's draw (and one more) before it goes stale;
 * the short scenarios, with two years between rounds, can still draw what happened since the last round. A
 * class never reads as news an event from more than two years back.
 */
export const POOL_YEARS = 2;

/**
 * The pool cards a round of year `year` may draw: dated in that year or up to POOL_YEARS before it, never after
 * it. Keeps the pool's order, so a seeded draw from it stays reproducible.
 */
export function poolFor<T extends { date: string }>(pool: readonly T[], year: number): T[] {
  return pool.filter((c) => cardYear(c) <= year && cardYear(c) >= year - POOL_YEARS);
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
