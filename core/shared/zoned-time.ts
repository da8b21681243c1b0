import { type CalendarDate, toCalendarDate, toDayNumber } from './calendar-date.ts';

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant at `minute` past midnight of `date` in `timeZone` (wall-clock time to an instant). */
export function toInstant(date: CalendarDate, minute: number, timeZone: string): Date {
  const wall = toDayNumber(date) * 86_400_000 + minute * 60_000;
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The calendar date and minute of the day of an instant in `timeZone`. */
export function toZonedTime(
  instant: Date,
  timeZone: string,
): { date: CalendarDate; minute: number } {
  const date = toCalendarDate(instant, timeZone);
  const minute = Math.round((instant.getTime() - toInstant(date, 0, timeZone).getTime()) / 60_000);
  return { date, minute };
}
