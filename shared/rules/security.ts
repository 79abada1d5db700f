import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import type { Capabilities, World } from './model.ts';
import {
  DETERRENCE_CAP,
  DETERRENCE_PER_LEVEL,
  MISSILE_DEFENCE_EXPOSURE,
  MISSILE_DEFENCE_SECURITY,
  SHOWN_ASAT_DETERRENCE,
} from './tuning.ts';

/** One part of a delegation's security, with what it stands for in words. */
export interface SecurityTerm {
  term: string; // "own satellites"
  value: number;
}

export const CASCADE_AT = 70;
export const CRISIS_AT = 75;

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/**
 * A delegation's security is derived, never stored: a sum of terms read from capabilities and the world. Own
 * assets, missile defence and deterrence raise it (deterrence counts only the weapons the rivals know of, and a
 * direct-ascent ASAT shown in a test); the others' weapons lower it, less so for a delegation that can see
 * them (situational awareness), and so do their missile defences, which blunt one's own deterrent; debris,
 * crisis and incidents lower everyone's. This is where the realist zero-sum lives: another's new weapon
 * lowers your security even if nobody uses it.
 */
export function securityTerms(w: World, d: Delegation, perceived = false): SecurityTerm[] {
  const me = w.delegations[d];
  const c = me.capabilities;
  const sats = Math.min(30, c.satellites.leo + 1.5 * c.satellites.meo + 2 * c.satellites.geo);
  const deterrence = Math.min(DETERRENCE_CAP, DETERRENCE_PER_LEVEL * knownToRivals(w, d));
  let exposure = 0;
  for (const o of DELEGATIONS) {
    if (o === d) continue;
    const k = (perceived ? knownCapabilities(w, o, d) : w.delegations[o].capabilities).counterspace;
    exposure += k.jamming + k.laser + 1.5 * k.coOrbital + 1.5 * k.directAscent;
  }
  const seen = 1 - 0.08 * c.ssa;
  const rivalDefences = DELEGATIONS.reduce(
    (sum, o) => sum + (o === d ? 0 : w.delegations[o].capabilities.missileDefence),
    0,
  );
  const terms: SecurityTerm[] = [
    { term: 'base', value: 30 },
    { term: 'own satellites', value: sats },
    { term: 'missile warning', value: 4 * c.missileWarning },
    { term: 'missile defence', value: MISSILE_DEFENCE_SECURITY * c.missileDefence },
    { term: 'situational awareness', value: 2 * c.ssa },
    { term: 'own counterspace (deterrence)', value: deterrence },
    { term: "others' counterspace", value: -2 * exposure * seen },
  ];
  if (me.shownAsat && c.counterspace.directAscent > 0)
    terms.push({ term: 'direct-ascent ASAT shown in a test', value: SHOWN_ASAT_DETERRENCE });
  if (rivalDefences > 0)
    terms.push({ term: "others' missile defence", value: -MISSILE_DEFENCE_EXPOSURE * rivalDefences });
  if (w.debris > 40) terms.push({ term: 'debris', value: -(w.debris - 40) / 3 });
  if (w.cascade) terms.push({ term: 'debris cascade', value: -10 });
  if (w.tension >= CRISIS_AT) terms.push({ term: 'crisis', value: -5 });
  if (me.incidentsThisRound > 0)
    terms.push({ term: 'incidents this round', value: -3 * me.incidentsThisRound });
  const bound = Object.values(w.drafts).some(
    (t) => t.parties.includes(d) && t.parties.length === DELEGATIONS.length,
  );
  if (bound) terms.push({ term: 'treaty in force', value: 5 });
  if (d === 'us')
    terms.push({ term: 'allies (Artemis partners)', value: Math.min(8, w.lunar.artemis.partners / 2) });
  else terms.push({ term: 'China–Russia partnership', value: w.alignment / 10 });
  return terms.map((t) => ({ term: t.term, value: Math.round(t.value * 10) / 10 }));
}

/**
 * A delegation's security. The true figure (for scores and the teacher) counts every weapon; the perceived one
 * (`perceived`: what the delegation itself is shown) counts only the rivals' weapons it knows of, so its own
 * dashboard never betrays a covert build its sensors missed.
 */
export function security(w: World, d: Delegation, perceived = false): number {
  return clamp(securityTerms(w, d, perceived).reduce((s, t) => s + t.value, 0));
}

/**
 * How many of a delegation's counterspace levels its rivals know of, on average: deterrence works only on
 * those who know, so a covert build deters nobody until it is detected or revealed.
 */
export function knownToRivals(w: World, d: Delegation): number {
  const rivals = DELEGATIONS.filter((o) => o !== d);
  const known = rivals.map((o) => {
    const k = knownCapabilities(w, d, o).counterspace;
    return k.jamming + k.laser + k.coOrbital + k.directAscent;
  });
  return known.reduce((s, n) => s + n, 0) / rivals.length;
}

/** Capability levels as `viewer` knows them: covert builds it has not detected (and that are not public) are missing. */
export function knownCapabilities(
  w: World,
  d: Delegation,
  viewer: Delegation | 'public' | 'teacher',
): Capabilities {
  const caps = structuredClone(w.delegations[d].capabilities);
  if (viewer === 'teacher' || viewer === d) return caps;
  for (const c of w.covert) {
    if (c.by !== d || c.public || (viewer !== 'public' && c.knownTo.includes(viewer))) continue;
    caps.counterspace[c.kind] = Math.max(0, caps.counterspace[c.kind] - 1);
  }
  return caps;
}
