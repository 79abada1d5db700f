/**
 * A data folder that cannot be written. Commands were refused as `notAllowed`, a failed create left a 0-byte log
 * later listed as damaged, members restored after a restart showed as connected, and /healthz said ok. Now: a
 * refusal that says what is wrong (`storage`), creation that leaves nothing behind, /healthz 503, a banner for the
 * teacher, restored members away, and everything back to normal once there is room again.
 *
 * How the folder is made unwritable, honestly: tests here often run as root, where `chmod 0555` stops nothing.
 * Where `mount -t tmpfs` works (root with the capability), the data folder is a 4 MiB tmpfs that a filler file
 * fills to the last byte: a disk that is really full, for the running server and for its restart. Elsewhere (not
 * root), the sessions folder is made read-only with chmod, which covers creation and /healthz; a running log
 * keeps its open file and is not covered there, and those tests are skipped with that reason.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CreateSessionResponse, FindSessionResponse } from '../../../shared/protocol/http.ts';
import type { Welcome } from '../../../shared/protocol/toClient.ts';
import type { JoinOptions } from '../../../shared/protocol/toServer.ts';
import { foldLog } from '../../../shared/session/log.ts';
import { STORAGE_MESSAGE } from '../../../shared/session/refusal.ts';
import type { DecodedSession } from '../harness.ts';
import { readLog } from '../logFiles.ts';

const WAIT = { timeout: 8000, interval: 20 };
const children = new Set<ChildProcess>();
const rooms = new Set<Room<unknown, DecodedSession>>();
let clientDir = '';

/** A 4 MiB tmpfs at a fresh folder, or undefined (with why) where this machine does not allow mounting one. */
function mountSmallDisk(): { dir: string } | { why: string } {
  const dir = mkdtempSync(join(tmpdir(), 'paros-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return { dir };
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return { why: 'mount -t tmpfs is not allowed here (not root, or no capability)' };
  }
}

const disk =
  process.getuid?.() === 0 ? mountSmallDisk() : { why: 'not root: a read-only folder is used instead' };
const tmpfs = 'dir' in disk ? disk.dir : undefined;

/** Fills the disk to the last byte (again: a failed write may have freed a few pages); `free` empties it. */
function fill(dir: string) {
  const filler = join(dir, `filler-${readdirSync(dir).length}`);
  try {
    writeFileSync(filler, Buffer.alloc(16 * 1024 * 1024, 1));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
  }
}
function free(dir: string) {
  for (const f of readdirSync(dir)) if (f.startsWith('filler-')) rmSync(join(dir, f));
}

beforeAll(() => {
  clientDir = mkdtempSync(join(tmpdir(), 'paros-storage-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PAROS storage test</title>');
});
afterAll(async () => {
  for (const room of rooms) room.reconnection.enabled = false;
  await Promise.all([...children].map((child) => kill(child)));
  if (tmpfs) {
    execFileSync('umount', ['-l', tmpfs]);
    rmSync(tmpfs, { recursive: true, force: true });
  }
  rmSync(clientDir, { recursive: true, force: true });
});

/** `node server/main.ts` on a free port with `dataDir`; resolves once it says where it listens. */
async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: clientDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
    if (process.env.DEBUG_STORAGE) process.stderr.write(c);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 15_000);
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const m = output.match(/http:\/\/localhost:(\d+)/);
      if (!m) return;
      clearTimeout(timer);
      resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}):\n${output}`));
    });
  });
  return { url, child };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function http<T>(url: string, path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, init);
  return { status: res.status, body: (await res.json()) as T };
}

const create = (url: string) =>
  http<CreateSessionResponse & { error?: string }>(url, '/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });

async function enter(url: string, options: JoinOptions) {
  const { body } = await http<FindSessionResponse>(url, `/api/sessions/${options.code}`);
  const room = (await new Client(url).joinById(body.roomId, options)) as Room<unknown, DecodedSession>;
  rooms.add(room);
  const welcome = await vi.waitFor(
    () =>
      new Promise<Welcome>((resolve, reject) => {
        room.onMessage('welcome', resolve);
        setTimeout(() => reject(new Error('no welcome yet')), 5000);
      }),
    { timeout: 6000 },
  );
  return { room, welcome };
}

/** The refusal a request gets, or 'accepted'. */
async function answer(room: Room, type: string, payload: object): Promise<unknown> {
  try {
    await room.request(type, payload, { timeout: 5000 } as never);
    return 'accepted';
  } catch (e) {
    return (e as { reason?: unknown }).reason ?? e;
  }
}

const files = (dir: string) =>
  readdirSync(dir)
    .map((f) => `${f} ${statSync(join(dir, f)).size > 0 ? 'non-empty' : 'EMPTY'}`)
    .sort();

describe.skipIf(!tmpfs)(`a full data folder (a 4 MiB tmpfs; ${'why' in disk ? disk.why : 'mounted'})`, () => {
  it('refuses as storage in words, tells the teacher and /healthz, creates nothing, and recovers with room', async () => {
    const dataDir = tmpfs as string;
    const sessions = join(dataDir, 'sessions');
    let server = await startServer(dataDir);
    expect(await http(server.url, '/healthz')).toMatchObject({
      status: 200,
      body: { ok: true, storage: 'ok' },
    });
    const { body: session } = await create(server.url);
    const teacher = await enter(server.url, {
      role: 'teacher',
      code: session.code,
      hostSecret: session.hostSecret,
    });
    const student = await enter(server.url, { role: 'student', code: session.code, nickname: 'Ana' });
    const memberId = student.welcome.memberId as string;
    const memberKey = student.welcome.memberKey as string;
    expect(await answer(student.room, 'chooseSeat', { seat: 'us' })).toBe('accepted');

    fill(dataDir);
    // What the student did is refused in words, and nothing changed.
    expect(await answer(student.room, 'chooseSeat', { seat: 'china' })).toEqual({
      code: 'storage',
      message: STORAGE_MESSAGE,
    });
    await vi.waitFor(
      () => expect(teacher.room.state.host?.storage).toMatch(/^The data folder is full\. /),
      WAIT,
    );
    expect(teacher.room.state.members.get(memberId)?.seat).toBe('us');
    expect(student.room.state.host).toBeUndefined(); // the banner is the teacher's
    expect(await http(server.url, '/healthz')).toMatchObject({
      status: 503,
      body: { ok: false, storage: 'The data folder is full.' },
    });
    // A new session cannot be saved: refused in words, and no log (not even an empty one) is left behind.
    const before = files(sessions);
    const refused = await create(server.url);
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe(
      'The server could not save the new session. The data folder is full. Nothing was created; tell whoever runs the server.',
    );
    expect(files(sessions)).toEqual(before);

    // A restart on a folder that cannot be written at all (SQLite may find a few free pages on a full disk when
    // it reopens a log, so the disk is now made read-only): the session comes back from its log, its members
    // away (they showed as connected) until they return.
    for (const room of rooms) room.reconnection.enabled = false;
    await kill(server.child);
    free(dataDir);
    execFileSync('mount', ['-o', 'remount,ro', dataDir]);
    server = await startServer(dataDir);
    const back = await enter(server.url, {
      role: 'teacher',
      code: session.code,
      hostSecret: session.hostSecret,
    });
    await vi.waitFor(() => expect(back.room.state.members.get(memberId)?.status).toBe('away'), WAIT);
    await vi.waitFor(
      () => expect(back.room.state.host?.storage).toMatch(/^The data folder cannot be written\. /),
      WAIT,
    );
    expect(await http(server.url, '/healthz')).toMatchObject({
      status: 503,
      body: { ok: false, storage: 'The data folder cannot be written.' },
    });
    // The student's tab takes the seat back with its key, on the full disk too.
    const again = await enter(server.url, {
      role: 'student',
      code: session.code,
      nickname: 'Ana',
      memberKey,
    });
    expect(again.welcome.memberId).toBe(memberId);
    await vi.waitFor(() => expect(back.room.state.members.get(memberId)?.status).toBe('connected'), WAIT);
    expect((await answer(again.room, 'chooseSeat', { seat: 'china' })) as { code: string }).toMatchObject({
      code: 'storage',
    });

    // Writable again: the next action is saved, the banner goes, /healthz is ok once it probes again.
    execFileSync('mount', ['-o', 'remount,rw', dataDir]);
    expect(await answer(again.room, 'chooseSeat', { seat: 'china' })).toBe('accepted');
    await vi.waitFor(() => expect(back.room.state.host?.storage).toBe(''), WAIT);
    await vi.waitFor(
      async () =>
        expect(await http(server.url, '/healthz')).toMatchObject({ status: 200, body: { ok: true } }),
      { timeout: 12_000, interval: 500 },
    );
    for (const room of rooms) room.reconnection.enabled = false;
    await kill(server.child);
    // The presence entries that waited in memory were written in order: the log still folds, to the class's state.
    const { header, entries } = readLog(dataDir, session.code);
    const { state, problem } = foldLog(header, entries);
    expect(problem).toBeUndefined();
    expect(state?.members[memberId]).toMatchObject({ seat: 'china', status: 'connected' });
    expect(files(sessions).filter((f) => f.endsWith('EMPTY') || f.includes('.creating'))).toEqual([]);
  });
});

describe.skipIf(process.getuid?.() === 0)('a read-only sessions folder (chmod 0555; not root)', () => {
  it('refuses a new session in words, leaves no log, and /healthz says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'paros-readonly-'));
    const server = await startServer(dataDir);
    try {
      chmodSync(join(dataDir, 'sessions'), 0o555);
      const refused = await create(server.url);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatch(/^The server could not save the new session\. /);
      expect(readdirSync(join(dataDir, 'sessions'))).toEqual([]);
      expect(await http(server.url, '/healthz')).toMatchObject({
        status: 503,
        body: { ok: false, storage: 'The data folder cannot be written.' },
      });
    } finally {
      await kill(server.child);
      chmodSync(join(dataDir, 'sessions'), 0o755);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
