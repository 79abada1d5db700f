import { DEAL_NAMES } from '../content/labels.ts';
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { from, name, type OrderRules, pairName, type Placed, type RoundContext, tell } from './context.ts';
import type { DealKind, World } from './model.ts';
import type { OrderKind } from './orders.ts';
import { ALIGNMENT_PRICE_AT, ALIGNMENT_PRICE_FROM, ALIGNMENT_PRICE_PER, DEPENDENCE_YEARS } from './tuning.ts';

const pair = (a: Delegation, b: Delegation): [Delegation, Delegation] =>
  DELEGATIONS.indexOf(a) < DELEGATIONS.indexOf(b) ? [a, b] : [b, a];
const isPartners = (a: Delegation, b: Delegation) => [a, b].includes('china') && [a, b].includes('russia');

/** Finds, for each order that needs a partner, the matching order of the other side, if given. */
function matched<K extends 'summit' | 'techDeal' | 'jointExercise'>(
  list: Placed<K>[],
  same: (a: Placed<K>, b: Placed<K>) => boolean,
): { pairs: [Placed<K>, Placed<K>][]; alone: Placed<K>[] } {
  const pairs: [Placed<K>, Placed<K>][] = [];
  const alone: Placed<K>[] = [];
  for (const p of list) {
    const o = p.order as { with: Delegation };
    const answer = list.find(
      (q) => q.by === o.with && (q.order as { with: Delegation }).with === p.by && same(p, q),
    );
    if (!answer) alone.push(p);
    else if (DELEGATIONS.indexOf(p.by) < DELEGATIONS.indexOf(answer.by)) pairs.push([p, answer]);
  }
  return { pairs, alone };
}

/** The seller in an engine deal: the side with the stronger launch industry (Russia when tied). */
export function seller(w: World, parties: readonly [Delegation, Delegation]): Delegation {
  const [x, y] = parties;
  const lx = w.delegations[x].capabilities.launch;
  const ly = w.delegations[y].capabilities.launch;
  if (lx !== ly) return lx > ly ? x : y;
  return parties.includes('russia') ? 'russia' : x;
}

/** Whether sanctions in force when the round began forbid dealings between two delegations. */
function barred(r: RoundContext, a: Delegation, b: Delegation) {
  return r.before.sanctions.find((s) => (s.by === a && s.target === b) || (s.by === b && s.target === a));
}

/**
 * Bilateral diplomacy, one rule per order kind: summits and technology deals need both sides to order them in
 * the same round; sanctions and lunar partnerships are one-sided. Pressure on China and Russia pushes them
 * together (alignment).
 */
export const BILATERAL_ORDER_RULES = {
  summit: { together: summits },
  techDeal: { together: techDeals },
  sanction: { together: sanctions },
  liftSanction: {
    each: (r, p) => {
      const { target, measure } = p.order;
      const lifted = r.w.sanctions.find((s) => s.by === p.by && s.target === target && s.kind === measure);
      if (!lifted) return;
      r.w.sanctions = r.w.sanctions.filter((s) => s !== lifted);
      const what = `${name(p.by)} lifted its ${measure === 'wolfAmendment' ? 'ban on space cooperation with' : 'export controls on'} ${name(target)}`;
      tell(r, 'all', `${what}.`);
      if (lifted.incomeTaken) r.ledger.add(`income.${target}`, lifted.incomeTaken, what, from(p));
      r.ledger.add(`threat.${target}.${p.by}`, -3, what, from(p));
      r.ledger.add('tension', -1, what, from(p));
    },
  },
  lunarPartnership: {
    each: (r, p) => {
      const bloc = r.w.lunar[p.order.bloc];
      const label =
        p.order.bloc === 'artemis'
          ? 'the Artemis Accords'
          : 'the International Lunar Research Station (ILRS)';
      const joined = !bloc.members.includes(p.by);
      if (joined) bloc.members.push(p.by);
      const recruits = 1 + r.dice.int(0, 2) + Math.floor(r.before.delegations[p.by].prestige / 25);
      r.ledger.add(
        `lunarPartners.${p.order.bloc}`,
        recruits,
        `${name(p.by)} recruited partners for ${label}`,
        from(p),
      );
      r.ledger.add(`capability.${p.by}.lunar`, 5, `${name(p.by)} worked with lunar partners`, from(p));
      r.ledger.add(`prestige.${p.by}`, 2, `${name(p.by)} ${joined ? 'joined' : 'grew'} ${label}`, from(p));
      tell(
        r,
        'all',
        `${name(p.by)} ${joined ? 'joined' : 'promoted'} ${label}; ${recruits} more states signed up.`,
      );
      if (
        joined &&
        p.order.bloc === 'ilrs' &&
        bloc.members.includes('china') &&
        bloc.members.includes('russia')
      ) {
        r.ledger.add('alignment', 3, 'China and Russia became partners in the lunar station', from(p));
      }
    },
  },
} satisfies Partial<OrderRules<OrderKind>>;

