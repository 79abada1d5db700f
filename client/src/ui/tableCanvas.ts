import type { SessionView } from '../net/view.ts';
import { SCENE_NAMES, SCENES, type SceneKey, sceneFacts, sceneForPhase, worldFor } from '../scenes/facts.ts';
import type { TableHandle } from '../scenes/mountTable.ts';
import { fill, h } from './dom.ts';

/**
 * The scenes (table, CD chamber, orbit, Moon) with a picker above them. On the board the scene follows the
 * phase until someone picks one ("Follow the phase" gives the choice back); a phone starts on the table, which
 * costs it nothing while nothing moves. Phaser loads after the page has painted.
 * The canvas is decorative for assistive technology: the text panels say the same, and the lines under the
 * canvas add what only the current scene shows (the satellites on each orbit, the floor, the lunar blocs).
 */
export function tableCanvas(label: string, opts: { followPhase?: boolean } = {}) {
  const canvas = h('div', { class: 'table-canvas', 'aria-hidden': 'true', 'data-label': label });
  const buttons = new Map<SceneKey | 'auto', HTMLButtonElement>();
  const button = (key: SceneKey | 'auto', text: string) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: 'small',
        'aria-pressed': 'false',
        'data-scene': key,
        onclick: () => pick(key),
      },
      text,
    );
    buttons.set(key, b);
    return b;
  };
  const picker = h(
    'div',
    { class: 'scene-picker', role: 'group', 'aria-label': 'Scene to show' },
    button('auto', 'Follow the phase'),
    ...SCENES.map((k) => button(k, SCENE_NAMES[k])),
  );
  const facts = h('div', { class: 'scene-facts' });
  const root = h('div', { class: 'scene-view' }, picker, canvas, facts);

  let handle: TableHandle | undefined;
  let pending: [SessionView, string | undefined] | undefined;
  let chosen: SceneKey | 'auto' = opts.followPhase === false ? 'table' : 'auto';
  let timerText = '';
  let destroyed = false;
  let shownFacts = '';

  const scene = (): SceneKey => (chosen === 'auto' ? sceneForPhase(pending?.[0]) : chosen);

  const render = () => {
    const key = scene();
    for (const [k, b] of buttons) b.setAttribute('aria-pressed', String(k === chosen));
    const auto = buttons.get('auto');
    if (auto)
      auto.textContent = chosen === 'auto' ? `Follow the phase (${SCENE_NAMES[key]})` : 'Follow the phase';
    const world = pending ? worldFor(pending[0], pending[1]) : undefined;
    const lines = sceneFacts(key, world, pending?.[0]);
    const signature = `${key}\n${lines.join('\n')}`;
    if (signature !== shownFacts) {
      shownFacts = signature;
      fill(
        facts,
        lines.length ? h('h3', {}, `What the ${SCENE_NAMES[key].toLowerCase()} view shows`) : undefined,
        lines.length ? h('ul', {}, ...lines.map((l) => h('li', {}, l))) : undefined,
      );
    }
    root.dataset.scene = key;
    if (handle) {
      handle.show(key);
      if (pending) handle.update(...pending);
    }
  };

  const pick = (key: SceneKey | 'auto') => {
    chosen = key;
    render();
  };

  const ready = (async () => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const { mountTable } = await import('../scenes/mountTable.ts');
    const mounted = await mountTable(canvas, scene());
    if (destroyed) return mounted.destroy();
    handle = mounted;
    canvas.dataset.ready = 'true';
    handle.timer(timerText);
    render();
  })().catch((e) => {
    canvas.textContent = '';
    console.warn('The scenes could not start; the text shows the same.', e);
  });
  render();

  return {
    root,
    ready,
    update(view: SessionView, meId?: string) {
      pending = [view, meId];
      render();
    },
    /** The phase timer as text ("4:05"), or "" when none runs. */
    timer(text: string) {
      timerText = text;
      handle?.timer(text);
    },
    destroy() {
      destroyed = true;
      handle?.destroy();
      handle = undefined;
    },
  };
}
