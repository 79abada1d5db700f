/**
 * What the delegations the server plays should send now, as commands for their bot actor: the room dispatches
 * them like any team's, so the log holds them and a replay folds them without running bot code again.
 */
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { viewFor } from '../rules/views.ts';
import { type Pair, PAIRS, partiesOf } from '../session/chat.ts';
import type { Actor, SessionCommand } from '../session/commands.ts';
import { botId, type SessionModel } from '../session/model.ts';
import { acceptsChannel } from './channels.ts';
import { botOrders, botSpeech } from './decide.ts';
import { botChannelAnswer } from './statements.ts';

/**
 * Bots with something to do at this moment: confirm their orders, make their statement, answer a channel
 * request, or answer in a channel where the other side wrote. Nothing while the session is paused (a what-if
 * fork waits for its teacher): they act once it resumes. Cheap to ask.
 */
export function botsDue(s: SessionModel): Delegation[] {
  if (s.stage !== 'playing' || !s.world || !s.bots || s.timerPaused) return [];
  return DELEGATIONS.filter((d) => {
    if (!s.bots?.[d]) return false;
    if (channelsToAnswer(s, d).length > 0 || requestsFor(s, d).length > 0) return true;
    if (s.phase === 'orders') return !s.teams[d].submitted;
    if (s.phase === 'negotiation') return !spokeThisRound(s, d);
    return false;
  });
}

const spokeThisRound = (s: SessionModel, d: Delegation) =>
  s.chat.floor.some((m) => m.from === botId(d) && m.round === s.round);

/** The other party of a channel `d` is in, or undefined when `d` is not one of its two. */
function otherIn(pair: Pair, d: Delegation): Delegation | undefined {
  const [a, b] = partiesOf(pair);
  return a === d ? b : b === d ? a : undefined;
}

/** Delegations whose channel request waits for `d`'s answer. */
function requestsFor(s: SessionModel, d: Delegation): Delegation[] {
  return PAIRS.flatMap((pair) => {
    const them = otherIn(pair, d);
    const channel = s.chat.channels[pair];
    return them && channel.status === 'requested' && channel.requestedBy === them ? [them] : [];
  });
}

/**
 * Delegations `d` owes an answer in their open channel: the other side wrote after `d`'s last word there, and
 * `d` has not answered in that channel in this phase yet (once a phase, whatever the number of messages).
 */
function channelsToAnswer(s: SessionModel, d: Delegation): Delegation[] {
  return PAIRS.flatMap((pair) => {
    const them = otherIn(pair, d);
    const channel = s.chat.channels[pair];
    if (!them || channel.status !== 'open') return [];
    const last = channel.messages.at(-1);
    if (!last || last.seat !== them) return [];
    const answered = channel.messages.some(
      (m) => m.from === botId(d) && m.round === s.round && m.phase === s.phase,
    );
    return answered ? [] : [them];
  });
}

/**
 * The commands a bot sends now, in order: its answers to channel requests (accept, or refuse by closing), its
 * answers in channels where the other side wrote; then in the orders phase its orders (unless the desk already
 * holds them) and its confirmation, in the negotiation phase one statement on the CD floor. Pure: the same
 * state gives the same commands, decided from the delegation's view of the world and the session's seed.
 */
export function botMoves(s: SessionModel, d: Delegation): { actor: Actor; command: SessionCommand }[] {
  const bot = s.bots?.[d];
  if (!bot || !s.world || !s.phase || !botsDue(s).includes(d)) return [];
  const actor: Actor = { kind: 'bot', delegation: d };
  const now = viewFor(s.world, d);
  const talks: SessionCommand[] = [
    ...requestsFor(s, d).map(
      (them): SessionCommand =>
        acceptsChannel(d, them, now)
          ? { type: 'acceptChannel', with: them }
          : { type: 'closeChannel', with: them },
    ),
    ...channelsToAnswer(s, d).map(
      (them): SessionCommand => ({
        type: 'sendMessage',
        to: them,
        text: botChannelAnswer({
          me: d,
          them,
          now,
          before: undefined,
          level: bot.level,
          seed: s.seed,
          phase: s.phase as NonNullable<SessionModel['phase']>,
        }),
      }),
    ),
  ];
  const moves: SessionCommand[] = [...talks];
  if (s.phase === 'negotiation' && !spokeThisRound(s, d))
    moves.push({ type: 'sendMessage', to: 'floor', text: botSpeech(s.world, d, bot.level, s.seed) });
  if (s.phase === 'orders' && !s.teams[d].submitted) {
    const orders = botOrders(s.world, d, bot.level, s.seed);
    const same = JSON.stringify(orders) === JSON.stringify(s.teams[d].orders);
    if (!same) moves.push({ type: 'setOrders', orders });
    moves.push({ type: 'submitOrders' });
  }
  return moves.map((command) => ({ actor, command }));
}
