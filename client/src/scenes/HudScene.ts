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

const METERS = [
  { key: 'tension', label: 'Tension', x: 258, mark: CRISIS_AT, markLabel: 'crisis' },
  { key: 'debris', label: 'Debris', x: 480, mark: CASCADE_AT, markLabel: 'cascade' },
  { key: 'alignment', label: 'CN–RU', x: 720, mark: undefined, markLabel: '' },
] as const;
const BAR_W = 60;

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
  private fx!: Fx;
  private shown: unknown[] = [];

  constructor(onReady: () => void) {
    super('hud');
    this.onReady = onReady;
  }

  create() {
    this.scene.bringToTop();
    this.fx = new Fx(this);
    this.add.rectangle(WIDTH / 2, HUD_HEIGHT / 2, WIDTH, HUD_HEIGHT, 0x061222, 0.88);
    this.stage = this.add.text(10, HUD_HEIGHT / 2, '', textStyle(14, { color: MUTED })).setOrigin(0, 0.5);
    for (const m of METERS) {
      this.add.text(m.x - 8, HUD_HEIGHT / 2, m.label, textStyle(14)).setOrigin(1, 0.5);
      this.values.push(
        this.add
          .text(m.x + BAR_W + 6, HUD_HEIGHT / 2, '', textStyle(15, { fontStyle: 'bold' }))
          .setOrigin(0, 0.5),
      );
    }
    this.timer = this.add
      .text(WIDTH - 10, HUD_HEIGHT / 2, '', textStyle(16, { fontStyle: 'bold' }))
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
      g.fillStyle(0x27415f, 1).fillRect(m.x, y, BAR_W, 12);
      if (value !== undefined) g.fillStyle(0xcfe0f5, 1).fillRect(m.x, y, (BAR_W * value) / 100, 12);
      g.lineStyle(1, 0x8ea3bb, 1).strokeRect(m.x, y, BAR_W, 12);
      if (m.mark !== undefined) {
        const x = m.x + (BAR_W * m.mark) / 100;
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
    const shown = text ? `Time ${text}` : '';
    if (!this.timer || this.timer.text === shown) return false;
    this.timer.setText(shown);
    return true;
  }

  /**
   * What the resolution did: the indicators that moved flash with their change, then the round's story runs as
   * captions at the foot of the scene. No animation at all when the viewer prefers reduced motion.
   */
  play(world: WorldView, indicators: Map<string, number>) {
    this.fx.skip();
    if (reducedMotion()) return;
    METERS.forEach((m, i) => {
      const delta = indicators.get(m.key);
      if (!delta) return;
      this.fx.flashRect(m.x + BAR_W / 2 + 12, HUD_HEIGHT / 2, BAR_W + 60, 26, 150 * i);
      this.fx.delta(m.x + BAR_W + 30, HUD_HEIGHT + 14, `${delta > 0 ? '+' : ''}${delta}`, 150 * i);
    });
    const lines = world.story.filter((s) => s.round === world.round).map((s) => s.text);
    const shown = lines.slice(0, 3);
    if (lines.length > shown.length)
      shown.push(`…and ${lines.length - shown.length} more in the text below.`);
    if (!shown.length) return;
    const box = this.fx.keep(this.add.container(WIDTH / 2, HEIGHT - 44));
    const bg = this.add.rectangle(0, 0, WIDTH - 40, 64, 0x061222, 0.9).setStrokeStyle(2, GOLD, 1);
    const heading = this.add
      .text(
        -(WIDTH - 40) / 2 + 14,
        -26,
        `Round ${world.round} resolved · click or press a key to skip`,
        textStyle(13, { color: MUTED }),
      )
      .setOrigin(0, 0);
    const caption = this.add
      .text(-(WIDTH - 40) / 2 + 14, -8, '', textStyle(17, { wordWrap: { width: WIDTH - 80 }, maxLines: 2 }))
      .setOrigin(0, 0);
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
