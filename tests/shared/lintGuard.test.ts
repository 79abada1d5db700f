/**
 * Proves the folder-scoped lint rules in biome.json catch the bugs they are there for: a clock, chance or a
 * framework inside shared/, and imports that break the layering (client and server importing each other,
 * Colyseus outside client/src/net/, a scene running the session or the rules, an import cycle). Each probe is
 * linted as if it were a file of the repository.
 *
 * Biome's `--stdin-file-path` does not serve here: in lint mode it prints no diagnostics and exits with 1
 * even for clean code. So every probe is written to one temporary folder that holds a copy of biome.json
 * (with VCS off, as the folder is no git checkout) and of the lint plugins, Biome lints them all in one run,
 * and each test reads the diagnostics of its own probe; nothing is written in the repo.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** A file to lint: its path relative to the repo root and its source. */
type Probe = readonly [path: string, source: string];

/** Probes that must be refused, each with a phrase of the message that says why. */
const shared = [
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
  ["an import of 'phaser'", "import Phaser from 'phaser';\nexport const engine = Phaser;\n", 'no framework'],
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
] as const;

/** Layering probes: [what, path, source, phrase of the message]. */
const layering = [
  [
    'client/ importing server/',
    'client/src/ui/probe-server.ts',
    "import { loadScenarios } from '../../../server/content.ts';\nexport const load = loadScenarios;\n",
    'client/ never imports from server/',
  ],
  [
    'server/ importing client/',
    'server/probe-client.ts',
    "import { membersInOrder } from '../client/src/net/view.ts';\nexport const order = membersInOrder;\n",
    'server/ never imports from client/',
  ],
  [
    'a screen importing @colyseus/sdk',
    'client/src/ui/probe-colyseus.ts',
    "import { Client } from '@colyseus/sdk';\nexport const client = new Client('ws://localhost');\n",
    'Only client/src/net/ talks to Colyseus',
  ],
  [
    'a scene importing @colyseus/sdk',
    'client/src/scenes/probe-colyseus.ts',
    "import { Client } from '@colyseus/sdk';\nexport const client = Client;\n",
    'Only client/src/net/ talks to Colyseus',
  ],
  [
    'a scene importing server/',
    'client/src/scenes/probe-server.ts',
    "import { loadScenarios } from '../../../server/content.ts';\nexport const load = loadScenarios;\n",
    'client/ never imports from server/',
  ],
  [
    'a scene importing the session reducer',
    'client/src/scenes/probe-apply.ts',
    "import { applyCommand } from '../../../shared/session/apply.ts';\nexport const apply = applyCommand;\n",
    'never run the session',
  ],
  [
    'a scene importing the session log, even for a type',
    'client/src/scenes/probe-log.ts',
    "import type { LogEntry } from '../../../shared/session/log.ts';\nexport type Entry = LogEntry;\n",
    'never run the session',
  ],
  [
    'a scene importing the round resolution',
    'client/src/scenes/probe-resolve.ts',
    "import { resolveRound } from '../../../shared/rules/resolve.ts';\nexport const resolve = resolveRound;\n",
    'never run the rules engine',
  ],
  [
    "a scene importing a rules step's function",
    'client/src/scenes/probe-step.ts',
    "import { ADOPTION_AT, resolveDiplomacy } from '../../../shared/rules/diplomacy.ts';\n" +
      'export const step = [ADOPTION_AT, resolveDiplomacy];\n',
    'never a function',
  ],
  [
    'an inline import type',
    'client/src/ui/probe-inline.ts',
    "export type Header = import('../../../shared/session/log.ts').LogHeader;\n",
    'Import the type at the top',
  ],
] as const;

/** Two modules that import each other through types only: still a cycle. */
const cycle: Probe[] = [
  [
    'client/src/ui/probe-cycle-a.ts',
    "import type { B } from './probe-cycle-b.ts';\nexport type A = B | 'a';\n",
  ],
  [
    'client/src/ui/probe-cycle-b.ts',
    "import type { A } from './probe-cycle-a.ts';\nexport type B = A | 'b';\n",
  ],
];

