/**
 * What the delegations the server plays should send now, as commands for their bot actor: the room dispatches
 * them like any team's, so the log holds them and a replay folds them without running bot code again.
 */
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import type { Actor, SessionCommand } from '../session/commands.ts';
import { botId, type SessionModel } from '../session/model.ts';
import { botOrders, botSpeech } from './decide.ts';

/** Bots with something to do at this moment: confirm their orders, or make their statement. Cheap to ask. */
export function botsDue(s: SessionModel): Delegation[] {
  if (s.stage !== 'playing' || !s.world || !s.bots) return [];
  return DELEGATIONS.filter((d) => {
    if (!s.bots?.[d]) return false;
    if (s.phase === 'orders') return !s.teams[d].submitted;
    if (s.phase === 'negotiation') return !spokeThisRound(s, d);
    return false;
  });
}

const spokeThisRound = (s: SessionModel, d: Delegation) =>
  s.chat.floor.some((m) => m.from === botId(d) && m.round === s.round);

/**
 * The commands a bot sends now, in order: in the orders phase its orders (unless the desk already holds them)
 * and its confirmation; in the negotiation phase one statement on the CD floor. Pure: the same state gives the
 * same commands, decided from the delegation's view of the world and the session's seed.
 */
export function botMoves(s: SessionModel, d: Delegation): { actor: Actor; command: SessionCommand }[] {
  const bot = s.bots?.[d];
  if (!bot || !s.world || !botsDue(s).includes(d)) return [];
  const actor: Actor = { kind: 'bot', delegation: d };
  if (s.phase === 'negotiation')
    return [
      {
        actor,
        command: { type: 'sendMessage', to: 'floor', text: botSpeech(s.world, d, bot.level, s.seed) },
      },
    ];
  const orders = botOrders(s.world, d, bot.level, s.seed);
  const same = JSON.stringify(orders) === JSON.stringify(s.teams[d].orders);
  return [
    ...(same ? [] : [{ actor, command: { type: 'setOrders', orders } as SessionCommand }]),
    { actor, command: { type: 'submitOrders' } },
  ];
}
