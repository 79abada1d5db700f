/** A session from start to end: phases in order, what each phase allows, timers, and the end of the session. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { eventually, type Harness, refusalOf, seenBy, serverState, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.leaveAll();
});
afterAll(async () => {
  await h.close();
});

async function classOf(settings: Parameters<Harness['createSession']>[0]) {
  const session = await h.createSession(settings);
  const teacher = await h.joinTeacher(session);
  const projector = await h.joinProjector(session);
  const chen = await h.joinStudent(session, 'Chen');
  const sam = await h.joinStudent(session, 'Sam');
  await chen.room.request('chooseSeat', { seat: 'china' });
  await sam.room.request('chooseSeat', { seat: 'us' });
  return { session, teacher, projector, chen, sam };
}

/** Milliseconds from now until the phase timer the client shows runs out. */
const timeLeft = (endsAt: number) => endsAt - Date.now();

describe('a one-period session', () => {
  it('runs every phase of every round in order, then ends by itself after the last debrief', async () => {
    const { session, teacher, projector, chen, sam } = await classOf({ scenarioId: 'one-period' });
    expect(teacher.room.state.settings).toMatchObject({
      scenarioId: 'one-period',
      scenarioTitle: 'One class period',
    });
    expect([...teacher.room.state.settings.years]).toEqual([2015, 2020, 2024]);

    await teacher.room.request('startSession', {});
    const s = teacher.room.state;
    expect(s).toMatchObject({ stage: 'playing', round: 1, phase: 'briefing', teamsLocked: true });
    expect(timeLeft(s.phaseEndsAt)).toBeGreaterThan(55_000); // one-period briefing: 1 minute
    expect(timeLeft(s.phaseEndsAt)).toBeLessThanOrEqual(60_000);
    expect((await h.http(`/api/sessions/${session.code}`)).body).toMatchObject({ stage: 'playing' });
    expect(await refusalOf(chen.room.request('editDraft', { text: 'early' }))).toMatchObject({
      code: 'wrongPhase',
    });

    // Round 1, phase by phase, with what each phase allows.
    await teacher.room.request('advancePhase', seenBy(teacher));
    expect(s.phase).toBe('negotiation');
    expect(timeLeft(s.phaseEndsAt)).toBeGreaterThan(235_000); // 4 minutes
    await chen.room.request('editDraft', { text: 'Ask Russia about the RD-180 deal' });
    expect(await refusalOf(chen.room.request('submitOrders', {}))).toMatchObject({ code: 'wrongPhase' });

    await teacher.room.request('advancePhase', seenBy(teacher));
    expect(s.phase).toBe('orders');
    await chen.room.request('submitOrders', {});
    await eventually(() => {
      expect(sam.room.state.teams.get('china')?.submitted).toBe(true); // public: who has submitted
      expect(projector.room.state.teams.get('china')?.submitted).toBe(true);
    });
    expect(await refusalOf(chen.room.request('submitOrders', {}))).toMatchObject({ code: 'nothingToDo' });
    await chen.room.request('editDraft', { text: 'Table a PPWT revision instead' });
    expect(chen.room.state.teams.get('china')?.submitted).toBe(true); // notes are not orders
    await chen.room.request('setOrders', { orders: [{ kind: 'buildSsa' }] });
    expect(chen.room.state.teams.get('china')?.submitted).toBe(false); // changing the orders withdraws them
    await chen.room.request('submitOrders', {});

    await teacher.room.request('advancePhase', seenBy(teacher));
    expect(s.phase).toBe('resolution');
    expect(await refusalOf(chen.room.request('editDraft', { text: 'late' }))).toMatchObject({
      code: 'wrongPhase',
    });
    await teacher.room.request('advancePhase', seenBy(teacher));
    expect(s.phase).toBe('debrief');

    await teacher.room.request('advancePhase', seenBy(teacher));
    expect(s).toMatchObject({ round: 2, phase: 'briefing' });
    expect(s.teams.get('china')).toMatchObject({ submitted: false, draft: 'Table a PPWT revision instead' });

    // The remaining rounds: the teacher's state after each reply shows the phase it moved to.
    const seen: string[] = [];
    for (let i = 0; i < 2 * ROUND_PHASES.length - 1; i++) {
      await teacher.room.request('advancePhase', seenBy(teacher));
      seen.push(`${s.round}:${s.phase}`);
    }
    const expected = [2, 3].flatMap((round) => ROUND_PHASES.map((phase) => `${round}:${phase}`));
    expect(seen).toEqual(expected.slice(1));

    await teacher.room.request('advancePhase', seenBy(teacher));
    expect(s).toMatchObject({ stage: 'ended', phase: '', phaseEndsAt: 0 });
    await eventually(() => expect(projector.room.state.stage).toBe('ended'));
    expect(await refusalOf(teacher.room.request('advancePhase', seenBy(teacher)))).toEqual({
      code: 'wrongStage',
      message: 'The session has ended.',
    });
    expect((await h.http(`/api/sessions/${session.code}`)).status).toBe(410);
    expect(serverState(session).stage).toBe('ended');
  });
});

