/**
 * A delegation's draft is secret: it reaches that team's members and the teacher, and no other client, neither in
 * the decoded state nor anywhere in the bytes on its socket. The positive checks (a teammate's frames do carry
 * the text) show the byte search would catch a leak.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  framesContain,
  type Harness,
  idOf,
  type Player,
  roundTrip,
  type Session,
  startHarness,
  seenBy,
} from './harness.ts';

let h: Harness;
let session: Session;
let teacher: Player;
let projector: Player;
let chen: Player; // China
let li: Player; // China
let sam: Player; // United States
let olga: Player; // observer

const secret = (team: string) => `${team}-draft-${randomUUID()}`;
const draftAs = (viewer: Player, team: string) => viewer.room.state.teams.get(team)?.draft;

/** Waits until every patch sent so far has reached these clients (a ping each, in turn). */
async function settle(...players: Player[]) {
  for (const p of players) await roundTrip(p);
}

function expectHidden(text: string, team: string, ...outsiders: Player[]) {
  for (const p of outsiders) {
    expect(draftAs(p, team), `${p.welcome.role} ${p.welcome.memberId ?? ''} decoded it`).not.toBe(text);
    expect(draftAs(p, team) ?? '', 'an outsider decodes no draft at all').toBe('');
    expect(framesContain(p, text), `${p.welcome.role} ${p.welcome.memberId ?? ''} received its bytes`).toBe(
      false,
    );
  }
}

beforeAll(async () => {
  h = await startHarness();
  session = await h.createSession({ timersOn: false });
  teacher = await h.joinTeacher(session);
  projector = await h.joinProjector(session);
  chen = await h.joinStudent(session, 'Chen');
  li = await h.joinStudent(session, 'Li');
  sam = await h.joinStudent(session, 'Sam');
  olga = await h.joinStudent(session, 'Olga');
  await chen.room.request('chooseSeat', { seat: 'china' });
  await li.room.request('chooseSeat', { seat: 'china' });
  await sam.room.request('chooseSeat', { seat: 'us' });
  await olga.room.request('chooseSeat', { seat: 'observer' });
  await teacher.room.request('startSession', {});
  await teacher.room.request('advancePhase', seenBy(teacher));
  expect(teacher.room.state.phase).toBe('negotiation');
});
afterAll(async () => {
  await h.close();
});

describe('team drafts', () => {
  it('a China draft reaches China and the teacher, and no byte of it reaches anyone else', async () => {
    const text = secret('china');
    await chen.room.request('editDraft', { text });
    expect(draftAs(chen, 'china')).toBe(text);
    await eventually(() => {
      expect(draftAs(li, 'china')).toBe(text);
      expect(draftAs(teacher, 'china')).toBe(text);
    });
    expect(framesContain(li, text)).toBe(true);
    expect(framesContain(teacher, text)).toBe(true);

    await settle(sam, olga, projector);
    expectHidden(text, 'china', sam, olga, projector);
  });

  it('a US draft stays out of China, while the teacher sees every desk', async () => {
    const text = secret('us');
    await sam.room.request('editDraft', { text });
    await eventually(() => expect(draftAs(teacher, 'us')).toBe(text));
    await settle(chen, li, olga, projector);
    expectHidden(text, 'us', chen, li, olga, projector);
    expect(framesContain(teacher, text)).toBe(true);
  });

  it("a late joiner gets a full state without other teams' drafts, and sees a desk once seated there", async () => {
    const text = secret('china');
    await chen.room.request('editDraft', { text });
    const dee = await h.joinStudent(session, 'Dee');
    await teacher.room.request('assignSeat', { memberId: idOf(dee), seat: 'us' });
    await settle(dee);
    expectHidden(text, 'china', dee);

    await teacher.room.request('assignSeat', { memberId: idOf(dee), seat: 'china' });
    await eventually(() => expect(draftAs(dee, 'china')).toBe(text));
  });

  it("a student moved to another delegation stops receiving the old team's draft", async () => {
    await teacher.room.request('assignSeat', { memberId: idOf(li), seat: 'us' });
    const usText = secret('us');
    await sam.room.request('editDraft', { text: usText });
    await eventually(() => expect(draftAs(li, 'us')).toBe(usText));

    const framesBefore = li.frames.length;
    const text = secret('china');
    await chen.room.request('editDraft', { text });
    await eventually(() => expect(draftAs(teacher, 'china')).toBe(text));
    await settle(li);
    expect(draftAs(li, 'china') ?? '', 'the old desk is cleared from the decoded state').toBe('');
    const since = li.frames.slice(framesBefore);
    expect(since.some((f) => Buffer.from(f).includes(Buffer.from(text)))).toBe(false);

    await teacher.room.request('assignSeat', { memberId: idOf(li), seat: 'china' });
    await eventually(() => expect(draftAs(li, 'china')).toBe(text));
  });

  it('a student who drops keeps the team view after reconnecting; an outsider does not gain it', async () => {
    const text = secret('china');
    await chen.room.request('editDraft', { text });
    chen.room.reconnection.enabled = false;
    sam.room.reconnection.enabled = false;
    h.dropConnection(chen);
    h.dropConnection(sam);
    await eventually(() => {
      expect(chen.room.connection.isOpen).toBe(false);
      expect(sam.room.connection.isOpen).toBe(false);
    });

    chen = await h.reconnect(chen);
    sam = await h.reconnect(sam);
    await settle(chen, sam);
    expect(draftAs(chen, 'china')).toBe(text);
    expect(framesContain(chen, text)).toBe(true);
    expectHidden(text, 'china', sam);
  });

  it('a student who rejoins under the same nickname sees the draft only once the teacher restores the seat', async () => {
    const text = secret('china');
    await chen.room.request('editDraft', { text });
    const formerId = idOf(chen);
    await chen.room.leave();
    await eventually(() => expect(teacher.room.state.members.get(formerId)?.status).toBe('gone'));

    const again = await h.joinStudent(session, 'Chen');
    await settle(again);
    expectHidden(text, 'china', again);

    await teacher.room.request('restoreSeat', { memberId: idOf(again), formerMemberId: formerId });
    await eventually(() => expect(draftAs(again, 'china')).toBe(text));
    chen = again;
  });
});
