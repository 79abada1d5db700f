import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import { PAIRS } from '../../../shared/session/chat.ts';
import { headOf, rolesOf, type SessionModel } from '../../../shared/session/model.ts';
import type { ChannelView, SessionView, TeamView } from '../net/view.ts';

/**
 * A replayed state in the shape the live screens read, so the replay draws the same Phaser scenes. Only what
 * the chosen eyes may see is filled in: `world` is already the view for those eyes; desks and chats appear
 * for the teacher's eyes, or a delegation's own.
 */
export function sessionViewOf(
  s: SessionModel,
  world: WorldView | undefined,
  eyes: Delegation | 'teacher' | 'public',
): SessionView {
  const roles = Object.assign({}, ...DELEGATIONS.map((d) => rolesOf(s, d))) as Record<string, string[]>;
  const members: SessionView['members'] = {};
  for (const m of Object.values(s.members)) {
    members[m.id] = {
      id: m.id,
      nickname: m.nickname,
      seat: m.seat,
      status: m.status,
      roles: (roles[m.id] ?? []).join(','),
      muted: Boolean(m.muted),
    };
  }
  const sees = (d: Delegation) => eyes === 'teacher' || eyes === d;
  const teams = {} as Record<Delegation, TeamView>;
  for (const d of DELEGATIONS) {
    const t = s.teams[d];
    teams[d] = {
      submitted: t.submitted,
      headId: headOf(s, d)?.id ?? '',
      ...(sees(d) ? { draft: t.draft, orders: t.orders, chat: s.chat.team[d] } : {}),
    };
  }
  const channels: Record<string, ChannelView> = {};
  for (const pair of PAIRS) {
    const c = s.chat.channels[pair];
    const mine = eyes === 'teacher' || (eyes !== 'public' && pair.split('-').includes(eyes));
    channels[pair] = {
      status: c.status,
      requestedBy: c.requestedBy ?? '',
      ...(mine ? { messages: c.messages } : {}),
    };
  }
  return {
    version: s.version,
    code: s.code,
    stage: s.stage,
    round: s.round,
    phase: s.phase ?? '',
    phaseEndsAt: 0,
    teamsLocked: s.teamsLocked,
    hostConnected: false,
    settings: {
      scenarioId: s.settings.scenarioId,
      scenarioTitle: s.settings.scenarioId,
      years: s.settings.years,
      timersOn: s.settings.timersOn,
      phaseMinutes: s.settings.phaseMinutes,
      lockTeamsOnStart: s.settings.lockTeamsOnStart,
      maxPerDelegation: s.settings.maxPerDelegation,
    },
    members,
    teams,
    world,
    hostWorld: undefined,
    timerPaused: false,
    phaseRemainingMs: 0,
    channels,
    floor: s.chat.floor,
  };
}
