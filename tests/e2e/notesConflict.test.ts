/**
 * Two teammates typing the team's notes at once, in real browsers: the one who saved second is shown the
 * conflict screen with both texts, and each choice works ("Keep mine" saves theirs over, "Use theirs" takes the
 * team's). Once, the last whole text won and the other's was silently gone.
 *
 * Which save lands first is made certain, not raced: Bo's page runs on Playwright's clock, paused while Bo types,
 * so Bo's save (sent 0.5 s after the last key) waits until Ana's is on the server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom } from './classroom.ts';

describe('team notes edited by two at once', () => {
  const room = classroom();

  async function hostPlaying(): Promise<{ teacher: Page; code: string }> {
    const res = await fetch(`${room.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { timersOn: false } }),
    });
    const { code, hostSecret } = (await res.json()) as { code: string; hostSecret: string };
    const teacher = await room.newPage();
    await teacher.goto(`${room.server.url}/#/host/${code}/${hostSecret}`);
    await teacher.locator('#start-session').waitFor();
    return { teacher, code };
  }

  async function joinAt(code: string, nickname: string, seat: string, clock = false): Promise<Page> {
    const page = await room.newPage(1000, 800);
    if (clock) await page.clock.install();
    await page.goto(`${room.server.url}/#/join/${code}`);
    await page.getByLabel('Nickname').fill(nickname);
    await page.getByRole('button', { name: 'Join the session' }).click();
    await page.locator(`#choose-${seat}`).click();
    await expect.poll(() => page.locator('#student-who').textContent()).toContain(nickname);
    return page;
  }

  /** Bo types while his page's clock stands still; Ana types and her save reaches the server first. */
  async function collide(teacher: Page, ana: Page, bo: Page, anaText: string, boText: string) {
    const now = await bo.evaluate(() => Date.now());
    await bo.clock.pauseAt(now + 1000);
    await bo.locator('#team-draft').fill(boText);
    await ana.locator('#team-draft').fill(anaText);
    await expect.poll(() => teacher.locator('.draft').allTextContents()).toContain(`Notes: ${anaText}`);
    await bo.clock.resume();
    await expect.poll(() => bo.locator('#draft-conflict').isVisible()).toBe(true);
    // Bo's text is still in his box, the team's beside it.
    expect(await bo.locator('#team-draft').inputValue()).toBe(boText);
    await expect.poll(() => bo.locator('#draft-theirs').inputValue()).toBe(anaText);
  }

  it('shows Use theirs / Keep mine to the one who saved second, and both choices work', async () => {
    const { teacher, code } = await hostPlaying();
    const ana = await joinAt(code, 'Ana', 'us');
    const bo = await joinAt(code, 'Bo', 'us', true);
    await teacher.locator('#start-session').click();
    await expect.poll(() => teacher.locator('#advance-phase').isVisible()).toBe(true);
    await teacher.locator('#advance-phase').click(); // briefing -> negotiation: the notes open
    await expect.poll(() => bo.locator('#team-draft').getAttribute('readonly')).toBeNull();
    await expect.poll(() => ana.locator('#team-draft').getAttribute('readonly')).toBeNull();

    // Keep mine: Bo's text becomes the team's, over Ana's, and the screen goes away.
    await collide(teacher, ana, bo, 'Ana: propose a moratorium', 'Bo: verify first');
    await bo.locator('#draft-keep-mine').click();
    await expect.poll(() => bo.locator('#draft-conflict').isVisible()).toBe(false);
    await expect.poll(() => teacher.locator('.draft').allTextContents()).toContain('Notes: Bo: verify first');
    await ana.locator('#team-draft').blur(); // Ana's box follows the team's notes once she is not typing
    await expect.poll(() => ana.locator('#team-draft').inputValue()).toBe('Bo: verify first');

    // Use theirs: Bo's box takes the team's notes, which stay Ana's.
    await collide(teacher, ana, bo, 'Ana: both, in that order', 'Bo: only verification');
    await bo.locator('#draft-use-theirs').click();
    await expect.poll(() => bo.locator('#draft-conflict').isVisible()).toBe(false);
    expect(await bo.locator('#team-draft').inputValue()).toBe('Ana: both, in that order');
    // A later edit of Bo's starts from the team's version: no conflict this time.
    await bo.locator('#team-draft').fill('Ana: both, in that order. Bo agrees.');
    await expect
      .poll(() => teacher.locator('.draft').allTextContents())
      .toContain('Notes: Ana: both, in that order. Bo agrees.');
    expect(await bo.locator('#draft-conflict').isVisible()).toBe(false);
  });
});
