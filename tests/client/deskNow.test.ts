import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../client/src/net/view.ts';
import { deskClock, nowLine } from '../../client/src/ui/deskNow.ts';
import { orderText } from '../../client/src/ui/orderWords.ts';
import { targetName } from '../../client/src/ui/worldPanel.ts';
import type { Order } from '../../shared/rules/orders.ts';

const view = (v: Partial<SessionView>) =>
  ({
    stage: 'playing',
    phase: 'negotiation',
    phaseEndsAt: 0,
    timerPaused: false,
    phaseRemainingMs: 0,
    teamsLocked: true,
    ...v,
  }) as SessionView;
const head = { seat: 'us', isHead: true, headName: 'Ana', submitted: false };
const member = { ...head, isHead: false };

describe('the desk says what to do now and by when', () => {
  it('counts down to a time of day while the timer runs', () => {
    const local = new Date(2026, 11, 5, 14, 0, 0).getTime();
    const c = deskClock(view({ phaseEndsAt: 1_000_000 + 245_400 }), 1_000_000, local);
    expect(c).toEqual({
      clock: '4:05',
      text: '4:05 left in the negotiation, until about 14:04',
      paused: false,
    });
  });

  it('says the teacher paused it, and what is left (the timer used to vanish)', () => {
    const c = deskClock(view({ timerPaused: true, phaseRemainingMs: 360_000 }), 0, 0);
    expect(c.paused).toBe(true);
    expect(c.text).toBe('Paused by the teacher: 6:00 left in the negotiation when the clock restarts');
    expect(c.clock).toBe('Paused 6:00');
  });

  it('says who moves on without a timer, and nothing outside a round', () => {
    expect(deskClock(view({ phase: 'orders' }), 0, 0).text).toContain(
      'teacher moves the class on from the orders',
    );
    expect(deskClock(view({ stage: 'lobby', phase: '' }), 0, 0).text).toBe('');
  });

  it.each([
    [
      'lobby, unseated',
      view({ stage: 'lobby', phase: '' }),
      { ...member, seat: 'unseated' },
      /Choose your delegation/,
    ],
    ['briefing', view({ phase: 'briefing' }), member, /briefing card/],
    ['orders, head', view({ phase: 'orders' }), head, /confirm them before the time runs out/],
    ['orders, member', view({ phase: 'orders' }), member, /Ana confirms them/],
    ['orders, confirmed', view({ phase: 'orders' }), { ...head, submitted: true }, /confirmed/],
    ['observer', view({ phase: 'negotiation' }), { ...member, seat: 'observer' }, /observer.*CD floor/],
    ['ended', view({ stage: 'ended', phase: '' }), member, /over/],
  ] as const)('%s', (_name, v, me, expected) => {
    expect(nowLine(v, me)).toMatch(expected);
  });
});

describe('no internal names on the desk', () => {
  it.each([
    [{ kind: 'techDeal', with: 'china', deal: 'missileWarning' }, 'help with missile early warning'],
    [
      { kind: 'statement', stance: 'noFirstPlacement', text: 'No weapons first.' },
      'no first placement of weapons',
    ],
  ] as const)('%o', (order, words) => {
    const text = orderText(order as Order);
    expect(text).toContain(words);
    expect(text).not.toMatch(/missileWarning|noFirstPlacement/);
  });

  it.each([
    ['capability.us.satellites.leo', 'United States: satellites in low orbit'],
    ['capability.russia.ssa', 'Russia: space situational awareness'],
    ['capability.china.missileWarning', 'China: missile warning'],
    ['capability.us.counterspace.coOrbital', 'United States: co-orbital inspectors'],
    ['prestige.china', 'Prestige of China'],
  ])('%s reads "%s"', (target, words) => {
    expect(targetName(target)).toBe(words);
  });
});
