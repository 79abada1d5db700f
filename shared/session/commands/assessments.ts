/** A delegation's attribution assessments of incidents: written by any member, read by the team and the teacher. */
import { isDelegation } from '../../model/seats.ts';
import { assessableIncidents, suspectProblem } from '../assessment.ts';
import { refusal } from '../refusal.ts';
import { intelligenceOf } from '../visibility.ts';
import type { Handlers } from './handler.ts';

export const assessmentCommands: Handlers<'writeAssessment'> = {
  writeAssessment: {
    sender: 'member',
    handle(s, c, me) {
      const d = me.seat;
      if (!isDelegation(d)) return refusal('notSeated', 'Sit at a delegation to write its assessment.');
      if (s.stage !== 'playing' || !s.world) {
        return refusal(
          'wrongStage',
          s.stage === 'ended'
            ? 'The session has ended: assessments can no longer change.'
            : 'Assessments are written once the rounds have begun.',
        );
      }
      const seen = intelligenceOf(s, d)?.incidents.find((i) => i.id === c.incidentId);
      if (!seen) return refusal('unknownIncident', 'Your delegation has no report of that incident.');
      if (!assessableIncidents(intelligenceOf(s, d)).includes(seen)) {
        return refusal(
          'nothingToDo',
          'Your delegation knows what caused that incident: there is nothing to assess.',
        );
      }
      const problem = suspectProblem(d, seen, c.suspect);
      if (problem) return refusal('invalidAssessment', problem);
      const desk = s.teams[d];
      const list = desk.assessments ?? [];
      const before = list.find((a) => a.incidentId === c.incidentId);
      if (
        before &&
        before.suspect === c.suspect &&
        before.confidence === c.confidence &&
        before.why === c.why
      )
        return refusal('nothingToDo', 'Your team’s assessment already says this.');
      const written = {
        incidentId: c.incidentId,
        suspect: c.suspect,
        confidence: c.confidence,
        why: c.why,
        by: me.id,
        round: s.round,
      };
      desk.assessments = before ? list.map((a) => (a === before ? written : a)) : [...list, written];
      return [{ type: 'assessmentWritten', seat: d, memberId: me.id, incidentId: c.incidentId }];
    },
  },
};
