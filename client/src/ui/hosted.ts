/** Sessions this browser has hosted, kept in localStorage so a teacher finds them again after closing the tab. */
export interface HostedSession {
  code: string;
  secret: string;
  createdAt: string; // ISO date, shown to the teacher
  title: string;
}

const KEY = 'paros.hosted';

export function hostedSessions(): HostedSession[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as HostedSession[];
  } catch {
    return [];
  }
}

export function rememberHosted(s: HostedSession) {
  const list = hostedSessions().filter((x) => x.code !== s.code);
  list.unshift(s);
  localStorage.setItem(KEY, JSON.stringify(list.slice(0, 20)));
}

export function forgetHosted(code: string) {
  localStorage.setItem(KEY, JSON.stringify(hostedSessions().filter((x) => x.code !== code)));
}
