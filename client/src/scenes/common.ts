import Phaser from 'phaser';
import type { Delegation } from '../../../shared/model/seats.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import type { SessionView } from '../net/view.ts';
import { SEAT_COLOURS } from '../ui/palette.ts';
import { SEAT_SHAPES } from './facts.ts';
import { textScale } from './layout.ts';

export const FONT = 'system-ui, sans-serif';
export const WIDTH = 960;
export const HEIGHT = 540;
export const HUD_HEIGHT = 36;
export const INK = '#f2f5f9';
export const MUTED = '#a9bbd0';
export const PANEL = 0x10263f;
export const LINE = 0x6d8db3;
/** Adopted texts and the adoption line: a light yellow that reads on the dark background with any colour vision. */
export const GOLD = 0xf0e442;

export const colour = (hex: string) => Phaser.Display.Color.HexStringToColor(hex).color;
export const seatColour = (d: Delegation) => colour(SEAT_COLOURS[d]);

export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A text style of `size` px as drawn, enlarged when the canvas is shown small and sharpened when it is shown
 * large (see textScaleFor in layout.ts).
 */
export function textStyle(
  size: number,
  opts: Partial<Phaser.Types.GameObjects.Text.TextStyle> = {},
): Phaser.Types.GameObjects.Text.TextStyle {
  const { scale, resolution } = textScale();
  return {
    fontFamily: FONT,
    fontSize: `${Math.round(size * scale)}px`,
    color: INK,
    resolution,
    ...opts,
  };
}

/** Shrinks a text object that would run past `maxWidth` (drawn px), so enlarged text stays in its place. */
export function fitWidth<T extends Phaser.GameObjects.Text>(text: T, maxWidth: number): T {
  text.setScale(Math.min(1, maxWidth / Math.max(1, text.width)));
  return text;
}

/** What every scene is given: the session, the world this viewer may see, and who is looking. */
export interface SceneInput {
  view: SessionView;
  world: WorldView | undefined;
  meId: string | undefined;
}

/** Draws a delegation's shape (circle, square, triangle) centred on x, y. */
export function drawShape(
  g: Phaser.GameObjects.Graphics,
  d: Delegation,
  x: number,
  y: number,
  size: number,
  outline = 0xffffff,
  fill = seatColour(d),
) {
  const r = size / 2;
  g.fillStyle(fill, 1).lineStyle(Math.max(1.5, size / 8), outline, 1);
  switch (SEAT_SHAPES[d]) {
    case 'circle':
      g.fillCircle(x, y, r).strokeCircle(x, y, r);
      break;
    case 'square':
      g.fillRect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7).strokeRect(
        x - r * 0.85,
        y - r * 0.85,
        r * 1.7,
        r * 1.7,
      );
      break;
    case 'triangle':
      g.fillTriangle(x, y - r, x + r, y + r * 0.8, x - r, y + r * 0.8).strokeTriangle(
        x,
        y - r,
        x + r,
        y + r * 0.8,
        x - r,
        y + r * 0.8,
      );
      break;
  }
}

/**
 * A Graphics object to draw into and then bake() as a texture for the region (x, y, w, h) of the scene: the
 * WebGL renderer re-tessellates a Graphics object on every frame, an image costs one quad.
 */
export function sketch(scene: Phaser.Scene, x = 0, y = 0): Phaser.GameObjects.Graphics {
  const g = scene.make.graphics({}, false);
  if (x || y) g.translateCanvas(-x, -y);
  return g;
}

/** Turns a sketch into a texture (replacing an older one of the same key) and shows it at x, y. */
export function bake(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  key: string,
  x: number,
  y: number,
  w: number,
  h: number,
): Phaser.GameObjects.Image {
  if (scene.textures.exists(key)) scene.textures.remove(key);
  g.generateTexture(key, Math.ceil(w), Math.ceil(h));
  g.destroy();
  return scene.add.image(x, y, key).setOrigin(0, 0);
}

/**
 * Small textures drawn once per game (markers, inspectors, debris), so hundreds of objects batch as images.
 * Their sizes are powers of two: seen in Chromium's software WebGL, a rotated 14×14 texture lost half its quad.
 */
export function ensureTextures(scene: Phaser.Scene) {
  if (scene.textures.exists('sat-us')) return;
  const g = scene.make.graphics({}, false);
  for (const d of ['us', 'china', 'russia'] as const) {
    g.clear();
    drawShape(g, d, 8, 8, 11, 0xffffff);
    g.generateTexture(`sat-${d}`, 16, 16);
    g.clear();
    diamond(g, seatColour(d), 8, 8, 7);
    g.generateTexture(`insp-${d}`, 16, 16);
  }
  g.clear();
  diamond(g, 0x9aa7b6, 8, 8, 7);
  g.generateTexture('insp-unknown', 16, 16);
  g.clear();
  g.fillStyle(0xd8dee6, 1).fillRect(0, 0, 3, 3);
  g.generateTexture('debris', 4, 4);
  g.destroy();
}

