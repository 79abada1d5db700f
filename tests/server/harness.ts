/**
 * Boots the real PAROS server (HTTP API, matchmaking and WebSockets on one loopback port) and drives it with
 * real @colyseus/sdk clients. One harness per test file: Colyseus keeps its matchmaker in module state, so a
 * process runs one server at a time, and Vitest gives each file its own module graph.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { Client, type Room } from '@colyseus/sdk';
import { vi } from 'vitest';
import { createParosServer, type ParosServer } from '../../server/app.ts';
import { DEFAULT_LIMITS, type RateLimits, type ServerConfig } from '../../server/config.ts';
import type { JoinOptions, Moment, SettingsPatch } from '../../shared/protocol/toServer.ts';
import type { Welcome } from '../../shared/protocol/toClient.ts';
import type { CreateSessionResponse } from '../../shared/protocol/http.ts';
import type { Refusal } from '../../shared/session/refusal.ts';

/** A decoded schema map as the SDK hands it out (a MapSchema, read-only here). */
export interface MapView<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  readonly size: number;
  keys(): IterableIterator<string>;
  values(): IterableIterator<T>;
}

export interface MemberView {
  id: string;
  nickname: string;
  seat: string;
  status: string;
}

export interface TeamView {
  submitted: boolean;
  draft: string | undefined; // undefined on a client that may not see this team's desk
  orders: string | undefined; // JSON of this round's orders; undefined where the desk is hidden
  secret: string | undefined; // JSON WorldView for this delegation; undefined where the desk is hidden
  headId: string; // public: who confirms the orders now
  withdrawnBy: string; // public: "" or who changed the orders after they were confirmed ("card" for a card)
  confirmedBy: string; // public, with withdrawnBy: the head who had confirmed
  draftVersion: number | undefined; // the notes' version; undefined where the desk is hidden
}

/** The synced state as a client decodes it (server/sync/state.ts), typed for the tests' reads. */
export interface DecodedSession {
  version: number;
  code: string;
  stage: string;
  round: number;
  phase: string;
  phaseEndsAt: number;
  teamsLocked: boolean;
  hostConnected: boolean;
  settings: {
    scenarioId: string;
    scenarioTitle: string;
    years: Iterable<number> & { readonly length: number };
    timersOn: boolean;
    lockTeamsOnStart: boolean;
    maxPerDelegation: number;
  };
  members: MapView<MemberView>;
  teams: MapView<TeamView>;
  world: string; // JSON of the public WorldView ('' before the start)
  timerPaused: boolean;
  phaseRemainingMs: number;
  host: { world: string; removed: string; storage: string } | undefined; // the teacher's alone: undefined on every other client
  projectors: number; // projector boards connected now
  practice: boolean; // the practice round is under way
  toJSON(): unknown;
}

export type SessionRoom = Room<unknown, DecodedSession>;

/** One connected client: its room, what the server said it is, and every raw frame it received. */
export interface Player {
  client: Client;
  room: SessionRoom;
  welcome: Welcome;
  frames: Uint8Array[]; // raw WebSocket payloads after the join handshake, as the transport delivered them
  welcomes: Welcome[]; // every welcome, including the one sent again after an automatic reconnection
}

export type Session = CreateSessionResponse;

export interface HarnessOptions {
  reconnectSeconds?: number;
  limits?: Partial<RateLimits>;
  dataDir?: string; // where the session logs go: a fresh temporary folder unless given
  instructorKey?: string;
  publicUrl?: string; // PUBLIC_URL: the address the board shows students
  trustProxy?: string; // e.g. 'loopback': requests may then say their network in X-Forwarded-For
  allowedOrigins?: string[];
}

