/**
 * The teacher's console fits a screen while a round runs: at a laptop, a projector-sized screen, a tablet and two
 * phones (a teacher may host from one), in the lobby, in every phase of a round and after the end, nothing runs
 * off sideways, the phase bar and Next are in view without scrolling (and stay in view when the page scrolls),
 * every tab is on screen, and axe finds nothing serious. Screenshots go to
 * test-results/screens/console-<moment>-<w>x<h>.png. The class is four real SDK clients, so only the console runs
 * in Chromium.
 */
import { mkdirSync } from 'node:fs';
import { Client, type Room } from '@colyseus/sdk';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { classroom, noSeriousViolations, SHOTS, SIZES, settle, sideways } from './classroom.ts';

const SCREENS = `${SHOTS}/screens`;
/** Where every tab and the practice round are checked: a laptop and the smallest phone. */
const TAB_SIZES = [
  [1366, 768],
  [360, 740],
] as const;
const TABS = ['desks', 'roster', 'talks', 'cards', 'world', 'session'] as const;
/** Polls with room to spare: the machine has two cores and may be busy with other work. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 150 });

/** What the layout checks measure: page width against the viewport, and where the bar and Next sit. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element | null | undefined) => {
      const r = el?.getBoundingClientRect();
      return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : undefined;
    };
    const shown = (el: Element) => !(el as HTMLElement).hidden && el.getClientRects().length > 0;
    const next = Array.from(
      document.querySelectorAll('#start-session, #advance-phase, #console-open-replay'),
    ).find(shown);
    const atTop = { bar: rect(document.getElementById('phase-bar')), next: rect(next) };
    const tabs = Array.from(document.querySelectorAll('.console-tabs [role="tab"]'))
      .filter(shown)
      .map((t) => ({ id: t.id, ...rect(t) }));
    // Scrolled to the bottom, the bar is still at the top of the screen.
    window.scrollTo(0, document.documentElement.scrollHeight);
    const scrolled = rect(document.getElementById('phase-bar'));
    window.scrollTo(0, 0);
    return {
      width: window.innerWidth,
      height: window.innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      nextText: next?.textContent ?? '',
      ...atTop,
      tabs,
      scrolledBarTop: scrolled?.top,
    };
  });
}

/** The layout checks for the console as it is now, at every size, with a screenshot of each. */
async function checkConsole(
  page: Page,
  moment: string,
  sizes: readonly (readonly [number, number])[] = SIZES,
) {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await settle(page);
    const m = await measure(page);
    const where = `${moment} at ${width}×${height}`;
    expect((await sideways(page)).overflowing, `${where}: what runs past the right edge`).toEqual([]);
    expect(m.scrollWidth, `${where}: the page runs off sideways`).toBeLessThanOrEqual(m.width);
    expect(m.bar, `${where}: no phase bar`).toBeDefined();
    expect(m.bar?.top, `${where}: the phase bar is not at the top`).toBe(0);
    // The bar leaves most of the screen to the panels.
    expect(m.bar?.bottom ?? 0, `${where}: the phase bar takes too much room`).toBeLessThanOrEqual(
      height * 0.3,
    );
    expect(m.scrolledBarTop, `${where}: the phase bar scrolls away`).toBe(0);
    expect(m.next, `${where}: no Next button`).toBeDefined();
    expect(m.next?.bottom ?? Infinity, `${where}: Next is below the fold`).toBeLessThanOrEqual(height);
    expect(m.next?.right ?? Infinity, `${where}: Next is off to the right`).toBeLessThanOrEqual(width);
    expect(m.next?.left ?? -1, `${where}: Next is off to the left`).toBeGreaterThanOrEqual(0);
    // Every tab on screen: none hidden past the edge of a list that scrolls sideways.
    const offScreen = m.tabs.filter((t) => (t.left ?? -1) < 0 || (t.right ?? Infinity) > width);
    expect(
      offScreen.map((t) => t.id),
      `${where}: tabs off screen`,
    ).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/console-${moment}-${width}x${height}.png` });
    await noSeriousViolations(page, where);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

interface Student {
  room: Room;
  nickname: string;
}

describe('the teacher console on one screen', () => {
  const room = classroom();
  const students: Student[] = [];
  let played: { teacher: Page; code: string } | undefined;
  afterAll(async () => {
    // A student who already left has nothing to leave: never wait long on one.
    for (const s of students)
      await Promise.race([
        s.room.leave(true).catch(() => undefined),
        new Promise((r) => setTimeout(r, 1000)),
      ]);
  });

  /** A student on a real SDK client: joins by code and sits down (or stays unseated). */
  async function join(code: string, nickname: string, seat?: string): Promise<Student> {
    const found = (await (await fetch(`${room.server.url}/api/sessions/${code}`)).json()) as {
      roomId: string;
    };
    const r = await new Client(room.server.url).joinById(found.roomId, { role: 'student', code, nickname });
    r.onMessage('welcome', () => undefined);
    if (seat) await r.request('chooseSeat', { seat });
    const s = { room: r, nickname };
    students.push(s);
    return s;
  }

  it('keeps the phase bar and Next in view from the lobby to the end, at a laptop, a large screen, a tablet and phones', {
    timeout: 480_000,
  }, async () => {
    mkdirSync(SCREENS, { recursive: true });
    const teacher = await room.newPage(1366, 768);
    await teacher.goto(`${room.server.url}/#/host`);
    await poll(() => teacher.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await teacher.locator('#setup-scenario').selectOption('campaign');
    await teacher.getByRole('button', { name: 'Create session' }).click();
    await teacher.locator('#console-code').waitFor();
    const code = ((await teacher.locator('#console-code').textContent()) ?? '').trim();

    // ---- The lobby: the roster opens first, and Start says what it does.
    expect(await teacher.locator('#console-tab-roster').getAttribute('aria-selected')).toBe('true');
    await poll(() => teacher.locator('#console-warnings').textContent()).toContain(
      'Nobody sits at a delegation',
    );
    const ana = await join(code, 'Ana', 'us');
    await join(code, 'Wei', 'china');
    const olga = await join(code, 'Olga', 'russia');
    const bo = await join(code, 'Bo');
    await join(code, 'Cy', 'observer');
    await poll(() => teacher.locator('table.roster tbody tr').count()).toBe(5);
    await poll(() => teacher.locator('#console-warnings').textContent()).toBe(
      '1 student has not chosen a seat.',
    );
    expect(await teacher.locator('#start-session').textContent()).toBe('Start round 1');
    expect(await teacher.locator('#advance-phase').isHidden()).toBe(true);
    // The lesson guide: folded, one line naming the campaign plan's step; opened by keyboard, it says what to do
    // now, and the console still fits. Its Print the pack opens the Session tab at the pack's print links.
    const guide = teacher.locator('#lesson-guide');
    await poll(() => guide.isVisible()).toBe(true);
    expect(await guide.getAttribute('open')).toBeNull();
    expect(await teacher.locator('#lesson-guide-summary').textContent()).toBe(
      'Lesson guide: Join and sit down',
    );
    await teacher.locator('#lesson-guide-summary').focus();
    await teacher.keyboard.press('Enter');
    await poll(() => guide.getAttribute('open')).not.toBeNull();
    expect(await teacher.locator('#lesson-guide-where').textContent()).toBe(
      'A four-period campaign: Period 1 of 4 · step 2 of 15 · 5 minutes',
    );
    expect(((await teacher.locator('#lesson-guide-teacher').textContent()) ?? '').length).toBeGreaterThan(40);
    expect(await teacher.locator('#lesson-guide-timers').textContent()).toContain(
      'briefing 1, negotiation 5',
    );
    await checkConsole(teacher, 'lobby-guide');
    for (const [width, height] of [
      [390, 844],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await teacher.setViewportSize({ width, height });
      await teacher.screenshot({ path: `${SCREENS}/console-lobby-guide-open-${width}x${height}.png` });
    }
    await teacher.setViewportSize({ width: 1366, height: 768 });
    await teacher.locator('#lesson-guide-print').click();
    await poll(() => teacher.locator('#console-tab-session').getAttribute('aria-selected')).toBe('true');
    await poll(() => teacher.evaluate(() => document.activeElement?.id)).toBe('print-pack');
    // Another plan, chosen by the teacher, outlives a reload of the console; then back to the scenario's own.
    await teacher.locator('#lesson-guide-plan').selectOption('block-90');
    await poll(() => teacher.locator('#lesson-guide-where').textContent()).toMatch(/^A 90-minute block: /);
    await teacher.reload();
    await poll(() => teacher.locator('#lesson-guide-plan').inputValue()).toBe('block-90');
    expect(await teacher.locator('#lesson-guide-summary').textContent()).toMatch(/^Lesson guide: /);
    await teacher.locator('#lesson-guide-summary').click();
    await teacher.locator('#lesson-guide-plan').selectOption('campaign');
    await teacher.locator('#lesson-guide-summary').click();
    await poll(() => guide.getAttribute('open')).toBeNull();
    await teacher.locator('#console-tab-roster').click();
    await checkConsole(teacher, 'lobby');

    // Bo leaves: the seat hand-back picker chooses nobody, and its button waits for a choice.
    await bo.room.leave(true);
    const boRow = teacher.locator('table.roster tr.member', { hasText: 'Bo' });
    const heir = boRow.locator('select[id^="heir-"]');
    await heir.waitFor();
    expect(await heir.inputValue()).toBe('');
    expect(await heir.locator('option').first().textContent()).toBe('Choose a student…');
    const give = boRow.locator('button[id^="restore-"]');
    expect(await give.isDisabled()).toBe(true);
    await heir.selectOption({ label: 'Cy' });
    await poll(() => give.isDisabled()).toBe(false);
    expect(await give.textContent()).toBe('Give the seat to Cy');

    // ---- The practice round: its banner goes below the bar, which stays small on a phone too.
    await teacher.locator('#practice-round').click();
    await poll(() => teacher.locator('#console-practice').isVisible()).toBe(true);
    expect(await teacher.locator('#phase-bar #console-practice').count()).toBe(0);
    await checkConsole(teacher, 'practice', TAB_SIZES);
    await teacher.locator('#practice-round').click();
    await poll(() => teacher.locator('#console-stage').textContent()).toMatch(/^Lobby/);
    await poll(() => teacher.locator('#console-practice').isVisible()).toBe(false);

    // ---- Round 1. Each phase shows what Next will do, from the shared nextStep.
    await teacher.locator('#start-session').click();
    await poll(() => teacher.locator('#console-stage').textContent()).toContain('Briefing');
    await poll(() => teacher.locator('#console-tab-desks').getAttribute('aria-selected')).toBe('true');
    expect(await teacher.locator('#advance-phase').textContent()).toBe('Next: negotiation');
    // Round 1 folds the guide, which now names the rounds being played.
    await poll(() => teacher.locator('#lesson-guide-summary').textContent()).toBe(
      'Lesson guide: Rounds 1–2: 2015, 2016',
    );
    expect(await teacher.locator('#lesson-guide').getAttribute('open')).toBeNull();
    await teacher.setViewportSize({ width: 390, height: 844 });
    await teacher.screenshot({ path: `${SCREENS}/console-briefing-guide-folded-390x844.png` });
    await teacher.setViewportSize({ width: 1366, height: 768 });
    // A paused timer says so, in minutes and seconds.
    await poll(() => teacher.locator('#console-timer').textContent()).toMatch(/^\d+:\d\d$/);
    await teacher.locator('#pause-timer').click();
    await poll(() => teacher.locator('#console-timer').textContent()).toMatch(/^Paused \d+:\d\d$/);
    expect(await teacher.locator('#pause-timer').textContent()).toBe('Resume timer');
    await checkConsole(teacher, 'briefing');

    await teacher.locator('#advance-phase').click();
    await poll(() => teacher.locator('#console-stage').textContent()).toContain('Negotiation');
    expect(await teacher.locator('#advance-phase').textContent()).toBe('Next: orders');
    await ana.room.request('sendMessage', { to: 'team', text: 'We start with a statement.' });
    await olga.room.request('sendMessage', { to: 'floor', text: 'Russia proposes the PPWT again.' });
    await poll(() => teacher.locator('#console-floor').textContent()).toContain('PPWT');
    await checkConsole(teacher, 'negotiation');
    // Every tab, reached by keyboard (arrow keys in the tab list), fits a laptop and a phone.
    await teacher.locator('#console-tab-desks').click();
    for (const tab of TABS) {
      expect(await teacher.locator(`#console-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
      expect(await teacher.locator(`#console-panel-${tab}`).isVisible()).toBe(true);
      await checkConsole(teacher, `negotiation-${tab}`, TAB_SIZES);
      await teacher.locator(`#console-tab-${tab}`).focus();
      await teacher.keyboard.press('ArrowRight');
    }
    expect(await teacher.evaluate(() => document.activeElement?.id)).toBe('console-tab-desks');

    await teacher.locator('#advance-phase').click();
    await poll(() => teacher.locator('#console-stage').textContent()).toContain('Orders');
    expect(await teacher.locator('#advance-phase').textContent()).toBe('Next: resolve round 1');
    await poll(() => teacher.locator('#console-warnings').textContent()).toContain(
      'Russia has not confirmed its orders.',
    );
    expect(await teacher.locator('#console-warnings').textContent()).toContain(
      'The United States has not confirmed its orders.',
    );
    await checkConsole(teacher, 'orders');

    await teacher.locator('#advance-phase').click();
    await poll(() => teacher.locator('#console-stage').textContent()).toContain('Resolution');
    await teacher.locator('#pause-timer').click(); // a minute is short: the checks take longer
    await poll(() => teacher.locator('#console-timer').textContent()).toMatch(/^Paused/);
    expect(await teacher.locator('#advance-phase').textContent()).toBe('Next: debrief of round 1');
    await checkConsole(teacher, 'resolution');

    await teacher.locator('#advance-phase').click();
    await poll(() => teacher.locator('#console-stage').textContent()).toContain('Round debrief');
    expect(await teacher.locator('#advance-phase').textContent()).toBe('Next: start round 2');
    await checkConsole(teacher, 'debrief');

    // ---- The end, confirmed; then only what still makes sense.
    await teacher.locator('#console-tab-session').click();
    teacher.once('dialog', (d) => d.accept());
    await teacher.locator('#end-session').click();
    await poll(() => teacher.locator('#console-stage').textContent()).toBe('The session has ended');
    for (const gone of ['#advance-phase', '#start-session', '#end-session', '#lock-teams', '#pause-timer'])
      expect(await teacher.locator(gone).isVisible(), `${gone} after the end`).toBe(false);
    expect(await teacher.locator('#console-open-replay').isVisible()).toBe(true);
    await checkConsole(teacher, 'ended');
    played = { teacher, code };
  });

  it('opens the replay at round 1’s briefing, with the right key help, on a laptop and a phone', {
    timeout: 240_000,
  }, async () => {
    if (!played) throw new Error('the session above did not finish');
    const { teacher, code } = played;
    // The browser that hosted the session holds its key: the list finds it.
    await teacher.goto(`${room.server.url}/#/replay`);
    const mine = teacher.locator('#replay-mine tr[data-session]');
    await poll(() => mine.count()).toBe(1);
    const id = (await mine.first().getAttribute('data-session')) ?? '';
    expect(id).toContain(code);
    await teacher.goto(`${room.server.url}/#/replay/${id}`);
    const position = teacher.locator('#replay-position');
    // Not entry 0, the empty lobby: where play begins.
    await poll(() => position.textContent()).toMatch(
      /^Entry \d+ of \d+ · .* · Round 1 of 10 · 2015 · Briefing$/,
    );
    const [at, last] = (/^Entry (\d+) of (\d+)/.exec((await position.textContent()) ?? '') ?? [])
      .slice(1)
      .map(Number);
    expect(at).toBeGreaterThan(0);
    expect(await teacher.locator('#replay-jump-r1-briefing').getAttribute('aria-current')).toBe('step');
    // Page Down moves a tenth of the log forwards, Page Up as far back, as the help says.
    const step = Math.max(1, Math.round((last ?? 0) / 10));
    expect(await teacher.locator('#replay-scrubber-hint').textContent()).toBe(
      `Arrow keys move one entry; Page Down moves a tenth of the log forwards (${step} entries) and Page Up as far back; Home and End go to the ends; Space plays or pauses.`,
    );
    await teacher.locator('#replay-scrubber').press('PageDown');
    await poll(() => position.textContent()).toMatch(
      new RegExp(`^Entry ${Math.min(last ?? 0, (at ?? 0) + step)} of`),
    );
    await teacher.locator('#replay-scrubber').press('PageUp');
    await poll(() => position.textContent()).toMatch(new RegExp(`^Entry ${at} of`));

    for (const [width, height] of [
      [1366, 768],
      [390, 844],
    ] as const) {
      await teacher.setViewportSize({ width, height });
      await settle(teacher);
      const m = await measure(teacher);
      expect(m.scrollWidth, `replay at ${width}×${height} runs off sideways`).toBeLessThanOrEqual(m.width);
      await teacher.screenshot({ path: `${SCREENS}/replay-${width}x${height}.png` });
      await teacher.screenshot({ path: `${SCREENS}/replay-${width}x${height}-full.png`, fullPage: true });
      await noSeriousViolations(teacher, `replay at ${width}×${height}`);
    }
  });
});
