import Phaser from 'phaser';
import { CASCADE_AT, CRISIS_AT } from '../../../shared/rules/security.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import { PHASE_NAMES } from '../../../shared/model/phases.ts';
import {
  bake,
  Fx,
  GOLD,
  HEIGHT,
  HUD_HEIGHT,
  MUTED,
  reducedMotion,
  type SceneInput,
  sketch,
  textStyle,
  WIDTH,
} from './common.ts';
import { textScale } from './layout.ts';

const METERS = [
  { key: 'tension', label: 'Tension', mark: CRISIS_AT, markLabel: 'crisis' },
  { key: 'debris', label: 'Debris', mark: CASCADE_AT, markLabel: 'cascade' },
  { key: 'alignment', label: 'CN–RU', mark: undefined, markLabel: '' },
] as const;
const BAR_W = 60;
/** The bar's text does not grow with the scenes' (its row is full); the pages show the same indicators as text. */
const HUD_MAX_SCALE = 1;
const hudStyle = (size: number, opts: Parameters<typeof textStyle>[1] = {}) =>
  textStyle(size * Math.min(1, HUD_MAX_SCALE / textScale().scale), opts);

/**
 * The indicators that stay in view over every scene (tension, debris, China–Russia alignment, the round and
 * its timer), and the short captions that tell what a resolution did. Drawn last, so it is always on top.
 */
export class HudScene extends Phaser.Scene {
  private readonly onReady: () => void;
  private stage!: Phaser.GameObjects.Text;
  private timer!: Phaser.GameObjects.Text;
  private bars: Phaser.GameObjects.Image | undefined;
  private created = false;
  private values: Phaser.GameObjects.Text[] = [];
  private meterX: number[] = []; // where each meter's bar starts
  private timerText = '';
  private fx!: Fx;
  private shown: unknown[] = [];

  constructor(onReady: () => void) {
    super('hud');
    this.onReady = onReady;
  }

