import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import type { World } from '../rules/model.ts';
import { OBJECTIVES } from '../rules/objectives.ts';
import { type Order, ordersProblem, MAX_ORDERS } from '../rules/orders.ts';
import { allScores } from '../rules/score.ts';
import { CRISIS_AT } from '../rules/security.ts';
import { viewFor, type WorldView } from '../rules/views.ts';
import { applyCommand } from '../session/apply.ts';
import type { RulesContext } from '../session/commands/handler.ts';
import type { Actor, SessionCommand } from '../session/commands.ts';
import { createSession } from '../session/engine.ts';
import type { SessionModel } from '../session/model.ts';
import { DOCTRINES, type DoctrineName } from './doctrines.ts';

/** One doctrine per delegation. */
export type Profile = Record<Delegation, DoctrineName>;

/** Keeps the valid, affordable prefix of a wish list, in order, up to the order limit. */
export function affordableOrders(w: World, d: Delegation, wishes: readonly Order[]): Order[] {
  const chosen: Order[] = [];
  for (const o of wishes) {
    if (chosen.length >= MAX_ORDERS) break;
    if (!ordersProblem(w, d, [...chosen, o])) chosen.push(o);
  }
  return chosen;
}

/** What one game ended with, for one seed and one profile. */
export interface GameResult {
  seed: number;
  profile: Profile;
  payoff: Record<Delegation, number>; // national score at the end
  commons: number;
  tension: number;
  crisis: boolean; // the game ended with tension at crisis level
  objectives: { id: string; met: boolean }[];
}

/**
 * Plays a whole scenario through the session's own rules (the same commands a class sends: join, sit, start,
 * draft, confirm, Next), with one student per delegation following its doctrine. Cards are revealed as in
 * class. Pure: the same content, scenario, seed and profile give the same result.
 */
export function playGame(
  content: RulesContext,
  scenarioId: string,
  seed: number,
  profile: Profile,
): GameResult {
  const created = createSession({ code: 'BALANC', seed, settings: { scenarioId }, content });
  if (!created.ok) throw new Error(created.refusal.message);
  let s = created.state;
  const run = (actor: Actor, command: SessionCommand) => {
    const out = applyCommand(s, actor, command, content);
    if (!out.ok) throw new Error(`${command.type}: ${out.refusal.message}`);
    s = out.state;
  };
  const seatOf: Partial<Record<Delegation, string>> = {};
  for (const d of DELEGATIONS) {
    const memberId = `m${s.nextMemberNumber}`;
    run({ kind: 'system' }, { type: 'joinSession', nickname: `Player ${d}` });
    run({ kind: 'member', memberId }, { type: 'chooseSeat', seat: d });
    seatOf[d] = memberId;
  }
  const teacher: Actor = { kind: 'teacher' };
  const next = () => run(teacher, { type: 'advancePhase' } as SessionCommand);
  run(teacher, { type: 'startSession' } as SessionCommand);
  let before: Partial<Record<Delegation, WorldView>> = {};
  while (s.stage === 'playing') {
    if (s.phase === 'orders') {
      const world = s.world as World;
      const seen: Partial<Record<Delegation, WorldView>> = {};
      for (const d of DELEGATIONS) {
        const now = viewFor(world, d);
        seen[d] = now;
        const wishes = DOCTRINES[profile[d]]({ me: d, now, before: before[d], seed });
        const orders = affordableOrders(world, d, wishes);
        const actor: Actor = { kind: 'member', memberId: seatOf[d] as string };
        run(actor, { type: 'setOrders', orders });
        run(actor, { type: 'submitOrders' } as SessionCommand);
      }
      before = seen;
    }
    next();
  }
  return resultOf(s, seed, profile);
}

function resultOf(s: SessionModel, seed: number, profile: Profile): GameResult {
  const w = s.world as World;
  const scores = allScores(w);
  return {
    seed,
    profile,
    payoff: Object.fromEntries(DELEGATIONS.map((d) => [d, scores.national[d].total])) as Record<
      Delegation,
      number
    >,
    commons: scores.commons.total,
    tension: w.tension,
    crisis: w.tension >= CRISIS_AT,
    // Every objective is checked, dealt or not, so a few seeds give each one's base rate.
    objectives: OBJECTIVES.map((o) => ({ id: o.id, met: o.met(w) })),
  };
}

