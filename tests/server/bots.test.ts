/**
 * Delegations the server plays, through a real server and real SDK clients: a teacher alone seats three bots,
 * runs rounds with timers off by pressing Next, and every round each bot has confirmed its orders and spoken on
 * the CD floor, as a team would; the log folds back to the live state, the bots' moves read from it, not re-run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delegation } from '../../shared/model/seats.ts';
import { foldLog, stateHash, verifyLog } from '../../shared/session/log.ts';
import {
  eventually,
  type Harness,
  pace,
  type Player,
  refusalOf,
  roundTrip,
  seenBy,
  serverState,
  type Session,
  startHarness,
} from './harness.ts';
import { BOT_DELAY_MS } from '../../server/bots/driver.ts';
import { WATCH_SECONDS } from '../../shared/bots/unattended.ts';
import { readLog } from './logFiles.ts';

const DELEGATIONS: readonly Delegation[] = ['us', 'china', 'russia'];
const LEVELS = { us: 'standard', china: 'novice', russia: 'expert' } as const;

let h: Harness;
let dataDir = '';
let session: Session;
let teacher: Player;

async function ask(p: Player, type: string, payload: object = {}): Promise<{ version: number }> {
  await pace(p);
  return p.room.request(type, payload);
}
const next = () => ask(teacher, 'advancePhase', seenBy(teacher));
/** Presses Next until the session stands in `phase` (of any round). */
async function nextUntil(phase: string) {
  while (teacher.room.state.phase !== phase) {
    const { version } = await next();
    await eventually(() => expect(teacher.room.state.version).toBeGreaterThanOrEqual(version));
  }
}
const floor = () =>
  (teacher.room.state as unknown as { floor: Iterable<{ from: string; round: number; seat: string }> }).floor;
