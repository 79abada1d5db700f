/**
 * What the server sends to clients besides the synced state: the welcome after a join, the reply to an
 * accepted request, and the close codes it ends a connection with on purpose. A refused request is answered
 * with a `Refusal` (session/refusal.ts).
 */
import type { JoinRole } from './toServer.ts';

/** The reply to an accepted room request. */
export interface Accepted {
  version: number;
}

/** Close codes the server uses when it ends a connection on purpose. */
export const CLOSE_REMOVED = 4801; // the teacher removed this student
export const CLOSE_DELETED = 4802; // the session was deleted (its log with it): there is nothing to go back to

/** The first message a client gets after joining: who it is in this session. */
export interface Welcome {
  role: JoinRole;
  memberId?: string; // students only: the member this connection plays as
  memberKey?: string; // students only, on a fresh join: keep it (sessionStorage) to take the seat back after a restart
  serverTime: number; // the server's clock in ms, so a client can show phase timers without clock skew
}

/** At most this many projector boards watch one session at once (anyone with the code may open one). */
export const PROJECTORS_PER_SESSION = 8;
