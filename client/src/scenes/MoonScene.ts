import Phaser from 'phaser';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { LUNAR_BLOCS, type LunarBloc } from '../../../shared/rules/model.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import {
  bake,
  drawShape,
  HEIGHT,
  HUD_HEIGHT,
  MUTED,
  PANEL,
  type SceneInput,
  seatColour,
  sketch,
  textStyle,
  ViewScene,
  WIDTH,
} from './common.ts';
import { LUNAR_LABELS } from './facts.ts';

const EARTH = { x: 92, y: 210, r: 44 };
const MOON = { x: 800, y: 210, r: 112 };
/** Each programme's path from the Earth to its landing site, bending apart so the three read separately. */
const PATHS: Record<Delegation, { bend: number; site: number }> = {
  us: { bend: -150, site: (205 * Math.PI) / 180 },
  china: { bend: 0, site: Math.PI },
  russia: { bend: 150, site: (155 * Math.PI) / 180 },
};
const PANEL_Y = 352;
const PANEL_W = 450;
const MAX_DOTS = 60;

function pathPoint(d: Delegation, t: number): Phaser.Math.Vector2 {
  const { bend, site } = PATHS[d];
  const a = new Phaser.Math.Vector2(EARTH.x + EARTH.r + 4, EARTH.y + (bend / 150) * 14);
  const b = new Phaser.Math.Vector2(MOON.x + Math.cos(site) * MOON.r, MOON.y + Math.sin(site) * MOON.r);
  const c = new Phaser.Math.Vector2((a.x + b.x) / 2, (a.y + b.y) / 2 + bend);
  const u = 1 - t;
  return new Phaser.Math.Vector2(
    u * u * a.x + 2 * u * t * c.x + t * t * b.x,
    u * u * a.y + 2 * u * t * c.y + t * t * b.y,
  );
}

/**
 * The Moon: each nation's lunar programme as a journey from the Earth (0) to a landing (100), and the two
 * lunar coalitions, the US-led Artemis Accords and the Chinese–Russian ILRS, with their members and partners.
 */
export class MoonScene extends ViewScene {
  private layer!: Phaser.GameObjects.Container;

  constructor() {
    super('moon');
  }

  protected override build() {
    const g = sketch(this);
    g.fillStyle(0x1f5f8b, 1).fillCircle(EARTH.x, EARTH.y, EARTH.r);
    g.fillStyle(0x3f8f5a, 0.9)
      .fillCircle(EARTH.x - 12, EARTH.y - 8, 16)
      .fillCircle(EARTH.x + 16, EARTH.y + 14, 11);
    g.lineStyle(2, 0xcfe0f5, 0.8).strokeCircle(EARTH.x, EARTH.y, EARTH.r);
    g.fillStyle(0xd9d4c7, 1).fillCircle(MOON.x, MOON.y, MOON.r);
    g.fillStyle(0xb8b2a3, 1);
    for (const [dx, dy, r] of [
      [-40, -35, 18],
      [30, 20, 26],
      [45, -50, 12],
      [-20, 55, 14],
      [-60, 15, 9],
      [10, -10, 8],
    ] as const)
      g.fillCircle(MOON.x + dx, MOON.y + dy, r);
    bake(this, g, 'moon-back', 0, 0, WIDTH, PANEL_Y);
    this.add.text(EARTH.x, EARTH.y + EARTH.r + 8, 'Earth', textStyle(14, { color: MUTED })).setOrigin(0.5, 0);
    this.add.text(MOON.x, MOON.y + MOON.r + 8, 'The Moon', textStyle(14, { color: MUTED })).setOrigin(0.5, 0);
    this.add.text(
      20,
      HUD_HEIGHT + 10,
      'Lunar programmes: from launch (0) to a landing (100)',
      textStyle(15, { color: MUTED }),
    );
    this.layer = this.add.container(0, 0);
  }

  protected override deps(input: SceneInput) {
    return [input.world];
  }

  protected override draw({ world }: SceneInput) {
    this.layer.removeAll(true);
    if (!world) {
      this.layer.add(this.add.text(20, PANEL_Y, 'The race to the Moon starts with round 1.', textStyle(16)));
      return;
    }
    const g = sketch(this);
    this.drawProgrammes(g, world);
    LUNAR_BLOCS.forEach((b, i) => {
      this.drawBloc(g, world, b, 20 + i * (PANEL_W + 30));
    });
    this.layer.addAt(bake(this, g, 'moon-view', 0, 0, WIDTH, HEIGHT), 0);
  }

