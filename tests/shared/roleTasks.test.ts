/** Every role has a task in every phase, at a place on the desk; the tasks the issue names sit where they are done. */
import { describe, expect, it } from 'vitest';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { ROLES } from '../../shared/session/chat.ts';
import { ROLE_TASKS, TASK_PLACES, taskOf } from '../../shared/session/roleTasks.ts';

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
});
