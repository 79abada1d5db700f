/**
 * The console's lesson guide follows the session through the chosen lesson plan (content/pack/lessons.json):
 * time to join in the lobby, the practice round, the segment of rounds that plays the round under way, the final
 * debrief after the end, and the teacher's Previous and Next step from there.
 */
import { describe, expect, it } from 'vitest';
import { lessonStep, planFor, stepLine, timerAdvice } from '../../client/src/ui/console/lessonGuide.ts';
import { readPack } from '../../server/content.ts';

const pack = readPack('content').pack;
const plans = pack?.lessons.plans ?? [];
const plan = (id: string) => {
  const p = plans.find((x) => x.id === id);
  if (!p) throw new Error(`no plan ${id}`);
  return p;
};
const lobby = { stage: 'lobby', round: 0, practice: false } as const;
const playing = (round: number) => ({ stage: 'playing', round, practice: false }) as const;

describe('the lesson guide', () => {
  it.each([
    ['the lobby', lobby, 0, 'Join and sit down'],
    ['the practice round', { stage: 'playing', round: 0, practice: true } as const, 1, 'Practice round'],
    ['round 1', playing(1), 2, 'Round 1: 2015'],
    ['round 3', playing(3), 4, 'Round 3: 2024'],
    ['the end', { stage: 'ended', round: 3, practice: false } as const, 5, 'Final debrief'],
  ] as const)('in %s, the one-period plan is at step %i, "%s"', (_when, at, index, title) => {
    const step = lessonStep(plan('one-period'), at);
    expect(step?.index).toBe(index);
    expect(step?.segment.title).toBe(title);
    expect(step?.count).toBe(7);
  });

  it('Previous and Next step move from there and stop at the ends of the plan', () => {
    const ended = { stage: 'ended', round: 3, practice: false } as const;
    expect(lessonStep(plan('one-period'), ended, 1)?.segment.title).toBe('Exit ticket');
    expect(lessonStep(plan('one-period'), ended, 5)?.segment.title).toBe('Exit ticket');
    expect(lessonStep(plan('one-period'), lobby, -1)?.index).toBe(0);
    expect(lessonStep(plan('one-period'), playing(2), -1)?.segment.title).toBe('Round 1: 2015');
  });

  it('says where the step sits, with the period when a plan has several', () => {
    expect(stepLine(lessonStep(plan('one-period'), playing(1)) as never)).toBe('Step 3 of 7 · 10 minutes');
    // The campaign: 5 segments in period 1, 3 in period 2, then rounds 6 to 8 open period 3's second segment.
    expect(stepLine(lessonStep(plan('campaign'), playing(6)) as never)).toBe(
      'Period 3 of 4 · step 10 of 15 · 33 minutes',
    );
  });

  it("picks the plan for the session's scenario, else the first plan", () => {
    expect(planFor(plans, 'ppwt')?.id).toBe('block-90');
    expect(planFor(plans, 'one-period')?.id).toBe('one-period');
    expect(planFor(plans, 'nesting-dolls')?.id).toBe(plans[0]?.id);
    expect(planFor([], 'ppwt')).toBeUndefined();
  });

  it('says whether the session plays the plan on its timers', () => {
    const scenarios = pack?.scenarios ?? {};
    const onePeriod = {
      scenarioId: 'one-period',
      scenarioTitle: 'One class period',
      timersOn: true,
      phaseMinutes: { briefing: 1, negotiation: 4, orders: 3, resolution: 0.5, debrief: 1.5 },
    };
    const timers =
      "This plan's phase timers: briefing 1, negotiation 4, orders 3, resolution ½, round debrief 1½.";
    expect(timerAdvice(plan('one-period'), scenarios, onePeriod)).toBe(`${timers} This session uses them.`);
    expect(
      timerAdvice(plan('one-period'), scenarios, {
        ...onePeriod,
        phaseMinutes: { ...onePeriod.phaseMinutes, negotiation: 6 },
      }),
    ).toBe(
      `${timers} This session's are briefing 1, negotiation 6, orders 3, resolution ½, round debrief 1½: set the plan's under Minutes per phase, in the Session tab, before round 1.`,
    );
    expect(timerAdvice(plan('one-period'), scenarios, { ...onePeriod, timersOn: false })).toBe(
      `${timers} This session's timers are off: move each phase on with Next.`,
    );
    expect(
      timerAdvice(plan('one-period'), scenarios, { ...onePeriod, scenarioId: 'ppwt', scenarioTitle: 'PPWT' }),
    ).toBe(`${timers} It is written for One class period; this session plays PPWT.`);
  });
});
