import { BOT_LEVEL_NAMES } from '../../../../shared/content/labels.ts';
import type { BotLevel } from '../../../../shared/model/botLevels.ts';
import { plural } from '../../ui/format.ts';
import { PHASE_NAMES } from '../../../../shared/model/phases.ts';
import { SEAT_NAMES, type Seat } from '../../../../shared/model/seats.ts';
import type { SessionEvent } from '../../../../shared/session/commands.ts';
import { readsEvent, type Sight } from '../../../../shared/session/visibility.ts';
import type { Frame } from '../model.ts';

/** Who sent an entry: "Teacher", "Server", or the student's nickname. */
export function actorName(f: Frame, nicknames: ReadonlyMap<string, string>): string {
  const a = f.entry?.actor;
  if (!a) return '';
  if (a.kind === 'teacher') return 'Teacher';
  if (a.kind === 'system') return 'Server';
  if (a.kind === 'bot') return `Server playing ${SEAT_NAMES[a.delegation]}`;
  return nicknames.get(a.memberId) ?? a.memberId;
}

/**
 * What an entry did, in words, as far as the sight of that moment may read it (readsEvent): another desk's work
 * and a card shown to other delegations are told without what they hold.
 */
export function describeEvents(
  events: readonly SessionEvent[],
  sight: Sight,
  nicknames: ReadonlyMap<string, string>,
): string {
  const nick = (id: string) => nicknames.get(id) ?? id;
  const seatName = (seat: string) => SEAT_NAMES[seat as Seat] ?? seat;
  const one = (e: SessionEvent): string => {
    const secret = !readsEvent(sight, e);
    switch (e.type) {
      case 'memberJoined':
        return `${e.nickname} joined`;
      case 'seatChosen':
        return `${nick(e.memberId)} sat with ${seatName(e.seat)}${e.by === 'teacher' ? ' (seated by the teacher)' : ''}`;
      case 'memberRemoved':
        return `${e.nickname} was removed`;
      case 'seatRestored':
        return `${nick(e.memberId)} took over the ${seatName(e.seat)} seat of ${nick(e.formerMemberId)}`;
      case 'teamsLocked':
        return e.locked ? 'the teams were locked' : 'the teams were opened';
      case 'settingsUpdated':
        return 'the settings changed';
      case 'sessionStarted':
        return 'the session started';
      case 'phaseBegan':
        return `round ${e.round}: ${PHASE_NAMES[e.phase].toLowerCase()} began`;
      case 'sessionEnded':
        return 'the session ended';
      case 'draftEdited':
        return secret ? `${seatName(e.seat)} worked at its desk` : `${seatName(e.seat)}: notes edited`;
      case 'ordersSet':
        return secret
          ? `${seatName(e.seat)} worked at its desk`
          : `${seatName(e.seat)}: orders set (${e.count})`;
      case 'ordersSubmitted':
        return `${seatName(e.seat)} confirmed its orders`;
      case 'ordersWithdrawn':
        return secret
          ? `${seatName(e.seat)} worked at its desk`
          : `${seatName(e.seat)}: orders no longer confirmed`;
      case 'roundResolved':
        return `round ${e.round} was resolved`;
      case 'cardRevealed': {
        const card = sight.world?.cards.find((c) => c.card.id === e.cardId);
        return secret
          ? 'a card was shown to others'
          : `card “${card?.card.title ?? e.cardId}”${e.injected ? ' played' : ' revealed'}`;
      }
      case 'headChosen':
        return `${nick(e.memberId)} now heads ${seatName(e.seat)}`;
      case 'timerPaused':
        return 'the timer was paused';
      case 'timerResumed':
        return 'the timer runs again';
      case 'timerExtended':
        return `the phase got ${plural(e.minutes, 'more minute')}`;
      case 'memberAway':
        return `${nick(e.memberId)} lost the connection`;
      case 'memberReturned':
        return `${nick(e.memberId)} is back`;
      case 'memberGone':
        return `${nick(e.memberId)} left`;
      case 'bookmarkAdded':
        return `bookmark: “${e.note}”`;
      case 'botSeated':
        return `the server now plays ${seatName(e.seat)} (${BOT_LEVEL_NAMES[e.level as BotLevel] ?? e.level})`;
      case 'botUnseated':
        return `the server no longer plays ${seatName(e.seat)}${e.by === 'student' ? ': a student took the delegation back' : ''}`;
      default:
        // An event this viewer does not know yet (a newer feature): its name, in words.
        return (e as { type: string }).type.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
    }
  };
  return events.map(one).join('; ');
}
