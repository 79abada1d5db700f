import { plural, timerList } from '../../../../shared/content/labels.ts';
import type { LessonPlan, Pack, Segment } from '../../../../shared/content/pack.ts';
import { ROUND_PHASES, type SessionStage } from '../../../../shared/model/phases.ts';
import { loadPack } from '../../net/pack.ts';
import type { SessionView } from '../../net/view.ts';
import { fill, h } from '../dom.ts';
import type { Panel } from './context.ts';

/** Where the session is, as the lesson guide reads it. */
export interface GuideAt {
  stage: SessionStage;
  round: number; // the round being played (0 in the lobby)
  practice: boolean; // the practice round is under way
}

/** One step of a plan: a segment, with where it sits in the plan. */
export interface GuideStep {
  index: number; // in the plan's segments, all periods in a row
  count: number; // the plan's segments in all
  period: number; // 0-based
  periods: number;
  segment: Segment;
}

/** Every segment of a plan, period after period. */
function stepsOf(plan: LessonPlan): Omit<GuideStep, 'index' | 'count'>[] {
  return plan.periods.flatMap((p, period) =>
    p.segments.map((segment) => ({ period, periods: plan.periods.length, segment })),
  );
}

/**
 * The step of a lesson plan the session is at: the segment of rounds that plays the round under way, the
 * practice round while it runs, time to join in the lobby, and the segment after the last round once the session
 * has ended (the final debrief). `offset` moves from there by the teacher's Previous and Next step, within the
 * plan. Undefined for a plan with no segments.
 */
export function lessonStep(plan: LessonPlan, at: GuideAt, offset = 0): GuideStep | undefined {
  const steps = stepsOf(plan);
  if (steps.length === 0) return undefined;
  const find = (test: (s: Segment) => boolean) => steps.findIndex((s) => test(s.segment));
  let i: number;
  if (at.practice) i = find((s) => s.kind === 'practice');
  else if (at.stage === 'lobby') i = find((s) => s.kind === 'join');
  else if (at.stage === 'playing')
    i = find((s) => s.kind === 'rounds' && (s.rounds ?? []).includes(at.round));
  else {
    const last = steps.reduce((acc, s, k) => (s.segment.kind === 'rounds' ? k : acc), -1);
    i = last + 1;
  }
  if (i < 0) i = 0;
  const index = Math.min(steps.length - 1, Math.max(0, i + offset));
  const step = steps[index] as Omit<GuideStep, 'index' | 'count'>;
  return { ...step, index, count: steps.length };
}

/** The plan a session's scenario calls for: the first plan on that scenario, else the first plan. */
export function planFor(plans: readonly LessonPlan[], scenarioId: string): LessonPlan | undefined {
  return plans.find((p) => p.scenario === scenarioId) ?? plans[0];
}

/** "Step 3 of 7 · 10 minutes", with the period when the plan has several: "Period 2 of 4 · step 9 of 17 · …". */
export function stepLine(step: GuideStep): string {
  const where = `step ${step.index + 1} of ${step.count} · ${plural(step.segment.minutes, 'minute')}`;
  return step.periods > 1
    ? `Period ${step.period + 1} of ${step.periods} · ${where}`
    : `${where.charAt(0).toUpperCase()}${where.slice(1)}`;
}

/**
 * What the guide says about timers: the plan's, and whether this session plays the plan's scenario on them. In
 * the lobby the teacher can still set them (Minutes per phase, in the Session tab); later it is advice for next time.
 */
export function timerAdvice(
  plan: LessonPlan,
  scenarios: Pack['scenarios'],
  session: Pick<SessionView['settings'], 'scenarioId' | 'scenarioTitle' | 'timersOn' | 'phaseMinutes'>,
): string {
  const wanted = plan.phaseMinutes ?? scenarios[plan.scenario]?.phaseMinutes;
  if (!wanted) return '';
  const planTimers = `This plan's phase timers: ${timerList(wanted)}.`;
  if (session.scenarioId !== plan.scenario)
    return `${planTimers} It is written for ${scenarios[plan.scenario]?.title ?? plan.scenario}; this session plays ${session.scenarioTitle}.`;
  if (!session.timersOn) return `${planTimers} This session's timers are off: move each phase on with Next.`;
  const same = ROUND_PHASES.every((p) => session.phaseMinutes[p] === wanted[p]);
  return same
    ? `${planTimers} This session uses them.`
    : `${planTimers} This session's are ${timerList(session.phaseMinutes)}: set the plan's under Minutes per phase, in the Session tab, before round 1.`;
}

