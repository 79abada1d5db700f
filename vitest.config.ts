import { defineConfig } from 'vitest/config';

/** Three projects: pure rules (fast, parallel), the real server over WebSockets, and real Chromium. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/shared/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Browsers on two cores: a screen may take seconds to show an update, so polls wait for it.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
