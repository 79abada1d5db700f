import type { PhaseMinutes, RoundPhase, SessionStage } from '../model/phases.ts';
import type { Delegation, Seat } from '../model/seats.ts';
import type { World } from '../rules/model.ts';
import { type Chat, emptyChat, type Role } from './chat.ts';
import type { Order } from '../rules/orders.ts';
import type { BotLevel } from '../model/botLevels.ts';
import type { Assessment } from './assessment.ts';

/** Connection as the class sees it: here, away (dropped, seat held for a while), or gone (seat kept for the teacher to hand back). */
export const MEMBER_STATUSES = ['connected', 'away', 'gone'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** One student in the session. Only the nickname is personal; the id is the session's own ("m7"). */
export interface Member {
  id: string;
  nickname: string;
  seat: Seat;
  status: MemberStatus;
  keyHash?: string; // hash of the key the student's tab keeps, to take the seat back after a restart; never synced
  role?: Role; // a role the teacher gave; otherwise roles follow the order of sitting down (see rolesOf)
  muted?: boolean; // the teacher muted this student's chat
}

/** A delegation's shared working space. The draft is secret: only the team and the teacher see it. */
export interface TeamDesk {
  draft: string; // the team's notes: "Table a PPWT revision; ask Russia about the RD-180 deal"
  orders: Order[]; // this round's hidden orders, drafted by any member
  submitted: boolean; // the head of delegation has confirmed the orders for this round
  headId: string | undefined; // the head of delegation chosen (the first to sit, or the teacher's pick)
  /**
   * Set when the orders changed after the head confirmed them, until the head confirms again: who changed them
   * (a member id, or '' when a card made them impossible) and who had confirmed (the head at that moment).
   * Absent otherwise, so states without a withdrawal hash as before.
   */
  withdrawn?: { by: string; confirmedBy: string };
  /**
   * How many times the notes changed since a client first sent the version it started from (`base`): absent
   * until then, so logs from before it hash as they did.
   */
  draftVersion?: number;
  /**
   * The team's attribution assessments, one an incident, latest first written last: absent until the first is
   * written, so states from before them hash as they did.
   */
  assessments?: Assessment[];
}

/** What the teacher chooses before the class starts: one screen, with defaults that need no change. */
export interface SessionSettings {
  scenarioId: string; // "campaign"
  years: number[]; // one round a year, from the scenario: [2015, 2016, ...]
  timersOn: boolean; // phases end by themselves when their time is up
  phaseMinutes: PhaseMinutes;
  lockTeamsOnStart: boolean; // seats freeze when the first round begins
  maxPerDelegation: number; // 10 fits a class of 30
}

/**
 * The whole state of a session, as plain data. Every accepted command makes a new one with `version` + 1;
 * the room projects it into the Colyseus schema, and the log (a later issue) folds commands back into it.
 */
export interface SessionModel {
  version: number;
  code: string; // "7KQ3MX"
  seed: number; // for the rules engine's seeded generator
  stage: SessionStage;
  round: number; // 1-based once playing; 0 in the lobby
  phase: RoundPhase | undefined; // undefined outside a round
  settings: SessionSettings;
  teamsLocked: boolean;
  members: Record<string, Member>;
  teams: Record<Delegation, TeamDesk>;
  nextMemberNumber: number; // the next id is `m${nextMemberNumber}`
  world: World | undefined; // the simulation, from round 1 on; never changed in place (resolution returns a new one)
  timerPaused: boolean; // the teacher paused the phase timer
  chat: Chat;
  // Absent until the teacher first removes a student, so other sessions keep the state hashes they had.
  removed?: RemovedStudent[]; // students the teacher removed: they come back only when the teacher lets them
  // Absent until the teacher first seats a bot, so other sessions keep the state hashes they had.
  bots?: Partial<Record<Delegation, SeatedBot>>; // delegations the server plays: { russia: { level: 'standard' } }
  // Absent outside the practice round, so sessions that never practise keep the state hashes they had.
  practice?: PracticeRound; // the guided round before round 1, on a copy of the starting world: nothing counts
}

/**
 * The practice round under way (stage 'playing', round 0): the phases of a round played on a copy of the
 * starting world, thrown away when it ends, so round 1 begins exactly as it would have without it.
 */
export interface PracticeRound {
  minutes?: PhaseMinutes; // the practice script's timers (content/pack/practice.json); absent: moved on by hand
}

/** A bot the teacher seated at a delegation no student is at; it acts as `{ kind: 'bot', delegation }`. */
export interface SeatedBot {
  level: BotLevel;
}

/** The member id a bot's desk work and messages carry: "bot-russia". Never a student's id ("m7"). */
export const botId = (d: Delegation) => `bot-${d}`;

/**
 * The bot playing `d`, as the member its commands are handled for: always connected, at its delegation, named
 * for the class ("Server (standard)"). Undefined when no bot plays `d`.
 */
export function botMember(s: SessionModel, d: Delegation): Member | undefined {
  const bot = s.bots?.[d];
  if (!bot) return undefined;
  return { id: botId(d), nickname: `Server (${bot.level})`, seat: d, status: 'connected' };
}

/** A student the teacher removed, known by nickname and by the hash of their seat key. */
export interface RemovedStudent {
  nickname: string;
  keyHash?: string;
}

/** Members in the order they joined ("m2" before "m10"): the order of roles, acting heads and every roster. */
export function byJoinOrder(a: { id: string }, b: { id: string }): number {
  return Number(a.id.slice(1)) - Number(b.id.slice(1));
}

export function emptyDesk(): TeamDesk {
  return { draft: '', orders: [], submitted: false, headId: undefined };
}

/** Empties every desk's orders and confirmation for a new round; the notes and the chosen head stay. */
export function clearDesks(s: SessionModel, keepAssessments = true): void {
  for (const d of Object.keys(s.teams) as Delegation[]) {
    const { draft, headId, draftVersion, assessments } = s.teams[d];
    s.teams[d] = {
      ...emptyDesk(),
      draft,
      headId,
      ...(draftVersion !== undefined ? { draftVersion } : {}),
      // The team's readings outlive the round, but not the practice round's made-up incidents.
      ...(keepAssessments && assessments !== undefined ? { assessments } : {}),
    };
  }
}

export function newSession(code: string, seed: number, settings: SessionSettings): SessionModel {
  return {
    version: 0,
    code,
    seed,
    stage: 'lobby',
    round: 0,
    phase: undefined,
    settings,
    teamsLocked: false,
    members: {},
    teams: { us: emptyDesk(), china: emptyDesk(), russia: emptyDesk() },
    nextMemberNumber: 1,
    world: undefined,
    timerPaused: false,
    chat: emptyChat(),
  };
}

/**
 * The roles each member of a delegation holds, as the teachers' pack plans them (content/pack/roles.json,
 * "sharing"). The head is whoever confirms (headOf); the teacher may give a member a role; the others take the
 * free roles in the order they sat down: diplomat, legal adviser, space commander, analyst, spokesperson. In a
 * team of fewer than six, roles pair up: the head speaks for the team, the analyst works with the commander,
 * the legal adviser with the diplomat. From the seventh member on, roles are shared: a second analyst, diplomat,
 * commander, spokesperson, legal adviser, in that order. A team of one holds every role. Derived, never stored:
 * the state (and its hash) holds only the roles the teacher gave.
 */
export function rolesOf(state: SessionModel, d: Delegation): Record<string, Role[]> {
  const seated = Object.values(state.members)
    .filter((m) => m.seat === d && m.status !== 'gone')
    .sort(byJoinOrder);
  const out: Record<string, Role[]> = Object.fromEntries(seated.map((m) => [m.id, [] as Role[]]));
  const head = headOf(state, d);
  const headRoles = head ? out[head.id] : undefined;
  headRoles?.push('head');
  // A role the teacher gave is held, by the head too (who then holds both).
  for (const m of seated) if (m.role && m.role !== 'head') out[m.id]?.push(m.role);
  const given = new Set(seated.map((m) => m.role));
  const waiting = seated.filter((m) => (out[m.id]?.length ?? 0) === 0);
  // The free roles, one group each, then paired up until there are no more groups than members waiting.
  const groups: Role[][] = HAND_OUT.filter((r) => !given.has(r)).map((r) => [r]);
  const merge = (from: Role, into: Role) => {
    const a = groups.findIndex((g) => g.includes(from));
    const b = groups.findIndex((g) => g.includes(into));
    if (a < 0 || b < 0 || a === b) return false;
    groups[b]?.push(...(groups[a] ?? []));
    groups.splice(a, 1);
    return true;
  };
  for (const [from, into] of PAIRINGS) {
    if (groups.length <= waiting.length) break;
    if (from === 'spokesperson' && into === 'head') {
      const i = groups.findIndex((g) => g.length === 1 && g[0] === 'spokesperson');
      if (i >= 0 && headRoles) headRoles.push(...(groups.splice(i, 1)[0] ?? []));
    } else merge(from, into);
  }
  while (groups.length > Math.max(1, waiting.length)) {
    const last = groups.pop() ?? [];
    groups.at(-1)?.push(...last);
  }
  if (waiting.length === 0) {
    headRoles?.push(...groups.flat());
    return out;
  }
  for (const [i, m] of waiting.entries()) {
    const roles = groups[i] ?? [SHARED_FIRST[(i - groups.length) % SHARED_FIRST.length] as Role];
    out[m.id]?.push(...roles);
  }
  return out;
}

/** The order free roles are handed out in, as students sit down. */
const HAND_OUT: readonly Role[] = ['diplomat', 'legal', 'commander', 'analyst', 'spokesperson'];
/** How roles pair up in a small team, first pairing first: the head takes the spokesperson's role, and so on. */
const PAIRINGS: readonly [Role, Role][] = [
  ['spokesperson', 'head'],
  ['analyst', 'commander'],
  ['legal', 'diplomat'],
];
/** The roles a seventh, eighth, ninth and tenth member share, in that order (the pack's plan). */
const SHARED_FIRST: readonly Role[] = ['analyst', 'diplomat', 'commander', 'spokesperson', 'legal'];

/**
 * Who confirms a delegation's orders: the chosen head while connected; otherwise the first connected member
 * (an acting head), so a sleeping phone never blocks a team. A team of one holds every role.
 */
export function headOf(state: SessionModel, d: Delegation): Member | undefined {
  const seated = Object.values(state.members)
    .filter((m) => m.seat === d && m.status !== 'gone')
    .sort(byJoinOrder);
  const chosen = state.teams[d].headId ? state.members[state.teams[d].headId] : undefined;
  if (chosen && chosen.seat === d && chosen.status === 'connected') return chosen;
  return seated.find((m) => m.status === 'connected') ?? (chosen?.seat === d ? chosen : seated[0]);
}

/** The year of the current round, or of the first round in the lobby. */
export function currentYear(state: SessionModel): number | undefined {
  return state.settings.years[Math.max(0, state.round - 1)];
}

/** Members seated at `seat`, gone ones included: a gone student's seat waits for the teacher to hand it back. */
export function seatCount(state: SessionModel, seat: Seat): number {
  let n = 0;
  for (const m of Object.values(state.members)) if (m.seat === seat) n++;
  return n;
}

/** The defaults a teacher gets with one click: the scenario's years and timers, timers on, seats locked at start. */
export function defaultSettings(scenario: {
  id: string;
  years: readonly number[];
  phaseMinutes: PhaseMinutes;
}): SessionSettings {
  return {
    scenarioId: scenario.id,
    years: [...scenario.years],
    timersOn: true,
    phaseMinutes: { ...scenario.phaseMinutes },
    lockTeamsOnStart: true,
    maxPerDelegation: 10,
  };
}
