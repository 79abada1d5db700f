import { duration } from '../../shared/content/labels.ts';
import { matchMaker, ServerError } from '@colyseus/core';
import express, { type Request, type Response, type Router } from 'express';
import type { HttpError } from '../../shared/protocol/http.ts';
import { firstIssue, JoinOptions } from '../../shared/protocol/toServer.ts';
import type { SessionDirectory } from '../sessions/directory.ts';
import { type CodeGuard, type LimitStore, memoryLimits, networkOf } from './rateLimit.ts';

/** Join options are a role, a code, a nickname or a host secret and a seat key: well under 2 KiB. */
export const MATCHMAKE_BODY_LIMIT = '2kb';
/** Seats one network may hold reserved in one session at once (a class behind one address is about 30). */
export const PENDING_SEATS_PER_NETWORK = 60;

export interface MatchmakingServices {
  directory: SessionDirectory;
  codes: CodeGuard;
  seatReservationSeconds: number; // how long Colyseus keeps a reserved seat for its socket
  counts?: LimitStore; // where pending seats are counted (Redis with several processes); this process by default
}

/** The part of a session room the seat check needs (SessionRoom.admit). */
interface Admitting {
  admit(raw: unknown, network?: string): unknown;
}

/**
 * Colyseus's matchmaking routes, taken over so that nothing reserves a seat before it is checked. Colyseus
 * reserves a seat at `POST /matchmake/<method>/<room>` and runs `onAuth` only when the socket opens, so
 * reservations without credentials could fill a session ("room is locked") until they expired. Here:
 * - `joinById` checks the options, the code (counted against guessing, see CodeGuard), the host secret and the
 *   nickname with the room's own check before reserving, and a network holds at most a few dozen reserved seats
 *   in one session at a time;
 * - `join` and `joinOrCreate` by room name find the session by its code, then do the same;
 * - `reconnect` is Colyseus's own (a reconnection token is a secret the server gave);
 * - `create` is refused: sessions are created by the HTTP API.
 * Bodies are JSON of at most 2 KiB. Every refusal is `{ error }` in plain words, with the status as its code.
 */
export function matchmakingRouter(services: MatchmakingServices): Router {
  const router = express.Router();
  const pending = (services.counts ?? memoryLimits()).counter(
    'pendingSeats',
    PENDING_SEATS_PER_NETWORK,
    services.seatReservationSeconds * 1000,
  );
  router.use(express.json({ limit: MATCHMAKE_BODY_LIMIT }));

  const refuse = (res: Response<HttpError & { code: number }>, status: number, error: string) =>
    res.status(status).json({ code: status, error });

  router.post('/:method/:target', async (req: Request<{ method: string; target: string }>, res: Response) => {
    if (!req.is('application/json'))
      return refuse(res, 415, 'Send the join request as JSON (Content-Type: application/json).');
    const { method, target } = req.params;
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(target)) return refuse(res, 404, 'There is no such session.');
    try {
      if (method === 'reconnect') return res.json(await reconnect(target, req.body));
      if (method === 'create') return refuse(res, 403, 'Sessions are created from the teacher console.');
      if (method !== 'joinById' && !(method === 'join' || method === 'joinOrCreate'))
        return refuse(res, 404, 'Not found.');
      if (method !== 'joinById' && target !== 'session') return refuse(res, 404, 'There is no such room.');

      const parsed = JoinOptions.safeParse(req.body ?? {});
      if (!parsed.success) return refuse(res, 400, firstIssue(parsed.error));
      const code = parsed.data.code as string; // normalized by the schema
      const network = networkOf(req.ip);
      const held = await services.codes.admit(network, code);
      if (held) {
        res.setHeader('Retry-After', String(held.wait));
        return refuse(
          res,
          429,
          `Too many ${held.why} from this network. Wait ${duration(held.wait)} and try again.`,
        );
      }
      const entry = await services.directory.locate(code); // on this process or, with several, another
      const roomId = method === 'joinById' ? target : entry?.roomId;
      if (!entry || entry.roomId !== roomId) {
        // A code no session has is a guess; a real code with another session's id is a mistake, not a guess.
        if (!entry) await services.codes.wrong(network, code);
        return refuse(res, 404, 'That join code does not match this session.');
      }
      await services.codes.learned(network, code); // a right code, whatever the room says next
      const seats = `${network} ${roomId}`;
      const wait = await pending.wait(seats);
      if (wait > 0) {
        res.setHeader('Retry-After', String(wait));
        return refuse(
          res,
          429,
          `Too many joins from this network at once. Wait ${duration(wait)} and try again.`,
        );
      }
      await admit(roomId, req.body, network, services.directory.find(code) !== undefined); // throws the room's refusal: a wrong host link, a nickname in use, an ended session
      await pending.hit(seats);
      return res.json(await matchMaker.joinById(roomId, req.body));
    } catch (e) {
      const { status, error } = matchmakingError(e);
      return refuse(res, status, error);
    }
  });

  router.use((_req, res: Response) => refuse(res, 404, 'Not found.'));
  return router;
}

/**
 * The room's own seat check (SessionRoom.admit), on this process or through Colyseus's IPC on the process that
 * runs the room (SessionRoom.seatRefusal), whose refusal is thrown here in the room's words.
 */
async function admit(roomId: string, body: unknown, network: string, here: boolean) {
  const room = matchMaker.getLocalRoomById(roomId) as unknown as Admitting | undefined;
  if (room) return room.admit(body, network);
  if (here) throw new ServerError(404, 'That session is no longer running. Type its code again.');
  let refusal: { code: number; message: string } | undefined;
  try {
    refusal = await matchMaker.remoteRoomCall(roomId, 'seatRefusal', [body, network]);
  } catch {
    throw new ServerError(404, 'That session is no longer running. Type its code again.');
  }
  if (refusal) throw new ServerError(refusal.code, refusal.message);
}

async function reconnect(roomId: string, body: unknown) {
  const token = (body as { reconnectionToken?: unknown } | undefined)?.reconnectionToken;
  if (typeof token !== 'string' || token.length > 200)
    throw new ServerError(400, 'A reconnection needs the token the server gave at the join.');
  return matchMaker.reconnect(roomId, { reconnectionToken: token });
}

/** A refusal from the room or the matchmaker, in words for the user; anything else is logged, never shown. */
function matchmakingError(e: unknown): { status: number; error: string } {
  const message = e instanceof Error ? e.message : '';
  if (/is locked|already full/.test(message))
    return { status: 503, error: 'This session has no free place right now. Try again in a moment.' };
  if (/not found|has been disposed/.test(message))
    return { status: 404, error: 'That session is no longer running. Type its code again.' };
  if (e instanceof ServerError) {
    const status = Number.isInteger(e.code) && e.code >= 400 && e.code < 600 ? e.code : 400;
    return { status, error: message };
  }
  console.error('Matchmaking failed:', e);
  return { status: 500, error: 'The server could not do that. Try again in a moment.' };
}