/** A summit both sides ordered eases suspicion between them (or, China with Russia, looks like a bloc forming). */
function summits(r: RoundContext, orders: Placed<'summit'>[]) {
  const { ledger } = r;
  const { pairs, alone } = matched(orders, () => true);
  for (const [a, b] of pairs) {
    tell(r, 'all', `${name(a.by)} and ${name(b.by)} held a summit and issued a joint statement.`);
    if (isPartners(a.by, b.by)) {
      ledger.add('alignment', 8, 'China and Russia held a summit and issued a joint statement', from(a));
      ledger.add(
        'threat.us.china',
        3,
        'The China–Russia joint statement looked like a bloc forming',
        from(a),
      );
      ledger.add(
        'threat.us.russia',
        3,
        'The China–Russia joint statement looked like a bloc forming',
        from(b),
      );
    } else {
      ledger.add(`threat.${a.by}.${b.by}`, -6, `The ${pairName(a.by, b.by)} summit eased suspicion`, from(a));
      ledger.add(`threat.${b.by}.${a.by}`, -6, `The ${pairName(a.by, b.by)} summit eased suspicion`, from(b));
      ledger.add('tension', -4, `${name(a.by)} and ${name(b.by)} held a summit`, from(a));
    }
    ledger.add(`prestige.${a.by}`, 1, `Summit with ${name(b.by)}`, from(a));
    ledger.add(`prestige.${b.by}`, 1, `Summit with ${name(a.by)}`, from(b));
  }
  for (const p of alone) {
    tell(r, 'all', `${name(p.by)} proposed a summit; ${name(p.order.with)} did not take it up.`);
    ledger.add(
      `prestige.${p.by}`,
      -1,
      `${name(p.order.with)} did not answer ${name(p.by)}'s call for a summit`,
      from(p),
    );
  }
}

/** What a deal does between `x` and `y` (in table order); `a` and `b` are their orders, in the same order. */
type DealEffect = (
  r: RoundContext,
  x: Delegation,
  y: Delegation,
  a: Placed<'techDeal'>,
  b: Placed<'techDeal'>,
) => void;

const caps = (r: RoundContext, d: Delegation) => r.w.delegations[d].capabilities;

