import { plural } from '../shared/content/labels.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Card } from '../shared/content/card.ts';
import { type Content, type ContentFile, checkContent } from '../shared/content/check.ts';
import { checkPack, type PackCheck } from '../shared/content/checkPack.ts';
import type { ScenarioSummary } from '../shared/content/scenario.ts';

function readFolder(dir: string): ContentFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      try {
        return { path, json: JSON.parse(readFileSync(path, 'utf8')) as unknown };
      } catch (e) {
        return { path, json: undefined, parseError: (e as Error).message };
      }
    });
}

/** Reads and checks every card (content/cards/*.json) and scenario (content/scenarios/*.json). */
export function readContent(contentDir: string): Content {
  return checkContent(readFolder(join(contentDir, 'cards')), readFolder(join(contentDir, 'scenarios')));
}

/** The content the server runs on; throws one error listing every problem, so bad content stops the start. */
export function loadContent(contentDir: string): { cards: Card[]; scenarios: ScenarioSummary[] } {
  const content = readContent(contentDir);
  if (content.problems.length > 0) {
    throw new Error(
      `The content has ${plural(content.problems.length, 'problem')}; fix them and start again:\n${content.problems.join('\n')}`,
    );
  }
  if (content.scenarios.length === 0)
    throw new Error(`No scenario found in ${join(contentDir, 'scenarios')}.`);
  return content;
}

/**
 * Reads and checks the teacher's pack (content/pack/*.json) against the cards and scenarios. The pack is
 * optional: without the folder, `present` is false and there is nothing to check.
 */
export function readPack(
  contentDir: string,
  content: { cards: readonly Card[]; scenarios: readonly ScenarioSummary[] } = readContent(contentDir),
): PackCheck & { present: boolean } {
  const dir = join(contentDir, 'pack');
  if (!existsSync(dir)) return { present: false, problems: [] };
  return { present: true, ...checkPack(readFolder(dir), content, dir) };
}
