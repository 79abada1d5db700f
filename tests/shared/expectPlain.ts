import { expect } from 'vitest';
import { REFUSAL_CODES, type Refusal } from '../../shared/session/refusal.ts';

/**
 * A refusal is read by the person who clicked: a sentence, without code names, field names or "undefined".
 * Checked for every refusal in the legality tables.
 */
export function expectPlain(refusal: Refusal): void {
  expect(REFUSAL_CODES).toContain(refusal.code);
  const { message } = refusal;
  expect(message.trim().length).toBeGreaterThan(10);
  expect(message).toMatch(/^[A-Z"]/);
  expect(message).toMatch(/[.!?]$/);
  expect(message).not.toMatch(/\b[a-z]+[A-Z]\w*\b/); // camelCase: a code, a command or a field name
  expect(message).not.toMatch(/undefined|null|NaN|\[object/);
}
