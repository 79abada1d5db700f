/**
 * Seeded campaigns of random legal orders, for golden hashes of the rules engine: the same seed always plays the
 * same campaign, through every order kind, with pairs that answer each other often enough (summits, deals,
 * exercises, tablings of one text in one round) and starting points off the record (crises, cascades, drafts
 * near adoption).
 */
import { createHash } from 'node:crypto';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import {
  CLAUSES,
  COUNTERSPACE,
  DEALS,
  DRAFTS,
  LUNAR_BLOCS,
  REGIMES,
  RESOLUTION_TOPICS,
  TCBMS,
  type World,
} from '../../../shared/rules/model.ts';
import { type Order, type OrderKind, ordersProblem } from '../../../shared/rules/orders.ts';
import { newWorld, resolveRound } from '../../../shared/rules/resolve.ts';
import { Dice, seedRng } from '../../../shared/rules/rng.ts';

export const CAMPAIGN_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

const KINDS: readonly OrderKind[] = [
  'tableDraft',
  'coSponsor',
  'amendDraft',
  'answerAmendment',
  'blockConsensus',
  'proposeTcbm',
  'endorseTcbm',
  'workingPaper',
  'proposeResolution',
  'voteResolution',
  'statement',
  'withdrawTreaty',
  'signTreaty',
  'ratifyTreaty',
  'summit',
  'techDeal',
  'sanction',
  'liftSanction',
  'lunarPartnership',
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
];

const pick = <T>(dice: Dice, list: readonly T[]): T => list[dice.int(0, list.length - 1)] as T;

/** One order of `kind` with its fields drawn; another delegation where the order names one. */
function randomOrder(w: World, d: Delegation, kind: OrderKind, dice: Dice): Order {
  const other = pick(
    dice,
    DELEGATIONS.filter((o) => o !== d),
  );
  switch (kind) {
    case 'tableDraft':
    case 'coSponsor':
    case 'blockConsensus':
    case 'withdrawTreaty':
    case 'signTreaty':
    case 'ratifyTreaty':
      return { kind, draft: pick(dice, DRAFTS) };
    case 'answerAmendment': {
      // An amendment waiting for this delegation's answer, when there is one: random picks would rarely match.
      const waiting = DRAFTS.flatMap((draft) =>
        w.drafts[draft].amendments
          .filter((a) => a.round === w.round)
          .map((a) => ({ draft, clause: a.clause })),
      );
      const { draft, clause } = waiting.length
        ? pick(dice, waiting)
        : { draft: pick(dice, DRAFTS), clause: pick(dice, CLAUSES) };
      return { kind, draft, clause, answer: pick(dice, ['accept', 'refuse'] as const) };
    }
    case 'amendDraft':
      return { kind, draft: pick(dice, DRAFTS), clause: pick(dice, CLAUSES) };
    case 'proposeTcbm':
    case 'endorseTcbm':
      return { kind, measure: pick(dice, TCBMS) };
    case 'workingPaper':
      return { kind, topic: pick(dice, ['definitions', 'verification'] as const) };
    case 'proposeResolution':
      return { kind, topic: pick(dice, RESOLUTION_TOPICS) };
    case 'voteResolution': {
      const open = w.resolutions.filter((r) => !r.result && r.proposedRound === w.round);
      return {
        kind,
        resolution: open.length ? pick(dice, open).id : 'none',
        vote: pick(dice, ['yes', 'no', 'abstain'] as const),
      };
    }
    case 'lobbyResolution': {
      const open = w.resolutions.filter((r) => !r.result && r.proposedRound === w.round);
      return {
        kind,
        resolution: open.length ? pick(dice, open).id : 'none',
        vote: pick(dice, ['yes', 'no'] as const),
      };
    }
    case 'statement': {
      const stance = pick(dice, [
        'restraint',
        'noFirstPlacement',
        'deterrence',
        'partnership',
        'condemn',
      ] as const);
      const text = pick(dice, ['', 'We will not be first.', 'Orbit belongs to all.']);
      return stance === 'condemn' || dice.chance(0.2)
        ? { kind, stance, target: other, text }
        : { kind, stance, text };
    }
    case 'summit':
    case 'jointExercise':
      return { kind, with: other };
    case 'techDeal':
      return { kind, with: other, deal: pick(dice, DEALS) };
    case 'sanction':
    case 'liftSanction':
      return { kind, target: other, measure: pick(dice, ['exportControls', 'wolfAmendment'] as const) };
    case 'lunarPartnership':
      return { kind, bloc: pick(dice, LUNAR_BLOCS) };
    case 'launchSatellites':
      return { kind, regime: pick(dice, REGIMES), count: dice.int(1, 3) };
    case 'buildCounterspace':
      return { kind, weapon: pick(dice, COUNTERSPACE) };
    case 'testCounterspace': {
      const weapon = pick(dice, ['directAscent', 'coOrbital', 'laser'] as const);
      return weapon === 'directAscent' ? { kind, weapon } : { kind, weapon, target: other };
    }
    case 'jam':
      return { kind, target: other };
    case 'buildMissileWarning':
    case 'buildMissileDefence':
    case 'buildSsa':
    case 'debrisMitigation':
    case 'lunarMission':
      return { kind };
  }
}

/** A delegation's orders for a round: up to eight tries, each kept if the list stays legal. */
function randomOrders(w: World, d: Delegation, dice: Dice): Order[] {
  const chosen: Order[] = [];
  const tries = dice.int(0, 8);
  for (let i = 0; i < tries; i++) {
    const o = randomOrder(w, d, pick(dice, KINDS), dice);
    if (!ordersProblem(w, d, [...chosen, o])) chosen.push(o);
  }
  return chosen;
}

/**
 * The world after each round of campaign `seed`; its starting point and every order drawn from the seed.
 * `onOrders` sees each round's orders (the words test reads them).
 */
export function playCampaign(
  seed: number,
  onOrders?: (orders: Record<Delegation, Order[]>) => void,
): World[] {
  const dice = new Dice(seedRng(seed ^ 0x5eed));
  let w = newWorld(seed, CAMPAIGN_YEARS, {
    tension: dice.int(0, 100),
    debris: dice.int(0, 90),
    alignment: dice.int(0, 100),
    momentum: { ppwt: dice.int(0, 80), tcbm: dice.int(0, 80), verification: dice.int(0, 80) },
    ppwtTabled: dice.chance(0.5),
  });
  const worlds = [w];
  for (let r = 0; r < CAMPAIGN_YEARS.length; r++) {
    const orders = Object.fromEntries(DELEGATIONS.map((d) => [d, randomOrders(w, d, dice)])) as Record<
      Delegation,
      Order[]
    >;
    onOrders?.(orders);
    w = resolveRound(w, orders, CAMPAIGN_YEARS[r + 1]);
    worlds.push(w);
  }
  return worlds;
}

/** JSON with every object's keys sorted, so a hash reads the state and not the order its fields were set in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** The first 16 hex digits of the SHA-256 of a world's canonical JSON. */
export function worldHash(w: World): string {
  return createHash('sha256').update(canonicalJson(w)).digest('hex').slice(0, 16);
}
