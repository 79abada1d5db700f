import { configFromEnv } from './config.ts';
import { plural } from '../shared/content/labels.ts';
import { readContent, readPack } from './content.ts';

/**
 * `npm run content:check`: validates every card and scenario, and the teacher's pack when there is one, and
 * prints each problem where a teacher can fix it.
 */
const { contentDir } = configFromEnv();
const content = readContent(contentDir);
const { cards, scenarios } = content;
const pack = readPack(contentDir, content);
const problems = [...content.problems, ...pack.problems];
if (problems.length > 0) {
  console.error(`${plural(problems.length, 'problem')} in ${contentDir}:`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log(
  `Content is valid: ${cards.length} cards, ${scenarios.length} scenarios (${scenarios.map((s) => s.id).join(', ')}).`,
);
console.log(
  pack.pack
    ? `The teacher's pack is valid: ${Object.keys(pack.pack.delegations).length} delegations, ${pack.pack.glossary.terms.length} glossary terms, ${pack.pack.lessons.plans.length} lesson plans.`
    : 'No teacher’s pack (content/pack/): nothing more to check.',
);
