/**
 * The HTTP surface against an anonymous scanner and a hostile web page: bounded bodies (answered before they
 * are read), errors as JSON in plain words with no stack or path, same-origin by default, JSON-only posts, and
 * what-if forks under the same creation limit as new sessions.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_MAX_BYTES } from '../../../server/app.ts';
import type { ReplaySummary } from '../../../shared/protocol/http.ts';
import { type Harness, startHarness } from '../harness.ts';
import { from, json, post } from './net.ts';

const CREATES = 3;
const INSTRUCTOR_KEY = 'instructor-key-for-the-http-tests';
const ALLOWED = 'https://paros.school.example';
let h: Harness;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paros-http-'));
  h = await startHarness({
    trustProxy: 'loopback',
    dataDir,
    instructorKey: INSTRUCTOR_KEY,
    allowedOrigins: [ALLOWED],
    limits: { createsPerHour: CREATES },
  });
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Nothing of the server's insides: no stack frame, no folder of this machine, no module name. */
function expectNoInsides(body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/ at |node_modules|\.ts:\d|<html|<pre/i);
  for (const folder of [process.cwd(), tmpdir()]) expect(text).not.toContain(folder);
}

/**
 * Starts a POST that declares `declared` bytes but sends only the first 1 KiB, and resolves with the answer:
 * a server that answers has decided without waiting for (or holding) the rest.
 */
function declareHugeBody(port: number, path: string, declared: number) {
  return new Promise<{ status: number; body: string; connection: string | undefined }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...json, 'content-length': String(declared) },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }),
        );
      },
    );
    req.on('error', reject);
    req.write(`{"role":"${'x'.repeat(1000)}`);
  });
}

describe('bodies', () => {
  it.each([
    ['/matchmake/joinById/abc', 10 * 1024 * 1024],
    ['/matchmake/joinById/abc', 50 * 1024 * 1024],
    ['/api/sessions', 30 * 1024 * 1024],
    ['/api/replays/find', 10 * 1024 * 1024],
    ['/index.html', 10 * 1024 * 1024],
  ])('a POST to %s declaring %d bytes is answered 413 before its body is sent', async (path, size) => {
    const port = Number(new URL(h.baseUrl).port);
    const answer = await declareHugeBody(port, path, size);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: `A request is at most ${BODY_MAX_BYTES / 1024} KiB.` });
    expect(answer.connection).toBe('close');
  });

  it.each([
    ['/matchmake/joinById/abc', 4 * 1024],
    ['/api/sessions', 40 * 1024],
  ])(
    'a body over the route’s own limit, sent in chunks without a length, is refused at %s',
    async (path, size) => {
      const chunks = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(`{"note":"${'x'.repeat(size)}"}`));
          c.close();
        },
      });
      const answer = await h.http(path, {
        method: 'POST',
        headers: json,
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(answer.status).toBe(413);
      expect((answer.body as { error: string }).error).toMatch(
        /^The request is too large \(at most \d+ KiB\)\.$/,
      );
    },
  );
});

describe('errors', () => {
  it.each([['/api/sessions'], ['/api/replays/find'], ['/matchmake/joinById/abc']])(
    'malformed JSON to %s is a JSON error in plain words, with no stack or path',
    async (path) => {
      const answer = await h.http(path, { method: 'POST', headers: json, body: '{"settings": {' });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body).toMatchObject({ error: 'The request is not valid JSON.' });
      expectNoInsides(answer.body);
    },
  );

  it('a damaged log says nothing of the server’s folders, and nothing at all before a key is checked', async () => {
    const id = 's-DAMAGE-1';
    writeFileSync(join(dataDir, 'sessions', `${id}.sqlite`), 'not a database '.repeat(300));
    const stranger = await h.http(`/api/replays/${id}`, { headers: { 'x-paros-key': 'x'.repeat(43) } });
    expect(stranger.status).toBe(500);
    expect(stranger.body).toEqual({
      error: 'That session’s log cannot be read. Ask whoever runs the server.',
    });
    const instructor = await h.http(`/api/replays/${id}`, { headers: { 'x-paros-key': INSTRUCTOR_KEY } });
    expect(instructor.status).toBe(500);
    expect((instructor.body as { error: string }).error).toBe(
      'The log s-DAMAGE-1.sqlite cannot be read: file is not a database',
    );
    const list = await h.http('/api/replays', { headers: { 'x-paros-key': INSTRUCTOR_KEY } });
    const damaged = (list.body as ReplaySummary[]).find((s) => s.sessionId === id);
    expect(damaged?.problem).toBe('The log s-DAMAGE-1.sqlite cannot be read: file is not a database');
    expectNoInsides([stranger.body, instructor.body, list.body]);
  });

  it('unknown matchmaking methods and malformed room ids are JSON refusals', async () => {
    for (const path of ['/matchmake/listRooms/session', '/matchmake/joinById/..%2F..', '/matchmake/x']) {
      const answer = await post(h, path, {});
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).toMatchObject({ error: expect.any(String) });
      expectNoInsides(answer.body);
    }
  });
});