describe('ending early', () => {
  it('the teacher ends a session mid-round; nothing more can be played', async () => {
    const { session, teacher, chen, sam } = await classOf({ timersOn: false });
    await teacher.room.request('startSession', {});
    expect(teacher.room.state.phaseEndsAt).toBe(0); // timers off: no countdown
    await teacher.room.request('advancePhase', seenBy(teacher));
    await chen.room.request('editDraft', { text: 'draft' });

    await teacher.room.request('endSession', seenBy(teacher));
    expect(teacher.room.state).toMatchObject({ stage: 'ended', phase: '', round: 1 });
    await eventually(() => expect(sam.room.state.stage).toBe('ended'));
    expect(await refusalOf(teacher.room.request('endSession', seenBy(teacher)))).toEqual({
      code: 'wrongStage',
      message: 'The session has already ended.',
    });
    expect(await refusalOf(chen.room.request('editDraft', { text: 'more' }))).toMatchObject({
      code: 'wrongPhase',
    });
    expect((await h.http(`/api/sessions/${session.code}`)).status).toBe(410);
  });

  it('a session can be ended from the lobby', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    await teacher.room.request('endSession', seenBy(teacher));
    expect(teacher.room.state.stage).toBe('ended');
    expect((await h.http(`/api/sessions/${session.code}`)).status).toBe(410);
  });
});

describe('stale commands', () => {
  it('two quick clicks on Next from the negotiation move on once: the second is refused as stale', async () => {
    const { session, teacher, chen } = await classOf({ timersOn: false });
    await teacher.room.request('startSession', {});
    await teacher.room.request('advancePhase', seenBy(teacher));
    expect(teacher.room.state).toMatchObject({ round: 1, phase: 'negotiation' });

    // Both clicks leave before the first one's patch arrives, so both carry what the console showed then.
    const from = seenBy(teacher);
    const [accepted, refusal] = await Promise.all([
      teacher.room.request('advancePhase', from),
      refusalOf(teacher.room.request('advancePhase', from)),
    ]);
    expect(accepted).toHaveProperty('version');
    expect(refusal).toEqual({
      code: 'stale',
      message:
        'The session has already moved on to the orders phase of round 1; check the screen and press Next again if you still want to move on.',
    });
    expect(serverState(session)).toMatchObject({ round: 1, phase: 'orders' });
    expect(teacher.room.state.phase).toBe('orders');

    // The orders phase was not skipped: China confirms, and the next Next, from the screen as it is now, resolves.
    await chen.room.request('submitOrders', {});
    await teacher.room.request('advancePhase', seenBy(teacher));
    expect(teacher.room.state.phase).toBe('resolution');
  });
});

describe('team notes typed by two teammates at once', () => {
  it('refuses the stale edit as a conflict, so neither text is lost, and takes it on the new version', async () => {
    const { session, teacher, chen } = await classOf({ scenarioId: 'one-period' });
    const lin = await h.joinStudent(session, 'Lin');
    await lin.room.request('chooseSeat', { seat: 'china' });
    await teacher.room.request('startSession', {});
    await teacher.room.request('advancePhase', seenBy(teacher));
    const china = (p: typeof chen) => p.room.state.teams.get('china');
    await eventually(() => expect(china(lin)?.draftVersion).toBe(0));

    // Both start from version 0; Chen's edit lands first.
    await chen.room.request('editDraft', { text: 'Ask Russia about the RD-180 deal', base: 0 });
    expect(
      await refusalOf(lin.room.request('editDraft', { text: 'Table a PPWT revision', base: 0 })),
    ).toEqual({
      code: 'conflict',
      message: 'A teammate changed the notes while you were typing. Choose between their text and yours.',
    });
    // Lin's screen has the team's text and its version to choose against.
    await eventually(() =>
      expect(china(lin)).toMatchObject({ draft: 'Ask Russia about the RD-180 deal', draftVersion: 1 }),
    );
    // "Keep mine": the same text on the version Lin has now seen.
    await lin.room.request('editDraft', { text: 'Table a PPWT revision', base: 1 });
    await eventually(() =>
      expect(china(chen)).toMatchObject({ draft: 'Table a PPWT revision', draftVersion: 2 }),
    );
  });
});
