/**
 * Load benchmark: a generator of real SDK clients, in its own process, against the PAROS server in a child
 * process on a free loopback port. For each session count S it creates S sessions, fills each with a teacher,
 * a projector and 30 students (10 per delegation), turns timers off, moves to the orders phase, and measures
 * two paces: classroom (each student edits its draft every 10-20 s) and stress (every student edits every 2 s,
 * every team submits every 20 s). See docs/performance.md for what each figure means.
 *
 *   npm run bench:load -- --sessions 1,10,30 --seconds 20
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from '@colyseus/sdk';
import {
  cpuPressureMicros,
  machineCpu,
  processCpuMs,
  processMemoryKiB,
  residentByKindKiB,
} from './lib/proc.ts';
import {
  collectAndMeasureAll,
  type HeapFigures,
  inspectHeap,
  type ServerHandle,
  serveFlags,
  startServers,
} from './lib/server.ts';
import { missingServices, startPostgres, startRedis } from '../tests/server/scale/services.ts';
import { type BenchRoom, SessionRun, type Student, TEAMS } from './lib/session.ts';
import { bump, round, type Summary, seededRandom, summarize } from './lib/stats.ts';

const STUDENTS_PER_SESSION = 30;
const JOIN_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 10_000;
const FENCE_TIMEOUT_MS = 10_000;
const OTHER_PROCESSES_LIMIT = 25; // % of one core used by other processes above which a window is disturbed
const MAX_IN_FLIGHT_PER_STUDENT = 4; // beyond this a student skips its turn (counted), so a stall cannot pile up
const PACES = ['classroom', 'stress'] as const;
type Pace = (typeof PACES)[number];

const USAGE = `Usage: npm run bench:load -- [options]
  --sessions LIST         session counts to run, one fresh server each (default 1,10,30,50,100)
  --seconds N             measured seconds per pace (default 30)
  --warmup N              seconds of load before each measured window (default 5)
  --paces LIST            classroom,stress (default both)
  --join-concurrency N    student joins in flight at once (default 30: a class joining together)
  --seed N                seed of the action schedule (default 1)
  --max-minutes N         hard limit for the whole run; past it, it cleans up and writes what it has (default 40)
  --retries N             repeat a window disturbed by other processes up to N times, report the least
                          disturbed (default 1)
  --quiet-wait N          before each session count and pace, wait up to N s for other processes to calm
                          down (default 15; 0 = never wait)
  --out FILE              JSON results (default bench/results/load-<time>.json)
  --node-flags "LIST"     the server's Node options, instead of those of \`npm run serve\` (space-separated;
                          "" for Node's defaults), e.g. to compare V8 settings
  --processes LIST        run each session count on 1, 2, 3… PAROS processes sharing a Redis and a PostgreSQL
                          (started on loopback like the scale-out tests'), and report the scale
  --memory-detail         after filling, also record resident memory by kind (/proc smaps_rollup) and V8's heap
                          spaces before the forced GC, and write a heap snapshot of the server beside the results
  --bare                  then run each session count on a bare Colyseus room doing the same work
                          (bench/bare/server.ts): the baseline for PAROS's server CPU per action`;

interface Options {
  sessions: number[];
  seconds: number;
  warmup: number;
  paces: Pace[];
  joinConcurrency: number;
  seed: number;
  maxMinutes: number;
  quietWait: number;
  retries: number;
  out: string;
  memoryDetail: boolean;
  nodeFlags: string[] | undefined;
  bare: boolean;
  processes: number[] | undefined;
}

const repoRoot = resolve(import.meta.dirname, '..');

function positive(name: string, raw: string, integer = false): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, not "${raw}".`);
  }
  return n;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sessions: { type: 'string', default: '1,10,30,50,100' },
      seconds: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '5' },
      paces: { type: 'string', default: PACES.join(',') },
      'join-concurrency': { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      'max-minutes': { type: 'string', default: '40' },
      'quiet-wait': { type: 'string', default: '15' },
      retries: { type: 'string', default: '1' },
      out: { type: 'string' },
      'memory-detail': { type: 'boolean', default: false },
      bare: { type: 'boolean', default: false },
      'node-flags': { type: 'string' },
      processes: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const paces = values.paces.split(',').map((p) => p.trim());
  for (const p of paces) {
    if (!(PACES as readonly string[]).includes(p))
      throw new Error(`Unknown pace "${p}": use ${PACES.join(',')}.`);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return {
    sessions: values.sessions.split(',').map((s) => positive('sessions', s.trim(), true)),
    seconds: positive('seconds', values.seconds),
    warmup: values.warmup === '0' ? 0 : positive('warmup', values.warmup),
    paces: paces as Pace[],
    joinConcurrency: positive('join-concurrency', values['join-concurrency'], true),
    seed: positive('seed', values.seed, true),
    maxMinutes: positive('max-minutes', values['max-minutes']),
    quietWait: values['quiet-wait'] === '0' ? 0 : positive('quiet-wait', values['quiet-wait']),
    retries: values.retries === '0' ? 0 : positive('retries', values.retries, true),
    out: values.out ?? join(repoRoot, 'bench', 'results', `load-${stamp}.json`),
    memoryDetail: values['memory-detail'],
    bare: values.bare,
    nodeFlags: values['node-flags']?.split(/\s+/).filter((f) => f !== ''),
    processes: values.processes?.split(',').map((p) => positive('processes', p.trim(), true)),
  };
}

// ---- run-wide state, so a signal or the watchdog can clean up whatever is open ----

const openRooms = new Set<BenchRoom>();
const memberIds = new WeakMap<BenchRoom, string>(); // a student connection's member id, from its welcome
let activeServer: ServerHandle | undefined;
let activeSessions: SessionRun[] = [];
let closing = false; // drops after this are ours, not errors
let aborted = false;
let inFlight = 0;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !aborted) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Rejects after `ms`; a join that completes later is closed at once, so no connection leaks. */
function joinWithTimeout(join: Promise<BenchRoom>, ms: number): Promise<BenchRoom> {
  let timedOut = false;
  return Promise.race([
    join.then((room) => {
      if (timedOut) {
        room.leave(true).catch(() => {});
      }
      return room;
    }),
    sleep(ms).then(() => {
      timedOut = true;
      throw new Error(`join timed out after ${ms} ms`);
    }),
  ]);
}

