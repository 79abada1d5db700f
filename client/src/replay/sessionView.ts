import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { PAIRS } from '../../../shared/session/chat.ts';
import { headOf, rolesOf, type SessionModel } from '../../../shared/session/model.ts';
import type { Sight } from '../../../shared/session/visibility.ts';
import type { ChannelView, SessionView, TeamView } from '../net/view.ts';

/**
 * A replayed state in the shape the live screens read, so the replay draws the same Phaser scenes. Only what the
 * chosen eyes' sight holds is filled in (shared/session/visibility.ts): the world as they know it, their desks,
 * team chats and channels.
 */
export function sessionViewOf(s: SessionModel, sight: Sight): SessionView {
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
  const teams = {} as Record<Delegation, TeamView>;
  for (const d of DELEGATIONS) {
    const desk = sight.desks[d];
    const chat = sight.teamChats[d];
    teams[d] = {
      submitted: s.teams[d].submitted,
      headId: headOf(s, d)?.id ?? '',
      ...(s.bots?.[d] ? { bot: s.bots[d].level } : {}),
      ...(desk ? { draft: desk.draft, orders: desk.orders } : {}),
      ...(desk?.assessments?.length ? { assessments: desk.assessments } : {}),
      ...(chat ? { chat: [...chat] } : {}),
    };
  }
  const channels: Record<string, ChannelView> = {};
  for (const pair of PAIRS) {
    const c = s.chat.channels[pair];
    const messages = sight.channels[pair];
    channels[pair] = {
      status: c.status,
      requestedBy: c.requestedBy ?? '',
      ...(messages ? { messages: [...messages] } : {}),
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
    projectors: 0,
    practice: s.practice !== undefined,
    removedNames: [],
    storageProblem: '',
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
    world: sight.world,
    hostWorld: undefined,
    timerPaused: false,
    phaseRemainingMs: 0,
    channels,
    floor: [...sight.floor],
  };
}
