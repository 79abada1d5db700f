/** Starts the PAROS server as a child process on a free loopback port, and stops it for sure. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerHandle {
  pid: number; // the first process's
  pids: number[]; // every process of the group (one unless --processes)
  port: number;
  baseUrl: string; // the first process's
  baseUrls: string[]; // every process's, in order
  /** Every process's inspector endpoint (some may be missing). */
  inspectorUrls(): string[];
  /** Last lines the server printed, for error reports. */
  output(): string;
  /** The server's inspector endpoint (loopback), for a forced GC and heap figures between measurements. */
  inspectorUrl(): string | undefined;
  /** Bytes in the server's data folder (the session logs), a temporary folder removed when the server stops. */
  dataBytes(): number;
  /** Resolves when the child has exited; rejects never. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the kernel's pick; it could be taken again before use, rarely). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The built client if there is one, else a temporary folder with a stub page (the server refuses to start without one). */
function clientDir(repoRoot: string): { dir: string; cleanup: () => void } {
  const built = join(repoRoot, 'dist', 'client');
  if (existsSync(join(built, 'index.html'))) return { dir: built, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'paros-bench-client-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>PAROS bench stub</title>\n');
  temporaryDirs.add(dir);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The Node options `npm run serve` starts the server with ("node --max-semi-space-size=8 server/main.ts" gives
 * ["--max-semi-space-size=8"]), so the bench measures the server as it is deployed.
 */
export function serveFlags(repoRoot: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  ).scripts;
  const serve = /^node\s+(.*?)\s*server\/main\.ts$/.exec(scripts?.serve ?? '');
  return serve?.[1] ? serve[1].split(/\s+/) : [];
}

/** Temporary folders still to remove; removed at the latest when this process exits, however it exits. */
const temporaryDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

function folderBytes(dir: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
    }
  } catch {
    // the folder went away with the server
  }
  return total;
}

/**
 * Spawns `node server/main.ts` with this process's Node binary (the project's Node 24 under npm/npx), bound to
 * 127.0.0.1 with rate limits raised for the bench, and waits until /healthz answers (at most `readyTimeoutMs`).
 */
