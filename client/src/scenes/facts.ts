import {
  DELEGATION_SHORT,
  DRAFT_LABELS,
  INCIDENT_LABELS,
  LUNAR_BLOC_NAMES,
  REGIME_NAMES,
  REGIME_SHORT,
  TOPIC_LABELS,
} from '../../../shared/content/labels.ts';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation, isDelegation } from '../../../shared/model/seats.ts';
import type { IncidentView, WorldView } from '../../../shared/rules/views.ts';
import type { SessionView } from '../net/view.ts';

/**
 * What the scenes draw, read from the view: no Phaser here, so the DOM text beside the canvas (loaded with the
 * screens) and the canvas (loaded late) say the same thing from the same functions. Nothing here decides
 * anything the rules decide: it only selects and counts what the view already holds.
 */

export const SCENES = ['table', 'chamber', 'orbit', 'moon'] as const;
export type SceneKey = (typeof SCENES)[number];
export const SCENE_NAMES: Record<SceneKey, string> = {
  table: 'Table',
  chamber: 'Chamber',
  orbit: 'Orbit',
  moon: 'Moon',
};

/** Which scene the board shows by itself in each phase (the teacher or a viewer may pick another). */
export function sceneForPhase(view: SessionView | undefined): SceneKey {
  if (view?.stage !== 'playing') return 'table';
  switch (view.phase) {
    case 'negotiation':
      return 'chamber';
    case 'orders':
    case 'resolution':
    case 'debrief':
      return 'orbit';
    default:
      return 'table'; // the briefing: the event card lies over the table
  }
}

/** The richest world this viewer may see: a delegation's own view (its secrets, its own attacks), else the class's. */
export function worldFor(view: SessionView, meId?: string): WorldView | undefined {
  const seat = meId ? view.members[meId]?.seat : undefined;
  if (seat && isDelegation(seat)) return view.teams[seat]?.secret ?? view.world;
  return view.world;
}

/** Each delegation has a shape as well as a colour, so no one needs to tell the colours apart. */
export const SEAT_SHAPES: Record<Delegation, 'circle' | 'square' | 'triangle'> = {
  us: 'circle',
  china: 'square',
  russia: 'triangle',
};
export const SEAT_GLYPHS: Record<Delegation, string> = { us: '●', china: '■', russia: '▲' };
// The scenes' names for delegations, orbits, texts, topics and blocs come from the one table of labels.
export const SHORT_NAMES = DELEGATION_SHORT;
export const REGIME_LABELS = REGIME_SHORT;
export const LUNAR_LABELS = LUNAR_BLOC_NAMES;
export { DRAFT_LABELS, INCIDENT_LABELS, REGIME_NAMES, TOPIC_LABELS };

/** Who holds the floor: a delegation, or the chair (the teacher announcing). */
export interface Floor {
  by: Delegation | 'chair';
  text: string;
  round: number;
  live: boolean; // said on the floor during the session's talks, not a statement order of a resolution
}

/**
 * Who spoke last on the CD floor: the newest message on the floor this round (the talks), else the author of
 * the newest statement order in the world, else nobody.
 */
export function floorHolder(view: SessionView | undefined, w: WorldView | undefined): Floor | undefined {
  const said = (view?.floor ?? []).filter((m) => m.round === view?.round).at(-1);
  if (said && (isDelegation(said.seat) || said.seat === 'teacher'))
    return {
      by: isDelegation(said.seat) ? said.seat : 'chair',
      text: said.text,
      round: said.round,
      live: true,
    };
  let best: Floor | undefined;
  for (const d of w ? DELEGATIONS : [])
    for (const c of w?.delegations[d].commitments ?? [])
      if (c.kind === 'statement' && (!best || c.round >= best.round))
        best = { by: d, text: c.text.replace(/^Statement: /, ''), round: c.round, live: false };
  return best;
}

/** The resolutions voted most recently (up to `n`), and how the three delegations and the blocs voted. */
export function lastVotes(w: WorldView, n = 3) {
  return w.resolutions
    .filter((r) => r.result)
    .slice(-n)
    .map((r) => {
      const result = r.result!;
      const own = { yes: 0, no: 0, abstain: 0 };
      for (const d of DELEGATIONS) own[result.votes[d]]++;
      return {
        id: r.id,
        topic: r.topic,
        sponsors: r.sponsors,
        result,
        blocs: { yes: result.yes - own.yes, no: result.no - own.no, abstain: result.abstain - own.abstain },
      };
    });
}

/** An incident in orbit as this viewer knows it: the attacker only when the view names it. */
export interface OrbitIncident {
  id: string;
  victim: Delegation;
  kind: IncidentView['kind'];
  attacker: Delegation | undefined;
  natural: boolean; // the view knows it had a natural cause
  accused: Delegation | undefined; // whom the victim blames in public (or in its own belief)
}

/** The last resolution's incidents (the ones the orbit scene animates). */
export function orbitIncidents(w: WorldView): OrbitIncident[] {
  return w.incidents
    .filter((i) => i.round === w.round)
    .map((i) => {
      const belief = i.belief[i.victim];
      return {
        id: i.id,
        victim: i.victim,
        kind: i.kind,
        attacker: i.cause?.kind === 'attack' ? i.cause.by : undefined,
        natural: i.cause?.kind === 'natural',
        accused: belief?.kind === 'attack' ? belief.by : undefined,
      };
    });
}