function diamond(g: Phaser.GameObjects.Graphics, fill: number, x: number, y: number, r: number) {
  g.fillStyle(fill, 1).lineStyle(1.5, 0xffffff, 1);
  g.beginPath()
    .moveTo(x, y - r)
    .lineTo(x + r, y)
    .lineTo(x, y + r)
    .lineTo(x - r, y)
    .closePath()
    .fillPath()
    .strokePath();
}

/**
 * The short animations that follow a resolution: flashes and captions, all skippable at once. Temporary objects
 * go away when they end or are skipped; nothing they touch holds state.
 */
export class Fx {
  private readonly scene: Phaser.Scene;
  private temps: Phaser.GameObjects.GameObject[] = [];

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
  }

  /** A pulsing outline around a rectangle (x, y is the centre). */
  flashRect(x: number, y: number, w: number, h: number, delay = 0) {
    const g = this.scene.add.graphics();
    g.lineStyle(4, GOLD, 1).strokeRoundedRect(x - w / 2, y - h / 2, w, h, 8);
    this.pulse(g, delay);
  }

  /** A pulsing ring (x, y is the centre). */
  flashCircle(x: number, y: number, r: number, delay = 0) {
    const g = this.scene.add.graphics();
    g.lineStyle(5, GOLD, 1).strokeCircle(x, y, r);
    this.pulse(g, delay);
  }

  /** "+6" rising from a point. */
  delta(x: number, y: number, text: string, delay = 0) {
    const t = this.scene.add
      .text(
        x,
        y,
        text,
        textStyle(18, { fontStyle: 'bold', color: '#f0e442', stroke: '#061222', strokeThickness: 4 }),
      )
      .setOrigin(0.5)
      .setAlpha(0);
    this.temps.push(t);
    this.scene.tweens.add({
      targets: t,
      alpha: { from: 1, to: 0 },
      y: y - 26,
      delay,
      duration: 1800,
      ease: 'Cubic.easeOut',
      onComplete: () => this.drop(t),
    });
  }

  /** Keeps a temporary object until skip() or its own end. */
  keep<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.temps.push(o);
    return o;
  }

  drop(o: Phaser.GameObjects.GameObject) {
    this.scene.tweens.killTweensOf(o);
    this.temps = this.temps.filter((x) => x !== o);
    o.destroy();
  }

  private pulse(g: Phaser.GameObjects.Graphics, delay: number) {
    g.setAlpha(0);
    this.temps.push(g);
    this.scene.tweens.add({
      targets: g,
      alpha: { from: 0, to: 1 },
      delay,
      duration: 300,
      yoyo: true,
      repeat: 2,
      onComplete: () => this.drop(g),
    });
  }

  get playing(): boolean {
    return this.temps.length > 0;
  }

  /** Ends every animation at once (a click or a key). */
  skip() {
    for (const o of [...this.temps]) this.drop(o);
  }
}

/**
 * A scene that draws a SceneInput. It redraws only when what it reads changed (`deps`), and only while it is
 * awake: a sleeping scene keeps the latest input and draws it when it wakes.
 */
export abstract class ViewScene extends Phaser.Scene {
  protected current: SceneInput | undefined;
  protected fx!: Fx;
  private drawnDeps: unknown[] = [];
  private created = false;
  private pendingFlash: Set<string> | undefined;

  create() {
    this.created = true;
    // A restart (the text scale changed) builds everything again: nothing drawn survives it.
    this.drawnDeps = [];
    this.fx = new Fx(this);
    ensureTextures(this);
    this.build();
    this.events.on(Phaser.Scenes.Events.WAKE, () => this.refresh());
    this.refresh();
  }

  /** Draws the parts that never change. */
  protected abstract build(): void;
  /** What the drawing depends on, compared by identity. */
  protected abstract deps(input: SceneInput): unknown[];
  /** Draws the input (replacing the previous drawing). */
  protected abstract draw(input: SceneInput): void;
  /** Flashes the targets this scene shows ("delegation:us", "draft:ppwt", ...). */
  protected flash(_keys: Set<string>): void {}

  setInput(input: SceneInput) {
    this.current = input;
    if (this.created && this.sys.isActive()) this.refresh();
  }

  /** Plays the resolution's flashes now, or when the scene next wakes. */
  playFlash(keys: Set<string>) {
    if (reducedMotion()) return;
    this.pendingFlash = keys;
    if (this.created && this.sys.isActive()) this.refresh();
  }

  cancelFlash() {
    this.pendingFlash = undefined;
    this.fx?.skip();
  }

  private refresh() {
    const input = this.current;
    if (!input) return;
    const deps = this.deps(input);
    if (deps.length !== this.drawnDeps.length || deps.some((d, i) => d !== this.drawnDeps[i])) {
      this.drawnDeps = deps;
      this.draw(input);
    }
    const flash = this.pendingFlash;
    this.pendingFlash = undefined;
    if (flash) this.flash(flash);
  }
}