/** Where the browser keeps the plan a teacher picked for a session, so a reload keeps it. */
const planKey = (code: string) => `paros:lesson-plan:${code}`;

function rememberedPlan(code: string): string | undefined {
  try {
    return localStorage.getItem(planKey(code)) ?? undefined;
  } catch {
    return undefined; // storage refused (private mode): the scenario's plan, as before
  }
}

/**
 * The console's lesson guide: a folded line under the phase bar that names the step of the chosen lesson plan
 * the class is at ("Lesson guide: Round 1: 2015"), and, unfolded, what to do and say now, what the students do,
 * Previous and Next step, the plan's timers, and a button to the pack's print links (`onPrint`). It folds itself
 * when round 1 begins, so the console stays one screen during play; without a pack on the server it stays
 * hidden.
 */
export function lessonGuide(opts: { onPrint: () => void }): Panel {
  const summaryText = h('span', { id: 'lesson-guide-step' }, 'Lesson guide');
  const summary = h('summary', { id: 'lesson-guide-summary' }, summaryText);
  const planPick = h('select', { id: 'lesson-guide-plan' });
  const where = h('p', { class: 'hint', id: 'lesson-guide-where' });
  const doNow = h('p', { id: 'lesson-guide-teacher' });
  const students = h('p', { id: 'lesson-guide-students' });
  const timers = h('p', { class: 'hint', id: 'lesson-guide-timers' });
  const prev = h('button', { type: 'button', id: 'lesson-guide-prev' }, 'Previous step');
  const next = h('button', { type: 'button', id: 'lesson-guide-next' }, 'Next step');
  const print = h(
    'button',
    { type: 'button', id: 'lesson-guide-print', onclick: () => opts.onPrint() },
    'Print the pack',
  );
  const root = h(
    'details',
    { class: 'lesson-guide', id: 'lesson-guide', hidden: true },
    summary,
    h(
      'div',
      { class: 'lesson-guide-body' },
      h('label', { for: 'lesson-guide-plan' }, 'Plan '),
      planPick,
      where,
      doNow,
      students,
      timers,
      h('div', { class: 'row' }, prev, next, print),
    ),
  ) as HTMLDetailsElement;

  let pack: Pack | undefined;
  let view: SessionView | undefined;
  let chosen: string | undefined; // the plan the teacher picked; undefined: the one for the scenario
  let offset = 0;
  let autoKey = '';
  let stage: SessionStage | undefined;

  const draw = () => {
    const plans = pack?.lessons.plans ?? [];
    if (!view || plans.length === 0) return;
    const plan = plans.find((p) => p.id === chosen) ?? planFor(plans, view.settings.scenarioId);
    if (!plan) return;
    if (planPick.options.length !== plans.length)
      fill(planPick, ...plans.map((p) => h('option', { value: p.id }, p.title)));
    planPick.value = plan.id;
    const at: GuideAt = { stage: view.stage, round: view.round, practice: view.practice };
    // A new moment of the session brings the guide back to the step it is at.
    const key = `${plan.id}|${at.stage}|${at.round}|${at.practice}`;
    if (key !== autoKey) {
      autoKey = key;
      offset = 0;
    }
    const step = lessonStep(plan, at, offset);
    if (!step) return;
    root.hidden = false;
    summaryText.textContent = `Lesson guide: ${step.segment.title}`;
    where.textContent = `${plan.title}: ${stepLine(step)}`;
    fill(doNow, h('strong', {}, 'You do and say now: '), step.segment.teacher);
    fill(students, h('strong', {}, 'Students: '), step.segment.students);
    timers.textContent = pack ? timerAdvice(plan, pack.scenarios, view.settings) : '';
    prev.disabled = step.index === 0;
    next.disabled = step.index === step.count - 1;
  };
  prev.addEventListener('click', () => {
    offset--;
    draw();
  });
  next.addEventListener('click', () => {
    offset++;
    draw();
  });
  planPick.addEventListener('change', () => {
    chosen = planPick.value;
    try {
      if (view) localStorage.setItem(planKey(view.code), chosen);
    } catch {
      // storage refused: the choice holds until the page reloads
    }
    draw();
  });
  loadPack().then(
    (p) => {
      pack = p;
      draw();
    },
    () => undefined, // no pack on this server: the guide stays hidden
  );

  return {
    root,
    update(v) {
      if (view?.code !== v.code) chosen = rememberedPlan(v.code);
      view = v;
      // Round 1 folds the guide: during play the console stays one screen; the teacher may open it again.
      if (stage === 'lobby' && v.stage === 'playing') root.open = false;
      stage = v.stage;
      draw();
    },
  };
}
