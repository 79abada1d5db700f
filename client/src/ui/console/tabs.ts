import { h } from '../dom.ts';

export interface TabSpec {
  id: string; // "roster": the tab is #console-tab-roster, its panel #console-panel-roster
  label: string;
  panel: HTMLElement; // the panel's content
}

/**
 * The ARIA tabs pattern (one tab stop for the list; arrow keys, Home and End move between tabs and show them):
 * returns the tab list, the panels, and functions to show a tab and to hide tabs that make no sense now.
 */
export function tabs(label: string, specs: readonly TabSpec[], onShow?: (id: string) => void) {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'console-tabs' });
  const entries = specs.map((s) => {
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `console-tab-${s.id}`,
        'aria-controls': `console-panel-${s.id}`,
        'aria-selected': 'false',
        tabindex: -1,
        onclick: () => show(s.id, true),
      },
      s.label,
    );
    const panel = h(
      'div',
      {
        role: 'tabpanel',
        id: `console-panel-${s.id}`,
        'aria-labelledby': `console-tab-${s.id}`,
        class: `console-panel panel-${s.id}`,
        tabindex: 0,
        hidden: true,
      },
      s.panel,
    );
    list.append(tab);
    return { id: s.id, tab, panel };
  });
  let current = '';
  const visible = () => entries.filter((e) => !e.tab.hidden);
  function show(id: string, focus = false) {
    const target = entries.find((e) => e.id === id && !e.tab.hidden) ?? visible()[0];
    if (!target) return;
    current = target.id;
    for (const e of entries) {
      const on = e === target;
      e.tab.setAttribute('aria-selected', String(on));
      e.tab.tabIndex = on ? 0 : -1;
      e.panel.hidden = !on;
    }
    if (focus) target.tab.focus();
    onShow?.(current);
  }
  list.addEventListener('keydown', (ev) => {
    const k = (ev as KeyboardEvent).key;
    const shown = visible();
    const i = shown.findIndex((e) => e.id === current);
    const to =
      k === 'ArrowRight'
        ? shown[(i + 1) % shown.length]
        : k === 'ArrowLeft'
          ? shown[(i - 1 + shown.length) % shown.length]
          : k === 'Home'
            ? shown[0]
            : k === 'End'
              ? shown.at(-1)
              : undefined;
    if (!to) return;
    ev.preventDefault();
    show(to.id, true);
  });
  return {
    list,
    panels: entries.map((e) => e.panel),
    show,
    get current() {
      return current;
    },
    /** Shows only the tabs that make sense now; if the open one goes, the first left opens. */
    only(ids: readonly string[]) {
      for (const e of entries) e.tab.hidden = !ids.includes(e.id);
      if (!ids.includes(current)) show(ids[0] ?? '');
    },
  };
}
