/**
 * The debrief's "Who did what", counted from a log: statements on the floor, team and bilateral messages, orders
 * drafted, confirmations, assessments and notes, per member of each delegation, with the roles held.
 */
import { describe, expect, it } from 'vitest';
import { whoDidWhat } from '../../client/src/replay/credits.ts';
import { buildReplay } from '../../client/src/replay/model.ts';
import { member, teacher } from '../shared/testSession.ts';
import { asReplayLog, seatedClass } from './replayLog.ts';

/**
 * m1 Ana (US head), m2 Al (US analyst and the rest), m3 Wei (China), m4 Sasha (Russia), m5 Cy (observer).
 * Round 1: Russia jams the US; Al drafts two orders and Ana one; Ana confirms; Al writes and revises the
 * assessment; Ana speaks on the floor twice, Al in the team chat; Wei says one thing to the floor.
 */
function playClass() {
  const r = seatedClass('s-CREDIT-1700000000', 'CREDIT', [
    ['Ana', 'us'],
    ['Al', 'us'],
    ['Wei', 'china'],
    ['Sasha', 'russia'],
    ['Cy', 'observer'],
  ]);
  const [ana, al, wei, sasha] = ['m1', 'm2', 'm3', 'm4'].map(member) as [
    ReturnType<typeof member>,
    ReturnType<typeof member>,
    ReturnType<typeof member>,
    ReturnType<typeof member>,
  ];
  r.do(teacher, { type: 'startSession' });
  r.advanceTo('negotiation');
  r.do(ana, { type: 'sendMessage', to: 'floor', text: 'We seek restraint.' });
  r.do(ana, { type: 'sendMessage', to: 'floor', text: 'And verification.' });
  r.do(wei, { type: 'sendMessage', to: 'floor', text: 'China agrees.' });
  r.do(al, { type: 'sendMessage', to: 'team', text: 'Watch Russia.' });
  r.do(al, { type: 'editDraft', text: 'Watch Russia.' });
  r.do(al, { type: 'setOrders', orders: [{ kind: 'debrisMitigation' }, { kind: 'buildSsa' }] });
  r.do(ana, {
    type: 'setOrders',
    orders: [{ kind: 'debrisMitigation' }, { kind: 'buildSsa' }, { kind: 'proposeTcbm', measure: 'hotline' }],
  });
  r.do(al, { type: 'setOrders', orders: [{ kind: 'debrisMitigation' }, { kind: 'buildSsa' }] }); // removes one
  r.do(sasha, { type: 'setOrders', orders: [{ kind: 'jam', target: 'us' }] });
  r.advanceTo('orders');
  r.do(ana, { type: 'submitOrders' });
  r.do(sasha, { type: 'submitOrders' });
  r.advanceTo('resolution');
  const incident = r.state.world?.incidents.find((i) => i.victim === 'us');
  if (!incident) throw new Error('the jamming made no incident');
  const assess = (why: string) =>
    r.do(al, { type: 'writeAssessment', incidentId: incident.id, suspect: 'russia', confidence: 'low', why });
  assess('Russia has jammers.');
  assess('Russia has jammers, and the timing fits.');
  return r;
}

const replayOf = asReplayLog;

describe('who did what', () => {
  const credits = whoDidWhat(buildReplay('s-CREDIT-1700000000', replayOf(playClass())));

  it('counts each member’s work for the delegation they sat at', () => {
    expect(credits.us).toEqual([
      {
        memberId: 'm1',
        nickname: 'Ana',
        roles: ['head', 'spokesperson'],
        floor: 2,
        team: 0,
        talks: 0,
        orders: 1,
        confirmations: 1,
        assessments: 0,
        notes: 0,
      },
      {
        memberId: 'm2',
        nickname: 'Al',
        roles: ['diplomat', 'legal', 'commander', 'analyst'],
        floor: 0,
        team: 1,
        talks: 0,
        orders: 2,
        confirmations: 0,
        assessments: 2,
        notes: 1,
      },
    ]);
  });

  it('other delegations keep their own counts; observers are not listed', () => {
    expect(credits.china.map((c) => [c.nickname, c.floor, c.orders])).toEqual([['Wei', 1, 0]]);
    expect(credits.russia.map((c) => [c.nickname, c.orders, c.confirmations])).toEqual([['Sasha', 1, 1]]);
    const listed = [...credits.us, ...credits.china, ...credits.russia].map((c) => c.nickname);
    expect(listed).not.toContain('Cy');
  });
});
