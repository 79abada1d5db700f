// Frozen: rules version 1, copied from shared/session/commands/handler.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
import type { Card } from '../../content/card.ts';
import type { ScenarioSummary } from '../../content/scenario.ts';
import type { CommandOf, CommandType, SessionCommand, SessionEvent, SystemCommand } from '../commands.ts';
import type { Member, SessionModel } from '../model.ts';
import type { Refusal } from '../refusal.ts';

/** What the rules may read besides the state: the content loaded at start, never a clock or a socket. */
export interface RulesContext {
  scenarios: readonly ScenarioSummary[];
  cards: readonly Card[];
}

/** Who may send a command: a student still in the session, the teacher, or the room itself. */
export type Sender = 'member' | 'teacher' | 'system';

/** What a handler returns: the events that narrate what it changed, or a refusal (its changes are dropped). */
export type Step = SessionEvent[] | Refusal;

/**
 * The rule for one command. `handle` may change `s`, a copy made for this command only; it is called once
 * the sender has been checked, so a member's handler is given the member who sent it.
 */
export type Handler<C extends SessionCommand> = (C extends SystemCommand
  ? { sender: 'system'; handle(s: SessionModel, c: C, ctx: RulesContext): Step }
  :
      | { sender: 'member'; handle(s: SessionModel, c: C, me: Member, ctx: RulesContext): Step }
      | { sender: 'teacher'; handle(s: SessionModel, c: C, ctx: RulesContext): Step }) &
  StaleCheck<C>;

/**
 * A command that carries `from` (the moment its sender saw) is refused as stale once the session has moved
 * on; `ifStale` ends the refusal with what to do: "press Next again if you still want to move on".
 */
type StaleCheck<C> = 'from' extends keyof C ? { ifStale: string } : { ifStale?: never };

/** Handlers for some commands: each concern's file exports one of these. */
export type Handlers<K extends CommandType> = { [P in K]: Handler<CommandOf<P>> };

/** One handler for every command. */
export type CommandTable = Handlers<CommandType>;