/** The opponents' doctrines as one key, for one delegation: "china=arm russia=spam". */
export const opponentsKey = (p: Profile, d: Delegation) =>
  DELEGATIONS.filter((o) => o !== d)
    .map((o) => `${o}=${p[o]}`)
    .join(' ');

export interface TournamentResult {
  doctrines: DoctrineName[];
  seeds: number[];
  games: GameResult[];
  /** Average payoff of each delegation for each profile, keyed by "us/china/russia" doctrine names. */
  mean: Map<string, Record<Delegation, number>>;
  /** For each delegation: how many opponent profiles each doctrine is a best response to (ties count for all). */
  bestResponses: Record<Delegation, Record<DoctrineName, number>>;
  opponentProfiles: number;
  /** Each objective: how often the end of a game met it, under all profiles and with nobody playing. */
  objectiveRates: { id: string; mixed: number; idle: number }[];
}

export const profileKey = (p: Profile) => DELEGATIONS.map((d) => p[d]).join('/');

/** Every profile of the given doctrines, US varying slowest. */
export function allProfiles(doctrines: readonly DoctrineName[]): Profile[] {
  return doctrines.flatMap((us) =>
    doctrines.flatMap((china) => doctrines.map((russia) => ({ us, china, russia }))),
  );
}

/**
 * Plays every profile over every seed and reads the table as a game theorist would: each delegation's best
 * responses to each pair of opponents' doctrines, and each secret objective's base rate.
 */
export function tournament(
  content: RulesContext,
  scenarioId: string,
  doctrines: readonly DoctrineName[],
  seeds: readonly number[],
): TournamentResult {
  const games: GameResult[] = [];
  const mean = new Map<string, Record<Delegation, number>>();
  for (const profile of allProfiles(doctrines)) {
    const sum = { us: 0, china: 0, russia: 0 };
    for (const seed of seeds) {
      const g = playGame(content, scenarioId, seed, profile);
      games.push(g);
      for (const d of DELEGATIONS) sum[d] += g.payoff[d] / seeds.length;
    }
    mean.set(profileKey(profile), sum);
  }
  const bestResponses = Object.fromEntries(
    DELEGATIONS.map((d) => [d, Object.fromEntries(doctrines.map((n) => [n, 0]))]),
  ) as Record<Delegation, Record<DoctrineName, number>>;
  const opponents = allProfiles(doctrines).filter((p) => p[DELEGATIONS[0]] === doctrines[0]);
  for (const d of DELEGATIONS) {
    const seenOpponents = new Set<string>();
    for (const base of allProfiles(doctrines)) {
      const key = opponentsKey(base, d);
      if (seenOpponents.has(key)) continue;
      seenOpponents.add(key);
      const payoffs = doctrines.map((n) => mean.get(profileKey({ ...base, [d]: n }))?.[d] ?? -Infinity);
      const best = Math.max(...payoffs);
      doctrines.forEach((n, i) => {
        if ((payoffs[i] ?? -Infinity) >= best - 1e-9) bestResponses[d][n]++;
      });
    }
  }
  return {
    doctrines: [...doctrines],
    seeds: [...seeds],
    games,
    mean,
    bestResponses,
    opponentProfiles: opponents.length,
    objectiveRates: objectiveRates(games, content, scenarioId, seeds),
  };
}

function objectiveRates(
  games: readonly GameResult[],
  content: RulesContext,
  scenarioId: string,
  seeds: readonly number[],
) {
  const idleGames = seeds.map((seed) =>
    playGame(content, scenarioId, seed, { us: 'idle', china: 'idle', russia: 'idle' }),
  );
  const rate = (list: readonly GameResult[], id: string) =>
    list.filter((g) => g.objectives.some((o) => o.id === id && o.met)).length / list.length;
  return OBJECTIVES.map((o) => ({ id: o.id, mixed: rate(games, o.id), idle: rate(idleGames, o.id) }));
}
