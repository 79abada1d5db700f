import { describe, expect, it } from 'vitest';
import {
  forgetSeatKey,
  type KeyStore,
  loadSeatKey,
  saveSeatKey,
  seatKeyName,
} from '../../client/src/net/seatKeys.ts';

/** A storage like the browser's, over a Map. */
function memoryStore(): KeyStore & { size(): number } {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    size: () => m.size,
  };
}

describe('seat keys kept across closed tabs', () => {
  it('gives the key back to the same nickname in the same session, whatever its case or spaces', () => {
    const store = memoryStore();
    saveSeatKey(store, 'abc234', 'Ana', 'key-of-ana-0123456789');
    expect(loadSeatKey(store, 'ABC234', ' ana ')).toBe('key-of-ana-0123456789');
  });

  it('does not give it to the next student on a shared computer, nor in another session', () => {
    const store = memoryStore();
    saveSeatKey(store, 'ABC234', 'Ana', 'key-of-ana-0123456789');
    expect(loadSeatKey(store, 'ABC234', 'Ben')).toBeUndefined();
    expect(loadSeatKey(store, 'XYZ789', 'Ana')).toBeUndefined();
    expect(seatKeyName('ABC234', 'Ana')).not.toBe(seatKeyName('ABC234', 'Ben'));
  });

  it('keeps one key per student, and leaving for good forgets only that one', () => {
    const store = memoryStore();
    saveSeatKey(store, 'ABC234', 'Ana', 'first-key-0123456789');
    saveSeatKey(store, 'ABC234', 'Ana', 'second-key-012345678');
    saveSeatKey(store, 'ABC234', 'Ben', 'key-of-ben-0123456789');
    expect(store.size()).toBe(2);
    expect(loadSeatKey(store, 'ABC234', 'Ana')).toBe('second-key-012345678');
    forgetSeatKey(store, 'ABC234', 'Ana');
    expect(loadSeatKey(store, 'ABC234', 'Ana')).toBeUndefined();
    expect(loadSeatKey(store, 'ABC234', 'Ben')).toBe('key-of-ben-0123456789');
  });

  it('a browser that refuses storage costs the saved key, not the join', () => {
    const broken: KeyStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => saveSeatKey(broken, 'ABC234', 'Ana', 'k')).not.toThrow();
    expect(loadSeatKey(broken, 'ABC234', 'Ana')).toBeUndefined();
    expect(() => forgetSeatKey(broken, 'ABC234', 'Ana')).not.toThrow();
  });
});
