import { isTicketClosed } from './lifecycle.ts';
import type { Ticket } from './ticket.ts';

/**
 * The seed's promise: a repair not done within 24 hours of the report gets a free loaner offered
 * until it is repaired.
 */
export const LOANER_AFTER_HOURS = 24;

/**
 * When staff are to be reminded to offer a loaner: 24 hours after the report, for a repair (a fault
 * ticket); `undefined` for a question for a person, which promises no repair.
 */
export function decideLoanerDueAt(ticket: Pick<Ticket, 'kind' | 'createdAt'>): Date | undefined {
  if (ticket.kind !== 'fault') return undefined;
  return new Date(ticket.createdAt.getTime() + LOANER_AFTER_HOURS * 3_600_000);
}

/** Whether the reminder still applies when it falls due: the repair's ticket is not closed. */
export function isLoanerDue(ticket: Pick<Ticket, 'kind' | 'state'>): boolean {
  return ticket.kind === 'fault' && !isTicketClosed(ticket.state);
}
