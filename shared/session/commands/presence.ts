/** Arrivals and connection changes: commands only the room sends, when a socket joins, drops or leaves. */
import { nicknameKey } from '../../model/nickname.ts';
import type { CommandOf } from '../commands.ts';
import type { MemberStatus, SessionModel } from '../model.ts';
import { refusal } from '../refusal.ts';
import { studentTakesBack } from './bots.ts';
import type { Handlers, Step } from './handler.ts';

/** The most students one session holds, observers included; members who are gone do not count (their record stays, for the teacher to hand the seat on). */
export const MAX_MEMBERS = 100;

/** What a student the teacher removed sees when they try to join again, under that nickname or with that seat. */
export const REMOVED_MESSAGE =
  'The teacher removed you from this session; ask the teacher to let you back in.';

export const presenceCommands: Handlers<
  'joinSession' | 'reclaimSeat' | 'memberDropped' | 'memberReturned' | 'memberGone'
> = {
  joinSession: {
    sender: 'system',
    handle(s, c) {
      if (s.stage === 'ended')
        return refusal('wrongStage', 'This session has ended. Ask your teacher for the new code.');
      const key = nicknameKey(c.nickname);
      if (s.removed?.some((r) => nicknameKey(r.nickname) === key)) return refusal('removed', REMOVED_MESSAGE);
      const same = Object.values(s.members).filter((m) => nicknameKey(m.nickname) === key);
      if (same.some((m) => m.status === 'connected')) {
        return refusal(
          'nicknameTaken',
          `Someone here is already called "${c.nickname}". Add an initial or pick another nickname.`,
        );
      }
      if (same.some((m) => m.status === 'away')) {
        return refusal(
          'nicknameTaken',
          `"${c.nickname}" is away and their seat is held for a few minutes. If that is you, go back to the tab you joined from; or join under another nickname and ask the teacher to give you the seat.`,
        );
      }
      // Who left holds no place: a student joining and leaving in a loop can no longer fill the session for good.
      if (Object.values(s.members).filter((m) => m.status !== 'gone').length >= MAX_MEMBERS) {
        return refusal('sessionFull', `This session is full (${MAX_MEMBERS} students).`);
      }
      const id = `m${s.nextMemberNumber++}`;
      s.members[id] = {
        id,
        nickname: c.nickname,
        seat: 'unseated',
        status: 'connected',
        ...(c.keyHash ? { keyHash: c.keyHash } : {}),
        // A muted student who left and joins again under the nickname is still muted.
        ...(same.some((m) => m.muted) ? { muted: true } : {}),
      };
      const former = same[0];
      return [
        {
          type: 'memberJoined',
          memberId: id,
          nickname: c.nickname,
          ...(former ? { formerMemberId: former.id } : {}),
        },
      ];
    },
  },

  reclaimSeat: {
    sender: 'system',
    // A student's tab proved it holds the member's key (checked by the room): the seat comes back, even after
    // the hold ran out, unless someone else now plays under that nickname.
    handle(s, c) {
      const member = s.members[c.memberId];
      if (!member)
        return refusal('unknownMember', 'That seat no longer exists: join again and ask the teacher.');
      if (member.status === 'connected')
        return refusal('nothingToDo', `${member.nickname} is already connected.`);
      const key = nicknameKey(member.nickname);
      if (
        Object.values(s.members).some(
          (m) => m.id !== member.id && m.status !== 'gone' && nicknameKey(m.nickname) === key,
        )
      ) {
        return refusal(
          'nicknameTaken',
          `Someone else now plays as "${member.nickname}". Ask the teacher to give you your seat back.`,
        );
      }
      member.status = 'connected';
      return [{ type: 'memberReturned', memberId: member.id }, ...studentTakesBack(s, member)];
    },
  },

  memberDropped: { sender: 'system', handle: (s, c) => setStatus(s, c, 'away') },
  memberReturned: { sender: 'system', handle: (s, c) => setStatus(s, c, 'connected') },
  memberGone: { sender: 'system', handle: (s, c) => setStatus(s, c, 'gone') },
};

/** A member's connection changed: away (dropped, seat held), back, or gone for good. */
function setStatus(
  s: SessionModel,
  c: CommandOf<'memberDropped' | 'memberReturned' | 'memberGone'>,
  status: MemberStatus,
): Step {
  const member = s.members[c.memberId];
  if (!member) return refusal('unknownMember', 'That student is no longer in the session.');
  if (member.status === status) return refusal('nothingToDo', `${member.nickname} is already ${status}.`);
  // Gone is final: the nickname may already belong to a newcomer, who can be handed the seat with restoreSeat.
  if (member.status === 'gone')
    return refusal('unknownMember', `${member.nickname} has left the session; they can join again.`);
  member.status = status;
  return [
    { type: c.type === 'memberDropped' ? 'memberAway' : c.type, memberId: member.id },
    ...studentTakesBack(s, member),
  ];
}
