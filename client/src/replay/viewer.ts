import { SESSION_STATE_NAMES } from '../../../shared/content/labels.ts';
import type { Viewer } from '../../../shared/rules/views.ts';
import { rulesLabel } from '../../../shared/session/rulesVersions.ts';
import { sightOf } from '../../../shared/session/visibility.ts';
import { fill, h, notice } from '../ui/dom.ts';
import { loadReplay } from './access.ts';
import { debriefSections } from './debrief.ts';
import { download, fileStem, logJsonLines, ordersCsv } from './exports.ts';
import { keepInstructorKey } from './keys.ts';
import { type Frame, markAt, type Replay, stateAt } from './model.ts';
import { bookmarksPanel } from './viewer/bookmarks.ts';
import type { Shown, ViewerContext } from './viewer/context.ts';
import { forkPanel } from './viewer/fork.ts';
import { jumpsPanel } from './viewer/jumps.ts';
import { markLabel, openingIndex } from './viewer/labels.ts';
import { panelSwitcher } from './viewer/panels.ts';
import { playerPanel } from './viewer/player.ts';
import { roomPanel } from './viewer/room.ts';
import { eyesName, worldSlot } from './viewer/worldSlot.ts';
import './replay.css';

/** Where each replay was left, so coming back from its report finds the same moment and the same eyes. */
const leftAt = new Map<string, { index: number; eyes: Viewer }>();

/**
 * The replay viewer of one past session: play it back entry by entry through anyone's eyes, bookmark moments,
 * fork a what-if session from any of them, and read the whole game's debrief. Returns a dispose function. Each
 * panel lives in replay/viewer/ and redraws itself from the position shown.
 */
export async function replayScreen(root: HTMLElement, id: string): Promise<() => void> {
  root.replaceChildren(h('main', { class: 'loading' }, h('p', { role: 'status' }, 'Opening the replay…')));
  let loaded: Awaited<ReturnType<typeof loadReplay>>;
  try {
    loaded = await loadReplay(id);
  } catch (e) {
    cannotOpen(root, id, (e as Error).message);
    return () => undefined;
  }
  return viewer(root, loaded.replay, loaded.key);
}

/** No key, or a wrong one: say so, and let an instructor type the key here. */
function cannotOpen(root: HTMLElement, id: string, message: string) {
  const key = h('input', { type: 'password', id: 'replay-open-key', autocomplete: 'off' });
  root.replaceChildren(
    h(
      'main',
      { class: 'home' },
      h('p', { class: 'notice', 'data-kind': 'error', role: 'alert', id: 'replay-open-error' }, message),
      h(
        'form',
        {
          class: 'card',
          onsubmit: (e: Event) => {
            e.preventDefault();
            keepInstructorKey(key.value.trim() || undefined);
            replayScreen(root, id);
          },
        },
        h('label', { for: 'replay-open-key' }, 'Instructor key'),
        key,
        h('button', { type: 'submit', class: 'primary' }, 'Open with this key'),
      ),
      h('p', {}, h('a', { href: '#/replay' }, '← Past sessions')),
    ),
  );
}

