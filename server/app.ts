import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { defineRoom, defineServer, matchMaker, type Server } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import express, { type Application, type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ScenarioSummary } from '../shared/content/scenario.ts';
import type { ServerConfig } from './config.ts';
import { loadContent } from './content.ts';
import { apiRouter } from './http/api.ts';
import { matchmakingRouter } from './http/matchmaking.ts';
import { CodeGuard, memoryLimits } from './http/rateLimit.ts';
import { packRouter } from './http/pack.ts';
import { replayRouter } from './http/replays.ts';
import { LogStore } from './log/SessionLog.ts';
import { DatabaseHealth } from './log/postgres/databaseHealth.ts';
import { PostgresLogs } from './log/postgres/PostgresLogs.ts';
import { type StorageCheck, StorageHealth } from './log/storageHealth.ts';
import type { SessionLogs } from './log/store.ts';
import { redisLimits } from './scale/redisLimits.ts';
import { ScaleOut } from './scale/scaleOut.ts';
import { sessionRoomFor } from './rooms/SessionRoom.ts';
import { SessionDirectory } from './sessions/directory.ts';
import type { JoinAddressResponse } from '../shared/protocol/http.ts';
import { joinAddresses } from './joinAddress.ts';

export interface ParosServer {
  colyseus: Server;
  directory: SessionDirectory;
  scenarios: readonly ScenarioSummary[];
  /** Starts listening; resolves with the port (useful when the config asks for port 0). */
  listen(): Promise<number>;
  /** Where students should open PAROS, once listening. */
  joinAddress(): JoinAddressResponse;
  /** Whether sessions outlive this process through other processes (REDIS_URL): close() then hands them over. */
  readonly scaledOut: boolean;
  close(): Promise<void>;
}

/**
 * One process, one port: the built client, the HTTP API under /api, and the Colyseus matchmaking and
 * WebSockets. Content is validated before anything listens, so bad content stops the start with its errors.
 */
