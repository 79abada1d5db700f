import type { RoundPhase } from '../../../shared/model/phases.ts';
import type { OrderKind } from '../../../shared/rules/orders.ts';
import { ROLES, type Role } from '../../../shared/session/chat.ts';
import { type RoleTask, type TaskPlace, taskOf } from '../../../shared/session/roleTasks.ts';
import type { MemberView, SessionView } from '../net/view.ts';
import { fill, h } from './dom.ts';
import { roleShortName } from './deskNow.ts';

/** The roles a member holds, as synced ("head,analyst"), in the order of ROLES. */
export function rolesHeld(me: MemberView | undefined): Role[] {
  const held = new Set(me?.roles ? me.roles.split(',') : []);
  return ROLES.filter((r) => held.has(r));
}

/** This member's tasks now, one a role held: none outside a round, for observers, or before a role is given. */
export function tasksNow(
  view: SessionView,
  me: MemberView | undefined,
  incidentsToAssess: number,
): { role: Role; task: RoleTask }[] {
  if (view.stage !== 'playing' || !view.phase) return [];
  const phase: RoundPhase = view.phase;
  return rolesHeld(me).map((role) => ({ role, task: taskOf(role, phase, incidentsToAssess) }));
}

/** The orders this member's tasks now give, once each: the options the order picker marks "(your task)". */
export function taskOrders(tasks: readonly { task: RoleTask }[]): OrderKind[] {
  return [...new Set(tasks.flatMap(({ task }) => task.orders ?? []))];
}

/**
 * The "Your task" markers of a desk: one list in the "now" card, and a marker at the top of each panel where a
 * task is done (`places` says which panel that is). Nothing is hidden from anyone: a marker only says whose job
 * a control is.
 */
export function taskMarkers(places: Record<TaskPlace, HTMLElement>) {
  const list = h('ul', { class: 'task-list', id: 'student-tasks', 'aria-label': 'Your tasks now' });
  const markers = new Map<HTMLElement, HTMLElement>();
  const markerOf = (panel: HTMLElement) => {
    let m = markers.get(panel);
    if (!m) {
      m = h('p', { class: 'task-mark', hidden: true });
      const heading = panel.querySelector(':scope > h2');
      if (heading) heading.after(m);
      else panel.prepend(m);
      markers.set(panel, m);
    }
    return m;
  };
  for (const panel of new Set(Object.values(places))) markerOf(panel);
  let shown = '';
  return {
    list,
    update(tasks: { role: Role; task: RoleTask }[]) {
      const key = JSON.stringify(tasks);
      if (key === shown) return;
      shown = key;
      list.hidden = tasks.length === 0;
      fill(
        list,
        ...tasks.map(({ role, task }) =>
          h('li', {}, h('strong', {}, `Your task (${roleShortName(role)}): `), task.text),
        ),
      );
      const byPanel = new Map<HTMLElement, { role: Role; task: RoleTask }[]>();
      for (const t of tasks) {
        const panel = places[t.task.at];
        byPanel.set(panel, [...(byPanel.get(panel) ?? []), t]);
      }
      for (const [panel, marker] of markers) {
        const here = byPanel.get(panel) ?? [];
        marker.hidden = here.length === 0;
        panel.classList.toggle('has-task', here.length > 0);
        fill(
          marker,
          ...here.flatMap(({ role, task }, i) => [
            i > 0 ? h('br') : undefined,
            h('strong', {}, 'Your task'),
            ` (${roleShortName(role)}): ${task.text}`,
          ]),
        );
      }
    },
  };
}
