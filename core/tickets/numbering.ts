import { type CalendarDate, dateParts, toDate } from '../shared/calendar-date.ts';

const NUMBER = /^FL-(\d{2})(\d{2})(\d{2})-(\d{4,})$/;

/**
 * Formats a ticket number, `FL-YYMMDD-NNNN`: the day the ticket was filed in the service time zone
 * and that day's sequence from 1, at least four digits (`FL-240314-0042`). The caller passes the day:
 * numbering never reads the clock.
 */
export function formatTicketNumber(day: CalendarDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) {
    throw new RangeError(`ticket sequence must be a positive integer, got ${sequence}`);
  }
  const { year, month, day: dom } = dateParts(day);
  const yymmdd = [year % 100, month, dom].map((n) => String(n).padStart(2, '0')).join('');
  return `FL-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Reads a ticket number as a customer or staff member might type it (any case, surrounding space).
 * Years are 2000–2099. `undefined` when it is not a ticket number or names no real day.
 */
export function parseTicketNumber(
  text: string,
): { number: string; day: CalendarDate; sequence: number } | undefined {
  const match = NUMBER.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const day = toDate(2000 + Number(match[1]), Number(match[2]), Number(match[3]));
  const sequence = Number(match[4]);
  if (day === undefined || sequence < 1) return undefined;
  return { number: formatTicketNumber(day, sequence), day, sequence };
}
