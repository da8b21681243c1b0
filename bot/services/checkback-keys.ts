/** The job that records an unanswered check-back as unconfirmed, by guided case. */
export const checkbackExpiryKey = (guidanceId: string) => `checkback-expire:${guidanceId}`;
