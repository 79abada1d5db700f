import { DELEGATION_NAMES, type Delegation } from '../../../shared/model/seats.ts';
import { CONTROL_NAMES, INCIDENT_NAMES } from '../../../shared/content/labels.ts';
import type { IncidentView } from '../../../shared/rules/views.ts';
import {
  ASSESSMENT_MAX_LENGTH,
  type Assessment,
  assessableIncidents,
  CONFIDENCE_NAMES,
  CONFIDENCES,
  type Confidence,
  SUSPECT_NAMES,
  SUSPECTS,
  type Suspect,
} from '../../../shared/session/assessment.ts';
import type { SendResult } from '../net/connection.ts';
import type { SessionView } from '../net/view.ts';
import { fill, h, notice } from './dom.ts';

/** "Round 2: the United States' satellite signals were jammed." */
export function incidentLine(i: IncidentView): string {
  return `Round ${i.round}: ${DELEGATION_NAMES[i.victim]}: ${INCIDENT_NAMES[i.kind]}.`;
}

/** "China, moderate confidence: the jamming began the day after their launch (Al, round 2)." */
export function assessmentLine(a: Assessment, nickname: string | undefined): string {
  const who = SUSPECT_NAMES[a.suspect];
  return `${who[0]?.toUpperCase()}${who.slice(1)}, ${CONFIDENCE_NAMES[a.confidence]}: ${a.why} (${nickname ?? 'a teammate'}, round ${a.round})`;
}

/**
 * "Our assessment": after an incident the delegation knows of, the team writes who it thinks did it, how sure it
 * is and why. Any member may write it (it is the analyst's task); only the team and the teacher read it.
 */
export function assessmentPanel(
  send: (payload: {
    incidentId: string;
    suspect: Suspect;
    confidence: Confidence;
    why: string;
  }) => Promise<SendResult>,
) {
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', id: 'assessment-status' });
  const list = h('ul', { class: 'assessments', id: 'assessment-list' });
  const incident = h('select', { id: 'assessment-incident' });
  const suspect = h('select', { id: 'assessment-suspect' });
  const confidence = h(
    'select',
    { id: 'assessment-confidence' },
    ...CONFIDENCES.map((c) => h('option', { value: c }, CONFIDENCE_NAMES[c])),
  );
  const why = h('textarea', {
    id: 'assessment-why',
    rows: 3,
    maxlength: ASSESSMENT_MAX_LENGTH,
    placeholder: 'What points to it: who had the means, what your sensors caught, what happened before.',
  });
  let incidents: IncidentView[] = [];
  let mine: Delegation = 'us';
  let assessments: Assessment[] = [];
  let loaded = '';

  const refreshSuspects = () => {
    const i = incidents.find((x) => x.id === incident.value);
    const chosen = suspect.value;
    fill(
      suspect,
      ...SUSPECTS.filter((s) => s !== mine && s !== i?.victim).map((s) =>
        h('option', { value: s, selected: s === chosen }, SUSPECT_NAMES[s]),
      ),
    );
    // The team's saved answer fills the form when it is new to this screen, not on every patch.
    const before = assessments.find((a) => a.incidentId === incident.value);
    const signature = JSON.stringify(before ?? incident.value);
    if (signature === loaded) return;
    loaded = signature;
    if (before) {
      suspect.value = before.suspect;
      confidence.value = before.confidence;
      why.value = before.why;
    }
  };
  incident.addEventListener('change', () => {
    why.value = '';
    refreshSuspects();
  });

  const form = h(
    'form',
    {
      class: 'assessment-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const r = await send({
          incidentId: incident.value,
          suspect: suspect.value as Suspect,
          confidence: confidence.value as Confidence,
          why: why.value,
        });
        notice(
          status,
          r.ok ? 'Saved: your team and the teacher can read it.' : r.message,
          r.ok ? 'info' : 'error',
        );
      },
    },
    h('label', { for: 'assessment-incident' }, 'Incident'),
    incident,
    h('label', { for: 'assessment-suspect' }, 'Who we think did it'),
    suspect,
    h('label', { for: 'assessment-confidence' }, 'How sure we are'),
    confidence,
    h('label', { for: 'assessment-why' }, 'Why'),
    why,
    h('button', { type: 'submit', id: 'assessment-save' }, CONTROL_NAMES.saveAssessment),
  );
  const root = h(
    'section',
    { class: 'card assessment', id: 'assessment', 'aria-labelledby': 'assessment-title' },
    h(
      'h2',
      { id: 'assessment-title' },
      `${CONTROL_NAMES.assessment} (only your team and the teacher read it)`,
    ),
    h(
      'p',
      { class: 'hint' },
      'Who do you think caused each incident, how sure are you, and why? Anyone in the team may write it.',
    ),
    list,
    form,
    status,
  );
  root.hidden = true;
  let drawn = '';

  return {
    root,
    /** How many incidents the team may assess now (the analyst's task waits for one). */
    count: () => incidents.length,
    update(view: SessionView, seat: Delegation | undefined) {
      const team = seat ? view.teams[seat] : undefined;
      const next = view.stage === 'playing' ? assessableIncidents(team?.secret) : [];
      const key = JSON.stringify([seat, next.map((i) => i.id), team?.assessments]);
      if (key === drawn) return;
      drawn = key;
      incidents = [...next].reverse(); // the latest first
      mine = seat ?? 'us';
      assessments = team?.assessments ?? [];
      root.hidden = incidents.length === 0;
      fill(
        list,
        ...incidents.map((i) => {
          const a = assessments.find((x) => x.incidentId === i.id);
          return h(
            'li',
            {},
            h('strong', {}, incidentLine(i)),
            ' ',
            a ? assessmentLine(a, view.members[a.by]?.nickname) : h('em', {}, 'Not assessed yet.'),
          );
        }),
      );
      const chosen = incident.value;
      fill(
        incident,
        ...incidents.map((i) => h('option', { value: i.id, selected: i.id === chosen }, incidentLine(i))),
      );
      refreshSuspects();
    },
  };
}
