import { duration } from '../../shared/content/labels.ts';
import { timingSafeEqual } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import express, { type Request, type Response, type Router } from 'express';
import { firstIssue } from '../../shared/protocol/toServer.ts';
import {
  AddBookmark,
  type CreateSessionResponse,
  FindReplays,
  ForkRequest,
  type HttpError,
  type ReplayLog,
  type ReplaySummary,
} from '../../shared/protocol/http.ts';
import { foldLog } from '../../shared/session/log.ts';
import { rulesLabel, rulesOf } from '../../shared/session/rulesVersions.ts';
import type { RateLimits } from '../config.ts';
import { LogError, type OpenLog as SessionLog, type SessionLogs as LogStore } from '../log/store.ts';
import { hashSecret } from '../rooms/SessionRoom.ts';
import { createLiveSession } from '../sessions/create.ts';
import type { SessionDirectory } from '../sessions/directory.ts';
import { basename } from 'node:path';
import { type CodeGuard, type LimitStore, memoryLimits, networkOf, type RateCounter } from './rateLimit.ts';
import { codeOfSessionId, isSessionOf } from '../../shared/model/sessionId.ts';
import { CLOSE_DELETED } from '../../shared/protocol/toClient.ts';

export interface ReplayServices {
  logs: LogStore;
  directory: SessionDirectory;
  capability: string;
  instructorKey: string | undefined;
  limits: RateLimits;
  creates: RateCounter; // sessions created per network: a fork is a creation
  codes: CodeGuard; // a fork's creator knows its code
  counts?: LimitStore; // where wrong keys are counted (Redis with several processes); this process by default
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Which rules a session plays under, as the list and a fork's answer name them. */
const rulesInfo = (version: number) => ({ version, label: rulesLabel(version), known: !!rulesOf(version) });

/**
 * Why a readable log does not fold (an entry that no longer applies, a missing one, a version that differs), or
 * undefined when it folds; remembered per log length, so a list asked for again folds only logs that grew. A log
 * under rules this build does not know is not folded: it is listed with its rules as unknown.
 */
type FoldCheck = (id: string, log: SessionLog) => string | undefined;
function foldChecker(): FoldCheck {
  const known = new Map<string, string | undefined>(); // `${id} ${lastSeq}` -> the problem, if any
  return (id, log) => {
    const header = log.header();
    if (!rulesOf(header.rulesVersion)) return undefined;
    const key = `${id} ${log.lastSeq()}`;
    if (known.has(key)) return known.get(key);
    const { problem } = foldLog(header, log.entries());
    const reason = problem ? `The log cannot be replayed: ${problem.message}.` : undefined;
    for (const k of known.keys()) if (k.startsWith(`${id} `)) known.delete(k);
    known.set(key, reason);
    return reason;
  };
}

function summaryOf(logs: LogStore, id: string, foldProblem: FoldCheck): ReplaySummary {
  let log: SessionLog | undefined;
  try {
    log = logs.open(id);
    const header = log.header();
    const problem = foldProblem(id, log); // readable but not replayable: damaged, with the reason
    return {
      sessionId: id,
      code: header.code,
      createdAt: header.createdAt,
      stage: problem ? 'damaged' : log.status().stage,
      scenarioId: header.settings?.scenarioId ?? header.content.scenarios[0]?.id,
      entries: log.lastSeq(),
      forkedFrom: header.forkedFrom,
      rules: rulesInfo(header.rulesVersion),
      problem,
    };
  } catch (e) {
    return {
      sessionId: id,
      code: '',
      createdAt: 0,
      stage: 'damaged',
      scenarioId: undefined,
      entries: 0,
      forkedFrom: undefined,
      rules: undefined,
      problem: withoutPaths((e as Error).message),
    };
  } finally {
    log?.close();
  }
}

/** A log's error as the API shows it: file names without the server's folders. */
function withoutPaths(message: string): string {
  return message.replace(/(?:[A-Za-z]:)?[\\/][^\s"']*[\\/]([^\s\\/"']+)/g, (_, file: string) =>
    basename(file),
  );
}

/**
 * Past sessions for the debrief: listed for the instructor (with the instructor key) or found by the teacher
 * (code and host secret); each opened with either, never with a student's credentials. A damaged log is
 * listed as damaged and never stops the others from opening.
 */
/** What an instructor is told when the server was started without an instructor key. */
export const NO_INSTRUCTOR_KEY =
  'This server has no instructor key: whoever runs it can set INSTRUCTOR_KEY (at least 16 characters) and restart it.';

export function replayRouter(services: ReplayServices): Router {
  const router = express.Router();
  const failures = (services.counts ?? memoryLimits()).counter(
    'wrongKeys',
    services.limits.failedLookupsPerMinute,
    60_000,
  );
  const foldProblem = foldChecker();
  router.use(express.json({ limit: '16kb' }));

  // Keys are checked first, and a right key always opens: wrong keys count per network (each distinct key once),
  // and past the limit a wrong key is answered 429. Telling a wrong key from a right one helps no guesser: host
  // secrets are 256 random bits and the instructor key at least 16 characters (server/config.ts).
  const denied = async (req: Request, res: Response<HttpError>, message: string) => {
    const network = networkOf(req.ip);
    try {
      const wait = await failures.wait(network);
      if (wait > 0) {
        res.setHeader('Retry-After', String(wait));
        res
          .status(429)
          .json({ error: `Too many wrong keys from this network. Wait ${duration(wait)} and try again.` });
        return;
      }
      await failures.hit(network, `${req.path} ${req.get('x-paros-key') ?? ''}`);
    } catch (e) {
      console.error('Counting a wrong key failed:', (e as Error).message); // Redis unreachable: refuse anyway
    }
    res.status(403).json({ error: message });
  };
  const isInstructor = (req: Request) => {
    const key = req.get('x-paros-key') ?? '';
    return services.instructorKey !== undefined && key !== '' && sameText(key, services.instructorKey);
  };
  /** Opens a session's log if the request carries its host secret or the instructor key. */
  // biome-ignore lint/suspicious/noExplicitAny: any response type; the helper only writes errors
  const opened = (req: Request<{ id: string }>, res: Response<any>): SessionLog | undefined => {
    let log: SessionLog;
    try {
      log = services.logs.open(req.params.id);
    } catch (e) {
      const missing = !(e instanceof LogError) || e.kind === 'missing';
      // What is wrong with a damaged file is for the instructor; a host link cannot be checked against it.
      const error = missing
        ? `There is no session ${req.params.id.slice(0, 80)}.`
        : isInstructor(req)
          ? withoutPaths((e as Error).message)
          : 'That session’s log cannot be read. Ask whoever runs the server.';
      res.status(missing ? 404 : 500).json({ error });
      return undefined;
    }
    const key = req.get('x-paros-key') ?? '';
    const allowed =
      isInstructor(req) || (key !== '' && sameText(hashSecret(key), log.status().hostSecretHash));
    if (!allowed) {
      log.close();
      void denied(
        req,
        res as Response<HttpError>,
        services.instructorKey === undefined
          ? 'That key does not open this session: use its host link (this server has no instructor key).'
          : 'That key does not open this session: use its host link or the instructor key.',
      );
      return undefined;
    }
    return log;
  };

  router.get('/', (req: Request, res: Response<ReplaySummary[] | HttpError>) => {
    if (!isInstructor(req)) {
      // Three different troubles, three different sentences: no key set on the server, no key given, a wrong one.
      if (services.instructorKey === undefined) {
        res.status(403).json({ error: NO_INSTRUCTOR_KEY });
        return;
      }
      return denied(
        req,
        res,
        (req.get('x-paros-key') ?? '') === ''
          ? 'Listing every session needs the instructor key.'
          : 'That is not the instructor key of this server: check it with whoever runs the server.',
      );
    }
    res.json(
      services.logs
        .ids()
        .map((id) => summaryOf(services.logs, id, foldProblem))
        .sort((a, b) => b.createdAt - a.createdAt),
    );
  });

  router.post('/find', (req: Request, res: Response<ReplaySummary[] | HttpError>) => {
    const body = FindReplays.safeParse(req.body ?? {});
    if (!body.success) return res.status(400).json({ error: firstIssue(body.error) });
    const hash = hashSecret(body.data.hostSecret);
    const found: ReplaySummary[] = [];
    for (const id of services.logs.ids()) {
      if (!isSessionOf(id, body.data.code)) continue;
      try {
        const log = services.logs.open(id);
        const mine = sameText(log.status().hostSecretHash, hash);
        log.close();
        if (mine) found.push(summaryOf(services.logs, id, foldProblem));
      } catch {
        /* a damaged log of that code: not shown to a teacher who cannot be told it is theirs */
      }
    }
    if (found.length === 0) return denied(req, res, 'No session matches that code and host link.');
    res.json(found);
  });

  router.get('/:id', (req: Request<{ id: string }>, res: Response<ReplayLog | HttpError>) => {
    const log = opened(req, res);
    if (!log) return;
    try {
      res.json({
        header: log.header(),
        entries: log.entries(),
        roundHashes: log.roundHashes(),
        bookmarks: log.bookmarks(),
        stage: log.status().stage,
      });
    } catch (e) {
      res.status(500).json({ error: `The log is damaged: ${withoutPaths((e as Error).message)}` });
    } finally {
      log.close();
    }
  });

  router.post('/:id/bookmarks', (req: Request<{ id: string }>, res: Response<unknown>) => {
    const body = AddBookmark.safeParse(req.body ?? {});
    if (!body.success) return res.status(400).json({ error: firstIssue(body.error) });
    const log = opened(req, res);
    if (!log) return;
    try {
      if (body.data.seq > log.lastSeq())
        return res.status(400).json({ error: 'That moment is past the end of the log.' });
      res.status(201).json(log.addBookmark(body.data.seq, Date.now(), body.data.note));
    } finally {
      log.close();
    }
  });

  router.post(
    '/:id/fork',
    async (
      req: Request<{ id: string }>,
      res: Response<(CreateSessionResponse & { rules: ReturnType<typeof rulesInfo> }) | HttpError>,
    ) => {
      // A fork is a new live session: the same limit per network as POST /api/sessions.
      const network = networkOf(req.ip);
      const wait = await services.creates.wait(network);
      if (wait > 0) {
        res.setHeader('Retry-After', String(wait));
        return res
          .status(429)
          .json({ error: `Too many new sessions from this network. Wait ${duration(wait)}.` });
      }
      const body = ForkRequest.safeParse(req.body ?? {});
      if (!body.success) return res.status(400).json({ error: firstIssue(body.error) });
      const log = opened(req, res);
      if (!log) return;
      await services.creates.hit(network);
      let seed: number;
      let rulesVersion: number; // a fork plays on under its origin's rules (the room copies them from its header)
      try {
        ({ seed, rulesVersion } = log.header());
      } finally {
        log.close();
      }
      try {
        const created = await createLiveSession(services, network, {
          seed,
          forkOf: { sessionId: req.params.id, seq: body.data.seq },
        });
        res.status(201).json({ ...created, rules: rulesInfo(rulesVersion) });
      } catch (e) {
        res.status(400).json({ error: (e as Error).message || 'The session could not be forked there.' });
      }
    },
  );

  /**
   * Deletes a session and its log. A live one (its room runs, and it has not ended or still has screens open) is
   * refused 409 `{ error, live: true }` unless the request says `?force=live`; its tabs are then closed with
   * CLOSE_DELETED, which they show in words.
   */
  /** A log that is there but cannot be read: listed as damaged, and only the instructor key may clear it away. */
  const unreadable = (id: string) => {
    try {
      services.logs.open(id).close();
      return false;
    } catch (e) {
      return e instanceof LogError && e.kind === 'damaged';
    }
  };

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response<unknown>) => {
    let code: string | undefined;
    if (isInstructor(req) && unreadable(req.params.id)) {
      code = codeOfSessionId(req.params.id) || undefined;
    } else {
      const log = opened(req, res);
      if (!log) return;
      code = log.header().code;
      log.close();
    }
    const entry = code ? services.directory.find(code) : undefined;
    const room = entry
      ? (matchMaker.getLocalRoomById(entry.roomId) as
          | { sessionId?: string; clients: { length: number }; disconnect(code: number): Promise<unknown> }
          | undefined)
      : undefined;
    const live = room?.sessionId === req.params.id ? room : undefined;
    // A session still running (or with screens still open) is deleted only when the request says it knows.
    if (live && (entry?.stage() !== 'ended' || live.clients.length > 0) && req.query.force !== 'live') {
      const n = live.clients.length;
      return res.status(409).json({
        error: `This session is live (${n} ${n === 1 ? 'screen is' : 'screens are'} connected now). Deleting it closes it on every screen and deletes its whole log.`,
        live: true,
      });
    }
    // Its open tabs are told why they were closed (CLOSE_DELETED), and do not try to come back.
    if (live) await live.disconnect(CLOSE_DELETED);
    services.logs.delete(req.params.id);
    res.status(204).end();
  });

  return router;
}
