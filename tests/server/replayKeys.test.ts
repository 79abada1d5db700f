/**
 * A server started without an instructor key says so in words, apart from a wrong key: the instructor learns
 * whom to ask instead of retyping a key that cannot work.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';
import { logIdOf } from './logFiles.ts';

let h: Harness;
let dataDir = '';
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paros-replaykeys-'));
  h = await startHarness({ dataDir });
});
afterAll(async () => {
  await h?.close();
});

describe('replays on a server without an instructor key', () => {
  it('answers that the server has no key, whatever key is given, and still opens a log with its host link', async () => {
    const session = await h.createSession();
    for (const key of [undefined, '', 'some-instructor-key-guess']) {
      const res = await h.http('/api/replays', key === undefined ? {} : { headers: { 'x-paros-key': key } });
      expect(res).toMatchObject({
        status: 403,
        body: {
          error:
            'This server has no instructor key: whoever runs it can set INSTRUCTOR_KEY (at least 16 characters) and restart it.',
        },
      });
    }
    const id = logIdOf(dataDir, session.code);
    const wrong = await h.http(`/api/replays/${id}`, { headers: { 'x-paros-key': 'not-a-host-link' } });
    expect(wrong).toMatchObject({
      status: 403,
      body: {
        error: 'That key does not open this session: use its host link (this server has no instructor key).',
      },
    });
    const right = await h.http(`/api/replays/${id}`, { headers: { 'x-paros-key': session.hostSecret } });
    expect(right.status).toBe(200);
  });
});
