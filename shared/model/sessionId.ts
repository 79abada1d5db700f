/**
 * A session's id, written once: "s-7KQ3MX-mxa6nw2k", its join code and its creation time in base 36. Stable
 * across restarts and forks; the log's file, the replay API and the replay screens all read it this way.
 */
export const SESSION_ID = /^s-([A-Za-z0-9]{1,12})-([a-z0-9]{1,16})$/;

/** The id of a session created with `code` at `createdAt` (ms since the epoch, read by the server). */
export function sessionIdFor(code: string, createdAt: number): string {
  return `s-${code}-${createdAt.toString(36)}`;
}

export function isSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

/** The join code inside a session id ("" for what is not one). */
export function codeOfSessionId(id: string): string {
  return SESSION_ID.exec(id)?.[1] ?? '';
}

/** Whether `id` is a session of the join code `code` (codes are reused once their session is over). */
export function isSessionOf(id: string, code: string): boolean {
  return codeOfSessionId(id).toUpperCase() === code.toUpperCase() && code !== '';
}
