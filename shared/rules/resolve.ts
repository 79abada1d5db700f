import { DEAL_SHORT, plural, points } from '../content/labels.ts';
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { alignmentPrice, BILATERAL_ORDER_RULES } from './bilateral.ts';
import {
  canonical,
  name,
  type OrderRule,
  type OrderRules,
  ordersOf,
  others,
  type RoundContext,
  tell,
} from './context.ts';
import { CD_ORDER_RULES } from './diplomacy.ts';
import { Ledger } from './ledger.ts';
import type { World } from './model.ts';
import type { StartOverrides } from '../content/scenario.ts';
import { OBJECTIVES } from './objectives.ts';
import { incidentsInOrbit, ORBIT_ORDER_RULES, treatyRules } from './orbit.ts';
import { isMilitary, type Order, type OrderKind, orderCost } from './orders.ts';
import { Dice } from './rng.ts';
import { CASCADE_AT, CRISIS_AT, security, securityTerms } from './security.ts';
import { resolveSpiral } from './spiral.ts';
import { applyStart, startingWorld } from './start.ts';
import { TREATY_ORDER_RULES } from './treaties.ts';
import { DEBRIS_DECAY_EVERY } from './tuning.ts';
import { armedLevels, upkeepOf } from './upkeep.ts';

/** A new world for a session: the record's starting state, and two secret objectives dealt to each delegation from the seed. */
export function newWorld(seed: number, years: readonly number[], start?: StartOverrides): World {
  const dice = new Dice(startingWorld(seed, years, { us: [], china: [], russia: [] }).rng);
  const dealt = {} as Record<Delegation, string[]>;
  for (const d of DELEGATIONS) {
    const pool = OBJECTIVES.filter((o) => o.for === d).map((o) => o.id);
    const first = pool.splice(dice.int(0, pool.length - 1), 1)[0] as string;
    const second = pool[dice.int(0, pool.length - 1)] as string;
    dealt[d] = [first, second];
  }
  const w = startingWorld(seed, years, dealt);
  w.rng = dice.state();
  applyStart(w, start);
  return w;
}

/** Every order kind's rule: how its orders change the world (in diplomacy.ts, treaties.ts, bilateral.ts and orbit.ts). */
export const ORDER_RULES: OrderRules<OrderKind> = {
  ...CD_ORDER_RULES,
  ...TREATY_ORDER_RULES,
  ...BILATERAL_ORDER_RULES,
  ...ORBIT_ORDER_RULES,
};

/** Applies the changes collected since the last settle: each indicator moves by their sum, clamped once. */
const settle = (r: RoundContext) => r.ledger.flush();

/** A step of a round: carrying out the orders of one kind, or a rule of the world. */
export type RoundStep = OrderKind | ((r: RoundContext) => void);

/**
 * A round, step by step; every order kind has one place in it. The changes of the steps between two settles
 * are summed before they apply, so orders read in those steps cannot depend on which was read first.
 */
export const ROUND_STEPS: readonly RoundStep[] = [
  // The Conference on Disarmament and the First Committee; then adoption by consensus, on the momentum gained.
  'tableDraft',
  'coSponsor',
  'answerAmendment',
  'amendDraft',
  'workingPaper',
  'proposeTcbm',
  'endorseTcbm',
  'statement',
  'proposeResolution',
  'withdrawTreaty',
  'signTreaty',
  'ratifyTreaty',
  'lobbyResolution',
  'voteResolution',
  settle,
  'blockConsensus',
  settle,
  // Bilateral diplomacy
  'summit',
  'techDeal',
  'sanction',
  'liftSanction',
  'lunarPartnership',
  settle,
  // In orbit; then the incidents, attributed, and the treaty rules
  'launchSatellites',
  'buildCounterspace',
  'testCounterspace',
  'jam',
  'buildMissileWarning',
  'buildMissileDefence',
  'buildSsa',
  'jointExercise',
  'debrisMitigation',
  'lunarMission',
  settle,
  incidentsInOrbit,
  treatyRules,
  alignmentPrice,
  settle,
  // The world's own rules
  resolveSpiral,
  worldRules,
  noteSecurity,
  nextBudgets,
];

/** Carries out the orders of one kind, in canonical order, through the kind's rule. */
function carryOut<K extends OrderKind>(r: RoundContext, kind: K) {
  const rule = ORDER_RULES[kind] as OrderRule<K>;
  const orders = ordersOf(r, kind);
  if ('each' in rule) for (const p of orders) rule.each(r, p);
  else rule.together(r, orders);
}

