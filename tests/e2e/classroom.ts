import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, type RunningServer, startServer } from './browser.ts';

/** Where the end-to-end tests leave their screenshots. */
export const SHOTS = 'test-results';

/** The screens of issue 2.4's checks: two phones, a tablet, a laptop and a projector-sized screen. */
export const SIZES = [
  [360, 740],
  [390, 844],
  [768, 1024],
  [1366, 768],
  [1920, 1080],
] as const;

/** No serious or critical accessibility violation on the page as it is now; `name` says where, if there is. */
export async function noSeriousViolations(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Two animation frames: the layout (and a scene's resize observer) settles at a new size. */
export const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * A screenshot of the whole page from its top, with every sticky element drawn where it sits in the page's flow
 * (where it shows at the top): Chromium's capture beyond the viewport sometimes paints a sticky bar halfway
 * down a long page, over the panels (seen on the desk in the negotiation), which misleads a reviewer.
 */
export async function screenshotWhole(page: Page, path: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('body *'))
      if (getComputedStyle(el).position === 'sticky') {
        el.dataset.shotSticky = el.style.position;
        el.style.position = 'static';
      }
  });
  try {
    await page.screenshot({ path, fullPage: true });
  } finally {
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-shot-sticky]')) {
        el.style.position = el.dataset.shotSticky ?? '';
        delete el.dataset.shotSticky;
      }
    });
  }
}

/**
 * How wide the page is against the screen, and the first elements drawn past its right edge (outside any frame
 * that scrolls sideways of its own, such as a wide table's), named for the message.
 */
export const sideways = (page: Page) =>
  page.evaluate(() => {
    const shown = (el: Element) =>
      (el as HTMLElement).offsetParent !== null && el.getBoundingClientRect().height > 0;
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    return {
      width: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      overflowing: Array.from(document.querySelectorAll('body *'))
        .filter((el) => shown(el) && el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((el) => !clipped(el))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className}`),
    };
  });

export interface PageOptions {
  /** Ask for reduced motion: the scenes skip their animations. */
  reducedMotion?: boolean;
  /** A script run in the page before its own, e.g. to slow the scenes' frame rate on two cores. */
  initScript?: () => void;
}

export interface Classroom {
  /** The server of this suite; started before its first test. */
  readonly server: RunningServer;
  /** A fresh browser context and page of the given size, with page errors logged. */
  newPage(width?: number, height?: number, options?: PageOptions): Promise<Page>;
}

/**
 * One real server and one headless Chromium for a suite: started before its first test, stopped after its
 * last. Call it inside `describe`.
 */
export function classroom(serverEnv: Record<string, string> = {}): Classroom {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(serverEnv);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('The server is not started yet: use it inside a test.');
      return server;
    },
    async newPage(width = 1366, height = 768, { reducedMotion = false, initScript }: PageOptions = {}) {
      if (!browser) throw new Error('Chromium is not started yet: open pages inside a test.');
      const context = await browser.newContext({
        viewport: { width, height },
        ...(reducedMotion ? { reducedMotion: 'reduce' as const } : {}),
      });
      if (initScript) await context.addInitScript(initScript);
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      return page;
    },
  };
}
