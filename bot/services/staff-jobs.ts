import type { ContactAlertStage } from '../../core/index.ts';

/** Job kinds of the staff side. */
export const STAFF_JOBS = {
  newTicket: 'staff-new-ticket',
  contactAlert: 'staff-contact-alert',
  visitReminder: 'visit-reminder',
  loanerReminder: 'staff-loaner-reminder',
} as const;

/** The loaner reminder of a ticket (one per ticket). */
export const loanerReminderKey = (ticketId: string) => `loaner-reminder:${ticketId}`;

const STAGES: readonly ContactAlertStage[] = ['urgent', 'warning', 'breach'];

/** The idempotency key of a ticket's contact alert at one stage. */
export const contactAlertKey = (ticketId: string, stage: ContactAlertStage) =>
  `contact-alert:${ticketId}:${stage}`;

/** Every contact-alert key of a ticket: cancelled once the promise is kept or the ticket closed. */
export const contactAlertKeys = (ticketId: string) =>
  STAGES.map((stage) => contactAlertKey(ticketId, stage));

/** The reminder of one visit window (a new window gets a new reminder, the old one is cancelled). */
export const visitReminderKey = (ticketId: string, start: Date) =>
  `visit-reminder:${ticketId}:${start.toISOString()}`;
