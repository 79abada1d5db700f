/**
 * PAROS on three processes sharing a real Redis and a real PostgreSQL (both started by this file, see
 * services.ts), each process a real `node server/main.ts` on its own port with PUBLIC_ADDRESS. A session
 * created on one process is found and joined through the others (Colyseus reserves the seat on the process that
 * runs the room and sends the browser there); join codes and rate limits hold across processes. The class plays;
 * the process running the session is told to stop (SIGTERM): it hands the session over and exits 0, and another
 * process restores it at once. The class plays on; that process is killed (SIGKILL): the last one takes the
 * session over from its PostgreSQL log when the lease lapses. Each time the students' tabs find their seats
 * again with their seat keys, the state is the one the class had (every acknowledged command, the recorded round
 * hashes), and the round goes on.
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

/** Wrong join codes a network may try in a minute, on every process here (the default is 30). */
const FAILED_LOOKUPS = 4;

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
      TRUST_PROXY: 'loopback', // this file's requests may say which school they come from (X-Forwarded-For)
      FAILED_LOOKUPS_PER_MINUTE: String(FAILED_LOOKUPS),
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

/** Sends `signal` and resolves with the exit code (null when the signal ended the process). */
function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
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

/** Looks a code up as a school behind the proxy at `network` would. */
const lookUp = async (url: string, code: string, network: string) => {
  const res = await fetch(`${url}/api/sessions/${code}`, { headers: { 'x-forwarded-for': network } });
  return { status: res.status, body: (await res.json()) as { error?: string; roomId?: string } };
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

describe.skipIf(missing !== '')('three PAROS processes sharing Redis and PostgreSQL', () => {
  let servers: Server[] = [];
  let session: CreateSessionResponse;
  let teacher: Player;
  const students = {} as Record<Delegation, Player & { nickname: string; key: string; id: string }>;
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
  /** What the teacher's screen shows of the round and the teams. */
  const seen = (p: Player) => {
    const s = p.room.state;
    return {
      round: s.round,
      phase: s.phase,
      orders: DELEGATIONS.map((d) => s.teams.get(d)?.orders),
      submitted: DELEGATIONS.map((d) => s.teams.get(d)?.submitted),
    };
  };
  /** Every acknowledged command is in the log at its version, and the log verifies. */
  const expectEveryAcknowledgedCommand = () => {
    const log = logOf(session.code);
    for (const ack of acknowledged)
      expect(log.entries.find((e) => e.version === ack.version)?.command.type, `version ${ack.version}`).toBe(
        ack.type,
      );
    expect(verifyLog(log.header, log.entries, log.hashes)).toMatchObject({ problem: undefined });
    return log;
  };
  /** The class's tabs come back through `via` with their seat keys (and the teacher with the host link). */
  const classComesBack = async (via: Server, ms: number) => {
    let roomId = '';
    for (const d of DELEGATIONS) {
      const s = students[d];
      const again = await comeBack(
        via.url,
        { role: 'student', code: session.code, nickname: s.nickname, memberKey: s.key },
        ms,
      );
      roomId = again.roomId;
      students[d] = { ...s, ...again.player };
      expect(again.player.welcome.memberId).toBe(s.id);
    }
    teacher = await enter(via.url, roomId, {
      role: 'teacher',
      code: session.code,
      hostSecret: session.hostSecret,
    });
    return roomId;
  };
  const expectSeatsAndState = async (before: ReturnType<typeof seen>) => {
    await vi.waitFor(() => {
      expect(seen(teacher)).toEqual(before);
      for (const d of DELEGATIONS)
        expect(teacher.room.state.members.get(students[d].id)).toMatchObject({
          seat: d,
          status: 'connected',
        });
    }, WAIT);
  };
  const dropTabs = () => {
    for (const room of rooms) room.reconnection.enabled = false;
  };

  it('a session created on one process is found and joined through the others; codes are claimed across processes', async () => {
    servers = await Promise.all([startServer(), startServer(), startServer()]);
    const [a, b, c] = servers as [Server, Server, Server];
    const created = await post<CreateSessionResponse>(a.url, '/api/sessions');
    expect(created.status).toBe(201);
    session = created.body;
    // The code finds the session on the processes that do not run it.
    for (const other of [b, c]) {
      const found = await fetch(`${other.url}/api/sessions/${session.code}`);
      expect(found.status).toBe(200);
      expect(((await found.json()) as FindSessionResponse).roomId).toBe(session.roomId);
    }
    teacher = await enter(a.url, session.roomId, {
      role: 'teacher',
      code: session.code,
      hostSecret: session.hostSecret,
    });
    // Students join through B, C and A: the seat is reserved on A, and the socket opens on A.
    const via: Record<Delegation, Server> = { us: b, china: c, russia: a };
    for (const d of DELEGATIONS) {
      const nickname = `Delegate ${d}`;
      const p = await enter(via[d].url, session.roomId, { role: 'student', code: session.code, nickname });
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
    // Join codes are claimed across processes: sessions made on B and C at once get other codes.
    const others = await Promise.all(
      [b, c, b, c].map((s) => post<CreateSessionResponse>(s.url, '/api/sessions')),
    );
    const codes = [session.code, ...others.map((o) => o.body.code)];
    expect(others.map((o) => o.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('a rate limit reached through one process holds on the others', async () => {
    expect(session, 'the first test created the session').toBeDefined();
    const [a, b, c] = servers as [Server, Server, Server];
    const school = '203.0.113.7';
    // Wrong codes through A, up to the limit: each is a plain 404.
    for (const code of ['ZZZZZZ', 'ZZZZZY', 'ZZZZZX', 'ZZZZZW'].slice(0, FAILED_LOOKUPS))
      expect((await lookUp(a.url, code, school)).status).toBe(404);
    // B and C count them too: the school may try no new code, right or wrong, until the minute is over.
    const onB = await lookUp(b.url, 'ZZZZZV', school);
    expect(onB.status).toBe(429);
    expect(onB.body.error).toMatch(/^Too many wrong join codes from this network\. Wait .+ and try again\.$/);
    expect((await lookUp(c.url, session.code, school)).status).toBe(429);
    // Another school is not held back by this one.
    expect((await lookUp(c.url, session.code, '198.51.100.9')).status).toBe(200);
  });

  it('a process told to stop (SIGTERM) hands its session over and exits 0; another restores it at once, and the class comes back', async () => {
    expect(session, 'the first test created the session').toBeDefined();
    const [a] = servers as [Server, Server, Server];
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
    expect(logOf(session.code).hashes.map((h) => h.round)).toEqual([1]);
    const before = seen(teacher);
    expect(before).toMatchObject({ round: 2, phase: 'orders', submitted: [true, false, false] });

    // ---- A is told to stop: it hands the session over and exits 0. ----
    dropTabs();
    const stoppedAt = Date.now();
    expect(await kill(a.child, 'SIGTERM')).toBe(0);
    expect(a.output()).toContain('PAROS is stopping: handing 1 session over to the other processes.');
    expect(a.output()).toContain('PAROS stopped: its sessions were handed over.');
    servers = servers.filter((s) => s !== a);
    // One of the others restored it on hearing of the hand-over, not on finding a lapsed lease.
    const handedOver = /Session s-\S+ taken over from its log, handed over by a process that stopped\./;
    await vi.waitFor(() => expect(servers.filter((s) => handedOver.test(s.output()))).toHaveLength(1), WAIT);
    const holder = servers.find((s) => handedOver.test(s.output())) as Server;
    const other = servers.find((s) => s !== holder) as Server;

    // ---- The tabs come back through the other process, to their seats. ----
    const roomId = await classComesBack(other, 20_000);
    console.log(`The class was back ${Date.now() - stoppedAt} ms after SIGTERM`);
    expect(roomId).not.toBe(session.roomId);
    await expectSeatsAndState(before);
    expectEveryAcknowledgedCommand();
    expect(logOf(session.code).hashes.map((h) => h.round)).toEqual([1]);
    session = { ...session, roomId };
  });

  it('survives the kill (SIGKILL) of the process that runs it: the last one takes it over from the log, and the class comes back', async () => {
    expect(servers, 'the SIGTERM test left two processes').toHaveLength(2);
    const holder = servers.find((s) => /handed over by a process that stopped/.test(s.output())) as Server;
    const survivor = servers.find((s) => s !== holder) as Server;
    // The class plays on, on the process that took the session over: China confirms, Russia drafts.
    await ask(students.china, 'submitOrders');
    await ask(students.russia, 'setOrders', { orders: orders('russia') });
    const last = acknowledged.at(-1)?.version ?? 0;
    await vi.waitFor(() => expect(teacher.room.state.version).toBe(last), WAIT);
    const round1 = logOf(session.code).hashes;
    expect(round1.map((h) => h.round)).toEqual([1]);
    const before = seen(teacher);
    expect(before).toMatchObject({ round: 2, phase: 'orders', submitted: [true, true, false] });

    // ---- The holder dies: no shutdown, no goodbye, its lease left to lapse. ----
    dropTabs();
    const killedAt = Date.now();
    await kill(holder.child, 'SIGKILL');
    servers = [survivor];

    // ---- The students' tabs come back through the survivor with their seat keys. ----
    const roomId = await classComesBack(survivor, 45_000);
    console.log(`The class was back on the last process ${Date.now() - killedAt} ms after the kill`);
    expect(roomId).not.toBe(session.roomId);
    expect(survivor.output()).toMatch(/Session s-\S+ taken over from its log\./);
    await expectSeatsAndState(before);

    // Every acknowledged command is in the log; the recorded round hash is the fold's; the log verifies.
    const log = expectEveryAcknowledgedCommand();
    expect(log.hashes).toEqual(round1);
    const atRound1 = foldLog(
      log.header,
      log.entries.filter((e) => e.seq <= (round1[0]?.seq ?? 0)),
    ).state as SessionModel;
    expect(stateHash(atRound1)).toBe(round1[0]?.hash);

    // The round goes on: Russia confirms, and the resolution records round 2's hash.
    await students.russia.room.request('submitOrders', {});
    await teacher.room.request('advancePhase', seenBy(teacher));
    await teacher.room.request('advancePhase', seenBy(teacher));
    await vi.waitFor(() => expect(logOf(session.code).hashes.map((h) => h.round)).toEqual([1, 2]), WAIT);
  });
});