/** How many debris fragments the orbit scene draws for a debris index of 0–100. */
export const DEBRIS_PER_POINT = 4;
export const DEBRIS_CAP = 400;
export function debrisParticles(debris: number): number {
  return Math.max(0, Math.min(DEBRIS_CAP, Math.round(debris * DEBRIS_PER_POINT)));
}

/** What a resolution's changes touch, for the short flashes that follow it ("delegation:us", "ring:leo", ...). */
export function flashTargets(w: WorldView): { keys: Set<string>; indicators: Map<string, number> } {
  const keys = new Set<string>();
  const indicators = new Map<string, number>();
  for (const c of w.changes) {
    if (c.round !== w.round) continue;
    const [head, a, b, x] = c.target.split('.');
    if (head === 'tension' || head === 'debris' || head === 'alignment') {
      indicators.set(head, (indicators.get(head) ?? 0) + c.delta);
      keys.add(`indicator:${head}`);
    } else if (head === 'draft' && a) keys.add(`draft:${a}`);
    else if (head === 'lunarPartners' && a) keys.add(`lunar:${a}`);
    else if (head === 'capability' && a) {
      keys.add(`delegation:${a}`);
      if (b === 'satellites' && x) keys.add(`ring:${x}`);
      if (b === 'lunar') keys.add(`programme:${a}`);
    } else if (a && isDelegation(a)) keys.add(`delegation:${a}`);
  }
  for (const i of orbitIncidents(w)) keys.add(`delegation:${i.victim}`);
  return { keys, indicators };
}

const names = (list: readonly Delegation[]) => list.map((d) => DELEGATION_NAMES[d]).join(', ');

/**
 * The facts a scene shows that the text panels do not already give, as short sentences for the DOM beside the
 * canvas (the canvas itself is hidden from assistive technology).
 */
export function sceneFacts(scene: SceneKey, w: WorldView | undefined, view?: SessionView): string[] {
  if (scene === 'table') return [];
  if (!w) return ['The world appears when round 1 begins.'];
  if (scene === 'chamber') {
    const floor = floorHolder(view, w);
    const lines = [
      floor
        ? `The floor: ${floorName(floor)} spoke last, ${floor.live ? `on the floor in round ${floor.round} (see the floor's messages)` : `in a statement in round ${floor.round}: “${floor.text}”`}.`
        : 'The floor: no delegation has made a statement yet.',
    ];
    for (const v of lastVotes(w)) {
      const own = DELEGATIONS.map((d) => `${SHORT_NAMES[d]} ${v.result.votes[d]}`).join(', ');
      lines.push(
        `Vote on ${TOPIC_LABELS[v.topic]}: ${own}; the UN blocs ${v.blocs.yes} yes, ${v.blocs.no} no, ${v.blocs.abstain} abstaining.`,
      );
    }
    return lines;
  }
  if (scene === 'orbit') {
    const lines = (['leo', 'meo', 'geo'] as const).map(
      (r) =>
        `${REGIME_LABELS[r]} (${REGIME_NAMES[r]}) satellites: ${DELEGATIONS.map(
          (d) => `${SHORT_NAMES[d]} ${w.delegations[d].capabilities.satellites[r]}`,
        ).join(', ')}.`,
    );
    lines.push(
      `Co-orbital inspectors: ${DELEGATIONS.map((d) => `${SHORT_NAMES[d]} ${w.delegations[d].capabilities.counterspace.coOrbital}`).join(', ')}.`,
    );
    lines.push(
      `Debris ${w.debris} of 100${w.cascade ? ', a cascade under way' : ''}: ${debrisParticles(w.debris)} fragments drawn.`,
    );
    const incidents = orbitIncidents(w);
    lines.push(
      incidents.length
        ? `In round ${w.round}: ${incidents.map(incidentText).join('; ')}.`
        : w.round
          ? `No incident in orbit in round ${w.round}.`
          : 'No incident in orbit yet.',
    );
    return lines;
  }
  return [
    ...(['artemis', 'ilrs'] as const).map((b) => {
      const bloc = w.lunar[b];
      return `${LUNAR_LABELS[b]}: ${bloc.members.length ? `members ${names(bloc.members)}` : 'no members yet'}; ${bloc.partners} partner states.`;
    }),
    `Lunar programmes (of 100): ${DELEGATIONS.map((d) => `${SHORT_NAMES[d]} ${w.delegations[d].capabilities.lunar}`).join(', ')}.`,
  ];
}

export function floorName(f: Floor): string {
  return f.by === 'chair' ? 'The chair (the teacher)' : DELEGATION_NAMES[f.by];
}

export function incidentText(i: OrbitIncident): string {
  const who = i.attacker
    ? `by ${DELEGATION_NAMES[i.attacker]}`
    : i.natural
      ? 'natural cause'
      : i.accused
        ? `cause unknown, ${DELEGATION_NAMES[i.victim]} blames ${DELEGATION_NAMES[i.accused]}`
        : 'cause unknown';
  return `${DELEGATION_NAMES[i.victim]} satellite, ${INCIDENT_LABELS[i.kind]} (${who})`;
}
