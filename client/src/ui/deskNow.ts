import { SEAT_IN_SENTENCE } from '../../../shared/content/labels.ts';
import { PHASE_NAMES } from '../../../shared/model/phases.ts';
import { isDelegation } from '../../../shared/model/seats.ts';
import { ROLE_NAMES, ROLES, type Role } from '../../../shared/session/chat.ts';
import { ROLE_HELP, ROLE_SUMMARY } from '../../../shared/session/roleHelp.ts';
import type { MemberView, SessionView } from '../net/view.ts';
import { fill, h } from './dom.ts';
import { minutesAndSeconds } from './format.ts';

/** A role's short name: "Diplomat (CD floor and bilateral talks)" -> "Diplomat". */
export const roleShortName = (r: Role) => ROLE_NAMES[r].split(' (')[0] ?? r;

/**
 * What this student should do now, in one sentence: by stage, phase, seat and whether they confirm. The
 * desk's first line, above everything else.
 */
export function nowLine(
  view: SessionView,
  me: { seat: string | undefined; isHead: boolean; headName: string | undefined; submitted: boolean },
): string {
  const seated = me.seat !== undefined && isDelegation(me.seat);
  if (view.stage === 'lobby') {
    if (!me.seat || me.seat === 'unseated') return 'Choose your delegation below.';
    return seated
      ? `You sit with ${SEAT_IN_SENTENCE[me.seat as 'us']}. Wait for the teacher to start${view.teamsLocked ? '' : '; you can still change seats'}.`
      : 'You watch as an observer. Wait for the teacher to start.';
  }
  if (view.stage === 'ended') return 'The session is over: read the scores and what happened.';
  if (!seated) {
    const watch: Record<string, string> = {
      briefing: 'Read the briefing card.',
      negotiation: 'Follow the public talks on the CD floor.',
      orders: 'The delegations are choosing their orders in secret.',
      resolution: 'Read what happened this round and why.',
      debrief: 'Talk over the round with the class.',
    };
    return `You watch as an observer. ${watch[view.phase] ?? ''}`.trim();
  }
  switch (view.phase) {
    case 'briefing':
      return 'Read the briefing card with your team. The notes and orders open in the negotiation.';
    case 'negotiation':
      return 'Talk with the other delegations and draft your orders with your team.';
    case 'orders':
      if (me.submitted) return 'Your orders are confirmed. Changing them withdraws the confirmation.';
      return me.isHead
        ? 'Agree the orders with your team and confirm them before the time runs out.'
        : `Agree the orders with your team; ${me.headName ?? 'your head of delegation'} confirms them.`;
    case 'resolution':
      return 'Read what happened this round and why.';
    case 'debrief':
      return 'Talk over the round with the class: what worked, what will you change?';
    default:
      return '';
  }
}

/**
 * The desk's clock: `text` says how long is left and until when ("4:05 left in the negotiation, until about
 * 14:32"); a paused timer says the teacher paused it and what is left; no timer says who moves on. `clock` is
 * the compact form for the scenes. `localNow` is this device's clock, used only to say the end as a time of day.
 */
export function deskClock(
  view: SessionView,
  serverNow: number,
  localNow: number,
): { clock: string; text: string; paused: boolean } {
  if (view.stage !== 'playing' || !view.phase) return { clock: '', text: '', paused: false };
  const phase = PHASE_NAMES[view.phase].toLowerCase();
  if (view.phaseEndsAt) {
    const ms = view.phaseEndsAt - serverNow;
    const left = minutesAndSeconds(ms);
    const end = new Date(localNow + Math.max(0, ms));
    const at = `${end.getHours()}:${String(end.getMinutes()).padStart(2, '0')}`;
    return { clock: left, text: `${left} left in the ${phase}, until about ${at}`, paused: false };
  }
  if (view.timerPaused) {
    const left = minutesAndSeconds(view.phaseRemainingMs);
    return {
      clock: `Paused ${left}`,
      text: `Paused by the teacher: ${left} left in the ${phase} when the clock restarts`,
      paused: true,
    };
  }
  return { clock: '', text: `No timer: the teacher moves the class on from the ${phase}.`, paused: false };
}

/**
 * The roles explained: the student's own roles with what each does in this phase, and every role on request.
 * Observers read what the roles are, so they can follow the delegations.
 */
export function rolePanel() {
  const mine = h('ul', { class: 'role-list', id: 'role-mine' });
  const all = h('ul', { class: 'role-list' });
  const allBox = h('details', { class: 'role-all' }, h('summary', {}, 'What the other roles do'), all);
  const title = h('h2', { id: 'role-title' }, 'Your role');
  const root = h(
    'section',
    { class: 'card role-card', id: 'role-help', 'aria-labelledby': 'role-title' },
    title,
    mine,
    allBox,
  );
  let shown = '';
  const item = (r: Role, text: string) => h('li', {}, h('strong', {}, `${ROLE_NAMES[r]}: `), text);
  return {
    root,
    update(view: SessionView, me: MemberView | undefined) {
      const seated = me !== undefined && isDelegation(me.seat);
      const phase = view.stage === 'playing' && view.phase ? view.phase : undefined;
      const own = (me?.roles ? me.roles.split(',') : []).filter((r): r is Role =>
        (ROLES as readonly string[]).includes(r),
      );
      const key = JSON.stringify([view.stage, phase, seated, own]);
      if (key === shown) return;
      shown = key;
      root.hidden = view.stage === 'ended' || (!seated && view.stage === 'lobby');
      const explain = (r: Role) => (phase ? ROLE_HELP[r][phase] : ROLE_SUMMARY[r]);
      if (!seated) {
        title.textContent = 'The roles in each delegation';
        fill(mine, ...ROLES.map((r) => item(r, explain(r))));
        allBox.hidden = true;
        return;
      }
      title.textContent = own.length > 1 ? `Your roles: ${own.map(roleShortName).join(', ')}` : 'Your role';
      fill(
        mine,
        ...(own.length
          ? own.map((r) => item(r, explain(r)))
          : [h('li', {}, 'Your role is given when the teacher starts the session.')]),
      );
      allBox.hidden = false;
      fill(all, ...ROLES.filter((r) => !own.includes(r)).map((r) => item(r, explain(r))));
      if (own.length === ROLES.length) allBox.hidden = true;
    },
  };
}
