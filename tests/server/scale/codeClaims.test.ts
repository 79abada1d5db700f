/**
 * Join codes across processes, on a real Redis: two processes' directories that draw the same code never both
 * get it; the second draws again. A code freed by a session that could not be made is free for the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScaleOut } from '../../../server/scale/scaleOut.ts';
import { SessionDirectory } from '../../../server/sessions/directory.ts';
import { missingServices, type Redis, startRedis } from './services.ts';

const missing = missingServices();
if (missing) console.warn(`tests/server/scale/codeClaims.test.ts: ${missing}`);

let redis: Redis | undefined;
const processes: ScaleOut[] = [];
beforeAll(async () => {
  if (!missing) redis = await startRedis();
}, 30_000);
afterAll(async () => {
  for (const p of processes) await p.close();
  await redis?.stop();
});

/** One process's directory, drawing `codes` in order (as the random draw might). */
const directoryOf = (codes: string[]) => {
  const scale = new ScaleOut({
    redisUrl: redis?.url as string,
    databaseUrl: undefined,
    publicAddress: undefined,
  });
  processes.push(scale);
  let next = 0;
  return new SessionDirectory(scale, () => codes[next++ % codes.length] as string);
};

describe.skipIf(missing !== '')('join codes claimed across processes', () => {
  it('a code claimed by one process is never issued by another', async () => {
    const a = directoryOf(['KQ7X4M']);
    const b = directoryOf(['KQ7X4M', 'KQ7X4M', 'HW4R9T']);
    expect(await a.newCode()).toBe('KQ7X4M');
    expect(await b.newCode()).toBe('HW4R9T');
    // Both at once: exactly one of them gets the contested code.
    const [c, d] = [directoryOf(['PP3TTA', 'CC7NNQ']), directoryOf(['PP3TTA', 'DD9MMR'])];
    const got = await Promise.all([c.newCode(), d.newCode()]);
    expect(got.filter((code) => code === 'PP3TTA')).toHaveLength(1);
  });

  it('a code given back (its session could not be made) may be issued again', async () => {
    const a = directoryOf(['WX6QQE']);
    const b = directoryOf(['WX6QQE', 'YT6WWC']);
    expect(await a.newCode()).toBe('WX6QQE');
    await a.releaseCode('WX6QQE');
    expect(await b.newCode()).toBe('WX6QQE');
  });
});
