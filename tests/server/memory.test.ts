/**
 * What keeps a session's memory small (docs/performance.md, "Where the memory per session goes"): one copy of the
 * content per server, and a patch buffer that does not stay grown. They reach into Colyseus's room, so these
 * tests also say when a new Colyseus no longer looks the way they expect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogHeader } from '../../shared/session/log.ts';
import { LogStore } from '../../server/log/SessionLog.ts';
import { eventually, type Harness, type Player, type Session, startHarness } from './harness.ts';

let h: Harness;
let session: Session;
let teacher: Player;
let ana: Player;

beforeAll(async () => {
  h = await startHarness();
  session = await h.createSession({ timersOn: false });
  teacher = await h.joinTeacher(session);
  ana = await h.joinStudent(session, 'Ana');
  await ana.room.request('chooseSeat', { seat: 'us' });
});
afterAll(async () => {
  await h.close();
});

/** The room's private parts these tests look at. */
interface RoomInside {
  rules: { cards: unknown; scenarios: unknown };
  services: { cards: unknown; scenarios: unknown };
  _serializer?: { encoder?: { sharedBuffer?: Uint8Array } };
}
const inside = (s: Session) => matchMaker.getLocalRoomById(s.roomId) as unknown as RoomInside;

describe('memory per session', () => {
  it('plays on the server’s own content objects, not on a copy parsed back from its log', () => {
    const room = inside(session);
    expect(room.rules.cards).toBe(room.services.cards);
    expect(room.rules.scenarios).toBe(room.services.scenarios);
  });

  it('lets a grown patch buffer go after the patch', async () => {
    const encoder = inside(session)._serializer?.encoder;
    // If this fails, Colyseus keeps its patch buffer elsewhere now: server/sync/patchBuffer.ts must follow.
    expect(encoder?.sharedBuffer).toBeInstanceOf(Uint8Array);
    if (!encoder) return;
    encoder.sharedBuffer = new Uint8Array(3 * Encoder.BUFFER_SIZE);
    await teacher.room.request('startSession', {});
    expect(encoder.sharedBuffer.byteLength).toBe(Encoder.BUFFER_SIZE);
    await eventually(() => expect(ana.room.state.stage).toBe('playing'));
  });

  it('keeps a new log’s header as it was given, content included, instead of parsing it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paros-memory-'));
    try {
      const content = { scenarios: [], cards: [] };
      const header = {
        sessionId: 's-MEM1-abc',
        code: 'MEM1',
        seed: 1,
        createdAt: 0,
        rulesVersion: 1,
        settings: undefined,
        content,
        forkedFrom: undefined,
      } as unknown as LogHeader;
      const log = new LogStore(dir).create(header, 'hash');
      expect(log.header().content).toBe(content);
      log.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