function viewer(root: HTMLElement, replay: Replay, key: string): () => void {
  const last = replay.frames.length - 1;
  const header = replay.log.header;
  const resume = leftAt.get(replay.id);
  let index = Math.min(resume?.index ?? openingIndex(replay), last);
  let eyes: Viewer = resume?.eyes ?? 'teacher';

  // In the player, out of sight but read aloud; errors show.
  const status = h('p', {
    class: 'notice replay-status',
    role: 'status',
    'aria-live': 'polite',
    id: 'replay-status',
  });
  const ctx: ViewerContext = {
    replay,
    key,
    last,
    status,
    index: () => index,
    go(to, announce = true) {
      index = Math.max(0, Math.min(last, to));
      render();
      if (announce) notice(status, `Entry ${index} of ${last}: ${markLabel(markAt(replay, index))}.`);
    },
  };
  const setEyes = (v: Viewer) => {
    eyes = v;
    world.setEyes(v);
    render();
    const name = eyesName(v);
    notice(status, `Now seen through the eyes of ${name.startsWith('United') ? `the ${name}` : name}.`);
  };
  const player = playerPanel(ctx, eyes, setEyes);
  const jumps = jumpsPanel(ctx);
  const room = roomPanel();
  const world = worldSlot();
  const bookmarks = bookmarksPanel(ctx, player.ticks);
  const fork = forkPanel(ctx);
  const panels = [player, jumps, room, world, fork];

  // ---- Debrief
  const debrief = h('section', {
    id: 'replay-debrief',
    'aria-labelledby': 'replay-debrief-title',
    hidden: true,
  });
  // The player stays in view; the panels below it take turns on a narrow screen and sit side by side on a wide one.
  player.root.append(status);
  const switcher = panelSwitcher(
    'Panels',
    [
      {
        id: 'scene',
        label: 'Scene',
        content: [
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'replay-scene-title' },
            h('h2', { id: 'replay-scene-title', class: 'visually-hidden' }, 'Scene'),
            world.scene,
          ),
        ],
      },
      { id: 'desks', label: 'Desks', content: [room.root] },
      { id: 'talks', label: 'Talks', content: [room.talks] },
      { id: 'world', label: 'World', content: [world.root] },
      { id: 'moments', label: 'Moments', content: [jumps.root, bookmarks.root, fork.root] },
    ],
    // Whose eyes: in the player where it has room, else above the panels.
    (mode) => {
      if (mode === 'one') switcher.root.before(player.eyesField);
      else player.root.insertBefore(player.eyesField, status);
    },
  );
  const replayView = h('div', { id: 'replay-viewer' }, player.root, player.eyesField, switcher.root);
  if (switcher.mode !== 'one') player.root.insertBefore(player.eyesField, status);
  // The player's height, for the tabs that stick under it and for focus scrolled into view below it.
  const dockHeight = new ResizeObserver(() => {
    const px = `${Math.ceil(player.root.getBoundingClientRect().height)}px`;
    replayView.style.setProperty('--replay-dock', px);
    document.documentElement.style.scrollPaddingTop = `calc(${px} + 3.5rem)`;
  });
  dockHeight.observe(player.root);
  let debriefBuilt = false;
  const tabViewer = h(
    'button',
    {
      type: 'button',
      class: 'tab',
      id: 'replay-tab-viewer',
      'aria-pressed': 'true',
      onclick: () => show(false),
    },
    'Replay',
  );
  const tabDebrief = h(
    'button',
    {
      type: 'button',
      class: 'tab',
      id: 'replay-tab-debrief',
      'aria-pressed': 'false',
      onclick: () => show(true),
    },
    'Debrief',
  );
  const show = (isDebrief: boolean) => {
    if (isDebrief && !debriefBuilt) {
      debriefBuilt = true;
      fill(
        debrief,
        h('h2', { id: 'replay-debrief-title' }, 'Debrief of the whole session'),
        h(
          'p',
          { class: 'hint' },
          'Everything is shown, secrets included, as at the end of a session: whose eyes the replay uses does not change it.',
        ),
        ...debriefSections(replay, 'debrief'),
      );
    }
    if (isDebrief) player.pause();
    debrief.hidden = !isDebrief;
    replayView.hidden = isDebrief;
    tabViewer.setAttribute('aria-pressed', String(!isDebrief));
    tabDebrief.setAttribute('aria-pressed', String(isDebrief));
  };

  const created = new Date(header.createdAt);
  const integrity = integrityNote(replay);
  root.replaceChildren(
    h(
      'main',
      { class: 'replay' },
      h('p', { class: 'no-print' }, h('a', { href: '#/replay' }, '← Past sessions')),
      h(
        'header',
        { class: 'bar' },
        h(
          'h1',
          {},
          `Replay · session ${header.code}`,
          h('span', { class: 'sub' }, ` · ${replay.scenarioTitle}`),
        ),
        h(
          'p',
          { class: 'hint' },
          `Created ${created.toLocaleString()} · ${replay.log.entries.length} entries · ${SESSION_STATE_NAMES[replay.log.stage as 'ended'] ?? replay.log.stage} · under the ${rulesLabel(header.rulesVersion)}`,
        ),
      ),
      replay.problem
        ? h(
            'p',
            { class: 'notice', 'data-kind': 'error', id: 'replay-problem' },
            `This log cannot be folded past entry ${replay.problem.seq - 1}: ${replay.problem.message}. The replay stops there.`,
          )
        : undefined,
      integrity,
      h(
        'div',
        { class: 'row exports', role: 'group', 'aria-labelledby': 'replay-exports-label' },
        h('span', { class: 'hint', id: 'replay-exports-label' }, 'Download'),
        h(
          'button',
          {
            type: 'button',
            id: 'replay-export-jsonl',
            'aria-label': 'Download the log (JSON Lines)',
            onclick: () =>
              download(`${fileStem(replay)}.jsonl`, logJsonLines(replay), 'application/x-ndjson'),
          },
          'Log (JSON Lines)',
        ),
        h(
          'button',
          {
            type: 'button',
            id: 'replay-export-csv',
            'aria-label': 'Download the orders (CSV)',
            onclick: () => download(`${fileStem(replay)}-orders.csv`, ordersCsv(replay), 'text/csv'),
          },
          'Orders (CSV)',
        ),
        h(
          'a',
          { class: 'button', id: 'replay-report', href: `#/replay/${encodeURIComponent(replay.id)}/report` },
          'Debrief report to print',
        ),
      ),
      h('div', { class: 'row tabs', role: 'group', 'aria-label': 'Show' }, tabViewer, tabDebrief),
      replayView,
      debrief,
    ),
  );

  function render() {
    const state = stateAt(replay, index);
    const shown: Shown = {
      index,
      frame: replay.frames[index] as Frame,
      state,
      // Everything is drawn from what the chosen eyes may know at this position.
      sight: sightOf(state, { kind: 'eyes', viewer: eyes }),
      mark: markAt(replay, index),
      eyes,
    };
    for (const p of panels) p.update(shown);
  }

  const stopKeys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') player.pause();
  };
  document.addEventListener('keydown', stopKeys);
  if (eyes !== 'teacher') setEyes(eyes);
  ctx.go(index, false);
  return () => {
    leftAt.set(replay.id, { index, eyes });
    player.pause();
    world.destroy();
    switcher.dispose();
    dockHeight.disconnect();
    document.documentElement.style.scrollPaddingTop = '';
    document.removeEventListener('keydown', stopKeys);
  };
}

/** Whether the round hashes recorded during play match the states folded here. */
function integrityNote(replay: Replay): HTMLElement | undefined {
  const hashes = replay.log.roundHashes;
  if (hashes.length === 0) return undefined;
  const bad = hashes.filter((x) => {
    const r = replay.rounds.find((y) => y.round === x.round);
    return r?.hash !== x.hash;
  });
  return h(
    'p',
    { class: 'notice', 'data-kind': bad.length ? 'error' : 'info', id: 'replay-integrity' },
    bad.length
      ? `Rounds ${bad.map((x) => x.round).join(', ')} fold to other states than the ones recorded during play: the rules or the content changed since. The replay may differ from what the class saw.`
      : hashes.length === 1
        ? 'Checked: the resolved round folds to the state recorded during play.'
        : `Checked: all ${hashes.length} resolved rounds fold to the states recorded during play.`,
  );
}
