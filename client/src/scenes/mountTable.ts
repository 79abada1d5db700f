import Phaser from 'phaser';
import type { SessionView } from '../net/view.ts';
import type { TableHandle } from '../ui/tableCanvas.ts';
import { CardScene } from './CardScene.ts';
import { TableScene } from './TableScene.ts';

/** Starts a Phaser game in `parent` showing the table scene; loaded lazily in its own chunk. */
export async function mountTable(parent: HTMLElement): Promise<TableHandle> {
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const scene = new TableScene(() => ready());
  const cardScene = new CardScene();
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: 960,
    height: 540,
    backgroundColor: '#0b1d33',
    scene: [scene, cardScene],
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    banner: false,
    audio: { noAudio: true },
  });
  await started;
  parent.dataset.renderer = game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas';
  return {
    update: (view: SessionView, meId?: string) => {
      scene.show(view, meId);
      // During the briefing the round's newest card lies over the table; afterwards the table shows again.
      const cards = view.world?.cards.filter((c) => c.round === view.round) ?? [];
      cardScene.show(view.phase === 'briefing' ? cards.at(-1) : undefined);
    },
  };
}
