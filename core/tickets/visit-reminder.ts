import { addDays, toCalendarDate } from '../shared/calendar-date.ts';
import { toInstant, toZonedTime } from '../shared/zoned-time.ts';
import type { VisitWindow } from './ticket.ts';

/** The customer is reminded of a visit the evening before, at 19:00 service time. */
export const VISIT_REMINDER_MINUTE = 19 * 60;

/**
 * When to remind the customer of a scheduled visit: 19:00 (service time zone) the evening before.
 * `undefined` when that moment has already passed (a visit booked for tomorrow morning late in the
 * evening): the confirmation just sent is the reminder.
 */
export function decideVisitReminderAt(
  window: VisitWindow,
  now: Date,
  timeZone: string,
): Date | undefined {
  const { date } = toZonedTime(window.start, timeZone);
  const at = toInstant(addDays(date, -1), VISIT_REMINDER_MINUTE, timeZone);
  return at.getTime() > now.getTime() ? at : undefined;
}

/**
 * What the reminder calls the visit's day when it runs at `now`: "tomorrow" the evening before,
 * "today" when it runs late on the visit's day (the bot was down overnight, a backlog), and
 * `undefined` once the visit has begun — it is not sent then.
 */
export function decideVisitReminderDay(
  windowStart: Date,
  now: Date,
  timeZone: string,
): 'today' | 'tomorrow' | undefined {
  if (now.getTime() >= windowStart.getTime()) return undefined;
  return toCalendarDate(now, timeZone) === toCalendarDate(windowStart, timeZone)
    ? 'today'
    : 'tomorrow';
}