function firstState(room: BenchRoom, ms: number): Promise<void> {
  if (typeof room.state?.version === 'number') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no state within ${ms} ms`)), ms);
    room.onStateChange.once(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function errorKey(e: unknown): string {
  const err = e as { name?: string; message?: string; code?: unknown; reason?: { code?: string } };
  if (err?.name === 'rejected') return `refused:${err.reason?.code ?? '?'}`;
  return (err?.message ?? String(e)).replace(/room "[^"]+"/g, 'room "<id>"').slice(0, 120);
}

/** Hooks every connection gets: no auto-reconnect (a drop is counted, not hidden), drops and errors counted. */
function adopt(room: BenchRoom, drops: Record<string, number>): BenchRoom {
  room.reconnection.enabled = false;
  room.onMessage('welcome', (welcome: { memberId?: string }) => {
    if (welcome?.memberId) memberIds.set(room, welcome.memberId);
  });
  room.onLeave((code) => {
    openRooms.delete(room);
    if (!closing) bump(drops, `left:${code}`);
  });
  room.onError((code, message) => bump(drops, `error:${code}:${message ?? ''}`.slice(0, 120)));
  openRooms.add(room);
  return room;
}

// ---- one measured window ----

interface PaceResult {
  pace: Pace;
  seconds: number;
  started: number; // actions started inside the window
  accepted: number; // of those, accepted and seen by every client
  acceptedRepliesInWindow: number; // accepted replies that arrived inside the window: the CPU divisor
  acceptedPerSecond: number;
  acceptedByCommand: Record<string, number>;
  refused: Record<string, number>;
  errors: Record<string, number>;
  skipped: number;
  update: Summary; // request -> every client of the session has state.version >= reply.version, ms
  reply: Summary; // request -> reply at the sender, ms
  serverCpuMs: number;
  serverCpuPerActionMs: number;
  serverCpuBeyondIdlePerActionMs: number; // the same less the filled-but-quiet server's CPU over the window
  serverCpuPercentOfCore: number;
  generatorCpuPercentOfCore: number;
  generatorCpuPerActionMs: number;
  machineBusyPercent: number; // all cores together, 100 = every core busy
  otherProcessesPercentOfCore: number; // machine busy minus server and generator: other work on the machine
  cpuPressurePercent: number; // share of the window in which some runnable task waited for a CPU (PSI)
  generatorLoopDelayP99Ms: number;
  serverRssEndKiB: number;
  before?: CpuSample; // just before the pace started: how busy other processes were
  attempts?: number; // windows run for this pace (more than 1 when other processes disturbed one)
  otherAttempts?: Omit<PaceResult, 'samples'>[];
  samples: { update: number[]; reply: number[] };
}

class Recorder {
  open = false;
  started = 0;
  accepted = 0;
  acceptedRepliesInWindow = 0;
  skipped = 0;
  acceptedByCommand: Record<string, number> = {};
  refused: Record<string, number> = {};
  errors: Record<string, number> = {};
  update: number[] = [];
  reply: number[] = [];
  private t0 = 0;
  private t1 = 0;
  private server0 = 0;
  private server1 = 0;
  private machine0 = machineCpu();
  private machine1 = machineCpu();
  private gen0 = process.cpuUsage();
  private gen1 = process.cpuUsage();
  private pressure0: number | undefined;
  private pressure1: number | undefined;
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private readonly pid: readonly number[];

  constructor(pid: readonly number[]) {
    this.pid = pid;
    this.loop.enable();
  }

  begin(): void {
    this.loop.reset();
    this.server0 = processCpuMs(this.pid);
    this.machine0 = machineCpu();
    this.gen0 = process.cpuUsage();
    this.pressure0 = cpuPressureMicros();
    this.t0 = performance.now();
    this.open = true;
  }

  end(): void {
    this.open = false;
    this.t1 = performance.now();
    this.server1 = processCpuMs(this.pid);
    this.machine1 = machineCpu();
    this.gen1 = process.cpuUsage(this.gen0);
    this.pressure1 = cpuPressureMicros();
    this.loop.disable();
  }

  result(pace: Pace, idleServerPercentOfCore: number): PaceResult {
    const wallMs = this.t1 - this.t0;
    const serverCpuMs = this.server1 - this.server0;
    const genCpuMs = (this.gen1.user + this.gen1.system) / 1000;
    const busy = this.machine1.busy - this.machine0.busy;
    const total = this.machine1.total - this.machine0.total;
    const per = (ms: number) => (this.acceptedRepliesInWindow > 0 ? ms / this.acceptedRepliesInWindow : NaN);
    return {
      pace,
      seconds: round(wallMs / 1000, 2),
      started: this.started,
      accepted: this.accepted,
      acceptedRepliesInWindow: this.acceptedRepliesInWindow,
      acceptedPerSecond: round(this.acceptedRepliesInWindow / (wallMs / 1000), 1),
      acceptedByCommand: this.acceptedByCommand,
      refused: this.refused,
      errors: this.errors,
      skipped: this.skipped,
      update: roundSummary(summarize(this.update)),
      reply: roundSummary(summarize(this.reply)),
      serverCpuMs: round(serverCpuMs, 0),
      serverCpuPerActionMs: round(per(serverCpuMs), 3),
      serverCpuBeyondIdlePerActionMs: round(per(serverCpuMs - (idleServerPercentOfCore / 100) * wallMs), 3),
      serverCpuPercentOfCore: round((100 * serverCpuMs) / wallMs, 1),
      generatorCpuPercentOfCore: round((100 * genCpuMs) / wallMs, 1),
      generatorCpuPerActionMs: round(per(genCpuMs), 3),
      machineBusyPercent: round(total > 0 ? (100 * busy) / total : NaN, 1),
      otherProcessesPercentOfCore: round(
        Math.max(
          0,
          (total > 0 ? (100 * busy * cpus().length) / total : 0) - (100 * (serverCpuMs + genCpuMs)) / wallMs,
        ),
        1,
      ),
      cpuPressurePercent:
        this.pressure0 !== undefined && this.pressure1 !== undefined
          ? round((100 * (this.pressure1 - this.pressure0)) / 1000 / wallMs, 1)
          : Number.NaN,
      generatorLoopDelayP99Ms: round(this.loop.percentile(99) / 1e6, 1),
      serverRssEndKiB: processMemoryKiB(this.pid).rss,
      samples: { update: this.update.map((x) => round(x, 2)), reply: this.reply.map((x) => round(x, 2)) },
    };
  }
}

function roundSummary(s: Summary): Summary {
  return {
    n: s.n,
    p50: round(s.p50),
    p90: round(s.p90),
    p99: round(s.p99),
    max: round(s.max),
    mean: round(s.mean),
  };
}

const FILLER =
  'Table a PPWT revision at the Conference on Disarmament; ask Russia about the RD-180 engine deal; ' +
  'propose a joint debris-removal demonstration in low Earth orbit; keep the ASAT test moratorium on the agenda; ' +
  'offer data sharing on conjunction warnings in exchange for a pause in co-orbital inspections. ';
const DRAFT_SOURCE = FILLER.repeat(Math.ceil(2000 / FILLER.length));

/** Sends one command open-loop: the schedule does not wait for it, and its outcome is recorded when it settles. */
function act(
  student: Student,
  name: 'editDraft' | 'setOrders' | 'submitOrders',
  rec: Recorder,
  random: () => number,
): void {
  if (student.inFlight >= MAX_IN_FLIGHT_PER_STUDENT) {
    if (rec.open) rec.skipped++;
    return;
  }
  const text = `${student.nickname} #${++student.edits}: ${DRAFT_SOURCE.slice(0, 80 + Math.floor(random() * 420))}`;
  // A statement costs nothing and needs nothing first, so the orders are valid in every round for every team.
  const payload =
    name === 'editDraft'
      ? { text }
      : name === 'setOrders'
        ? { orders: [{ kind: 'statement', stance: 'restraint', text: text.slice(0, 280) }] }
        : {};
  const inWindow = rec.open;
  if (inWindow) rec.started++;
  student.inFlight++;
  inFlight++;
  const t0 = performance.now();
  student.room
    .request<object, { version: number }>(name, payload, { timeout: REQUEST_TIMEOUT_MS })
    .then(async (reply) => {
      const tReply = performance.now();
      if (rec.open) rec.acceptedRepliesInWindow++;
      const tAll = await student.session.fence(reply.version, FENCE_TIMEOUT_MS);
      if (inWindow) {
        rec.accepted++;
        bump(rec.acceptedByCommand, name);
        rec.reply.push(tReply - t0);
        rec.update.push(tAll - t0);
      }
    })
    .catch((e: unknown) => {
      if (!inWindow || closing) return;
      const key = errorKey(e);
      if (key.startsWith('refused:')) bump(rec.refused, `${name}:${key.slice(8)}`);
      else bump(rec.errors, `${name}: ${key}`);
    })
    .finally(() => {
      student.inFlight--;
      inFlight--;
    });
}

