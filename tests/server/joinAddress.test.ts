import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAddresses } from '../../server/joinAddress.ts';
import { type Harness, startHarness } from './harness.ts';

const lo = { address: '127.0.0.1', family: 'IPv4', internal: true };
const lo6 = { address: '::1', family: 'IPv6', internal: true };

describe('the address students open', () => {
  it.each([
    {
      name: 'PUBLIC_URL wins over every interface',
      publicUrl: 'https://paros.school.example/',
      interfaces: { eth0: [{ address: '10.1.2.3', family: 'IPv4', internal: false }] },
      want: { addresses: ['https://paros.school.example'], source: 'configured' },
    },
    {
      name: 'network addresses, IPv4 first, never loopback or link-local',
      publicUrl: undefined,
      interfaces: {
        lo: [lo, lo6],
        wlan0: [
          { address: 'fe80::1', family: 'IPv6', internal: false },
          { address: '2001:db8::5', family: 'IPv6', internal: false },
          { address: '192.168.1.20', family: 'IPv4', internal: false },
        ],
        eth1: [{ address: '169.254.3.3', family: 'IPv4', internal: false }],
      },
      want: { addresses: ['http://192.168.1.20:2567', 'http://[2001:db8::5]:2567'], source: 'network' },
    },
    {
      name: 'localhost only when nothing else exists',
      publicUrl: undefined,
      interfaces: { lo: [lo, lo6] },
      want: { addresses: ['http://localhost:2567'], source: 'loopback' },
    },
  ])('$name', ({ publicUrl, interfaces, want }) => {
    expect(joinAddresses(publicUrl, 2567, interfaces)).toEqual(want);
  });
});

describe('GET /api/join-address on the running server', () => {
  let configured: Harness;
  let plain: Harness;
  beforeAll(async () => {
    configured = await startHarness({ publicUrl: 'http://192.0.2.10:2567' });
    plain = await startHarness();
  });
  afterAll(async () => {
    await configured.close();
    await plain.close();
  });

  it('answers PUBLIC_URL when it is set', async () => {
    const res = await configured.http('/api/join-address');
    expect(res.body).toEqual({ addresses: ['http://192.0.2.10:2567'], source: 'configured' });
  });

  it('otherwise never offers a loopback address as long as the machine has a network', async () => {
    const res = await plain.http('/api/join-address');
    const body = res.body as { addresses: string[]; source: string };
    const port = new URL(plain.baseUrl).port;
    expect(body.addresses.length).toBeGreaterThan(0);
    for (const a of body.addresses) expect(a.endsWith(`:${port}`)).toBe(true);
    if (body.source === 'network')
      for (const a of body.addresses) expect(a).not.toMatch(/localhost|127\.|\[::1\]/);
    else expect(body).toEqual({ addresses: [`http://localhost:${port}`], source: 'loopback' });
  });
});