  create() {
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.created = false;
    });
    this.scene.bringToTop();
    this.fx = new Fx(this);
    this.values = [];
    this.meterX = [];
    this.shown = [];
    this.bars = undefined;
    this.add.rectangle(WIDTH / 2, HUD_HEIGHT / 2, WIDTH, HUD_HEIGHT, 0x061222, 0.88);
    this.stage = this.add.text(10, HUD_HEIGHT / 2, '', hudStyle(14, { color: MUTED })).setOrigin(0, 0.5);
    // Laid out from the widths of the longest texts each part shows, so larger text never overlaps.
    const measure = (text: string, size: number, bold = false) => {
      const t = this.add.text(0, 0, text, hudStyle(size, bold ? { fontStyle: 'bold' } : {}));
      const w = t.width;
      t.destroy();
      return w;
    };
    let x = 10 + measure('Round 10/10 · Round debrief', 14) + 16;
    const valueW = measure('100 cascade!', 15, true);
    for (const m of METERS) {
      const label = this.add.text(x, HUD_HEIGHT / 2, m.label, hudStyle(14)).setOrigin(0, 0.5);
      x += label.width + 8;
      this.meterX.push(x);
      this.values.push(
        this.add
          .text(x + BAR_W + 6, HUD_HEIGHT / 2, '', hudStyle(15, { fontStyle: 'bold' }))
          .setOrigin(0, 0.5),
      );
      x += BAR_W + 6 + (m.markLabel ? valueW : measure('100', 15, true)) + 14;
    }
    this.timer = this.add
      .text(WIDTH - 10, HUD_HEIGHT / 2, this.timerText, hudStyle(16, { fontStyle: 'bold' }))
      .setOrigin(1, 0.5);
    this.created = true;
    this.onReady();
  }

  show({ view, world }: SceneInput) {
    if (!this.created) return;
    const deps = [world, view.stage, view.round, view.phase];
    if (deps.every((d, i) => d === this.shown[i])) return;
    this.shown = deps;
    this.stage.setText(
      view.stage === 'lobby'
        ? 'Lobby'
        : view.stage === 'ended'
          ? 'Ended'
          : `Round ${view.round}/${view.settings.years.length}${view.phase ? ` · ${PHASE_NAMES[view.phase]}` : ''}`,
    );
    this.bars?.destroy();
    const g = sketch(this);
    METERS.forEach((m, i) => {
      const value = world ? world[m.key] : undefined;
      const y = HUD_HEIGHT / 2 - 6;
      const mx = this.meterX[i] ?? 0;
      g.fillStyle(0x27415f, 1).fillRect(mx, y, BAR_W, 12);
      if (value !== undefined) g.fillStyle(0xcfe0f5, 1).fillRect(mx, y, (BAR_W * value) / 100, 12);
      g.lineStyle(1, 0x8ea3bb, 1).strokeRect(mx, y, BAR_W, 12);
      if (m.mark !== undefined) {
        const x = mx + (BAR_W * m.mark) / 100;
        g.lineStyle(3, GOLD, 1).lineBetween(x, y - 3, x, y + 15);
      }
      const over =
        world &&
        ((m.key === 'tension' && world.tension >= CRISIS_AT) || (m.key === 'debris' && world.cascade))
          ? ` ${m.markLabel}!`
          : '';
      this.values[i]?.setText(value === undefined ? '–' : `${value}${over}`);
    });
    this.bars = bake(this, g, 'hud-bars', 0, 0, WIDTH, HUD_HEIGHT);
  }

  /** "4:05" left in the phase, or nothing when no timer runs. */
  setTimer(text: string): boolean {
    const shown = text;
    this.timerText = shown;
    if (!this.timer || this.timer.text === shown) return false;
    this.timer.setText(shown);
    return true;
  }

  /**
   * What the resolution did: the indicators that moved flash with their change, then the round's story runs as
   * captions at the foot of the scene, or under the bar when the scene keeps its foot busy (the Moon's coalitions).
   * No animation at all when the viewer prefers reduced motion.
   */
  play(world: WorldView, indicators: Map<string, number>, at: 'top' | 'bottom' = 'bottom') {
    this.fx.skip();
    if (reducedMotion()) return;
    METERS.forEach((m, i) => {
      const delta = indicators.get(m.key);
      if (!delta) return;
      const mx = this.meterX[i] ?? 0;
      this.fx.flashRect(mx + BAR_W / 2 + 12, HUD_HEIGHT / 2, BAR_W + 60, 26, 150 * i);
      this.fx.delta(mx + BAR_W + 30, HUD_HEIGHT + 14, `${delta > 0 ? '+' : ''}${delta}`, 150 * i);
    });
    const lines = world.story.filter((s) => s.round === world.round).map((s) => s.text);
    const shown = lines.slice(0, 3);
    if (lines.length > shown.length)
      shown.push(`…and ${lines.length - shown.length} more in the text below.`);
    if (!shown.length) return;
    // The box is as tall as its heading and two lines of caption at the text's current scale.
    const heading = this.add
      .text(
        0,
        0,
        `Round ${world.round} resolved · click or press a key to skip`,
        textStyle(13, { color: MUTED }),
      )
      .setOrigin(0, 0);
    const captionStyle = textStyle(17, { wordWrap: { width: WIDTH - 80 }, maxLines: 2 });
    const caption = this.add.text(0, 0, 'Ag\nAg', captionStyle).setOrigin(0, 0);
    const boxH = 8 + heading.height + 2 + caption.height + 8;
    caption.setText('');
    const y = at === 'top' ? HUD_HEIGHT + 6 + boxH / 2 : HEIGHT - 8 - boxH / 2;
    const box = this.fx.keep(this.add.container(WIDTH / 2, y));
    const bg = this.add.rectangle(0, 0, WIDTH - 40, boxH, 0x061222, 0.9).setStrokeStyle(2, GOLD, 1);
    heading.setPosition(-(WIDTH - 40) / 2 + 14, -boxH / 2 + 8);
    caption.setPosition(-(WIDTH - 40) / 2 + 14, -boxH / 2 + 10 + heading.height);
    box.add([bg, heading, caption]).setAlpha(0);
    const each = 2200;
    this.tweens.add({ targets: box, alpha: 1, duration: 250 });
    // Tweens rather than timers, so the game loop knows something is still moving.
    shown.forEach((line, i) => {
      this.tweens.addCounter({
        from: 0,
        to: 1,
        delay: each * i,
        duration: 1,
        onStart: () => {
          if (caption.scene) caption.setText(line);
        },
      });
    });
    this.tweens.add({
      targets: box,
      alpha: 0,
      delay: each * shown.length,
      duration: 300,
      onComplete: () => this.fx.drop(box),
    });
  }

  get playing(): boolean {
    return this.fx?.playing ?? false;
  }

  skip() {
    this.fx?.skip();
  }
}
