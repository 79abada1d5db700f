/**
 * PAROS on two processes sharing a real Redis and a real PostgreSQL (both started by this file, see
 * services.ts), each process a real `node server/main.ts` on its own port with PUBLIC_ADDRESS. A session
 * created on one process is found and joined through the other (Colyseus reserves the seat on the process that
 * runs the room and sends the browser there). Then the process running the session is killed with SIGKILL in
 * the middle of a round: the surviving process takes the session over from its PostgreSQL log, the students'
 * tabs find it again through the surviving process with their seat keys, the state is the one the class had
 * (every acknowledged command, the recorded round hash), and the round goes on.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresLogs } from '../../../server/log/postgres/PostgresLogs.ts';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { CreateSessionResponse, FindSessionResponse } from '../../../shared/protocol/http.ts';
import type { Welcome } from '../../../shared/protocol/toClient.ts';
import type { JoinOptions } from '../../../shared/protocol/toServer.ts';
import { foldLog, stateHash, verifyLog } from '../../../shared/session/log.ts';
import type { SessionModel } from '../../../shared/session/model.ts';
import { affordable, balanced } from '../../shared/rules/strategies.ts';
import { type DecodedSession, seenBy } from '../harness.ts';
import {
  freePort,
  missingServices,
  type Postgres,
  type Redis,
  startPostgres,
  startRedis,
} from './services.ts';

const missing = missingServices();
if (missing) console.warn(`tests/server/scale/processes.test.ts: ${missing}`);

const WAIT = { timeout: 10_000, interval: 20 };
let redis: Redis | undefined;
let pg: Postgres | undefined;
let store: PostgresLogs | undefined;
let dataDir = '';
let clientDir = '';
const children = new Set<ChildProcess>();
const rooms = new Set<Room<unknown, DecodedSession>>();

beforeAll(async () => {
  if (missing) return;
  const started = Date.now();
  [redis, pg] = await Promise.all([startRedis(), startPostgres()]);
  console.log(`Redis and PostgreSQL started in ${Date.now() - started} ms`);
  store = new PostgresLogs(pg.url);
  dataDir = mkdtempSync(join(tmpdir(), 'paros-scale-'));
  clientDir = mkdtempSync(join(tmpdir(), 'paros-scale-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PAROS scale test</title>');
}, 60_000);
afterAll(async () => {
  for (const room of rooms) {
    room.reconnection.enabled = false;
    if (room.connection.isOpen) room.connection.close();
  }
  await Promise.all([...children].map((child) => kill(child)));
  await store?.close();
  await Promise.all([redis?.stop(), pg?.stop()]);
  for (const dir of [dataDir, clientDir]) if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** `node server/main.ts` on a free port, sharing this file's Redis and PostgreSQL; resolves once it is ready. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      REDIS_URL: redis?.url,
      DATABASE_URL: pg?.url,
      DATA_DIR: dataDir,
      CLIENT_DIR: clientDir,
      INSTRUCTOR_KEY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const add = (c: Buffer) => {
    output += c.toString();
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', () => {
      if (!output.includes('PAROS is ready')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}):\n${output}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child, output: () => output };
}

function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

interface Player {
  room: Room<unknown, DecodedSession>;
  welcome: Welcome;
}

async function enter(url: string, roomId: string, options: JoinOptions): Promise<Player> {
  const room = (await new Client(url).joinById(roomId, options)) as Room<unknown, DecodedSession>;
  rooms.add(room);
  const welcome = await new Promise<Welcome>((resolve) => room.onMessage('welcome', resolve));
  return { room, welcome };
}

/** What a tab does when its server is gone (client/src/net/connection.ts): look the code up, join, retry. */
async function comeBack(url: string, options: JoinOptions & { code: string }, ms: number) {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const found = await fetch(`${url}/api/sessions/${options.code}`);
      if (found.ok) {
        const { roomId } = (await found.json()) as FindSessionResponse;
        return { roomId, player: await enter(url, roomId, options) };
      }
      last = `${found.status}`;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Not back within ${ms} ms: ${String(last)}`);
}

const post = async <T>(url: string, path: string) => {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return { status: res.status, body: (await res.json()) as T };
};

const logOf = (code: string) => {
  const s = store as PostgresLogs;
  const ids = s.ids().filter((id) => id.startsWith(`s-${code}-`));
  expect(ids).toHaveLength(1);
  const log = s.open(ids[0] as string);
  return {
    header: log.header(),
    entries: log.entries(),
    hashes: log.roundHashes(),
    stage: log.status().stage,
  };
};
const foldOf = (code: string): SessionModel => {
  const { header, entries } = logOf(code);
  const { state, problem } = foldLog(header, entries);
  if (!state || problem) throw new Error(`no fold: ${problem?.message}`);
  return state;
};

describe.skipIf(missing !== '')('two PAROS processes sharing Redis and PostgreSQL', () => {
  let a: Server;
  let b: Server;
  let session: CreateSessionResponse;
  let teacher: Player;
  const students = {} as Record<Delegation, Player & { nickname: string; key: string; id: string }>;

  it('a session created on one process is found and joined through the other', async () => {
    [a, b] = await Promise.all([startServer(), startServer()]);
    const created = await post<CreateSessionResponse>(a.url, '/api/sessions');
    expect(created.status).toBe(201);
    session = created.body;
    // The code finds the session on the process that does not run it.
    const found = await fetch(`${b.url}/api/sessions/${session.code}`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as FindSessionResponse).roomId).toBe(session.roomId);
    teacher = await enter(a.url, session.roomId, {
      role: 'teacher',
      code: session.code,
      hostSecret: session.hostSecret,
    });
    // Students join through B (and one through A): the seat is reserved on A, and the socket opens on A.
    for (const d of DELEGATIONS) {
      const nickname = `Delegate ${d}`;
      const via = d === 'russia' ? a.url : b.url;
      const p = await enter(via, session.roomId, { role: 'student', code: session.code, nickname });
      students[d] = { ...p, nickname, key: p.welcome.memberKey ?? '', id: p.welcome.memberId ?? '' };
      expect(students[d].id).not.toBe('');
    }
    await vi.waitFor(() => expect(teacher.room.state.members.size).toBe(3), WAIT);
    // B refuses what A's room refuses, in the room's words: a forged host link.
    const forged = await new Client(b.url)
      .joinById(session.roomId, { role: 'teacher', code: session.code, hostSecret: 'x'.repeat(43) })
      .then(
        () => 'joined',
        (e: Error) => e.message,
      );
    expect(forged).toBe('That host link is not valid for this session.');
    // Join codes are claimed across processes: a second session on B gets another code.
    const other = await post<CreateSessionResponse>(b.url, '/api/sessions');
    expect(other.status).toBe(201);
    expect(other.body.code).not.toBe(session.code);
  });

  it('survives the kill of the process that runs it: the other takes it over from the log, and the class comes back', async () => {
    expect(session, 'the first test created the session').toBeDefined();
    const acknowledged: { type: string; version: number }[] = [];
    const ask = async (p: Player, type: string, payload: object = {}) => {
      const reply = (await p.room.request(type, payload)) as { version: number };
      acknowledged.push({ type, version: reply.version });
    };
    const advanceTo = async (phase: string) => {
      while (foldOf(session.code).phase !== phase) await ask(teacher, 'advancePhase', seenBy(teacher));
    };
    const orders = (d: Delegation) => {
      const w = foldOf(session.code).world;
      if (!w) throw new Error('no world');
      return affordable(w, d, balanced(w, d));
    };
    for (const d of DELEGATIONS) await ask(students[d], 'chooseSeat', { seat: d });
    await ask(teacher, 'startSession');
    await advanceTo('orders');
    for (const d of DELEGATIONS) {
      await ask(students[d], 'setOrders', { orders: orders(d) });
      await ask(students[d], 'submitOrders');
    }
    await advanceTo('resolution');
    await advanceTo('orders'); // round 2's orders: the US confirms, China drafts
    await ask(students.us, 'setOrders', { orders: orders('us') });
    await ask(students.us, 'submitOrders');
    await ask(students.china, 'setOrders', { orders: orders('china') });
    const last = acknowledged.at(-1)?.version ?? 0;
    await vi.waitFor(() => expect(teacher.room.state.version).toBe(last), WAIT);
    const round1 = logOf(session.code).hashes;
    expect(round1.map((h) => h.round)).toEqual([1]);
    const before = {
      round: teacher.room.state.round,
      phase: teacher.room.state.phase,
      orders: DELEGATIONS.map((d) => teacher.room.state.teams.get(d)?.orders),
      submitted: DELEGATIONS.map((d) => teacher.room.state.teams.get(d)?.submitted),
    };
    expect(before).toMatchObject({ round: 2, phase: 'orders', submitted: [true, false, false] });

    // ---- A dies: no shutdown, no goodbye, its lease left to lapse. ----
    for (const room of rooms) room.reconnection.enabled = false;
    const killedAt = Date.now();
    await kill(a.child, 'SIGKILL');

    // ---- The students' tabs come back through B with their seat keys. ----
    const back = {} as Record<Delegation, Player>;
    let roomId = '';
    for (const d of DELEGATIONS) {
      const s = students[d];
      const again = await comeBack(
        b.url,
        { role: 'student', code: session.code, nickname: s.nickname, memberKey: s.key },
        45_000,
      );
      roomId = again.roomId;
      back[d] = again.player;
      expect(again.player.welcome.memberId).toBe(s.id);
    }
    console.log(`The class was back on the other process ${Date.now() - killedAt} ms after the kill`);
    expect(roomId).not.toBe(session.roomId);
    expect(b.output()).toMatch(/Session s-\S+ taken over from its log\./);
    const host = await enter(b.url, roomId, {
      role: 'teacher',
      code: session.code,
      hostSecret: session.hostSecret,
    });
    await vi.waitFor(() => {
      const s = host.room.state;
      expect({
        round: s.round,
        phase: s.phase,
        orders: DELEGATIONS.map((d) => s.teams.get(d)?.orders),
        submitted: DELEGATIONS.map((d) => s.teams.get(d)?.submitted),
      }).toEqual(before);
      for (const d of DELEGATIONS)
        expect(s.members.get(students[d].id)).toMatchObject({ seat: d, status: 'connected' });
    }, WAIT);

    // Every acknowledged command is in the log; the recorded round hash is the fold's; the log verifies.
    const log = logOf(session.code);
    for (const ack of acknowledged)
      expect(log.entries.find((e) => e.version === ack.version)?.command.type, `version ${ack.version}`).toBe(
        ack.type,
      );
    expect(log.hashes).toEqual(round1);
    const atRound1 = foldLog(
      log.header,
      log.entries.filter((e) => e.seq <= (round1[0]?.seq ?? 0)),
    ).state as SessionModel;
    expect(stateHash(atRound1)).toBe(round1[0]?.hash);
    expect(verifyLog(log.header, log.entries, log.hashes)).toMatchObject({ problem: undefined });

    // The round goes on, on B: China confirms, and the resolution records round 2's hash.
    await back.china.room.request('submitOrders', {});
    await host.room.request('advancePhase', seenBy(host));
    await host.room.request('advancePhase', seenBy(host));
    await vi.waitFor(() => expect(logOf(session.code).hashes.map((h) => h.round)).toEqual([1, 2]), WAIT);
  });
});
