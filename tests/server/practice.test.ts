/**
 * The practice round on the real server with real SDK clients: every screen learns it is practice, students
 * talk, draft, confirm and see a resolution, and when it ends the session is back in the lobby with the world
 * untouched: round 1 then begins and resolves exactly as in a what-if fork of the same session taken before the
 * practice began (the same seed, never practised).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPack } from '../../server/content.ts';
import type { PhaseMinutes } from '../../shared/model/phases.ts';
import { DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import type { CreateSessionResponse } from '../../shared/protocol/http.ts';
import {
  eventually,
  type Harness,
  type Player,
  refusalOf,
  roundTrip,
  seenBy,
  startHarness,
} from './harness.ts';
import { readLog } from './logFiles.ts';

let h: Harness;
const dataDir = mkdtempSync(join(tmpdir(), 'paros-practice-'));
beforeAll(async () => {
  h = await startHarness({ dataDir });
});
afterAll(async () => {
  await h.leaveAll();
  await h.close();
});

const script = readPack('content').pack?.practice;
const minutes = Object.fromEntries(script?.phases.map((p) => [p.phase, p.minutes]) ?? []) as PhaseMinutes;

/** Next, from what the teacher sees, until every listed client shows `phase` (or the stage, for the lobby). */
async function next(teacher: Player, watchers: Player[], phase: string) {
  await teacher.room.request('advancePhase', seenBy(teacher));
  for (const p of watchers)
    await eventually(() => expect(phase === 'lobby' ? p.room.state.stage : p.room.state.phase).toBe(phase));
}

describe('the practice round, live', () => {
  it('is played on every screen, then leaves round 1 as if it had never happened', async () => {
    expect(script?.minutes).toBe(5);
    const session = await h.createSession({ scenarioId: 'one-period' });
    const teacher = await h.joinTeacher(session);
    const board = await h.joinProjector(session);
    const students = {} as Record<Delegation, Player>;
    for (const d of DELEGATIONS) {
      students[d] = await h.joinStudent(session, `Student ${d}`);
      await students[d].room.request('chooseSeat', { seat: d });
    }
    const everyone = [teacher, board, ...Object.values(students)];
    const { us, china } = students;

    await teacher.room.request('startPractice', { minutes });
    for (const p of everyone)
      await eventually(() =>
        expect(p.room.state).toMatchObject({ stage: 'playing', round: 0, phase: 'briefing', practice: true }),
      );
    // The practice script's timer, not the scenario's minute of briefing.
    const left = teacher.room.state.phaseEndsAt - Date.now();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(minutes.briefing * 60_000);
    expect(teacher.room.state.teamsLocked).toBe(false);
    const practiceStart = board.room.state.world;
    expect(practiceStart).not.toBe('');
    expect(us.room.state.teams.get('us')?.secret).toBeTruthy();
    // Validated as in a real round.
    expect(await refusalOf(us.room.request('submitOrders', {}))).toMatchObject({ code: 'wrongPhase' });

    await next(teacher, everyone, 'negotiation');
    await us.room.request('sendMessage', { to: 'floor', text: 'The United States says hello.' });
    await us.room.request('setOrders', { orders: [{ kind: 'buildSsa' }] });
    await china.room.request('setOrders', {
      orders: [{ kind: 'launchSatellites', regime: 'leo', count: 1 }],
    });
    await next(teacher, everyone, 'orders');
    await us.room.request('submitOrders', {});
    await china.room.request('submitOrders', {});
    await eventually(() => expect(board.room.state.teams.get('china')?.submitted).toBe(true));
    await next(teacher, everyone, 'resolution');
    // The practice did resolve, on its own copy of the world.
    await eventually(() => expect(board.room.state.world).not.toBe(practiceStart));
    expect(JSON.parse(board.room.state.world).round).toBe(1);
    await next(teacher, everyone, 'debrief');
    await next(teacher, everyone, 'lobby');

    for (const p of everyone)
      await eventually(() =>
        expect(p.room.state).toMatchObject({
          stage: 'lobby',
          round: 0,
          phase: '',
          practice: false,
          world: '',
        }),
      );
    expect(us.room.state.teams.get('us')).toMatchObject({ submitted: false, orders: '[]' });
    expect(board.room.state.teams.get('china')?.submitted).toBe(false);
    expect(teacher.room.state.phaseEndsAt).toBe(0);
    // The students' words stay.
    expect(
      [...(board.room.state as unknown as { floor: { text: string }[] }).floor].map((m) => m.text),
    ).toEqual(['The United States says hello.']);

    // A what-if fork taken just before the practice: the same session and seed, never practised.
    const log = readLog(dataDir, session.code);
    const before = (log.entries.find((e) => e.command.type === 'startPractice')?.seq ?? 0) - 1;
    expect(before).toBeGreaterThan(0);
    const forked = await h.http(`/api/replays/${log.header.sessionId}/fork`, {
      method: 'POST',
      headers: { 'x-paros-key': session.hostSecret, 'content-type': 'application/json' },
      body: JSON.stringify({ seq: before }),
    });
    expect(forked.status).toBe(201);
    const fork = forked.body as CreateSessionResponse;
    const forkTeacher = await h.joinTeacher(fork);
    await roundTrip(forkTeacher);
    expect(forkTeacher.room.state).toMatchObject({ stage: 'lobby', round: 0, practice: false });

    // Round 1 in both: the same world as it begins, and after the same (empty) orders are resolved.
    for (const t of [teacher, forkTeacher]) {
      await t.room.request('startSession', {});
      await eventually(() => expect(t.room.state).toMatchObject({ round: 1, phase: 'briefing' }));
    }
    const hostWorld = (t: Player) => t.room.state.host?.world ?? '';
    expect(hostWorld(teacher)).not.toBe('');
    expect(hostWorld(teacher)).toBe(hostWorld(forkTeacher));
    expect(teacher.room.state.teamsLocked).toBe(true);
    for (const t of [teacher, forkTeacher]) {
      for (const phase of ['negotiation', 'orders', 'resolution']) await next(t, [t], phase);
    }
    await eventually(() => expect(JSON.parse(hostWorld(teacher)).round).toBe(1));
    await eventually(() => expect(hostWorld(forkTeacher)).toBe(hostWorld(teacher)));

    // The practice left no round hash behind: round 1's is the first.
    expect(readLog(dataDir, session.code).hashes.map((x) => x.round)).toEqual([1]);
  });

  it('ends on the teacher’s word from any phase, and a second click is refused as stale', async () => {
    const session = await h.createSession({ scenarioId: 'one-period', timersOn: false });
    const teacher = await h.joinTeacher(session);
    const student = await h.joinStudent(session, 'Ana');
    await student.room.request('chooseSeat', { seat: 'russia' });
    await teacher.room.request('startPractice', { minutes });
    await eventually(() => expect(student.room.state.practice).toBe(true));
    expect(teacher.room.state.phaseEndsAt).toBe(0); // timers off: the practice is moved on by hand
    await next(teacher, [student], 'negotiation');
    const seen = seenBy(teacher);
    await teacher.room.request('endPractice', seen);
    await eventually(() => expect(student.room.state).toMatchObject({ stage: 'lobby', practice: false }));
    expect(await refusalOf(teacher.room.request('endPractice', seen))).toMatchObject({ code: 'stale' });
    expect(await refusalOf(student.room.request('startPractice', {}))).toMatchObject({ code: 'notAllowed' });
  });
});
