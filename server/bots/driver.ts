import type { Delayed } from '@colyseus/core';
import { botMoves, botsDue } from '../../shared/bots/moves.ts';
import type { Delegation } from '../../shared/model/seats.ts';
import type { Outcome } from '../../shared/session/apply.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import type { SessionModel } from '../../shared/session/model.ts';

/** The first rules version whose engine knows bots (seatBot, the bot actor): older sessions are refused them. */
export const BOTS_SINCE_RULES = 2;

/** How long a bot waits after a phase opens (or it is seated) before it acts: soon, but after the screens update. */
export const BOT_DELAY_MS = 400;

/**
 * Plays the delegations the teacher gave the server: whenever a bot has something to do (`botsDue`), it waits
 * BOT_DELAY_MS, then dispatches the bot's commands (`botMoves`) through the room, exactly as a team's would be
 * dispatched and logged. A command the rules refuse is reported once and not retried in that phase.
 */
/** The part of the room's clock the driver uses (`room.clock`: cleared when the room is disposed). */
interface Clock {
  setTimeout(fn: () => void, ms: number): Delayed;
}

export class BotDriver {
  private timer: Delayed | undefined;
  private busy = false; // a turn is being played
  private failed = new Set<string>(); // "round/phase/delegation" whose move the rules refused

  private readonly clock: Clock;
  private readonly model: () => SessionModel;
  private readonly dispatch: (actor: Actor, command: SessionCommand) => Outcome;

  constructor(
    clock: Clock,
    model: () => SessionModel,
    dispatch: (actor: Actor, command: SessionCommand) => Outcome,
  ) {
    this.clock = clock;
    this.model = model;
    this.dispatch = dispatch;
  }

  /** Called after every accepted command: schedules a turn if some bot has something to do. */
  wake() {
    if (this.busy || this.timer?.active) return;
    if (this.due().length === 0) return;
    this.timer = this.clock.setTimeout(() => this.play(), BOT_DELAY_MS);
  }

  private due(): Delegation[] {
    const s = this.model();
    return botsDue(s).filter((d) => !this.failed.has(this.key(s, d)));
  }

  private key = (s: SessionModel, d: Delegation) => `${s.round}/${s.phase}/${d}`;

  /**
   * One turn: each bot that has something to do sends its commands. Not re-entered: the room's patch ticks the
   * clock, so a timer may come due inside a dispatch of this very turn.
   */
  private play() {
    this.timer = undefined;
    if (this.busy) return;
    this.busy = true;
    try {
      for (const d of this.due()) {
        const s = this.model();
        for (const { actor, command } of botMoves(s, d)) {
          const outcome = this.dispatch(actor, command);
          if (!outcome.ok) {
            console.error(`The ${d} bot's ${command.type} was refused: ${outcome.refusal.message}`);
            this.failed.add(this.key(s, d));
            break;
          }
        }
      }
    } finally {
      this.busy = false;
    }
    this.wake();
  }
}
