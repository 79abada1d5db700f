/** Seats, settings and the roster: where students sit, who heads a delegation, and what the teacher set up. */
import { DELEGATION_IN_FULL, opening, plural, SEAT_IN_SENTENCE } from '../../content/labels.ts';
import { ROUND_PHASES } from '../../model/phases.ts';
import { DELEGATION_NAMES, type Delegation, isDelegation, type Seat } from '../../model/seats.ts';
import { nicknameKey } from '../../model/nickname.ts';
import { ROLE_NAMES } from '../chat.ts';
import { headOf, type Member, type SessionModel, seatCount } from '../model.ts';
import { type Refusal, refusal } from '../refusal.ts';
import { studentTakesBack } from './bots.ts';
import type { Handlers } from './handler.ts';

export const lobbyCommands: Handlers<
  | 'chooseSeat'
  | 'assignSeat'
  | 'removeMember'
  | 'readmit'
  | 'restoreSeat'
  | 'lockTeams'
  | 'updateSettings'
  | 'setHead'
  | 'setRole'
> = {
  chooseSeat: {
    sender: 'member',
    handle(s, c, me) {
      if (s.stage === 'ended') return refusal('wrongStage', 'The session has ended.');
      if (me.seat === c.seat)
        return refusal('nothingToDo', `You already sit with ${SEAT_IN_SENTENCE[c.seat]}.`);
      if (s.teamsLocked && c.seat !== 'observer') {
        return refusal('teamsLocked', 'The teacher has locked the teams. Ask the teacher to move you.');
      }
      const full = checkRoom(s, c.seat);
      if (full) return full;
      me.seat = c.seat;
      claimHead(s, me);
      return [
        { type: 'seatChosen', memberId: me.id, seat: c.seat, by: 'student' },
        ...studentTakesBack(s, me),
      ];
    },
  },

  assignSeat: {
    sender: 'teacher',
    handle(s, c) {
      if (s.stage === 'ended') return refusal('wrongStage', 'The session has ended.');
      const member = s.members[c.memberId];
      if (!member) return refusal('unknownMember', 'That student is no longer in the session.');
      if (member.seat === c.seat) {
        return refusal('nothingToDo', `${member.nickname} already sits with ${SEAT_IN_SENTENCE[c.seat]}.`);
      }
      const full = checkRoom(s, c.seat);
      if (full) return full;
      member.seat = c.seat;
      claimHead(s, member);
      return [
        { type: 'seatChosen', memberId: member.id, seat: c.seat, by: 'teacher' },
        ...studentTakesBack(s, member),
      ];
    },
  },

  removeMember: {
    sender: 'teacher',
    handle(s, c) {
      const member = s.members[c.memberId];
      if (!member) return refusal('unknownMember', 'That student is no longer in the session.');
      delete s.members[c.memberId];
      // Bound to the nickname and the seat key: leaving and joining again does not undo it.
      s.removed = [
        ...(s.removed ?? []),
        { nickname: member.nickname, ...(member.keyHash ? { keyHash: member.keyHash } : {}) },
      ];
      return [{ type: 'memberRemoved', memberId: member.id, nickname: member.nickname }];
    },
  },

  readmit: {
    sender: 'teacher',
    handle(s, c) {
      const key = nicknameKey(c.nickname);
      const removed = s.removed ?? [];
      const kept = removed.filter((r) => nicknameKey(r.nickname) !== key);
      if (kept.length === removed.length)
        return refusal('nothingToDo', `Nobody called "${c.nickname}" was removed from this session.`);
      s.removed = kept;
      return [{ type: 'memberReadmitted', nickname: c.nickname }];
    },
  },

  restoreSeat: {
    sender: 'teacher',
    handle(s, c) {
      const member = s.members[c.memberId];
      const former = s.members[c.formerMemberId];
      if (!member || member.status === 'gone') {
        return refusal('unknownMember', 'Hand the seat to a student who is in the session now.');
      }
      if (!former) return refusal('unknownMember', 'That old seat has already been handed on or removed.');
      if (former.status === 'connected') {
        return refusal(
          'nothingToDo',
          `${former.nickname} is connected; only the seat of a student who is away or gone can be handed on.`,
        );
      }
      member.seat = former.seat;
      // Whoever held the head's chair keeps it through the handover.
      if (isDelegation(former.seat) && s.teams[former.seat].headId === former.id)
        s.teams[former.seat].headId = member.id;
      delete s.members[former.id];
      return [
        { type: 'seatRestored', memberId: member.id, formerMemberId: former.id, seat: member.seat },
        ...studentTakesBack(s, member),
      ];
    },
  },

  lockTeams: {
    sender: 'teacher',
    handle(s, c) {
      if (s.stage === 'ended') return refusal('wrongStage', 'The session has ended.');
      if (s.teamsLocked === c.locked) {
        return refusal(
          'nothingToDo',
          c.locked ? 'The teams are already locked.' : 'The teams are already open.',
        );
      }
      s.teamsLocked = c.locked;
      return [{ type: 'teamsLocked', locked: c.locked }];
    },
  },

  updateSettings: {
    sender: 'teacher',
    handle(s, c, ctx) {
      if (s.stage !== 'lobby')
        return refusal('wrongStage', 'Settings can change only in the lobby, before round 1.');
      const set = s.settings;
      if (c.scenarioId !== undefined && c.scenarioId !== set.scenarioId) {
        const scenario = ctx.scenarios.find((x) => x.id === c.scenarioId);
        if (!scenario)
          return refusal('unknownScenario', `There is no scenario "${c.scenarioId}" on this server.`);
        set.scenarioId = scenario.id;
        set.years = [...scenario.years];
        set.phaseMinutes = { ...scenario.phaseMinutes };
      }
      if (c.phaseMinutes) {
        for (const p of ROUND_PHASES) {
          const m = c.phaseMinutes[p];
          if (m !== undefined) set.phaseMinutes[p] = m;
        }
      }
      if (c.timersOn !== undefined) set.timersOn = c.timersOn;
      if (c.lockTeamsOnStart !== undefined) set.lockTeamsOnStart = c.lockTeamsOnStart;
      if (c.maxPerDelegation !== undefined) {
        for (const d of Object.keys(DELEGATION_NAMES) as Delegation[]) {
          const n = seatCount(s, d);
          if (n > c.maxPerDelegation) {
            return refusal(
              'delegationFull',
              `${opening(DELEGATION_IN_FULL[d])} already has ${plural(n, 'student')}; move some before lowering the limit to ${c.maxPerDelegation}.`,
            );
          }
        }
        set.maxPerDelegation = c.maxPerDelegation;
      }
      return [{ type: 'settingsUpdated' }];
    },
  },

  setHead: {
    sender: 'teacher',
    handle(s, c) {
      const member = s.members[c.memberId];
      if (!member || member.status === 'gone')
        return refusal('unknownMember', 'That student is no longer in the session.');
      if (!isDelegation(member.seat))
        return refusal('notSeated', `${member.nickname} does not sit at a delegation.`);
      if (headOf(s, member.seat)?.id === member.id && s.teams[member.seat].headId === member.id) {
        return refusal('nothingToDo', `${member.nickname} already heads the delegation.`);
      }
      s.teams[member.seat].headId = member.id;
      return [{ type: 'headChosen', seat: member.seat, memberId: member.id }];
    },
  },

  setRole: {
    sender: 'teacher',
    handle(s, c) {
      const member = s.members[c.memberId];
      if (!member || member.status === 'gone')
        return refusal('unknownMember', 'That student is no longer in the session.');
      if (!isDelegation(member.seat))
        return refusal('notSeated', `${member.nickname} does not sit at a delegation.`);
      const unchanged =
        c.role === 'head'
          ? s.teams[member.seat].headId === member.id && !member.role
          : c.role === 'none'
            ? !member.role
            : member.role === c.role;
      if (unchanged) {
        return refusal(
          'nothingToDo',
          c.role === 'head'
            ? `${member.nickname} already heads the delegation.`
            : c.role === 'none'
              ? `${member.nickname} holds no role the teacher gave.`
              : `${member.nickname} is already the ${ROLE_NAMES[c.role].split(' (')[0]?.toLowerCase()}.`,
        );
      }
      if (c.role === 'head') {
        s.teams[member.seat].headId = member.id;
        delete member.role;
      } else if (c.role === 'none') delete member.role;
      else {
        // Shared (what today's console sends): others keep the role, as extra students share roles. Commands
        // logged before sharing carry no `shared` and keep their meaning: whoever held the role gives it up.
        if (!c.shared)
          for (const other of Object.values(s.members))
            if (other.seat === member.seat && other.role === c.role) delete other.role;
        member.role = c.role;
      }
      return [{ type: 'roleSet', memberId: member.id, role: c.role }];
    },
  },
};

/** Refuses a move into a delegation that is at its limit; observers are never full. */
function checkRoom(s: SessionModel, seat: Seat): Refusal | undefined {
  if (!isDelegation(seat)) return undefined;
  if (seatCount(s, seat) >= s.settings.maxPerDelegation) {
    return refusal(
      'delegationFull',
      `The ${DELEGATION_NAMES[seat]} delegation is full (${s.settings.maxPerDelegation}). Pick another, or watch as an observer.`,
    );
  }
  return undefined;
}

/** The first student to sit at a delegation with no head becomes its head. */
function claimHead(s: SessionModel, member: Member) {
  if (!isDelegation(member.seat)) return;
  const desk = s.teams[member.seat];
  const current = desk.headId ? s.members[desk.headId] : undefined;
  if (!current || current.seat !== member.seat) desk.headId = member.id;
}
