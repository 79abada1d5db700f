import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { describeOrder } from '../../../shared/rules/describe.ts';
import { sourceLine } from '../ui/cards.ts';
import { h } from '../ui/dom.ts';
import type { Replay } from './model.ts';
import './record.css';

/** What one delegation did in a round, in plain words: the orders its head confirmed and the rules played. */
export interface ClassDecisions {
  delegation: Delegation;
  did: string[]; // "Launch 1 satellite to MEO"; or one line saying why nothing was played
}

/** One card of the round, as the record has it: the event the game took from those years. */
export interface RecordEvent {
  date: string; // "2014-03"
  title: string;
  gist: string; // the briefing's first sentence
  source: string; // "Source: He & Ye 2021; Liu 2024 · checked against the record: confirmed"
  byTeacher: boolean; // played by the teacher during the session, not dealt by the scenario
}

/** One resolved round of "your game against the record": the class's decisions beside the record's events. */
export interface RecordRound {
  round: number;
  year: number | undefined;
  decisions: ClassDecisions[];
  outcomes: string[]; // what came of it, as the class read it after the resolution (public lines only)
  events: RecordEvent[];
}

/** At most this many outcome lines a round: the report is read on paper, beside the cards. */
const OUTCOMES_PER_ROUND = 5;

/**
 * Your game against the record: for each resolved round, what each delegation decided (the orders played, in
 * plain words) and what came of it, beside the events of those years the round's cards are taken from (date,
 * title, the first sentence of the briefing, and the card's source line). Pure: read from the folded log.
 */
export function gameAgainstRecord(replay: Replay): RecordRound[] {
  return replay.rounds.map((r) => {
    const decisions = DELEGATIONS.map((d): ClassDecisions => {
      const desk = r.desks[d];
      if (!desk.confirmed)
        return {
          delegation: d,
          did: [
            desk.orders.length
              ? 'Drafted orders but never confirmed them: nothing was played.'
              : 'Gave no orders.',
          ],
        };
      if (desk.unplayable)
        return { delegation: d, did: [`Confirmed orders that could not be played: ${desk.unplayable}`] };
      return {
        delegation: d,
        did: desk.orders.length ? desk.orders.map(describeOrder) : ['Confirmed an empty list.'],
      };
    });
    // The public story of the round, without the lines that only announce a card (the cards are the other column)
    // or say that a delegation gave no orders (the decisions say it).
    const outcomes = r.after.story
      .filter(
        (s) =>
          s.round === r.round &&
          s.visibleTo === 'all' &&
          !/^(New card:|The teacher played a card:)/.test(s.text) &&
          !/ gave no orders this round\.$/.test(s.text),
      )
      .map((s) => s.text)
      .slice(0, OUTCOMES_PER_ROUND);
    const events = r.after.cards
      .filter((c) => c.round === r.round)
      .map(
        (c): RecordEvent => ({
          date: c.card.date,
          title: c.card.title,
          gist: firstSentence(c.card.briefing),
          source: sourceLine(c.card),
          byTeacher: c.injected,
        }),
      )
      .sort((a, b) => a.date.localeCompare(b.date)); // in the order of the record
    return { round: r.round, year: r.year, decisions, outcomes, events };
  });
}

/** "In March 2014 Russia annexed Crimea, and …." up to the first full stop that ends a sentence. */
export function firstSentence(text: string): string {
  const end = /[.!?](?=\s+[A-Z“"‘(])/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

/**
 * The section's table: one row a round, "What your class did" beside "What happened in those years", so the
 * class can set its game against the record it was drawn from.
 */
export function recordTable(replay: Replay, idPrefix: string): HTMLElement {
  const rounds = gameAgainstRecord(replay);
  if (rounds.length === 0) return h('p', { class: 'empty' }, 'No round was resolved.');
  return h(
    'table',
    { class: 'record-table', id: `${idPrefix}-record` },
    h(
      'caption',
      {},
      'Round by round, the decisions of the class beside the events of those years its cards come from.',
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Round'),
        h('th', { scope: 'col' }, 'What your class did'),
        h('th', { scope: 'col' }, 'What happened in those years'),
      ),
    ),
    h(
      'tbody',
      {},
      ...rounds.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `Round ${r.round}${r.year ? ` (${r.year})` : ''}`),
          h(
            'td',
            { 'data-label': 'What your class did' },
            h(
              'ul',
              { class: 'record-class' },
              ...r.decisions.map((d) =>
                h('li', {}, h('strong', {}, `${DELEGATION_NAMES[d.delegation]}: `), d.did.join('; ')),
              ),
            ),
            r.outcomes.length
              ? h('p', { class: 'record-outcomes' }, h('em', {}, 'What came of it: '), r.outcomes.join(' '))
              : undefined,
          ),
          h(
            'td',
            { 'data-label': 'What happened in those years' },
            r.events.length
              ? h(
                  'ul',
                  { class: 'record-events' },
                  ...r.events.map((e) =>
                    h(
                      'li',
                      {},
                      h('strong', {}, `${e.date} · ${e.title}. `),
                      e.gist,
                      e.byTeacher ? ' (played by the teacher)' : '',
                      h('br'),
                      h('small', { class: 'source' }, e.source),
                    ),
                  ),
                )
              : h('p', { class: 'empty' }, 'No event card this round.'),
          ),
        ),
      ),
    ),
  );
}
