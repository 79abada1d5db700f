/**
 * No internal name reaches people: every sentence the rules write (causes, the story, violations, words and
 * deeds, commitments), every order's line, every change target's name, every label, every help text, every bot
 * statement and every text of the content is checked by `wordProblems` (tests/shared/plainWords.ts) over seeded
 * campaigns of random legal orders of every kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../server/content.ts';
import { ANSWERS, POSITIONS } from '../../shared/bots/statements.ts';
import * as labels from '../../shared/content/labels.ts';
import { ORDER_HELP } from '../../shared/content/orderHelp.ts';
import { plainText } from '../../shared/content/pack.ts';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { DELEGATIONS } from '../../shared/model/seats.ts';
import { revealCards } from '../../shared/rules/cards.ts';
import { describeOrder } from '../../shared/rules/describe.ts';
import type { World } from '../../shared/rules/model.ts';
import { ORDER_SPECS } from '../../shared/rules/orders.ts';
import { targetLabel, targetName } from '../../shared/rules/texts.ts';
import { nextStepLabel } from '../../shared/session/nextStep.ts';
import { ROLE_HELP, ROLE_SUMMARY } from '../../shared/session/roleHelp.ts';
import { allWordProblems, wordProblems } from './plainWords.ts';
import { playCampaign } from './rules/campaign.ts';
import { playRounds, worldWith } from './rules/testWorld.ts';

/** Every sentence a world holds for people to read. */
function worldTexts(w: World): string[] {
  return [
    ...w.changes.flatMap((c) => [c.cause, targetName(c.target), targetLabel(c.target)]),
    ...w.story.map((s) => s.text),
    ...w.violations.flatMap((v) => [v.rule, v.what]),
    ...w.gaps.flatMap((g) => [g.said, g.did]),
    ...DELEGATIONS.flatMap((d) => w.delegations[d].commitments.map((c) => c.text)),
  ];
}

/**
 * Every string of a JSON value that reads as words (ids and single tokens are data, not text), as a reader sees
 * it: a glossary mark `[[ssa|sensors]]` reads "sensors", and `[[ssa]]` the term's name.
 */
function jsonTexts(value: unknown): string[] {
  if (typeof value === 'string') return value.includes(' ') ? [plainText(value, () => 'Glossary term')] : [];
  if (Array.isArray(value)) return value.flatMap(jsonTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonTexts);
  return [];
}

describe('the words check', () => {
  // Regression: strings that reached people before the table of labels (issue 2.4's findings).
  it.each([
    'Technology deal with Russia: missileWarning',
    'leo satellites +1',
    'ssa +1',
    'The the US–China summit',
    '1 points',
    'Costs 2 point(s)',
    'paused with 360 seconds left',
    'Vote yes on resolution r3-asatTestBan',
    'The truth: a natural cause (spaceWeather).',
    'Statement: A statement of noFirstPlacement',
    'Budget: undefined',
  ])('finds the fault in "%s"', (text) => {
    expect(wordProblems(text)).not.toEqual([]);
  });

  it.each([
    'Technology deal with Russia: help with missile early warning',
    "China's satellites in low orbit",
    'The US–China summit',
    '1 point',
    'Costs 2 points',
    'Timer paused: 6:00 left',
    'Vote yes on the resolution on a halt to destructive direct-ascent ASAT tests (round 3)',
    'Launch 3 satellites to LEO',
  ])('passes "%s"', (text) => {
    expect(wordProblems(text)).toEqual([]);
  });
});

describe('no internal name reaches people', () => {
  it('in what seeded campaigns of every order kind write, and in the lines of their orders', () => {
    const texts: string[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const worlds = playCampaign(seed, (orders) => {
        for (const d of DELEGATIONS) for (const o of orders[d]) texts.push(describeOrder(o));
      });
      texts.push(...worldTexts(worlds.at(-1) as World));
    }
    expect(texts.length).toBeGreaterThan(5000);
    expect(allWordProblems(texts)).toEqual([]);
  });

  it('in what the orders the campaigns never give write: lobbying, and deals that run out', () => {
    const rounds = playRounds([
      {
        china: [
          { kind: 'proposeResolution', topic: 'asatTestBan' },
          { kind: 'techDeal', with: 'russia', deal: 'missileWarning' },
        ],
        russia: [{ kind: 'techDeal', with: 'china', deal: 'missileWarning' }],
      },
      { us: [{ kind: 'lobbyResolution', resolution: 'r1-asatTestBan', vote: 'no' }] },
      ...Array.from({ length: 6 }, () => ({})),
    ]);
    const last = rounds.at(-1)?.w as World;
    expect(last.story.some((s) => s.text.includes('lobbied'))).toBe(true);
    expect(last.story.some((s) => s.text.includes('expired'))).toBe(true);
    expect(allWordProblems(worldTexts(last))).toEqual([]);
  });

  it('in what every event card writes when it is revealed', () => {
    const { cards } = readContent('content');
    const texts = cards.flatMap((card) => worldTexts(revealCards(worldWith(), [card], 1)));
    expect(allWordProblems(texts)).toEqual([]);
  });

  it('in the order sheet: titles, field labels and choices', () => {
    const texts = Object.values(ORDER_SPECS).flatMap((spec) => [
      spec.title,
      ...spec.fields.flatMap((f) => [
        f.label,
        ...(f.kind === 'choice' ? f.options.map(([, label]) => label) : []),
      ]),
    ]);
    expect(allWordProblems(texts)).toEqual([]);
  });

  it('in the tables of labels, the help texts and the Next button', () => {
    const tables = Object.values(labels).filter((v) => v && typeof v === 'object') as Record<
      string,
      string
    >[];
    const texts = [
      ...tables.flatMap((t) => Object.values(t)),
      ...Object.values(ORDER_HELP).flatMap((h) => jsonTexts(h)),
      ...Object.values(ROLE_SUMMARY),
      ...Object.values(ROLE_HELP).flatMap((byPhase) => Object.values(byPhase)),
      ...[1, 2, 3].flatMap((round) =>
        ROUND_PHASES.map((phase) => nextStepLabel({ stage: 'playing', round, phase, rounds: 3 }) ?? ''),
      ),
      ...Object.values(POSITIONS).flat(),
      ...Object.values(ANSWERS).flatMap((a) =>
        Object.values(labels.DELEGATION_IN_FULL).map((them) => a.replace('{them}', them)),
      ),
    ];
    expect(tables.length).toBeGreaterThan(20);
    expect(allWordProblems(texts)).toEqual([]);
  });

  it('in the content: cards, scenarios and the teacher’s pack', () => {
    const texts = ['cards', 'scenarios', 'pack'].flatMap((dir) =>
      readdirSync(join('content', dir))
        .filter((f) => f.endsWith('.json'))
        .flatMap((f) => jsonTexts(JSON.parse(readFileSync(join('content', dir, f), 'utf8')))),
    );
    expect(texts.length).toBeGreaterThan(500);
    expect(allWordProblems(texts)).toEqual([]);
  });
});
