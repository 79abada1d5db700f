/** What the console's phase bar warns about, from sessions built by real commands and seen as the teacher's view. */
import { describe, expect, it } from 'vitest';
import { sessionViewOf } from '../../client/src/replay/sessionView.ts';
import { consoleWarnings } from '../../client/src/ui/console/warnings.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { sightOf } from '../../shared/session/visibility.ts';
import { playedBy } from '../../client/src/ui/console/bots.ts';
import { accept, member, teacher, testSession } from '../shared/testSession.ts';

const teacherView = (s: SessionModel) => sessionViewOf(s, sightOf(s, { kind: 'teacher' }));

describe('console warnings', () => {
  it('in the lobby: nobody seated yet, then students without a seat', () => {
    expect(consoleWarnings(teacherView(testSession({ members: ['Ana', 'Bo'] })))).toEqual([
      'Nobody sits at a delegation yet: round 1 can start once someone does.',
      '2 students have not chosen a seat.',
    ]);
    expect(consoleWarnings(teacherView(testSession({ members: ['Ana@us', 'Bo'] })))).toEqual([
      '1 student has not chosen a seat.',
    ]);
  });

  it('in the orders: each seated delegation that has not confirmed, and students away', () => {
    const s = testSession({ members: ['Ana@us', 'Wei@china', 'Olga@russia!away'], at: 'orders' });
    expect(consoleWarnings(teacherView(s))).toEqual([
      'The United States has not confirmed its orders.',
      'China has not confirmed its orders.',
      'Russia has not confirmed its orders.',
      '1 student is away (seat held).',
    ]);
    const confirmed = accept(s, member('m1'), { type: 'submitOrders' }).state;
    expect(consoleWarnings(teacherView(confirmed))).not.toContain(
      'The United States has not confirmed its orders.',
    );
  });

  it('outside the orders, nothing about orders; after the end, nothing at all', () => {
    expect(consoleWarnings(teacherView(testSession({ members: ['Ana@us'], at: 'negotiation' })))).toEqual([]);
    expect(consoleWarnings(teacherView(testSession({ members: ['Ana@us', 'Bo'], at: 'ended' })))).toEqual([]);
  });

  it('a bot counts as seated in the lobby, and the console says who plays each delegation', () => {
    const s = accept(testSession({ members: ['Ana', 'Bo@us'] }), teacher, {
      type: 'seatBot',
      delegation: 'russia',
      level: 'expert',
    }).state;
    const view = teacherView(s);
    expect(consoleWarnings(view)).toEqual(['1 student has not chosen a seat.']);
    expect([playedBy(view, 'us'), playedBy(view, 'china'), playedBy(view, 'russia')]).toEqual([
      '1 student connected',
      'No student connected',
      'Played by the server (expert)',
    ]);
  });
});