describe('other sites’ pages', () => {
  it('get no CORS headers, on the API or on matchmaking', async () => {
    const origin = { origin: 'https://evil.example' };
    for (const [path, method] of [
      ['/api/scenarios', 'GET'],
      ['/api/sessions', 'OPTIONS'],
      ['/matchmake/joinById/abc', 'OPTIONS'],
    ] as const) {
      const answer = await h.http(path, { method, headers: origin });
      expect(answer.headers.get('access-control-allow-origin'), `${method} ${path}`).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials'), `${method} ${path}`).toBeNull();
    }
  });

  it('cannot create a session, even with a text/plain post that needs no preflight', async () => {
    const sessions = h.server.directory.size;
    const plain = await h.http('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(plain.status).toBe(403);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const noOrigin = await h.http('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(noOrigin).toMatchObject({ status: 415, body: { error: expect.stringMatching(/JSON/) } });
    const form = await h.http('/api/replays/find', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=777777',
    });
    expect(form.status).toBe(415);
    const matchmake = await h.http('/matchmake/joinById/abc', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(matchmake.status).toBe(415);
    expect(h.server.directory.size).toBe(sessions);
  });

  it('a site listed in ALLOWED_ORIGINS may call the API, and is told so', async () => {
    const pre = await h.http('/api/sessions', { method: 'OPTIONS', headers: { origin: ALLOWED } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const got = await h.http('/api/scenarios', { headers: { origin: ALLOWED } });
    expect(got.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(got.headers.get('vary')).toMatch(/Origin/);
  });

  it('the same site’s own page is served as before', async () => {
    const self = new URL(h.baseUrl);
    const made = await h.http('/api/sessions', {
      method: 'POST',
      headers: { ...json, origin: self.origin, ...from('192.0.2.50') },
      body: '{}',
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('what-if forks', () => {
  it('count against the same creation limit as new sessions', async () => {
    const teacherNet = '192.0.2.60';
    const made = await post(h, '/api/sessions', {}, teacherNet);
    expect(made.status).toBe(201);
    const session = made.body as { code: string; hostSecret: string };
    const found = await post(h, '/api/replays/find', { code: session.code, hostSecret: session.hostSecret });
    const id = (found.body as ReplaySummary[])[0]?.sessionId as string;
    const fork = () =>
      h.http(`/api/replays/${id}/fork`, {
        method: 'POST',
        headers: { ...json, 'x-paros-key': session.hostSecret, ...from(teacherNet) },
        body: JSON.stringify({ seq: 0 }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < CREATES + 3; i++) statuses.push((await fork()).status);
    const sessions = h.server.directory.size;
    expect(statuses).toEqual([...Array(CREATES - 1).fill(201), ...Array(4).fill(429)]);
    const refused = await fork();
    expect(refused.body).toEqual({
      error: expect.stringMatching(/^Too many new sessions from this network\./),
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await post(h, '/api/sessions', {}, teacherNet)).status).toBe(429);
    expect(h.server.directory.size).toBe(sessions);
  });
});
