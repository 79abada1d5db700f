import type { SessionView } from '../net/view.ts';
import { SCENE_NAMES, SCENES, type SceneKey, sceneFacts, sceneForPhase, worldFor } from '../scenes/facts.ts';
import type { TableHandle } from '../scenes/mountTable.ts';
import { fill, h } from './dom.ts';

/** The scenes' width in scene pixels (WIDTH in scenes/common.ts, not imported: that module loads Phaser). */
const SCENE_WIDTH = 960;
/** The smallest text the scenes draw, in scene pixels: the measure of legibility. */
export const SCENE_SMALLEST_TEXT = 14;
/** The smallest text a phone should show, in CSS pixels. */
export const LEGIBLE_TEXT = 11;
/** The narrowest a scene may be drawn for its smallest text to stay legible (about 750 px). */
export const LEGIBLE_SCENE_WIDTH = Math.ceil((SCENE_WIDTH * LEGIBLE_TEXT) / SCENE_SMALLEST_TEXT);

/**
 * The scenes (table, CD chamber, orbit, Moon) with a picker above them. The scene follows the phase until
 * someone picks one ("Follow the phase" gives the choice back). Phaser loads after the page has painted.
 * With `legibleOnPhone`, a screen too narrow to draw the scene legibly draws it at a legible size in a frame of
 * its own that scrolls sideways (the page itself never does), with a button to fit it whole instead.
 * The canvas is decorative for assistive technology: the text panels say the same, and the lines under the
 * canvas add what only the current scene shows (the satellites on each orbit, the floor, the lunar blocs).
 */
export function tableCanvas(label: string, opts: { followPhase?: boolean; legibleOnPhone?: boolean } = {}) {
  const canvas = h('div', {
    class: `table-canvas${opts.legibleOnPhone ? ' legible' : ''}`,
    'aria-hidden': 'true',
    'data-label': label,
    'data-scene-width': SCENE_WIDTH,
    'data-smallest-text': SCENE_SMALLEST_TEXT,
  });
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
  // A frame that scrolls sideways when the legible scene is wider than the screen; reachable by keyboard.
  const frame = opts.legibleOnPhone
    ? h(
        'div',
        { class: 'scene-frame', tabindex: 0, role: 'group', 'aria-label': 'Scene, scrolls sideways' },
        canvas,
      )
    : canvas;
  const fitHint = h('p', { class: 'hint scene-fit-hint' });
  const fit = h('button', { type: 'button', class: 'small', id: 'scene-fit', 'aria-pressed': 'false' });
  const zoomed = () => !canvas.classList.contains('fitted');
  const showFit = () => {
    const narrow = frame.clientWidth > 0 && frame.clientWidth < LEGIBLE_SCENE_WIDTH;
    fit.hidden = !narrow;
    fitHint.hidden = !narrow;
    fit.textContent = zoomed() ? 'Fit the whole scene (small text)' : 'Zoom in (legible text)';
    fit.setAttribute('aria-pressed', String(!zoomed()));
    fitHint.textContent = zoomed()
      ? 'Swipe the scene sideways to see all of it; the lines under it say the same in words.'
      : 'The whole scene, with small text; the lines under it say the same in words.';
  };
  fit.addEventListener('click', () => {
    canvas.classList.toggle('fitted');
    showFit();
    centre();
    window.dispatchEvent(new Event('resize'));
  });
  const centre = () => {
    if (frame !== canvas) frame.scrollLeft = Math.max(0, (frame.scrollWidth - frame.clientWidth) / 2);
  };
  const root = h(
    'div',
    { class: 'scene-view' },
    picker,
    ...(opts.legibleOnPhone ? [h('div', { class: 'scene-fit' }, fit, fitHint)] : []),
    frame,
    facts,
  );
  if (opts.legibleOnPhone) {
    fit.hidden = true;
    fitHint.hidden = true;
    new ResizeObserver(showFit).observe(frame);
  }

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
    centre();
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
