import type { Delegation } from '../model/seats.ts';
import { from, name, type OrderRules, type Placed, type RoundContext, tell } from './context.ts';
import { type Draft, DRAFTS, type DraftId, type World } from './model.ts';
import type { OrderKind } from './orders.ts';
import { CLAUSE_NAMES, DRAFT_SHORT } from './texts.ts';
import {
  AMENDMENT_MOMENTUM,
  AMENDMENT_REFUSAL_LEGITIMACY,
  ENTRY_INTO_FORCE_TENSION,
  RATIFICATION_LEGITIMACY,
  SIGNATURE_LEGITIMACY,
} from './tuning.ts';

/** Whether a text binds anyone yet: adopted, with two parties or more (a treaty with one party binds it to nobody). */
export function treatyInForce(draft: Draft): boolean {
  return draft.adoptedRound !== undefined && draft.parties.length >= 2;
}

/** Whether a delegation signed a text. */
export function signed(draft: Draft, d: Delegation): boolean {
  return draft.signatures.some((s) => s.by === d);
}

/**
 * Whether a delegation accepts inspection: it is a party to a text with verification (the PPWT with its
 * verification clause, or the verification protocol). Its breaches and its covert builds are likelier known.
 */
export function inspected(w: World, d: Delegation): boolean {
  return DRAFTS.some((id) => w.drafts[id].clauses.verification && w.drafts[id].parties.includes(d));
}

const names = (ds: readonly Delegation[]) => ds.map(name).join(' and ');

/**
 * The texts' own procedure at the CD, one rule per order kind: amendments need the sponsors' consent, an adopted
 * text is signed and then ratified, and only its parties are bound by it.
 */
export const TREATY_ORDER_RULES = {
  answerAmendment: { together: answerAmendments },
  amendDraft: {
    each: (r, p) => {
      const { draft: id, clause } = p.order;
      const draft = r.w.drafts[id];
      if (draft.clauses[clause]) return; // a sponsor added it this round already
      // A sponsor (also one who tabled or joined this round) amends its own text; a text nobody sponsors, anyone.
      if (draft.sponsors.length === 0 || draft.sponsors.includes(p.by)) {
        draft.clauses[clause] = true;
        draft.amendments = draft.amendments.filter((a) => a.clause !== clause);
        r.ledger.add(
          `draft.${id}.momentum`,
          AMENDMENT_MOMENTUM,
          `${name(p.by)}'s amendment added ${CLAUSE_NAMES[clause]} to the ${DRAFT_SHORT[id]}`,
          from(p),
        );
        return;
      }
      if (draft.amendments.some((a) => a.clause === clause)) return; // another proposed it this round
      draft.amendments.push({ clause, by: p.by, round: r.round });
      tell(
        r,
        'all',
        `${name(p.by)} proposed adding ${CLAUSE_NAMES[clause]} to the ${DRAFT_SHORT[id]}; its sponsors (${names(draft.sponsors)}) accept or refuse it next round.`,
      );
    },
  },
  signTreaty: {
    each: (r, p) => {
      const draft = r.w.drafts[p.order.draft];
      draft.signatures.push({ by: p.by, round: r.round });
      const what = `${name(p.by)} signed the ${DRAFT_SHORT[p.order.draft]}`;
      r.ledger.add(`legitimacy.${p.by}`, SIGNATURE_LEGITIMACY, what, from(p));
      r.w.delegations[p.by].commitments.push({
        round: r.round,
        kind: 'sign',
        pledge: undefined, // what the text forbids is checked as the text (orbit.ts, breaches), not as a pledge
        text: `Signed the ${DRAFT_SHORT[p.order.draft]}`,
      });
      tell(r, 'all', `${what}; it can ratify it from next round.`);
    },
  },
  ratifyTreaty: {
    each: (r, p) => {
      const id = p.order.draft;
      const draft = r.w.drafts[id];
      if (draft.parties.includes(p.by)) return;
      draft.parties.push(p.by);
      const what = `${name(p.by)} ratified the ${DRAFT_SHORT[id]}`;
      r.ledger.add(`legitimacy.${p.by}`, RATIFICATION_LEGITIMACY, what, from(p));
      tell(r, 'all', `${what} and is now bound by it.`);
      if (draft.parties.length === 2) {
        r.ledger.add(
          'tension',
          ENTRY_INTO_FORCE_TENSION,
          `The ${DRAFT_SHORT[id]} entered into force between ${names(draft.parties)}`,
          from(p),
        );
      }
    },
  },
} satisfies Partial<OrderRules<OrderKind>>;

/**
 * Last round's proposed amendments are answered: a clause joins the text when every sponsor (as the round began)
 * accepted it; otherwise it is dropped, and each sponsor that refused or did not answer loses legitimacy.
 */
function answerAmendments(r: RoundContext, answers: readonly Placed<'answerAmendment'>[]) {
  for (const id of DRAFTS as readonly DraftId[]) {
    const draft = r.w.drafts[id];
    const due = draft.amendments.filter((a) => a.round === r.round - 1);
    if (due.length === 0) continue;
    draft.amendments = draft.amendments.filter((a) => a.round !== r.round - 1);
    for (const a of due) {
      if (draft.clauses[a.clause]) continue;
      const answerOf = (s: Delegation) =>
        answers.find((p) => p.by === s && p.order.draft === id && p.order.clause === a.clause);
      const asked = r.before.drafts[id].sponsors.filter((s) => s !== a.by);
      const refused = asked.filter((s) => answerOf(s)?.order.answer !== 'accept');
      const amendment = `${name(a.by)}'s amendment adding ${CLAUSE_NAMES[a.clause]} to the ${DRAFT_SHORT[id]}`;
      if (refused.length === 0) {
        draft.clauses[a.clause] = true;
        r.ledger.add(
          `draft.${id}.momentum`,
          AMENDMENT_MOMENTUM,
          `${amendment} was accepted by its sponsors`,
          {
            kind: 'rule',
            rule: 'amendment',
          },
        );
        tell(r, 'all', `The sponsors of the ${DRAFT_SHORT[id]} accepted ${amendment}.`);
        continue;
      }
      for (const s of refused) {
        const answer = answerOf(s);
        const what = `${name(s)} ${answer ? 'refused' : 'did not answer'} ${amendment}`;
        r.ledger.add(
          `legitimacy.${s}`,
          -AMENDMENT_REFUSAL_LEGITIMACY,
          what,
          answer ? from(answer) : { kind: 'rule', rule: 'amendment' },
        );
      }
      tell(r, 'all', `${amendment} was not accepted: ${names(refused)} refused it or did not answer.`);
    }
  }
}

/** The class hears that a text is open for signature, and which proposed amendments lapsed with its adoption. */
export function openForSignature(r: RoundContext, id: DraftId) {
  const draft = r.w.drafts[id];
  draft.parties = [];
  const lapsed = draft.amendments;
  draft.amendments = [];
  tell(
    r,
    'all',
    `The ${DRAFT_SHORT[id]} is open for signature: a delegation that signs it may ratify it from the next round, and only those who ratify are bound.`,
  );
  for (const a of lapsed)
    tell(
      r,
      'all',
      `${name(a.by)}'s proposed amendment adding ${CLAUSE_NAMES[a.clause]} lapsed with the adoption.`,
    );
}
