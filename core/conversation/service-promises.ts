/**
 * Timings from the seed's service commitments, as pure functions of the moment something happened.
 */

/** A check-back waits this long for an answer before it is recorded as unconfirmed (24 h). */
export const CHECKBACK_ANSWER_WINDOW_MS = 24 * 3_600_000;

/** How long before the contact promise lapses staff are alerted about an untaken ticket. */
export const CONTACT_ALERT_LEAD_MS = 10 * 60_000;

/**
 * When to alert staff about a ticket nobody has taken: ten minutes before the promise to contact
 * the customer lapses (the seed: "30分钟内与使用者取得联系"), and never earlier than half-way.
 */
export function decideContactAlertAt(reportedAt: Date, contactWithinMs: number): Date {
  return new Date(
    reportedAt.getTime() + Math.max(contactWithinMs - CONTACT_ALERT_LEAD_MS, contactWithinMs / 2),
  );
}

/** When the 2-hour check-back after guidance asks again (the seed: "2个小时后必须回访用户"). */
export function decideCheckbackAt(guidedAt: Date, checkBackAfterMs: number): Date {
  return new Date(guidedAt.getTime() + checkBackAfterMs);
}
