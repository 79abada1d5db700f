/**
 * A class with one human team against two bots, in real browsers: two students at the United States, the server
 * at China and Russia. The bots speak on the CD floor, accept a channel and answer there, confirm their orders,
 * and the round resolves on the students' desk. Then the teacher's solo preview, from the host page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom, SHOTS } from './classroom.ts';

describe('one human team against two bots, in real browsers', () => {
  const room = classroom();

  async function student(code: string, nickname: string): Promise<Page> {
    const page = await room.newPage(1366, 768);
    await page.goto(`${room.server.url}/#/join/${code}`);
    await page.getByLabel('Nickname').fill(nickname);
    await page.getByRole('button', { name: 'Join the session' }).click();
    await page.locator('#choose-us').click();
    await expect.poll(() => page.locator('#student-who').textContent()).toContain(nickname);
    return page;
  }

  it('plays a round: the bots talk, confirm their orders, and the resolution reaches the human desk', async () => {
    const teacher = await room.newPage();
    await teacher.goto(`${room.server.url}/#/host`);
    await expect.poll(() => teacher.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await teacher.locator('#setup-timers').uncheck();
    await teacher.getByRole('button', { name: 'Create session' }).click();
    const code = ((await teacher.locator('#console-code').textContent()) ?? '').trim();
    const ana = await student(code, 'Ana');
    const bo = await student(code, 'Bo');

    for (const d of ['china', 'russia']) {
      await teacher.locator(`#seat-bot-${d}`).click();
      await expect
        .poll(() => teacher.locator(`#played-by-${d}`).textContent())
        .toContain('Played by the server');
    }
    await teacher.locator('#start-session').click();
    await expect.poll(() => ana.locator('#student-stage').textContent()).toContain('Briefing');
    await teacher.locator('#advance-phase').click(); // negotiation

    // Both bots speak on the floor; China accepts Bo's channel and answers there once.
    await bo.locator('#chat-tab-floor').click();
    await expect.poll(() => bo.locator('.chat').textContent()).toMatch(/Server \(standard\)/);
    await bo.locator('#chat-tab-china').click();
    await bo.locator('#channel-request').click();
    await expect.poll(() => bo.locator('#chat-tab-china').textContent()).toContain('(open)');
    await bo.locator('#chat-input').fill('Will China talk about verification?');
    await bo.locator('#chat-send').click();
    await expect
      .poll(() => bo.locator('.chat').textContent())
      .toMatch(/Server \(standard\) \(China\): [^?]*United States/);

    await teacher.locator('#advance-phase').click(); // orders
    await expect.poll(() => ana.locator('#student-stage').textContent()).toContain('Orders');
    await ana.locator('#order-kind').selectOption('launchSatellites');
    await ana.locator('#add-order').click();
    await expect.poll(() => ana.locator('#orders-list li').count()).toBe(1);
    await ana.locator('#submit-orders').click();
    await expect.poll(() => ana.locator('#submit-orders').textContent()).toBe('Orders confirmed');
    // The bots confirmed theirs as soon as the phase opened.
    await expect
      .poll(() => teacher.locator('#console-tab-desks').textContent())
      .toContain('3 of 3 confirmed');

    await teacher.locator('#advance-phase').click(); // resolution
    await expect.poll(() => ana.locator('#student-stage').textContent()).toContain('Resolution');
    await expect.poll(() => ana.locator('.last-round').textContent()).toContain('launched');
    await expect.poll(() => bo.locator('.last-round').textContent()).toMatch(/China|Russia/);
    await ana.screenshot({ path: `${SHOTS}/bots-us-round-1.png`, fullPage: true });
  });

  it('lets a teacher preview a scenario alone: one desk against two bots, a guide and Next', async () => {
    const page = await room.newPage(1366, 768);
    await page.goto(`${room.server.url}/#/host`);
    await expect.poll(() => page.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await page.locator('#preview-seat').selectOption('china');
    await page.locator('#preview-alone').click();
    await expect.poll(() => page.locator('#preview-guide').textContent()).toContain('Briefing');
    await expect.poll(() => page.locator('#student-who').textContent()).toContain('China');
    await page.locator('#preview-next').click();
    await expect.poll(() => page.locator('#preview-guide').textContent()).toContain('Negotiation');
    await page.locator('#chat-tab-floor').click();
    await expect.poll(() => page.locator('.chat').textContent()).toContain('Server (standard)');
    await page.locator('#preview-next').click();
    await expect.poll(() => page.locator('#preview-guide').textContent()).toContain('Orders');
    await page.locator('#submit-orders').click();
    await expect.poll(() => page.locator('#submit-orders').textContent()).toBe('Orders confirmed');
    await expect.poll(() => page.locator('#preview-next').textContent()).toBe('Next: resolve round 1');
    await page.locator('#preview-next').click();
    await expect.poll(() => page.locator('#preview-guide').textContent()).toContain('Resolution');
    await page.screenshot({ path: `${SHOTS}/preview-alone.png`, fullPage: true });
  });
});
