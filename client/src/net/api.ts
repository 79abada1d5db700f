import type { ScenarioSummary } from '../../../shared/content/scenario.ts';
import type {
  CreateSessionRequest,
  CreateSessionResponse,
  FindSessionResponse,
  HttpError,
  JoinAddressResponse,
  ReplayLog,
  ReplaySummary,
} from '../../../shared/protocol/http.ts';

/** A failed call, with the server's own sentence for the user. */
export class ApiError extends Error {
  status = 0; // the HTTP status, or 0 when the server could not be reached
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError('The PAROS server cannot be reached. Check the network, then try again.');
  }
  const body = (await res.json().catch(() => ({}))) as T | HttpError;
  if (!res.ok) {
    const error = new ApiError((body as HttpError).error ?? `The server answered ${res.status}.`);
    error.status = res.status;
    throw error;
  }
  return body as T;
}

export const api = {
  scenarios: () => call<ScenarioSummary[]>('/api/scenarios'),
  cards: () =>
    call<{ id: string; date: string; title: string; arena: string; briefing: string }[]>('/api/cards'),
  createSession: (req: CreateSessionRequest) =>
    call<CreateSessionResponse>('/api/sessions', { method: 'POST', body: JSON.stringify(req) }),
  joinAddress: () => call<JoinAddressResponse>('/api/join-address'),
  findSession: (code: string) => call<FindSessionResponse>(`/api/sessions/${encodeURIComponent(code)}`),
};

/** Past sessions: `key` is the session's host secret or the instructor key, sent as a header, never in a URL. */
const keyed = (key: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { 'x-paros-key': key },
});
const replayPath = (id: string) => `/api/replays/${encodeURIComponent(id)}`;

export const replaysApi = {
  all: (instructorKey: string) => call<ReplaySummary[]>('/api/replays', keyed(instructorKey)),
  find: (code: string, hostSecret: string) =>
    call<ReplaySummary[]>('/api/replays/find', {
      method: 'POST',
      body: JSON.stringify({ code, hostSecret }),
    }),
  log: (id: string, key: string) => call<ReplayLog>(replayPath(id), keyed(key)),
  bookmark: (id: string, key: string, seq: number, note: string) =>
    call<{ id: number; seq: number; at: number; note: string }>(
      `${replayPath(id)}/bookmarks`,
      keyed(key, { method: 'POST', body: JSON.stringify({ seq, note }) }),
    ),
  fork: (id: string, key: string, seq: number) =>
    call<CreateSessionResponse>(
      `${replayPath(id)}/fork`,
      keyed(key, { method: 'POST', body: JSON.stringify({ seq }) }),
    ),
  /** Deletes a session; a live one is refused (409) unless `live` says the user confirmed it. */
  remove: (id: string, key: string, live = false) =>
    call<unknown>(`${replayPath(id)}${live ? '?force=live' : ''}`, keyed(key, { method: 'DELETE' })),
};
