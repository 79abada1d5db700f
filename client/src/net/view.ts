import type { RoundPhase, SessionStage } from '../../../shared/model/phases.ts';
import type { Delegation, Seat } from '../../../shared/model/seats.ts';
import type { MemberStatus } from '../../../shared/session/model.ts';

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
  teams: Record<Delegation, { submitted: boolean; draft?: string }>; // draft only for your own team (and the teacher)
}

export interface MemberView {
  id: string;
  nickname: string;
  seat: Seat;
  status: MemberStatus;
}

/** Members in join order (m1, m2, ...), so lists don't jump around. */
export function membersInOrder(view: SessionView): MemberView[] {
  return Object.values(view.members).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

export function yearOf(view: SessionView): number | undefined {
  return view.settings.years[Math.max(0, view.round - 1)];
}
