/**
 * What a hostile student types, through the real server: impostor nicknames (the teacher's name, look-alike
 * letters, full-width letters, invisible names) are refused or folded, and chat and drafts lose controls and
 * direction overrides but keep emoji whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  failureOf,
  type Harness,
  memberAs,
  type Player,
  type Session,
  serverState,
  startHarness,
  seenBy,
} from '../harness.ts';

let h: Harness;
let session: Session;
let teacher: Player;
let ana: Player;
beforeAll(async () => {
  h = await startHarness();
  session = await h.createSession({ timersOn: false });
  teacher = await h.joinTeacher(session);
  ana = await h.joinStudent(session, 'Ana');
});
afterAll(async () => {
  await h.leaveAll();
  await h.close();
});

const join = (nickname: string) => h.join(session, { role: 'student', code: session.code, nickname });

describe('nicknames', () => {
  it.each([
    ['Teacher', /kept for the screens/],
    ['Projector', /kept for the screens/],
    ['Ｔｅａｃｈｅｒ', /kept for the screens/],
    ['Теаcher', /kept for the screens/], // Cyrillic Т, е, а
    ['\u3164', /Type a nickname/],
    ['\u2800\u2800', /Type a nickname/],
    ['\u200b\u200d', /Type a nickname/],
  ])('%j is refused before a seat is reserved', async (nickname, message) => {
    const error = await failureOf(join(nickname));
    expect(error.code).toBe(400);
    expect(error.message).toMatch(message);
  });

  it.each([['Аna'], ['Αna'], ['ＡＮＡ'], ['A\u200bna'], ['\u3164Ana']])(
    '%j cannot join beside "Ana"',
    async (nickname) => {
      const error = await failureOf(join(nickname));
      expect(error.code).toBe(409);
      expect(error.message).toMatch(/already called/);
    },
  );

  it('a nickname with an emoji sequence keeps it whole, and a full-width one is folded', async () => {
    const astronaut = await join('Li 👩\u200d🚀');
    expect(memberAs(teacher, astronaut)?.nickname).toBe('Li 👩\u200d🚀');
    const wide = await join('Ｍａｘ');
    expect(memberAs(teacher, wide)?.nickname).toBe('Max');
  });
});

describe('messages and drafts', () => {
  it('the CD floor gets no control or direction-override characters, and emoji stay whole', async () => {
    await ana.room.request('chooseSeat', { seat: 'china' });
    await teacher.room.request('startSession', {});
    await teacher.room.request('advancePhase', seenBy(teacher));
    await ana.room.request('sendMessage', {
      to: 'floor',
      text: 'We \u202eetov\u202c no\u0007w 👨\u200d👩\u200d👧 1\ufe0f\u20e3',
    });
    const floor = [...(serverState(session) as unknown as { floor: Iterable<{ text: string }> }).floor];
    expect(floor.at(-1)?.text).toBe('We etov now 👨\u200d👩\u200d👧 1\ufe0f\u20e3');
  });

  it('a message of direction overrides only is refused as empty', async () => {
    const error = await failureOf(
      ana.room.request('sendMessage', { to: 'floor', text: '\u202e\u202d\u2066' }),
    );
    expect(error.message).toMatch(/Write something first/);
    expect(ana.room.connection.isOpen).toBe(true);
  });

  it('a draft keeps its lines and loses its controls', async () => {
    await ana.room.request('editDraft', { text: 'Article 1\r\n\tNo\u0000 weapons\u2067 in orbit.' });
    expect(serverState(session).teams.get('china')?.draft).toBe('Article 1\n\tNo weapons in orbit.');
  });
});
