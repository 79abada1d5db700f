import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES_VERSION } from '../../shared/session/log.ts';

/**
 * `npm run rules:freeze`: before the rules change, copies today's engine (shared/session/engine.ts and every
 * file of shared/ it imports) into shared/frozen/v<N>/, N being today's rules version, keeping the folder
 * layout so the copies' imports still hold. Sessions logged under version N then fold with that copy forever.
 * The log and the registry of versions are not engine: imports of them point back at the live files.
 */

const ENGINE = 'session/engine.ts';
/** Files of shared/ that name the engines rather than play them: never copied, always the live ones. */
const LIVE = (path: string) =>
  path === 'session/log.ts' || path === 'session/rulesVersions.ts' || path.startsWith('frozen/');
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g;

/**
 * Copies the engine's files from `shared` into `into` (which must not exist) and returns their paths,
 * relative to shared/. Each copy starts with a line saying it is frozen.
 */
export function freezeRules(shared: string, into: string, version: number): string[] {
  if (existsSync(into)) throw new Error(`${into} exists already: a frozen engine is never written twice.`);
  const copied: string[] = [];
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(join(shared, path), 'utf8');
    const rewritten = source.replace(SPECIFIER, (match, lead: string, spec: string) => {
      const target = relative(shared, resolve(join(shared, dirname(path)), spec))
        .split(sep)
        .join('/');
      if (target.startsWith('..')) throw new Error(`${path} imports ${spec}, outside shared/.`);
      if (!LIVE(target)) {
        visit(target);
        return match;
      }
      const live = relative(join(into, dirname(path)), join(shared, target))
        .split(sep)
        .join('/');
      return `${lead}'${live.startsWith('.') ? live : `./${live}`}'`;
    });
    const out = join(into, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      `// Frozen: rules version ${version}, copied from shared/${path} by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.\n${rewritten}`,
    );
    copied.push(path);
  };
  visit(ENGINE);
  return copied.sort();
}

function main() {
  const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
  const into = join(shared, 'frozen', `v${RULES_VERSION}`);
  try {
    const files = freezeRules(shared, into, RULES_VERSION);
    console.log(
      `Rules version ${RULES_VERSION} frozen: ${files.length} files in shared/frozen/v${RULES_VERSION}/.`,
    );
    console.log(`Next, in shared/session/rulesVersions.ts:
  1. import * as v${RULES_VERSION} from '../frozen/v${RULES_VERSION}/session/engine.ts';
  2. point version ${RULES_VERSION}'s entry at v${RULES_VERSION} instead of today;
  3. add { version: ${RULES_VERSION + 1}, label: 'rules of <month year>', engine: today } at the end.
Then change the rules, and record golden logs of the new version: npm run golden:record.`);
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exitCode = main();
