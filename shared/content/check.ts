import type { z } from 'zod';
import { POOL_YEARS, poolFor } from '../rules/cards.ts';
import { RECORD_AS_OF, STARTING_RECORD } from '../rules/start.ts';
import { Card, cardYear } from './card.ts';
import { Scenario, type ScenarioSummary, summarize } from './scenario.ts';

/** A content file as read from disk: its path, and its parsed JSON or why it could not be parsed. */
export interface ContentFile {
  path: string; // "content/cards/p37-revised-ppwt.json"
  json: unknown;
  parseError?: string;
}

export interface Content {
  cards: Card[];
  scenarios: ScenarioSummary[];
  problems: string[]; // one line each: file, card or scenario, field, what is wrong
}

const where = (issue: z.core.$ZodIssue) => (issue.path.length ? `${issue.path.join('.')}: ` : '');
const baseName = (path: string) => path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');

/**
 * Validates every card and scenario, and what ties them together: file names match ids, ids are unique,
 * scenarios name cards that exist, each scripted card is dated within its round's span and in date order, every
 * pool card can be drawn near its date, and no card applies again what the scenario's starting world already
 * holds. Pure: the server and `npm run content:check` give it the files and print the same problems.
 */
export function checkContent(
  cardFiles: readonly ContentFile[],
  scenarioFiles: readonly ContentFile[],
): Content {
  const problems: string[] = [];
  const cards: Card[] = [];
  const byId = new Map<string, Card>();
  for (const f of cardFiles) {
    if (f.parseError) {
      problems.push(`${f.path}: not valid JSON (${f.parseError})`);
      continue;
    }
    const label = `card "${(f.json as { id?: unknown })?.id ?? baseName(f.path)}"`;
    const parsed = Card.safeParse(f.json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${f.path}: ${label}: ${where(issue)}${issue.message}`);
      continue;
    }
    const card = parsed.data;
    if (baseName(f.path) !== card.id)
      problems.push(`${f.path}: ${label}: id: the file should be named ${card.id}.json`);
    if (byId.has(card.id)) {
      problems.push(`${f.path}: ${label}: id: another card already uses this id`);
      continue;
    }
    byId.set(card.id, card);
    cards.push(card);
  }

  const scenarios: ScenarioSummary[] = [];
  const scenarioIds = new Set<string>();
  for (const f of scenarioFiles) {
    if (f.parseError) {
      problems.push(`${f.path}: not valid JSON (${f.parseError})`);
      continue;
    }
    const label = `scenario "${(f.json as { id?: unknown })?.id ?? baseName(f.path)}"`;
    const parsed = Scenario.safeParse(f.json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${f.path}: ${label}: ${where(issue)}${issue.message}`);
      continue;
    }
    const s = parsed.data;
    const before = problems.length;
    if (baseName(f.path) !== s.id)
      problems.push(`${f.path}: ${label}: id: the file should be named ${s.id}.json`);
    if (scenarioIds.has(s.id))
      problems.push(`${f.path}: ${label}: id: another scenario already uses this id`);
    scenarioIds.add(s.id);
    s.rounds.forEach((round, i) => {
      const previous = s.rounds[i - 1];
      if (previous && round.year <= previous.year) {
        problems.push(
          `${f.path}: ${label}: rounds.${i}.year: rounds go forward in time (${round.year} follows ${previous.year})`,
        );
      }
      const from = previous ? previous.year : round.year - 3;
      round.cards.forEach((id, j) => {
        const card = byId.get(id);
        if (!card) {
          problems.push(`${f.path}: ${label}: rounds.${i}.cards.${j}: there is no card "${id}"`);
          return;
        }
        const y = cardYear(card);
        if (y < from || y > round.year) {
          problems.push(
            `${f.path}: ${label}: rounds.${i}.cards.${j}: card "${id}" is dated ${card.date}, outside round ${i + 1} (${from}–${round.year})`,
          );
        }
        const earlier = byId.get(round.cards[j - 1] ?? '');
        if (earlier && earlier.date > card.date) {
          problems.push(
            `${f.path}: ${label}: rounds.${i}.cards.${j}: card "${id}" (${card.date}) comes before "${earlier.id}" (${earlier.date}): list a round's cards in date order`,
          );
        }
      });
    });
    // The starting world already holds the record before `asOf`: a card from then must not move it again.
    const asOf = s.start?.asOf ?? RECORD_AS_OF;
    const firstYear = s.rounds[0]?.year ?? asOf;
    if (asOf > firstYear)
      problems.push(
        `${f.path}: ${label}: start.asOf: the starting world holds the record up to ${asOf}, after the first round (${firstYear})`,
      );
    for (const held of STARTING_RECORD) {
      if (held.year >= asOf && !held.leftOut(s.start ?? {}))
        problems.push(`${f.path}: ${label}: start: a world as of ${asOf} cannot hold ${held.what}`);
    }
    const placed = [
      ...s.rounds.flatMap((r, i) => r.cards.map((id, j) => [id, `rounds.${i}.cards.${j}`] as const)),
      ...s.pool.map((id, j) => [id, `pool.${j}`] as const),
    ];
    for (const [id, where] of placed) {
      const card = byId.get(id);
      if (card && cardYear(card) < asOf && card.effects.some((e) => 'delta' in e))
        problems.push(
          `${f.path}: ${label}: ${where}: card "${id}" (${card.date}) is already in the starting world (the record up to ${asOf}): its changes would apply twice; leave it out, or give it no changes`,
        );
    }
    const used = new Map<string, string>();
    const place = (id: string, where: string) => {
      const before = used.get(id);
      if (before) problems.push(`${f.path}: ${label}: ${where}: card "${id}" is already used at ${before}`);
      else used.set(id, where);
    };
    for (const [i, round] of s.rounds.entries())
      for (const [j, id] of round.cards.entries()) place(id, `rounds.${i}.cards.${j}`);
    for (const [j, id] of s.pool.entries()) place(id, `pool.${j}`);
    const first = (s.rounds[0]?.year ?? 0) - 3;
    const last = s.rounds.at(-1)?.year ?? 0;
    s.pool.forEach((id, j) => {
      const card = byId.get(id);
      if (!card) {
        problems.push(`${f.path}: ${label}: pool.${j}: there is no card "${id}"`);
        return;
      }
      const y = cardYear(card);
      if (y < first || y > last) {
        problems.push(
          `${f.path}: ${label}: pool.${j}: card "${id}" is dated ${card.date}, outside the scenario (${first}–${last})`,
        );
      } else if (!s.rounds.some((r) => r.draw > 0 && poolFor([card], r.year).length > 0)) {
        problems.push(
          `${f.path}: ${label}: pool.${j}: card "${id}" (${card.date}) is never drawn: no round that draws comes within ${POOL_YEARS} years after it`,
        );
      }
    });
    if (problems.length === before) scenarios.push(summarize(s));
  }
  if (scenarioFiles.length > 0 && scenarios.length === 0 && problems.length === 0)
    problems.push('content: no scenario');
  return { cards, scenarios, problems };
}
