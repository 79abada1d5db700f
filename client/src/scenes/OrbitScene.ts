import type Phaser from 'phaser';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { CASCADE_AT } from '../../../shared/rules/security.ts';
import { REGIMES, type Regime } from '../../../shared/rules/model.ts';
import type { WorldView } from '../../../shared/rules/views.ts';
import {
  bake,
  drawShape,
  GOLD,
  fitWidth,
  HUD_HEIGHT,
  LINE,
  MUTED,
  PANEL,
  reducedMotion,
  type SceneInput,
  seatColour,
  sketch,
  textStyle,
  ViewScene,
} from './common.ts';
import {
  debrisParticles,
  INCIDENT_LABELS,
  type OrbitIncident,
  orbitIncidents,
  REGIME_LABELS,
} from './facts.ts';
import {
  debrisSlot,
  EARTH_RADIUS,
  incidentTarget,
  inspectorSlot,
  polar,
  RING_RADIUS,
  type Slot,
  satelliteSlot,
  sectorMiddle,
} from './layout.ts';

const CX = 290;
const CY = 292;
/** Seconds per turn (schematic: LEO fastest; GEO turns with the Earth, so it stays over the same ground). */
const PERIOD: Record<Regime, number> = { leo: 36, meo: 90, geo: 180 };
const PANEL_X = 560;
const PANEL_Y = HUD_HEIGHT + 8;
const PANEL_W = 390;
const PANEL_H = 540 - HUD_HEIGHT - 16;
const ROW_H = 62;

interface Marked {
  incident: OrbitIncident;
  regime: Regime;
  slot: Slot;
}

/**
 * Orbit: the Earth with its low, medium and geostationary rings; each nation's satellites as small markers
 * (shape and colour) on its third of each ring, its co-orbital inspectors as diamonds, debris as fragments
 * whose number follows the debris index, and the last resolution's incidents: an inspector closing on its
 * target, jamming as waves from the attacker's ground station (or pulses at the victim when the viewer does
 * not know the attacker). Everything placed by index, never at random.
 */
export class OrbitScene extends ViewScene {
  private earth!: Phaser.GameObjects.Image;
  private rings = {} as Record<Regime, Phaser.GameObjects.Container>;
  private overlay!: Phaser.GameObjects.Graphics;
  private legend!: Phaser.GameObjects.Container;
  private marked: Marked[] = [];
  private rotation: Record<Regime, number> = { leo: 0, meo: 0, geo: 0 };
  /** Everything that orbits: moved each frame by position, not by turning a container (seen in Chromium's software
   * WebGL: small rotated quads lost part of their texture), which also keeps every shape upright. */
  private movers: { img: Phaser.GameObjects.Image; regime: Regime; slot: Slot }[] = [];
  private clock = 0;

  constructor() {
    super('orbit');
  }

