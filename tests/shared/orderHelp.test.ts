import { describe, expect, it } from 'vitest';
import { ROUND_PHASES } from '../../shared/model/phases.ts';
import { ORDER_SPECS } from '../../shared/rules/orders.ts';
import { orderHelp } from '../../shared/content/orderHelp.ts';
import { ROLES } from '../../shared/session/chat.ts';
import { ROLE_HELP, ROLE_SUMMARY } from '../../shared/session/roleHelp.ts';

describe('every order kind is explained where it is chosen', () => {
  // Listed from ORDER_SPECS, so a kind added to the rules without help fails here by name.
  const kinds = Object.keys(ORDER_SPECS);

  it('has help for every order kind of the rules', () => {
    expect(kinds.filter((k) => !orderHelp(k))).toEqual([]);
  });

  it.each(kinds)('%s: a plain sentence and a dated example from the record', (kind) => {
    const help = orderHelp(kind);
    expect(help?.does).toMatch(/^[A-Z].{30,}\.$/);
    // A real example names when it happened: a year between the space age and the record's last events.
    const years = (help?.example.match(/\b(19[5-9]\d|20[0-2]\d)\b/g) ?? []).map(Number);
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((y) => y >= 1957 && y <= 2024)).toBe(true);
    // No internal names (camelCase identifiers) reach the student.
    expect(`${help?.does} ${help?.example}`).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
  });

  it('has no help for a kind that does not exist', () => {
    expect(orderHelp('toString')).toBeUndefined();
    expect(orderHelp('launchRocketsToMars')).toBeUndefined();
  });
});

describe('every role is explained in every phase', () => {
  it.each(ROLES)('%s', (role) => {
    expect(ROLE_SUMMARY[role]).toMatch(/^[A-Z].{20,}\.$/);
    for (const phase of ROUND_PHASES) expect(ROLE_HELP[role][phase]).toMatch(/^[A-Z].{20,}\.$/);
    // Each phase asks something different of the role.
    expect(new Set(ROUND_PHASES.map((p) => ROLE_HELP[role][p])).size).toBe(ROUND_PHASES.length);
  });
});
