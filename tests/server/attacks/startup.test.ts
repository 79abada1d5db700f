/**
 * A start that cannot work ends at once, non-zero, with one line that says why: a port in use once left a
 * process alive that never listened, and PORT=abc ended in a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let clientDir: string;
let dataDir: string;
let occupied: Server;
let busyPort = 0;
beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'paros-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PAROS test</title>');
  dataDir = mkdtempSync(join(tmpdir(), 'paros-data-'));
  occupied = createServer();
  await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
  busyPort = (occupied.address() as { port: number }).port;
});
afterAll(() => {
  occupied.close();
  rmSync(clientDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `node server/main.ts` with `env` and waits for it to end (killed after 20 s: it must not hang). */
function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/main.ts'], {
      env: { ...process.env, CLIENT_DIR: clientDir, DATA_DIR: dataDir, HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('a start that cannot work', () => {
  it.each([
    ['PORT=abc', { PORT: 'abc' }, 'PORT must be a non-negative number, not "abc".'],
    ['PORT=70000', { PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, not "70000".'],
    ['PORT=80.5', { PORT: '80.5' }, 'PORT must be a whole number from 0 to 65535, not "80.5".'],
    ['a short INSTRUCTOR_KEY', { INSTRUCTOR_KEY: 'secret' }, 'INSTRUCTOR_KEY must be at least 16 characters'],
    [
      'an ALLOWED_ORIGINS entry with a path',
      { ALLOWED_ORIGINS: 'https://a.example/app' },
      'ALLOWED_ORIGINS lists',
    ],
    // Several processes share their logs in PostgreSQL: SQLite files are one machine's (docs/deploy.md).
    [
      'REDIS_URL without DATABASE_URL',
      { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: '' },
      'REDIS_URL is set but DATABASE_URL is not: several processes must share their session logs in PostgreSQL.',
    ],
    [
      'a REDIS_URL that is not redis://',
      { REDIS_URL: 'http://127.0.0.1:6379' },
      'REDIS_URL must be an address',
    ],
  ])('%s ends with status 1 and one line', async (_, env, message) => {
    const run = await start({ PORT: '0', ...env });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`PAROS did not start: ${message}`);
  });

  it('a port in use ends with status 1 and one line, instead of a process that never listens', async () => {
    const run = await start({ PORT: String(busyPort) });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `PAROS did not start: port ${busyPort} is already in use. Stop the other program or set PORT to another port.`,
    );
    expect(run.stdout).not.toMatch(/ready/);
  });
});

describe('a stop', () => {
  it('alone (no REDIS_URL), SIGTERM exits 0 as before, with nothing to hand over', async () => {
    const child = spawn(process.execPath, ['server/main.ts'], {
      env: { ...process.env, CLIENT_DIR: clientDir, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const add = (c: Buffer) => {
      out += c.toString();
    };
    child.stdout.on('data', add);
    child.stderr.on('data', add);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => out.includes('PAROS is ready') && resolve());
      void exited.then((code) => reject(new Error(`exited with ${code}:\n${out}`)));
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).not.toMatch(/handing|handed over/);
  });
});
