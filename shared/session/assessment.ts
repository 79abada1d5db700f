import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../model/seats.ts';
import type { IncidentView, WorldView } from '../rules/views.ts';

/**
 * A delegation's attribution assessment of an incident: who it thinks did it, how sure it is, and why. Written
 * by any member (the analyst's task), read only by the team and the teacher (it sits on the team's desk), and
 * compared with the truth in the debrief. It changes nothing in the world: it is the team's record of its reading.
 */
export interface Assessment {
  incidentId: string; // "i7"
  suspect: Suspect; // "china", or "natural", or "unsure"
  confidence: Confidence;
  why: string; // "The jamming began the day after China's ASAT test; the same ground station as in 2019."
  by: string; // the member who wrote it last ("m4")
  round: number; // the round it was last written in
}

export const SUSPECTS = [...DELEGATIONS, 'natural', 'unsure'] as const;
export type Suspect = (typeof SUSPECTS)[number];
export const CONFIDENCES = ['low', 'moderate', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
export const ASSESSMENT_MAX_LENGTH = 500;

/** What a suspect is called on screens: "China", "a natural cause", "not sure yet". */
export const SUSPECT_NAMES: Record<Suspect, string> = {
  ...DELEGATION_NAMES,
  natural: 'a natural cause (space weather, debris, a fault)',
  unsure: 'not sure yet',
};
export const CONFIDENCE_NAMES: Record<Confidence, string> = {
  low: 'low confidence',
  moderate: 'moderate confidence',
  high: 'high confidence',
};

/**
 * The incidents a delegation may assess: those it knows of (its own view of the world) whose cause it does not
 * know. An attacker knows what it did; the teacher's view is not a delegation's.
 */
export function assessableIncidents(view: WorldView | undefined): IncidentView[] {
  return (view?.incidents ?? []).filter((i) => i.cause === undefined);
}

/** Why `suspect` cannot be this delegation's answer about `incident`, in words; undefined when it can. */
export function suspectProblem(d: Delegation, incident: IncidentView, suspect: Suspect): string | undefined {
  if (suspect === d)
    return 'Your delegation knows what it did: name another delegation, a natural cause, or say you are not sure.';
  if (suspect === incident.victim)
    return `${DELEGATION_NAMES[incident.victim]} would not attack its own satellites: name another delegation, a natural cause, or say you are not sure.`;
  return undefined;
}
