/**
 * A short class, written as the room writes its log and handed out as the replay API hands it: three students
 * at the three desks, two rounds of the two-round test scenario, a card the teacher plays in round 1, a note
 * bookmarked in round 2, and Russia never confirming its orders.
 */
import { DELEGATIONS, type Delegation, type Seat } from '../../shared/model/seats.ts';
import type { ReplayLog } from '../../shared/protocol/http.ts';
import { type LogHeader, RULES_VERSION } from '../../shared/session/log.ts';
import type { Order } from '../../shared/rules/orders.ts';
import { Recorder } from '../shared/testLog.ts';
import { ctx, member, system, teacher } from '../shared/testSession.ts';

export const header: LogHeader = {
  sessionId: 's-7KQ3MX-1700000000',
  code: '7KQ3MX',
  seed: 20150101,
  createdAt: Date.UTC(2025, 2, 10, 9, 30),
  rulesVersion: RULES_VERSION,
  settings: { scenarioId: 'two-rounds', timersOn: false },
  content: ctx,
  forkedFrom: undefined,
};

export const PLAYED_CARD = 'x03-us-space-force';
/** What each desk orders in rounds 1 and 2. */
export const ORDERS: Record<Delegation, Order[]>[] = [
  {
    us: [
      { kind: 'amendDraft', draft: 'ppwt', clause: 'verification' },
      { kind: 'proposeTcbm', measure: 'hotline' },
      { kind: 'launchSatellites', regime: 'meo', count: 1 },
    ],
    china: [{ kind: 'summit', with: 'us' }, { kind: 'debrisMitigation' }],
    russia: [
      { kind: 'jam', target: 'us' },
      { kind: 'buildCounterspace', weapon: 'coOrbital' },
    ],
  },
  {
    us: [{ kind: 'coSponsor', draft: 'ppwt' }, { kind: 'debrisMitigation' }],
    china: [{ kind: 'workingPaper', topic: 'verification' }, { kind: 'buildSsa' }],
    russia: [
      { kind: 'testCounterspace', weapon: 'coOrbital', target: 'us' },
      { kind: 'launchSatellites', regime: 'meo', count: 2 },
    ],
  },
];

/** The class as recorded, with the state after each entry. */
export function playClass(): Recorder {
  const r = new Recorder(header);
  const seats = {} as Record<Delegation, string>;
  for (const [i, d] of DELEGATIONS.entries()) {
    const joined = r.do(system, { type: 'joinSession', nickname: `Student ${i + 1}`, keyHash: `k${i}` });
    const id = joined.ok ? joined.events.find((e) => e.type === 'memberJoined')?.memberId : undefined;
    if (!id) throw new Error('no member joined');
    seats[d] = id;
    r.do(member(id), { type: 'chooseSeat', seat: d });
  }
  r.do(teacher, { type: 'startSession' });
  r.do(teacher, { type: 'injectCard', cardId: PLAYED_CARD });
  for (let round = 1; round <= 2; round++) {
    r.advanceTo('negotiation');
    r.do(member(seats.us), { type: 'editDraft', text: `Round ${round}: talk to Moscow first.` });
    r.advanceTo('orders');
    for (const d of DELEGATIONS) {
      r.do(member(seats[d]), { type: 'setOrders', orders: ORDERS[round - 1]![d] });
      if (d !== 'russia') r.do(member(seats[d]), { type: 'submitOrders' });
    }
    if (round === 2) r.do(teacher, { type: 'addBookmark', note: 'Russia did not confirm' });
    r.advanceTo('resolution');
  }
  r.advanceTo('debrief');
  r.do(teacher, { type: 'advancePhase' });
  return r;
}

/** The log as the replay API sends it (JSON text, read again), with one bookmark added later in the viewer. */
export function replayLogOf(r: Recorder): ReplayLog {
  return JSON.parse(
    JSON.stringify({
      header,
      entries: r.entries,
      roundHashes: r.hashes,
      bookmarks: [{ id: 1, seq: 3, at: 1_800_000_000_000, note: 'Everyone is seated' }],
      stage: r.state.stage,
    }),
  );
}

/**
 * A class of named students on the two-round test scenario: each joins in turn (m1, m2, …) and sits where given;
 * the rest is the caller's to record.
 */
export function seatedClass(
  sessionId: string,
  code: string,
  students: readonly (readonly [string, Exclude<Seat, 'unseated'>])[],
): Recorder {
  const r = new Recorder({ ...header, sessionId, code, seed: 7, createdAt: 0 });
  for (const [nickname, seat] of students) {
    const joined = r.do(system, { type: 'joinSession', nickname });
    const id = joined.ok ? (joined.events[0] as { memberId: string }).memberId : '';
    r.do(member(id), { type: 'chooseSeat', seat });
  }
  return r;
}

/** A recorded class's log as the replay API sends it (JSON text, read again), with no bookmark. */
export function asReplayLog(r: Recorder): ReplayLog {
  return JSON.parse(
    JSON.stringify({
      header: r.head,
      entries: r.entries,
      roundHashes: r.hashes,
      bookmarks: [],
      stage: r.state.stage,
    }),
  );
}