export function createParosServer(config: ServerConfig): ParosServer {
  // A resolution sends each delegation's view of the world (tens of KB late in a campaign) in one patch. Each
  // room keeps buffers of this size, so it is a trade: 128 KiB covers the usual resolution, and the encoder
  // grows (with a warning) for a rare larger one.
  Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 128 * 1024);
  const { scenarios, cards } = loadContent(config.contentDir);
  // Several processes (REDIS_URL): Colyseus's matchmaker, join codes and session leases shared through Redis.
  const redisUrl = config.scale?.redisUrl;
  const scale = redisUrl
    ? new ScaleOut({ databaseUrl: undefined, publicAddress: undefined, ...config.scale, redisUrl })
    : undefined;
  const directory = new SessionDirectory(scale);
  // The logs: PostgreSQL with DATABASE_URL (checked now, so a wrong address stops the start), else SQLite files.
  const databaseUrl = config.scale?.databaseUrl;
  const database = databaseUrl ? new PostgresLogs(databaseUrl) : undefined;
  database?.check();
  const logs: SessionLogs = database ?? new LogStore(join(config.dataDir, 'sessions'));
  const storage: StorageCheck = database
    ? new DatabaseHealth(database.db)
    : new StorageHealth((logs as LogStore).dir);
  const capability = randomBytes(24).toString('base64url');
  const http = createHttpServer();
  const clientDir = resolve(config.clientDir);
  // One guard for every door a join code opens (the look-up and the matchmaking), and one creation limit for
  // new sessions and what-if forks alike; counted in Redis with several processes, so they hold across them.
  const counts = scale ? redisLimits(scale.redis) : memoryLimits();
  const codes = new CodeGuard(config.limits, counts);
  const creates = counts.counter('creates', config.limits.createsPerHour, 3_600_000);
  let httpApp: Application | undefined; // set by the express hook below, before listen() resolves

  const colyseus = defineServer({
    greet: false,
    gracefullyShutdown: false,
    ...scale?.colyseusOptions(),
    transport: new WebSocketTransport({
      server: http,
      pingInterval: 5000,
      pingMaxRetries: 3,
      maxPayload: MESSAGE_MAX_BYTES,
    }),
    rooms: {
      session: defineRoom(
        sessionRoomFor({
          directory,
          scenarios,
          cards,
          logs,
          storage,
          capability,
          reconnectSeconds: config.reconnectSeconds,
          idleHours: config.idleHours,
          joinsPerMinute: config.limits.joinsPerMinute,
          ...(scale ? { scale: scale.room } : {}),
        }),
      ),
    },
    express: (app) => {
      httpApp = app;
      app.disable('x-powered-by');
      // Behind a proxy, rate limits must count each school's address, not the proxy's.
      if (config.trustProxy)
        app.set(
          'trust proxy',
          /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy,
        );
      app.use(refuseLargeBodies, sameOriginOnly(config.allowedOrigins ?? []));
      app.use(
        '/matchmake',
        matchmakingRouter({ directory, codes, counts, seatReservationSeconds: SEAT_RESERVATION_SECONDS }),
      );
      app.use('/api', jsonOnly);
      app.use(
        '/api/replays',
        replayRouter({
          logs,
          directory,
          capability,
          instructorKey: config.instructorKey,
          limits: config.limits,
          creates,
          codes,
          counts,
        }),
      );
      // Where students open PAROS (the board's address and QR code): never the teacher's own localhost.
      app.get('/api/join-address', (_req, res) => {
        res.json(joinAddresses(config.publicUrl, (http.address() as AddressInfo).port));
      });
      app.use('/api/pack', packRouter({ contentDir: config.contentDir, cards, scenarios }));
      app.use('/api', apiRouter({ directory, scenarios, cards, capability, codes, creates }));
      // 503 when the data folder cannot be written (probed at most every few seconds, and told by any log that
      // refused a write): sessions then refuse what students do, and a monitor should hear of it.
      // 503 with `stopping: true` once the process is told to stop, so a load balancer sends nothing more here.
      app.get('/healthz', (_req, res) => {
        const problem = storage.problem();
        if (directory.stopping)
          res
            .status(503)
            .json({ ok: false, storage: problem ?? 'ok', sessions: directory.size, stopping: true });
        else if (problem) res.status(503).json({ ok: false, storage: problem, sessions: directory.size });
        else res.json({ ok: true, storage: 'ok', sessions: directory.size });
      });
      app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
      app.use((req, res) => {
        if (req.method === 'GET' && req.accepts('html')) res.sendFile(join(clientDir, 'index.html'));
        else res.status(404).json({ error: 'Not found.' });
      });
      app.use(plainErrors);
    },
  });

  return {
    colyseus,
    directory,
    scenarios,
    scaledOut: scale !== undefined,
    async listen() {
      // Colyseus listens for the server's errors only once it listens: a port in use would leave a process that
      // never listens and never ends. The first error rejects here instead.
      await new Promise<void>((resolve, reject) => {
        http.removeAllListeners('error'); // the transport's prints a stack; main.ts says it in one line
        http.once('error', reject);
        colyseus.listen(config.port, config.host).then(() => {
          http.off('error', reject);
          resolve();
        }, reject);
      });
      http.on('error', (e) => console.error(`The HTTP server reported: ${e.message}`));
      takeOverRequests(http, httpApp);
      // Alone, every unfinished session comes back here; with several processes, each is taken over by one.
      if (scale) await scale.start(logs, capability);
      else await restoreSessions(logs, capability);
      return (http.address() as AddressInfo).port;
    },
    joinAddress() {
      return joinAddresses(config.publicUrl, (http.address() as AddressInfo).port);
    },
    async close() {
      // No new sessions, and (several processes) no more takeovers here: each room then closes its log and,
      // when its session is unfinished, hands it over to the other processes (SessionRoom.handOver).
      directory.stopping = true;
      scale?.stop();
      await colyseus.gracefullyShutdown(false);
      await scale?.close();
      await database?.close();
    },
  };
}

/**
 * The largest message a client may send, in bytes, for the WebSocket's frame limit (the ws transport's default of
 * 4 KiB closed the connection, code 1009, on a draft of 1,400 Chinese characters). The largest payloads the
 * schemas in shared/protocol.ts allow, counting 3 bytes of UTF-8 per UTF-16 unit (a BMP character is at most 3
 * bytes; a character outside it is 4 bytes for 2 units):
 * - editDraft: 2,000 units, 6,000 bytes;
 * - setOrders: 6 orders, each a statement of 280 units (840 bytes) plus its fields (under 100 bytes), 5,640 bytes;
 * - injectCustom: a title of 90 and a briefing of 700 units (2,370 bytes) and 5 effects (under 500 bytes).
 * msgpack and the request's header add tens of bytes. 16 KiB is above all of them with room to spare, so every
 * payload a schema allows reaches the schema, which refuses an over-long one with a message and keeps the
 * connection; only a frame no schema could accept closes it. tests/server/attacks/transport.test.ts sends them.
 */
