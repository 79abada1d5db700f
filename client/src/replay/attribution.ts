import {
  ATTRIBUTION_VERDICT_NAMES,
  type AttributionVerdict,
  DELEGATION_NAMES,
  INCIDENT_NAMES,
  NATURAL_CAUSE_NAMES,
} from '../../../shared/content/labels.ts';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { Incident } from '../../../shared/rules/model.ts';
import { viewFor } from '../../../shared/rules/views.ts';
import {
  assessableIncidents,
  CONFIDENCE_NAMES,
  type Confidence,
  SUSPECT_NAMES,
  type Suspect,
} from '../../../shared/session/assessment.ts';
import { ROLES, type Role } from '../../../shared/session/chat.ts';
import { rolesOf } from '../../../shared/session/model.ts';
import { roleShortName } from '../ui/deskNow.ts';
import { h } from '../ui/dom.ts';
import { finalWorld, type Replay } from './model.ts';
import './attribution.css';

/** One delegation's reading of one incident, beside the truth. */
export interface AttributionRow {
  delegation: Delegation;
  verdict: AttributionVerdict;
  suspect?: Suspect; // absent: no assessment was written
  confidence?: Confidence;
  why?: string;
  round?: number; // the round it was last written in
  writers: string[]; // who wrote or revised it, first writer first, with their roles: "Al (Analyst)"
}

/** One incident of the session: what really caused it, and what each delegation that had to guess concluded. */
export interface IncidentTruth {
  id: string; // "i7"
  round: number;
  victim: Delegation;
  what: string; // "satellite signals were jammed"
  truth: string; // "Russia", "a natural cause (space weather)"
  rows: AttributionRow[];
}

/** Whether a suspect names the real cause: an attack by the right delegation, or nature for a natural cause. */
export function verdictOf(suspect: Suspect | undefined, cause: Incident['cause']): AttributionVerdict {
  if (suspect === undefined) return 'missing';
  if (suspect === 'unsure') return 'open';
  const right = cause.kind === 'attack' ? suspect === cause.by : suspect === 'natural';
  return right ? 'right' : 'wrong';
}

/** The real cause of an incident, in words. */
export function truthOf(cause: Incident['cause']): string {
  return cause.kind === 'attack'
    ? DELEGATION_NAMES[cause.by]
    : `a natural cause (${NATURAL_CAUSE_NAMES[cause.what]})`;
}

/**
 * Every incident of the session with each delegation's attribution assessment beside what the log says really
 * happened, read from the final state: the assessment as it last stood, everyone who wrote or revised it (from
 * the log's `assessmentWritten` events) with the roles they held at the end, and whether it named the real
 * cause. A delegation that had to guess (it knew of the incident but not its cause, as it saw the world during
 * play) and wrote nothing has a row saying so; one that knew the cause, or never heard of the incident, has none.
 * Incidents in the order they happened.
 */
