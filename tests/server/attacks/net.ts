/** Raw HTTP from a chosen network, for attacks the SDK would never send (the server trusts X-Forwarded-For here). */
import type { Harness } from '../harness.ts';

export const json = { 'content-type': 'application/json' };

/** Headers that make a request come from `ip` (the harness is started with trustProxy: 'loopback'). */
export const from = (ip: string) => ({ 'x-forwarded-for': ip });

export function post(h: Harness, path: string, body: unknown, ip?: string) {
  return h.http(path, {
    method: 'POST',
    headers: { ...json, ...(ip ? from(ip) : {}) },
    body: JSON.stringify(body),
  });
}

export function lookup(h: Harness, code: string, ip?: string) {
  return h.http(`/api/sessions/${code}`, { headers: ip ? from(ip) : {} });
}

/** `count` wrong join codes of the right shape, all different, none of them `except`. */
export function wrongCodes(count: number, except: string[] = []): string[] {
  const alphabet = '34679ACDEFGHJKMNPQRTWXY';
  const codes: string[] = [];
  for (let i = 0; codes.length < count; i++) {
    const code = `QQ${alphabet[Math.floor(i / 23) % 23]}${alphabet[i % 23]}QQ`;
    if (!except.includes(code)) codes.push(code);
  }
  return codes;
}

/** Runs `task` for 0..count-1, `batch` at a time, and returns the results in order. */
export async function inBatches<T>(
  count: number,
  batch: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += batch) {
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => task(i + j)))),
    );
  }
  return out;
}