export const MESSAGE_MAX_BYTES = 16 * 1024;
/** How long Colyseus keeps a reserved seat for its socket (its default; COLYSEUS_SEAT_RESERVATION_TIME). */
const SEAT_RESERVATION_SECONDS = Number(process.env.COLYSEUS_SEAT_RESERVATION_TIME || 15);
/** The largest request body any route reads; the routes' own parsers have lower limits (16 KiB, 2 KiB). */
export const BODY_MAX_BYTES = 64 * 1024;

/**
 * Hands every HTTP request to Express. Colyseus puts its own router in front (matchmaking, CORS headers that echo
 * any origin, a body reader without a limit); the matchmaking routes are served by server/http/matchmaking.ts
 * instead, behind the same checks as the API. WebSocket upgrades are not requests and stay with the transport.
 */
function takeOverRequests(http: ReturnType<typeof createHttpServer>, app: Application | undefined) {
  if (!app) throw new Error('The HTTP app was not set up.');
  http.removeAllListeners('request');
  http.on('request', app);
}

/** A declared body over the limit is refused before a byte of it is read, and the connection is closed. */
const refuseLargeBodies: RequestHandler = (req, res, next) => {
  if (Number(req.get('content-length') ?? 0) <= BODY_MAX_BYTES) return next();
  res.setHeader('Connection', 'close');
  res.status(413).json({ error: `A request is at most ${BODY_MAX_BYTES / 1024} KiB.` });
};

/**
 * Same origin unless configured: no CORS headers for other sites (so a page elsewhere cannot read a host
 * secret), and a request that changes something from another site's page is refused outright (so it cannot
 * spend a school's limits). ALLOWED_ORIGINS lists sites that may, such as a separate host for the pages.
 */
function sameOriginOnly(allowed: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (!origin) return next();
    const listed = allowed.includes(origin);
    if (listed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Paros-Key');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') return res.status(204).end();
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (listed || host === req.get('host') || req.method === 'GET' || req.method === 'HEAD') return next();
    res.status(403).json({ error: 'Requests from pages of other sites are refused.' });
  };
}

/** The API reads JSON only: a form or a text/plain post from another page is refused before it does anything. */
const jsonOnly: RequestHandler = (req, res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  const needsJson = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH' || hasBody;
  if (req.method === 'GET' || req.method === 'HEAD' || !needsJson || req.is('application/json'))
    return next();
  res.status(415).json({ error: 'Send the request as JSON (Content-Type: application/json).' });
};

/** Every error that reaches Express's end is JSON in plain words; stacks and paths stay in the server's log. */
const plainErrors: ErrorRequestHandler = (err, _req, res, _next) => {
  const e = err as { status?: number; statusCode?: number; type?: string; limit?: number };
  const status = e.status ?? e.statusCode ?? 500;
  if (res.headersSent) return;
  if (status >= 500 || status < 400) {
    console.error('Request failed:', err);
    return res.status(500).json({ error: 'The server could not do that. Try again in a moment.' });
  }
  const words: Record<string, string> = {
    'entity.parse.failed': 'The request is not valid JSON.',
    'entity.too.large': `The request is too large (at most ${Math.round((e.limit ?? 0) / 1024)} KiB).`,
    'charset.unsupported': 'Send the request in UTF-8.',
    'encoding.unsupported': 'The request is compressed in a way the server does not read.',
    'request.aborted': 'The request was cut off.',
  };
  res.status(status).json({ error: words[e.type ?? ''] ?? 'The request was not understood.' });
};

/**
 * After a restart (or a crash), every session that had not ended is folded back from its log into a live room,
 * with its join code. A log that cannot be read is reported and left alone: it never stops the others.
 */
async function restoreSessions(logs: SessionLogs, capability: string): Promise<void> {
  for (const id of logs.ids()) {
    let stage: string;
    try {
      const log = logs.open(id);
      stage = log.status().stage;
      log.close();
    } catch (e) {
      console.error(`Session ${id} was not restored: ${(e as Error).message}`);
      continue;
    }
    if (stage !== 'lobby' && stage !== 'playing') continue; // ended, or closed for being idle
    try {
      await matchMaker.createRoom('session', { capability, restore: id });
      console.log(`Session ${id} restored from its log.`);
    } catch (e) {
      console.error(`Session ${id} was not restored: ${(e as Error).message}`);
    }
  }
}