const botOf = (p: Player, d: Delegation) => (p.room.state.teams.get(d) as unknown as { bot: string }).bot;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paros-bots-'));
  h = await startHarness({ dataDir });
  session = await h.createSession({ timersOn: false });
  teacher = await h.joinTeacher(session);
});
afterAll(async () => {
  await h?.leaveAll();
  await h?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('bots seated by the teacher', () => {
  it('take a delegation only where no student is connected, and give it back when a student sits there', async () => {
    const ana = await h.joinStudent(session, 'Ana');
    await ask(ana, 'chooseSeat', { seat: 'china' });
    const refusal = await refusalOf(ask(teacher, 'seatBot', { delegation: 'china', level: 'novice' }));
    expect(refusal.message).toMatch(/^Ana is connected at China: the server plays only a delegation/);
    await ask(ana, 'chooseSeat', { seat: 'observer' });
    await ask(teacher, 'seatBot', { delegation: 'china', level: 'novice' });
    // Public: the observer's screen can say "played by the server".
    await eventually(() => expect(botOf(ana, 'china')).toBe('novice'));
    await ask(ana, 'chooseSeat', { seat: 'china' });
    await eventually(() => expect(botOf(ana, 'china')).toBe(''));
    await ask(ana, 'chooseSeat', { seat: 'observer' });
  });

  it('play every delegation for a teacher alone: each bot confirms its orders every round and speaks once', async () => {
    for (const d of DELEGATIONS) await ask(teacher, 'seatBot', { delegation: d, level: LEVELS[d] });
    await eventually(() => for3((d) => expect(botOf(teacher, d)).toBe(LEVELS[d])));
    await ask(teacher, 'startSession');
    for (let round = 1; round <= 3; round++) {
      await nextUntil('negotiation');
      // A negotiation phase lasts minutes in class: the bots speak soon after it opens.
      await eventually(() =>
        for3((d) =>
          expect(
            [...floor()].filter((m) => m.from === `bot-${d}` && m.round === round && m.seat === d),
          ).toHaveLength(1),
        ),
      );
      await nextUntil('orders');
      expect(teacher.room.state.round).toBe(round);
      await eventually(() => for3((d) => expect(serverState(session).teams.get(d)?.submitted).toBe(true)));
      const orders = DELEGATIONS.map((d) => JSON.parse(serverState(session).teams.get(d)?.orders ?? '[]'));
      expect(orders.every((o) => o.length > 0)).toBe(true);
      await next();
    }
  });

  it('are logged like teams: the log folds to the live state, each bot entry under its bot actor', async () => {
    await eventually(() => expect(serverState(session).phase).not.toBe('orders'));
    const { header, entries, hashes } = readLog(dataDir, session.code);
    const { state, problem } = foldLog(header, entries);
    expect(problem).toBeUndefined();
    expect(state?.version).toBe(serverState(session).version);
    expect(hashes.map((x) => x.round)).toEqual([1, 2, 3]);
    expect(verifyLog(header, entries, hashes).problem).toBeUndefined();
    expect(stateHash(foldLog(header, entries).state)).toBe(stateHash(state));
    const botEntries = entries.filter((e) => e.actor.kind === 'bot');
    for (const d of DELEGATIONS) {
      const mine = botEntries.filter((e) => e.actor.kind === 'bot' && e.actor.delegation === d);
      expect(mine.filter((e) => e.command.type === 'submitOrders')).toHaveLength(3);
      expect(mine.filter((e) => e.command.type === 'sendMessage')).toHaveLength(3);
    }
  });
});

describe('bots in a what-if fork', () => {
  it('wait while the fork is paused for its teacher, and play once the teacher resumes it', async () => {
    const original = await h.createSession({ timersOn: true });
    const host = await h.joinTeacher(original);
    for (const d of ['china', 'russia'] as const)
      await ask(host, 'seatBot', { delegation: d, level: 'standard' });
    await ask(host, 'startSession');
    while (host.room.state.phase !== 'orders') {
      const { version } = await ask(host, 'advancePhase', seenBy(host));
      await eventually(() => expect(host.room.state.version).toBeGreaterThanOrEqual(version));
    }
    await eventually(() => expect(serverState(original).teams.get('china')?.submitted).toBe(true));
    const { header, entries } = readLog(dataDir, original.code);
    // The moment the orders phase opened, before the bots' orders.
    const seq = entries.findIndex((e) => e.actor.kind === 'bot' && e.command.type !== 'sendMessage');
    expect(entries[seq - 1]?.command.type).toBe('advancePhase');
    const res = await h.http(`/api/replays/${header.sessionId}/fork`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-paros-key': original.hostSecret },
      body: JSON.stringify({ seq }),
    });
    expect(res.status).toBe(201);
    const fork = res.body as Session;
    const forkTeacher = await h.joinTeacher(fork);
    expect(forkTeacher.room.state).toMatchObject({ phase: 'orders', timerPaused: true });
    // Several of a bot's delays go by: nothing moves while the fork waits.
    await new Promise((resolve) => setTimeout(resolve, 4 * BOT_DELAY_MS));
    await roundTrip(forkTeacher);
    for (const d of ['china', 'russia'] as const)
      expect(serverState(fork).teams.get(d)?.submitted).toBe(false);
    expect(
      readLog(dataDir, fork.code)
        .entries.slice(seq)
        .some((e) => e.actor.kind === 'bot'),
    ).toBe(false);
    await ask(forkTeacher, 'resumeTimer');
    await eventually(() =>
      expect(['china', 'russia'].map((d) => serverState(fork).teams.get(d)?.submitted)).toEqual([true, true]),
    );
  });
});

describe('bots playing alone', () => {
  it('run each phase on a short timer, for the board to show a whole scenario unattended', async () => {
    const watched = await h.createSession({ timersOn: true });
    const host = await h.joinTeacher(watched);
    const board = await h.joinProjector(watched);
    for (const d of DELEGATIONS) await ask(host, 'seatBot', { delegation: d, level: 'standard' });
    await ask(host, 'startSession');
    await eventually(() => expect(board.room.state.phaseEndsAt).toBeGreaterThan(0));
    // The scenario's own briefing lasts minutes; unattended, it lasts WATCH_SECONDS.
    expect(board.room.state.phaseEndsAt).toBeLessThanOrEqual(Date.now() + WATCH_SECONDS.briefing * 1000);
    await host.room.leave();
  });
});

function for3(check: (d: Delegation) => void) {
  for (const d of DELEGATIONS) check(d);
}
