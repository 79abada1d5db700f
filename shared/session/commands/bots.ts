/** Delegations the server plays: the teacher seats a bot where no student is connected, and unseats it. */
import { BOT_LEVEL_NAMES, DELEGATION_IN_FULL } from '../../content/labels.ts';
import { type Delegation, isDelegation } from '../../model/seats.ts';
import type { SessionEvent } from '../commands.ts';
import type { Member, SessionModel } from '../model.ts';
import { refusal } from '../refusal.ts';
import type { Handlers } from './handler.ts';

export const botCommands: Handlers<'seatBot' | 'unseatBot'> = {
  seatBot: {
    sender: 'teacher',
    handle(s, c) {
      if (s.stage === 'ended') return refusal('wrongStage', 'The session has ended.');
      const name = DELEGATION_IN_FULL[c.delegation];
      const here = Object.values(s.members).filter(
        (m) => m.seat === c.delegation && m.status === 'connected',
      );
      if (here.length > 0) {
        const names = here.map((m) => m.nickname).join(', ');
        return refusal(
          'notAllowed',
          `${names} ${here.length === 1 ? 'is' : 'are'} connected at ${name}: the server plays only a delegation with no student connected. Move them first, or wait until they are away.`,
        );
      }
      const seated = s.bots?.[c.delegation];
      if (seated?.level === c.level)
        return refusal('nothingToDo', `The server already plays ${name} (${BOT_LEVEL_NAMES[c.level]}).`);
      s.bots = { ...s.bots, [c.delegation]: { level: c.level } };
      return [{ type: 'botSeated', seat: c.delegation, level: c.level }];
    },
  },

  unseatBot: {
    sender: 'teacher',
    handle(s, c) {
      if (!s.bots?.[c.delegation])
        return refusal('nothingToDo', `The server does not play ${DELEGATION_IN_FULL[c.delegation]}.`);
      return unseat(s, c.delegation, 'teacher');
    },
  },
};

/** Takes the bot off `d`: its confirmed orders stay on the desk for the team that takes the delegation back. */
function unseat(s: SessionModel, d: Delegation, by: 'teacher' | 'student'): SessionEvent[] {
  const { [d]: _gone, ...rest } = s.bots ?? {};
  if (Object.keys(rest).length > 0) s.bots = rest;
  else delete s.bots;
  return [{ type: 'botUnseated', seat: d, by }];
}

/**
 * A student connected at a delegation the server plays takes it back: called after a seat change, an arrival
 * or a return, it unseats the bot there and says so. No bot, no event.
 */
export function studentTakesBack(s: SessionModel, member: Member): SessionEvent[] {
  if (member.status !== 'connected' || !isDelegation(member.seat)) return [];
  return s.bots?.[member.seat] ? unseat(s, member.seat, 'student') : [];
}