/**
 * Resolves one round: every delegation's confirmed orders at once. Pure: returns a new world. Orders are read
 * in a canonical order and each step's changes are summed before they apply, so neither the order of a list
 * nor which team submitted first can change the outcome. Every change carries its cause.
 */
export function resolveRound(
  world: World,
  ordersBy: Partial<Record<Delegation, readonly Order[]>>,
  nextYear: number | undefined,
): World {
  // History (changes, story) is append-only and never edited, so it is shared rather than copied: the copy
  // cost stays flat as a game grows.
  const { changes, story, ...state } = world;
  const before: World = { ...structuredClone(state), changes, story };
  const w: World = { ...structuredClone(state), changes: [...changes], story: [...story] };
  const round = world.round + 1;
  w.round = round;
  const r: RoundContext = {
    w,
    before,
    ledger: new Ledger(w, round),
    dice: new Dice(world.rng),
    round,
    orders: canonical(ordersBy),
    militaryGain: { us: [], china: [], russia: [] },
    incidents: [],
    traced: new Map(),
  };

  for (const d of DELEGATIONS) {
    const given = ordersBy[d] ?? [];
    const spent = given.reduce((s, o) => s + orderCost(o), 0);
    w.delegations[d].budget -= spent;
    w.delegations[d].incidentsThisRound = 0;
    if (given.length === 0) tell(r, 'all', `${name(d)} gave no orders this round.`);
  }

  for (const step of ROUND_STEPS) {
    if (typeof step === 'string') carryOut(r, step);
    else step(r);
  }
  w.rng = r.dice.state();
  w.year = nextYear;
  return w;
}

/** The slow forces: debris lingering or cascading, the partnership drifting, memories fading, tension following threat. */
function worldRules(r: RoundContext) {
  const { w, ledger } = r;
  const rule = (name: string) => ({ kind: 'rule' as const, rule: name });

  if (!w.cascade && w.debris >= CASCADE_AT) {
    w.cascade = true;
    tell(
      r,
      'all',
      'Debris has reached the point where collisions make more debris: a cascade has begun in low orbit.',
    );
  } else if (w.cascade && w.debris < CASCADE_AT - 10) {
    w.cascade = false;
    tell(r, 'all', 'Debris has fallen far enough for the cascade to stop.');
  }
  if (w.cascade) {
    for (const d of DELEGATIONS) {
      if (w.delegations[d].capabilities.satellites.leo > 0)
        ledger.add(
          `capability.${d}.satellites.leo`,
          -1,
          'A satellite was lost in the debris cascade',
          rule('cascade'),
        );
    }
    ledger.add('debris', 2, 'The cascade feeds itself', rule('cascade'));
  } else if (w.debris > 0 && r.round % DEBRIS_DECAY_EVERY === 0) {
    // Debris mostly persists: what sits in higher orbits stays for decades.
    ledger.add('debris', -1, 'Old debris re-entered the atmosphere', rule('decay'));
  }

  const cn = w.delegations.china.threat;
  const ru = w.delegations.russia.threat;
  if ((cn.us ?? 0) >= 50 && (ru.us ?? 0) >= 50)
    ledger.add(
      'alignment',
      2,
      'China and Russia both feel pressed by the US: they balance together',
      rule('balancing'),
    );
  if ((cn.russia ?? 0) >= 40 || (ru.china ?? 0) >= 40)
    ledger.add('alignment', -3, 'China and Russia are wary of each other', rule('balancing'));

  let threatRise = 0;
  for (const c of w.changes)
    if (c.round === r.round && c.target.startsWith('threat.') && c.delta > 0) threatRise += c.delta;
  let sum = 0;
  for (const d of DELEGATIONS) {
    for (const o of others(d)) {
      const t = w.delegations[d].threat[o] ?? 0;
      sum += t;
      const fade = t > 30 ? Math.trunc((t - 30) / 10) : 0; // only old fears fade; low ones stay low
      if (fade !== 0)
        ledger.add(`threat.${d}.${o}`, -fade, 'Old grievances fade a little each round', rule('memory'), [d]);
    }
  }
  if (threatRise >= 10)
    ledger.add(
      'tension',
      Math.round(threatRise / 10),
      'Threat perceptions rose this round, and tension with them',
      rule('spiral'),
    );
  const average = sum / 6;
  const drift = Math.round((average - w.tension) * 0.15);
  if (drift !== 0)
    ledger.add(
      'tension',
      drift,
      `Tension drifts toward how threatened the delegations feel (average ${Math.round(average)})`,
      rule('climate'),
    );
  ledger.flush();
  if (w.tension >= CRISIS_AT)
    tell(
      r,
      'all',
      `Tension is at ${w.tension}: a crisis. Everyone's security suffers until it falls below ${CRISIS_AT}.`,
    );
}

