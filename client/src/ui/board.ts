import { renderSVG } from 'uqr';
import type { SessionLink } from '../net/connection.ts';
import { h } from './dom.ts';
import { joinUrl, stageLine, timeLeft } from './format.ts';
import { seatingList } from './roster.ts';
import { tableCanvas } from './tableCanvas.ts';
import { cardsPanel } from './cards.ts';
import { messageLog } from './chat.ts';
import { worldPanel } from './worldPanel.ts';

/** The projector board: the join code large and as a QR code, where the session stands, and who sits where. */
export function boardScreen(root: HTMLElement, link: SessionLink) {
  const code = link.view?.code ?? '';
  const qr = h('div', { class: 'qr', role: 'img', 'aria-label': `QR code for ${joinUrl(code)}` });
  qr.innerHTML = renderSVG(joinUrl(code), { border: 2 }); // generated SVG, no user text inside
  const stage = h('p', { class: 'stage', id: 'board-stage' });
  const timer = h('p', { class: 'timer big' });
  const linkState = h('p', { class: 'link-state', role: 'status' });
  const seating = seatingList({ submitted: true });
  const canvas = tableCanvas('The scenes: table, chamber, orbit, Moon');
  const world = worldPanel('The world');
  const cards = cardsPanel();
  const floor = messageLog('Statements on the CD floor', 'board-floor');

  root.replaceChildren(
    h(
      'main',
      { class: 'board' },
      h(
        'section',
        { class: 'join-panel', 'aria-label': 'How to join' },
        h('p', { class: 'label' }, 'Join at'),
        h('p', { class: 'url' }, location.host),
        h('p', { class: 'label' }, 'with the code'),
        h('p', { class: 'code huge', id: 'board-code' }, code),
        qr,
      ),
      h(
        'section',
        { class: 'table-panel', 'aria-label': 'The session' },
        h('h1', {}, 'PAROS · Crisis in Orbit'),
        stage,
        timer,
        linkState,
        canvas.root,
        seating.root,
        h(
          'section',
          { class: 'card floor', 'aria-labelledby': 'floor-title' },
          h('h2', { id: 'floor-title' }, 'On the CD floor'),
          floor.root,
        ),
        cards.root,
        world.root,
      ),
    ),
  );

  const update = () => {
    const view = link.view;
    linkState.textContent =
      link.status === 'connected' ? '' : link.status === 'closed' ? link.closedReason : 'Reconnecting…';
    if (!view) return;
    stage.textContent = stageLine(view);
    seating.update(view);
    canvas.update(view);
    world.update(view.world);
    cards.update(view.world, view.round, view.phase);
    floor.update(view.floor);
  };
  const tick = setInterval(() => {
    if (!link.view) return;
    timer.textContent = link.view.phaseEndsAt ? timeLeft(link.view, link.serverNow()) : '';
    canvas.timer(timer.textContent);
  }, 1000);
  const unsubscribe = link.subscribe(update);
  update();
  return () => {
    clearInterval(tick);
    unsubscribe();
    canvas.destroy();
  };
}
