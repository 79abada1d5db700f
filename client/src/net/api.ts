import type { ScenarioSummary } from '../../../shared/content/scenario.ts';
import type {
  CreateSessionRequest,
  CreateSessionResponse,
  FindSessionResponse,
  HttpError,
} from '../../../shared/protocol.ts';

/** A failed call, with the server's own sentence for the user. */
export class ApiError extends Error {}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError('The PAROS server cannot be reached. Check the network, then try again.');
  }
  const body = (await res.json().catch(() => ({}))) as T | HttpError;
  if (!res.ok) throw new ApiError((body as HttpError).error ?? `The server answered ${res.status}.`);
  return body as T;
}

export const api = {
  scenarios: () => call<ScenarioSummary[]>('/api/scenarios'),
  cards: () => call<{ id: string; date: string; title: string; arena: string }[]>('/api/cards'),
  createSession: (req: CreateSessionRequest) =>
    call<CreateSessionResponse>('/api/sessions', { method: 'POST', body: JSON.stringify(req) }),
  findSession: (code: string) => call<FindSessionResponse>(`/api/sessions/${encodeURIComponent(code)}`),
};
