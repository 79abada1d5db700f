/**
 * The projector board as a stage, in real Chromium at three projector sizes: in the lobby, in each phase of a
 * round, with the timer paused, and after the end. It never scrolls, its main text reads from the back of the
 * room at 1920×1080, the join QR code shows only in the lobby, and axe finds nothing serious. Screenshots of
 * every state at every size go to test-results/screens/board-<state>-<w>x<h>.png for review.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom, SHOTS } from './classroom.ts';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });
const SCREENS = `${SHOTS}/screens`;
const SIZES = [
  [1024, 768],
  [1280, 720],
  [1920, 1080],
] as const;
/** About 24 px at 1080p: what the back row of a classroom reads on a projector. */
const MIN_BODY_PX_AT_1080 = 24;

interface Board {
  page: Page;
  width: number;
  height: number;
}

describe('the projector board is a stage', () => {
  const room = classroom();

  /** What a board shows, measured in the page: the document's size, the main text's size, the QR code. */
  async function measure(page: Page) {
    return page.evaluate(() => {
      const doc = document.documentElement;
      const visible = (el: Element | null) =>
        !!el && (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height > 0;
      const panel = Array.from(document.querySelectorAll('.stage-side > [data-panel]')).find(visible);
      return {
        scrollHeight: Math.max(doc.scrollHeight, document.body.scrollHeight),
        scrollWidth: Math.max(doc.scrollWidth, document.body.scrollWidth),
        innerHeight: window.innerHeight,
        innerWidth: window.innerWidth,
        panel: panel?.getAttribute('data-panel') ?? '',
        panelFont: panel ? Number.parseFloat(getComputedStyle(panel).fontSize) : 0,
        qrShown: visible(document.querySelector('.join-panel .qr svg')),
        sceneShown: visible(document.querySelector('.stage-scene')),
      };
    });
  }

  async function noSeriousViolations(name: string, page: Page) {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  /** Checks every board in `state` (whose panel is `panel`) and saves its picture. */
  async function checkBoards(boards: Board[], state: string, panel: string) {
    for (const { page, width, height } of boards) {
      const name = `board-${state}-${width}x${height}`;
      await poll(async () => (await measure(page)).panel).toBe(panel);
      if (state !== 'ended') await page.locator('.table-canvas[data-ready="true"] canvas').waitFor();
      await page.waitForTimeout(500); // the scene's last frame and the reveal's slide, before the picture
      const m = await measure(page);
      expect(m.scrollHeight, `${name}: the document scrolls`).toBeLessThanOrEqual(m.innerHeight);
      expect(m.scrollWidth, `${name}: the document scrolls sideways`).toBeLessThanOrEqual(m.innerWidth);
      expect(m.qrShown, `${name}: the QR code shows only in the lobby`).toBe(state === 'lobby');
      expect(m.sceneShown).toBe(state !== 'ended');
      if (width === 1920)
        expect(m.panelFont, `${name}: main text size`).toBeGreaterThanOrEqual(MIN_BODY_PX_AT_1080);
      await page.screenshot({ path: `${SCREENS}/${name}.png` });
      await noSeriousViolations(name, page);
    }
  }

  it('fits the lobby, every phase of a round, a paused timer and the end at 1024×768, 1280×720 and 1920×1080', async () => {
    mkdirSync(SCREENS, { recursive: true });
    const teacher = await room.newPage(1366, 900);
    teacher.on('dialog', (d) => d.accept()); // "End the session for everyone?"
    await teacher.goto(`${room.server.url}/#/host`);
    await poll(() => teacher.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await teacher.locator('#setup-scenario').selectOption('campaign');
    // Timers stay on: the board shows the time, and a paused timer.
    await teacher.getByRole('button', { name: 'Create session' }).click();
    await teacher.locator('#console-code').waitFor();
    const code = ((await teacher.locator('#console-code').textContent()) ?? '').trim();

    const boards: Board[] = [];
    for (const [width, height] of SIZES) {
      const page = await room.newPage(width, height, { reducedMotion: true });
      await page.goto(`${room.server.url}/#/board/${code}`);
      await poll(() => page.locator('#board-code').textContent()).toBe(code);
      boards.push({ page, width, height });
    }
    const first = (boards[0] as Board).page;

    // One student at the US desk; China and Russia stay empty.
    const ana = await room.newPage(1024, 700, { reducedMotion: true });
    await ana.goto(`${room.server.url}/#/join/${code}`);
    await ana.getByLabel('Nickname').fill('Ana');
    await ana.getByRole('button', { name: 'Join the session' }).click();
    await ana.locator('#choose-us').click();
    await poll(() => first.locator('.seating .seat-us').textContent()).toContain('Ana');
    await checkBoards(boards, 'lobby', 'join');

    const advance = async (phase: string) => {
      await teacher.locator('#advance-phase').click();
      for (const b of boards) await poll(() => b.page.locator('#board-stage').textContent()).toContain(phase);
    };
    const pause = async () => {
      await teacher.locator('#pause-timer').click();
      for (const b of boards)
        await poll(() => b.page.locator('#board-timer').textContent()).toMatch(/paused/i);
    };

    await teacher.locator('#start-session').click();
    for (const b of boards)
      await poll(() => b.page.locator('#board-stage').textContent()).toContain('Briefing');
    await pause(); // the briefing is two minutes: held still while the pictures are taken
    // The card is large, and only the join corner remains of the join panel.
    await poll(() => first.locator('.cards-panel .current-cards article:not([hidden]) h3').count()).toBe(1);
    expect(await first.locator('#board-corner').textContent()).toContain(code);
    await checkBoards(boards, 'briefing', 'cards');

    await advance('Negotiation');
    // A running timer shows minutes and seconds.
    await poll(() => first.locator('#board-timer').textContent()).toMatch(/^\d+:\d\d$/);
    await teacher.locator('#console-tab-talks').click();
    await teacher.locator('#announce-text').fill('Delegations, the floor is open for statements.');
    await teacher.locator('#announce-send').click();
    await poll(() => first.locator('#board-floor').textContent()).toContain('the floor is open');
    // The US drafts an order (the head confirms it in the orders phase).
    await ana.locator('#order-kind').selectOption('launchSatellites');
    await ana.locator('#order-field-regime').selectOption('leo');
    await ana.locator('#order-field-count').fill('2');
    await ana.locator('#add-order').click();
    await poll(() => ana.locator('#orders-list li').count()).toBe(1);
    await checkBoards(boards, 'negotiation', 'floor');
    await pause();
    await checkBoards(boards, 'paused', 'floor');
    expect(await first.locator('#board-timer').textContent()).toMatch(/^Timer paused: \d+:\d\d left$/);

    await advance('Orders');
    // Dispatched rather than clicked: with four scenes drawing on two cores the page may answer slowly.
    await ana.locator('#submit-orders').dispatchEvent('click');
    await poll(() => first.locator('.confirm-tile.seat-us').textContent()).toContain('Orders confirmed');
    // Who has confirmed, never what.
    expect(await first.locator('.confirmations').textContent()).toContain('1 of 3 delegations');
    await checkBoards(boards, 'orders', 'confirm');

    await advance('Resolution');
    await pause();
    await poll(() => first.locator('#last-round-title').textContent()).toContain('round 1');
    expect(await first.locator('.last-round .story li').count()).toBeGreaterThan(0);
    await checkBoards(boards, 'resolution', 'story');

    await advance('Round debrief');
    await checkBoards(boards, 'debrief', 'story');

    await teacher.locator('#console-tab-session').click();
    await teacher.locator('#end-session').click();
    for (const b of boards) await poll(() => b.page.locator('#board-stage').textContent()).toContain('ended');
    await poll(() => first.locator('.score-tile').count()).toBe(4);
    await poll(() => first.locator('.end-screen .questions li').count()).toBeGreaterThan(0);
    await poll(() => first.locator('.exit-ticket li').count()).toBeGreaterThan(0);
    expect(await first.locator('#board-timer').isHidden()).toBe(true);
    await checkBoards(boards, 'ended', 'end');
  }, 600_000);
});