/** Security is derived; its change is recorded term by term so the debrief can say what moved it. */
function noteSecurity(r: RoundContext) {
  for (const d of DELEGATIONS) {
    // As the delegation sees it: rivals' weapons it has not detected do not show in its own figures.
    const was = new Map(securityTerms(r.before, d, true).map((t) => [t.term, t.value]));
    const now = securityTerms(r.w, d, true);
    const moved: string[] = [];
    for (const t of now) {
      const delta = Math.round((t.value - (was.get(t.term) ?? 0)) * 10) / 10;
      if (delta !== 0) moved.push(`${t.term} ${delta > 0 ? '+' : ''}${delta}`);
      was.delete(t.term);
    }
    for (const [term, value] of was)
      if (value !== 0) moved.push(`${term} ${value > 0 ? '-' : '+'}${Math.abs(value)}`);
    const after = security(r.w, d, true);
    r.ledger.note(
      `security.${d}`,
      after - security(r.before, d, true),
      after,
      `Security of ${name(d)}: ${moved.join('; ') || 'no change'}`,
    );
  }
}

/**
 * Budgets for the next round: income, half of what was left, rocket-engine sales, less the upkeep of the
 * weapons kept (upkeep.ts); and domestic pressure: a delegation that feels threatened must earmark part of its
 * budget for military space.
 */
function nextBudgets(r: RoundContext) {
  const { w } = r;
  for (const deal of w.deals) deal.roundsLeft--;
  for (const deal of w.deals.filter((x) => x.roundsLeft <= 0))
    tell(
      r,
      'all',
      `The ${DEAL_SHORT[deal.deal]} deal between ${name(deal.parties[0])} and ${name(deal.parties[1])} expired.`,
    );
  w.deals = w.deals.filter((x) => x.roundsLeft > 0);
  for (const s of w.sanctions) if (s.roundsLeft !== undefined) s.roundsLeft--;
  for (const s of w.sanctions.filter((x) => x.roundsLeft !== undefined && x.roundsLeft <= 0)) {
    tell(r, 'all', `${name(s.by)}'s export controls on ${name(s.target)} lapsed.`);
    if (s.incomeTaken)
      r.ledger.add(`income.${s.target}`, s.incomeTaken, `${name(s.by)}'s export controls lapsed`, {
        kind: 'rule',
        rule: 'sanctions',
      });
  }
  w.sanctions = w.sanctions.filter((x) => x.roundsLeft === undefined || x.roundsLeft > 0);
  r.ledger.flush();

  for (const d of DELEGATIONS) {
    const me = w.delegations[d];
    const engines = w.deals.filter((x) => x.deal === 'rocketEngines' && x.seller === d).length * 2;
    // Earmarked points not spent on military space are lost: the pressure is to arm, not to save.
    const military = r.orders
      .filter((p) => p.by === d && isMilitary(p.order))
      .reduce((s, p) => s + orderCost(p.order), 0);
    const lost = Math.max(0, r.before.delegations[d].earmarked - military);
    const left = Math.max(0, me.budget - lost);
    if (lost > 0)
      tell(
        r,
        [d],
        `${plural(lost, 'earmarked point')} not spent on military space went back to the treasury.`,
      );
    const upkeep = upkeepOf(me.capabilities);
    me.budget = Math.max(0, Math.min(20, me.income + Math.floor(left / 2) + engines) - upkeep);
    if (upkeep > 0)
      tell(
        r,
        [d],
        `Keeping our ${plural(armedLevels(me.capabilities), 'weapon level')} (counterspace and missile defence) costs ${points(upkeep)} of next round's budget.`,
      );
    const fear = Math.max(...others(d).map((o) => me.threat[o] ?? 0));
    me.earmarked = Math.min(me.budget, fear >= 80 ? 4 : fear >= 60 ? 2 : 0);
    if (engines) tell(r, [d], `Rocket-engine sales bring ${engines} extra points.`);
    if (me.earmarked)
      tell(
        r,
        [d],
        `Domestic pressure: with threat perception at ${fear}, ${me.earmarked} points of next round's budget must go to military space.`,
      );
  }
}
