import type { RoundPhase } from '../model/phases.ts';
import type { Delegation } from '../model/seats.ts';
import type { Moment, ToServerName, ToServerPayload } from '../protocol/toServer.ts';

/** Who issues a command: the teacher (host secret checked by the room), a student, or the room itself. */
export type Actor =
  | { kind: 'teacher' }
  | { kind: 'member'; memberId: string }
  | { kind: 'system' }
  | { kind: 'bot'; delegation: Delegation }; // the server playing a delegation (shared/bots), logged like a team

/**
 * A command a client sent: one per ToServer message, its payload already validated. `from` (the moment the
 * sender saw) is required of every client by the schema, but optional here: commands logged before it existed
 * carry none, and old logs must still fold. The rules skip the staleness check when it is absent.
 */
export type ClientCommand = {
  [K in ToServerName]: { type: K } & FromOptional<PayloadOf<K>>;
}[ToServerName];

/**
 * A message's fields. An empty message has none: its schema infers `Record<string, never>`, which would
 * forbid `type` too.
 */
type PayloadOf<K extends ToServerName> =
  ToServerPayload<K> extends Record<string, never> ? unknown : ToServerPayload<K>;

type FromOptional<P> = P extends { from: Moment } ? Omit<P, 'from'> & { from?: Moment } : P;

/** Commands only the room issues: arrivals, connection changes, and timers firing. */
export type SystemCommand =
  | { type: 'joinSession'; nickname: string; keyHash?: string }
  | { type: 'reclaimSeat'; memberId: string }
  | { type: 'memberDropped'; memberId: string }
  | { type: 'memberReturned'; memberId: string }
  | { type: 'memberGone'; memberId: string }
  | { type: 'phaseTimeUp'; round: number; phase: RoundPhase };

export type SessionCommand = ClientCommand | SystemCommand;
export type CommandType = SessionCommand['type'];
export type CommandOf<K extends CommandType> = Extract<SessionCommand, { type: K }>;

/** What happened, in the past tense; the console's activity list and the log read these. */
export type SessionEvent =
  | { type: 'memberJoined'; memberId: string; nickname: string; formerMemberId?: string }
  | { type: 'seatChosen'; memberId: string; seat: string; by: 'student' | 'teacher' }
  | { type: 'memberRemoved'; memberId: string; nickname: string }
  | { type: 'memberReadmitted'; nickname: string }
  | { type: 'seatRestored'; memberId: string; formerMemberId: string; seat: string }
  | { type: 'teamsLocked'; locked: boolean }
  | { type: 'settingsUpdated' }
  | { type: 'sessionStarted' }
  | { type: 'phaseBegan'; round: number; phase: RoundPhase; year: number | undefined }
  | { type: 'sessionEnded' }
  | { type: 'draftEdited'; seat: string; memberId: string }
  | { type: 'ordersSet'; seat: string; memberId: string; count: number }
  | { type: 'ordersSubmitted'; seat: string; memberId: string }
  | { type: 'roundResolved'; round: number }
  | { type: 'cardRevealed'; cardId: string; round: number; injected: boolean }
  | { type: 'headChosen'; seat: string; memberId: string }
  | { type: 'timerPaused' }
  | { type: 'timerResumed' }
  | { type: 'timerExtended'; minutes: number }
  | { type: 'ordersWithdrawn'; seat: string; memberId: string }
  | { type: 'memberAway'; memberId: string }
  | { type: 'memberReturned'; memberId: string }
  | { type: 'memberGone'; memberId: string }
  | { type: 'bookmarkAdded'; note: string; round: number; phase: string }
  | { type: 'messagePosted'; to: string; messageId: number }
  | { type: 'channelChanged'; pair: string; status: string }
  | { type: 'memberMuted'; memberId: string; muted: boolean }
  | { type: 'roleSet'; memberId: string; role: string }
  | { type: 'assessmentWritten'; seat: Delegation; memberId: string; incidentId: string }
  | { type: 'botSeated'; seat: Delegation; level: string }
  | { type: 'botUnseated'; seat: Delegation; by: 'teacher' | 'student' }
  | { type: 'practiceStarted' }
  | { type: 'practiceResolved' } // the practice round's orders played on its copy of the world; no round counted
  | { type: 'practiceEnded'; by: 'teacher' | 'timer' | 'endSession' };
