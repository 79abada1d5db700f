import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Scenario, ScenarioList } from '../shared/content/scenario.ts';

/** Loads and validates the scenarios; throws one error that lists every problem with its place. */
export function loadScenarios(contentDir: string): Scenario[] {
  const file = join(contentDir, 'scenarios.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: cannot be read as JSON (${(e as Error).message})`);
  }
  const parsed = ScenarioList.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid content:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
