/**
 * The client's weight and speed in a real browser: `npx node bench/scenes.ts [--no-build] [--seconds 5]`.
 *
 * 1. Builds the client (dist/client) unless --no-build, and builds the scenes' benchmark page
 *    (client/src/scenes/bench.html, never part of the app's bundles) into a temporary folder.
 * 2. Frame rate: headless Chromium (software WebGL) opens the benchmark page, which mounts the orbit scene on a
 *    synthetic session with about 500 objects (satellites, inspectors, debris, incidents) and counts
 *    requestAnimationFrame callbacks for a few seconds; the campaign's starting world is timed for comparison.
 * 3. Weight and first useful view: the real server (with a temporary DATA_DIR) serves dist/client; each
 *    screen is opened in a fresh browser context with the cache off, and the JavaScript it requested is summed
 *    from the built files (raw and gzip -6). The time is from navigation start to the first element a user
 *    needs (the join form, the code on the board, the student's seat...), on loopback.
 * Prints markdown tables; writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServer } from '../tests/e2e/browser.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1]) || 5;
const skipBuild = args.includes('--no-build');
const VIEWPORT = { width: 1366, height: 768 };

function buildClient() {
  if (skipBuild && existsSync(join(root, 'dist/client/index.html'))) return;
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** The benchmark page, built on its own (production mode) so it cannot leak into the app's bundles. */
async function buildBenchPage(outDir: string) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: join(root, 'client'),
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: join(root, 'client/src/scenes/bench.html') },
    },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** A tiny static file server on loopback. */
