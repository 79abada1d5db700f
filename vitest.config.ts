import { defineConfig } from 'vitest/config';

/** Three projects: pure code (fast, parallel), the real server over WebSockets, and real Chromium. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/shared/**/*.test.ts', 'tests/client/**/*.test.ts'],
          // Pure code with no module state to reset: the files of a worker share one module graph, which halves
          // the suite's CPU time (each file no longer loads zod, the content and the rules again).
          isolate: false,
          // The property tests take seconds of CPU; on a loaded machine the 5 s default would fail them.
          testTimeout: 30_000,
        },
      },
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
