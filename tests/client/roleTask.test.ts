/**
 * The "done when": every student of a ten-person delegation has a role with a brief (in the delegation's
 * pack) and a task the desk shows, in every phase.
 */
import { describe, expect, it } from 'vitest';
import { readPack } from '../../server/content.ts';
import { sessionViewOf } from '../../client/src/replay/sessionView.ts';
import { briefAddress } from '../../client/src/ui/briefLink.ts';
import { optionText } from '../../client/src/ui/ordersEditor.ts';
import { rolesHeld, taskOrders, tasksNow } from '../../client/src/ui/roleTask.ts';
import { ROLE_ORDERS } from '../../shared/session/roleTasks.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { ROLES } from '../../shared/session/chat.ts';
import { sightOf } from '../../shared/session/visibility.ts';
import { testSession } from '../shared/testSession.ts';

const TEN = Array.from({ length: 10 }, (_, i) => `S${i + 1}@us`);
const pack = readPack('content').pack;

describe('a delegation of ten', () => {
  it.each(ROUND_PHASES)('in the %s, every member holds a role, has a brief and a task', (phase) => {
    const s = testSession({ members: [...TEN, 'Wei@china'], at: phase });
    const view = sessionViewOf(s, sightOf(s, { kind: 'teacher' }));
    const held = new Set<string>();
    for (let i = 1; i <= 10; i++) {
      const me = view.members[`m${i}`];
      const roles = rolesHeld(me);
      expect(roles.length, `m${i}`).toBeGreaterThan(0);
      for (const r of roles) {
        held.add(r);
        expect(pack?.delegations.us.briefs.some((b) => b.role === r)).toBe(true);
      }
      const tasks = tasksNow(view, me, 0);
      expect(tasks.map((t) => t.role)).toEqual(roles);
      for (const t of tasks) expect(t.task.text.length).toBeGreaterThan(15);
    }
    expect([...held].sort()).toEqual([...ROLES].sort());
  });

  it('no task outside a round, nor for a member without a role', () => {
    const lobby = testSession({ members: TEN });
    const view = sessionViewOf(lobby, sightOf(lobby, { kind: 'teacher' }));
    expect(tasksNow(view, view.members.m1, 0)).toEqual([]);
    const playing = testSession({ members: ['Cy@observer', 'Ana@us'], at: 'negotiation' });
    const v = sessionViewOf(playing, sightOf(playing, { kind: 'teacher' }));
    expect(tasksNow(v, v.members.m1, 0)).toEqual([]);
  });

  it("the brief link opens the delegation's pack with the student's own roles first", () => {
    expect(briefAddress('china', ['legal'])).toBe('#/pack/china/legal');
    expect(briefAddress('us', ['head', 'spokesperson'])).toBe('#/pack/us/head,spokesperson');
    expect(briefAddress('russia', [])).toBe('#/pack/russia');
  });

  it('marks the orders of the roles a member holds, in the orders phase, once each', () => {
    const s = testSession({ members: [...TEN, 'Wei@china'], at: 'orders' });
    const view = sessionViewOf(s, sightOf(s, { kind: 'teacher' }));
    for (let i = 1; i <= 10; i++) {
      const me = view.members[`m${i}`];
      const expected = [...new Set(rolesHeld(me).flatMap((r) => ROLE_ORDERS[r]))].sort();
      expect(taskOrders(tasksNow(view, me, 0)).sort(), `m${i}`).toEqual(expected);
    }
    // The one who holds the legal adviser's role sees "Propose an amendment" marked; a head alone sees nothing.
    const legal = Object.values(view.members).find((m) => rolesHeld(m).includes('legal'));
    expect(taskOrders(tasksNow(view, legal, 0))).toContain('amendDraft');
    const headOnly = Object.values(view.members).find((m) => rolesHeld(m).join() === 'head');
    expect(headOnly).toBeDefined();
    expect(taskOrders(tasksNow(view, headOnly, 0))).toEqual([]);
  });

  it('in the negotiation, the legal adviser’s marked orders are the amendment and the tabling', () => {
    const s = testSession({ members: [...TEN], at: 'negotiation' });
    const view = sessionViewOf(s, sightOf(s, { kind: 'teacher' }));
    const legal = Object.values(view.members).find((m) => rolesHeld(m).join() === 'legal');
    expect(legal).toBeDefined();
    expect(taskOrders(tasksNow(view, legal, 0))).toEqual(['amendDraft', 'tableDraft']);
  });

  it('an order option reads “(your task)” only when it is the student’s', () => {
    expect(optionText('amendDraft', true)).toBe('Propose an amendment (your task)');
    expect(optionText('amendDraft', false)).toBe('Propose an amendment');
    expect(optionText('statement', true)).toBe('Make a statement on the CD floor (your task)');
  });
});
