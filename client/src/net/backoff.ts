/**
 * How long a tab waits between its tries to find its seat again after the SDK's own quick retries gave up: soon
 * at first (a Wi-Fi hiccup), then every 15 seconds, for more than three minutes in all, so a tab rides out a
 * server restart of two minutes and takes its seat back by itself.
 */
export const RECOVERY_DELAYS_MS: readonly number[] = [
  1_000,
  2_000,
  4_000,
  8_000,
  ...Array.from({ length: 12 }, () => 15_000),
];

/** The total time a tab keeps trying, in ms (195 s with the delays above). */
export const RECOVERY_SPAN_MS = RECOVERY_DELAYS_MS.reduce((sum, d) => sum + d, 0);
