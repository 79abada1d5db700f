import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { defineRoom, defineServer, matchMaker, type Server } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';
import express from 'express';
import type { ScenarioSummary } from '../shared/content/scenario.ts';
import type { ServerConfig } from './config.ts';
import { loadContent } from './content.ts';
import { apiRouter } from './http/api.ts';
import { packRouter } from './http/pack.ts';
import { replayRouter } from './http/replays.ts';
import { LogStore } from './log/SessionLog.ts';
import { sessionRoomFor } from './rooms/SessionRoom.ts';
import { SessionDirectory } from './sessions/directory.ts';

export interface ParosServer {
  colyseus: Server;
  directory: SessionDirectory;
  scenarios: readonly ScenarioSummary[];
  /** Starts listening; resolves with the port (useful when the config asks for port 0). */
  listen(): Promise<number>;
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
  const directory = new SessionDirectory();
  const logs = new LogStore(join(config.dataDir, 'sessions'));
  const capability = randomBytes(24).toString('base64url');
  const http = createHttpServer();
  const clientDir = resolve(config.clientDir);

  const colyseus = defineServer({
    greet: false,
    gracefullyShutdown: false,
    transport: new WebSocketTransport({ server: http, pingInterval: 5000, pingMaxRetries: 3 }),
    rooms: {
      session: defineRoom(
        sessionRoomFor({
          directory,
          scenarios,
          cards,
          logs,
          capability,
          reconnectSeconds: config.reconnectSeconds,
          idleHours: config.idleHours,
        }),
      ),
    },
    express: (app) => {
      app.disable('x-powered-by');
      // Behind a proxy, rate limits must count each school's address, not the proxy's.
      if (config.trustProxy)
        app.set(
          'trust proxy',
          /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy,
        );
      app.use(
        '/api/replays',
        replayRouter({
          logs,
          directory,
          capability,
          instructorKey: config.instructorKey,
          limits: config.limits,
        }),
      );
      app.use('/api/pack', packRouter({ contentDir: config.contentDir, cards, scenarios }));
      app.use('/api', apiRouter({ directory, scenarios, cards, capability, limits: config.limits }));
      app.get('/healthz', (_req, res) => {
        res.json({ ok: true, sessions: directory.size });
      });
      app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
      app.use((req, res) => {
        if (req.method === 'GET' && req.accepts('html')) res.sendFile(join(clientDir, 'index.html'));
        else res.status(404).json({ error: 'Not found.' });
      });
    },
  });

  return {
    colyseus,
    directory,
    scenarios,
    async listen() {
      await colyseus.listen(config.port, config.host);
      await restoreSessions(logs, capability);
      return (http.address() as AddressInfo).port;
    },
    async close() {
      await colyseus.gracefullyShutdown(false);
    },
  };
}

/**
 * After a restart (or a crash), every session that had not ended is folded back from its log into a live room,
 * with its join code. A log that cannot be read is reported and left alone: it never stops the others.
 */
async function restoreSessions(logs: LogStore, capability: string): Promise<void> {
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
