import { resolutionName, STANCE_NAMES } from '../content/labels.ts';
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { from, name, type OrderRules, ordersOf, type Placed, type RoundContext, tell } from './context.ts';
import { againstHomeBloc, BLOC_NAMES, HOME_BLOC, type Stance, tallyAssembly } from './assembly.ts';
import { type DraftId, DRAFTS, type Pledge, type ResolutionTopic, type TcbmId, type Vote } from './model.ts';
import type { OrderKind } from './orders.ts';
import { openForSignature } from './treaties.ts';
import { DRAFT_NAMES, DRAFT_SHORT, TCBM_NAMES, TOPIC_NAMES } from './texts.ts';
import {
  ADOPTED_PRESTIGE,
  AGAINST_HOME_BLOC,
  REJECTED_PRESTIGE,
  WIDE_MARGIN,
  WIDE_MARGIN_RELIEF,
} from './tuning.ts';

export const ADOPTION_AT = 70;

function commit(
  r: RoundContext,
  d: Delegation,
  kind: 'statement' | 'sponsor' | 'endorse' | 'vote',
  pledge: Pledge | undefined,
  text: string,
) {
  r.w.delegations[d].commitments.push({ round: r.round, kind, pledge, text });
}

/** What endorsing a measure promises, as a checkable pledge (the others are transparency, not restraint). */
const MEASURE_PLEDGE: Record<TcbmId, Pledge | undefined> = {
  noFirstPlacement: 'noFirstPlacement',
  rendezvousNotice: 'notifyApproaches',
  launchNotification: undefined,
  hotline: undefined,
};

/** What sponsoring a text promises: the PPWT, no first placement; the others, restraint. */
const SPONSOR_PLEDGE: Record<DraftId, Pledge> = {
  ppwt: 'noFirstPlacement',
  tcbm: 'restraint',
  verification: 'restraint',
};

/** A measure with a second endorser is in force between them: tension eases. */
function inForce(
  r: RoundContext,
  p: { by: Delegation; index: number; order: { measure: TcbmId } },
  endorsers: readonly Delegation[],
) {
  r.ledger.add(
    'tension',
    -3,
    `${TCBM_NAMES[p.order.measure]} entered into force between ${endorsers.map(name).join(' and ')}`,
    from(p),
  );
}

/**
 * The Conference on Disarmament and the First Committee, one rule per order kind: drafts gain momentum from
 * sponsors and working papers (amendments, signature and ratification are in treaties.ts); a text at 70 or more
 * is adopted, and opened for signature, unless one delegation blocks consensus; resolutions proposed last round
 * are put to the vote of the three delegations and the UN's voting blocs.
 */
