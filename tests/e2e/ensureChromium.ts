/**
 * Makes sure the browser tests have Chromium before `npm test` spends minutes on the other suites: Debian's
 * `chromium` package (playwright-core drives it; it downloads no browser). When it is missing, root installs it
 * with apt-get; anyone else is told the one command to run, and the tests stop at once.
 *
 * Run as a script (`node tests/e2e/ensureChromium.ts`); the browser helper imports `chromiumPath` from here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The packages the browser tests need: the browser, and a font so pages render the same everywhere. */
const PACKAGES = ['chromium', 'fonts-dejavu-core'];
const INSTALL = `apt-get update && apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;

/** Where Chromium is: CHROMIUM_PATH when set, else Debian's and Ubuntu's places; undefined when it is not there. */
export function chromiumPath(
  places = ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
): string | undefined {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : places;
  return candidates.find(existsSync);
}

function ensureChromium(): number {
  const found = chromiumPath();
  if (found) return 0;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !apt) {
    console.error(
      `The browser tests need Chromium, which is not installed. Install it, then run npm test again:\n\n` +
        `  ${apt ? `sudo sh -c '${INSTALL}'` : 'install Chromium, then set CHROMIUM_PATH to its executable'}\n`,
    );
    return 1;
  }
  console.log(`Chromium is missing: installing it from Debian's packages (${PACKAGES.join(', ')})...`);
  const install = spawnSync('sh', ['-c', INSTALL], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0 || !chromiumPath()) {
    console.error(`Installing Chromium failed. Run it yourself, then npm test again:\n\n  ${INSTALL}\n`);
    return 1;
  }
  return 0;
}

if (import.meta.main) process.exitCode = ensureChromium();
