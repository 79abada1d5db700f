import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { Regime } from '../../../shared/rules/model.ts';

/**
 * Where things sit in the orbit scene, computed from indexes only (never Math.random): the same view gives the
 * same picture on the projector, on every phone and in every screenshot.
 */

/** A number in [0, 1) from an integer seed (mulberry32's mixing step). */
export function hash01(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A stable integer for a string id ("i7"). */
export function hashId(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const RING_RADIUS: Record<Regime, number> = { leo: 105, meo: 165, geo: 225 };
export const EARTH_RADIUS = 62;
/** Where each ring's three sectors start (radians), staggered so the sectors of one nation do not line up. */
const RING_OFFSET: Record<Regime, number> = { leo: -Math.PI / 2, meo: -Math.PI / 2.6, geo: -Math.PI / 3.4 };
const SECTOR = (2 * Math.PI) / 3;
const SECTOR_GAP = 0.12;
const MIN_SPACING = 11; // px between markers on one lane

/** The middle of a delegation's sector on a ring. */
export function sectorMiddle(regime: Regime, d: Delegation): number {
  return RING_OFFSET[regime] + DELEGATIONS.indexOf(d) * SECTOR + SECTOR / 2;
}

export interface Slot {
  angle: number;
  radius: number;
}

/**
 * The k-th of n satellites of delegation `d` on a ring: each nation has a third of the ring, its satellites
 * spread evenly over it, on two lanes when one would crowd them.
 */
export function satelliteSlot(regime: Regime, d: Delegation, k: number, n: number): Slot {
  const r = RING_RADIUS[regime];
  const start = RING_OFFSET[regime] + DELEGATIONS.indexOf(d) * SECTOR + SECTOR_GAP / 2;
  const width = SECTOR - SECTOR_GAP;
  const lanes = (r * width) / Math.max(1, n) < MIN_SPACING ? 2 : 1;
  const perLane = Math.ceil(n / lanes);
  const lane = lanes === 2 ? k % 2 : 0;
  const index = lanes === 2 ? Math.floor(k / 2) : k;
  return {
    angle: start + (width * (index + 0.5 + lane * 0.5)) / (perLane + (lanes === 2 ? 0.5 : 0)),
    radius: r + (lanes === 2 ? (lane ? 5 : -5) : 0),
  };
}

/** A co-orbital inspector: alternately just outside the owner's GEO and LEO sectors, between its satellites. */
export function inspectorSlot(d: Delegation, k: number): { regime: Regime; slot: Slot } {
  const regime: Regime = k % 2 === 0 ? 'geo' : 'leo';
  const j = Math.floor(k / 2);
  return {
    regime,
    slot: { angle: sectorMiddle(regime, d) + (j - 1) * 0.28 + 0.14, radius: RING_RADIUS[regime] + 16 },
  };
}

/** Debris fragment i: most in the LEO band, fewer in MEO, a few in GEO (as in the real catalogue). */
export function debrisSlot(i: number): { regime: Regime; slot: Slot } {
  const a = hash01(i * 3 + 1);
  const b = hash01(i * 3 + 2);
  const c = hash01(i * 3 + 3);
  const regime: Regime = a < 0.7 ? 'leo' : a < 0.9 ? 'meo' : 'geo';
  const band = regime === 'leo' ? 34 : 20;
  return { regime, slot: { angle: b * 2 * Math.PI, radius: RING_RADIUS[regime] + (c - 0.5) * band } };
}

/** Which orbit an incident of each kind happens in first (jamming hits navigation, lasers dazzle imagers). */
const INCIDENT_REGIMES: Record<string, Regime[]> = {
  closeApproach: ['geo', 'leo', 'meo'],
  signalJammed: ['meo', 'geo', 'leo'],
  dazzled: ['leo', 'meo', 'geo'],
  anomaly: ['leo', 'geo', 'meo'],
};

/** The victim's satellite an incident happens to: chosen from the incident's id, so it stays the same one. */
export function incidentTarget(
  kind: string,
  id: string,
  counts: Record<Regime, number>,
): { regime: Regime; k: number } | undefined {
  for (const regime of INCIDENT_REGIMES[kind] ?? ['leo', 'meo', 'geo']) {
    const n = counts[regime];
    if (n > 0) return { regime, k: hashId(id) % n };
  }
  return undefined;
}

export function polar(cx: number, cy: number, s: Slot, rotation = 0): { x: number; y: number } {
  return { x: cx + Math.cos(s.angle + rotation) * s.radius, y: cy + Math.sin(s.angle + rotation) * s.radius };
}

/**
 * How the scenes' text follows the canvas's size on screen. The scenes draw at 960×540 and the page scales the
 * canvas to its space: shown 560 px wide (a projector board at 1024×768) their 14 px labels would be 8 px. So the
 * text is drawn larger when the canvas is shown smaller, up to the point where it would run into the drawing;
 * and drawn at a higher resolution when the canvas is shown larger (a 4K projector), so it stays sharp.
 */
export const MIN_TEXT_PX = 12; // the smallest label the scenes aim to show, in CSS pixels
export const MAX_TEXT_SCALE = 1.25; // the most the text may grow beyond its drawn size
const SMALLEST_DRAWN_PX = 14; // the scenes' common small label
const DRAWN_WIDTH = 960;

export interface TextScale {
  scale: number; // multiplies every font size, 1 to MAX_TEXT_SCALE
  resolution: number; // the text textures' resolution: 1, or more when the canvas is shown above 960 px
}

/** The text scale for a canvas shown `displayWidth` CSS pixels wide on a screen of `pixelRatio`. */
export function textScaleFor(displayWidth: number, pixelRatio = 1): TextScale {
  const shown = Math.max(1, displayWidth) / DRAWN_WIDTH;
  const wanted = MIN_TEXT_PX / (SMALLEST_DRAWN_PX * shown);
  const scale = Math.round(Math.min(MAX_TEXT_SCALE, Math.max(1, wanted)) * 20) / 20;
  const resolution = Math.min(3, Math.max(1, Math.ceil(shown * pixelRatio * 2) / 2));
  return { scale, resolution };
}

let current: TextScale = { scale: 1, resolution: 1 };
/** The text scale the scenes draw with now (set by the mount before the scenes build, and on resize). */
export function textScale(): TextScale {
  return current;
}
export function setTextScale(next: TextScale) {
  current = next;
}
