import { h } from '../../ui/dom.ts';

export interface ReplayPanelSpec {
  id: string; // "desks": the tab is #replay-tab-desks, its panel #replay-panel-desks
  label: string;
  content: (HTMLElement | undefined)[];
}

/** How many panels the screen shows at once: one (a phone, a tablet), the scene beside one, or all of them. */
export type PanelMode = 'one' | 'two' | 'all';

/** From this width the scene stays on the left and the other panels take turns on the right. */
const TWO = '(min-width: 900px)';
/** From this width every panel shows at once, and the tabs go. */
const ALL = '(min-width: 1600px)';

/**
 * The replay's panels as the ARIA tabs pattern where the screen is narrow (one tab stop; arrow keys, Home and End
 * move between tabs and show them), side by side where it is wide: the first panel (the scene) stays shown from
 * 900 px, and every panel shows from 1600 px. Returns the element holding tabs and panels, and a dispose.
 * Hidden panels keep their content, so their redraws go on and printing can show them all. `onMode` hears of
 * each change of mode after the first.
 */
export function panelSwitcher(
  label: string,
  specs: readonly ReplayPanelSpec[],
  onMode?: (m: PanelMode) => void,
) {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'replay-tabs' });
  const entries = specs.map((s, i) => {
    const tab = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `replay-tab-${s.id}`,
        'aria-controls': `replay-panel-${s.id}`,
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
        id: `replay-panel-${s.id}`,
        'aria-labelledby': `replay-tab-${s.id}`,
        class: `replay-panel panel-${s.id}${i === 0 ? ' replay-panel-first' : ''}`,
        'data-panel': s.id,
      },
      ...s.content,
    );
    list.append(tab);
    return { id: s.id, tab, panel };
  });
  const root = h('div', { class: 'replay-panels' }, list, ...entries.map((e) => e.panel));
  const first = entries[0];
  let current = entries[1]?.id ?? first?.id ?? '';
  let mode: PanelMode = 'one';
  let chosen = first?.id ?? '';

  /** The panels that take turns in this mode: all of them on a narrow screen, all but the scene beside it. */
  const turns = () => (mode === 'one' ? entries : mode === 'two' ? entries.slice(1) : []);

  function show(id: string, focus = false) {
    const shown = turns();
    const target = shown.find((e) => e.id === id) ?? shown[0];
    if (mode === 'one') chosen = target?.id ?? chosen;
    if (target && target !== first) current = target.id;
    for (const e of entries) {
      const takesTurns = shown.includes(e);
      const on = !takesTurns || e === target;
      e.tab.hidden = !takesTurns;
      e.tab.setAttribute('aria-selected', String(takesTurns && on));
      e.tab.tabIndex = takesTurns && on ? 0 : -1;
      e.panel.hidden = !on;
      // A panel that shows beside the others is a region, no longer a tab's panel.
      if (takesTurns) {
        e.panel.setAttribute('role', 'tabpanel');
        e.panel.setAttribute('aria-labelledby', e.tab.id);
        e.panel.tabIndex = 0;
      } else {
        e.panel.setAttribute('role', 'region');
        e.panel.setAttribute('aria-label', e.tab.textContent ?? '');
        e.panel.removeAttribute('aria-labelledby');
        e.panel.removeAttribute('tabindex');
      }
      if (takesTurns) e.panel.removeAttribute('aria-label');
    }
    list.hidden = shown.length === 0;
    if (focus && target) {
      target.tab.focus();
      // A panel opened far down the page starts at its top, under the player.
      if (list.getBoundingClientRect().top < 0 || root.getBoundingClientRect().top < 0)
        root.scrollIntoView({ block: 'start' });
    }
  }

  list.addEventListener('keydown', (ev) => {
    const k = (ev as KeyboardEvent).key;
    const shown = turns();
    const i = shown.findIndex((e) => e.tab.getAttribute('aria-selected') === 'true');
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

  const two = window.matchMedia(TWO);
  const all = window.matchMedia(ALL);
  const layout = () => {
    mode = all.matches ? 'all' : two.matches ? 'two' : 'one';
    root.dataset.mode = mode;
    show(mode === 'one' ? chosen : current);
  };
  const relayout = () => {
    layout();
    onMode?.(mode);
  };
  two.addEventListener('change', relayout);
  all.addEventListener('change', relayout);
  layout();

  return {
    root,
    show,
    get mode() {
      return mode;
    },
    dispose() {
      two.removeEventListener('change', relayout);
      all.removeEventListener('change', relayout);
    },
  };
}
