import { DELEGATION_IN_FULL, opening } from '../../../../shared/content/labels.ts';
import { DELEGATIONS, type Delegation, isDelegation } from '../../../../shared/model/seats.ts';
import { membersInOrder, type SessionView, withdrawalText } from '../../net/view.ts';

/**
 * What the teacher should know before pressing Next, most urgent first: nobody seated in the lobby, a delegation
 * without a head, orders not confirmed (and why a confirmation was withdrawn), students who lost the connection.
 */
/** "The United States", "China": a delegation at the start of a sentence. */
export const subject = (d: Delegation) => opening(DELEGATION_IN_FULL[d]);

export function consoleWarnings(view: SessionView): string[] {
  const members = membersInOrder(view);
  if (view.stage === 'ended') return [];
  if (view.stage === 'lobby') {
    const seated = members.some((m) => isDelegation(m.seat)) || DELEGATIONS.some((d) => view.teams[d]?.bot);
    const unseated = members.filter((m) => m.seat === 'unseated' && m.status !== 'gone').length;
    return [
      ...(seated ? [] : ['Nobody sits at a delegation yet: round 1 can start once someone does.']),
      ...(unseated
        ? [`${unseated} ${unseated === 1 ? 'student has' : 'students have'} not chosen a seat.`]
        : []),
    ];
  }
  const warnings: string[] = [];
  for (const d of DELEGATIONS) {
    const seated = members.filter((m) => m.seat === d && m.status !== 'gone');
    if (seated.length === 0) continue;
    const team = view.teams[d];
    if (!team?.bot && !view.members[team?.headId ?? ''])
      warnings.push(`${subject(d)} has no head of delegation: choose one in the roster.`);
    if (view.phase === 'orders' && !team?.submitted) {
      const withdrawn = withdrawalText(view, d, 'teacher');
      warnings.push(
        withdrawn
          ? `${subject(d)} has not confirmed its orders: ${withdrawn}.`
          : `${subject(d)} has not confirmed its orders.`,
      );
    }
  }
  const away = members.filter((m) => m.status === 'away').length;
  if (away) warnings.push(`${away} ${away === 1 ? 'student is' : 'students are'} away (seat held).`);
  return warnings;
}