/** Each technology deal's effect, once both sides agreed it and no sanction stands between them. */
const DEAL_EFFECTS: Record<DealKind, DealEffect> = {
  rocketEngines: (r, x, y, a) => {
    const sells = seller(r.before, [x, y]);
    const buyer = sells === x ? y : x;
    r.ledger.add(
      `capability.${buyer}.launch`,
      1,
      `${name(buyer)} bought rocket engines from ${name(sells)}`,
      from(a),
    );
    r.w.deals = r.w.deals.filter(
      (d) => !(d.deal === 'rocketEngines' && d.parties[0] === x && d.parties[1] === y),
    );
    r.w.deals.push({ parties: [x, y], deal: 'rocketEngines', roundsLeft: 3, seller: sells });
    if (isPartners(x, y))
      r.ledger.add('alignment', 5, 'China and Russia agreed a rocket-engine deal', from(a));
    else if (buyer === 'us' && sells !== 'us')
      r.ledger.add(
        'alignment',
        -3,
        `${name(sells)} sold rocket engines to the US: a hedge against its partner`,
        from(a),
      );
  },
  missileWarning: (r, x, y, a) => {
    const helper = caps(r, x).missileWarning >= caps(r, y).missileWarning ? x : y;
    const helped = helper === x ? y : x;
    r.ledger.add(
      `capability.${helped}.missileWarning`,
      1,
      `${name(helper)} helped ${name(helped)} build missile early warning`,
      from(a),
    );
    r.militaryGain[helped].push({
      amount: 3,
      what: `${name(helped)} gained missile early warning with ${name(helper)}'s help`,
      knownTo: 'all',
    });
    if (isPartners(x, y))
      r.ledger.add('alignment', 8, 'Russia and China integrated missile early warning', from(a));
  },
  propellant: (r, x, y, a) => {
    const helped = caps(r, x).launch <= caps(r, y).launch ? x : y;
    r.ledger.add(
      `capability.${helped}.launch`,
      1,
      `Propellant and engine cooperation raised ${name(helped)}'s launch capability`,
      from(a),
    );
    if (isPartners(x, y))
      r.ledger.add('alignment', 4, 'China and Russia cooperated on engines and propellant', from(a));
  },
  navigation: (r, x, y, a, b) => {
    r.ledger.add(`capability.${x}.satellites.meo`, 1, `Navigation cooperation with ${name(y)}`, from(a));
    r.ledger.add(`capability.${y}.satellites.meo`, 1, `Navigation cooperation with ${name(x)}`, from(b));
    if (isPartners(x, y))
      r.ledger.add('alignment', 5, 'GLONASS–BeiDou cooperation deepened the partnership', from(a));
  },
};

/** A technology deal both sides ordered, the same deal, goes through unless a sanction in force bars it. */
function techDeals(r: RoundContext, orders: Placed<'techDeal'>[]) {
  const { pairs, alone } = matched(orders, (a, b) => a.order.deal === b.order.deal);
  for (const [a, b] of pairs) {
    const kind = a.order.deal;
    const [x, y] = pair(a.by, b.by);
    const bar = barred(r, x, y);
    if (bar) {
      tell(
        r,
        'all',
        `${name(x)} and ${name(y)} tried to agree ${DEAL_NAMES[kind]}, but ${name(bar.by)}'s ${bar.kind === 'wolfAmendment' ? 'Wolf Amendment-style ban' : 'export controls'} stopped it.`,
      );
      continue;
    }
    tell(r, 'all', `${name(x)} and ${name(y)} agreed ${DEAL_NAMES[kind]}.`);
    DEAL_EFFECTS[kind](r, x, y, a, b);
    // A Russia cut off from Western markets deals with China on China's terms: the credit goes to China.
    const tilt = isPartners(x, y) ? dependence(r.before) : 0;
    const china = x === 'china' ? a : b;
    const russia = x === 'russia' ? a : b;
    r.ledger.add(`prestige.${x}`, 1, `Technology deal with ${name(y)}`, from(a));
    r.ledger.add(`prestige.${y}`, 1, `Technology deal with ${name(x)}`, from(b));
    if (tilt > 0) {
      const terms = "Russia, under sanctions, took China's terms";
      r.ledger.add('prestige.china', tilt, terms, from(china));
      r.ledger.add('prestige.russia', -tilt, terms, from(russia));
      tell(r, 'all', `Under Western sanctions, Russia needs the deal more than China does: ${terms}.`);
    }
  }
  for (const p of alone) {
    tell(r, [p.by], `${name(p.order.with)} did not take up our offer of ${DEAL_NAMES[p.order.deal]}.`);
  }
}

/**
 * Export controls and cooperation bans, imposed or renewed. Export controls take a point of income, unless the
 * target is at the floor (3); two in one round must not both take the last point above the floor, or the target
 * would get back more than it lost when they end.
 */
