/**
 * A server restart of two minutes, with a class open in real browsers: the server process is killed, stays down
 * for 120 s, and is started again on the same port and data folder. Every tab stays on its screen with a
 * reconnecting notice, then takes its seat back by itself (no join screen), and the console shows everyone
 * connected. Tabs once gave up after about 15 s, and a student was sent back to the join screen and marked gone.
 *
 * Why this test is long (about 2.5 minutes, bounded at 4): the downtime is the point. The tabs' schedule
 * (client/src/net/retry.ts) is the SDK's 15 tries over about 95 s, then 3 minutes more with waits of up to 15 s;
 * a shorter outage would end inside the SDK's tries and never test the second stage, which a deploy or a crash
 * with a slow restart reaches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, type RunningServer, startServer } from './browser.ts';

const DOWNTIME_MS = 120_000;

describe('a restart of two minutes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paros-restart-'));
  let browser: Browser | undefined;
  const servers: RunningServer[] = [];
  afterAll(async () => {
    await browser?.close();
    // The killed one has exited already (by signal: stop() waits for an exit only a live process can give).
    for (const s of servers) if (s.process.exitCode === null && s.process.signalCode === null) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (url: string, width = 1000) => {
    if (!browser) throw new Error('no browser');
    const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    return page;
  };

  it('keeps every tab on its screen while the server is down, then each takes its seat back by itself', {
    timeout: 240_000,
  }, async () => {
    browser = await launchChromium();
    const first = await startServer({ DATA_DIR: dataDir });
    servers.push(first);
    const port = new URL(first.url).port;
    const res = await fetch(`${first.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { timersOn: false } }),
    });
    const { code, hostSecret } = (await res.json()) as { code: string; hostSecret: string };
    const teacher = await open(`${first.url}/#/host/${code}/${hostSecret}`, 1366);
    const students: [Page, string, string][] = [];
    for (const [nick, seat, name] of [
      ['Ana', 'us', 'United States'],
      ['Wei', 'china', 'China'],
    ] as const) {
      const page = await open(`${first.url}/#/join/${code}`, 390);
      await page.getByLabel('Nickname').fill(nick);
      await page.getByRole('button', { name: 'Join the session' }).click();
      await page.locator(`#choose-${seat}`).click();
      await expect.poll(() => page.locator('#student-who').textContent()).toContain(`${nick} · ${name}`);
      students.push([page, nick, name]);
    }
    await teacher.locator('#start-session').click();
    for (const [page] of students)
      await expect.poll(() => page.locator('#student-stage').textContent()).toContain('Round 1');
    const rosterText = () => teacher.locator('table.roster tbody').textContent();
    await expect.poll(async () => ((await rosterText()) ?? '').match(/connected/g)?.length).toBe(2);

    // The server process dies (as in a crash: no goodbye to the tabs).
    const down = Date.now();
    first.process.kill('SIGKILL');
    await new Promise((resolve) => first.process.once('exit', resolve));
    for (const [page] of students)
      await expect.poll(() => page.locator('.link-state').textContent()).toContain('reconnecting');
    await expect.poll(() => teacher.locator('.link-state').textContent()).toBe('Reconnecting…');

    // Most of the outage later, every tab is still on its screen, still trying.
    await new Promise((resolve) => setTimeout(resolve, DOWNTIME_MS - 10_000 - (Date.now() - down)));
    for (const [page, nick, name] of students) {
      expect(await page.locator('#student-who').textContent()).toContain(`${nick} · ${name}`);
      expect(await page.locator('.link-state').textContent()).toContain('reconnecting');
      expect(await page.getByRole('button', { name: 'Join the session' }).count()).toBe(0);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, DOWNTIME_MS - (Date.now() - down))));

    // Back on the same port and data: each tab gets its seat back without anyone doing anything.
    const second = await startServer({ DATA_DIR: dataDir, PORT: port });
    servers.push(second);
    const recovery = { timeout: 45_000, interval: 250 };
    for (const [page, nick, name] of students) {
      await expect.poll(() => page.locator('.link-state').textContent(), recovery).toBe('');
      expect(await page.locator('#student-who').textContent()).toContain(`${nick} · ${name}`);
      expect(await page.getByRole('button', { name: 'Join the session' }).count()).toBe(0);
    }
    await expect.poll(() => teacher.locator('.link-state').textContent(), recovery).toBe('Connected');
    await expect.poll(async () => ((await rosterText()) ?? '').match(/connected/g)?.length, recovery).toBe(2);
    expect(await rosterText()).not.toMatch(/gone|away/);
    expect(await teacher.locator('table.roster tbody tr').count()).toBe(2);
  });
});
