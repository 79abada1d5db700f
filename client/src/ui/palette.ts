import type { Seat } from '../../../shared/model/seats.ts';

/** Seat colours from the Okabe–Ito palette, told apart with any colour vision; text always names the seat too. */
export const SEAT_COLOURS: Record<Seat, string> = {
  us: '#0072B2',
  china: '#D55E00',
  russia: '#009E73',
  observer: '#6b7785',
  unseated: '#6b7785',
};
