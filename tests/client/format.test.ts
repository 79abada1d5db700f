import { describe, expect, it } from 'vitest';
import { minutesAndSeconds, plural, points } from '../../client/src/ui/format.ts';

describe('words on the screens', () => {
  it.each([
    [0, '0 points'],
    [1, '1 point'],
    [2, '2 points'],
    [12, '12 points'],
  ])('points(%i) is "%s" (once "1 points" and "Costs 2 point(s)")', (n, text) => {
    expect(points(n)).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'delegation')).toBe('1 delegation');
    expect(plural(3, 'body', 'bodies')).toBe('3 bodies');
  });

  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [59_400, '0:59'],
    [360_000, '6:00'],
    [245_400, '4:05'],
  ])('%i ms is %s', (ms, text) => {
    expect(minutesAndSeconds(ms)).toBe(text);
  });
});
