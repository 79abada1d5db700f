/**
 * The replay viewer as a tool on a phone, a tablet, a laptop and a projector, in real Chromium: no sideways
 * scroll, the player (play, step, scrub, phase jumps) in view however far the page scrolls, every panel reachable
 * (through its tab where they take turns, beside the others where there is room), the tabs worked by keyboard,
 * every panel printed, no serious accessibility violation, and a screenshot of each for review in
 * test-results/screens/replay-*.png. The session replayed is one round played by the server's bots, driven by the
 * teacher through the real SDK: one server, one session and one page for every size.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { Client, type Room } from '@colyseus/sdk';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { classroom, SHOTS } from './classroom.ts';

const INSTRUCTOR_KEY = 'replay-layout-instructor-key';
const SIZES = [
  [360, 740],
  [390, 844],
  [768, 1024],
  [1366, 768],
  [1920, 1080],
] as const;
const PANELS = ['scene', 'desks', 'talks', 'world', 'moments'] as const;
/** The player may take at most this share of a phone's height: the panels need the rest. */
const PLAYER_SHARE = 0.45;

const poll = expect.poll;

describe('the replay viewer fits every screen', () => {
  const room = classroom({ INSTRUCTOR_KEY });
  const shots = `${SHOTS}/screens`;

  async function noSeriousViolations(page: Page, name: string) {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  }

  /** The page's width, the player's box, the panels' layout and which panels show, measured in the page. */
  const measure = (page: Page) =>
    page.evaluate(() => {
      const shown = (el: Element | null) =>
        !!el && (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height > 0;
      const player = document.querySelector('#replay-transport')?.getBoundingClientRect();
      return {
        scrollWidth: document.documentElement.scrollWidth,
        scrollHeight: document.documentElement.scrollHeight,
        player: player ? { top: player.top, bottom: player.bottom, height: player.height } : undefined,
        mode: document.querySelector<HTMLElement>('.replay-panels')?.dataset.mode ?? '',
        panels: Array.from(document.querySelectorAll<HTMLElement>('.replay-panel'))
          .filter(shown)
          .map((p) => p.dataset.panel ?? ''),
        tabs: Array.from(document.querySelectorAll<HTMLElement>('.replay-tabs [role="tab"]'))
          .filter(shown)
          .map((t) => t.id.replace('replay-tab-', '')),
        // The elements drawn past the right edge, named for the message.
        overflowing: Array.from(document.querySelectorAll('main *'))
          .filter((el) => shown(el) && el.getBoundingClientRect().right > window.innerWidth + 0.5)
          // Inside a frame that scrolls sideways of its own (a wide table), it is clipped there.
          .filter((el) => {
            for (let a = el.parentElement; a; a = a.parentElement)
              if (getComputedStyle(a).overflowX !== 'visible') return false;
            return true;
          })
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`),
      };
    });

  /** Two frames for the layout and the scene's resize observer to settle. */
  const settle = (page: Page) =>
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  /** The player is on screen, whole, and leaves the panels room. */
  async function playerInView(page: Page, name: string, height: number) {
    const m = await measure(page);
    expect(m.player, `${name}: the player`).toBeDefined();
    const p = m.player as { top: number; bottom: number; height: number };
    expect(p.top, `${name}: the player's top`).toBeGreaterThanOrEqual(-1);
    expect(p.bottom, `${name}: the player's bottom`).toBeLessThanOrEqual(height + 1);
    expect(p.height, `${name}: the player's height`).toBeLessThanOrEqual(height * PLAYER_SHARE);
  }

  it('at 360×740, 390×844, 768×1024, 1366×768 and 1920×1080, with every panel, the debrief and print', async () => {
    mkdirSync(shots, { recursive: true });
    // ---- One round, played by the server's bots.
    const res = await fetch(`${room.server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ settings: { timersOn: false } }),
    });
    const made = (await res.json()) as { code: string; hostSecret: string; roomId: string };
    const teacher: Room = await new Client(room.server.url).joinById(made.roomId, {
      role: 'teacher',
      code: made.code,
      hostSecret: made.hostSecret,
    });
    const does = (type: string, payload: object) => teacher.request(type as never, payload as never);
    const moment = () => ({ round: teacher.state.round as number, phase: teacher.state.phase as string });
    for (const delegation of ['us', 'china', 'russia'])
      await does('seatBot', { delegation, level: 'standard' });
    await does('startSession', {});
    await does('advancePhase', { from: moment() }); // negotiation: the bots speak on the CD floor
    await poll(() => teacher.state.floor.length).toBeGreaterThanOrEqual(3);
    await does('advancePhase', { from: moment() }); // orders: the bots confirm theirs
    await poll(() =>
      ['us', 'china', 'russia'].every((d) => teacher.state.teams.get(d)?.submitted === true),
    ).toBe(true);
    await does('advancePhase', { from: moment() }); // resolution
    await does('advancePhase', { from: moment() }); // debrief
    await does('advancePhase', { from: moment() }); // round 2's briefing
    await teacher.leave();

    const listed = await fetch(`${room.server.url}/api/replays`, {
      headers: { 'x-paros-key': INSTRUCTOR_KEY },
    });
    const id = ((await listed.json()) as { sessionId: string }[])[0]?.sessionId ?? '';
    expect(id).toMatch(new RegExp(`^s-${made.code}-`));

    // ---- The instructor opens it on a phone.
    const page = await room.newPage(360, 740, {
      reducedMotion: true,
      initScript: () => {
        sessionStorage.setItem('paros.instructorKey', 'replay-layout-instructor-key');
        // The scene in software on two shared cores: a few frames a second is plenty here.
        window.requestAnimationFrame = (cb) => window.setTimeout(() => cb(performance.now()), 200);
        window.cancelAnimationFrame = (handle) => window.clearTimeout(handle);
      },
    });
    await page.goto(`${room.server.url}/#/replay/${id}`);
    const position = page.locator('#replay-position');
    await poll(() => position.textContent()).toMatch(/Round 1 of .*Briefing$/);
    // The phase jumps of the player: on to the resolution, where every desk holds its confirmed orders.
    for (const phase of ['Negotiation', 'Orders', 'Resolution']) {
      await page.locator('#replay-phase-forward').click();
      await poll(() => position.textContent()).toMatch(new RegExp(`${phase}$`));
    }
    expect(await page.locator('#replay-jump-to option:checked').textContent()).toMatch(
      /Round 1 .*Resolution/,
    );
    await page.locator('.table-canvas[data-ready="true"] canvas').waitFor();

    // ---- Every size.
    for (const [w, h] of SIZES) {
      const name = `${w}×${h}`;
      await page.setViewportSize({ width: w, height: h });
      await settle(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/replay-${w}x${h}.png`, fullPage: true });
      const m = await measure(page);
      expect(m.overflowing, `${name}: what runs past the right edge`).toEqual([]);
      expect(m.scrollWidth, `${name}: no sideways scroll`).toBeLessThanOrEqual(w);
      await playerInView(page, name, h);
      const mode = w >= 1600 ? 'all' : w >= 900 ? 'two' : 'one';
      expect(m.mode, `${name}: panels at once`).toBe(mode);

      // Each panel: beside the others, or opened by its tab; the player stays in view at the panel's end.
      for (const panel of PANELS) {
        const tab = page.locator(`#replay-tab-${panel}`);
        const takesTurns = await tab.isVisible();
        expect(takesTurns, `${name}: ${panel} has a tab`).toBe(
          mode === 'one' || (mode === 'two' && panel !== 'scene'),
        );
        if (takesTurns) {
          await tab.click();
          expect(await tab.getAttribute('aria-selected')).toBe('true');
        }
        const shown = (await measure(page)).panels;
        expect(shown, `${name}: ${panel} shows`).toContain(panel);
        if (mode === 'one') expect(shown, `${name}: one panel at a time`).toEqual([panel]);
        if (mode === 'all') expect(shown, `${name}: every panel at once`).toEqual([...PANELS]);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await settle(page);
        await playerInView(page, `${name}, ${panel} scrolled to its end`, h);
        expect((await measure(page)).scrollWidth, `${name} ${panel}: no sideways scroll`).toBeLessThanOrEqual(
          w,
        );
        if (mode === 'one' && w === 390) {
          // The panel's top, under the player and the tabs.
          await page.locator(`#replay-panel-${panel}`).evaluate((p) => p.scrollIntoView({ block: 'start' }));
          await settle(page);
          await page.screenshot({ path: `${shots}/replay-${w}x${h}-${panel}.png` });
        }
      }
      if (mode !== 'all')
        await page.locator(mode === 'one' ? '#replay-tab-scene' : '#replay-tab-desks').click();
      // The player's controls work here (the step back and on again), and nothing serious for axe.
      await page.locator('#replay-back').click();
      await poll(() => position.textContent()).toMatch(/Orders$/);
      await page.locator('#replay-forward').click();
      await poll(() => position.textContent()).toMatch(/Resolution$/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await noSeriousViolations(page, `replay ${name}`);
    }

    // ---- The keyboard, on a phone: the tabs move with the arrow keys, the scrubber with its keys.
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    await page.locator('#replay-tab-scene').focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('replay-tab-desks');
    expect(await page.locator('#replay-panel-desks').isVisible()).toBe(true);
    await page.keyboard.press('End');
    await poll(() => page.locator('#replay-tab-moments').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    await poll(() => page.locator('#replay-tab-scene').getAttribute('aria-selected')).toBe('true');
    await page.locator('#replay-scrubber').focus();
    const before = await position.textContent();
    await page.keyboard.press('ArrowLeft');
    await poll(() => position.textContent()).not.toBe(before);
    // The focused control shows it.
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');

    // ---- The debrief on a phone and a laptop.
    await page.locator('#replay-tab-debrief').click();
    await poll(() => page.locator('#replay-debrief').isVisible()).toBe(true);
    for (const [w, h] of [SIZES[1], SIZES[3]]) {
      await page.setViewportSize({ width: w, height: h });
      await settle(page);
      const m = await measure(page);
      expect(m.overflowing, `debrief ${w}×${h}: what runs past the right edge`).toEqual([]);
      expect(m.scrollWidth, `debrief ${w}×${h}: no sideways scroll`).toBeLessThanOrEqual(w);
      await page.screenshot({ path: `${shots}/replay-debrief-${w}x${h}.png`, fullPage: true });
    }
    await noSeriousViolations(page, 'debrief 1366×768');

    // ---- Printed: the debrief, then every panel of the viewer, whichever tab was open.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#replay-debrief').isVisible()).toBe(true);
    await page.locator('#replay-tab-viewer').evaluate((b) => (b as HTMLButtonElement).click());
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    await poll(async () => (await measure(page)).panels).toEqual([...PANELS]);
    expect(await page.locator('.replay-tabs').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await poll(async () => (await measure(page)).panels).toEqual(['scene']);
  });
});