function sanctions(r: RoundContext, orders: Placed<'sanction'>[]) {
  const { w, ledger } = r;
  const taking = new Map<Delegation, number>(); // income taken in this step, by target
  for (const p of orders) {
    const { target, measure } = p.order;
    const existing = w.sanctions.find((s) => s.by === p.by && s.target === target && s.kind === measure);
    if (existing) {
      if (existing.roundsLeft !== undefined) existing.roundsLeft = 3;
      tell(
        r,
        'all',
        `${name(p.by)} renewed its ${measure === 'wolfAmendment' ? 'ban on space cooperation' : 'export controls'} against ${name(target)}.`,
      );
      continue;
    }
    const income = w.delegations[target].income - (taking.get(target) ?? 0);
    const take = measure === 'exportControls' && income > 3 ? 1 : 0;
    taking.set(target, (taking.get(target) ?? 0) + take);
    w.sanctions.push({
      by: p.by,
      target,
      kind: measure,
      roundsLeft: measure === 'wolfAmendment' ? undefined : 3,
      incomeTaken: take,
    });
    const what = measure === 'wolfAmendment' ? 'banned space cooperation with' : 'imposed export controls on';
    tell(r, 'all', `${name(p.by)} ${what} ${name(target)}.`);
    if (take) ledger.add(`income.${target}`, -take, `${name(p.by)}'s export controls`, from(p));
    ledger.add(`threat.${target}.${p.by}`, 4, `${name(p.by)} ${what} ${name(target)}`, from(p));
    ledger.add('tension', 2, `${name(p.by)} ${what} ${name(target)}`, from(p));
    if (p.by === 'us' && (target === 'china' || target === 'russia')) {
      ledger.add('alignment', 4, `US sanctions on ${name(target)} pushed China and Russia together`, from(p));
    }
  }
}

/**
 * How far Russia depends on China, 0 to 2: a step for each round of Western sanctions behind it (the 2014
 * sanctions after Crimea, those of 2022 after the invasion), and one while a sanction on Russia is in force.
 */
export function dependence(w: World): number {
  const years = DEPENDENCE_YEARS.filter((y) => w.year !== undefined && w.year >= y).length;
  const sanctioned = w.sanctions.some((s) => s.target === 'russia') ? 1 : 0;
  return Math.min(2, years + sanctioned);
}

/**
 * The price China pays for drawing closer to Russia after the 2022 invasion: in a round from 2022 in which
 * China and Russia deepened their alignment by their own orders, to 60 or more, China loses standing with the
 * Western group and the NAM (a point a few points of alignment gained), and Western secondary sanctions (export
 * controls on Chinese firms supplying Russia) take a point of its income for three rounds.
 */
export function alignmentPrice(r: RoundContext) {
  const { w, ledger } = r;
  if (r.before.year === undefined || r.before.year < ALIGNMENT_PRICE_FROM) return;
  const gained = w.changes
    .filter(
      (c) => c.round === r.round && c.target === 'alignment' && c.source.kind === 'order' && c.delta > 0,
    )
    .reduce((sum, c) => sum + c.delta, 0);
  if (gained <= 0 || w.alignment < ALIGNMENT_PRICE_AT) return;
  const rule = { kind: 'rule' as const, rule: 'alignmentPrice' };
  ledger.add(
    'legitimacy.china',
    -Math.ceil(gained / ALIGNMENT_PRICE_PER),
    'China stood closer to Russia during its war: the Western group and much of the NAM took note',
    rule,
  );
  const existing = w.sanctions.find(
    (s) => s.by === 'us' && s.target === 'china' && s.kind === 'exportControls',
  );
  if (existing) existing.roundsLeft = 3;
  else {
    const take = w.delegations.china.income > 3 ? 1 : 0;
    w.sanctions.push({ by: 'us', target: 'china', kind: 'exportControls', roundsLeft: 3, incomeTaken: take });
    if (take)
      ledger.add('income.china', -take, 'Secondary sanctions on Chinese firms supplying Russia', rule);
  }
  tell(
    r,
    'all',
    'The US and its allies put secondary sanctions on Chinese firms supplying Russia: export controls on China for three rounds.',
  );
}
