import type { SessionView } from '../net/view.ts';
import { h } from './dom.ts';

export interface TableHandle {
  update(view: SessionView, meId?: string): void;
}

/**
 * Reserves the canvas area and loads Phaser after the page has painted. The canvas is decorative for
 * assistive technology: the seating list beside it says the same in text.
 */
export function tableCanvas(label: string) {
  const root = h('div', { class: 'table-canvas', 'aria-hidden': 'true', 'data-label': label });
  let handle: TableHandle | undefined;
  let pending: [SessionView, string | undefined] | undefined;
  const ready = (async () => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const { mountTable } = await import('../scenes/mountTable.ts');
    handle = await mountTable(root);
    root.dataset.ready = 'true';
    if (pending) handle.update(...pending);
  })().catch((e) => {
    root.textContent = '';
    console.warn('The table view could not start; the list shows the same.', e);
  });
  return {
    root,
    ready,
    update(view: SessionView, meId?: string) {
      pending = [view, meId];
      handle?.update(view, meId);
    },
  };
}
