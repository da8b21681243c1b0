import type { TicketEvent } from './events.ts';
import { isTicketClosed } from './lifecycle.ts';
import type { Ticket } from './ticket.ts';

/**
 * The seed's promise: a repair not done within 24 hours of the report gets a free loaner offered
 * until it is repaired.
 */
export const LOANER_AFTER_HOURS = 24;

/**
 * A ticket's current opening, as the loaner reminder counts it: when it began (the report, or the
 * latest reopening — a reopened repair is not done) and when staff were last reminded of a loaner
 * (`null` if never). One reminder per opening: a reopened ticket open 24 hours more gets one more.
 */
export type LoanerOpening = { openedAt: Date; remindedAt: Date | null };

/** The current opening read from a ticket's history (its `reopened` and `loaner_due` events). */
export function readLoanerOpening(
  ticket: Pick<Ticket, 'createdAt'>,
  history: readonly Pick<TicketEvent, 'type' | 'at'>[],
): LoanerOpening {
  let openedAt = ticket.createdAt;
  let remindedAt: Date | null = null;
  for (const event of history) {
    if (event.type === 'reopened' && event.at > openedAt) openedAt = event.at;
    if (event.type === 'loaner_due' && (remindedAt === null || event.at > remindedAt))
      remindedAt = event.at;
  }
  return { openedAt, remindedAt };
}

/**
 * When staff are to be reminded to offer a loaner for the opening that began at `openedAt`: 24
 * hours later, for a repair (a fault ticket); `undefined` for a question for a person, which
 * promises no repair.
 */
export function decideLoanerDueAt(ticket: Pick<Ticket, 'kind'>, openedAt: Date): Date | undefined {
  if (ticket.kind !== 'fault') return undefined;
  return new Date(openedAt.getTime() + LOANER_AFTER_HOURS * 3_600_000);
}

/** Whether the opening that began at `openedAt` is a reopening, not the report's. */
export const isReopening = (ticket: Pick<Ticket, 'createdAt'>, openedAt: Date): boolean =>
  openedAt.getTime() !== ticket.createdAt.getTime();

/**
 * What the reminder of the opening that began at `openedAt` tells staff at `now`: the hours the
 * opening has lasted (at least 24; more for one found overdue, as by the start-up sweep) and
 * whether it is a reopening.
 */
export function describeLoanerReminder(
  ticket: Pick<Ticket, 'createdAt'>,
  openedAt: Date,
  now: Date,
): { hours: number; reopened: boolean } {
  return {
    hours: Math.max(
      LOANER_AFTER_HOURS,
      Math.floor((now.getTime() - openedAt.getTime()) / 3_600_000),
    ),
    reopened: isReopening(ticket, openedAt),
  };
}

/**
 * Whether the reminder of the opening that began at `openedAt` still applies: the repair's ticket
 * is not closed, it is still in that opening (not closed and reopened since: the new opening has
 * its own reminder), and staff were not reminded in it yet (a reminder scheduled twice, by the
 * start-up sweep after the first was pruned, reminds once).
 */
export function isLoanerDue(
  ticket: Pick<Ticket, 'kind' | 'state'>,
  current: LoanerOpening,
  openedAt: Date,
): boolean {
  return (
    ticket.kind === 'fault' &&
    !isTicketClosed(ticket.state) &&
    current.openedAt.getTime() === openedAt.getTime() &&
    (current.remindedAt === null || current.remindedAt < current.openedAt)
  );
}
