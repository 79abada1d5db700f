import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import type { World } from './model.ts';
import { objective } from './objectives.ts';
import { security } from './security.ts';
import { treatyInForce } from './treaties.ts';
import { COMMONS_SHARE } from './tuning.ts';

export const OBJECTIVE_POINTS = 10;

export interface ScorePart {
  part: string;
  points: number;
}

/**
 * A delegation's national score: its security, its standing (prestige and legitimacy, a quarter of their sum), its
 * share of the global commons (a quarter of the commons score: clean orbits and low tension are everyone's
 * interest), and 10 points for each secret objective met. Shown at the end with each part.
 */
export function nationalScore(w: World, d: Delegation): { total: number; parts: ScorePart[] } {
  const me = w.delegations[d];
  const parts: ScorePart[] = [
    { part: 'security', points: security(w, d) },
    { part: 'standing (prestige and legitimacy)', points: Math.round((me.prestige + me.legitimacy) / 4) },
    { part: 'share of the global commons', points: Math.round(commonsScore(w).total * COMMONS_SHARE) },
  ];
  for (const id of me.objectives) {
    const o = objective(id);
    if (o) parts.push({ part: `objective: ${o.text}`, points: o.met(w) ? OBJECTIVE_POINTS : 0 });
  }
  return { total: parts.reduce((s, p) => s + p.points, 0), parts };
}

/**
 * The global commons, shared by everyone: clean orbits, low tension, and rules that hold. A debris cascade
 * is a loss for all.
 */
export function commonsScore(w: World): { total: number; parts: ScorePart[] } {
  const treaties = Object.values(w.drafts).filter(treatyInForce).length;
  const measures = Object.values(w.measures).filter((m) => m && m.endorsers.length >= 2).length;
  const parts: ScorePart[] = [
    { part: 'base', points: 100 },
    { part: 'debris', points: -Math.round(w.debris * 0.6) },
    { part: 'tension', points: -Math.round(w.tension * 0.4) },
    { part: 'treaties in force', points: 10 * treaties },
    { part: 'confidence-building measures in force', points: 4 * measures },
  ];
  if (w.cascade) parts.push({ part: 'debris cascade', points: -20 });
  const total = Math.max(
    0,
    Math.min(
      100,
      parts.reduce((s, p) => s + p.points, 0),
    ),
  );
  return { total, parts };
}

export function allScores(w: World) {
  return {
    national: Object.fromEntries(DELEGATIONS.map((d) => [d, nationalScore(w, d)])) as Record<
      Delegation,
      ReturnType<typeof nationalScore>
    >,
    commons: commonsScore(w),
  };
}
