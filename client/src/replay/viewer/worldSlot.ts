import { DELEGATION_NAMES } from '../../../../shared/model/seats.ts';
import type { Viewer } from '../../../../shared/rules/views.ts';
import { cardsPanel } from '../../ui/cards.ts';
import { fill, h } from '../../ui/dom.ts';
import { tableCanvas } from '../../ui/tableCanvas.ts';
import { worldPanel } from '../../ui/worldPanel.ts';
import { sessionViewOf } from '../sessionView.ts';
import type { ViewerPanel } from './context.ts';

/** "the teacher", "the class", "China". */
export const eyesName = (v: Viewer) =>
  v === 'teacher' ? 'the teacher' : v === 'public' ? 'the class' : DELEGATION_NAMES[v];

/**
 * The world at the position shown, through the chosen eyes: the same Phaser scenes as the live screens (`scene`;
 * the picker follows the phase), and the cards and the world panel (`root`), rebuilt when the eyes change.
 */
export function worldSlot(): ViewerPanel & { scene: HTMLElement; setEyes(v: Viewer): void; destroy(): void } {
  let world = worldPanel('The world through the eyes of the teacher');
  let cards = cardsPanel({ teacher: true });
  const scenes = tableCanvas('The session replayed: table, chamber, orbit and Moon');
  const root = h('div', { class: 'replay-world' }, cards.root, world.root);
  return {
    root,
    scene: scenes.root,
    setEyes(v) {
      const fresh = worldPanel(`The world through the eyes of ${eyesName(v)}`);
      const freshCards = cardsPanel({ teacher: v === 'teacher' });
      world.root.replaceWith(fresh.root);
      cards.root.replaceWith(freshCards.root);
      world = fresh;
      cards = freshCards;
    },
    update({ state: s, sight, eyes }) {
      const w = sight.world;
      const seat = eyes !== 'teacher' && eyes !== 'public' ? eyes : undefined;
      world.update(w, seat && w ? { name: DELEGATION_NAMES[seat], secrets: w.secrets[seat] } : undefined);
      cards.update(w, s.round, s.phase ?? '', seat);
      scenes.update(sessionViewOf(s, sight));
      if (!w) fill(world.root, h('p', { class: 'empty' }, 'The world begins when round 1 starts.'));
    },
    destroy: () => scenes.destroy(),
  };
}