/** Probes that must pass: [what, path, source]. */
const allowed = [
  [
    'clean rules code',
    'shared/session/probe.ts',
    [
      "import { DELEGATIONS } from '../model/seats.ts';",
      '',
      '/** The next delegation in table order, from a seeded draw the caller brings. */',
      'export function pick(draw: number): string | undefined {',
      '  return DELEGATIONS[draw % DELEGATIONS.length];',
      '}',
      '',
    ].join('\n'),
  ],
  [
    'server/ reading the clock and drawing at random',
    'server/probe.ts',
    'export const seed = () => Math.floor(Math.random() * 2 ** 31) + Date.now();\n',
  ],
  [
    'client/src/net/ importing @colyseus/sdk',
    'client/src/net/probe.ts',
    "import { Client } from '@colyseus/sdk';\nexport const client = Client;\n",
  ],
  [
    "a scene drawing a view with the rules' readings, thresholds and types",
    'client/src/scenes/probe.ts',
    [
      "import { ADOPTION_AT } from '../../../shared/rules/diplomacy.ts';",
      "import type { Regime } from '../../../shared/rules/model.ts';",
      "import { CASCADE_AT } from '../../../shared/rules/security.ts';",
      "import { viewFor, type WorldView } from '../../../shared/rules/views.ts';",
      "import type { SessionView } from '../net/view.ts';",
      '',
      'export const scene = { ADOPTION_AT, CASCADE_AT, viewFor };',
      'export type Input = { view: SessionView; world: WorldView; regime: Regime };',
      '',
    ].join('\n'),
  ],
] as const;

const sharedPath = (what: string) => `shared/session/probe-${what.replace(/\W+/g, '-')}.ts`;

const probes: Probe[] = [
  ...shared.map(([what, source]): Probe => [sharedPath(what), source]),
  ...layering.map(([, path, source]): Probe => [path, source]),
  ...cycle,
  ...allowed.map(([, path, source]): Probe => [path, source]),
];

let sandbox = '';
/** Each probe's diagnostics, as Biome printed them: the rule's category, then its message and advice. */
const found = new Map<string, { text: string }[]>();

/** Lints every probe in one run of Biome under the repo's own rules, and files the diagnostics by probe. */
beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'paros-lint-'));
  const config = JSON.parse(readFileSync(join(repo, 'biome.json'), 'utf8'));
  delete config.$schema;
  config.vcs = { enabled: false };
  writeFileSync(join(sandbox, 'biome.json'), JSON.stringify(config));
  cpSync(join(repo, 'lint'), join(sandbox, 'lint'), { recursive: true });
  for (const [path, source] of probes) {
    mkdirSync(dirname(join(sandbox, path)), { recursive: true });
    writeFileSync(join(sandbox, path), source);
  }
  // The repo's own Biome, run from the sandbox so that it reads the sandbox's biome.json.
  const biome = join(repo, 'node_modules', '.bin', 'biome');
  const child = spawn(
    biome,
    ['lint', '--colors=off', '--max-diagnostics=none', ...probes.map(([path]) => path)],
    { cwd: sandbox },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  if (!output.includes(`Checked ${probes.length} files`))
    throw new Error(`biome did not lint every probe:\n${output}`);
  // The default reporter is the one that prints a rule's own message in full (the JSON reporter drops the
  // advice that holds noRestrictedGlobals' message); each diagnostic starts with "path:line:column category".
  let diagnostic: { text: string } | undefined;
  for (const line of output.split('\n')) {
    const head = /^(\S+\.ts):\d+:\d+ (\S+)/.exec(line);
    if (head) {
      diagnostic = { text: head[2]! };
      const path = head[1]!;
      found.set(path, [...(found.get(path) ?? []), diagnostic]);
    } else if (diagnostic) diagnostic.text += `\n${line}`;
  }
}, 60_000);

afterAll(() => {
  if (sandbox) rmSync(sandbox, { recursive: true, force: true });
});

/** The diagnostics of one probe, as text for an assertion's message. */
const messages = (path: string) => (found.get(path) ?? []).map((d) => d.text);

describe('lint rules for shared/', () => {
  it.for(shared)('refuse %s', ([what, , reason]) => {
    const said = messages(sharedPath(what));
    expect(
      said.some((m) => m.includes(reason)),
      said.join('\n'),
    ).toBe(true);
  });
});

describe('lint rules for the layering', () => {
  it.for(layering)('refuse %s', ([, path, , reason]) => {
    const said = messages(path);
    expect(
      said.some((m) => m.includes(reason)),
      said.join('\n'),
    ).toBe(true);
  });

  it('refuse an import cycle, even through types only', () => {
    for (const [path] of cycle) {
      const said = messages(path);
      expect(
        said.some((m) => m.startsWith('lint/suspicious/noImportCycles')),
        `${path}:\n${said.join('\n')}`,
      ).toBe(true);
    }
  });
});

describe('lint rules leave alone', () => {
  it.for(allowed)('%s', ([, path]) => {
    expect(messages(path)).toEqual([]);
  });
});
