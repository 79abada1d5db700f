import type { ToServerName } from '../protocol/toServer.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { assessmentCommands } from './commands/assessments.ts';
import { botCommands } from './commands/bots.ts';
import { cardCommands } from './commands/cards.ts';
import { deskCommands } from './commands/desk.ts';
import type { CommandTable, RulesContext, Sender, Step } from './commands/handler.ts';
import { lobbyCommands } from './commands/lobby.ts';
import { practiceCommands } from './commands/practice.ts';
import { presenceCommands } from './commands/presence.ts';
import { roundCommands } from './commands/rounds.ts';
import { talksCommands } from './commands/talks.ts';
import { copyModel } from './copyModel.ts';
import { botMember, type Member, type SessionModel } from './model.ts';
import { staleness } from './moment.ts';
import { type Refusal, refusal } from './refusal.ts';

export type Outcome =
  | { ok: true; state: SessionModel; events: SessionEvent[] }
  | { ok: false; refusal: Refusal };

/** Every command's rule, by concern: one handler per command, each saying who may send it. */
export const COMMANDS: CommandTable = {
  ...presenceCommands,
  ...lobbyCommands,
  ...roundCommands,
  ...deskCommands,
  ...talksCommands,
  ...cardCommands,
  ...botCommands,
  ...practiceCommands,
  ...assessmentCommands,
};

/** Who may send each room message, read from the handlers: a student ("member") or the teacher. */
export const SENDERS = Object.fromEntries(
  Object.entries(COMMANDS).flatMap(([type, { sender }]) => (sender === 'system' ? [] : [[type, sender]])),
) as Record<ToServerName, Exclude<Sender, 'system'>>;

/**
 * A handler as the dispatcher sees it. The table pairs each command with its own handler; looked up by a
 * command of any type, that pairing is no longer visible to the compiler.
 */
type AnyHandler = { ifStale?: string } & (
  | { sender: 'member'; handle(s: SessionModel, c: SessionCommand, me: Member, ctx: RulesContext): Step }
  | { sender: 'teacher' | 'system'; handle(s: SessionModel, c: SessionCommand, ctx: RulesContext): Step }
);

/**
 * What a bot delegation may do: draft and confirm its orders, speak on the CD floor and in its channels, and
 * accept or refuse (close) a channel another delegation asked for; the same commands as a team, handled for
 * the bot as its delegation's only member (botMember).
 */
const BOT_COMMANDS: ReadonlySet<SessionCommand['type']> = new Set([
  'setOrders',
  'submitOrders',
  'sendMessage',
  'acceptChannel',
  'closeChannel',
]);

const NOT_ALLOWED: Record<Sender, string> = {
  member: 'Only students at a seat can do that.',
  teacher: 'Only the teacher can do that.',
  system: 'Only the server can do that.',
};

/**
 * Applies one command to a session: checks who may send it and that it is not stale, then lets its handler
 * return the next state (version + 1) and the events that narrate it, or a refusal that changes nothing.
 * Pure: the input state is never mutated.
 */
export function applyCommand(
  state: SessionModel,
  actor: Actor,
  command: SessionCommand,
  ctx: RulesContext,
): Outcome {
  const handler: AnyHandler = COMMANDS[command.type];
  if (actor.kind === 'bot' ? !BOT_COMMANDS.has(command.type) : actor.kind !== handler.sender)
    return refused(refusal('notAllowed', NOT_ALLOWED[handler.sender]));
  if (handler.ifStale && 'from' in command) {
    const stale = staleness(state, command.from, handler.ifStale);
    if (stale) return refused(stale);
  }
  const next = copyModel(state);
  const step = run(handler, next, actor, command, ctx);
  if (!Array.isArray(step)) return refused(step);
  next.version = state.version + 1;
  return { ok: true, state: next, events: step };
}

/** Calls the handler on `next` (the copy it may change); a member's handler gets the member, still here. */
function run(
  handler: AnyHandler,
  next: SessionModel,
  actor: Actor,
  c: SessionCommand,
  ctx: RulesContext,
): Step {
  if (handler.sender !== 'member') return handler.handle(next, c, ctx);
  if (actor.kind === 'bot') {
    const bot = botMember(next, actor.delegation);
    if (!bot) return refusal('notSeated', 'The server no longer plays that delegation.');
    return handler.handle(next, c, bot, ctx);
  }
  const me = actor.kind === 'member' ? next.members[actor.memberId] : undefined;
  if (!me || me.status === 'gone') return refusal('unknownMember', 'You are no longer in this session.');
  return handler.handle(next, c, me, ctx);
}

const refused = (r: Refusal): Outcome => ({ ok: false, refusal: r });