  private drawProgrammes(g: Phaser.GameObjects.Graphics, w: WorldView) {
    for (const d of DELEGATIONS) {
      const progress = Math.max(0, Math.min(100, w.delegations[d].capabilities.lunar)) / 100;
      const c = seatColour(d);
      // The way still to go is dotted; the way travelled is a solid line.
      for (let t = 0; t <= 1.0001; t += 0.025) {
        const p = pathPoint(d, t);
        if (t > progress) g.fillStyle(0x8ea3bb, 0.8).fillCircle(p.x, p.y, 1.6);
      }
      const done: Phaser.Math.Vector2[] = [];
      for (let t = 0; t <= progress + 0.0001; t += 0.02) done.push(pathPoint(d, t));
      done.push(pathPoint(d, progress));
      if (done.length > 1) g.lineStyle(4, c, 1).strokePoints(done, false, false);
      const m = pathPoint(d, progress);
      drawShape(g, d, m.x, m.y, 20);
      if (progress >= 1) {
        g.lineStyle(2, 0xffffff, 1).lineBetween(m.x, m.y, m.x, m.y - 26);
        g.fillStyle(c, 1).fillRect(m.x, m.y - 26, 16, 10);
      }
      const label = `${DELEGATION_NAMES[d]} ${Math.round(progress * 100)}/100${progress >= 1 ? ' · landed' : ''}`;
      const above = PATHS[d].bend <= 0;
      this.layer.add(
        this.add
          .text(
            m.x,
            m.y + (above ? -16 : 16),
            label,
            textStyle(14, { fontStyle: 'bold', backgroundColor: '#0b1d33', padding: { x: 3, y: 1 } }),
          )
          .setOrigin(0.5, above ? 1 : 0),
      );
    }
  }

  private drawBloc(g: Phaser.GameObjects.Graphics, w: WorldView, bloc: LunarBloc, x: number) {
    const { members, partners } = w.lunar[bloc];
    g.fillStyle(PANEL, 0.92).fillRoundedRect(x, PANEL_Y, PANEL_W, 540 - PANEL_Y - 12, 10);
    g.lineStyle(1.5, 0x6d8db3, 1).strokeRoundedRect(x, PANEL_Y, PANEL_W, 540 - PANEL_Y - 12, 10);
    // Each row starts under the one before at its real height, so enlarged text never overlaps.
    const title = this.add.text(
      x + 14,
      PANEL_Y + 8,
      LUNAR_LABELS[bloc],
      textStyle(16, { fontStyle: 'bold', wordWrap: { width: PANEL_W - 28 } }),
    );
    this.layer.add(title);
    let y = title.y + title.height + 6;
    const label = this.add.text(x + 14, y, 'Members:', textStyle(14, { color: MUTED }));
    this.layer.add(label);
    let mx = label.x + label.width + 10;
    if (!members.length) this.layer.add(this.add.text(mx, y, 'none yet', textStyle(14)));
    for (const d of members) {
      drawShape(g, d, mx + 7, y + label.height / 2, 14);
      const name = this.add.text(mx + 18, y, DELEGATION_NAMES[d], textStyle(14, { fontStyle: 'bold' }));
      this.layer.add(name);
      mx += 18 + name.width + 16;
    }
    y += label.height + 6;
    const partnerLine = this.add.text(
      x + 14,
      y,
      `Partner states: ${partners}`,
      textStyle(14, { color: MUTED }),
    );
    this.layer.add(partnerLine);
    y += partnerLine.height + 10;
    const dots = Math.min(MAX_DOTS, partners);
    for (let k = 0; k < dots; k++) {
      const dx = x + 20 + (k % 30) * 14;
      const dy = y + Math.floor(k / 30) * 14;
      g.fillStyle(0xf2f5f9, 1).fillCircle(dx, dy, 4.5);
    }
  }

  protected override flash(keys: Set<string>) {
    let n = 0;
    for (const d of DELEGATIONS)
      if (keys.has(`programme:${d}`)) {
        const m = pathPoint(
          d,
          Math.min(100, this.current?.world?.delegations[d].capabilities.lunar ?? 0) / 100,
        );
        this.fx.flashCircle(m.x, m.y, 20, 200 * n++);
      }
    LUNAR_BLOCS.forEach((b, i) => {
      if (keys.has(`lunar:${b}`))
        this.fx.flashRect(
          20 + i * (PANEL_W + 30) + PANEL_W / 2,
          PANEL_Y + (540 - PANEL_Y - 12) / 2,
          PANEL_W + 8,
          540 - PANEL_Y - 4,
          200 * n++,
        );
    });
  }
}
