import { ApiError, replaysApi } from '../net/api.ts';
import { folded, keysFor } from './keys.ts';
import { buildReplay, type Replay } from './model.ts';

/**
 * Fetches and folds a session's log, trying each key this browser holds; keeps the last one, so moving between
 * the viewer and its printable report does not fetch again.
 */
export async function loadReplay(id: string, fresh = false): Promise<{ replay: Replay; key: string }> {
  if (!fresh && folded.last?.replay.id === id) return folded.last;
  const keys = keysFor(id);
  if (keys.length === 0)
    throw new ApiError(
      'This browser holds no key for that session: open it from the computer you hosted it on, or enter the instructor key on the list of past sessions.',
    );
  let last: unknown;
  for (const key of keys) {
    try {
      const log = await replaysApi.log(id, key);
      const opened = { replay: buildReplay(id, log), key };
      // Nothing folds (rules this build does not have, or no content): there is no moment to show.
      if (opened.replay.frames.length === 0)
        throw new ApiError(`${opened.replay.problem?.message ?? 'This log holds nothing to replay'}.`);
      folded.last = opened;
      return opened;
    } catch (e) {
      last = e;
      if (!(e instanceof ApiError) || e.status !== 403) break;
    }
  }
  throw last;
}
