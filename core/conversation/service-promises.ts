/**
 * Timings from the seed's service commitments, as pure functions of the moment something happened.
 */

/** A check-back waits this long for an answer before it is recorded as unconfirmed (24 h). */
export const CHECKBACK_ANSWER_WINDOW_MS = 24 * 3_600_000;

/** When the 2-hour check-back after guidance asks again (the seed: "2个小时后必须回访用户"). */
export function decideCheckbackAt(guidedAt: Date, checkBackAfterMs: number): Date {
  return new Date(guidedAt.getTime() + checkBackAfterMs);
}

/** When an unanswered check-back is recorded as unconfirmed: 24 hours after it was asked. */
export function decideCheckbackExpiry(askedAt: Date): Date {
  return new Date(askedAt.getTime() + CHECKBACK_ANSWER_WINDOW_MS);
}

/** How long an idle conversation is remembered (a draft left half-way resumes within it). */
export const SESSION_RETENTION_MS = 30 * 86_400_000;
