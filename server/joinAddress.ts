import { networkInterfaces } from 'node:os';
import type { JoinAddressResponse } from '../shared/protocol/http.ts';

/** The network interfaces as `os.networkInterfaces()` gives them, reduced to what the choice needs. */
export type Interfaces = Record<
  string,
  { address: string; family: string | number; internal: boolean }[] | undefined
>;

/** Addresses no student device can reach: this machine's own loopback, and link-local ones. */
const unreachable = (address: string) =>
  address.startsWith('127.') || address.startsWith('169.254.') || address === '::1';

/**
 * Where students should open PAROS: `PUBLIC_URL` when the server was told its address; otherwise this machine's
 * network addresses (IPv4 first, wired and Wi-Fi alike: the teacher picks one on the board when there are
 * several); `localhost` only when the machine has no network at all, and then the board says how to fix it.
 */
export function joinAddresses(
  publicUrl: string | undefined,
  port: number,
  interfaces: Interfaces = networkInterfaces(),
): JoinAddressResponse {
  if (publicUrl) return { addresses: [publicUrl.replace(/\/+$/, '')], source: 'configured' };
  const found: { url: string; v4: boolean }[] = [];
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) {
      const v4 = i.family === 'IPv4' || i.family === 4;
      if (i.internal || unreachable(i.address) || (!v4 && i.address.toLowerCase().startsWith('fe80')))
        continue;
      found.push({ url: v4 ? `http://${i.address}:${port}` : `http://[${i.address}]:${port}`, v4 });
    }
  }
  const addresses = [
    ...new Set([...found.filter((f) => f.v4), ...found.filter((f) => !f.v4)].map((f) => f.url)),
  ];
  if (addresses.length === 0) return { addresses: [`http://localhost:${port}`], source: 'loopback' };
  return { addresses, source: 'network' };
}
