/** The lobby over real WebSockets: joining, seats, locked teams, and the teacher's seat commands. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../../server/content.ts';
import { CLOSE_REMOVED } from '../../shared/protocol/toClient.ts';
import { eventually, type Harness, idOf, leaveCode, memberAs, refusalOf, startHarness } from './harness.ts';

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

describe('joining a session', () => {
  it('creates a session over HTTP and finds it by its code, typed loosely', async () => {
    const session = await h.createSession();
    expect(session.code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    expect(session.hostSecret.length).toBeGreaterThanOrEqual(32);

    const typed = `${session.code.slice(0, 3).toLowerCase()}-${session.code.slice(3).toLowerCase()}`;
    const found = await h.http(`/api/sessions/${encodeURIComponent(typed)}`);
    expect(found).toMatchObject({ status: 200, body: { roomId: session.roomId, stage: 'lobby' } });

    const scenarios = await h.http('/api/scenarios');
    expect(scenarios.status).toBe(200);
    // Every scenario shipped in content/, in full (rounds, cards, timers), and nothing else.
    expect(scenarios.body).toEqual(JSON.parse(JSON.stringify(readContent('content').scenarios)));
    expect((scenarios.body as { id: string }[]).map((s) => s.id)).toEqual(
      expect.arrayContaining(['campaign', 'one-period']),
    );
  });

  it('lets the teacher, the projector and students in, and every client sees the members', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    const projector = await h.joinProjector(session);
    const ana = await h.joinStudent(session, 'Ana');
    const ben = await h.joinStudent(session, '  Ben   Okafor ');

    expect(teacher.welcome).toMatchObject({ role: 'teacher' });
    expect(teacher.welcome.memberId).toBeUndefined();
    expect(projector.welcome).toMatchObject({ role: 'projector' });
    expect(projector.welcome.memberId).toBeUndefined();
    expect(ana.welcome).toMatchObject({ role: 'student', memberId: 'm1' });
    expect(ben.welcome).toMatchObject({ role: 'student', memberId: 'm2' });
    expect(Math.abs(ana.welcome.serverTime - Date.now())).toBeLessThan(5000);

    for (const viewer of [teacher, projector, ana, ben]) {
      await eventually(() => expect(viewer.room.state.members.size).toBe(2));
      expect(viewer.room.state.code).toBe(session.code);
      expect(viewer.room.state.stage).toBe('lobby');
      expect(viewer.room.state.hostConnected).toBe(true);
      expect(memberAs(viewer, ana)).toMatchObject({
        id: 'm1',
        nickname: 'Ana',
        seat: 'unseated',
        status: 'connected',
      });
      expect(memberAs(viewer, ben)?.nickname).toBe('Ben Okafor');
    }
  });

  it('two students racing for one nickname: one gets it, the other a readable refusal', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    const results = await Promise.allSettled([h.joinStudent(session, 'Zed'), h.joinStudent(session, 'zed')]);
    const joined = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(joined).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(String((refused[0] as PromiseRejectedResult).reason?.message)).toMatch(
      /^Someone here is already called "[Zz]ed"\. Add an initial or pick another nickname\.$/,
    );
    await eventually(() => expect(teacher.room.state.members.size).toBe(1));
  });

  it('shows whether the teacher is connected', async () => {
    const session = await h.createSession();
    const projector = await h.joinProjector(session);
    expect(projector.room.state.hostConnected).toBe(false);
    const teacher = await h.joinTeacher(session);
    await eventually(() => expect(projector.room.state.hostConnected).toBe(true));
    await teacher.room.leave();
    await eventually(() => expect(projector.room.state.hostConnected).toBe(false));
  });
});

describe('seats', () => {
  it('a chosen seat reaches everyone, and a full delegation refuses the next student', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    const ana = await h.joinStudent(session, 'Ana');
    const ben = await h.joinStudent(session, 'Ben');

    const { version } = await teacher.room.request('updateSettings', { maxPerDelegation: 1 });
    expect(version).toBe(teacher.room.state.version);
    await eventually(() => expect(ana.room.state.settings.maxPerDelegation).toBe(1));

    await ana.room.request('chooseSeat', { seat: 'us' });
    expect(memberAs(ana, ana)?.seat).toBe('us'); // the sender's patch precedes the reply
    await eventually(() => {
      expect(memberAs(ben, ana)?.seat).toBe('us');
      expect(memberAs(teacher, ana)?.seat).toBe('us');
    });

    expect(await refusalOf(ben.room.request('chooseSeat', { seat: 'us' }))).toEqual({
      code: 'delegationFull',
      message: 'The United States delegation is full (1). Pick another, or watch as an observer.',
    });
    expect(memberAs(teacher, ben)?.seat).toBe('unseated');

    await ben.room.request('chooseSeat', { seat: 'china' });
    await eventually(() => expect(memberAs(ana, ben)?.seat).toBe('china'));
    expect(await refusalOf(ben.room.request('chooseSeat', { seat: 'china' }))).toMatchObject({
      code: 'nothingToDo',
    });
  });

  it('the limit cannot go below the students already seated', async () => {
    const session = await h.createSession({ maxPerDelegation: 2 });
    const teacher = await h.joinTeacher(session);
    expect(teacher.room.state.settings.maxPerDelegation).toBe(2);
    const ana = await h.joinStudent(session, 'Ana');
    const ben = await h.joinStudent(session, 'Ben');
    await ana.room.request('chooseSeat', { seat: 'russia' });
    await ben.room.request('chooseSeat', { seat: 'russia' });

    const refusal = await refusalOf(teacher.room.request('updateSettings', { maxPerDelegation: 1 }));
    expect(refusal.code).toBe('delegationFull');
    expect(refusal.message).toContain('Russia already has 2 students');
    expect(teacher.room.state.settings.maxPerDelegation).toBe(2);
  });

  it('locked teams refuse students, still allow the gallery, and the teacher can still move people', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    const ana = await h.joinStudent(session, 'Ana');
    await ana.room.request('chooseSeat', { seat: 'china' });

    await teacher.room.request('lockTeams', { locked: true });
    await eventually(() => expect(ana.room.state.teamsLocked).toBe(true));

    expect(await refusalOf(ana.room.request('chooseSeat', { seat: 'us' }))).toEqual({
      code: 'teamsLocked',
      message: 'The teacher has locked the teams. Ask the teacher to move you.',
    });
    expect(memberAs(teacher, ana)?.seat).toBe('china');

    await ana.room.request('chooseSeat', { seat: 'observer' });
    await eventually(() => expect(memberAs(teacher, ana)?.seat).toBe('observer'));
    expect(await refusalOf(ana.room.request('chooseSeat', { seat: 'china' }))).toMatchObject({
      code: 'teamsLocked',
    });

    await teacher.room.request('assignSeat', { memberId: idOf(ana), seat: 'russia' });
    await eventually(() => expect(memberAs(ana, ana)?.seat).toBe('russia'));
    await teacher.room.request('assignSeat', { memberId: idOf(ana), seat: 'us' });
    await eventually(() => expect(memberAs(ana, ana)?.seat).toBe('us'));

    await teacher.room.request('lockTeams', { locked: false });
    await ana.room.request('chooseSeat', { seat: 'china' });
    await eventually(() => expect(memberAs(teacher, ana)?.seat).toBe('china'));
  });

  it('the teacher can seat a student who has not chosen, but not past the limit', async () => {
    const session = await h.createSession({ maxPerDelegation: 1 });
    const teacher = await h.joinTeacher(session);
    const ana = await h.joinStudent(session, 'Ana');
    const ben = await h.joinStudent(session, 'Ben');
    await teacher.room.request('assignSeat', { memberId: idOf(ana), seat: 'us' });
    expect(
      await refusalOf(teacher.room.request('assignSeat', { memberId: idOf(ben), seat: 'us' })),
    ).toMatchObject({ code: 'delegationFull' });
    await teacher.room.request('assignSeat', { memberId: idOf(ben), seat: 'observer' });
    await eventually(() => {
      expect(memberAs(ben, ana)?.seat).toBe('us');
      expect(memberAs(ben, ben)?.seat).toBe('observer');
    });
  });
});

describe('removing and restoring', () => {
  it('removing a student closes that connection with CLOSE_REMOVED and drops the member everywhere', async () => {
    const session = await h.createSession();
    const teacher = await h.joinTeacher(session);
    const ana = await h.joinStudent(session, 'Ana');
    const ben = await h.joinStudent(session, 'Ben');
    await ana.room.request('chooseSeat', { seat: 'us' });
    const closed = leaveCode(ana);

    await teacher.room.request('removeMember', { memberId: idOf(ana) });
    expect(await closed).toBe(CLOSE_REMOVED);
    await eventually(() => {
      expect(memberAs(teacher, ana)).toBeUndefined();
      expect(memberAs(ben, ana)).toBeUndefined();
    });
    expect(ben.room.connection.isOpen).toBe(true);
    expect(await refusalOf(teacher.room.request('removeMember', { memberId: idOf(ana) }))).toMatchObject({
      code: 'unknownMember',
    });

    // Changed by issue 2.3/7: the nickname stays refused until the teacher lets the student back in; then it
    // joins as a new member, and the seat is not held for anyone.
    await expect(h.joinStudent(session, 'Ana')).rejects.toThrow(/teacher removed you/);
    await teacher.room.request('readmit', { nickname: 'Ana' });
    const again = await h.joinStudent(session, 'Ana');
    expect(idOf(again)).not.toBe(idOf(ana));
    expect(memberAs(again, again)?.seat).toBe('unseated');
  });

  it('a student who left keeps the seat as "gone"; after rejoining, the teacher hands the old seat back', async () => {
    const session = await h.createSession({ maxPerDelegation: 1 });
    const teacher = await h.joinTeacher(session);
    const ana = await h.joinStudent(session, 'Ana');
    const ben = await h.joinStudent(session, 'Ben');
    await ana.room.request('chooseSeat', { seat: 'china' });
    const formerId = idOf(ana);

    await ana.room.leave(); // consented: the tab was closed, no automatic return
    await eventually(() =>
      expect(memberAs(teacher, formerId)).toMatchObject({ status: 'gone', seat: 'china' }),
    );

    // The gone student's seat still counts, so the delegation stays full for others.
    expect(await refusalOf(ben.room.request('chooseSeat', { seat: 'china' }))).toMatchObject({
      code: 'delegationFull',
    });

    const back = await h.joinStudent(session, 'ana');
    expect(idOf(back)).not.toBe(formerId);
    expect(memberAs(back, back)?.seat).toBe('unseated');
    expect(
      await refusalOf(
        teacher.room.request('restoreSeat', { memberId: idOf(ben), formerMemberId: idOf(back) }),
      ),
    ).toMatchObject({ code: 'nothingToDo' });

    await teacher.room.request('restoreSeat', { memberId: idOf(back), formerMemberId: formerId });
    await eventually(() => {
      expect(memberAs(back, back)).toMatchObject({ seat: 'china', status: 'connected' });
      expect(memberAs(teacher, formerId)).toBeUndefined();
      expect(memberAs(ben, formerId)).toBeUndefined();
    });
    expect(
      await refusalOf(
        teacher.room.request('restoreSeat', { memberId: idOf(back), formerMemberId: formerId }),
      ),
    ).toMatchObject({ code: 'unknownMember' });
  });
});
