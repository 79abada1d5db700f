// Frozen: rules version 1, copied from shared/session/engine.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
import type { SettingsPatch } from '../protocol/toServer.ts';
import { ordersProblem } from '../rules/orders.ts';
import { newWorld } from '../rules/resolve.ts';
import { applyCommand, type Outcome } from './apply.ts';
import type { RulesContext } from './commands/handler.ts';
import { defaultSettings, newSession } from './model.ts';

/**
 * Today's rules engine: the entry points a log is folded and a session is played with. This file and
 * everything it imports is what `npm run rules:freeze` copies when the rules change, so that sessions logged
 * under these rules keep folding exactly as they were played (see shared/session/rulesVersions.ts).
 */

/** The state a session starts from, as the room creates it: the first scenario's defaults, then the teacher's settings. */
export function createSession(header: {
  code: string;
  seed: number;
  settings: SettingsPatch | undefined;
  content: RulesContext;
}): Outcome {
  const first = header.content.scenarios[0];
  if (!first) return { ok: false, refusal: { code: 'unknownScenario', message: 'No scenario is loaded.' } };
  const start = newSession(header.code, header.seed, defaultSettings(first));
  if (!header.settings) return { ok: true, state: start, events: [] };
  return applyCommand(
    start,
    { kind: 'teacher' },
    { type: 'updateSettings', ...header.settings },
    header.content,
  );
}

export { applyCommand, newWorld, ordersProblem };
