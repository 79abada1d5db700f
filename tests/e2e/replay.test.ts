/**
 * A class plays a round in real browsers, then the teacher opens its replay: listed through the sessions this
 * browser hosted, checked against the fingerprints recorded in play, stepped, scrubbed and jumped through,
 * seen through the teacher's and each delegation's eyes, bookmarked, exported, forked into a what-if session,
 * read as a debrief and as a printable report. An instructor with the key lists it from a fresh browser; a
 * student's browser cannot open it.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom, SHOTS } from './classroom.ts';

const INSTRUCTOR_KEY = 'replay-test-instructor-key';
/** Polls with room to spare: the machine has two cores and may be busy with other work. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 150 });

/** What each delegation says: words found nowhere else, so the page text shows whose desk is visible. */
const SAID = {
  us: 'Lighthouse pledge: no interceptor will ever fly from Vandenberg',
  china: 'Jade rabbit doctrine: no weapon shall rest above the clouds',
  russia: 'Samovar protocol: treaties come before every test',
} as const;
const NOTE_IN_PLAY = 'Heads confirm the first orders';
const NOTE_IN_REPLAY = 'Looking back at the first resolution';

describe('the replay and debrief of a played session', () => {
  const room = classroom({ INSTRUCTOR_KEY });

  // Several pages draw their scenes in software on two cores: a few frames a second is plenty here.
  const newPage = (width?: number, height?: number) =>
    room.newPage(width, height, {
      reducedMotion: true,
      initScript: () => {
        window.requestAnimationFrame = (cb) => window.setTimeout(() => cb(performance.now()), 200);
        window.cancelAnimationFrame = (id) => window.clearTimeout(id);
      },
    });

  const bodyText = async (page: Page) => (await page.locator('body').textContent()) ?? '';

  /** No serious or critical accessibility violation on the page as it is now. */
  async function accessible(page: Page, name: string) {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  /** Adds an order through the team's order form. */
  async function addOrder(page: Page, kind: string, fields: Record<string, string> = {}) {
    const before = await page.locator('#orders-list li:not(.empty)').count();
    await page.locator('#order-kind').selectOption(kind);
    for (const [name, value] of Object.entries(fields)) {
      const field = page.locator(`#order-field-${name}`);
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await page.locator('#add-order').click();
    await poll(() => page.locator('#orders-list li:not(.empty)').count()).toBe(before + 1);
  }

  /** Clicks a control that makes the browser download a file, and returns the file's text. */
  async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.locator(selector).click(),
    ]);
    const path = await file.path();
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  const entryOf = (position: string | null) => Number(/^Entry (\d+) of/.exec(position ?? '')?.[1] ?? -1);

  it('lists, verifies, plays back, hides secrets, bookmarks, exports, forks and debriefs a session', async () => {
    // ---- A class plays one round.
    const teacher = await newPage();
    await teacher.goto(`${room.server.url}/#/host`);
    await poll(() => teacher.locator('#setup-scenario option').count()).toBeGreaterThan(1);
    await teacher.locator('#setup-timers').uncheck();
    await teacher.getByRole('button', { name: 'Create session' }).click();
    await poll(async () => ((await teacher.locator('#console-code').textContent()) ?? '').trim()).toMatch(
      /^[A-Z0-9]{4,}$/,
    );
    const code = ((await teacher.locator('#console-code').textContent()) ?? '').trim();

    const team: Record<string, Page> = {};
    for (const [nick, seat] of [
      ['Ana', 'us'],
      ['Wei', 'china'],
      ['Sasha', 'russia'],
    ] as const) {
      const page = await newPage();
      await page.goto(`${room.server.url}/#/join/${code}`);
      await page.getByLabel('Nickname').fill(nick);
      await page.getByRole('button', { name: 'Join the session' }).click();
      await page.locator(`#choose-${seat}`).click();
      await poll(() => page.locator('#student-who').textContent()).toContain(nick);
      team[seat] = page;
    }
    const us = team.us as Page;
    const china = team.china as Page;
    const russia = team.russia as Page;

    await teacher.locator('#start-session').click();
    await poll(() => us.locator('#student-stage').textContent()).toContain('Briefing');
    await teacher.locator('#advance-phase').click(); // negotiation
    await poll(() => us.locator('#student-stage').textContent()).toContain('Negotiation');

    await addOrder(us, 'statement', { stance: 'restraint', text: SAID.us });
    await addOrder(us, 'launchSatellites', { regime: 'leo', count: '2' });
    await addOrder(china, 'statement', { stance: 'noFirstPlacement', text: SAID.china });
    await addOrder(russia, 'statement', { stance: 'deterrence', text: SAID.russia });
    await poll(() => teacher.locator('.desk.seat-china').textContent()).toContain(SAID.china);

    await teacher.locator('#advance-phase').click(); // orders
    for (const page of [us, china, russia]) {
      await page.locator('#submit-orders').click();
      await poll(() => page.locator('#submit-orders').textContent()).toBe('Orders confirmed');
    }
    // The teacher bookmarks the moment before the resolution, from the console.
    await teacher.locator('#console-tab-session').click();
    await teacher.locator('#bookmark-note').fill(NOTE_IN_PLAY);
    await teacher.locator('#add-bookmark').click();
    await poll(() => teacher.locator('#bookmark-note').inputValue()).toBe('');

    await teacher.locator('#advance-phase').click(); // resolution
    await poll(() => us.locator('#student-stage').textContent()).toContain('Resolution');

    // ---- 1. The teacher opens the replays from the console, in a new tab of the same browser.
    const [list] = await Promise.all([
      teacher.context().waitForEvent('page'),
      teacher.locator('#open-replays').click(),
    ]);
    list.on('pageerror', (e) => console.error('page error:', e.message));
    const mine = list.locator('#replay-mine tr[data-session]');
    await poll(() => mine.count()).toBe(1);
    const id = (await mine.first().getAttribute('data-session')) ?? '';
    expect(id).toMatch(new RegExp(`^s-${code}-`));
    await poll(() => mine.first().textContent()).toContain(code);
    await list.screenshot({ path: `${SHOTS}/replay-list.png`, fullPage: true });
    await accessible(list, 'replay list');

    await list.locator(`#replay-mine-open-${id}`).click();
    const position = list.locator('#replay-position');
    // A replay opens where play begins, at round 1's briefing, not on the empty lobby of entry 0.
    await poll(() => position.textContent()).toMatch(/^Entry \d+ of \d+ · .*Round 1 of .*Briefing$/);
    const last = Number(/^Entry \d+ of (\d+)/.exec((await position.textContent()) ?? '')?.[1]);
    expect(last).toBeGreaterThan(10);
    expect(entryOf(await position.textContent())).toBeGreaterThan(0);
    await list.locator('#replay-first').click();
    await poll(() => position.textContent()).toMatch(/^Entry 0 of/);
    await poll(() => list.locator('#replay-integrity').textContent()).toContain(
      'the resolved round folds to the state recorded during play',
    );
    expect(await list.locator('#replay-integrity').getAttribute('data-kind')).toBe('info');

    // Stepping, scrubbing, playing.
    await list.locator('#replay-forward').click();
    await poll(() => position.textContent()).toMatch(/^Entry 1 of/);
    await list.locator('#replay-forward').click();
    await poll(() => position.textContent()).toMatch(/^Entry 2 of/);
    await list.locator('#replay-back').click();
    await poll(() => position.textContent()).toMatch(/^Entry 1 of/);
    await list.locator('#replay-last').click();
    await poll(() => position.textContent()).toMatch(new RegExp(`^Entry ${last} of ${last}`));
    await list.locator('#replay-first').click();
    await poll(() => position.textContent()).toMatch(/^Entry 0 of/);
    await list.locator('#replay-scrubber').fill(String(5));
    await poll(() => position.textContent()).toMatch(/^Entry 5 of/);
    await list.locator('#replay-scrubber').press('ArrowRight');
    await poll(() => position.textContent()).toMatch(/^Entry 6 of/);
    await list.locator('#replay-scrubber').press('Home');
    await poll(() => position.textContent()).toMatch(/^Entry 0 of/);
    await list.locator('#replay-play').click();
    await poll(() => list.locator('#replay-play').getAttribute('aria-pressed')).toBe('true');
    await poll(async () => entryOf(await position.textContent())).toBeGreaterThan(0);
    await list.locator('#replay-play').click();
    await poll(() => list.locator('#replay-play').getAttribute('aria-pressed')).toBe('false');

    // Round 1's resolution, from the jumps in the Moments panel (beside the scene on a laptop, behind its tab).
    await list.locator('#replay-tab-moments').click();
    await list.locator('#replay-jump-r1-resolution').click();
    await poll(() => position.textContent()).toContain('Resolution');
    const resolution = entryOf(await position.textContent());
    expect(await list.locator('#replay-jump-r1-resolution').getAttribute('aria-current')).toBe('step');
    await poll(() => list.locator('#replay-what').textContent()).toContain('round 1 was resolved');
    await poll(() => list.locator('#replay-desks').textContent()).toContain('orders confirmed');

    // Just before the resolution, every desk is full. The teacher sees all of them.
    await list.locator('#replay-scrubber').fill(String(resolution - 1));
    await poll(() => position.textContent()).toMatch(new RegExp(`^Entry ${resolution - 1} of .*Orders`));
    const desks = list.locator('#replay-desks');
    for (const text of Object.values(SAID)) await poll(() => desks.textContent()).toContain(text);
    await poll(() => desks.textContent()).toContain('Launch 2');
    await list.locator('#replay-viewer').screenshot({ path: `${SHOTS}/replay-viewer.png` });

    // Through the United States' eyes: its own desk, and nothing of China's.
    await list.locator('#replay-eyes-us').check();
    await poll(() => list.locator('#replay-status').textContent()).toContain('eyes of the United States');
    await poll(() => desks.locator('article').count()).toBe(1);
    await poll(() => desks.textContent()).toContain(SAID.us);
    expect(await bodyText(list)).not.toContain(SAID.china);
    expect(await bodyText(list)).not.toContain(SAID.russia);
    // Through China's eyes: its statement is there, the United States' is not.
    await list.locator('#replay-eyes-china').check();
    await poll(() => desks.textContent()).toContain(SAID.china);
    expect(await bodyText(list)).not.toContain(SAID.us);
    // The class sees no desk before the resolution.
    await list.locator('#replay-eyes-public').check();
    await poll(() => desks.textContent()).toContain('The desks are secret');
    expect(await bodyText(list)).not.toContain(SAID.china);
    await list.locator('#replay-eyes-teacher').check();
    await poll(() => desks.locator('article').count()).toBe(3);

    // The bookmark made in play, and a new one made here.
    const bookmarks = list.locator('#replay-bookmarks');
    await poll(() => bookmarks.textContent()).toContain(NOTE_IN_PLAY);
    expect(await bookmarks.textContent()).toContain('(during play)');
    await list.locator('#replay-jump-r1-resolution').click();
    await list.locator('#replay-bookmark-note').fill(NOTE_IN_REPLAY);
    await list.locator('#replay-bookmark-add').click();
    await poll(() => bookmarks.textContent()).toContain(NOTE_IN_REPLAY);
    await poll(() => list.locator('#replay-status').textContent()).toContain(
      `Bookmarked entry ${resolution}`,
    );
    expect(await bookmarks.locator('li').count()).toBe(2);
    await accessible(list, 'replay viewer');

    // ---- 3. Exports, made in the browser.
    const jsonl = await downloaded(list, '#replay-export-jsonl');
    expect(jsonl.name).toMatch(new RegExp(`^paros-${code}-\\d{4}-\\d{2}-\\d{2}\\.jsonl$`));
    const lines = jsonl.text.trimEnd().split('\n');
    const header = JSON.parse(lines[0] as string) as { code: string; sessionId: string };
    expect(header.code).toBe(code);
    expect(header.sessionId).toBe(id);
    expect(lines.length).toBe(last + 1);
    for (const line of lines.slice(1)) expect(JSON.parse(line)).toHaveProperty('seq');

    const csv = await downloaded(list, '#replay-export-csv');
    expect(csv.name).toMatch(/-orders\.csv$/);
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('round,delegation,order,cost,confirmed');
    expect(rows.length).toBe(1 + 4); // four orders: two from the United States, one from each other desk
    for (const text of Object.values(SAID)) expect(rows.some((r) => r.includes(text))).toBe(true);
    expect(rows.slice(1).every((r) => r.startsWith('1,') && r.endsWith(',yes'))).toBe(true);

    // ---- 2. The debrief, its charts and their tables.
    await list.locator('#replay-tab-debrief').click();
    await poll(() => list.locator('#replay-tab-debrief').getAttribute('aria-pressed')).toBe('true');
    expect(await list.locator('#replay-viewer').isHidden()).toBe(true);
    for (const chart of ['indicators', 'threat', 'momentum', 'scores']) {
      const prefix = `#debrief-chart-${chart}`;
      await poll(() => list.locator(`${prefix}-svg`).isVisible()).toBe(true);
      expect(await list.locator(`${prefix}-svg`).getAttribute('role')).toBe('img');
      expect(((await list.locator(`${prefix}-desc`).textContent()) ?? '').length).toBeGreaterThan(10);
      const table = list.locator(`${prefix}-table`);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      await list.locator(`${prefix} details summary`).click();
      await poll(() => table.isVisible()).toBe(true);
    }
    // No incident happened in orbit: the analysts' section says there was nothing to attribute.
    expect(await list.locator('#debrief-attribution-title').textContent()).toBe(
      'Assessments against the truth',
    );
    await list.screenshot({ path: `${SHOTS}/replay-debrief.png`, fullPage: true });
    await accessible(list, 'debrief');

    // The printable report.
    await list.locator('#replay-report').click();
    await poll(() => list.locator('#report-print').isVisible()).toBe(true);
    await poll(() => list.locator('main.report').textContent()).toContain(`Session ${code}`);
    expect(await list.locator('#report-chart-indicators-svg').count()).toBe(1);
    expect(await list.locator('#report-chart-indicators-table').count()).toBe(1);
    expect(await list.locator('#report-attribution-title').textContent()).toBe(
      'Assessments against the truth',
    );
    await list.screenshot({ path: `${SHOTS}/replay-report.png`, fullPage: true });
    await accessible(list, 'report');
    await list.locator('#report-back').click();
    await poll(() => position.textContent()).toMatch(new RegExp(`^Entry ${resolution} of`));

    // ---- 4. What if: a new session from the start of round 1.
    await list.locator('#replay-tab-moments').click();
    await list.locator('#replay-jump-r1-briefing').click();
    await poll(() => position.textContent()).toContain('Briefing');
    await list.locator('#replay-fork').click();
    const forkCode = list.locator('#replay-fork-code');
    await poll(() => forkCode.count()).toBe(1);
    const forked = ((await forkCode.textContent()) ?? '').trim();
    expect(forked).toMatch(/^[A-Z0-9]{4,}$/);
    expect(forked).not.toBe(code);
    const found = await fetch(`${room.server.url}/api/sessions/${forked}`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as { stage: string }).stage).toBe('playing');

    // ---- 5. An instructor, in a fresh browser that hosted nothing, lists every session with the key.
    const instructor = await newPage();
    await instructor.goto(`${room.server.url}/#/replay`);
    await poll(() => instructor.locator('#replay-mine-empty').textContent()).toContain('hosted no session');
    await instructor.locator('#replay-instructor-key').fill(INSTRUCTOR_KEY);
    await instructor.locator('#replay-instructor-list').click();
    const row = instructor.locator(`#replay-all tr[data-session="${id}"]`);
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(code);
    await poll(() => instructor.locator('#replay-all tr[data-session]').count()).toBe(2); // with the fork
    expect(await instructor.locator('#replay-all').textContent()).toContain(`what-if from ${id}`);
    await instructor.locator(`#replay-all-open-${id}`).click();
    await poll(() => instructor.locator('#replay-position').textContent()).toMatch(/Round 1 of .*Briefing$/);
    await poll(() => instructor.locator('#replay-bookmarks').textContent()).toContain(NOTE_IN_REPLAY);

    // ---- 6. A student's browser holds no key: the page says so, and the server refuses its credentials.
    await us.goto(`${room.server.url}/#/replay/${id}`);
    await poll(() => us.locator('#replay-open-error').textContent()).toContain('holds no key');
    expect(await bodyText(us)).not.toContain(SAID.china);
    await us.goto(`${room.server.url}/#/replay/${id}/report`);
    await poll(() => us.getByRole('alert').textContent()).toContain('holds no key');
    expect(await us.locator('#report-print').count()).toBe(0);
    const statuses = await us.evaluate(async (sessionId) => {
      const stored = JSON.parse(sessionStorage.getItem('paros.link') ?? '{}') as Record<string, unknown>;
      const keys = [
        '',
        stored.token,
        (stored.options as Record<string, unknown> | undefined)?.memberKey,
      ].filter((k): k is string => typeof k === 'string');
      const out: number[] = [];
      for (const key of keys) {
        const res = await fetch(`/api/replays/${encodeURIComponent(sessionId)}`, {
          headers: key ? { 'x-paros-key': key } : {},
        });
        out.push(res.status);
      }
      return out;
    }, id);
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((s) => s === 403)).toBe(true);
  });
});