export const CD_ORDER_RULES = {
  tableDraft: {
    each: (r, p) => {
      const draft = r.w.drafts[p.order.draft];
      // Two tabling the same text at once: the second joins the first as a co-sponsor would.
      const joined = draft.tabled;
      if (!draft.tabled) draft.tabled = true;
      if (!draft.sponsors.includes(p.by)) draft.sponsors.push(p.by);
      r.ledger.add(
        `draft.${p.order.draft}.momentum`,
        joined ? 6 : 10,
        joined
          ? `${name(p.by)} joined the tabling of ${DRAFT_NAMES[p.order.draft]}`
          : `${name(p.by)} tabled ${DRAFT_NAMES[p.order.draft]}`,
        from(p),
      );
      r.ledger.add(`prestige.${p.by}`, 3, `${name(p.by)} tabled the ${DRAFT_SHORT[p.order.draft]}`, from(p));
      commit(r, p.by, 'sponsor', SPONSOR_PLEDGE[p.order.draft], `Tabled the ${DRAFT_SHORT[p.order.draft]}`);
    },
  },
  coSponsor: {
    each: (r, p) => {
      const draft = r.w.drafts[p.order.draft];
      const tabledNow =
        draft.tabled || ordersOf(r, 'tableDraft').some((t) => t.order.draft === p.order.draft);
      if (!tabledNow) {
        tell(
          r,
          'all',
          `${name(p.by)} offered to co-sponsor the ${DRAFT_SHORT[p.order.draft]}, but nobody has tabled it.`,
        );
        return;
      }
      draft.tabled = true;
      if (!draft.sponsors.includes(p.by)) draft.sponsors.push(p.by);
      const what = `${name(p.by)} co-sponsored the ${DRAFT_SHORT[p.order.draft]}`;
      r.ledger.add(`draft.${p.order.draft}.momentum`, 6, what, from(p));
      r.ledger.add(`prestige.${p.by}`, 1, what, from(p));
      commit(
        r,
        p.by,
        'sponsor',
        SPONSOR_PLEDGE[p.order.draft],
        `Co-sponsored the ${DRAFT_SHORT[p.order.draft]}`,
      );
    },
  },
  workingPaper: {
    each: (r, p) => {
      const { ledger } = r;
      if (p.order.topic === 'verification') {
        ledger.add(
          'draft.verification.momentum',
          8,
          `${name(p.by)} submitted a working paper on verification`,
          from(p),
        );
        ledger.add(
          'draft.ppwt.momentum',
          2,
          `${name(p.by)}'s verification paper answered an objection to the PPWT`,
          from(p),
        );
      } else {
        const what = `${name(p.by)} submitted a working paper on definitions`;
        ledger.add('draft.ppwt.momentum', 3, what, from(p));
        ledger.add('draft.tcbm.momentum', 3, what, from(p));
      }
      ledger.add(`prestige.${p.by}`, 2, `${name(p.by)} submitted a working paper`, from(p));
    },
  },
  proposeTcbm: {
    each: (r, p) => {
      const m = r.w.measures[p.order.measure];
      if (m) {
        // Two proposed it at once: both endorse, and it enters into force between them.
        if (!m.endorsers.includes(p.by)) m.endorsers.push(p.by);
        if (m.endorsers.length === 2) inForce(r, p, m.endorsers);
      } else r.w.measures[p.order.measure] = { endorsers: [p.by], proposedRound: r.round };
      r.ledger.add(
        'draft.tcbm.momentum',
        5,
        `${name(p.by)} proposed ${TCBM_NAMES[p.order.measure]}`,
        from(p),
      );
      r.ledger.add(`prestige.${p.by}`, 1, `${name(p.by)} proposed a confidence-building measure`, from(p));
      commit(r, p.by, 'endorse', MEASURE_PLEDGE[p.order.measure], `Proposed ${TCBM_NAMES[p.order.measure]}`);
    },
  },
  endorseTcbm: {
    each: (r, p) => {
      const m = r.w.measures[p.order.measure];
      if (!m) return;
      const wasInForce = m.endorsers.length >= 2;
      if (!m.endorsers.includes(p.by)) m.endorsers.push(p.by);
      r.ledger.add(
        'draft.tcbm.momentum',
        3,
        `${name(p.by)} endorsed ${TCBM_NAMES[p.order.measure]}`,
        from(p),
      );
      if (!wasInForce && m.endorsers.length >= 2) inForce(r, p, m.endorsers);
      commit(r, p.by, 'endorse', MEASURE_PLEDGE[p.order.measure], `Endorsed ${TCBM_NAMES[p.order.measure]}`);
    },
  },
  statement: {
    each: (r, p) => {
      const { stance, target } = p.order;
      const pledge = stance === 'restraint' || stance === 'noFirstPlacement' ? stance : undefined;
      const text = p.order.text.trim() || `A statement of ${STANCE_NAMES[stance]}`;
      commit(r, p.by, 'statement', pledge, `Statement: ${text}`);
      if (stance === 'condemn' && target) {
        const what = `${name(p.by)} condemned ${name(target)} on the CD floor`;
        r.ledger.add(`threat.${target}.${p.by}`, 2, what, from(p));
        r.ledger.add(`legitimacy.${target}`, -1, what, from(p));
      }
      if (stance === 'deterrence')
        r.ledger.add('tension', 1, `${name(p.by)} spoke of deterrence in space`, from(p));
    },
  },
  proposeResolution: {
    each: (r, p) => {
      const id = `r${r.round}-${p.order.topic}`;
      const existing = r.w.resolutions.find((x) => x.id === id);
      if (existing) existing.sponsors.push(p.by);
      else
        r.w.resolutions.push({
          id,
          topic: p.order.topic,
          sponsors: [p.by],
          proposedRound: r.round,
          year: r.before.year,
          result: undefined,
        });
      commit(
        r,
        p.by,
        'sponsor',
        p.order.topic === 'asatTestBan'
          ? 'noAsatTests'
          : p.order.topic === 'noFirstPlacement'
            ? 'noFirstPlacement'
            : undefined,
        `Proposed a resolution on ${TOPIC_NAMES[p.order.topic]}`,
      );
    },
  },
  withdrawTreaty: {
    each: (r, p) => {
      const draft = r.w.drafts[p.order.draft];
      draft.parties = draft.parties.filter((d) => d !== p.by);
      const what = `${name(p.by)} withdrew from the ${DRAFT_SHORT[p.order.draft]}`;
      r.ledger.add(`legitimacy.${p.by}`, -8, what, from(p));
      r.ledger.add('tension', 6, what, from(p));
    },
  },
  lobbyResolution: {
    each: (r, p) =>
      tell(
        r,
        [p.by],
        `Our diplomats lobbied the General Assembly's blocs for a ${p.order.vote} on ${resolutionName(p.order.resolution)}.`,
      ),
  },
  voteResolution: { together: voteResolutions },
  blockConsensus: { together: adoptOrBlock },
} satisfies Partial<OrderRules<OrderKind>>;

