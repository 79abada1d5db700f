// Frozen: rules version 1, copied from shared/model/seats.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
/** The three playing delegations, in the order the table and every list show them. */
export const DELEGATIONS = ['us', 'china', 'russia'] as const;
export type Delegation = (typeof DELEGATIONS)[number];

/** Where a student sits: at a delegation, in the gallery as an observer, or not yet anywhere. */
export const SEATS = [...DELEGATIONS, 'observer', 'unseated'] as const;
export type Seat = (typeof SEATS)[number];

export const DELEGATION_NAMES: Record<Delegation, string> = {
  us: 'United States',
  china: 'China',
  russia: 'Russia',
};

export const SEAT_NAMES: Record<Seat, string> = {
  ...DELEGATION_NAMES,
  observer: 'Observers',
  unseated: 'Not seated yet',
};

export function isDelegation(seat: string): seat is Delegation {
  return (DELEGATIONS as readonly string[]).includes(seat);
}
