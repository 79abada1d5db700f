/** Every role has a task in every phase, at a place on the desk; the tasks the issue names sit where they are done. */
import { describe, expect, it } from 'vitest';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { ROLES } from '../../shared/session/chat.ts';
import { CONTROL_NAMES } from '../../shared/content/labels.ts';
import { ORDER_SPECS, type OrderKind } from '../../shared/rules/orders.ts';
import { ROLE_ORDERS, ROLE_TASKS, TASK_PLACES, taskOf } from '../../shared/session/roleTasks.ts';

describe('role tasks', () => {
  it.each(ROLES)('%s: one plain sentence a phase, at a place of the desk', (role) => {
    for (const phase of ROUND_PHASES) {
      const t = ROLE_TASKS[role][phase];
      expect(t.text).toMatch(/^[A-Z].{15,110}[.?]$/);
      expect(TASK_PLACES).toContain(t.at);
    }
  });

  it.each([
    ['head', 'orders', 'confirm'],
    ['analyst', 'resolution', 'assessment'],
    ['legal', 'orders', 'ordersCd'],
    ['legal', 'negotiation', 'ordersCd'],
    ['spokesperson', 'negotiation', 'floor'],
    ['commander', 'orders', 'ordersOrbit'],
    ['diplomat', 'negotiation', 'talks'],
  ] as const)('the %s in the %s phase works at %s', (role, phase, place) => {
    expect(taskOf(role, phase, 1).at).toBe(place);
  });

  it("the analyst's assessment waits for an incident to assess", () => {
    expect(taskOf('analyst', 'resolution', 0).at).toBe('world');
    expect(taskOf('analyst', 'resolution', 0).text).toMatch(/No incident/);
    expect(taskOf('analyst', 'debrief', 2).at).toBe('assessment');
    expect(taskOf('head', 'resolution', 0)).toEqual(ROLE_TASKS.head.resolution);
  });

  it('gives every order kind to exactly one role, and none to the head or the analyst', () => {
    const kinds = Object.keys(ORDER_SPECS) as OrderKind[];
    for (const k of kinds) {
      const owners = ROLES.filter((r) => ROLE_ORDERS[r].includes(k));
      expect(owners, k).toHaveLength(1);
    }
    expect(ROLES.flatMap((r) => ROLE_ORDERS[r]).sort()).toEqual([...kinds].sort());
    expect(ROLE_ORDERS.head).toEqual([]);
    expect(ROLE_ORDERS.analyst).toEqual([]);
    expect(ROLE_ORDERS.commander).toContain('launchSatellites');
    expect(ROLE_ORDERS.commander).not.toContain('summit');
  });

  it.each(ROLES)('%s: a task that gives orders gives only its role’s, and names one of them', (role) => {
    for (const phase of ROUND_PHASES) {
      const t = ROLE_TASKS[role][phase];
      if (!t.orders) continue;
      expect(t.orders.length).toBeGreaterThan(0);
      for (const k of t.orders) expect(ROLE_ORDERS[role]).toContain(k);
      expect(t.orders.some((k) => t.text.includes(`“${ORDER_SPECS[k].title}”`))).toBe(true);
    }
  });

  it.each([
    ['legal', 'negotiation', '“Propose an amendment”', ['amendDraft', 'tableDraft']],
    ['legal', 'orders', '“Table a draft treaty”', undefined],
    ['spokesperson', 'negotiation', `“${CONTROL_NAMES.floorTab}”`, undefined],
    ['spokesperson', 'orders', '“Make a statement on the CD floor”', ['statement']],
    ['commander', 'orders', '“Launch satellites”', undefined],
    ['head', 'orders', `“${CONTROL_NAMES.confirm}”`, undefined],
    ['analyst', 'resolution', `“${CONTROL_NAMES.saveAssessment}”`, undefined],
  ] as const)('the %s in the %s phase is told to use %s', (role, phase, control, orders) => {
    const t = taskOf(role, phase, 1);
    expect(t.text).toContain(control);
    if (orders) expect(t.orders).toEqual(orders);
  });

  it('names the controls as the desk labels them', () => {
    expect(CONTROL_NAMES.floorTab).toBe('CD floor (public)');
    expect(CONTROL_NAMES.confirm).toBe('Confirm our orders');
    expect(ORDER_SPECS.amendDraft.title).toBe('Propose an amendment');
  });
});
