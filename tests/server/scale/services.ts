/**
 * Throwaway Redis and PostgreSQL for the scale-out tests: real servers from Debian's packages (installed by
 * .ci/run), each on a free loopback port with its files in a temporary folder, stopped (and the folder removed)
 * by `stop()`. When a binary is missing, `missing` says which, and the tests skip saying so.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL Debian installed (/usr/lib/postgresql/<major>/bin), whatever its major version. */
const PG_BIN = (existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [])
  .map((v) => join('/usr/lib/postgresql', v, 'bin'))
  .filter((d) => existsSync(join(d, 'pg_ctl')))
  .sort((x, y) => Number(y.split('/')[4]) - Number(x.split('/')[4]))[0];
const REDIS = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => existsSync(f));

/** What is missing for these tests, in words ('' when both servers can be started). */
export function missingServices(): string {
  const missing: string[] = [];
  if (!REDIS) missing.push('redis-server (apt-get install -y redis-server)');
  if (!PG_BIN) missing.push('PostgreSQL (apt-get install -y postgresql)');
  return missing.length
    ? `SKIPPED, not installed here: ${missing.join(' and ')}. .ci/run installs them.`
    : '';
}

/** A port nothing listens on now (the kernel's pick, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, ready: () => boolean | Promise<boolean>, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if (await ready()) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within ${ms / 1000} s`);
}

export interface Redis {
  url: string;
  stop(): Promise<void>;
}

/** `redis-server` on a free loopback port, no persistence, as a child of this process. */
export async function startRedis(): Promise<Redis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'paros-redis-'));
  const child: ChildProcess = spawn(
    REDIS as string,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  await waitFor('redis-server', () => {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' });
    return true;
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Postgres {
  url: string;
  stop(): Promise<void>;
}

/** Runs a PostgreSQL tool as the `postgres` user when this process is root (PostgreSQL refuses to run as root). */
function asPostgres(tool: string, args: string[]) {
  const file = join(PG_BIN as string, tool);
  if (process.getuid?.() === 0)
    execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' });
  else execFileSync(file, args, { stdio: 'pipe' });
}

/**
 * A new PostgreSQL cluster in a temporary folder (initdb, trust authentication, user `paros`), started with
 * pg_ctl on a free loopback port with its socket in the folder; `stop()` stops it (pg_ctl stop -m immediate)
 * and removes the folder. fsync stays on: the tests check what a kill leaves behind.
 */
export async function startPostgres(): Promise<Postgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'paros-pg-'));
  if (process.getuid?.() === 0) {
    const id = (name: string) => Number(execFileSync('id', [name, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = join(dir, 'data');
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'paros', '--no-sync']);
  asPostgres('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-w',
    'start',
  ]);
  const url = `postgres://paros@127.0.0.1:${port}/postgres`;
  return {
    url,
    async stop() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
