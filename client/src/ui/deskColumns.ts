import { h } from './dom.ts';

/** From this width the desk has two columns: the team's work beside the room. */
const TWO_COLUMNS = '(min-width: 1000px)';

/**
 * Lays the desk's panels out in the order the phase needs them: one column on a phone; on a wide screen the
 * team's work (orders, notes, roles, seats: the panels in `work`) on the left and the room (talks, scenes,
 * world, cards) on the right, each in that same order. The DOM order is the order shown, so the keyboard and a
 * screen reader meet the panels as they are seen.
 */
export function deskColumns(container: HTMLElement, work: ReadonlySet<HTMLElement>) {
  const left = h('div', { class: 'desk-column desk-column-work' });
  const right = h('div', { class: 'desk-column desk-column-room' });
  const wide = window.matchMedia(TWO_COLUMNS);
  let panels: HTMLElement[] = [];
  const place = () => {
    const held = document.activeElement;
    if (wide.matches) {
      left.append(...panels.filter((p) => work.has(p)));
      right.append(...panels.filter((p) => !work.has(p)));
      if (container.firstElementChild !== left) container.replaceChildren(left, right);
    } else container.replaceChildren(...panels);
    container.dataset.columns = wide.matches ? '2' : '1';
    // Moving a panel takes the keyboard focus out of it: give it back.
    if (held instanceof HTMLElement && held !== document.activeElement && container.contains(held))
      held.focus();
  };
  wide.addEventListener('change', place);
  return {
    /** Shows the panels in this order. */
    arrange(order: HTMLElement[]) {
      panels = order;
      place();
    },
  };
}