async function runPace(
  pace: Pace,
  sessions: SessionRun[],
  server: ServerHandle,
  opts: Options,
  random: () => number,
  idleServerPercentOfCore: number,
): Promise<PaceResult> {
  const before = await waitForQuiet(opts.quietWait, server.pids);
  const rec = new Recorder(server.pids);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let running = true;
  const at = (delayMs: number, fn: () => void) => {
    if (!running) return;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (running && !aborted) fn();
      },
      Math.max(0, delayMs),
    );
    timers.add(timer);
  };
  /** Calls `fn` every `periodMs` from `phaseMs` on (random by default), on a drift-free grid (open loop). */
  const every = (periodMs: number, fn: () => void, phaseMs = random() * periodMs) => {
    const origin = performance.now() + phaseMs;
    let k = 0;
    const tick = () => {
      fn();
      k++;
      at(origin + k * periodMs - performance.now(), tick);
    };
    at(origin - performance.now(), tick);
  };

  const students = sessions.flatMap((s) => s.students);
  if (pace === 'classroom') {
    for (const st of students) {
      const tick = () => {
        act(st, 'editDraft', rec, random);
        at(10_000 + random() * 10_000, tick);
      };
      at(random() * 15_000, tick);
    }
  } else {
    for (const st of students) every(2_000, () => act(st, 'editDraft', rec, random));
    // Every 20 s each team revises its orders (a member's setOrders, which withdraws the last confirmation) and,
    // 10 s later, its head confirms them: so every submit has something to confirm.
    for (const s of sessions) {
      for (const team of TEAMS) {
        const members = s.students.filter((st) => st.team === team);
        const head = s.headOf(team) ?? members[0];
        if (!head || members.length === 0) continue;
        const phase = random() * 20_000;
        const reviser = () => members[Math.floor(random() * members.length)]!;
        every(20_000, () => act(reviser(), 'setOrders', rec, random), phase);
        every(20_000, () => act(head, 'submitOrders', rec, random), phase + 10_000);
      }
    }
  }

  await sleep(opts.warmup * 1000);
  rec.begin();
  await sleep(opts.seconds * 1000);
  rec.end();
  running = false;
  for (const t of timers) clearTimeout(t);
  timers.clear();
  // Let the last actions of the window settle (bounded: requests and fences time out on their own).
  for (let i = 0; i < 150 && inFlight > 0; i++) await sleep(100);
  return { ...rec.result(pace, idleServerPercentOfCore), before };
}

// ---- one session count, on a fresh server ----

interface CpuSample {
  seconds: number;
  serverPercentOfCore: number;
  generatorPercentOfCore: number;
  machineBusyPercent: number;
  otherProcessesPercentOfCore: number;
}

/** CPU of the server (if any), this process and the whole machine over `ms` with no load from us. */
async function sampleCpu(pid: readonly number[] | undefined, ms: number): Promise<CpuSample> {
  const s0 = pid ? processCpuMs(pid) : 0;
  const m0 = machineCpu();
  const g0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(ms);
  const wall = performance.now() - t0;
  const server = pid ? processCpuMs(pid) - s0 : 0;
  const g = process.cpuUsage(g0);
  const gen = (g.user + g.system) / 1000;
  const m1 = machineCpu();
  const busy = m1.total > m0.total ? (m1.busy - m0.busy) / (m1.total - m0.total) : 0;
  return {
    seconds: round(wall / 1000, 2),
    serverPercentOfCore: round((100 * server) / wall, 1),
    generatorPercentOfCore: round((100 * gen) / wall, 1),
    machineBusyPercent: round(100 * busy, 1),
    otherProcessesPercentOfCore: round(
      Math.max(0, 100 * busy * cpus().length - (100 * (server + gen)) / wall),
      1,
    ),
  };
}

