/**
 * Writes session logs the way the room does, for tests of everything that reads them (folding, replays, the
 * debrief): `new Recorder(header).do(teacher, { type: 'startSession' })`.
 */
import { applyCommand } from '../../shared/session/apply.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import { createSessionModel, type LogEntry, type LogHeader, stateHash } from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { teacher } from './testSession.ts';

export type RoundHash = { round: number; seq: number; hash: string };

/** Each accepted command with its version and a fake clock (a second an entry), a hash at each resolved round. */
export class Recorder {
  state: SessionModel;
  entries: LogEntry[] = [];
  hashes: RoundHash[] = [];
  states: SessionModel[] = []; // the state after each entry, by index (seq - 1)

  readonly head: LogHeader;

  constructor(head: LogHeader) {
    this.head = head;
    const created = createSessionModel(head);
    if (!created.ok) throw new Error(created.refusal.message);
    this.state = created.state;
  }

  do(actor: Actor, command: SessionCommand) {
    const outcome = applyCommand(this.state, actor, command, this.head.content);
    if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.refusal.message}`);
    const seq = this.entries.length + 1;
    this.entries.push({
      seq,
      at: 1_700_000_000_000 + seq * 1000,
      actor,
      command,
      version: outcome.state.version,
    });
    this.state = outcome.state;
    this.states.push(outcome.state);
    for (const e of outcome.events)
      if (e.type === 'roundResolved')
        this.hashes.push({ round: e.round, seq, hash: stateHash(outcome.state) });
    return outcome;
  }

  /** The teacher moves on until the session reaches `phase` (or leaves play). */
  advanceTo(phase: string) {
    do this.do(teacher, { type: 'advancePhase' });
    while (this.state.phase !== phase && this.state.stage === 'playing');
  }
}
