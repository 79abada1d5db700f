import { configFromEnv } from './config.ts';
import { readContent } from './content.ts';

/** `npm run content:check`: validates every card and scenario and prints each problem where a teacher can fix it. */
const { contentDir } = configFromEnv();
const { cards, scenarios, problems } = readContent(contentDir);
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in ${contentDir}:`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
console.log(
  `Content is valid: ${cards.length} cards, ${scenarios.length} scenarios (${scenarios.map((s) => s.id).join(', ')}).`,
);
