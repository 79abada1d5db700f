import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPack } from '../../server/content.ts';
import { DELEGATION_NAMES, DELEGATIONS } from '../../shared/model/seats.ts';
import { classroom, SHOTS } from './classroom.ts';

const { pack } = readPack('content');
const roleTitles = pack?.roles.roles.map((r) => r.title) ?? [];

/** Each page of the pack, with the headings a reader must find on it. */
const PAGES: { name: string; hash: string; h1: RegExp; h2: (string | RegExp)[] }[] = [
  {
    name: 'guide',
    hash: '#/pack',
    h1: /teacher’s guide/,
    h2: [
      'Learning objectives',
      'Where it fits in a curriculum',
      'Lesson plans',
      /^The practice round/,
      'Roles and team sizes',
    ],
  },
  ...DELEGATIONS.map((d) => ({
    name: d,
    hash: `#/pack/${d}`,
    h1: new RegExp(`${DELEGATION_NAMES[d]} delegation pack`),
    h2: [
      pack?.primer.title ?? '',
      'Glossary',
      pack?.delegations[d].title ?? '',
      ...roleTitles.map((t) => `${DELEGATION_NAMES[d]} · ${t}`),
      `Decision memo: ${DELEGATION_NAMES[d]}`,
    ],
  })),
  {
    name: 'rubric',
    hash: '#/pack/rubric',
    h1: /assessment/,
    h2: ['Rubric', 'Essay prompts', 'Exit ticket', 'Decision memo'],
  },
];

describe('the teacher’s pack in a real browser', () => {
  const room = classroom();

  async function noSeriousViolations(name: string, page: Page) {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  it('a teacher finds the pack from the host page', async () => {
    const page = await room.newPage(1366, 768);
    await page.goto(`${room.server.url}/#/host`);
    await page.locator('#open-pack').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/teacher’s guide/);
    await page.context().close();
  });

  it('serves the pack at /api/pack', async () => {
    const res = await fetch(`${room.server.url}/api/pack`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as typeof pack;
    expect(Object.keys(body?.delegations ?? {}).sort()).toEqual([...DELEGATIONS].sort());
  });

  it.each(PAGES)(
    'opens the $name page with its headings, accessible, printable, on a laptop and a phone',
    async (pg) => {
      expect(pack).toBeDefined();
      const page = await room.newPage(1366, 768);
      await page.goto(`${room.server.url}/${pg.hash}`);
      await page.locator('main.pack h1').waitFor({ timeout: 20_000 });
      expect(await page.locator('h1').textContent()).toMatch(pg.h1);
      const h2 = (await page.locator('main.pack h2').allTextContents()).map((t) => t.trim());
      for (const want of pg.h2)
        expect(h2).toContainEqual(typeof want === 'string' ? want : expect.stringMatching(want));
      // The toolbar names the current page, and every page of the pack is one click away.
      expect(await page.locator('.pack-nav a').count()).toBe(PAGES.length);
      expect(await page.locator('.pack-nav a[aria-current="page"]').getAttribute('href')).toBe(pg.hash);
      await noSeriousViolations(pg.name, page);
      await page.screenshot({ path: `${SHOTS}/pack-${pg.name}-1366.png` });

      // On paper: no toolbar, and (in a delegation pack) each brief starts a new page.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.pack-nav').isVisible()).toBe(false);
      if (DELEGATIONS.includes(pg.name as never)) {
        const breaks = await page
          .locator('section.brief')
          .evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
        expect(breaks).toEqual(roleTitles.map(() => 'page'));
      }
      const pdf = await page.pdf({
        path: `${SHOTS}/pack-${pg.name}.pdf`,
        format: 'A4',
        printBackground: true,
      });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await page.context().close();

      // A phone: nothing wider than the screen.
      const phone = await room.newPage(390, 844);
      await phone.goto(`${room.server.url}/${pg.hash}`);
      await phone.locator('main.pack h1').waitFor({ timeout: 20_000 });
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: `${SHOTS}/pack-${pg.name}-390.png` });
      await phone.context().close();
    },
  );

  it('says so in words when a page does not exist', async () => {
    const page = await room.newPage(1366, 768);
    await page.goto(`${room.server.url}/#/pack/moon`);
    await expect
      .poll(() => page.locator('[role="alert"]').textContent(), { timeout: 20_000 })
      .toBe('The pack has no such page.');
    await page.context().close();
  });
});
