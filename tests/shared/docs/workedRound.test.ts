import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../server/content.ts';
import { WORKED_END, WORKED_START, withWorkedRound, workedRound } from '../../../server/docs/workedRound.ts';

const campaign = loadContent('content').scenarios.find((s) => s.id === 'campaign');

describe("the rulebook's worked round", () => {
  it('is the engine’s current output: after a rule change, run npm run docs:rules', () => {
    if (!campaign) throw new Error('no campaign scenario');
    const page = readFileSync('docs/rules.md', 'utf8');
    expect(withWorkedRound(page, workedRound(campaign))).toBe(page);
  });

  it('gives every change a cause and ends with the results the engine computed', () => {
    if (!campaign) throw new Error('no campaign scenario');
    const section = workedRound(campaign);
    expect(section).toMatch(/\*\*At the CD and the UN\.\*\*/);
    expect(section).toMatch(/\| security \| \d+ → \d+ \| \d+ → \d+ \| \d+ → \d+ \|/);
    // Each change line reads "cause: target ±n (→ value)."
    const lines = section.split('\n').filter((l) => l.startsWith('- ') && l.includes('(→'));
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) expect(l).toMatch(/^- .+: .+ [+-][\d.]+ \(→ [\d.]+\)/);
  });

  it('refuses a page without its markers rather than write it elsewhere', () => {
    expect(() => withWorkedRound('# rules', 'x')).toThrow(/markers/);
    expect(withWorkedRound(`a\n${WORKED_START}\nold\n${WORKED_END}\nb`, 'new')).toBe(
      `a\n${WORKED_START}\nnew\n${WORKED_END}\nb`,
    );
  });
});