function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      done({ url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`, server });
    }),
  );
}

interface FrameStats {
  frames: number;
  fps: number;
  drawn: number;
  p50: number;
  p95: number;
  worst: number;
}

async function frameRate(browser: Browser, url: string): Promise<FrameStats & { objects: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('bench page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 60_000 });
  await page.waitForTimeout(1500); // warm-up: textures, first draws, JIT
  const objects = await page.evaluate(() => window.objectCount?.() ?? 0);
  const stats = await page.evaluate((ms) => window.measureFrames!(ms), seconds * 1000);
  await context.close();
  return { ...stats, objects };
}

interface ScreenStats {
  screen: string;
  scripts: string[];
  raw: number;
  gzip: number;
  phaser: boolean;
  useful: number; // ms from navigation start
  canvas: number | undefined; // ms until the scenes have started, where there are scenes
}

/** A fresh context with the HTTP cache off, recording the JavaScript files the page asks for. */
async function freshPage(
  browser: Browser,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...(storageState ? { storageState } : {}) });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Set<string>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) scripts.add(path);
  });
  return { context, page, scripts };
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(path: string) {
  let s = sizes.get(path);
  if (!s) {
    const bytes = readFileSync(join(root, 'dist/client', path));
    s = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
    sizes.set(path, s);
  }
  return s;
}

const sinceStart = (page: Page) => page.evaluate(() => Math.round(performance.now()));

function tally(screen: string, scripts: Set<string>, useful: number, canvas?: number): ScreenStats {
  const list = [...scripts].sort();
  const total = list
    .map(sizeOf)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  return {
    screen,
    scripts: list,
    ...total,
    phaser: list.some((p) => sizeOf(p).raw > 800_000),
    useful,
    canvas,
  };
}

async function screens(browser: Browser, base: string): Promise<ScreenStats[]> {
  const out: ScreenStats[] = [];

  // The join screen, as a student first opens it.
  {
    const { context, page, scripts } = await freshPage(browser);
    await page.goto(`${base}/#/`);
    await page.getByLabel('Join code').waitFor();
    out.push(tally('#/ (join)', scripts, await sinceStart(page)));
    await context.close();
  }

  // The teacher: the setup screen, then a session is created and the console opened afresh.
  let code = '';
  {
    const { context, page, scripts } = await freshPage(browser);
    await page.goto(`${base}/#/host`);
    await page.waitForFunction(() => document.querySelectorAll('#setup-scenario option').length > 1);
    out.push(tally('#/host (setup)', scripts, await sinceStart(page)));
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.locator('#console-code').waitFor();
    code = (await page.locator('#console-code').textContent())?.trim() ?? '';
    const state = await context.storageState();
    await context.close();
    const fresh = await freshPage(browser, state);
    await fresh.page.goto(`${base}/#/host/${code}`);
    await fresh.page.locator('#console-code').waitFor();
    out.push(tally('#/host/CODE (console)', fresh.scripts, await sinceStart(fresh.page)));
    await fresh.context.close();
  }

  // The projector board: the code first, then the scenes.
  {
    const { context, page, scripts } = await freshPage(browser);
    await page.goto(`${base}/#/board/${code}`);
    await page.waitForFunction((c) => document.querySelector('#board-code')?.textContent === c, code);
    const useful = await sinceStart(page);
    await page.locator('.table-canvas[data-ready="true"]').waitFor({ timeout: 60_000 });
    out.push(tally('#/board/CODE', scripts, useful, await sinceStart(page)));
    await context.close();
  }

  // A student joins (join screen, then the student screen), then reloads the student screen.
  {
    const { context, page, scripts } = await freshPage(browser);
    await page.goto(`${base}/#/join/${code}`);
    await page.getByLabel('Nickname').fill('Bench');
    const clicked = await sinceStart(page);
    await page.getByRole('button', { name: 'Join the session' }).click();
    await page.locator('#student-who').waitFor();
    const joined = (await sinceStart(page)) - clicked;
    await page.locator('.table-canvas[data-ready="true"]').waitFor({ timeout: 60_000 });
    const canvas = (await sinceStart(page)) - clicked;
    out.push(tally('#/join/CODE then #/play/CODE (time from Join)', scripts, joined, canvas));
    scripts.clear();
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#student-who')?.textContent?.includes('Bench'));
    const useful = await sinceStart(page);
    await page.locator('.table-canvas[data-ready="true"]').waitFor({ timeout: 60_000 });
    out.push(tally('#/play/CODE (reload)', scripts, useful, await sinceStart(page)));
    await context.close();
  }
  return out;
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function main() {
  buildClient();
  const benchDir = mkdtempSync(join(tmpdir(), 'paros-bench-scenes-'));
  await buildBenchPage(benchDir);
  const statics = await serve(benchDir);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = `${statics.url}/src/scenes/bench.html`;
    await frameRate(browser, `${page}?scene=orbit&load=start`); // a first run to warm the browser up, not counted
    const runs = [
      ['Synthetic, no frame cap', await frameRate(browser, `${page}?scene=orbit&load=heavy&fps=0`)],
      ['Synthetic, the app’s 30 fps cap', await frameRate(browser, `${page}?scene=orbit&load=heavy`)],
      [
        'The campaign’s start, no frame cap',
        await frameRate(browser, `${page}?scene=orbit&load=start&fps=0`),
      ],
      ['The campaign’s start, 30 fps cap', await frameRate(browser, `${page}?scene=orbit&load=start`)],
    ] as const;
    const chromium = browser.version();
    const list = await screens(browser, server.url);

    console.log(
      `\n### Orbit scene frame rate (Chromium ${chromium}, headless, software WebGL, ${VIEWPORT.width}×${VIEWPORT.height}, ${seconds} s)\n`,
    );
    console.log(
      'Synthetic: 30/15/15 satellites a nation, 5 inspectors each, debris 75 (300 fragments), 3 incidents. The campaign’s start: its satellites, debris 31, the same incidents. "Drawn" counts the frames Phaser rendered; the frame times are the gaps between the page’s animation frames.\n',
    );
    console.log(
      '| World | Objects in orbit | Drawn fps | Page frames/s | Median frame | p95 frame | Worst frame |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const [name, s] of runs)
      console.log(
        `| ${name} | ${s.objects} | ${s.drawn.toFixed(1)} | ${s.fps.toFixed(1)} | ${s.p50.toFixed(1)} ms | ${s.p95.toFixed(1)} ms | ${s.worst.toFixed(1)} ms |`,
      );

    console.log(
      '\n### JavaScript each screen loads, and the time to its first useful view (loopback, cold cache)\n',
    );
    console.log('| Screen | JS files | JS raw | JS gzip | Phaser | First useful view | Scenes started |');
    console.log('|---|---:|---:|---:|:-:|---:|---:|');
    for (const s of list)
      console.log(
        `| ${s.screen} | ${s.scripts.length} | ${kib(s.raw)} | ${kib(s.gzip)} | ${s.phaser ? 'yes' : 'no'} | ${s.useful} ms | ${s.canvas === undefined ? '–' : `${s.canvas} ms`} |`,
      );
    console.log(
      '\nFirst useful view: #/ the join form; #/host the scenario list; the console its join code; the board its join code; the student screen the line naming the student. "Phaser" marks a screen that loaded the Phaser chunk.',
    );
  } finally {
    await browser.close();
    await server.stop();
    statics.server.close();
    rmSync(benchDir, { recursive: true, force: true });
  }
}

await main();
