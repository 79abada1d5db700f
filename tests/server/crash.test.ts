/**
 * A crash in the middle of a round: the real server (`node server/main.ts`) is killed with SIGKILL while a
 * class plays, then started again on the same data folder. Nothing it acknowledged is lost: the join code
 * finds the session, its log folds to the state the class had, students take their seats back with the key
 * their tab kept (no teacher needed), the teacher comes back with the host link, and `npm run replay` finds
 * the log sound.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import type { JoinOptions } from '../../shared/protocol/toServer.ts';
import type { Welcome } from '../../shared/protocol/toClient.ts';
import type { CreateSessionResponse, FindSessionResponse } from '../../shared/protocol/http.ts';
import { foldLog, verifyLog } from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { affordable, balanced } from '../shared/rules/strategies.ts';
import { type DecodedSession, seenBy } from './harness.ts';
import { logIdOf, readLog } from './logFiles.ts';

/** How long a patch may take to arrive (generous: other test files may load the machine). */
const WAIT = { timeout: 5000, interval: 10 };
let dataDir = '';
let clientDir = '';
const children = new Set<ChildProcess>();
const rooms = new Set<Room<unknown, DecodedSession>>();

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'paros-crash-'));
  clientDir = mkdtempSync(join(tmpdir(), 'paros-crash-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PAROS crash test</title>');
});
afterAll(async () => {
  for (const room of rooms) {
    room.reconnection.enabled = false;
    if (room.connection.isOpen) await withTimeout(room.leave(), 2000, 'a leave').catch(() => undefined);
  }
  // Every server this file started is stopped, even when a test failed half-way.
  await Promise.all([...children].map((child) => kill(child)));
  for (const dir of [dataDir, clientDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** `node server/main.ts` on a free port, with this file's data folder; resolves once it says where it listens. */
async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: clientDir,
      INSTRUCTOR_KEY: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 10_000);
    const look = () => {
      const m = output.match(/http:\/\/localhost:(\d+)/);
      if (!m) return;
      clearTimeout(timer);
      resolve(`http://127.0.0.1:${m[1]}`);
    };
    child.stdout?.on('data', look);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}):\n${output}`));
    });
  });
  return { url, child, output: () => output };
}

function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 2000).unref();
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Player {
  room: Room<unknown, DecodedSession>;
  welcome: Welcome;
}

/** Joins a session's room with a real SDK client, and waits for the server's welcome. */
async function enter(url: string, roomId: string, options: JoinOptions): Promise<Player> {
  const room = (await new Client(url).joinById(roomId, options)) as Room<unknown, DecodedSession>;
  rooms.add(room);
  const welcome = await withTimeout(
    new Promise<Welcome>((resolve) => room.onMessage('welcome', resolve)),
    5000,
    'the welcome message',
  );
  return { room, welcome };
}

async function http<T>(url: string, path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, init);
  return { status: res.status, body: (await res.json()) as T };
}

const foldOf = (code: string): SessionModel => {
  const { header, entries } = readLog(dataDir, code);
  const { state, problem } = foldLog(header, entries);
  if (!state || problem) throw new Error(`no fold: ${problem?.message}`);
  return state;
};

/** What the teacher's screen shows of the class: the parts a crash must not lose. */
function classAsSeen(teacher: Player) {
  const s = teacher.room.state;
  return {
    stage: s.stage,
    round: s.round,
    phase: s.phase,
    members: Object.fromEntries(
      [...s.members.keys()].map((id) => [
        id,
        { nickname: s.members.get(id)?.nickname, seat: s.members.get(id)?.seat },
      ]),
    ),
    teams: Object.fromEntries(
      DELEGATIONS.map((d) => [
        d,
        {
          submitted: s.teams.get(d)?.submitted,
          orders: s.teams.get(d)?.orders,
          draft: s.teams.get(d)?.draft,
        },
      ]),
    ),
  };
}
/** The same, from a state folded from the log. */
function classAsFolded(m: SessionModel) {
  return {
    stage: m.stage,
    round: m.round,
    phase: m.phase,
    members: Object.fromEntries(
      Object.values(m.members).map((x) => [x.id, { nickname: x.nickname, seat: x.seat }]),
    ),
    teams: Object.fromEntries(
      DELEGATIONS.map((d) => [
        d,
        {
          submitted: m.teams[d].submitted,
          orders: JSON.stringify(m.teams[d].orders),
          draft: m.teams[d].draft,
        },
      ]),
    ),
  };
}

describe('a server killed in the middle of a round', () => {
  it('comes back with everything it acknowledged, and the class takes its seats back', async () => {
    // ---- Before the crash: a class plays round 1 and is halfway through round 2's orders. ----
    const first = await startServer();
    const created = await http<CreateSessionResponse>(first.url, '/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(created.status).toBe(201);
    const session = created.body;
    const teacher = await enter(first.url, session.roomId, {
      role: 'teacher',
      code: session.code,
      hostSecret: session.hostSecret,
    });
    const students = {} as Record<Delegation, Player & { nickname: string; key: string; id: string }>;
    for (const d of DELEGATIONS) {
      const nickname = `Delegate ${d}`;
      const p = await enter(first.url, session.roomId, { role: 'student', code: session.code, nickname });
      students[d] = { ...p, nickname, key: p.welcome.memberKey ?? '', id: p.welcome.memberId ?? '' };
      expect(students[d].key).not.toBe('');
    }

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
    for (const round of [1, 2]) {
      await advanceTo('negotiation');
      await ask(students.us, 'editDraft', { text: `Round ${round}: ask Beijing about debris.` });
      await advanceTo('orders');
      await ask(students.us, 'setOrders', { orders: orders('us') });
      await ask(students.us, 'submitOrders');
      await ask(students.china, 'setOrders', { orders: orders('china') });
      await ask(students.china, 'submitOrders');
      await ask(students.russia, 'setOrders', { orders: orders('russia') }); // drafted, not confirmed
      if (round === 1) await advanceTo('resolution');
    }
    const last = acknowledged.at(-1)?.version ?? 0;
    await vi.waitFor(() => expect(teacher.room.state.version).toBe(last), WAIT);
    const before = classAsSeen(teacher);
    expect(before).toMatchObject({ stage: 'playing', round: 2, phase: 'orders' });
    expect(
      before.teams.us?.submitted && before.teams.china?.submitted && !before.teams.russia?.submitted,
    ).toBe(true);

    // ---- The crash: no shutdown, no goodbye to anyone. ----
    for (const room of rooms) room.reconnection.enabled = false;
    await kill(first.child, 'SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');
    writeFileSync(join(dataDir, 'sessions', 's-BR0KEN-1.sqlite'), 'a file that is not a log'.repeat(100));

    // ---- The restart, on the same data folder. ----
    const second = await startServer();
    const found = await http<FindSessionResponse>(second.url, `/api/sessions/${session.code}`);
    expect(found).toMatchObject({ status: 200, body: { stage: 'playing' } });
    expect(second.output()).toMatch(/Session s-BR0KEN-1 was not restored: .*file is not a database/);
    expect(second.output()).toContain(`Session ${logIdOf(dataDir, session.code)} restored from its log.`);

    // Every acknowledged command is in the log, and the log up to the last of them folds to what the class saw.
    const log = readLog(dataDir, session.code);
    for (const ack of acknowledged) {
      expect(log.entries.find((e) => e.version === ack.version)?.command.type, `version ${ack.version}`).toBe(
        ack.type,
      );
    }
    const upToCrash = log.entries.filter((e) => e.version <= last);
    const atCrash = foldLog(log.header, upToCrash).state as SessionModel;
    expect(atCrash.version).toBe(last);
    expect(classAsFolded(atCrash)).toEqual(before);
    // The only entries since: the restart marking the students who were connected as away.
    expect(log.entries.slice(upToCrash.length).map((e) => [e.actor.kind, e.command])).toEqual(
      DELEGATIONS.map((d) => ['system', { type: 'memberDropped', memberId: students[d].id }]),
    );
    const now = foldOf(session.code);
    expect(Object.values(now.members).map((m) => m.status)).toEqual(['away', 'away', 'away']);
    expect(verifyLog(log.header, log.entries, log.hashes)).toMatchObject({ problem: undefined });
    expect(log.hashes.map((h) => h.round)).toEqual([1]);

    // ---- The class comes back: students first, with the key their tab kept, and no teacher yet. ----
    const roomId = found.body.roomId;
    for (const d of DELEGATIONS) {
      const s = students[d];
      const back = await enter(second.url, roomId, {
        role: 'student',
        code: session.code,
        nickname: s.nickname,
        memberKey: s.key,
      });
      expect(back.welcome.memberId).toBe(s.id);
      await vi.waitFor(() => {
        const me = back.room.state.members.get(s.id);
        expect(me).toMatchObject({ seat: d, status: 'connected' });
        expect(back.room.state.teams.get(d)?.orders).toBe(before.teams[d]?.orders);
      }, WAIT);
      expect(back.room.state.hostConnected).toBe(false);
    }
    expect(foldOf(session.code).members).toMatchObject(
      Object.fromEntries(DELEGATIONS.map((d) => [students[d].id, { seat: d, status: 'connected' }])),
    );

    // The teacher comes back with the host link, and sees the class as it was.
    const wrong = await new Client(second.url)
      .joinById(roomId, { role: 'teacher', code: session.code, hostSecret: 'x'.repeat(43) })
      .then(
        () => 'joined',
        (e: Error) => e.message,
      );
    expect(wrong).toBe('That host link is not valid for this session.');
    const host = await enter(second.url, roomId, {
      role: 'teacher',
      code: session.code,
      hostSecret: session.hostSecret,
    });
    await vi.waitFor(() => expect(classAsSeen(host)).toEqual(before), WAIT);
    expect(host.room.state.version).toBe(last + 6); // three students away, then back

    // The round goes on: the confirmed orders are played at the resolution.
    await host.room.request('advancePhase', seenBy(host));
    await vi.waitFor(() => expect(host.room.state.phase).toBe('resolution'), WAIT);
    expect(readLog(dataDir, session.code).hashes.map((h) => h.round)).toEqual([1, 2]);

    // ---- npm run replay -- <code> finds the log sound. ----
    const replay = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['server/log/replayCli.ts', session.code], {
        env: { ...process.env, DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let out = '';
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
      });
      child.stderr?.on('data', (c: Buffer) => {
        out += c.toString();
      });
      child.once('exit', (code) => {
        children.delete(child);
        resolve({ code, out });
      });
    });
    expect(replay.out).toContain('The log is sound.');
    expect(replay.out).toContain('2 round hash(es) checked.');
    expect(replay.code).toBe(0);
  });
});