export function assessmentsAgainstTruth(replay: Replay): IncidentTruth[] {
  const final = replay.final;
  const w = finalWorld(replay);
  if (!final || !w) return [];
  const writers = new Map<string, string[]>(); // "us|i7" -> member ids, first writer first
  for (const frame of replay.frames)
    for (const e of frame.events)
      if (e.type === 'assessmentWritten') {
        const key = `${e.seat}|${e.incidentId}`;
        const list = writers.get(key) ?? [];
        if (!list.includes(e.memberId)) writers.set(key, [...list, e.memberId]);
      }
  const roles = Object.assign({}, ...DELEGATIONS.map((d) => rolesOf(final, d))) as Record<string, Role[]>;
  const nameOf = (id: string) => {
    const held = ROLES.filter((r) => roles[id]?.includes(r));
    const nick = replay.nicknames.get(id) ?? id;
    return held.length ? `${nick} (${held.map(roleShortName).join(', ')})` : nick;
  };
  const toGuess = Object.fromEntries(
    DELEGATIONS.map((d) => [d, new Set(assessableIncidents(viewFor(w, d)).map((i) => i.id))]),
  ) as Record<Delegation, Set<string>>;
  return w.incidents.map((incident) => {
    const rows: AttributionRow[] = [];
    for (const d of DELEGATIONS) {
      const a = final.teams[d].assessments?.find((x) => x.incidentId === incident.id);
      if (!a && !toGuess[d].has(incident.id)) continue;
      const ids = writers.get(`${d}|${incident.id}`) ?? (a ? [a.by] : []);
      rows.push({
        delegation: d,
        verdict: verdictOf(a?.suspect, incident.cause),
        ...(a ? { suspect: a.suspect, confidence: a.confidence, why: a.why, round: a.round } : {}),
        writers: ids.map(nameOf),
      });
    }
    return {
      id: incident.id,
      round: incident.round,
      victim: incident.victim,
      what: INCIDENT_NAMES[incident.kind],
      truth: truthOf(incident.cause),
      rows,
    };
  });
}

/** "Al (Analyst) and Ana (Head of delegation)". */
const listed = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** One row's reading in a sentence: "Russia, moderate confidence (round 2): “the timing fits”". */
export function conclusionText(row: AttributionRow): string {
  if (row.suspect === undefined) return 'No assessment written.';
  const who = SUSPECT_NAMES[row.suspect];
  const sure = row.confidence ? `, ${CONFIDENCE_NAMES[row.confidence]}` : '';
  return `${who.charAt(0).toUpperCase()}${who.slice(1)}${sure} (round ${row.round}): “${row.why}”`;
}

/** The columns of a table of "Assessments against the truth"; on a phone each cell is labelled with its own. */
const ATTRIBUTION_COLUMNS = ['Delegation', 'Written by', 'Its conclusion', 'Against the truth'] as const;

/**
 * "Assessments against the truth": a table an incident, one row a delegation that had to guess, with who wrote
 * its assessment, what it concluded and how sure it was, beside the real cause and a verdict.
 */
export function attributionTables(replay: Replay, idPrefix: string): HTMLElement {
  const incidents = assessmentsAgainstTruth(replay);
  if (incidents.length === 0)
    return h('p', { class: 'empty' }, 'No incident happened in orbit: there was nothing to attribute.');
  return h(
    'div',
    { class: 'attribution' },
    ...incidents.map((inc) =>
      h(
        'table',
        { class: 'attribution-table', id: `${idPrefix}-attribution-${inc.id}` },
        h(
          'caption',
          {},
          `Round ${inc.round} · ${DELEGATION_NAMES[inc.victim]}: ${inc.what}. What really happened: ${inc.truth}.`,
        ),
        h('thead', {}, h('tr', {}, ...ATTRIBUTION_COLUMNS.map((label) => h('th', { scope: 'col' }, label)))),
        h(
          'tbody',
          {},
          ...(inc.rows.length === 0
            ? [
                h(
                  'tr',
                  {},
                  h(
                    'td',
                    { colspan: 4, class: 'empty' },
                    'Every delegation that heard of it knew its cause: nobody had to guess.',
                  ),
                ),
              ]
            : inc.rows.map((r) =>
                h(
                  'tr',
                  { class: `verdict-${r.verdict}` },
                  h('th', { scope: 'row' }, DELEGATION_NAMES[r.delegation]),
                  h(
                    'td',
                    { 'data-label': ATTRIBUTION_COLUMNS[1] },
                    r.writers.length ? listed(r.writers) : '—',
                  ),
                  h('td', { 'data-label': ATTRIBUTION_COLUMNS[2] }, conclusionText(r)),
                  h('td', { 'data-label': ATTRIBUTION_COLUMNS[3] }, ATTRIBUTION_VERDICT_NAMES[r.verdict]),
                ),
              )),
        ),
      ),
    ),
  );
}
