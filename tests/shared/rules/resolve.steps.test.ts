import { describe, expect, it } from 'vitest';
import { ORDER_SPECS, type OrderKind } from '../../../shared/rules/orders.ts';
import { ORDER_RULES, ROUND_STEPS } from '../../../shared/rules/resolve.ts';

describe('the steps of a round', () => {
  it('carry out every order kind exactly once: a kind left out would be paid for and do nothing', () => {
    const kinds = ROUND_STEPS.filter((s): s is OrderKind => typeof s === 'string');
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(Object.keys(ORDER_SPECS).sort());
    expect(Object.keys(ORDER_RULES).sort()).toEqual(Object.keys(ORDER_SPECS).sort());
  });
});
