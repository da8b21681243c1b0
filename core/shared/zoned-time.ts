import { type CalendarDate, toDate, toDayNumber } from './calendar-date.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

type WallClock = { date: CalendarDate; minute: number };

/** Formatters by time zone: building one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Each time zone's latest reading, by the UTC second it was read for. */
const lastRead = new Map<string, { second: number; wall: WallClock }>();

/**
 * The wall-clock date, hour and minute of an instant in `timeZone`, read with `formatToParts`
 * (about 25 µs) — once per UTC second and time zone: every offset is a whole number of seconds, so
 * instants in one UTC second share their wall-clock minute (a busy bot reads "now" many times a
 * second).
 */
function wallClock(instant: Date, timeZone: string): WallClock {
  const second = Math.floor(instant.getTime() / 1000);
  const last = lastRead.get(timeZone);
  if (last !== undefined && last.second === second) return { ...last.wall };
  const wall = readWallClock(instant, timeZone);
  if (lastRead.size > 100) lastRead.clear();
  lastRead.set(timeZone, { second, wall });
  return { ...wall };
}

function readWallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  // Some ICU versions print midnight as "24" even with h23.
  const hour = get('hour') % 24;
  return {
    date: toDate(get('year'), get('month'), get('day')) as CalendarDate,
    minute: hour * 60 + get('minute'),
  };
}

/** Minutes from the instant's wall time to its UTC time: +480 in Shanghai, −240 in New York (EDT). */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const { date, minute } = wallClock(new Date(epochMs), timeZone);
  const wall = toDayNumber(date) * DAY_MS + minute * MINUTE_MS;
  return Math.round((wall - Math.floor(epochMs / MINUTE_MS) * MINUTE_MS) / MINUTE_MS);
}

/**
 * The instant at `minute` past midnight of `date` in `timeZone` (wall-clock time to an instant).
 *
 * Daylight-saving changeovers are resolved as Temporal's `compatible` disambiguation does: a
 * wall time that occurs twice (New York 01:30 on the November changeover day) is the earlier
 * instant; one that does not occur (New York 02:30 on the March changeover day) is moved forward
 * by the length of the gap (03:30 EDT). Assumes at most one offset change within a day either side.
 */
export function toInstant(date: CalendarDate, minute: number, timeZone: string): Date {
  const wall = toDayNumber(date) * DAY_MS + minute * MINUTE_MS;
  const before = offsetMinutes(wall - DAY_MS, timeZone);
  const after = offsetMinutes(wall + DAY_MS, timeZone);
  const candidates = [wall - before * MINUTE_MS, wall - after * MINUTE_MS]
    .filter((epoch) => offsetMinutes(epoch, timeZone) * MINUTE_MS === wall - epoch)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap; the offset before it carries it past the gap.
  return new Date(candidates[0] ?? wall - before * MINUTE_MS);
}

/**
 * The calendar date and minute of the day (hour × 60 + minute on the wall clock) of an instant in
 * `timeZone`. Not the minutes elapsed since midnight: on a daylight-saving changeover day those
 * differ by the shift (New York 2025-03-09 10:00 EDT is minute 600, though 540 minutes have passed).
 */
export function toZonedTime(
  instant: Date,
  timeZone: string,
): { date: CalendarDate; minute: number } {
  return wallClock(instant, timeZone);
}
