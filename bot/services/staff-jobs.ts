import {
  type ContactAlertStage,
  decideLoanerDueAt,
  isReopening,
  type NewJob,
  type Ticket,
} from '../../core/index.ts';

/** Job kinds of the staff side. */
export const STAFF_JOBS = {
  newTicket: 'staff-new-ticket',
  contactAlert: 'staff-contact-alert',
  visitReminder: 'visit-reminder',
  loanerReminder: 'staff-loaner-reminder',
  humanRequest: 'staff-human-request',
  intakeCompleted: 'staff-intake-completed',
  contactAdded: 'staff-contact-added',
} as const;

/**
 * The job that brings a ticket filed at a hazard report up to date in its topic once the customer
 * confirmed the intake (the card again, with the contact and product): once per ticket.
 */
export const intakeCompletedJob = (ticketId: string, now: Date): NewJob => ({
  kind: STAFF_JOBS.intakeCompleted,
  key: `intake-completed:${ticketId}`,
  dueAt: now,
  payload: { ticketId },
});

/**
 * The card of a ticket whose intake is pending, brought up to date with a contact the customer
 * gave (an urgent ticket's phone number before Confirm), keyed by the moment, so each answer edits
 * the card once. Its own kind (workers claim only kinds they handle, so no stored job changes
 * meaning); the card is refreshed as for a completed intake.
 */
export const contactAddedJob = (draftId: string, now: Date): NewJob => ({
  kind: STAFF_JOBS.contactAdded,
  key: `contact-added:${draftId}:${now.getTime()}`,
  dueAt: now,
  payload: {},
});

/** The staff alert of one request for a person (the chat and the update that asked). */
export const humanRequestKey = (chatId: number, updateId: number) =>
  `human-request:${chatId}:${updateId}`;

/**
 * The loaner reminder of one opening of a ticket: the report's (the key it always had), or a
 * reopening's (named by its instant), so a reopened ticket gets its own and a rerun none twice.
 */
export const loanerReminderKey = (ticket: Pick<Ticket, 'id' | 'createdAt'>, openedAt: Date) =>
  isReopening(ticket, openedAt)
    ? `loaner-reminder:${ticket.id}:${openedAt.toISOString()}`
    : `loaner-reminder:${ticket.id}`;

/**
 * The loaner reminder job of the opening that began at `openedAt`, or `undefined` when the ticket
 * promises no repair (a question).
 */
export function loanerReminderJob(
  ticket: Pick<Ticket, 'id' | 'kind' | 'createdAt'>,
  openedAt: Date,
): NewJob | undefined {
  const dueAt = decideLoanerDueAt(ticket, openedAt);
  if (!dueAt) return undefined;
  return {
    kind: STAFF_JOBS.loanerReminder,
    key: loanerReminderKey(ticket, openedAt),
    dueAt,
    payload: { ticketId: ticket.id, openedAt: openedAt.toISOString() },
  };
}

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