  protected override build() {
    // The Earth and the ground stations under each nation's GEO satellites (where its jammers and lasers sit),
    // baked into one image that turns with GEO.
    const e = sketch(this, -64, -64); // a 128×128 texture (a power of two: it turns)
    e.fillStyle(0x1f5f8b, 1).fillCircle(0, 0, EARTH_RADIUS);
    e.fillStyle(0x3f8f5a, 0.9);
    // A few landmasses, so the Earth can be seen to turn (fixed shapes, no randomness).
    for (const [a, r, size] of [
      [0.3, 30, 18],
      [1.9, 36, 14],
      [3.6, 28, 20],
      [4.9, 40, 11],
      [2.8, 12, 10],
    ] as const)
      e.fillCircle(Math.cos(a) * r, Math.sin(a) * r, size);
    e.lineStyle(2, 0xcfe0f5, 0.8).strokeCircle(0, 0, EARTH_RADIUS);
    for (const d of DELEGATIONS) {
      const p = polar(0, 0, { angle: sectorMiddle('geo', d), radius: EARTH_RADIUS - 12 });
      drawShape(e, d, p.x, p.y, 16);
    }
    this.earth = bake(this, e, 'orbit-earth', 0, 0, 128, 128).setOrigin(0.5).setPosition(CX, CY);

    const reach = RING_RADIUS.geo + 4;
    const lines = sketch(this, CX - reach, CY - reach);
    for (const r of REGIMES)
      lines.lineStyle(r === 'geo' ? 2 : 1.5, LINE, 0.75).strokeCircle(CX, CY, RING_RADIUS[r]);
    bake(this, lines, 'orbit-rings', CX - reach, CY - reach, 2 * reach, 2 * reach);
    for (const r of REGIMES) this.rings[r] = this.add.container(CX, CY);
    for (const r of REGIMES)
      this.add
        .text(
          CX - RING_RADIUS[r] - 5,
          CY,
          REGIME_LABELS[r],
          textStyle(13, {
            fontStyle: 'bold',
            color: '#cfe0f5',
            backgroundColor: '#0b1d33',
            padding: { x: 3, y: 1 },
          }),
        )
        .setOrigin(1, 0.5);
    this.overlay = this.add.graphics();
    const panel = sketch(this, PANEL_X, PANEL_Y);
    panel.fillStyle(PANEL, 0.92).fillRoundedRect(PANEL_X, PANEL_Y, PANEL_W, PANEL_H, 10);
    bake(this, panel, 'orbit-panel', PANEL_X, PANEL_Y, PANEL_W, PANEL_H);
    this.legend = this.add.container(0, 0);
  }

  protected override deps(input: SceneInput) {
    return [input.world];
  }

  /** Markers on the rings right now (for the benchmark and the tests). */
  objectCount(): number {
    return REGIMES.reduce((n, r) => n + this.rings[r].length, 0) + DELEGATIONS.length; // and the stations
  }

  protected override draw({ world }: SceneInput) {
    for (const r of REGIMES) this.rings[r].removeAll(true);
    this.movers = [];
    this.legend.removeAll(true);
    this.tweens.killAll();
    this.fx.skip();
    this.marked = [];
    if (!world) {
      this.legend.add(
        this.add.text(
          PANEL_X + 16,
          70,
          'The world appears when round 1 begins.',
          textStyle(16, { wordWrap: { width: 360 } }),
        ),
      );
      return;
    }
    const caps = (d: Delegation) => world.delegations[d].capabilities;

    // Debris first, so satellites draw over it.
    const debris = debrisParticles(world.debris);
    for (let i = 0; i < debris; i++) {
      const { regime, slot } = debrisSlot(i);
      this.put(regime, slot, 'debris').setAlpha(0.75);
    }
    for (const d of DELEGATIONS) {
      for (const r of REGIMES) {
        const n = caps(d).satellites[r];
        for (let k = 0; k < n; k++) this.put(r, satelliteSlot(r, d, k, n), `sat-${d}`);
      }
      for (let k = 0; k < caps(d).counterspace.coOrbital; k++) {
        const { regime, slot } = inspectorSlot(d, k);
        this.put(regime, slot, `insp-${d}`);
      }
    }

    for (const incident of orbitIncidents(world)) {
      const t = incidentTarget(incident.kind, incident.id, caps(incident.victim).satellites);
      if (!t) continue;
      const slot = satelliteSlot(t.regime, incident.victim, t.k, caps(incident.victim).satellites[t.regime]);
      this.marked.push({ incident, regime: t.regime, slot });
      if (incident.kind === 'closeApproach') this.approach(incident, t.regime, slot);
    }
    this.drawLegend(world);
    this.drawOverlay();
  }

  /** Adds an orbiting image to its ring. */
  private put(regime: Regime, slot: Slot, key: string): Phaser.GameObjects.Image {
    const p = polar(0, 0, slot, this.rotation[regime]);
    const img = this.add.image(p.x, p.y, key);
    this.rings[regime].add(img);
    this.movers.push({ img, regime, slot });
    return img;
  }