/** What voting yes for a resolution on a topic promises, as a checkable pledge. */
const VOTE_PLEDGE: Record<ResolutionTopic, Pledge | undefined> = {
  asatTestBan: 'noAsatTests',
  noFirstPlacement: 'noFirstPlacement',
  responsibleBehaviours: 'notifyApproaches',
  parosMeasures: undefined,
};

/**
 * Resolutions proposed last round are voted now, in the General Assembly (see assembly.ts): each delegation by
 * its order (a sponsor votes yes, the others abstain, by default), each bloc from the record's split, moved by
 * what the delegations sponsor, vote and lobby for. Only sponsors gain or lose prestige; only a wide margin
 * eases tension; a delegation that votes against its home bloc's majority pays in standing.
 */
function voteResolutions(r: RoundContext, orders: readonly Placed<'voteResolution'>[]) {
  const { w, ledger } = r;
  const lobbying = ordersOf(r, 'lobbyResolution');
  const credited = new Set<Delegation>(); // the Assembly credits one adopted initiative a year to each sponsor
  for (const res of w.resolutions.filter((x) => x.proposedRound === r.round - 1 && !x.result)) {
    const votes = Object.fromEntries(DELEGATIONS.map((d) => [d, 'abstain'])) as Record<Delegation, Vote>;
    for (const p of orders) if (p.order.resolution === res.id) votes[p.by] = p.order.vote;
    for (const s of res.sponsors)
      if (!orders.some((p) => p.by === s && p.order.resolution === res.id)) votes[s] = 'yes';
    const stances = Object.fromEntries(
      DELEGATIONS.map((d): [Delegation, Stance] => [
        d,
        {
          vote: votes[d],
          sponsor: res.sponsors.includes(d),
          lobby: lobbying.find((p) => p.by === d && p.order.resolution === res.id)?.order.vote,
        },
      ]),
    ) as Record<Delegation, Stance>;
    const legitimacy = Object.fromEntries(
      DELEGATIONS.map((d) => [d, r.before.delegations[d].legitimacy]),
    ) as Record<Delegation, number>;
    const tally = tallyAssembly(res.topic, stances, legitimacy, r.before.tension);
    const { yes, no, abstain } = tally;
    const adopted = yes > no;
    res.result = { yes, no, abstain, adopted, votes };
    const title = `the resolution on ${TOPIC_NAMES[res.topic]}`;
    const rule = { kind: 'rule' as const, rule: 'unVote' };
    for (const s of res.sponsors) {
      if (adopted && credited.has(s)) continue;
      if (adopted) credited.add(s);
      ledger.add(
        `prestige.${s}`,
        adopted ? ADOPTED_PRESTIGE : REJECTED_PRESTIGE,
        `${title} was ${adopted ? 'adopted' : 'rejected'} (${yes}–${no}, ${abstain} abstaining)`,
        rule,
      );
    }
    for (const d of DELEGATIONS) {
      if (votes[d] !== 'abstain' && againstHomeBloc(d, votes[d], tally.blocs))
        ledger.add(
          `legitimacy.${d}`,
          AGAINST_HOME_BLOC,
          `${name(d)} voted ${votes[d]} on ${title}, against most of the ${BLOC_NAMES[HOME_BLOC[d]]}`,
          rule,
        );
    }
    if (!adopted) continue;
    if (yes >= WIDE_MARGIN * (no + abstain))
      ledger.add(
        'tension',
        WIDE_MARGIN_RELIEF,
        `The General Assembly adopted ${title} by a wide margin`,
        rule,
      );
    for (const d of DELEGATIONS) {
      if (votes[d] === 'no')
        ledger.add(`legitimacy.${d}`, -2, `${name(d)} voted against ${title}, which passed`, rule);
      if (votes[d] === 'yes')
        w.delegations[d].commitments.push({
          round: r.round,
          kind: 'vote',
          pledge: VOTE_PLEDGE[res.topic],
          text: `Voted for ${title}`,
        });
    }
    if (res.topic === 'parosMeasures' || res.topic === 'responsibleBehaviours')
      ledger.add('draft.tcbm.momentum', 5, `The General Assembly adopted ${title}`, rule);
    if (res.topic === 'noFirstPlacement')
      ledger.add('draft.ppwt.momentum', 5, `The General Assembly adopted ${title}`, rule);
  }
}

