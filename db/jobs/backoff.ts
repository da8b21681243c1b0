export type BackoffOptions = {
  /** Delay after the first failed attempt. Default 30 s. */
  baseMs?: number;
  /** Longest delay. Default 1 h. */
  capMs?: number;
};

/** Delay before the next attempt after `attempts` failed ones: base · 2^(attempts−1), capped. */
export function retryDelayMs(
  attempts: number,
  { baseMs = 30_000, capMs = 3_600_000 }: BackoffOptions = {},
): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(capMs, baseMs * 2 ** Math.min(exponent, 30));
}
