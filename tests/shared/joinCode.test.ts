import { describe, expect, it } from 'vitest';
import {
  isJoinCode,
  JOIN_CODE_ALPHABET,
  joinCodeFromIndexes,
  normalizeJoinCode,
} from '../../shared/model/joinCode.ts';

describe('join codes', () => {
  it('leave out characters a class could misread', () => {
    for (const ch of '0O1IL') expect(JOIN_CODE_ALPHABET).not.toContain(ch);
  });

  it.each([
    ['7kq-3mx', '7KQ3MX', true],
    [' 7KQ 3MX ', '7KQ3MX', true],
    ['7KQ3M0', '7KQ3M0', false],
    ['7KQ3M', '7KQ3M', false],
    ['7KQ3MXX', '7KQ3MXX', false],
  ])('normalizes %j to %j (valid: %s)', (raw, normalized, valid) => {
    expect(normalizeJoinCode(raw)).toBe(normalized);
    expect(isJoinCode(normalizeJoinCode(raw))).toBe(valid);
  });

  it('builds codes only from the alphabet', () => {
    const code = joinCodeFromIndexes([0, 1, 2, 3, 22, 23]);
    expect(code).toHaveLength(6);
    expect(isJoinCode(code)).toBe(true);
  });
});
