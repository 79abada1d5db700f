import Phaser from 'phaser';
import { ARENA_NAMES, type CardArena } from '../../../shared/content/card.ts';
import type { RevealedCard } from '../../../shared/rules/model.ts';
import { sourceLine } from '../ui/cards.ts';
import { reducedMotion, textStyle } from './common.ts';

const PANEL_BOTTOM = 198; // the card's inner bottom edge, from its centre
const ART_BOTTOM = -62; // below the arena art: a body starting higher would run under it

const bodyStyle = (size: number) =>
  textStyle(size, { color: '#13212f', wordWrap: { width: 600 }, lineSpacing: 4 });

/**
 * The event-card reveal: the card slides in over the table with art drawn for its arena, its date, title and
 * source. A view only; the same card is in the DOM as text. A click or a key skips the animation; with
 * reduced motion it appears at once.
 */
export class CardScene extends Phaser.Scene {
  private shownId = '';
  private layer: Phaser.GameObjects.Container | undefined;

  constructor() {
    super({ key: 'card', active: true });
  }

  create() {
    // A restart (the text scale changed) clears the overlay: the next show() draws the card again.
    this.shownId = '';
    this.layer = undefined;
  }

  /** Ends the reveal animation at once (the mount calls this on a click or a key). */
  skip() {
    if (!this.sys.isActive()) return;
    for (const t of this.tweens.getTweens()) t.complete();
    this.layer?.setAlpha(1).setY(270);
  }

  /** Shows `card` (or hides the overlay when undefined). */
  show(card: RevealedCard | undefined) {
    if (!this.sys.isActive()) return;
    const id = card ? `${card.round}:${card.card.id}` : '';
    if (id === this.shownId) return;
    this.shownId = id;
    this.layer?.destroy(true);
    this.layer = undefined;
    if (!card) return;
    const c = card.card;
    const layer = this.add.container(480, 270);
    const shade = this.add.rectangle(0, 0, 960, 540, 0x061222, 0.75);
    const panel = this.add.graphics();
    panel.fillStyle(0xf6f1e3, 1).fillRoundedRect(-330, -210, 660, 420, 18);
    panel.lineStyle(4, 0x1d3557, 1).strokeRoundedRect(-330, -210, 660, 420, 18);
    const art = this.add.graphics();
    drawArena(art, c.arena as CardArena);
    const meta = this.add.text(
      -300,
      -185,
      `${c.date} · ${ARENA_NAMES[c.arena as CardArena] ?? c.arena}`,
      textStyle(16, { color: '#3b4a5c' }),
    );
    // The title wraps beside the art, and everything under it follows its height: a long title pushes the body
    // down rather than running into it, and the body's size steps down until the source line still fits.
    let titleSize = 30;
    const title = this.add.text(
      -300,
      meta.y + meta.height + 6,
      c.title,
      textStyle(titleSize, { fontStyle: 'bold', color: '#13212f', wordWrap: { width: 440 } }),
    );
    while (title.height > 130 && titleSize > 20) {
      titleSize -= 2;
      title.setStyle(textStyle(titleSize, { fontStyle: 'bold', color: '#13212f', wordWrap: { width: 440 } }));
    }
    const source = this.add.text(
      -300,
      0,
      sourceLine(c),
      textStyle(13, { color: '#3b4a5c', wordWrap: { width: 600 } }),
    );
    const bodyTop = Math.max(ART_BOTTOM, title.y + title.height + 12);
    const body = this.add.text(-300, bodyTop, c.briefing, bodyStyle(17));
    for (let size = 16; body.y + body.height + 10 + source.height > PANEL_BOTTOM && size >= 11; size--)
      body.setStyle(bodyStyle(size));
    source.setY(Math.min(PANEL_BOTTOM - source.height, body.y + body.height + 10));
    layer.add([shade, panel, art, meta, title, body, source]);
    if (!reducedMotion()) {
      layer.setAlpha(0).setY(330);
      this.tweens.add({ targets: layer, alpha: 1, y: 270, duration: 700, ease: 'Cubic.easeOut' });
    }
    this.layer = layer;
  }
}

/** Art for each arena, drawn with shapes (no image files): top right of the card. */
function drawArena(g: Phaser.GameObjects.Graphics, arena: CardArena) {
  const x = 230;
  const y = -120;
  g.lineStyle(4, 0x1d3557, 1);
  switch (arena) {
    case 'orbit':
      g.fillStyle(0x2a6f97, 1).fillCircle(x, y, 40);
      g.strokeEllipse(x, y, 150, 50);
      g.fillStyle(0xd55e00, 1).fillRect(x + 62, y - 6, 14, 12);
      break;
    case 'cd':
      for (let i = 0; i < 3; i++)
        g.beginPath()
          .arc(x, y + 40, 40 + i * 18, Math.PI, 0)
          .strokePath();
      g.fillStyle(0x1d3557, 1).fillRect(x - 10, y + 20, 20, 20);
      break;
    case 'missileDefence':
      g.beginPath()
        .arc(x - 30, y + 40, 50, -Math.PI / 2, 0)
        .strokePath();
      for (let i = 1; i <= 3; i++)
        g.beginPath()
          .arc(x - 30, y + 40, 20 * i, -1.2, -0.4)
          .strokePath();
      g.lineBetween(x - 30, y + 40, x + 40, y - 30);
      break;
    case 'lunar':
      g.fillStyle(0xd9d4c7, 1).fillCircle(x, y, 45);
      g.fillStyle(0xb8b2a3, 1)
        .fillCircle(x - 12, y - 10, 9)
        .fillCircle(x + 15, y + 12, 6)
        .fillCircle(x + 5, y - 20, 5);
      break;
    case 'domestic':
      g.fillStyle(0xe7e1d0, 1).fillRect(x - 50, y, 100, 40);
      g.beginPath().arc(x, y, 30, Math.PI, 0).fillPath();
      g.strokeRect(x - 50, y, 100, 40);
      for (let i = -40; i <= 40; i += 20) g.lineBetween(x + i, y + 5, x + i, y + 38);
      break;
    case 'geopolitics':
      g.strokeCircle(x, y, 45);
      g.lineBetween(x - 45, y, x + 45, y);
      g.strokeEllipse(x, y, 40, 90);
      break;
  }
}
