/**
 * The seat key a browser keeps (localStorage, per session code and nickname), in a real browser: a student who
 * closes the tab and opens the address again gets the seat back; one who chose "Leave this session for good"
 * does not (on a shared computer, the next student with that nickname must not take their place).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom } from './classroom.ts';

describe('a seat key outlives the tab, until the student leaves for good', () => {
  const room = classroom();

  async function join(context: BrowserContext, code: string, nickname: string): Promise<Page> {
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept()); // the leave-for-good confirmation
    await page.goto(`${room.server.url}/#/join/${code}`);
    await page.getByLabel('Nickname').fill(nickname);
    await page.getByRole('button', { name: 'Join the session' }).click();
    return page;
  }

  it('a reopened tab takes the seat back; after leaving for good it does not', async () => {
    const res = await fetch(`${room.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { code, hostSecret } = (await res.json()) as { code: string; hostSecret: string };
    const teacher = await room.newPage();
    await teacher.goto(`${room.server.url}/#/host/${code}/${hostSecret}`);
    const context = (await room.newPage(390, 844)).context();

    const first = await join(context, code, 'Ana');
    await first.locator('#choose-china').click();
    await expect.poll(() => first.locator('#student-who').textContent()).toContain('Ana · China');

    // Closed and opened again, same browser: the same seat, without choosing it, and no second Ana.
    await first.close();
    await expect.poll(() => teacher.locator('table.roster tbody tr').textContent()).toContain('away');
    const reopened = await join(context, code, 'Ana');
    await expect.poll(() => reopened.locator('#student-who').textContent()).toContain('Ana · China');
    await expect.poll(() => teacher.locator('table.roster tbody tr').textContent()).toContain('connected');
    expect(await teacher.locator('table.roster tbody tr').count()).toBe(1);

    // Leave for good: the key is forgotten; the address opened again joins as a new student with no seat.
    const seatKeys = (page: Page) =>
      page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('paros.seat.')));
    expect(await seatKeys(reopened)).toHaveLength(1);
    await reopened.locator('#leave-for-good').click();
    await expect.poll(() => teacher.locator('table.roster tbody tr').textContent()).toContain('gone');
    expect(await seatKeys(reopened)).toEqual([]);
    await reopened.close();
    const again = await join(context, code, 'Ana');
    await expect.poll(() => again.locator('#choose-china').isVisible()).toBe(true);
    expect(await again.locator('#student-who').textContent()).not.toContain('China');
  });
});
