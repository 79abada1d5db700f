import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom, SHOTS } from './classroom.ts';

describe('three delegations play a round in real browsers', () => {
  const room = classroom();

  /** Adds an order through the team's order form, by keyboard-reachable controls only. */
  async function addOrder(page: Page, kind: string, fields: Record<string, string> = {}) {
    await page.locator('#order-kind').selectOption(kind);
    for (const [name, value] of Object.entries(fields)) {
      const field = page.locator(`#order-field-${name}`);
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    const before = await page.locator('#orders-list li').count();
    await page.locator('#add-order').click();
    await expect.poll(() => page.locator('#orders-status').textContent()).toMatch(/Added|cost|budget|Order/);
    return before;
  }

  it('drafts orders, the heads confirm, the teacher resolves, and everyone reads what happened and why', async () => {
    const teacher = await room.newPage();
    await teacher.goto(`${room.server.url}/#/host`);
    await expect.poll(() => teacher.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await teacher.locator('#setup-timers').uncheck();
    await teacher.getByRole('button', { name: 'Create session' }).click();
    const code = ((await teacher.locator('#console-code').textContent()) ?? '').trim();

    const board = await room.newPage(1280, 720);
    await board.goto(`${room.server.url}/#/board/${code}`);

    const team: Record<string, Page> = {};
    for (const [nick, seat] of [
      ['Ana', 'us'],
      ['Wei', 'china'],
      ['Sasha', 'russia'],
    ] as const) {
      const page = await room.newPage(1366, 768);
      await page.goto(`${room.server.url}/#/join/${code}`);
      await page.getByLabel('Nickname').fill(nick);
      await page.getByRole('button', { name: 'Join the session' }).click();
      await page.locator(`#choose-${seat}`).click();
      await expect.poll(() => page.locator('#student-who').textContent()).toContain(nick);
      team[seat] = page;
    }
    const us = team.us as Page;
    const china = team.china as Page;
    const russia = team.russia as Page;

    await teacher.locator('#start-session').click();
    await expect.poll(() => us.locator('#student-stage').textContent()).toContain('Briefing');
    await teacher.locator('#advance-phase').click(); // negotiation
    await expect.poll(() => us.locator('#student-stage').textContent()).toContain('Negotiation');

    // Each delegation drafts: the US launches satellites and speaks; China and Russia hold a summit.
    await addOrder(us, 'launchSatellites', { regime: 'leo', count: '2' });
    await addOrder(us, 'statement', { stance: 'restraint', text: 'We seek no arms race in orbit.' });
    await addOrder(china, 'summit', { with: 'russia' });
    await addOrder(russia, 'summit', { with: 'china' });
    await addOrder(russia, 'buildCounterspace', { weapon: 'coOrbital' });
    await expect.poll(() => us.locator('#orders-list li').count()).toBe(2);

    // An order over budget is refused in words, and the list does not change.
    for (let i = 0; i < 3; i++) await addOrder(us, 'buildMissileWarning');
    await expect.poll(() => us.locator('#orders-status').textContent()).toMatch(/cost|budget|repeats/);

    // The teacher sees every delegation's orders; China's page shows none of Russia's.
    await expect
      .poll(() => teacher.locator('.desk.seat-russia').textContent())
      .toContain('Build a co-orbital inspector');
    expect(await china.locator('body').textContent()).not.toContain('co-orbital inspector ("nesting doll")');

    await teacher.locator('#advance-phase').click(); // orders
    for (const page of [us, china, russia]) {
      await page.locator('#submit-orders').click();
      await expect.poll(() => page.locator('#submit-orders').textContent()).toBe('Orders confirmed');
    }
    await expect.poll(() => board.locator('.seating .seat-us').textContent()).toContain('orders in');

    await teacher.locator('#advance-phase').click(); // resolution
    await expect.poll(() => board.locator('#last-round-title').textContent()).toContain('round 1');
    const story = board.locator('.last-round .story');
    await expect.poll(() => story.textContent()).toContain('China and Russia held a summit');
    await expect.poll(() => us.locator('.last-round').textContent()).toContain('launched');
    // The covert build is not in the public story unless someone detected it; Russia's own page knows.
    await expect.poll(() => russia.locator('.last-round').textContent()).toContain('co-orbital inspector');

    await board.screenshot({ path: `${SHOTS}/board-after-round-1.png`, fullPage: true });
    await us.screenshot({ path: `${SHOTS}/student-us-round-1.png`, fullPage: true });
    await teacher.screenshot({ path: `${SHOTS}/teacher-round-1.png`, fullPage: true });
  });
});
