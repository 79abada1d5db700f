/**
 * The servers one measured session count runs against: one PAROS process as a school runs it (SQLite files, the
 * default), several PAROS processes sharing a Redis and a PostgreSQL started for them on loopback (as
 * docs/deploy.md runs them), or the bare Colyseus room of bench/bare/server.ts. CPU and memory are the sums over
 * the PAROS (or bare) processes; Redis's and PostgreSQL's own work counts with the machine's other processes.
 */
import { type Postgres, type Redis, startPostgres, startRedis } from '../../tests/server/scale/services.ts';
import { processCpuMs, processMemoryKiB } from './proc.ts';
import { collectAndMeasure, type HeapFigures, type ServerHandle, startServer } from './server.ts';

export interface ClusterOptions {
  /** PAROS processes sharing Redis and PostgreSQL; undefined for one process on SQLite, as by default. */
  processes: number | undefined;
  bare: boolean;
}

export interface Cluster {
  readonly servers: ServerHandle[];
  /** Words for the report: "1 process (SQLite)", "3 processes (Redis + PostgreSQL)", "bare Colyseus room". */
  readonly label: string;
  /** The address of process `i` (taken round-robin), for HTTP calls and the SDK. */
  url(i: number): string;
  cpuMs(): number;
  rssKiB(): number;
  hwmKiB(): number;
  dataBytes(): number;
  /** After a forced full GC in every process, the sum of their memory figures (undefined if one did not answer). */
  heap(): Promise<HeapFigures | undefined>;
  stop(): Promise<void>;
}

export async function startCluster(repoRoot: string, options: ClusterOptions): Promise<Cluster> {
  const { processes, bare } = options;
  let redis: Redis | undefined;
  let pg: Postgres | undefined;
  const servers: ServerHandle[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.all([redis?.stop(), pg?.stop()]);
  };
  try {
    if (bare) servers.push(await startServer(repoRoot, { script: 'bench/bare/server.ts' }));
    else if (processes === undefined) servers.push(await startServer(repoRoot));
    else {
      // Fresh Redis and PostgreSQL for each cluster: the sessions of the last one must not be taken over here.
      [redis, pg] = await Promise.all([startRedis(), startPostgres()]);
      const env = { REDIS_URL: redis.url, DATABASE_URL: pg.url };
      // One at a time: the first creates the log tables (its migrations take an advisory lock anyway).
      for (let i = 0; i < processes; i++) servers.push(await startServer(repoRoot, { env }));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const sum = (f: (s: ServerHandle) => number) => servers.reduce((n, s) => n + f(s), 0);
  return {
    servers,
    label: bare
      ? 'bare Colyseus room'
      : processes === undefined
        ? '1 process (SQLite)'
        : `${processes} process${processes === 1 ? '' : 'es'} (Redis + PostgreSQL)`,
    url: (i) => servers[i % servers.length]!.baseUrl,
    cpuMs: () => sum((s) => processCpuMs(s.pid)),
    rssKiB: () => sum((s) => processMemoryKiB(s.pid).rss),
    hwmKiB: () => sum((s) => processMemoryKiB(s.pid).hwm),
    dataBytes: () => sum((s) => s.dataBytes()),
    async heap() {
      const all = await Promise.all(
        servers.map((s) => {
          const url = s.inspectorUrl();
          return url ? collectAndMeasure(url) : Promise.resolve(undefined);
        }),
      );
      if (all.some((h) => h === undefined)) return undefined;
      const figures = all as HeapFigures[];
      const total = (k: keyof HeapFigures) => figures.reduce((n, h) => n + h[k], 0);
      return {
        rss: total('rss'),
        heapTotal: total('heapTotal'),
        heapUsed: total('heapUsed'),
        external: total('external'),
        arrayBuffers: total('arrayBuffers'),
      };
    },
    stop,
  };
}
