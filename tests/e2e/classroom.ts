import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type RunningServer, startServer } from './browser.ts';

/** Where the end-to-end tests leave their screenshots. */
export const SHOTS = 'test-results';

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