export interface Harness {
  readonly baseUrl: string;
  readonly server: ParosServer;
  /** A fresh SDK client for this server (each student, teacher and projector gets its own). */
  sdk(): Client;
  /** POST /api/sessions; throws unless the server answers 201. */
  createSession(settings?: SettingsPatch): Promise<Session>;
  /** Any HTTP call to the server; a JSON body comes back parsed, anything else as text. */
  http(path: string, init?: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }>;
  join(session: Session, options: JoinOptions): Promise<Player>;
  joinStudent(session: Session, nickname: string): Promise<Player>;
  joinTeacher(session: Session): Promise<Player>;
  joinProjector(session: Session): Promise<Player>;
  /** `client.reconnect(token)` for a player whose connection has ended; returns the new connection. */
  reconnect(player: Player): Promise<Player>;
  /** Kills the player's socket on the server side without a close frame: both ends see 1006, like lost Wi-Fi. */
  dropConnection(player: Player): void;
  /** Leaves every room this harness joined that is still open (consented leave). */
  leaveAll(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a server on a free loopback port. Call `close()` in afterAll. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clientDir = mkdtempSync(join(tmpdir(), 'paros-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PAROS test</title>');
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    reconnectSeconds: options.reconnectSeconds ?? 30,
    idleHours: 12,
    contentDir: 'content',
    clientDir,
    dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'paros-data-')),
    instructorKey: options.instructorKey,
    publicUrl: options.publicUrl,
    trustProxy: options.trustProxy,
    allowedOrigins: options.allowedOrigins,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
  // A rejection nobody handles is a server bug even when it crashes nothing (@colyseus/core loads @pm2/io,
  // which logs unhandled rejections instead of letting Node stop); close() fails the file if one happened.
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const server = createParosServer(config);
  const port = await server.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  const players = new Set<Player>();

  const sdk = () => new Client(baseUrl);

  const http: Harness['http'] = async (path, init) => {
    const res = await fetch(`${baseUrl}${path}`, init);
    const json = res.headers.get('content-type')?.includes('application/json');
    const body: unknown = json ? await res.json() : await res.text();
    return { status: res.status, headers: res.headers, body };
  };

  const adopt = async (client: Client, room: SessionRoom): Promise<Player> => {
    const frames: Uint8Array[] = [];
    const welcomes: Welcome[] = [];
    // The full state comes only after the client acknowledges the join, so a tap set here sees every frame
    // that carries state. The transport calls `events.onmessage` anew for each frame, reconnections included.
    const events = room.connection.events;
    const decode = events.onmessage;
    events.onmessage = (event: MessageEvent) => {
      frames.push(new Uint8Array(event.data as ArrayBuffer).slice());
      decode?.(event);
    };
    const first = new Promise<Welcome>((resolve) => {
      room.onMessage('welcome', (welcome: Welcome) => {
        welcomes.push(welcome);
        resolve(welcome);
      });
    });
    const welcome = await withTimeout(first, 3000, 'the welcome message');
    const player: Player = { client, room, welcome, frames, welcomes };
    players.add(player);
    return player;
  };

  const joinRoom: Harness['join'] = async (session, joinOptions) => {
    const client = sdk();
    const room = (await client.joinById(session.roomId, joinOptions)) as SessionRoom;
    return adopt(client, room);
  };

  return {
    baseUrl,
    server,
    sdk,
    http,
    async createSession(settings) {
      const { status, body } = await http('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(settings ? { settings } : {}),
      });
      if (status !== 201) throw new Error(`POST /api/sessions answered ${status}: ${JSON.stringify(body)}`);
      return body as Session;
    },
    join: joinRoom,
    joinStudent: (session, nickname) => joinRoom(session, { role: 'student', code: session.code, nickname }),
    joinTeacher: (session) =>
      joinRoom(session, { role: 'teacher', code: session.code, hostSecret: session.hostSecret }),
    joinProjector: (session) => joinRoom(session, { role: 'projector', code: session.code }),
    async reconnect(player) {
      const room = (await player.client.reconnect(player.room.reconnectionToken)) as SessionRoom;
      players.delete(player);
      return adopt(player.client, room);
    },
    dropConnection(player) {
      const room = matchMaker.getLocalRoomById(player.room.roomId);
      const client = room?.clients.get(player.room.sessionId);
      if (!client) throw new Error(`No server-side connection for session ${player.room.sessionId}.`);
      (client.ref as unknown as { terminate(): void }).terminate();
    },
    async leaveAll() {
      const open = [...players].filter((p) => p.room.connection.isOpen);
      players.clear();
      await Promise.all(
        open.map((p) => {
          p.room.reconnection.enabled = false;
          return withTimeout(p.room.leave(), 3000, 'a consented leave').catch(() => undefined);
        }),
      );
    },
    async close() {
      for (const p of players) p.room.reconnection.enabled = false;
      players.clear();
      await server.close();
      rmSync(clientDir, { recursive: true, force: true });
      await new Promise((resolve) => setImmediate(resolve)); // let Node report rejections from the shutdown
      process.off('unhandledRejection', onUnhandled);
      if (unhandled.length > 0) {
        throw new Error(`Unhandled rejections on the server: ${unhandled.map(String).join('; ')}`);
      }
    },
  };
}

