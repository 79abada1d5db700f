/**
 * Every message a schema allows passes the WebSocket: the ws transport's default 4 KiB frame limit cut the
 * connection (1009) on a draft of 1,400 Chinese characters, and the draft was lost. An over-long message is
 * refused by its schema with a message, and the connection stays open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_MAX_BYTES } from '../../../server/app.ts';
import { DRAFT_MAX_LENGTH } from '../../../shared/protocol/toServer.ts';
import { MAX_ORDERS, STATEMENT_MAX_LENGTH } from '../../../shared/rules/orders.ts';
import {
  failureOf,
  type Harness,
  type Player,
  roundTrip,
  serverState,
  type Session,
  startHarness,
  seenBy,
} from '../harness.ts';

let h: Harness;
let session: Session;
let teacher: Player;
let chen: Player;
beforeAll(async () => {
  h = await startHarness();
  session = await h.createSession({ timersOn: false });
  teacher = await h.joinTeacher(session);
  chen = await h.joinStudent(session, 'Chen');
  await chen.room.request('chooseSeat', { seat: 'china' });
  await teacher.room.request('startSession', {});
  await teacher.room.request('advancePhase', seenBy(teacher));
});
afterAll(async () => {
  await h.leaveAll();
  await h.close();
});

/** `n` UTF-16 units of 3-byte characters, cycling through `chars`. */
const text = (chars: string, n: number) =>
  Array.from({ length: n }, (_, i) => chars[i % chars.length]).join('');
const CHINESE = '我们反对在外空部署任何武器和平利用太空条约草案';
const TYPOGRAPHIC = '“”‘’—–…•✓★☆♥→←€№';

describe('drafts at the limit', () => {
  it.each([
    ['Chinese', CHINESE],
    ['typographic and emoji-like', TYPOGRAPHIC],
  ])('2,000 %s characters are saved', async (_, chars) => {
    const draft = text(chars, DRAFT_MAX_LENGTH);
    expect(Buffer.byteLength(draft)).toBe(3 * DRAFT_MAX_LENGTH);
    await chen.room.request('editDraft', { text: draft });
    expect(serverState(session).teams.get('china')?.draft).toBe(draft);
    expect(chen.room.connection.isOpen).toBe(true);
  });

  it.each([
    ['Chinese', CHINESE],
    ['typographic and emoji-like', TYPOGRAPHIC],
  ])('2,001 %s characters are refused with a message, and the connection stays', async (_, chars) => {
    const before = serverState(session).teams.get('china')?.draft;
    const error = await failureOf(
      chen.room.request('editDraft', { text: text(chars, DRAFT_MAX_LENGTH + 1) }),
    );
    // One issue in plain words, not zod's list of codes and limits (the client shows its message).
    expect(JSON.parse(error.message)).toEqual([
      { code: 'custom', path: [], message: expect.stringMatching(/^text: \S.*2000/) },
    ]);
    expect(chen.room.connection.isOpen).toBe(true);
    expect(serverState(session).teams.get('china')?.draft).toBe(before);
    await roundTrip(chen); // the same connection still answers
  });
});

describe('the largest payloads the other schemas allow', () => {
  it('six statements of 280 three-byte characters reach the rules', async () => {
    const orders = Array.from({ length: MAX_ORDERS }, () => ({
      kind: 'statement',
      stance: 'restraint',
      text: text(CHINESE, STATEMENT_MAX_LENGTH),
    }));
    // Accepted or refused by the rules (six statements cost more than a budget), but answered: never cut off.
    await chen.room.request('setOrders', { orders }).catch((e: { name?: string }) => {
      expect(e.name).toBe('rejected');
    });
    expect(chen.room.connection.isOpen).toBe(true);
  });

  it('a custom card with the longest title and briefing reaches the rules', async () => {
    const card = {
      title: text(CHINESE, 90),
      briefing: text(CHINESE, 700),
      arena: 'orbit',
      effects: Array.from({ length: 5 }, () => ({ kind: 'tension', delta: 1 })),
    };
    await teacher.room.request('injectCustom', { card }).catch((e: { name?: string }) => {
      expect(e.name).toBe('rejected');
    });
    expect(teacher.room.connection.isOpen).toBe(true);
  });

  it('the frame limit is above the largest of them, with room for the envelope', () => {
    const largest = Math.max(
      3 * DRAFT_MAX_LENGTH,
      MAX_ORDERS * (3 * STATEMENT_MAX_LENGTH + 100),
      3 * 790 + 500,
    );
    expect(MESSAGE_MAX_BYTES).toBeGreaterThan(largest + 1024);
  });
});
