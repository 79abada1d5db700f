import { duration } from '../../shared/content/labels.ts';
import { randomInt } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Card } from '../../shared/content/card.ts';
import type { ScenarioSummary } from '../../shared/content/scenario.ts';
import { isJoinCode, normalizeJoinCode } from '../../shared/model/joinCode.ts';
import { firstIssue } from '../../shared/protocol/toServer.ts';
import {
  CreateSessionRequest,
  type CreateSessionResponse,
  type FindSessionResponse,
  type HttpError,
} from '../../shared/protocol/http.ts';
import { createLiveSession } from '../sessions/create.ts';
import type { SessionDirectory } from '../sessions/directory.ts';
import { type CodeGuard, networkOf, type RateCounter } from './rateLimit.ts';

export interface ApiServices {
  directory: SessionDirectory;
  scenarios: readonly ScenarioSummary[];
  cards: readonly Card[];
  capability: string;
  codes: CodeGuard; // wrong join codes, shared with the matchmaking routes
  creates: RateCounter; // sessions created per network, shared with what-if forks
}

/** A card as the deck lists it, for the teacher's inject menu and its preview: no effects or notes, which come with play. */
export interface CardSummary {
  id: string;
  date: string;
  title: string;
  arena: string;
  briefing: string; // what the class will read, shown in the console's preview
}

/** The HTTP side of PAROS: create a session, find a session by its join code, list the scenarios and the deck. */
export function apiRouter(services: ApiServices): Router {
  const router = express.Router();
  const { codes, creates } = services;
  router.use(express.json({ limit: '16kb' }));

  const tooMany = (res: Response<HttpError>, wait: number, what: string) => {
    res.setHeader('Retry-After', String(wait));
    res
      .status(429)
      .json({ error: `Too many ${what} from this network. Wait ${duration(wait)} and try again.` });
  };

  router.get('/cards', (_req, res: Response<CardSummary[]>) => {
    res.json(
      [...services.cards]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((c) => ({ id: c.id, date: c.date, title: c.title, arena: c.arena, briefing: c.briefing })),
    );
  });

  router.get('/scenarios', (_req, res: Response<readonly ScenarioSummary[]>) => {
    res.json(services.scenarios);
  });

  router.post('/sessions', async (req: Request, res: Response<CreateSessionResponse | HttpError>) => {
    const key = networkOf(req.ip);
    const wait = await creates.wait(key);
    if (wait > 0) return tooMany(res, wait, 'new sessions');
    const body = CreateSessionRequest.safeParse(req.body ?? {});
    if (!body.success) return res.status(400).json({ error: firstIssue(body.error) });
    await creates.hit(key);
    try {
      const created = await createLiveSession(services, key, {
        seed: randomInt(2 ** 31),
        ...(body.data.settings ? { settings: body.data.settings } : {}),
      });
      res.status(201).json(created);
    } catch (e) {
      // 503: the data folder cannot be written (SessionRoom.start says so in words); else a refused setting.
      const status = (e as { code?: number }).code === 503 ? 503 : 400;
      res.status(status).json({ error: (e as Error).message || 'The session could not be created.' });
    }
  });

  router.get(
    '/sessions/:code',
    async (req: Request<{ code: string }>, res: Response<FindSessionResponse | HttpError>) => {
      const key = networkOf(req.ip);
      const code = normalizeJoinCode(req.params.code).slice(0, 40);
      const held = await codes.admit(key, code);
      if (held) return tooMany(res, held.wait, held.why);
      const entry = isJoinCode(code) ? await services.directory.locate(code) : undefined;
      if (!entry) {
        await codes.wrong(key, code);
        return res
          .status(404)
          .json({ error: `No session has the code ${code}. Check the code on the board.` });
      }
      await codes.learned(key, code);
      const stage = entry.stage();
      if (stage === 'ended') return res.status(410).json({ error: `The session ${code} has ended.` });
      res.json({ roomId: entry.roomId, stage });
    },
  );

  return router;
}