/** Polls `assertion` until it stops throwing (default 3 s), so tests wait for a patch without fixed sleeps. */
export function eventually<T>(assertion: () => T, timeout = 3000): Promise<T> {
  return vi.waitFor(assertion, { timeout, interval: 5 });
}

/** Awaits a room request that must be refused, and returns the refusal the user would see. */
export async function refusalOf(request: Promise<unknown>): Promise<Refusal> {
  let reply: unknown;
  try {
    reply = await request;
  } catch (e) {
    const error = e as { name?: string; reason?: Refusal };
    if (error.name === 'rejected' && error.reason) return error.reason;
    throw e;
  }
  throw new Error(`Expected a refusal, but the request was accepted: ${JSON.stringify(reply)}`);
}

/** Awaits something that must fail (a join, a matchmaking call), and returns the error. */
export async function failureOf(attempt: Promise<unknown>): Promise<Error & { code?: number }> {
  try {
    await attempt;
  } catch (e) {
    return e as Error & { code?: number };
  }
  throw new Error('Expected a failure, but it succeeded.');
}

/** The member id the server gave a student's connection in its welcome. */
export function idOf(player: Player): string {
  const id = player.welcome.memberId;
  if (!id) throw new Error(`A ${player.welcome.role} connection has no member id.`);
  return id;
}

/**
 * What the player's screen shows now, as the console sends it with Next, End and +2 minutes:
 * `{ from: { round: 2, phase: 'negotiation' } }`. Those commands are refused as stale once the session moved on.
 */
export function seenBy(player: { room: { state: Pick<DecodedSession, 'round' | 'phase'> } }): {
  from: Moment;
} {
  const { round, phase } = player.room.state;
  return { from: { round, phase: phase as Moment['phase'] } };
}

/** How `viewer` currently sees the student behind `target` (undefined once the member is gone from state). */
export function memberAs(viewer: Player, target: Player | string): MemberView | undefined {
  return viewer.room.state.members.get(typeof target === 'string' ? target : idOf(target));
}

/**
 * Resolves once the server has answered a ping on this connection. The server writes each socket in order,
 * so every patch it sent this client before the ping has been decoded by then: a barrier, not a sleep.
 */
export function roundTrip(player: Player): Promise<number> {
  return withTimeout(new Promise<number>((resolve) => player.room.ping(resolve)), 3000, 'a ping reply');
}

/** The synced state as the server holds it (every team's draft included), for checks no client could make. */
export function serverState(session: Session): DecodedSession {
  const room = matchMaker.getLocalRoomById(session.roomId);
  if (!room) throw new Error(`No room ${session.roomId} on this server.`);
  return room.state as DecodedSession;
}

/** How many connections the session's room holds now (held seats of dropped clients not counted). */
export function serverConnections(session: Session): number {
  const room = matchMaker.getLocalRoomById(session.roomId);
  if (!room) throw new Error(`No room ${session.roomId} on this server.`);
  return room.clients.length;
}

/** Whether any raw frame a client received contains `text` as UTF-8 bytes. */
export function framesContain(player: Player, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return player.frames.some((frame) => Buffer.from(frame).includes(needle));
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits, when needed, before a player's next message: the room drops a connection that sends more than 30
 * messages in a second, and tests that send many in a row stay at 25 in any 1.1 s on one connection.
 */
const sent = new WeakMap<Player, number[]>();
export async function pace(player: Player): Promise<void> {
  const times = sent.get(player) ?? [];
  sent.set(player, times);
  for (;;) {
    const now = Date.now();
    while (times.length > 0 && (times[0] ?? 0) <= now - 1100) times.shift();
    if (times.length < 25) break;
    await new Promise((resolve) => setTimeout(resolve, (times[0] ?? now) + 1100 - now));
  }
  times.push(Date.now());
}

/** Resolves with the close code the SDK reports when it gives the room up (no automatic reconnection). */
export function leaveCode(player: Player): Promise<number> {
  return withTimeout(
    new Promise<number>((resolve) => player.room.onLeave((code) => resolve(code))),
    3000,
    'the SDK to give up the connection',
  );
}
