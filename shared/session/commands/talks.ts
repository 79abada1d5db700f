/** Talks: team chats, bilateral channels (opened when both sides agree), the CD floor, and the teacher's voice. */
import { DELEGATION_IN_FULL, opening } from '../../content/labels.ts';
import { isDelegation } from '../../model/seats.ts';
import { nicknameKey } from '../../model/nickname.ts';
import { pairOf, post } from '../chat.ts';
import type { CommandOf } from '../commands.ts';
import { botId, type Member, type SessionModel } from '../model.ts';
import { refusal } from '../refusal.ts';
import type { Handlers, Step } from './handler.ts';

export const talksCommands: Handlers<
  'sendMessage' | 'requestChannel' | 'acceptChannel' | 'closeChannel' | 'announce' | 'muteMember'
> = {
  sendMessage: {
    sender: 'member',
    handle(s, c, me) {
      if (s.stage === 'ended') return refusal('wrongStage', 'The session has ended.');
      if (me.muted) return refusal('muted', 'The teacher has muted your messages for now.');
      const message = {
        id: s.chat.nextId++,
        from: me.id,
        nickname: me.nickname,
        seat: me.seat,
        text: c.text,
        round: s.round,
        // A bot's words carry their phase: it answers in a channel once a phase (shared/bots/moves.ts).
        ...(isDelegation(me.seat) && me.id === botId(me.seat) && s.phase ? { phase: s.phase } : {}),
      };
      if (c.to === 'floor') {
        if (!isDelegation(me.seat))
          return refusal('notSeated', 'Only delegations speak on the CD floor; observers listen.');
        post(s.chat.floor, message);
      } else if (c.to === 'team') {
        if (!isDelegation(me.seat)) return refusal('notSeated', 'Sit at a delegation to talk with its team.');
        post(s.chat.team[me.seat], message);
      } else {
        if (!isDelegation(me.seat))
          return refusal('notSeated', 'Sit at a delegation to talk with another one.');
        if (c.to === me.seat)
          return refusal('nothingToDo', 'That is your own delegation: use the team chat.');
        const channel = s.chat.channels[pairOf(me.seat, c.to)];
        if (channel.status !== 'open') {
          return refusal(
            'channelClosed',
            `There is no open channel with ${DELEGATION_IN_FULL[c.to]}: ask for one, and wait for them to accept.`,
          );
        }
        post(channel.messages, message);
      }
      return [{ type: 'messagePosted', to: c.to, messageId: message.id }];
    },
  },

  requestChannel: { sender: 'member', handle: changeChannel },
  acceptChannel: { sender: 'member', handle: changeChannel },
  closeChannel: { sender: 'member', handle: changeChannel },

  announce: {
    sender: 'teacher',
    handle(s, c) {
      const message = {
        id: s.chat.nextId++,
        from: 'teacher',
        nickname: 'Teacher',
        seat: 'teacher',
        text: c.text,
        round: s.round,
      };
      post(s.chat.floor, message);
      return [{ type: 'messagePosted', to: 'floor', messageId: message.id }];
    },
  },

  muteMember: {
    sender: 'teacher',
    handle(s, c) {
      const member = s.members[c.memberId];
      if (!member) return refusal('unknownMember', 'That student is no longer in the session.');
      if (Boolean(member.muted) === c.muted) {
        return refusal(
          'nothingToDo',
          c.muted ? `${member.nickname} is already muted.` : `${member.nickname} is not muted.`,
        );
      }
      if (c.muted) member.muted = true;
      else delete member.muted;
      // Bound to the nickname too (joinSession mutes whoever rejoins under a muted gone member's name): lifting
      // it lifts it from the gone records under that name as well.
      if (!c.muted) {
        const key = nicknameKey(member.nickname);
        for (const other of Object.values(s.members))
          if (other.status === 'gone' && nicknameKey(other.nickname) === key) delete other.muted;
      }
      return [{ type: 'memberMuted', memberId: member.id, muted: c.muted }];
    },
  },
};

/**
 * Asks for, accepts or closes the bilateral channel between the member's delegation and another. Two requests
 * that cross open the channel, as if each had accepted the other's.
 */
function changeChannel(
  s: SessionModel,
  c: CommandOf<'requestChannel' | 'acceptChannel' | 'closeChannel'>,
  me: Member,
): Step {
  if (s.stage === 'ended') return refusal('wrongStage', 'The session has ended.');
  if (!isDelegation(me.seat)) return refusal('notSeated', 'Sit at a delegation to open talks with another.');
  if (c.with === me.seat) return refusal('nothingToDo', 'Choose another delegation, not your own.');
  const pair = pairOf(me.seat, c.with);
  const channel = s.chat.channels[pair];
  const them = DELEGATION_IN_FULL[c.with];
  if (c.type === 'requestChannel') {
    if (channel.status === 'open') return refusal('nothingToDo', `The channel with ${them} is already open.`);
    if (channel.status === 'requested' && channel.requestedBy === me.seat) {
      return refusal('nothingToDo', `You have asked ${them} already; they have to accept.`);
    }
    if (channel.status === 'requested') channel.status = 'open';
    else {
      channel.status = 'requested';
      channel.requestedBy = me.seat;
    }
  } else if (c.type === 'acceptChannel') {
    if (channel.status !== 'requested' || channel.requestedBy !== c.with) {
      return refusal('nothingToDo', `${opening(them)} has not asked for a channel with you.`);
    }
    channel.status = 'open';
  } else {
    if (channel.status === 'closed')
      return refusal('nothingToDo', `There is no channel with ${them} to close.`);
    channel.status = 'closed';
    channel.requestedBy = undefined;
  }
  return [{ type: 'channelChanged', pair, status: channel.status }];
}
