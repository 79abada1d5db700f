import type { BotLevel } from '../../../shared/model/botLevels.ts';
import type { RoundPhase, SessionStage } from '../../../shared/model/phases.ts';
import type { Delegation, Seat } from '../../../shared/model/seats.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import type { Assessment } from '../../../shared/session/assessment.ts';
import { byJoinOrder, type MemberStatus } from '../../../shared/session/model.ts';

/** The synced state as plain data, the way screens and scenes read it. */
export interface SessionView {
  version: number;
  code: string;
  stage: SessionStage;
  round: number;
  phase: RoundPhase | '';
  phaseEndsAt: number; // server ms; 0 when no timer runs
  teamsLocked: boolean;
  hostConnected: boolean;
  settings: {
    scenarioId: string;
    scenarioTitle: string;
    years: number[];
    timersOn: boolean;
    phaseMinutes: Record<RoundPhase, number>;
    lockTeamsOnStart: boolean;
    maxPerDelegation: number;
  };
  members: Record<string, MemberView>;
  teams: Record<Delegation, TeamView>;
  world: WorldView | undefined; // the world as the class sees it, from round 1 on
  hostWorld: WorldView | undefined; // the whole world: the teacher only
  removedNames: string[]; // students the teacher removed, who may join again once readmitted: the teacher only
  storageProblem: string; // the teacher only: why this session's log cannot be written now ('' when it can)
  timerPaused: boolean;
  phaseRemainingMs: number;
  channels: Record<string, ChannelView>; // "us-china", "us-russia", "china-russia"
  floor: MessageView[]; // public statements on the CD floor
  projectors: number; // projector boards connected now (the console shows it)
  practice: boolean; // the practice round is under way (round 0): nothing in it counts
}

/** A delegation's desk. Draft, orders and secret come only to that team and the teacher. */
export interface TeamView {
  submitted: boolean;
  headId: string;
  withdrawnBy?: string; // set while a confirmation is withdrawn: the member id who changed the orders, or "card"
  confirmedBy?: string; // with withdrawnBy: the head who had confirmed
  draftVersion?: number; // the notes' version, with the draft: an edit carries the one it started from
  bot?: BotLevel; // the server plays this delegation, at this level (shared/bots)
  draft?: string;
  orders?: Order[];
  secret?: WorldView;
  chat?: MessageView[];
  assessments?: Assessment[]; // with the draft: the team's readings of incidents (shared/session/assessment.ts)
}

/** The synced state as decoded (JSON fields still strings). */
export interface RawState
  extends Omit<SessionView, 'teams' | 'world' | 'hostWorld' | 'removedNames' | 'storageProblem'> {
  teams: Record<
    Delegation,
    {
      submitted: boolean;
      headId: string;
      withdrawnBy?: string;
      confirmedBy?: string;
      draftVersion?: number;
      bot?: string;
      draft?: string;
      orders?: string;
      secret?: string;
      chat?: MessageView[];
      assessments?: string;
    }
  >;
  world: string;
  host?: { world?: string; removed?: string; storage?: string };
}

const parsed = new Map<string, unknown>();
/** Parses a JSON field, reusing the last result for the same text (worlds change once a round, not per patch). */
function parseOnce<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  const hit = parsed.get(text);
  if (hit !== undefined) return hit as T;
  const value = JSON.parse(text) as T;
  if (parsed.size > 50) parsed.clear();
  parsed.set(text, value);
  return value;
}

/** Turns the decoded state into the view screens read. */
export function toView(raw: RawState): SessionView {
  const teams = {} as Record<Delegation, TeamView>;
  for (const [d, t] of Object.entries(raw.teams) as [Delegation, RawState['teams'][Delegation]][]) {
    teams[d] = {
      submitted: t.submitted,
      headId: t.headId,
      ...(t.withdrawnBy ? { withdrawnBy: t.withdrawnBy, confirmedBy: t.confirmedBy ?? '' } : {}),
      ...(t.bot ? { bot: t.bot as BotLevel } : {}),
      ...(t.draft !== undefined ? { draft: t.draft } : {}),
      ...(t.draftVersion !== undefined ? { draftVersion: t.draftVersion } : {}),
      ...(t.orders !== undefined ? { orders: parseOnce<Order[]>(t.orders) ?? [] } : {}),
      ...(t.secret ? { secret: parseOnce<WorldView>(t.secret) } : {}),
      ...(t.chat ? { chat: t.chat } : {}),
      ...(t.assessments ? { assessments: parseOnce<Assessment[]>(t.assessments) ?? [] } : {}),
    };
  }
  return {
    ...raw,
    teams,
    world: parseOnce<WorldView>(raw.world),
    hostWorld: parseOnce<WorldView>(raw.host?.world),
    removedNames: parseOnce<string[]>(raw.host?.removed) ?? [],
    storageProblem: raw.host?.storage ?? '',
  };
}

export interface MemberView {
  id: string;
  nickname: string;
  seat: Seat;
  status: MemberStatus;
  roles: string; // "head,diplomat"
  muted: boolean;
}

/** A chat message as synced (text only). */
export interface MessageView {
  id: number;
  from: string;
  nickname: string;
  seat: string;
  text: string;
  round: number;
}

/** A bilateral channel: status for all; messages only for its two teams and the teacher. */
export interface ChannelView {
  status: 'closed' | 'requested' | 'open';
  requestedBy: string;
  messages?: MessageView[];
}

/** Members in join order (m1, m2, ...), so lists don't jump around. */
export function membersInOrder(view: SessionView): MemberView[] {
  return Object.values(view.members).sort(byJoinOrder);
}

export function yearOf(view: SessionView): number | undefined {
  return view.settings.years[Math.max(0, view.round - 1)];
}

/**
 * Why a delegation's orders are no longer confirmed, or undefined when nothing was withdrawn. For its team:
 * "Your orders changed (by Sam) after Ana confirmed them: confirm again."; for the teacher: "its orders changed
 * (by Sam) after Ana confirmed them".
 */
export function withdrawalText(
  view: SessionView,
  d: Delegation,
  reader: 'team' | 'teacher' = 'team',
): string | undefined {
  const team = view.teams[d];
  if (!team?.withdrawnBy || team.submitted) return undefined;
  const confirmer = view.members[team.confirmedBy ?? '']?.nickname ?? 'the head of delegation';
  const changer = view.members[team.withdrawnBy]?.nickname;
  const what =
    team.withdrawnBy === 'card'
      ? `an event card made ${reader === 'team' ? 'your' : 'its'} orders impossible after ${confirmer} confirmed them`
      : `${reader === 'team' ? 'your' : 'its'} orders changed${changer ? ` (by ${changer})` : ''} after ${confirmer} confirmed them`;
  if (reader === 'teacher') return what;
  return `${what[0]?.toUpperCase()}${what.slice(1)}: ${team.withdrawnBy === 'card' ? 'change them and ' : ''}confirm again.`;
}