  /** An inspector (the attacker's, or an unidentified one) closes on the victim's satellite, backs off, and again. */
  private approach(incident: OrbitIncident, regime: Regime, target: Slot) {
    const key = incident.attacker ? `insp-${incident.attacker}` : 'insp-unknown';
    const slot: Slot = { ...target };
    const inspector = this.put(regime, slot, key).setScale(1.2);
    const place = (t: number) => {
      slot.angle = target.angle + 0.05 + 0.4 * (1 - t);
      slot.radius = target.radius + 7 + 20 * (1 - t);
      const p = polar(0, 0, slot, this.rotation[regime]);
      inspector.setPosition(p.x, p.y);
    };
    if (reducedMotion()) return place(1);
    place(0);
    this.tweens.addCounter({
      from: 0,
      to: 1,
      duration: 2600,
      hold: 1400,
      repeatDelay: 600,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
      onUpdate: (tw) => place(tw.getValue() ?? 0),
    });
  }

  private drawLegend(w: WorldView) {
    const x = PANEL_X + 16;
    const add = (o: Phaser.GameObjects.GameObject) => this.legend.add(o);
    const g = sketch(this, PANEL_X, PANEL_Y);
    add(
      this.add.text(
        x,
        HUD_HEIGHT + 16,
        `Orbit · ${w.round ? `after round ${w.round}` : 'at the start'}`,
        textStyle(19, { fontStyle: 'bold' }),
      ),
    );
    add(
      this.add.text(
        x,
        HUD_HEIGHT + 40,
        'Satellites and weapons as far as you know',
        textStyle(12, { color: MUTED }),
      ),
    );
    DELEGATIONS.forEach((d, i) => {
      const y = HUD_HEIGHT + 66 + i * ROW_H;
      const c = w.delegations[d].capabilities;
      drawShape(g, d, x + 8, y + 9, 14);
      add(fitWidth(this.add.text(x + 24, y, DELEGATION_NAMES[d], textStyle(16, { fontStyle: 'bold' })), 140));
      add(
        fitWidth(
          this.add.text(
            x + 170,
            y + 1,
            `LEO ${c.satellites.leo} · MEO ${c.satellites.meo} · GEO ${c.satellites.geo}`,
            textStyle(14),
          ),
          PANEL_X + PANEL_W - 12 - (x + 170),
        ),
      );
      const diamond = this.add.image(x + 8, y + 33, `insp-${d}`);
      add(diamond);
      add(
        fitWidth(
          this.add.text(
            x + 24,
            y + 24,
            `inspectors ${c.counterspace.coOrbital} · jammers ${c.counterspace.jamming} · laser ${c.counterspace.laser} · direct-ascent ${c.counterspace.directAscent}`,
            textStyle(13, { color: '#cfe0f5' }),
          ),
          PANEL_X + PANEL_W - 12 - (x + 24),
        ),
      );
    });
    let y = HUD_HEIGHT + 66 + 3 * ROW_H + 4;
    const debris = this.add.image(x + 8, y + 9, 'debris').setScale(2.5);
    add(debris);
    add(
      fitWidth(
        this.add.text(
          x + 24,
          y,
          `Debris ${w.debris} of 100${w.cascade ? ' · CASCADE under way' : ` · cascade at ${CASCADE_AT}`}`,
          textStyle(15, { fontStyle: 'bold', color: w.cascade ? '#f0e442' : '#f2f5f9' }),
        ),
        PANEL_X + PANEL_W - 12 - (x + 24),
      ),
    );
    add(
      this.add.text(
        x + 24,
        y + 20,
        `${debrisParticles(w.debris)} fragments drawn`,
        textStyle(13, { color: MUTED }),
      ),
    );
    y += 50;
    add(
      this.add.text(
        x,
        y,
        w.round ? `Incidents in round ${w.round}` : 'Incidents',
        textStyle(15, { fontStyle: 'bold' }),
      ),
    );
    y += 22;
    const incidents = orbitIncidents(w);
    if (!incidents.length) add(this.add.text(x, y, 'None.', textStyle(14, { color: MUTED })));
    for (const i of incidents.slice(0, 5)) {
      const who = i.attacker
        ? `by ${DELEGATION_NAMES[i.attacker]}`
        : i.natural
          ? 'natural cause'
          : i.accused
            ? `unknown; blamed on ${DELEGATION_NAMES[i.accused]}`
            : 'cause unknown';
      drawShape(g, i.victim, x + 8, y + 9, 12);
      const t = this.add.text(
        x + 24,
        y,
        `${DELEGATION_NAMES[i.victim]}: ${INCIDENT_LABELS[i.kind]} (${who})`,
        textStyle(14, { wordWrap: { width: 340 } }),
      );
      add(t);
      y += t.height + 4;
    }
    if (incidents.length > 5)
      add(
        this.add.text(
          x,
          y,
          `…and ${incidents.length - 5} more (see the text).`,
          textStyle(13, { color: MUTED }),
        ),
      );
    add(bake(this, g, 'orbit-legend', PANEL_X, PANEL_Y, PANEL_W, PANEL_H));
  }

