/**
 * Timings from the seed's service commitments, as pure functions of the moment something happened.
 */

/** A check-back waits this long for an answer before it is recorded as unconfirmed (24 h). */
export const CHECKBACK_ANSWER_WINDOW_MS = 24 * 3_600_000;

/** When the 2-hour check-back after guidance asks again (the seed: "2个小时后必须回访用户"). */
export function decideCheckbackAt(guidedAt: Date, checkBackAfterMs: number): Date {
  return new Date(guidedAt.getTime() + checkBackAfterMs);
}

/** Night in the service time zone, in minutes of the day: 22:00 to 08:00. */
export const QUIET_HOURS = { from: 22 * 60, to: 8 * 60 };

/**
 * Whether a message the customer did not just ask for (the check-back) goes without a sound: at
 * night in the service time zone. It still comes on time (the seed's 2 hours), silently.
 */
export function isQuietMinute(minuteOfDay: number): boolean {
  return minuteOfDay >= QUIET_HOURS.from || minuteOfDay < QUIET_HOURS.to;
}

/** When an unanswered check-back is recorded as unconfirmed: 24 hours after it was asked. */
export function decideCheckbackExpiry(askedAt: Date): Date {
  return new Date(askedAt.getTime() + CHECKBACK_ANSWER_WINDOW_MS);
}

/** How long an idle conversation is remembered (a draft left half-way resumes within it). */
export const SESSION_RETENTION_MS = 30 * 86_400_000;
