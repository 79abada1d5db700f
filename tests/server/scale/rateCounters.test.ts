/**
 * The rate limits' counts, one contract run against both places they live: this process's memory (one PAROS
 * process) and a real Redis (REDIS_URL, several processes), where two connections stand for two processes and
 * must see the same counts. Windows are short and real: the tests wait for one to end, they never time anything.
 */
import { Redis as RedisClient } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeGuard, type LimitStore, memoryLimits } from '../../../server/http/rateLimit.ts';
import { redisLimits } from '../../../server/scale/redisLimits.ts';
import { missingServices, type Redis, startRedis } from './services.ts';

const missing = missingServices();
if (missing) console.warn(`tests/server/scale/rateCounters.test.ts: Redis ${missing}`);

let redis: Redis | undefined;
const connections: RedisClient[] = [];
beforeAll(async () => {
  if (!missing) redis = await startRedis();
}, 30_000);
afterAll(async () => {
  for (const c of connections) c.disconnect();
  await redis?.stop();
});

/** A store on its own connection, as a process has. */
const redisStore = (): LimitStore => {
  const c = new RedisClient(redis?.url as string);
  connections.push(c);
  return redisLimits(c);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let names = 0;
const fresh = () => `test${++names}`; // a counter name of its own, so the Redis cases never share counts

const stores: [string, () => LimitStore][] = [
  ['in memory', () => memoryLimits()],
  ...(missing ? [] : ([['in Redis', redisStore]] as [string, () => LimitStore][])),
];

describe.each(stores)('limits counted %s', (_where, makeStore) => {
  it('lets a key act up to its limit, then says how long to wait; other keys and counters are apart', async () => {
    const store = makeStore();
    const name = fresh();
    const counter = store.counter(name, 3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(await counter.wait('10.0.0.1')).toBe(0);
      await counter.hit('10.0.0.1');
    }
    const wait = await counter.wait('10.0.0.1');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await counter.wait('10.0.0.2')).toBe(0);
    expect(await store.counter(fresh(), 3, 60_000).wait('10.0.0.1')).toBe(0);
  });

  it('counts the same item once a window, and distinct items each', async () => {
    const counter = makeStore().counter(fresh(), 2, 60_000);
    for (let i = 0; i < 5; i++) await counter.hit('net', 'ZZZZZZ');
    expect(await counter.wait('net')).toBe(0);
    await counter.hit('net', 'ZZZZZY');
    expect(await counter.wait('net')).toBeGreaterThan(0);
  });

  it('forgets the count when the window ends', async () => {
    const counter = makeStore().counter(fresh(), 1, 300);
    await counter.hit('net', 'a');
    expect(await counter.wait('net')).toBeGreaterThan(0);
    await sleep(450);
    expect(await counter.wait('net')).toBe(0);
    await counter.hit('net', 'a'); // the item is new again in the new window
    expect(await counter.wait('net')).toBeGreaterThan(0);
  });

  it('remembers a key for its time, then forgets it', async () => {
    const known = makeStore().remembered(fresh(), 300);
    expect(await known.has('net ABCDEF')).toBe(false);
    await known.add('net ABCDEF');
    expect(await known.has('net ABCDEF')).toBe(true);
    expect(await known.has('net ABCDEG')).toBe(false);
    await sleep(450);
    expect(await known.has('net ABCDEF')).toBe(false);
  });
});

describe.skipIf(missing !== '')('limits counted in Redis hold across processes', () => {
  it('a counter filled through one connection holds on another', async () => {
    const name = fresh();
    const [a, b] = [redisStore(), redisStore()];
    for (let i = 0; i < 3; i++) await a.counter(name, 3, 60_000).hit('203.0.113.7', `code${i}`);
    expect(await b.counter(name, 3, 60_000).wait('203.0.113.7')).toBeGreaterThan(0);
  });

  it("a network's wrong codes through one process's guard hold on another's; a code it was answered never waits", async () => {
    const limits = { failedLookupsPerMinute: 2, lookupsPerMinute: 300 };
    // The guards use fixed counter names, as the processes do: a network of its own keeps this test apart.
    const network = `198.51.100.${++names}`;
    const [a, b] = [new CodeGuard(limits, redisStore()), new CodeGuard(limits, redisStore())];
    expect(await a.admit(network, 'KNOWN1')).toBeUndefined();
    await a.learned(network, 'KNOWN1');
    for (const code of ['WRONG1', 'WRONG2']) {
      expect(await a.admit(network, code)).toBeUndefined();
      await a.wrong(network, code);
    }
    expect(await b.admit(network, 'RIGHT1')).toMatchObject({ why: 'wrong join codes' });
    expect(await b.admit(network, 'KNOWN1')).toBeUndefined();
    expect(await b.admit('192.0.2.1', 'RIGHT1')).toBeUndefined();
  });
});
