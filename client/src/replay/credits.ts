import { DELEGATIONS, type Delegation, isDelegation } from '../../../shared/model/seats.ts';
import { ROLES, type Role } from '../../../shared/session/chat.ts';
import { rolesOf } from '../../../shared/session/model.ts';
import type { Replay } from './model.ts';

/** What one member did for a delegation over the session, read from the log: the debrief's "Who did what". */
export interface MemberCredit {
  memberId: string; // "m4"
  nickname: string;
  roles: Role[]; // held at the end of the log (none for a student who left)
  floor: number; // statements on the CD floor
  team: number; // messages in the team chat
  talks: number; // messages in the bilateral channels
  orders: number; // orders added to the team's list (an edit that grows it by two counts two)
  confirmations: number; // times the orders were confirmed
  assessments: number; // attribution assessments written or revised
  notes: number; // edits of the team's notes
}

export const CREDIT_COLUMNS = [
  ['floor', 'CD floor statements'],
  ['team', 'Team chat messages'],
  ['talks', 'Bilateral messages'],
  ['orders', 'Orders drafted'],
  ['confirmations', 'Confirmations'],
  ['assessments', 'Assessments written'],
  ['notes', 'Notes edits'],
] as const satisfies readonly (readonly [keyof MemberCredit, string])[];

/**
 * Who did what in each delegation, from the accepted commands of the log and the events they raised: each
 * member's statements, messages, orders drafted, confirmations and assessments, credited to the delegation they
 * sat at when they acted; the members seated at the end are listed even when they did nothing. Members in join
 * order. The server's bot, when one played, is credited under its own name.
 */
export function whoDidWhat(replay: Replay): Record<Delegation, MemberCredit[]> {
  const seatOf = new Map<string, string>();
  const orderCount: Record<Delegation, number> = { us: 0, china: 0, russia: 0 };
  const credits: Record<Delegation, Map<string, MemberCredit>> = {
    us: new Map(),
    china: new Map(),
    russia: new Map(),
  };
  const finalRoles = replay.final
    ? (Object.assign({}, ...DELEGATIONS.map((d) => rolesOf(replay.final!, d))) as Record<string, Role[]>)
    : {};
  const creditOf = (d: Delegation, id: string): MemberCredit => {
    let c = credits[d].get(id);
    if (!c) {
      c = {
        memberId: id,
        nickname: replay.nicknames.get(id) ?? (id.startsWith('bot-') ? 'The server (bot)' : id),
        roles: (finalRoles[id] ?? []).filter((r) => ROLES.includes(r)),
        floor: 0,
        team: 0,
        talks: 0,
        orders: 0,
        confirmations: 0,
        assessments: 0,
        notes: 0,
      };
      credits[d].set(id, c);
    }
    return c;
  };
  for (const frame of replay.frames) {
    const actor = frame.entry?.actor;
    const actorId =
      actor?.kind === 'member'
        ? actor.memberId
        : actor?.kind === 'bot'
          ? `bot-${actor.delegation}`
          : undefined;
    if (actor?.kind === 'bot') seatOf.set(actorId as string, actor.delegation);
    for (const e of frame.events) {
      switch (e.type) {
        case 'memberJoined':
          if (e.formerMemberId) seatOf.set(e.memberId, seatOf.get(e.formerMemberId) ?? 'unseated');
          break;
        case 'seatChosen':
        case 'seatRestored':
          seatOf.set(e.memberId, e.seat);
          break;
        case 'phaseBegan': // a round begins with empty order lists
          if (e.phase === 'briefing') for (const d of DELEGATIONS) orderCount[d] = 0;
          break;
        case 'messagePosted': {
          const seat = actorId ? seatOf.get(actorId) : undefined;
          if (!actorId || !seat || !isDelegation(seat)) break;
          const c = creditOf(seat, actorId);
          if (e.to === 'floor') c.floor++;
          else if (e.to === 'team') c.team++;
          else c.talks++;
          break;
        }
        case 'ordersSet':
          if (isDelegation(e.seat)) {
            const grew = e.count - orderCount[e.seat];
            orderCount[e.seat] = e.count;
            if (grew > 0) creditOf(e.seat, e.memberId).orders += grew;
          }
          break;
        case 'ordersSubmitted':
          if (isDelegation(e.seat)) creditOf(e.seat, e.memberId).confirmations++;
          break;
        case 'assessmentWritten':
          creditOf(e.seat, e.memberId).assessments++;
          break;
        case 'draftEdited':
          if (isDelegation(e.seat)) creditOf(e.seat, e.memberId).notes++;
          break;
      }
    }
  }
  // Everyone seated at the end is listed, even with nothing to their name.
  for (const m of Object.values(replay.final?.members ?? {}))
    if (isDelegation(m.seat) && m.status !== 'gone') creditOf(m.seat, m.id);
  const byJoin = (a: MemberCredit, b: MemberCredit) =>
    (a.memberId.startsWith('bot-') ? 1e9 : Number(a.memberId.slice(1))) -
    (b.memberId.startsWith('bot-') ? 1e9 : Number(b.memberId.slice(1)));
  return {
    us: [...credits.us.values()].sort(byJoin),
    china: [...credits.china.values()].sort(byJoin),
    russia: [...credits.russia.values()].sort(byJoin),
  };
}
