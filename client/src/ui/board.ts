import type { SessionView } from '../net/view.ts';
import type { SessionLink } from '../net/connection.ts';
import './board.css';
import { messageLog } from './chat.ts';
import { fill, h } from './dom.ts';
import { endScreen } from './boardEnd.ts';
import { joinPanels } from './boardJoin.ts';
import { cardStage, confirmations, roundStory } from './boardPanels.ts';
import { phaseClock, stageLine } from './format.ts';
import { practiceBanner } from './practice.ts';
import { seatingList } from './roster.ts';
import { tableCanvas } from './tableCanvas.ts';
import { indicators } from './worldPanel.ts';

/** What the stage shows: the lobby, a phase of a round, or the end. */
export type BoardMode = 'lobby' | 'briefing' | 'negotiation' | 'orders' | 'resolution' | 'debrief' | 'ended';

export function boardMode(view: SessionView | undefined): BoardMode {
  if (!view || view.stage === 'lobby') return 'lobby';
  if (view.stage === 'ended') return 'ended';
  return view.phase || 'briefing';
}

/**
 * The projector board: a stage that fills the screen and never scrolls, readable from the back of the room.
 * A bar with where the session stands and the time; one panel for what the class needs in this phase (the
 * join panel in the lobby, the card in the briefing, the CD floor in negotiation, who has confirmed during
 * orders, what happened and why after the resolution, the scores and questions at the end), beside the scene;
 * the indicators at the foot. Everything the canvas draws is also text: the panels, the indicators, and the
 * scene's own lines for screen readers.
 */
export function boardScreen(root: HTMLElement, link: SessionLink) {
  const code = link.view?.code ?? '';
  const join = joinPanels(code);
  const stage = h('p', { class: 'stage', id: 'board-stage', 'aria-live': 'polite' });
  const timer = h('p', { class: 'timer big', id: 'board-timer' });
  const linkState = h('p', { class: 'link-state', role: 'status' });
  const seating = seatingList({ submitted: true });
  const canvas = tableCanvas('The scenes: table, chamber, orbit, Moon');
  const cards = cardStage();
  const floor = messageLog('Statements on the CD floor', 'board-floor');
  const confirm = confirmations();
  const story = roundStory();
  const end = endScreen();
  const gauges = h('div', { class: 'stage-gauges', 'aria-label': 'The indicators' });
  const practice = practiceBanner('board-practice');

  const panels = {
    join: join.panel,
    seating: h(
      'section',
      { class: 'stage-seating', 'aria-labelledby': 'seating-title' },
      h('h2', { id: 'seating-title' }, 'Who has joined'),
      seating.root,
    ),
    cards: cards.root,
    floor: h(
      'section',
      { class: 'card floor', 'aria-labelledby': 'floor-title' },
      h('h2', { id: 'floor-title' }, 'On the CD floor'),
      floor.root,
    ),
    confirm: confirm.root,
    story: story.root,
    end: end.root,
  };
  /** The panels each mode shows beside the scene; the rest are hidden (their text stays in the page). */
  const SHOWN: Record<BoardMode, (keyof typeof panels)[]> = {
    lobby: ['join', 'seating'],
    briefing: ['cards'],
    negotiation: ['floor'],
    orders: ['confirm'],
    resolution: ['story'],
    debrief: ['story'],
    ended: ['end'],
  };
  const scene = h('div', { class: 'stage-scene' }, canvas.root);
  const side = h(
    'div',
    { class: 'stage-side' },
    practice.root,
    ...Object.entries(panels).map(([k, el]) => {
      el.dataset.panel = k;
      // A panel scrolls when a long round overflows it: reachable by keyboard, so its end can be read.
      el.tabIndex = 0;
      return el;
    }),
  );
  const main = h(
    'main',
    { class: 'board board-stage', 'data-mode': 'lobby' },
    h(
      'header',
      { class: 'stage-bar' },
      h('h1', { class: 'brand' }, 'PAROS · Crisis in Orbit'),
      stage,
      timer,
      join.corner,
      linkState,
    ),
    h('div', { class: 'stage-main' }, scene, side),
    h('footer', { class: 'stage-foot' }, gauges),
  );
  root.replaceChildren(main);

  let shownWorld: unknown;
  const update = () => {
    const view = link.view;
    linkState.textContent =
      link.status === 'connected' ? '' : link.status === 'closed' ? link.closedReason : 'Reconnecting…';
    if (!view) return;
    const mode = boardMode(view);
    main.dataset.mode = mode;
    // The QR code and the address are for the lobby; after it, a corner with the code is enough.
    join.corner.hidden = mode === 'lobby';
    stage.textContent = stageLine(view);
    practice.update(view, { kind: 'board' });
    seating.update(view);
    canvas.update(view);
    cards.update(view.world, view.round, view.phase);
    floor.update(view.floor);
    confirm.update(view);
    story.update(view.world, view.phase);
    if (mode === 'ended') end.update(view.world);
    // After the updates: a panel may show or hide itself (the cards panel does, by whether there are cards).
    for (const [k, el] of Object.entries(panels))
      el.hidden =
        !SHOWN[mode].includes(k as keyof typeof panels) || (k === 'cards' && !view.world?.cards.length);
    if (view.world !== shownWorld) {
      shownWorld = view.world;
      if (view.world) fill(gauges, indicators(view.world));
      else fill(gauges);
    }
    gauges.hidden = !view.world;
    showTime();
  };
  const showTime = () => {
    const view = link.view;
    if (!view) return;
    const { clock, text } = phaseClock(view, link.serverNow());
    const paused = view.timerPaused && !view.phaseEndsAt && clock !== '';
    // Paused, the board says so in words; running, the minutes and seconds are enough.
    timer.textContent = paused ? text : clock;
    timer.classList.toggle('paused', paused);
    timer.hidden = clock === '';
    // The scene's bar has room for minutes and seconds only; the bar above says "paused" in words.
    canvas.timer(view.stage === 'playing' && !paused ? clock : '');
  };
  const tick = setInterval(showTime, 1000);
  const unsubscribe = link.subscribe(update);
  update();
  return () => {
    clearInterval(tick);
    unsubscribe();
    cards.destroy();
    canvas.destroy();
  };
}