/**
 * Waits (at most `maxSeconds`) until processes other than the server and this one use less than a quarter of
 * one core, since the machine may be shared; returns the last sample.
 */
async function waitForQuiet(maxSeconds: number, pid?: readonly number[]): Promise<CpuSample> {
  const deadline = performance.now() + maxSeconds * 1000;
  let sample = await sampleCpu(pid, 1000);
  let said = false;
  for (let i = 0; i < 600 && sample.otherProcessesPercentOfCore > 25 && performance.now() < deadline; i++) {
    if (!said) {
      console.log(
        `  other processes use ${sample.otherProcessesPercentOfCore}% of a core: waiting up to ${maxSeconds} s for quiet`,
      );
      said = true;
    }
    sample = await sampleCpu(pid, 2000);
  }
  return sample;
}

interface ScaleResult {
  bare?: boolean; // the bare Colyseus room of --bare, not PAROS
  sessions: number;
  clients: number; // connections wanted: S x (teacher + projector + 30 students)
  connected: number;
  joinErrors: Record<string, number>;
  setupErrors: Record<string, number>;
  drops: Record<string, number>;
  fillSeconds: number;
  fillOtherProcessesPercentOfCore: number; // other processes' CPU while the sessions filled
  join: Summary; // student: lookup + joinById + first state, ms
  serverCpuPerJoinMs: number;
  rssIdleKiB: number;
  rssFilledKiB: number;
  perSessionMiB: number; // (filled RSS, no forced GC - idle RSS after GC) / S: the target's definition, conservative
  rssHighWaterKiB: number;
  logBytes: number; // the session logs on disk at the end (every accepted command is appended)
  heapIdle: HeapFigures | undefined; // after a forced full GC, through the inspector
  heapFilled: HeapFigures | undefined;
  perSessionAfterGcMiB: number; // RSS after GC, filled minus idle, per session
  heapUsedPerSessionMiB: number; // live JS heap + external, filled minus idle, per session
  processes: number; // PAROS processes sharing the sessions (1 unless --processes)
  sessionsPerProcess: number[]; // after filling, as each process's /healthz counts them
  memoryDetail?: MemoryDetail; // with --memory-detail
  before: CpuSample; // the machine before the server started: other processes' share
  filledIdle: CpuSample; // filled sessions, no actions: the server's idle cost (pings, patch ticks)
  paces: PaceResult[];
  samples: { join: number[] };
}

