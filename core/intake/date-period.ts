import {
  addDays,
  addMonths,
  type CalendarDate,
  compareDates,
  toDate,
} from '../shared/calendar-date.ts';

/** The unit a customer named: a day, a week, a month, a season (part of a year), a year. */
export type DatePrecision = 'day' | 'week' | 'month' | 'season' | 'year';

/**
 * A date as precisely as it is known: the period it falls in, both ends included. "2024-03-14" is
 * one day; "last March" the whole of that March; "去年" the whole previous year; "早春" or
 * "late 2023" the months they name. `approximate` marks a reading counted back from today or a part
 * of a period ("3 months ago", "上周", "12月底"): worth confirming with the invoice or nameplate.
 */
export type DatePeriod = {
  from: CalendarDate;
  to: CalendarDate;
  precision: DatePrecision;
  approximate: boolean;
};

export function toPeriod(
  from: CalendarDate,
  to: CalendarDate,
  precision: DatePrecision,
  approximate = false,
): DatePeriod {
  return { from, to, precision, approximate };
}

/** One exact day. */
export function dayPeriod(date: CalendarDate, approximate = false): DatePeriod {
  return toPeriod(date, date, 'day', approximate);
}

/**
 * `count` whole months from `firstMonth` of `year`; months past 12 run into the next year
 * (winter 2023 = months 12–14 = 2023-12-01 … 2024-02-29). `undefined` for a year out of range.
 */
export function monthsPeriod(
  year: number,
  firstMonth: number,
  count: number,
  precision: DatePrecision,
  approximate = false,
): DatePeriod | undefined {
  const january = toDate(year, 1, 1);
  if (!january) return undefined;
  const from = addMonths(january, firstMonth - 1);
  return toPeriod(from, addDays(addMonths(from, count), -1), precision, approximate);
}

/** The period with its end moved back to `latest` when it runs past it (a purchase is not after today). */
export function clampPeriod(
  period: DatePeriod,
  bounds: { earliest?: CalendarDate; latest?: CalendarDate },
): DatePeriod {
  const { earliest, latest } = bounds;
  const from =
    earliest !== undefined && compareDates(period.from, earliest) < 0 ? earliest : period.from;
  const to = latest !== undefined && compareDates(period.to, latest) > 0 ? latest : period.to;
  return { ...period, from, to };
}
