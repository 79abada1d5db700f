/**
 * A team's attribution assessment over real connections: Russia jams the United States; the US analyst writes
 * the team's assessment of the incident; the US team and the teacher receive it, while China, Russia (the
 * attacker, who cannot assess what it did) and the projector never do, in their decoded state or on the wire.
 * The log keeps who wrote it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorldView } from '../../shared/rules/views.ts';
import type { Assessment } from '../../shared/session/assessment.ts';
import { LogStore } from '../../server/log/SessionLog.ts';
import type { SessionRoom as ServerRoom } from '../../server/rooms/SessionRoom.ts';
import {
  eventually,
  framesContain,
  type Harness,
  idOf,
  pace,
  type Player,
  refusalOf,
  roundTrip,
  type Session,
  seenBy,
  startHarness,
} from './harness.ts';

let h: Harness;
let dataDir: string;
let session: Session;
let teacher: Player;
let projector: Player;
let ana: Player; // United States, the head (and spokesperson)
let al: Player; // United States: diplomat, legal adviser, commander and analyst
let wei: Player; // China
let sasha: Player; // Russia, who jams the United States

async function ask(p: Player, type: string, payload: object = {}) {
  await pace(p);
  return p.room.request(type, payload);
}
const teamOf = (p: Player, d: string) =>
  p.room.state.teams.get(d) as unknown as { secret?: string; assessments?: string } | undefined;
const assessmentsSeenBy = (p: Player, d: string): Assessment[] => {
  const raw = teamOf(p, d)?.assessments;
  return raw ? (JSON.parse(raw) as Assessment[]) : [];
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paros-assess-'));
  h = await startHarness({ dataDir });
  session = await h.createSession({ timersOn: false });
  teacher = await h.joinTeacher(session);
  projector = await h.joinProjector(session);
  ana = await h.joinStudent(session, 'Ana');
  al = await h.joinStudent(session, 'Al');
  wei = await h.joinStudent(session, 'Wei');
  sasha = await h.joinStudent(session, 'Sasha');
  for (const [p, seat] of [
    [ana, 'us'],
    [al, 'us'],
    [wei, 'china'],
    [sasha, 'russia'],
  ] as const)
    await ask(p, 'chooseSeat', { seat });
  await ask(teacher, 'startSession');
  await ask(teacher, 'advancePhase', seenBy(teacher)); // negotiation
  await ask(sasha, 'setOrders', { orders: [{ kind: 'jam', target: 'us' }] });
  await ask(teacher, 'advancePhase', seenBy(teacher)); // orders
  await eventually(() => expect(sasha.room.state.phase).toBe('orders'));
  await ask(sasha, 'submitOrders');
  await ask(teacher, 'advancePhase', seenBy(teacher)); // resolution: Russia's jamming strikes
  await eventually(() => expect(teacher.room.state.phase).toBe('resolution'));
});
afterAll(async () => {
  await h?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('our assessment', () => {
  it('the analyst writes it; the team and the teacher read it, the other delegations never do', async () => {
    expect((al.room.state.members.get(idOf(al)) as { roles?: string } | undefined)?.roles ?? '').toContain(
      'analyst',
    );
    const incident = await eventually(() => {
      const secret = JSON.parse(teamOf(al, 'us')?.secret ?? '{}') as Partial<WorldView>;
      const jammed = secret.incidents?.find((i) => i.victim === 'us' && i.kind === 'signalJammed');
      expect(jammed, JSON.stringify([secret.round, secret.incidents, secret.changes?.length])).toBeDefined();
      return jammed!;
    });
    expect(incident.cause).toBeUndefined(); // the US does not know who did it

    const why = `The jamming matched Russia's ground stations ${randomUUID()}`;
    await ask(al, 'writeAssessment', {
      incidentId: incident.id,
      suspect: 'russia',
      confidence: 'moderate',
      why,
    });

    for (const reader of [al, ana, teacher])
      await eventually(() =>
        expect(assessmentsSeenBy(reader, 'us')).toEqual([
          { incidentId: incident.id, suspect: 'russia', confidence: 'moderate', why, by: idOf(al), round: 1 },
        ]),
      );
    for (const outsider of [wei, sasha, projector]) {
      await roundTrip(outsider);
      expect(teamOf(outsider, 'us')?.assessments).toBeUndefined();
      expect(JSON.stringify(outsider.room.state.toJSON())).not.toContain(why);
      expect(framesContain(outsider, why)).toBe(false);
    }
    // The insiders' frames do carry it: the byte search would catch a leak.
    expect(framesContain(ana, why)).toBe(true);

    // The attacker knows what it did: there is nothing for it to assess.
    const refusal = await refusalOf(
      ask(sasha, 'writeAssessment', {
        incidentId: incident.id,
        suspect: 'china',
        confidence: 'high',
        why: 'x',
      }),
    );
    expect(refusal.code).toBe('nothingToDo');

    // The log keeps who wrote it, for the debrief's credits.
    const room = matchMaker.getLocalRoomById(session.roomId) as unknown as ServerRoom;
    const log = new LogStore(join(dataDir, 'sessions')).open(room.sessionId);
    try {
      const entry = log.entries().find((e) => e.command.type === 'writeAssessment');
      expect(entry?.actor).toEqual({ kind: 'member', memberId: idOf(al) });
    } finally {
      log.close();
    }
  });
});
