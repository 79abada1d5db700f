import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom, SHOTS } from './classroom.ts';

describe('a class joins in real browsers', () => {
  const room = classroom();

  it('teacher creates a session, three students take the three delegations, the board shows them', async () => {
    // The teacher hosts from the console with the default settings.
    const teacher = await room.newPage();
    await teacher.goto(room.server.url);
    await teacher.getByRole('link', { name: 'Host a session' }).click();
    await expect.poll(() => teacher.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await teacher.getByRole('button', { name: 'Create session' }).click();
    const codeText = teacher.locator('#console-code');
    await codeText.waitFor();
    const code = (await codeText.textContent())?.trim() ?? '';
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    // The private link is offered once, and the secret leaves the address bar.
    await expect.poll(() => teacher.locator('#private-url').inputValue()).toContain(`#/host/${code}/`);
    expect(new URL(teacher.url()).hash).toBe(`#/host/${code}`);

    // The projector board shows the code large and a QR code.
    const board = await room.newPage(1280, 720);
    await board.goto(`${room.server.url}/#/board/${code}`);
    await expect.poll(() => board.locator('#board-code').textContent()).toBe(code);
    // The QR code waits for the server to say which address students can reach (never the teacher's localhost).
    await expect.poll(() => board.locator('.qr svg').count()).toBe(1);

    // Three students, three browsers, three delegations; one types the code in lower case with a dash.
    const students = [
      { nick: 'Ana', seat: 'us', typed: code.toLowerCase().replace(/^(...)/, '$1-') },
      { nick: 'Wei', seat: 'china', typed: code },
      { nick: 'Sasha', seat: 'russia', typed: code },
    ] as const;
    const pages: Page[] = [];
    for (const s of students) {
      const page = await room.newPage(390, 844); // a phone
      await page.goto(room.server.url);
      await page.getByLabel('Join code').fill(s.typed);
      await page.getByLabel('Nickname').fill(`  ${s.nick} `);
      await page.getByRole('button', { name: 'Join the session' }).click();
      await page.locator(`#choose-${s.seat}`).click();
      await expect.poll(() => page.locator('#student-who').textContent()).toContain(s.nick);
      pages.push(page);
    }

    // The board lists every student under the delegation they chose, and its canvas has started.
    for (const s of students) {
      const seat = board.locator(`.seating .seat-${s.seat}`);
      await expect.poll(() => seat.textContent()).toContain(s.nick);
    }
    await board.locator('.table-canvas[data-ready="true"]').waitFor({ timeout: 30_000 });

    // A fourth student with a taken nickname gets a plain refusal.
    const late = await room.newPage(390, 844);
    await late.goto(`${room.server.url}/#/join/${code}`);
    await late.getByLabel('Nickname').fill('ana');
    await late.getByRole('button', { name: 'Join the session' }).click();
    await expect.poll(() => late.locator('#join-status').textContent()).toContain('already called');

    // The console shows the roster; the teacher starts round 1 and every student sees it.
    await expect.poll(() => teacher.locator('table.roster tbody tr').count()).toBe(3);
    await teacher.locator('#start-session').click();
    for (const page of pages)
      await expect.poll(() => page.locator('#student-stage').textContent()).toContain('Round 1 of');
    await expect.poll(() => board.locator('#board-stage').textContent()).toContain('Briefing');

    await board.locator('.table-canvas[data-ready="true"]').waitFor();
    await board.waitForTimeout(300); // let the canvas draw its last frame before the picture
    await teacher.screenshot({ path: `${SHOTS}/teacher-console.png`, fullPage: true });
    await board.screenshot({ path: `${SHOTS}/projector-board.png` });
    for (const [i, page] of pages.entries()) {
      await page.screenshot({ path: `${SHOTS}/student-${students[i]?.seat}.png`, fullPage: true });
    }
    await late.screenshot({ path: `${SHOTS}/student-refused.png` });

    // A student who reloads the page (or whose tab was discarded) is back in the same seat without typing.
    const wei = pages[1] as Page;
    await wei.reload();
    await expect.poll(() => wei.locator('#student-who').textContent()).toContain('Wei · China');
    await expect.poll(() => teacher.locator('table.roster tbody tr').count()).toBe(3);

    // No serious or critical accessibility violations on any screen.
    for (const [name, page] of [
      ['console', teacher],
      ['board', board],
      ['student', wei],
      ['join', late],
    ] as const) {
      const result = await new AxeBuilder({ page }).analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    }
  });
});
