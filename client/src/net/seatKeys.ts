/**
 * The seat keys a browser keeps, so closing the tab does not lose the seat: in localStorage, one per session code
 * and nickname, so the next student on a shared computer, joining with another nickname, does not take it.
 * Pure over the storage given (window.localStorage in the app).
 */

export interface KeyStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'paros.seat';

/** The storage name of one seat key: the code as typed on the board, the nickname without case or spaces around. */
export function seatKeyName(code: string, nickname: string): string {
  return `${PREFIX}.${code.trim().toUpperCase()}.${nickname.trim().toLowerCase()}`;
}

export function loadSeatKey(store: KeyStore, code: string, nickname: string): string | undefined {
  try {
    return store.getItem(seatKeyName(code, nickname)) ?? undefined;
  } catch {
    return undefined; // storage disabled (private mode): the seat lasts as long as the tab
  }
}

export function saveSeatKey(store: KeyStore, code: string, nickname: string, key: string): void {
  try {
    store.setItem(seatKeyName(code, nickname), key);
  } catch {
    /* storage full or disabled: the tab's own copy still serves */
  }
}

/** Forgets one seat key: a consented leave, or a key the session no longer knows. */
export function forgetSeatKey(store: KeyStore, code: string, nickname: string): void {
  try {
    store.removeItem(seatKeyName(code, nickname));
  } catch {
    /* nothing stored */
  }
}