async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(JOIN_TIMEOUT_MS) });
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${body.error ?? ''}`);
  return body;
}

interface MemoryDetail {
  residentIdleKiB: Record<string, number>; // after the idle forced GC
  residentFilledKiB: Record<string, number>; // filled, no forced GC
  heapSpaces: Record<string, { used: number; committed: number }> | undefined; // filled, no forced GC, bytes
  snapshot: string; // the heap snapshot's file, written after the forced GC's figures (it collects garbage first)
}

function spacesLine(spaces: Record<string, { used: number; committed: number }>): string {
  return `V8 heap spaces, MiB used/committed: ${Object.entries(spaces)
    .filter(([, v]) => v.committed > 0)
    .map(([k, v]) => `${k} ${(v.used / 2 ** 20).toFixed(1)}/${(v.committed / 2 ** 20).toFixed(1)}`)
    .join(', ')}`;
}

/** Where the filled server's memory is, by kind and by V8 heap space, plus a heap snapshot (--memory-detail). */
async function detailMemory(
  pid: number,
  inspector: string,
  S: number,
  opts: Options,
  residentIdleKiB: Record<string, number>,
): Promise<MemoryDetail> {
  const residentFilledKiB = residentByKindKiB(pid);
  const heapSpaces = await inspectHeap(inspector);
  const snapshot = `${opts.out.replace(/\.json$/, '')}-S${S}.heapsnapshot`;
  mkdirSync(dirname(snapshot), { recursive: true });
  const perSession = (kib: number) => `${(kib / 1024 / S).toFixed(2)}`;
  console.log(
    `  S=${S} resident MiB/session by kind (filled - idle): ` +
      Object.keys(residentFilledKiB)
        .map((k) => `${k} ${perSession((residentFilledKiB[k] ?? 0) - (residentIdleKiB[k] ?? 0))}`)
        .join(', '),
  );
  if (heapSpaces) console.log(`  S=${S} filled ${spacesLine(heapSpaces)}`);
  return { residentIdleKiB, residentFilledKiB, heapSpaces, snapshot };
}

async function runScale(
  S: number,
  opts: Options,
  random: () => number,
  processes = 1,
  scaleEnv: Record<string, string> = {},
  bare = false,
): Promise<ScaleResult> {
  const before = await waitForQuiet(opts.quietWait);
  const server = await startServers(
    repoRoot,
    processes,
    opts.nodeFlags,
    scaleEnv,
    bare ? 'bench/bare/server.ts' : undefined,
  );
  activeServer = server;
  closing = false;
  const joinErrors: Record<string, number> = {};
  const setupErrors: Record<string, number> = {};
  const drops: Record<string, number> = {};
  const joinTimes: number[] = [];
  try {
    // The idle baseline is taken after a forced full GC, so start-up garbage does not hide what sessions add.
    await sleep(2000);
    const inspector = processes === 1 ? server.inspectorUrl() : undefined; // heap details: one process only
    const heapIdle = await collectAndMeasureAll(server.inspectorUrls());
    const rssIdleKiB = processMemoryKiB(server.pids).rss;
    const residentIdleKiB = residentByKindKiB(server.pids);
    if (opts.memoryDetail && inspector) {
      const spaces = await inspectHeap(inspector);
      if (spaces) console.log(`  S=${S} idle ${spacesLine(spaces)}`);
    }
    // Each session is created through one process in turn, and each connection made through one in turn: with
    // several processes, a seat reserved on another process sends the client there (PUBLIC_ADDRESS).
    const sdks = server.baseUrls.map((url) => new Client(url));
    const through = (k: number) => ({ sdk: sdks[k % sdks.length]!, url: server.baseUrls[k % sdks.length]! });
    const cpu0 = processCpuMs(server.pids);
    const machine0 = machineCpu();
    const gen0 = process.cpuUsage();
    const fill0 = performance.now();

    // Sessions, as the teacher console creates them, then the teacher and the projector board join each.
    const sessions: SessionRun[] = [];
    activeSessions = sessions;
    await pool(
      Array.from({ length: S }, (_, i) => i),
      10,
      async (i) => {
        try {
          const { sdk, url } = through(i);
          const made = await fetchJson<{ code: string; hostSecret: string; roomId: string }>(
            `${url}/api/sessions`,
            { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
          );
          const s = new SessionRun(i, made.code, made.hostSecret, made.roomId);
          const teacher = adopt(
            await joinWithTimeout(
              sdk.joinById(s.roomId, { role: 'teacher', code: s.code, hostSecret: s.hostSecret }),
              JOIN_TIMEOUT_MS,
            ),
            drops,
          );
          s.track(teacher);
          await firstState(teacher, JOIN_TIMEOUT_MS);
          s.teacher = teacher;
          const projector = adopt(
            await joinWithTimeout(
              sdk.joinById(s.roomId, { role: 'projector', code: s.code }),
              JOIN_TIMEOUT_MS,
            ),
            drops,
          );
          s.track(projector);
          await firstState(projector, JOIN_TIMEOUT_MS);
          s.projector = projector;
          sessions.push(s);
        } catch (e) {
          bump(joinErrors, `host: ${errorKey(e)}`);
        }
      },
    );
    sessions.sort((a, b) => a.index - b.index);

    // Students: every class fills at the same time (student k of every session, then k + 1), a few at once.
    const seats: { session: SessionRun; index: number }[] = [];
    for (let k = 0; k < STUDENTS_PER_SESSION; k++)
      for (const session of sessions) seats.push({ session, index: k });
    await pool(seats, opts.joinConcurrency, async ({ session, index }) => {
      const nickname = `S${session.index}-${index}`;
      const team = TEAMS[index % TEAMS.length]!;
      const t0 = performance.now();
      let room: BenchRoom;
      try {
        const { sdk, url } = through(session.index + index + 1);
        const found = await fetchJson<{ roomId: string }>(`${url}/api/sessions/${session.code}`);
        room = adopt(
          await joinWithTimeout(
            sdk.joinById(found.roomId, { role: 'student', code: session.code, nickname }),
            JOIN_TIMEOUT_MS,
          ),
          drops,
        );
        await firstState(room, JOIN_TIMEOUT_MS);
        joinTimes.push(performance.now() - t0);
      } catch (e) {
        bump(joinErrors, `student: ${errorKey(e)}`);
        return;
      }
      session.track(room);
      const student: Student = {
        session,
        index,
        nickname,
        team,
        room,
        memberId: memberIds.get(room),
        inFlight: 0,
        edits: 0,
      };
      try {
        await room.request('chooseSeat', { seat: team }, { timeout: REQUEST_TIMEOUT_MS });
        session.students.push(student);
      } catch (e) {
        bump(setupErrors, `chooseSeat: ${errorKey(e)}`);
      }
    });

    // The teacher turns timers off, starts, and moves to the orders phase; every client must see each step.
    await pool(sessions, 10, async (s) => {
      const teacher = s.teacher!;
      const steps: [string, object][] = [
        ['updateSettings', { timersOn: false }],
        ['startSession', {}],
        ['advancePhase', { from: { round: 1, phase: 'briefing' } }], // briefing -> negotiation
        ['advancePhase', { from: { round: 1, phase: 'negotiation' } }], // negotiation -> orders
      ];
      try {
        for (const [name, payload] of steps) {
          const reply = await teacher.request<object, { version: number }>(name, payload, {
            timeout: REQUEST_TIMEOUT_MS,
          });
          await s.fence(reply.version, FENCE_TIMEOUT_MS);
        }
        if (teacher.state.phase !== 'orders')
          bump(setupErrors, `phase is "${teacher.state.phase}", not orders`);
      } catch (e) {
        bump(setupErrors, `teacher: ${errorKey(e)}`);
      }
    });
    const fillSeconds = (performance.now() - fill0) / 1000;
    const serverCpuFill = processCpuMs(server.pids) - cpu0;
    const machine1 = machineCpu();
    const genFill = process.cpuUsage(gen0);
    const fillOtherProcessesPercentOfCore = round(
      Math.max(
        0,
        (100 * (machine1.busy - machine0.busy) * cpus().length) /
          Math.max(1, machine1.total - machine0.total) -
          (100 * (serverCpuFill + (genFill.user + genFill.system) / 1000)) / (fillSeconds * 1000),
      ),
      1,
    );
    const connected = sessions.reduce((n, s) => n + s.rooms.length, 0);

    await sleep(2000);
    const rssFilledKiB = processMemoryKiB(server.pids).rss;
    const sessionsPerProcess = await Promise.all(
      server.baseUrls.map((url) =>
        fetch(`${url}/healthz`)
          .then((res) => res.json() as Promise<{ sessions?: number }>)
          .then((h) => h.sessions ?? -1)
          .catch(() => -1),
      ),
    );
    const filledIdle = await sampleCpu(server.pids, 5000);
    const memoryDetail =
      opts.memoryDetail && inspector
        ? await detailMemory(server.pid, inspector, S, opts, residentIdleKiB)
        : undefined;
    const heapFilled = await collectAndMeasureAll(server.inspectorUrls());
    if (memoryDetail && inspector) {
      // After the figures above: writing a snapshot collects garbage first and takes memory of its own.
      await inspectHeap(inspector, memoryDetail.snapshot);
      console.log(`  S=${S} heap snapshot: ${memoryDetail.snapshot}`);
    }
    console.log(
      `  S=${S}: ${connected} of ${S * (STUDENTS_PER_SESSION + 2)} connections in ${fillSeconds.toFixed(1)} s; ` +
        `RSS ${(rssIdleKiB / 1024).toFixed(1)} -> ${(rssFilledKiB / 1024).toFixed(1)} MiB` +
        (heapIdle && heapFilled
          ? ` (after GC ${(heapIdle.rss / 2 ** 20).toFixed(1)} -> ${(heapFilled.rss / 2 ** 20).toFixed(1)} MiB)`
          : '') +
        `; idle server ${filledIdle.serverPercentOfCore}% core`,
    );

    const paces: PaceResult[] = [];
    for (const pace of opts.paces) {
      const attempts: PaceResult[] = [];
      for (let attempt = 0; attempt <= opts.retries && !aborted; attempt++) {
        const r = await runPace(pace, sessions, server, opts, random, filledIdle.serverPercentOfCore);
        attempts.push(r);
        console.log(
          `  S=${S} ${pace}: ${r.acceptedPerSecond} actions/s, update p50 ${r.update.p50} ms p99 ${r.update.p99} ms, ` +
            `server ${r.serverCpuPerActionMs} ms CPU/action (${r.serverCpuPercentOfCore}% core), ` +
            `generator ${r.generatorCpuPercentOfCore}% core, other processes ${r.otherProcessesPercentOfCore}% core`,
        );
        if (r.otherProcessesPercentOfCore <= OTHER_PROCESSES_LIMIT) break;
        if (attempt < opts.retries) console.log('  other processes disturbed that window: repeating it');
      }
      // The least disturbed attempt is reported; the others stay in the JSON, without their samples.
      const best = attempts.reduce((a, b) =>
        b.otherProcessesPercentOfCore < a.otherProcessesPercentOfCore ? b : a,
      );
      if (best) {
        const others = attempts.filter((a) => a !== best).map(({ samples: _, ...rest }) => rest);
        paces.push({
          ...best,
          attempts: attempts.length,
          ...(others.length ? { otherAttempts: others } : {}),
        });
      }
    }

    const join = roundSummary(summarize(joinTimes));
    return {
      sessions: S,
      processes,
      ...(bare ? { bare } : {}),
      sessionsPerProcess,
      clients: S * (STUDENTS_PER_SESSION + 2),
      connected,
      joinErrors,
      setupErrors,
      drops,
      fillSeconds: round(fillSeconds, 1),
      fillOtherProcessesPercentOfCore,
      join,
      serverCpuPerJoinMs: round(serverCpuFill / Math.max(1, connected), 2),
      rssIdleKiB,
      rssFilledKiB,
      perSessionMiB: round((rssFilledKiB - rssIdleKiB) / 1024 / S, 2),
      rssHighWaterKiB: processMemoryKiB(server.pids).hwm,
      logBytes: server.dataBytes(),
      heapIdle,
      heapFilled,
      perSessionAfterGcMiB:
        heapIdle && heapFilled ? round((heapFilled.rss - heapIdle.rss) / 2 ** 20 / S, 2) : Number.NaN,
      heapUsedPerSessionMiB:
        heapIdle && heapFilled
          ? round(
              (heapFilled.heapUsed + heapFilled.external - heapIdle.heapUsed - heapIdle.external) /
                2 ** 20 /
                S,
              3,
            )
          : Number.NaN,
      before,
      filledIdle,
      ...(memoryDetail ? { memoryDetail } : {}),
      paces,
      samples: { join: joinTimes.map((x) => round(x, 2)) },
    };
  } finally {
    await closeEverything();
  }
}

/** Leaves every room (bounded in time), then stops the server. Safe to call twice. */
async function closeEverything(): Promise<void> {
  closing = true;
  for (const s of activeSessions) s.cancelFences();
  activeSessions = [];
  const rooms = [...openRooms];
  openRooms.clear();
  await Promise.race([Promise.allSettled(rooms.map((r) => r.leave(true))), sleep(15_000)]);
  const server = activeServer;
  activeServer = undefined;
  if (server) await server.stop();
}

// ---- report ----

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : 'n/a');
const counts = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
const mib = (kib: number) => (kib / 1024).toFixed(1);

function markdown(results: ScaleResult[]): string {
  const out: string[] = [];
  out.push('### Filling (teacher + projector + 30 students per session)', '');
  out.push(
    '| S | connections | join errors | fill s | join p50 ms | join p99 ms | server CPU ms/join | idle RSS MiB | filled RSS MiB | MiB/session | MiB/session after GC | JS heap MiB/session | server idle % core (filled) | other processes % core during fill |',
  );
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    out.push(
      `| ${label(r)} | ${r.connected}/${r.clients} | ${counts(r.joinErrors) + counts(r.setupErrors)} | ${r.fillSeconds} | ${ms(r.join.p50)} | ${ms(r.join.p99)} | ${r.serverCpuPerJoinMs} | ${mib(r.rssIdleKiB)} | ${mib(r.rssFilledKiB)} | ${r.perSessionMiB.toFixed(2)} | ${r.perSessionAfterGcMiB.toFixed(2)} | ${r.heapUsedPerSessionMiB.toFixed(2)} | ${r.filledIdle.serverPercentOfCore} | ${r.fillOtherProcessesPercentOfCore} |`,
    );
  }
  out.push('', '### Actions (orders phase)', '');
  out.push(
    '| S | pace | actions/s | accepted | refused | errors | update p50 ms | update p99 ms | reply p50 ms | server CPU ms/action | beyond idle ms/action | server % core | generator % core | other processes % core | CPU pressure % | machine % busy | generator loop delay p99 ms | windows run |',
  );
  out.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    for (const p of r.paces) {
      out.push(
        `| ${label(r)} | ${p.pace} | ${p.acceptedPerSecond} | ${p.accepted} | ${counts(p.refused)} | ${counts(p.errors) + p.skipped} | ${ms(p.update.p50)} | ${ms(p.update.p99)} | ${ms(p.reply.p50)} | ${p.serverCpuPerActionMs.toFixed(3)} | ${p.serverCpuBeyondIdlePerActionMs > 0 ? p.serverCpuBeyondIdlePerActionMs.toFixed(3) : '≈0'} | ${p.serverCpuPercentOfCore} | ${p.generatorCpuPercentOfCore} | ${p.otherProcessesPercentOfCore} | ${p.cpuPressurePercent} | ${p.machineBusyPercent} | ${p.generatorLoopDelayP99Ms} | ${p.attempts ?? 1} |`,
      );
    }
  }
  const notes: string[] = [];
  for (const r of results) {
    const all = { ...r.joinErrors, ...r.setupErrors, ...r.drops };
    for (const p of r.paces) {
      for (const [k, v] of Object.entries(p.refused)) bump(all, `${p.pace} refused ${k}`, v);
      for (const [k, v] of Object.entries(p.errors)) bump(all, `${p.pace} ${k}`, v);
      if (p.skipped)
        bump(all, `${p.pace} skipped (student had ${MAX_IN_FLIGHT_PER_STUDENT} in flight)`, p.skipped);
    }
    for (const [k, v] of Object.entries(all)) notes.push(`- S=${label(r)}: ${v} x ${k}`);
  }
  if (notes.length) out.push('', 'Refusals, errors and drops:', '', ...notes);
  if (results.some((r) => r.processes > 1)) out.push('', ...scaleTable(results.filter((r) => !r.bare)));
  if (results.some((r) => r.bare)) out.push('', ...bareTable(results));
  out.push('', '### Targets', '', ...targets(results).map((t) => `- ${t.ok ? 'met' : 'MISSED'}: ${t.text}`));
  return out.join('\n');
}

/** "100" for one process, "100 on 3" for 100 sessions on three processes. */
function label(r: ScaleResult): string {
  if (r.bare) return `${r.sessions} (bare room)`;
  return r.processes > 1 ? `${r.sessions} on ${r.processes}` : `${r.sessions}`;
}

/**
 * --bare: at each session count, PAROS's server CPU per action (one process, as a school runs it) against the
 * bare Colyseus room's in the same sitting, the issue's bar being 1.2x.
 */
function bareTable(results: ScaleResult[]): string[] {
  const out = [
    '### PAROS against a bare Colyseus room doing the same work (one process)',
    '',
    '| S | pace | PAROS ms/action | bare room ms/action | ratio | PAROS update p50 / p99 ms | bare update p50 / p99 ms |',
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const b of results.filter((r) => r.bare)) {
    const paros = results.find((r) => !r.bare && r.processes === 1 && r.sessions === b.sessions);
    for (const bp of b.paces) {
      const pp = paros?.paces.find((p) => p.pace === bp.pace);
      out.push(
        `| ${b.sessions} | ${bp.pace} | ${pp ? pp.serverCpuPerActionMs.toFixed(3) : '–'} | ${bp.serverCpuPerActionMs.toFixed(3)} | ${pp && bp.serverCpuPerActionMs > 0 ? `${(pp.serverCpuPerActionMs / bp.serverCpuPerActionMs).toFixed(2)}×` : '–'} | ${pp ? `${ms(pp.update.p50)} / ${ms(pp.update.p99)}` : '–'} | ${ms(bp.update.p50)} / ${ms(bp.update.p99)} |`,
      );
    }
  }
  return out;
}

/**
 * --processes: per session count, what each number of processes held and how fast, and the scale ratios against
 * one process (with Redis and PostgreSQL too). The generator's pace is fixed (open loop), so actions per second
 * are equal until something saturates; generator and servers share the machine's cores, so server CPU per action
 * is the figure the machine's noise affects least: a larger machine holds about its cores' worth of it.
 */
function scaleTable(results: ScaleResult[]): string[] {
  const out = [
    '### Processes (REDIS_URL and DATABASE_URL)',
    '',
    '| S | processes | connected | classroom update p99 ms | stress actions/s | stress update p50 / p99 ms | server CPU ms/action (stress) | servers % core (stress) | RSS filled MiB (all processes) | sessions per process | stress actions/s vs 1 process | CPU per action vs 1 process |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const r of results) {
    const c = r.paces.find((p) => p.pace === 'classroom');
    const st = r.paces.find((p) => p.pace === 'stress');
    const one = results
      .find((x) => x.sessions === r.sessions && x.processes === 1)
      ?.paces.find((p) => p.pace === 'stress');
    const ratio =
      st && one?.acceptedPerSecond ? (st.acceptedPerSecond / one.acceptedPerSecond).toFixed(2) : '–';
    const cpuRatio =
      st && one?.serverCpuPerActionMs ? (st.serverCpuPerActionMs / one.serverCpuPerActionMs).toFixed(2) : '–';
    out.push(
      `| ${r.sessions} | ${r.processes} | ${r.connected}/${r.clients} | ${c ? ms(c.update.p99) : '–'} | ${st?.acceptedPerSecond ?? '–'} | ${st ? `${ms(st.update.p50)} / ${ms(st.update.p99)}` : '–'} | ${st ? st.serverCpuPerActionMs.toFixed(3) : '–'} | ${st?.serverCpuPercentOfCore ?? '–'} | ${(r.rssFilledKiB / 1024).toFixed(1)} | ${r.sessionsPerProcess.join(' + ')} | ${ratio} | ${cpuRatio} |`,
    );
  }
  return out;
}

interface Target {
  ok: boolean;
  text: string;
}

function targets(all: ScaleResult[]): Target[] {
  const results = all.filter((r) => r.processes === 1 && !r.bare); // the targets are PAROS's, on one process
  const found: Target[] = [];
  const pace = (S: number, p: Pace) => results.find((r) => r.sessions === S)?.paces.find((x) => x.pace === p);
  const r100 = results.find((r) => r.sessions === 100);
  const c100 = pace(100, 'classroom');
  if (r100 && c100) {
    // Held: every connection made and kept, every action confirmed to every client, p99 within the stress bar.
    const clean =
      r100.connected === r100.clients &&
      counts(r100.joinErrors) + counts(r100.setupErrors) + counts(r100.drops) === 0 &&
      counts(c100.errors) + c100.skipped === 0;
    found.push({
      ok: clean && c100.update.p99 < 100,
      text: `100 sessions held at classroom pace (all connected, no errors, update p99 < 100 ms): ${r100.connected}/${r100.clients} connected, ${counts(c100.errors) + c100.skipped} errors, update p99 ${ms(c100.update.p99)} ms`,
    });
  }
  const largest = results.at(-1);
  if (largest) {
    found.push({
      ok: largest.perSessionMiB < 2,
      text: `under 2 MiB per session beyond the idle server: ${largest.perSessionMiB.toFixed(2)} MiB at S=${largest.sessions}`,
    });
  }
  const s30 = pace(30, 'stress');
  if (s30)
    found.push({ ok: s30.update.p99 < 100, text: `stress p99 < 100 ms at S=30: ${ms(s30.update.p99)} ms` });
  const s10 = pace(10, 'stress');
  if (s10)
    found.push({ ok: s10.update.p50 < 5, text: `stress p50 < 5 ms at S=10: ${ms(s10.update.p50)} ms` });
  for (const b of all.filter((r) => r.bare)) {
    const bare = b.paces.find((p) => p.pace === 'stress');
    const own = pace(b.sessions, 'stress');
    if (bare && own && bare.serverCpuPerActionMs > 0) {
      const x = own.serverCpuPerActionMs / bare.serverCpuPerActionMs;
      found.push({
        ok: x <= 1.2,
        text: `server CPU per action within 1.2× of a bare Colyseus room at S=${b.sessions} stress: ${own.serverCpuPerActionMs.toFixed(3)} against ${bare.serverCpuPerActionMs.toFixed(3)} ms (${x.toFixed(2)}×)`,
      });
    }
  }
  for (const r of results) {
    const st = r.paces.find((p) => p.pace === 'stress');
    if (st) {
      found.push({
        ok: st.serverCpuPerActionMs < 1,
        text: `server CPU < 1 ms per action at S=${r.sessions} stress: ${st.serverCpuPerActionMs.toFixed(3)} ms`,
      });
    }
  }
  return found;
}

// ---- main ----

/** The commit the server ran from, and whether server/, shared/ or content/ had uncommitted changes. */
function serverVersion(): { commit: string; dirty: boolean } | undefined {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  try {
    return {
      commit: git('rev-parse', 'HEAD').trim(),
      dirty: git('status', '--porcelain', '--', 'server', 'shared', 'content', 'package.json').trim() !== '',
    };
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22)
    throw new Error(`Node ${process.versions.node} is too old: run with npm run bench:load (Node 24).`);
  const watchdog = setTimeout(() => {
    console.error(`The run passed --max-minutes ${opts.maxMinutes}: stopping.`);
    void shutdown(2);
  }, opts.maxMinutes * 60_000);
  watchdog.unref();

  const random = seededRandom(opts.seed);
  const version = serverVersion();
  run = { opts, startedAt: new Date().toISOString(), version, results: [] };
  console.log(
    `PAROS load bench: sessions ${opts.sessions.join(',')}, ${opts.seconds} s per pace (+${opts.warmup} s warm-up), ` +
      `Node ${process.versions.node}, ${cpus().length} cores, server at ${version ? `${version.commit.slice(0, 7)}${version.dirty ? ' + uncommitted changes' : ''}` : 'unknown commit'}`,
  );
  if (!opts.processes) {
    for (const S of opts.sessions) {
      if (aborted) break;
      const result = await runScale(S, opts, random);
      if (!aborted) run.results.push(result);
    }
  } else {
    const missing = missingServices();
    if (missing) throw new Error(`--processes needs Redis and PostgreSQL: ${missing}`);
    for (const P of opts.processes) {
      // A fresh Redis and PostgreSQL for each process count, so no session or lease of the last one remains.
      const redis = await startRedis();
      const postgres = await startPostgres().catch(async (e) => {
        await redis.stop();
        throw e;
      });
      activeServices = [redis, postgres];
      try {
        for (const S of opts.sessions) {
          if (aborted) break;
          const env = { REDIS_URL: redis.url, DATABASE_URL: postgres.url };
          const result = await runScale(S, opts, random, P, env);
          if (!aborted) run.results.push(result);
        }
      } finally {
        await stopServices();
      }
      if (aborted) break;
    }
  }
  // The bare Colyseus room at the same session counts, in the same sitting: PAROS's CPU per action against it.
  if (opts.bare) {
    for (const S of opts.sessions) {
      if (aborted) break;
      const result = await runScale(S, opts, random, 1, {}, true);
      if (!aborted) run.results.push(result);
    }
  }
  clearTimeout(watchdog);
  writeResults(false);
}

/** Redis and PostgreSQL of a --processes run, stopped on every way out. */
let activeServices: { stop(): Promise<void> }[] = [];
async function stopServices(): Promise<void> {
  const services = activeServices;
  activeServices = [];
  await Promise.all(services.map((x) => x.stop().catch(() => undefined)));
}

let run:
  | { opts: Options; startedAt: string; version: ReturnType<typeof serverVersion>; results: ScaleResult[] }
  | undefined;

/** Prints the tables and writes the JSON (and the same tables as .md beside it); `partial` when stopped early. */
function writeResults(partial: boolean): void {
  if (!run || run.results.length === 0) return;
  const { opts, results } = run;
  const report = markdown(results);
  console.log(`\n${partial ? '(partial: the run was stopped)\n\n' : ''}${report}`);
  mkdirSync(resolve(opts.out, '..'), { recursive: true });
  const json = {
    partial,
    startedAt: run.startedAt,
    finishedAt: new Date().toISOString(),
    command: `npm run bench:load -- ${process.argv.slice(2).join(' ')}`.trim(),
    node: process.versions.node,
    server: run.version,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      memoryGiB: round(totalmem() / 2 ** 30, 1),
    },
    options: { ...opts, out: undefined },
    serverNodeFlags: opts.nodeFlags ?? serveFlags(repoRoot),
    results,
    targets: targets(results),
  };
  writeFileSync(opts.out, `${JSON.stringify(json, null, 1)}\n`);
  writeFileSync(opts.out.replace(/\.json$/, '.md'), `${report}\n`);
  console.log(`\nRaw results: ${opts.out}`);
}

let shuttingDown = false;
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  aborted = true;
  try {
    await Promise.race([closeEverything().then(stopServices), sleep(25_000)]);
    writeResults(true); // the session counts that finished
  } finally {
    process.exit(code);
  }
}

process.once('SIGINT', () => void shutdown(130));
process.once('SIGTERM', () => void shutdown(143));
process.once('SIGHUP', () => void shutdown(129));
process.on('unhandledRejection', (e) => {
  console.error('Unhandled rejection:', e);
  void shutdown(1);
});

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error((e as Error)?.stack ?? e);
    void shutdown(1);
  },
);