export async function startServer(
  repoRoot: string,
  nodeFlags: readonly string[] = serveFlags(repoRoot),
  readyTimeoutMs = 20_000,
  scaleEnv: Record<string, string> = {},
  script = 'server/main.ts', // bench/bare/server.ts for the bare room of --bare
): Promise<ServerHandle> {
  const port = await freePort();
  const client = clientDir(repoRoot);
  const dataDir = mkdtempSync(join(tmpdir(), 'paros-bench-data-'));
  temporaryDirs.add(dataDir);
  // The inspector listens on a loopback port of the kernel's choice; with no session attached it costs nothing.
  const child: ChildProcess = spawn(process.execPath, ['--inspect=127.0.0.1:0', ...nodeFlags, script], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      CLIENT_DIR: client.dir,
      DATA_DIR: dataDir,
      RECONNECT_SECONDS: '30',
      CREATES_PER_HOUR: '1000000',
      LOOKUPS_PER_MINUTE: '1000000',
      FAILED_LOOKUPS_PER_MINUTE: '1000000',
      // Several processes: Redis and PostgreSQL shared, and this process's own address for seats reserved elsewhere.
      ...scaleEnv,
      ...(scaleEnv.REDIS_URL ? { PUBLIC_ADDRESS: `127.0.0.1:${port}` } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let inspectorUrl: string | undefined;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1];
      lines.push(line);
    }
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      client.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
      resolve(exitCode);
    });
  });
  if (child.pid === undefined) throw new Error('The server process did not start.');
  const pid = child.pid;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await Promise.race([exited, sleep(5000)]);
    }
  };

  const deadline = performance.now() + readyTimeoutMs;
  for (let attempt = 0; attempt < 1000 && performance.now() < deadline; attempt++) {
    if (exitCode !== undefined) {
      throw new Error(`The server exited (${exitCode}) before it was ready:\n${lines.join('\n')}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) {
        await res.arrayBuffer();
        return {
          pid,
          pids: [pid],
          port,
          baseUrl,
          baseUrls: [baseUrl],
          inspectorUrls: () => (inspectorUrl ? [inspectorUrl] : []),
          output: () => lines.join('\n'),
          inspectorUrl: () => inspectorUrl,
          dataBytes: () => folderBytes(dataDir),
          exited,
          stop,
        };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  rmSync(dataDir, { recursive: true, force: true });
  throw new Error(`The server was not ready within ${readyTimeoutMs} ms:\n${lines.join('\n')}`);
}

/**
 * `count` servers started one after the other, handled as one: CPU and memory are summed over their processes,
 * the first answers the calls that need one. Several need `scaleEnv` (REDIS_URL and DATABASE_URL).
 */
export async function startServers(
  repoRoot: string,
  count: number,
  nodeFlags: readonly string[] = serveFlags(repoRoot),
  scaleEnv: Record<string, string> = {},
  script = 'server/main.ts',
): Promise<ServerHandle> {
  const servers: ServerHandle[] = [];
  try {
    for (let i = 0; i < count; i++)
      servers.push(await startServer(repoRoot, nodeFlags, 20_000, scaleEnv, script));
  } catch (e) {
    await Promise.all(servers.map((s) => s.stop()));
    throw e;
  }
  const [first] = servers as [ServerHandle];
  if (count === 1) return first;
  return {
    ...first,
    pids: servers.map((s) => s.pid),
    baseUrls: servers.map((s) => s.baseUrl),
    inspectorUrls: () => servers.flatMap((s) => s.inspectorUrls()),
    output: () => servers.map((s, i) => `[process ${i + 1}]\n${s.output()}`).join('\n'),
    dataBytes: () => servers.reduce((n, s) => n + s.dataBytes(), 0),
    exited: Promise.race(servers.map((s) => s.exited)),
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}

export interface HeapFigures {
  rss: number; // bytes, as process.memoryUsage() reports them inside the server
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/**
 * Through the server's inspector: forces a full garbage collection, then reads process.memoryUsage() in the
 * server. Undefined if the inspector is not there or does not answer within `timeoutMs`.
 */
export async function collectAndMeasure(url: string, timeoutMs = 10_000): Promise<HeapFigures | undefined> {
  const ws = new WebSocket(url);
  const replies = new Map<number, (result: unknown) => void>();
  ws.addEventListener('message', (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) replies.get(msg.id)?.(msg.result);
  });
  let nextId = 1;
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  const work = (async () => {
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve(), { once: true });
      ws.addEventListener('error', () => reject(new Error('inspector connection failed')), { once: true });
    });
    await call('HeapProfiler.collectGarbage');
    const result = (await call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result?: { value?: string } };
    return JSON.parse(result.result?.value ?? 'null') as HeapFigures | null;
  })();
  try {
    const figures = await Promise.race([work, sleep(timeoutMs).then(() => null)]);
    return figures ?? undefined;
  } catch {
    return undefined;
  } finally {
    ws.close();
  }
}

/**
 * Through the server's inspector, without forcing a GC: V8's heap spaces (used and committed bytes), and
 * optionally a heap snapshot written by the server to `snapshotFile`. Undefined if the inspector does not answer.
 */
export async function inspectHeap(
  url: string,
  snapshotFile?: string,
  timeoutMs = 120_000,
): Promise<Record<string, { used: number; committed: number }> | undefined> {
  const ws = new WebSocket(url);
  let reply: ((result: unknown) => void) | undefined;
  ws.addEventListener('message', (event) => {
    const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (msg.id === 1) reply?.(msg.result);
  });
  const expression = `(() => {
    const v8 = process.getBuiltinModule('v8');
    const spaces = {};
    for (const s of v8.getHeapSpaceStatistics())
      spaces[s.space_name] = { used: s.space_used_size, committed: s.physical_space_size };
    ${snapshotFile ? `v8.writeHeapSnapshot(${JSON.stringify(snapshotFile)});` : ''}
    return JSON.stringify(spaces);
  })()`;
  const work = (async () => {
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve(), { once: true });
      ws.addEventListener('error', () => reject(new Error('inspector connection failed')), { once: true });
    });
    const result = (await new Promise<unknown>((resolve) => {
      reply = resolve;
      ws.send(
        JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
      );
    })) as { result?: { value?: string } };
    return JSON.parse(result.result?.value ?? 'null') as Record<string, { used: number; committed: number }>;
  })();
  try {
    return (await Promise.race([work, sleep(timeoutMs).then(() => null)])) ?? undefined;
  } catch {
    return undefined;
  } finally {
    ws.close();
  }
}

/** collectAndMeasure in every process of a group, summed; undefined if one of them does not answer. */
export async function collectAndMeasureAll(urls: readonly string[]): Promise<HeapFigures | undefined> {
  if (urls.length === 0) return undefined;
  const all = await Promise.all(urls.map((url) => collectAndMeasure(url)));
  if (all.some((f) => f === undefined)) return undefined;
  const sum: HeapFigures = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  for (const f of all as HeapFigures[])
    for (const k of Object.keys(sum) as (keyof HeapFigures)[]) sum[k] += f[k];
  return sum;
}