  override update(_time: number, delta: number) {
    if (!reducedMotion()) {
      this.clock += delta;
      for (const r of REGIMES) {
        this.rotation[r] = (this.rotation[r] + (delta / 1000 / PERIOD[r]) * 2 * Math.PI) % (2 * Math.PI);
      }
      this.earth.rotation = this.rotation.geo;
      for (const m of this.movers) {
        const a = m.slot.angle + this.rotation[m.regime];
        m.img.setPosition(Math.cos(a) * m.slot.radius, Math.sin(a) * m.slot.radius);
      }
    }
    if (this.marked.length) this.drawOverlay();
  }

  /** Jamming waves, dazzle and anomaly pulses, and a ring round each victim; redrawn each frame as the rings turn. */
  private drawOverlay() {
    const g = this.overlay.clear();
    const still = reducedMotion();
    const phase = still ? 0.35 : (this.clock % 1200) / 1200;
    for (const m of this.marked) {
      const v = polar(CX, CY, m.slot, this.rotation[m.regime]);
      g.lineStyle(2, 0xffffff, 0.95).strokeCircle(v.x, v.y, 10);
      const { kind, attacker } = m.incident;
      if (kind === 'signalJammed' && attacker) {
        const a = polar(
          CX,
          CY,
          { angle: sectorMiddle('geo', attacker), radius: EARTH_RADIUS - 12 },
          this.rotation.geo,
        );
        const dx = v.x - a.x;
        const dy = v.y - a.y;
        const dist = Math.hypot(dx, dy);
        const dir = Math.atan2(dy, dx);
        const c = seatColour(attacker);
        g.lineStyle(1.5, c, 0.6).lineBetween(a.x, a.y, v.x, v.y);
        for (let i = 0; i < 3; i++) {
          const f = (phase + i / 3) % 1;
          g.lineStyle(3, 0xffffff, 1 - f * 0.7);
          g.beginPath()
            .arc(a.x, a.y, Math.max(6, f * dist), dir - 0.22, dir + 0.22)
            .strokePath();
          g.lineStyle(2, c, 1 - f * 0.7);
          g.beginPath()
            .arc(a.x, a.y, Math.max(6, f * dist) + 3, dir - 0.2, dir + 0.2)
            .strokePath();
        }
      } else if (kind === 'signalJammed' || kind === 'dazzled') {
        // The attacker unknown to this viewer (or a laser): waves arrive at the victim from nowhere in particular.
        for (let i = 0; i < 2; i++) {
          const f = (phase + i / 2) % 1;
          g.lineStyle(2, kind === 'dazzled' ? GOLD : 0xffffff, 1 - f);
          g.strokeCircle(v.x, v.y, 12 + f * 16);
        }
      } else if (kind === 'anomaly') {
        g.lineStyle(2, GOLD, 0.5 + 0.5 * Math.sin(phase * 2 * Math.PI)).strokeCircle(v.x, v.y, 15);
      }
    }
  }

  protected override flash(keys: Set<string>) {
    let n = 0;
    for (const r of REGIMES)
      if (keys.has(`ring:${r}`)) this.fx.flashCircle(CX, CY, RING_RADIUS[r], 200 * n++);
    DELEGATIONS.forEach((d, i) => {
      if (keys.has(`delegation:${d}`))
        this.fx.flashRect(PANEL_X + 195, HUD_HEIGHT + 66 + i * ROW_H + 20, 378, ROW_H - 4, 200 * n++);
    });
  }
}
