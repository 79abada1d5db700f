import { DELEGATION_NAMES, DELEGATIONS } from '../../../shared/model/seats.ts';
import { DRAFTS } from '../../../shared/rules/model.ts';
import { DRAFT_NAMES, TOPIC_NAMES } from '../../../shared/rules/texts.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import { loadPack } from '../net/pack.ts';
import { fill, h } from './dom.ts';

/** One moment the class should stop at in the debrief, with its round. */
export interface TurningPoint {
  round: number;
  text: string;
}

const name = (d: keyof typeof DELEGATION_NAMES) => DELEGATION_NAMES[d];

/**
 * Where the game turned, read from the world as the class sees it at the end (everything is revealed then):
 * texts adopted at the Conference, votes of the General Assembly, broken rules, and words contradicted by deeds.
 * At most `limit`, the weightiest kinds first, then in the order they happened. Without any of these, the first
 * line of each round's story.
 */
export function turningPoints(w: WorldView, limit = 6): TurningPoint[] {
  const adoptions = DRAFTS.flatMap((id) => {
    const round = w.drafts[id].adoptedRound;
    return round === undefined
      ? []
      : [{ round, text: `The Conference on Disarmament adopted ${DRAFT_NAMES[id]} by consensus.` }];
  });
  const violations = w.violations.map((v) => ({
    round: v.round,
    text: `${name(v.by)} broke ${v.rule}: ${v.what}; ${
      v.detectedBy.length
        ? `found by ${v.detectedBy.map(name).join(' and ')}`
        : 'nobody found out during play'
    }.`,
  }));
  const votes = w.resolutions.flatMap((r) =>
    r.result
      ? [
          {
            round: r.proposedRound + 1,
            text: `The General Assembly ${r.result.adopted ? 'adopted' : 'rejected'} the resolution on ${TOPIC_NAMES[r.topic]} (${r.result.yes}–${r.result.no}, ${r.result.abstain} abstaining).`,
          },
        ]
      : [],
  );
  const gaps = w.gaps.map((g) => ({
    round: g.round,
    text: `${name(g.by)} said “${g.said}”, then ${g.did}.`,
  }));
  const picked = [...adoptions, ...violations, ...votes, ...gaps].slice(0, limit);
  if (picked.length === 0) {
    for (let round = 1; round <= w.round && picked.length < limit; round++) {
      // The cards are in the questions: the first line of what the delegations did.
      const first =
        w.story.find((s) => s.round === round && !s.text.startsWith('New card:')) ??
        w.story.find((s) => s.round === round);
      if (first) picked.push({ round, text: first.text });
    }
  }
  return picked.sort((a, b) => a.round - b.round);
}

/** The debrief questions of the cards played, one a round from the last rounds back, at most `limit`. */
export function cardQuestions(w: WorldView, limit = 3): { round: number; card: string; question: string }[] {
  const byRound = new Map<number, { round: number; card: string; question: string }>();
  for (const c of w.cards)
    if (c.card.debrief && !byRound.has(c.round))
      byRound.set(c.round, { round: c.round, card: c.card.title, question: c.card.debrief });
  return [...byRound.values()].slice(-limit);
}

/** The final scores as large tiles, one a delegation and one for the commons everyone shares. */
function scoreTiles(w: WorldView) {
  const sc = w.scores;
  if (!sc)
    return h('p', { class: 'empty' }, 'The scores are shown once the session has played at least one round.');
  const parts = (list: { part: string; points: number }[]) =>
    list.map((p) => `${p.part} ${p.points > 0 ? '+' : ''}${p.points}`).join(' · ');
  return h(
    'ul',
    { class: 'score-tiles' },
    ...DELEGATIONS.map((d) =>
      h(
        'li',
        { class: `score-tile seat-${d}` },
        h('span', { class: 'score-name' }, DELEGATION_NAMES[d]),
        h('span', { class: 'score-total' }, String(sc.national[d].total)),
        h('span', { class: 'score-parts' }, parts(sc.national[d].parts)),
      ),
    ),
    h(
      'li',
      { class: 'score-tile commons' },
      h('span', { class: 'score-name' }, 'Global commons (shared)'),
      h('span', { class: 'score-total' }, String(sc.commons.total)),
      h('span', { class: 'score-parts' }, parts(sc.commons.parts)),
    ),
  );
}

/**
 * The end-of-game screen: the final scores, the turning points, and the questions for the debrief (the cards'
 * own, then the teacher pack's exit ticket when the server has the pack). Redraws only when the world changes.
 */
export function endScreen() {
  const scores = h('div', { class: 'end-scores' });
  const turns = h('ol', { class: 'turning-points' });
  const questions = h('ol', { class: 'questions' });
  const exit = h('div', { class: 'exit-ticket', hidden: true });
  const root = h(
    'section',
    { class: 'end-screen', 'aria-labelledby': 'end-title' },
    h('h2', { id: 'end-title', class: 'end-title' }, 'The game is over'),
    h(
      'div',
      { class: 'end-columns' },
      h(
        'section',
        { class: 'end-column', tabindex: 0, 'aria-labelledby': 'end-scores-title' },
        h('h3', { id: 'end-scores-title' }, 'Final scores'),
        scores,
      ),
      h(
        'section',
        { class: 'end-column', tabindex: 0, 'aria-labelledby': 'end-turns-title' },
        h('h3', { id: 'end-turns-title' }, 'Turning points'),
        turns,
      ),
      h(
        'section',
        { class: 'end-column', tabindex: 0, 'aria-labelledby': 'end-questions-title' },
        h('h3', { id: 'end-questions-title' }, 'Questions for the debrief'),
        questions,
        exit,
      ),
    ),
  );
  let shown: WorldView | undefined;
  let packAsked = false;
  return {
    root,
    update(w: WorldView | undefined) {
      if (!packAsked) {
        packAsked = true;
        loadPack()
          .then((pack) => {
            const ticket = pack.assessment.exitTicket;
            fill(
              exit,
              h('h4', {}, 'Exit ticket'),
              h('ol', {}, ...ticket.questions.slice(0, 3).map((q) => h('li', {}, q))),
            );
            exit.hidden = false;
          })
          .catch(() => undefined); // without the pack, the cards' questions stand alone
      }
      if (w === shown) return;
      shown = w;
      if (!w) {
        fill(scores, h('p', { class: 'empty' }, 'The session ended before round 1.'));
        fill(turns);
        fill(questions);
        return;
      }
      fill(scores, scoreTiles(w));
      const points = turningPoints(w);
      fill(
        turns,
        ...(points.length
          ? points.map((p) => h('li', {}, h('strong', {}, `Round ${p.round}: `), p.text))
          : [h('li', { class: 'empty' }, 'Nothing was resolved.')]),
      );
      const asked = cardQuestions(w);
      fill(
        questions,
        ...(asked.length
          ? asked.map((q) => h('li', {}, h('strong', {}, `${q.card}: `), q.question))
          : [h('li', {}, 'Who was safer at the end, and at whose cost?')]),
      );
    },
  };
}
