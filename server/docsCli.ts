import { readFileSync, writeFileSync } from 'node:fs';
import { loadContent } from './content.ts';
import { withWorkedRound, workedRound } from './docs/workedRound.ts';

/**
 * `npm run docs:rules`: writes section 7 of docs/rules.md (a worked round) from the engine. With `--check`, only
 * says whether the page is current (exit 1 if not), as the test does.
 */
const PAGE = 'docs/rules.md';
const content = loadContent(process.env.CONTENT_DIR ?? 'content');
const campaign = content.scenarios.find((s) => s.id === 'campaign');
if (!campaign) throw new Error('The campaign scenario is missing from the content.');
const page = readFileSync(PAGE, 'utf8');
const next = withWorkedRound(page, workedRound(campaign));
if (process.argv.includes('--check')) {
  console.log(next === page ? `${PAGE} is current.` : `${PAGE} is out of date: run npm run docs:rules.`);
  process.exit(next === page ? 0 : 1);
}
writeFileSync(PAGE, next);
console.log(next === page ? `${PAGE} was already current.` : `${PAGE}: worked round written.`);
