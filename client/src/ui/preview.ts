import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { RoundPhase } from '../../../shared/model/phases.ts';
import { nextStep } from '../../../shared/session/nextStep.ts';
import { SessionLink } from '../net/connection.ts';
import type { SessionView } from '../net/view.ts';
import { h, notice } from './dom.ts';
import { studentScreen } from './student.ts';

/** The nickname the teacher plays under in a preview ("Host" and "Teacher" are kept for the screens). */
export const PREVIEW_NICKNAME = 'Preview';

/** What to do in each phase of a preview, one line each: the whole game in about two minutes a round. */
const GUIDE: Record<RoundPhase, string> = {
  briefing:
    '1 of 5 · Briefing: read the year’s events (Cards) and what your country wants (The world). Then press Next.',
  negotiation:
    '2 of 5 · Negotiation: the server plays the two other delegations. Read their statements on the CD floor, ask one of them for a bilateral channel and write to it: it answers once a phase. Then Next.',
  orders:
    '3 of 5 · Orders: pick two or three orders (each costs points), then Confirm our orders. The bots confirm theirs at once. Next resolves the round.',
  resolution:
    '4 of 5 · Resolution: see what changed and why, under The world, and what the others did. Then Next.',
  debrief:
    '5 of 5 · Debrief: did tension rise or fall, and why? Next starts the next round; each round takes about two minutes alone.',
};

/**
 * Solo preview: the teacher plays `seat` against the server at the two other delegations, with timers off. One
 * tab holds two connections: the teacher's (for Next, which the rules give only the teacher) and a student's at
 * `seat` (the desk a class would see). A strip over the desk says what to do now and carries Next.
 */
export async function previewScreen(
  root: HTMLElement,
  code: string,
  secret: string,
  seat: Delegation,
  onLeft: (message: string) => void,
): Promise<() => void> {
  const teacher = await SessionLink.join({ role: 'teacher', code, hostSecret: secret });
  const fail = async (r: { ok: boolean; message?: string }) => {
    if (!r.ok) throw new Error(r.message);
  };
  let view = teacher.view as SessionView;
  if (view.stage === 'lobby')
    for (const d of DELEGATIONS)
      if (d !== seat && !view.teams[d]?.bot)
        await fail(await teacher.send('seatBot', { delegation: d, level: 'standard' }));
  const student = await SessionLink.join({ role: 'student', code, nickname: PREVIEW_NICKNAME });
  const me = student.welcome?.memberId ?? '';
  if (student.view?.members[me]?.seat !== seat) await fail(await student.send('chooseSeat', { seat }));
  view = teacher.view as SessionView;
  if (view.stage === 'lobby') await fail(await teacher.send('startSession', {}));

  const guide = h('p', { class: 'preview-guide', id: 'preview-guide', role: 'status' });
  const status = h('p', { class: 'notice', role: 'alert', id: 'preview-status' });
  const next = h('button', {
    type: 'button',
    class: 'primary',
    id: 'preview-next',
    onclick: async () => {
      const v = teacher.view;
      if (!v) return;
      next.disabled = true;
      const r = await teacher.send('advancePhase', { from: { round: v.round, phase: v.phase ?? '' } });
      next.disabled = false;
      notice(status, r.ok ? '' : r.message, r.ok ? 'info' : 'error');
    },
  });
  const desk = h('div', { class: 'preview-desk' });
  root.replaceChildren(
    h(
      'div',
      { class: 'preview' },
      h(
        'header',
        { class: 'card preview-strip', 'aria-label': 'Preview alone' },
        h('h1', {}, `Preview alone: you are ${DELEGATION_NAMES[seat]}`),
        guide,
        h(
          'div',
          { class: 'row' },
          next,
          h('a', { href: `#/board/${code}`, target: '_blank' }, 'Open the board'),
        ),
        status,
      ),
      desk,
    ),
  );
  const update = () => {
    const v = teacher.view;
    if (!v) return;
    const step = nextStep({
      stage: v.stage,
      round: v.round,
      phase: v.phase,
      rounds: v.settings.years.length,
    });
    next.hidden = step?.command !== 'advancePhase';
    next.textContent = step?.label ?? '';
    guide.textContent =
      v.stage === 'ended'
        ? 'The preview is over. The replay and debrief of this game are under Past sessions, on the host page.'
        : v.phase
          ? GUIDE[v.phase]
          : '';
  };
  const unsubscribe = teacher.subscribe(update);
  update();
  const disposeDesk = studentScreen(desk, student, onLeft);
  return () => {
    unsubscribe();
    disposeDesk();
    void teacher.leave();
  };
}

/**
 * Watch the bots play: seats the server at every delegation and starts the session; the room then runs each
 * phase on a short timer (shared/bots/unattended.ts) and the board shows the game through to its end.
 */
export async function startWatching(code: string, secret: string): Promise<void> {
  const teacher = await SessionLink.join({ role: 'teacher', code, hostSecret: secret });
  try {
    const view = teacher.view as SessionView;
    if (view.stage !== 'lobby') return;
    const levels = { us: 'expert', china: 'standard', russia: 'standard' } as const;
    for (const d of DELEGATIONS)
      if (!view.teams[d]?.bot) {
        const r = await teacher.send('seatBot', { delegation: d, level: levels[d] });
        if (!r.ok) throw new Error(r.message);
      }
    const r = await teacher.send('startSession', {});
    if (!r.ok) throw new Error(r.message);
  } finally {
    await teacher.leave();
  }
}
