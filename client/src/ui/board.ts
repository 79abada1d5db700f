import { renderSVG } from 'uqr';
import { api } from '../net/api.ts';
import type { SessionLink } from '../net/connection.ts';
import { h } from './dom.ts';
import { joinUrl, phaseClock, stageLine } from './format.ts';
import { seatingList } from './roster.ts';
import { tableCanvas } from './tableCanvas.ts';
import { cardsPanel } from './cards.ts';
import { messageLog } from './chat.ts';
import { worldPanel } from './worldPanel.ts';

const LOOPBACK = /^(localhost|127\.[0-9.]+|\[::1\])$/;
const CHOSEN_KEY = 'paros.joinAddress';

/**
 * The address students open, as text and a QR code. The teacher's browser may be on `localhost`, which no
 * student device reaches: the server says where it can be reached (PUBLIC_URL, or its network addresses), the
 * teacher picks one when there are several, and the board says how to fix it when there is none.
 */
function joinAddressPicker(code: string) {
  const url = h('p', { class: 'url', id: 'board-url' });
  const qr = h('div', { class: 'qr', role: 'img' });
  const warning = h('p', { class: 'warning', role: 'status', hidden: true });
  const picker = h('select', {
    id: 'board-address',
    'aria-label': 'The address students open',
    hidden: true,
  });
  const show = (base: string) => {
    const link = joinUrl(code, base);
    url.textContent = base.replace(/^https?:\/\//, '');
    qr.setAttribute('aria-label', `QR code for ${link}`);
    qr.innerHTML = renderSVG(link, { border: 2 }); // generated SVG, no user text inside
  };
  const here = LOOPBACK.test(location.hostname) ? undefined : location.origin;
  if (here) show(here);
  else url.textContent = 'Finding this computer’s network address…';
  api
    .joinAddress()
    .then(({ addresses, source }) => {
      if (source === 'configured' || (!here && source === 'network')) {
        const remembered = localStorage.getItem(CHOSEN_KEY);
        const first = addresses.includes(remembered ?? '')
          ? (remembered as string)
          : (addresses[0] as string);
        show(first);
        if (addresses.length > 1) {
          picker.replaceChildren(
            ...addresses.map((a) => h('option', { value: a }, a.replace(/^https?:\/\//, ''))),
          );
          picker.value = first;
          picker.hidden = false;
          picker.addEventListener('change', () => {
            const chosen = picker.value;
            localStorage.setItem(CHOSEN_KEY, chosen);
            show(chosen);
          });
        }
      } else if (!here) {
        show(addresses[0] as string);
        warning.textContent =
          'Students cannot open this address: this computer has no network address. Connect it to the school network and reload, or start PAROS with PUBLIC_URL set to the address students should open.';
        warning.hidden = false;
      }
    })
    .catch(() => {
      if (!here) url.textContent = location.host;
    });
  return { url, qr, warning, picker };
}

/** The projector board: the join code large and as a QR code, where the session stands, and who sits where. */
export function boardScreen(root: HTMLElement, link: SessionLink) {
  const code = link.view?.code ?? '';
  const address = joinAddressPicker(code);
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
        address.url,
        address.picker,
        address.warning,
        h('p', { class: 'label' }, 'with the code'),
        h('p', { class: 'code huge', id: 'board-code' }, code),
        address.qr,
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
    const { clock } = phaseClock(link.view, link.serverNow());
    timer.textContent = clock;
    canvas.timer(clock);
  }, 1000);
  const unsubscribe = link.subscribe(update);
  update();
  return () => {
    clearInterval(tick);
    unsubscribe();
    canvas.destroy();
  };
}
