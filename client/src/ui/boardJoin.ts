import { renderSVG } from 'uqr';
import { api } from '../net/api.ts';
import { h } from './dom.ts';
import { joinUrl } from './format.ts';

const LOOPBACK = /^(localhost|127\.[0-9.]+|\[::1\])$/;
const CHOSEN_KEY = 'paros.joinAddress';

/**
 * The address students open, as text and a QR code. The teacher's browser may be on `localhost`, which no
 * student device reaches: the server says where it can be reached (PUBLIC_URL, or its network addresses), the
 * teacher picks one when there are several, and the board says how to fix it when there is none.
 * `onShow` hears every address shown (without the scheme), for the code corner once the game runs.
 */
function joinAddressPicker(code: string, onShow: (address: string) => void) {
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
    onShow(url.textContent);
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
      if (!here) {
        url.textContent = location.host;
        onShow(location.host);
      }
    });
  return { url, qr, warning, picker };
}

/**
 * How to join, twice: the lobby's large panel (address, code and QR code) and the small corner the board keeps
 * once the game runs (latecomers and a reconnecting phone still need the code, but the class needs the space).
 */
export function joinPanels(code: string) {
  const cornerAddress = h('span', { class: 'corner-url', id: 'board-corner-url' });
  const address = joinAddressPicker(code, (a) => {
    cornerAddress.textContent = a;
  });
  const panel = h(
    'section',
    { class: 'join-panel', 'aria-label': 'How to join' },
    h('p', { class: 'label' }, 'Join at'),
    address.url,
    address.picker,
    address.warning,
    h('p', { class: 'label' }, 'with the code'),
    h('p', { class: 'code huge', id: 'board-code' }, code),
    address.qr,
  );
  const corner = h(
    'p',
    { class: 'code-corner', id: 'board-corner' },
    h('span', { class: 'corner-label' }, 'Join at '),
    cornerAddress,
    h('span', { class: 'corner-label' }, ' · code '),
    h('span', { class: 'corner-code' }, code),
  );
  return { panel, corner };
}
