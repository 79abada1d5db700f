/**
 * The pages a class meets before any session runs fit every screen: the join page (`#/`), the host page
 * (`#/host`, with a session this browser hosted listed) and the list of past sessions (`#/replay`, with this
 * browser's session and, through the instructor key, every session on the server). At two phones, a tablet, a
 * laptop and a projector-sized screen: nothing runs off sideways, axe finds nothing serious, and a screenshot of
 * each goes to test-results/screens/entry-<page>-<w>x<h>.png. One page, resized, for all of them.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  classroom,
  noSeriousViolations,
  SHOTS,
  SIZES,
  screenshotWhole,
  settle,
  sideways,
} from './classroom.ts';

const INSTRUCTOR_KEY = 'entry-layout-instructor-key';
const SCREENS = `${SHOTS}/screens`;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 150 });

/** The page as it is now, at every size: no sideways scroll, nothing serious for axe, a screenshot of each. */
async function checkEveryScreen(page: Page, name: string) {
  for (const [width, height] of SIZES) {
    const where = `${name} at ${width}×${height}`;
    await page.setViewportSize({ width, height });
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const m = await sideways(page);
    // Soft: one run names every size where something runs off.
    expect.soft(m.overflowing, `${where}: what runs past the right edge`).toEqual([]);
    expect.soft(m.scrollWidth, `${where}: the page runs off sideways`).toBeLessThanOrEqual(width);
    await screenshotWhole(page, `${SCREENS}/entry-${name}-${width}x${height}.png`);
    await noSeriousViolations(page, where);
  }
}

describe('the join, host and replay-list pages fit every screen', () => {
  const room = classroom({ INSTRUCTOR_KEY });

  it('at 360×740, 390×844, 768×1024, 1366×768 and 1920×1080', { timeout: 240_000 }, async () => {
    mkdirSync(SCREENS, { recursive: true });
    const page = await room.newPage(360, 740, { reducedMotion: true });

    // ---- The join page, as a student opens it.
    await page.goto(room.server.url);
    await page.locator('#join-code').waitFor();
    await checkEveryScreen(page, 'join');

    // ---- A teacher hosts a session from this browser (another is on the server, hosted elsewhere).
    await fetch(`${room.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    await page.goto(`${room.server.url}/#/host`);
    await poll(() => page.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await page.locator('#create-session').click();
    await page.locator('#console-code').waitFor();
    const code = ((await page.locator('#console-code').textContent()) ?? '').trim();

    // ---- The host page, with that session listed under this browser's sessions.
    await page.goto(`${room.server.url}/#/host`);
    await poll(() => page.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await poll(() => page.locator('main').textContent()).toContain(code);
    await checkEveryScreen(page, 'host');

    // ---- The list of past sessions: this browser's, and every one through the instructor key.
    await page.goto(`${room.server.url}/#/replay`);
    await poll(() => page.locator('#replay-mine tr[data-session]').count()).toBe(1);
    await page.locator('#replay-instructor-key').fill(INSTRUCTOR_KEY);
    await page.locator('#replay-instructor-list').click();
    await poll(() => page.locator('#replay-all tr[data-session]').count()).toBe(2);
    await checkEveryScreen(page, 'replays');
  });
});
