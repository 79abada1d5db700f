/**
 * Proves the folder-scoped lint rules in biome.json catch the bugs they are there for: a clock, chance or a
 * framework inside shared/. Each probe is linted as if it were a file of the repository.
 *
 * Biome's `--stdin-file-path` does not serve here: in lint mode it prints no diagnostics and exits with 1
 * even for clean code. So the probes are written to a temporary folder that holds a copy of biome.json
 * (with VCS off, as the folder is no git checkout) and of the lint plugins; nothing is written in the repo.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
let sandbox = '';

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'paros-lint-'));
  const config = JSON.parse(readFileSync(join(repo, 'biome.json'), 'utf8'));
  delete config.$schema;
  config.vcs = { enabled: false };
  writeFileSync(join(sandbox, 'biome.json'), JSON.stringify(config));
  cpSync(join(repo, 'lint'), join(sandbox, 'lint'), { recursive: true });
});

afterAll(() => {
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

/**
 * Lints `source` as the file `path` (relative to the repo root) under the repo's own rules. Each probe has
 * its own `path`, so the probes can run at the same time.
 */
async function lint(path: string, source: string): Promise<{ ok: boolean; output: string }> {
  const file = join(sandbox, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  const child = spawn('npx', ['biome', 'lint', `--config-path=${sandbox}`, '--colors=off', file], {
    cwd: repo,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (!/Checked 1 file/.test(output)) throw new Error(`biome did not lint ${path}:\n${output}`);
  return { ok: status === 0, output };
}

describe.concurrent('lint rules for shared/', { timeout: 60_000 }, () => {
  it.for([
    ['Math.random()', 'export const roll = () => Math.random();\n', 'never Math.random'],
    ['Date.now()', 'export const now = () => Date.now();\n', 'never read a clock'],
    ['new Date()', 'export const today = () => new Date();\n', 'never read a clock'],
    ['setTimeout', 'export const later = (f: () => void) => setTimeout(f, 1000);\n', 'room.clock'],
    ['process.env', 'export const port = () => process.env.PORT;\n', 'no environment'],
    [
      "an import from 'node:fs'",
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'no Node built-ins',
    ],
    [
      "an import of 'phaser'",
      "import Phaser from 'phaser';\nexport const engine = Phaser;\n",
      'no framework',
    ],
    [
      "an import from '@colyseus/core'",
      "import { Room } from '@colyseus/core';\nexport const room = Room;\n",
      'no framework',
    ],
    [
      'an import from server/',
      "import { loadScenarios } from '../server/content.ts';\nexport const load = loadScenarios;\n",
      'never imports from server/',
    ],
  ] as const)('refuse %s', async ([what, source, reason], { expect }) => {
    const { ok, output } = await lint(`shared/session/probe-${what.replace(/\W+/g, '-')}.ts`, source);
    expect(ok, output).toBe(false);
    expect(output).toContain(reason);
  });

  it('pass clean rules code', async ({ expect }) => {
    const source = [
      "import { DELEGATIONS } from '../model/seats.ts';",
      '',
      '/** The next delegation in table order, from a seeded draw the caller brings. */',
      'export function pick(draw: number): string | undefined {',
      '  return DELEGATIONS[draw % DELEGATIONS.length];',
      '}',
      '',
    ].join('\n');
    const { ok, output } = await lint('shared/session/probe.ts', source);
    expect(ok, output).toBe(true);
  });

  it('leave server/ free to read the clock and draw at random', async ({ expect }) => {
    const { ok, output } = await lint(
      'server/probe.ts',
      'export const seed = () => Math.floor(Math.random() * 2 ** 31) + Date.now();\n',
    );
    expect(ok, output).toBe(true);
  });
});
