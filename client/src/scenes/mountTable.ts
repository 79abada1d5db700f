import Phaser from 'phaser';
import type { SessionView } from '../net/view.ts';
import { CardScene } from './CardScene.ts';
import { ChamberScene } from './ChamberScene.ts';
import { HEIGHT, reducedMotion, type SceneInput, type ViewScene, WIDTH } from './common.ts';
import { flashTargets, SCENES, type SceneKey, worldFor } from './facts.ts';
import { HudScene } from './HudScene.ts';
import { setTextScale, textScale, textScaleFor } from './layout.ts';
import { MoonScene } from './MoonScene.ts';
import { OrbitScene } from './OrbitScene.ts';
import { TableScene } from './TableScene.ts';

const FPS_LIMIT = 30;
const QUIET_FRAMES = 3;

/** What the page holds of the mounted scenes: feed them a view, pick one, show the timer, take them down. */
export interface TableHandle {
  update(view: SessionView, meId?: string): void;
  show(scene: SceneKey): void;
  timer(text: string): void;
  destroy(): void;
}

export interface SceneHandle extends TableHandle {
  game: Phaser.Game;
  orbit: OrbitScene;
}

/**
 * Starts one Phaser game in `parent` with every scene: the table, the CD chamber, orbit and the Moon (one
 * awake at a time, the others asleep), the event card over the table, and the indicators over all of them.
 * Loaded lazily in its own chunk. The scenes only draw the view they are given.
 */
export async function mountTable(
  parent: HTMLElement,
  initial: SceneKey = 'table',
  opts: { fpsLimit?: number } = {},
): Promise<SceneHandle> {
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const hud = new HudScene(() => ready());
  const orbit = new OrbitScene();
  const scenes: Record<SceneKey, ViewScene> = {
    table: new TableScene(),
    chamber: new ChamberScene(),
    orbit,
    moon: new MoonScene(),
  };
  const card = new CardScene();
  // The text is sized for the canvas as shown: set before the scenes build, and again when the page resizes.
  const scaleNow = () => textScaleFor(parent.clientWidth, window.devicePixelRatio || 1);
  setTextScale(scaleNow());
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: '#0b1d33',
    // The indicators come first so they start at once; they bring themselves to the top when created.
    scene: [hud, scenes.table, scenes.chamber, orbit, scenes.moon, card],
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    banner: false,
    audio: { noAudio: true },
    // Slow orbits and short flashes need no more than 30 frames a second; a phone or a shared school laptop
    // keeps the rest. The loop also sleeps whenever nothing moves (see below).
    ...(opts.fpsLimit === 0 ? {} : { fps: { limit: opts.fpsLimit ?? FPS_LIMIT } }),
  });
  await started;
  parent.dataset.renderer = game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas';

  let current: SceneKey | undefined;
  let input: SceneInput | undefined;
  let lastRound: number | undefined;

  // Nothing to draw, nothing to run: a still scene (the table, the chamber, the Moon, orbit with reduced motion)
  // sends the game loop to sleep a few frames after its last change, and every change wakes it. In a browser
  // without a GPU each frame drawn is also a frame read back for the page, so this matters.
  let quiet = 0;
  const moving = () =>
    (current === 'orbit' && !reducedMotion()) ||
    game.scene.getScenes(true).some((s) => s.tweens.getTweens().length > 0);
  game.events.on(Phaser.Core.Events.POST_STEP, () => {
    if (moving()) quiet = 0;
    else if (++quiet > QUIET_FRAMES) game.loop.sleep();
  });
  const wake = () => {
    quiet = 0;
    if (!game.loop.running) game.loop.wake(true);
  };

  const showCard = () => {
    const view = input?.view;
    // During the briefing the round's newest card lies over the table; afterwards the table shows again.
    const cards = view?.world?.cards.filter((c) => c.round === view.round) ?? [];
    card.show(view?.phase === 'briefing' && current === 'table' ? cards.at(-1) : undefined);
  };

  const show = (key: SceneKey) => {
    if (key === current) return;
    wake();
    for (const k of SCENES) {
      if (k === key) continue;
      scenes[k].cancelFlash();
      if (game.scene.isActive(k)) game.scene.sleep(k);
    }
    game.scene.run(key);
    current = key;
    parent.dataset.scene = key;
    showCard();
  };

  const update = (view: SessionView, meId?: string) => {
    wake();
    const world = worldFor(view, meId);
    input = { view, world, meId };
    for (const k of SCENES) scenes[k].setInput(input);
    hud.show(input);
    showCard();
    // Once the session has ended, nothing is left to play or skip: the end is read from the page.
    if (view.stage === 'ended') skip();
    if (world) {
      // A new resolution: flash what it changed and tell its story, once.
      if (lastRound !== undefined && world.round > lastRound && view.stage !== 'ended') {
        const { keys, indicators } = flashTargets(world);
        // The Moon's coalitions fill the foot of its scene: there the captions run under the bar.
        hud.play(world, indicators, current === 'moon' ? 'top' : 'bottom');
        if (current) scenes[current].playFlash(keys);
      }
      lastRound = world.round;
    }
  };

  const skip = () => {
    wake();
    hud.skip();
    card.skip();
    for (const k of SCENES) scenes[k].cancelFlash();
  };
  parent.addEventListener('pointerdown', skip);
  window.addEventListener('keydown', skip);

  // A new size that changes the text scale builds the scenes again: the one in view and the indicators at once,
  // the sleeping ones when they are next shown (run() starts a stopped scene).
  let timerText = '';
  const rescale = () => {
    const next = scaleNow();
    const now = textScale();
    if (next.scale === now.scale && next.resolution === now.resolution) return;
    setTextScale(next);
    wake();
    hud.scene.restart();
    card.scene.restart();
    for (const k of SCENES) {
      if (k === current) scenes[k].scene.restart();
      else if (game.scene.getScene(k)?.sys.settings.status) game.scene.stop(k);
    }
    // The restarted scenes draw the last input and timer again once created.
    requestAnimationFrame(() => {
      if (input) {
        for (const k of SCENES) scenes[k].setInput(input);
        hud.show(input);
      }
      hud.setTimer(timerText);
      showCard();
    });
  };
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  const resizeObserver = new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(rescale, 200);
  });
  resizeObserver.observe(parent);

  show(initial);
  return {
    game,
    orbit,
    update,
    show,
    timer: (text: string) => {
      timerText = text;
      if (hud.setTimer(text)) wake();
    },
    destroy: () => {
      resizeObserver.disconnect();
      clearTimeout(resizeTimer);
      parent.removeEventListener('pointerdown', skip);
      window.removeEventListener('keydown', skip);
      game.destroy(true);
    },
  };
}
