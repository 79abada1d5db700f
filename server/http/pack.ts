import express, { type Router } from 'express';
import type { Card } from '../../shared/content/card.ts';
import type { ScenarioSummary } from '../../shared/content/scenario.ts';
import { plural } from '../../shared/content/labels.ts';
import { readPack } from '../content.ts';

export interface PackServices {
  contentDir: string;
  cards: readonly Card[];
  scenarios: readonly ScenarioSummary[];
}

/**
 * GET /api/pack: the teacher's pack (content/pack/), checked once when the server starts. The pack is not needed
 * to play, so a missing or broken pack never stops the server: the route answers 404 without a pack, and 503
 * with the problems (the same lines `npm run content:check` prints) when it is broken.
 */
export function packRouter(services: PackServices): Router {
  const router = express.Router();
  const { present, pack, problems } = readPack(services.contentDir, services);
  if (problems.length > 0)
    console.error(
      `The teacher's pack has ${plural(problems.length, 'problem')}; it is not served:\n${problems.join('\n')}`,
    );
  const body = pack ? JSON.stringify(pack) : undefined;
  router.get('/', (_req, res) => {
    if (body) {
      res.set('cache-control', 'no-cache').type('json').send(body);
    } else if (!present) {
      res.status(404).json({ error: 'This server has no teacher’s pack (content/pack/).' });
    } else {
      res.status(503).json({
        error: 'The teacher’s pack has problems; run npm run content:check to see them.',
        problems,
      });
    }
  });
  return router;
}