/** A tabled text at the threshold is adopted by consensus, unless a delegation blocks it; one objection is enough. */
function adoptOrBlock(r: RoundContext, blocks: readonly Placed<'blockConsensus'>[]) {
  const { w, ledger } = r;
  for (const id of DRAFTS as readonly DraftId[]) {
    const draft = w.drafts[id];
    if (!draft.tabled || draft.adoptedRound !== undefined) continue;
    const blockers = blocks.filter((b) => b.order.draft === id);
    if (draft.momentum < ADOPTION_AT) {
      for (const b of blockers) {
        ledger.add(`draft.${id}.momentum`, -5, `${name(b.by)} objected to the ${DRAFT_SHORT[id]}`, from(b));
        ledger.add(`legitimacy.${b.by}`, -1, `${name(b.by)} objected to the ${DRAFT_SHORT[id]}`, from(b));
      }
      continue;
    }
    if (blockers.length > 0) {
      const complete = draft.clauses.verification && draft.clauses.groundBasedAsat;
      for (const b of blockers) {
        ledger.add(
          `draft.${id}.momentum`,
          -15,
          `${name(b.by)} blocked consensus on the ${DRAFT_SHORT[id]}`,
          from(b),
        );
        ledger.add(
          `legitimacy.${b.by}`,
          complete ? -6 : -2,
          complete
            ? `${name(b.by)} blocked the ${DRAFT_SHORT[id]} although it answers the usual objections`
            : `${name(b.by)} blocked the ${DRAFT_SHORT[id]}, citing its gaps`,
          from(b),
        );
      }
      ledger.add('tension', 2, `Consensus on the ${DRAFT_SHORT[id]} was blocked`, {
        kind: 'rule',
        rule: 'consensus',
      });
      continue;
    }
    draft.adoptedRound = r.round;
    openForSignature(r, id);
    const rule = { kind: 'rule' as const, rule: 'consensus' };
    ledger.add('tension', -10, `The CD adopted ${DRAFT_NAMES[id]} by consensus`, rule);
    for (const d of DELEGATIONS)
      ledger.add(`legitimacy.${d}`, 3, `The CD adopted the ${DRAFT_SHORT[id]} by consensus`, rule);
    for (const s of draft.sponsors)
      ledger.add(`prestige.${s}`, 5, `${name(s)} sponsored the ${DRAFT_SHORT[id]}, now adopted`, rule);
  }
}
