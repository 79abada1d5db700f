import type { Pack } from '../../../shared/content/pack.ts';
import type { HttpError } from '../../../shared/protocol/http.ts';

/** GET /api/pack: the teacher's pack, or an error with the server's own sentence. */
export async function loadPack(): Promise<Pack> {
  let res: Response;
  try {
    res = await fetch('/api/pack');
  } catch {
    throw new Error('The PAROS server cannot be reached. Check the network, then try again.');
  }
  const body = (await res.json().catch(() => ({}))) as Pack | HttpError;
  if (!res.ok) throw new Error((body as HttpError).error ?? `The server answered ${res.status}.`);
  return body as Pack;
}
