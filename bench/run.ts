/**
 * Runs the project's benchmarks one after the other, the load benchmark with a short profile: `npm run bench`.
 * Extra arguments go to the load benchmark, e.g. `npm run bench -- --seconds 5`. The full load run is
 * `npm run bench:load` (figures in docs/performance.md).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const here = import.meta.dirname;
const extra = process.argv.slice(2);
const benchmarks: { name: string; script: string; args: string[] }[] = [
  { name: 'rules engine', script: resolve(here, 'rules.ts'), args: [] },
  { name: 'session log', script: resolve(here, 'log.ts'), args: [] },
  { name: 'bots', script: resolve(here, 'bots.ts'), args: [] },
  {
    name: 'load (short profile)',
    script: resolve(here, 'load.ts'),
    // No waiting for a quiet machine and no repeated windows: a quick look, not the record.
    args: [
      '--sessions',
      '1,10',
      '--seconds',
      '10',
      '--warmup',
      '3',
      '--quiet-wait',
      '0',
      '--retries',
      '0',
      ...extra,
    ],
  },
];

function run(script: string, args: string[]): Promise<number> {
  return new Promise((done) => {
    // The same Node binary as this process (the project's Node 24 under npm), output straight through.
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

const failed: string[] = [];
for (const b of benchmarks) {
  console.log(`\n== bench: ${b.name} ==`);
  const code = await run(b.script, b.args);
  if (code !== 0) failed.push(`${b.name} (exit ${code})`);
}
if (failed.length) console.error(`\nNot clean: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
