import { addDays, type CalendarDate, compareDates, toDate } from '../shared/calendar-date.ts';
import { weekdayOf } from './calendar.ts';
import { type DatePeriod, toPeriod } from './date-period.ts';

/** The first and last day a festival covers in a year (both included), or nothing. */
type FestivalDays = (year: number) => readonly [CalendarDate, CalendarDate] | undefined;

const onDay =
  (month: number, day: number): FestivalDays =>
  (year) => {
    const date = toDate(year, month, day);
    return date ? [date, date] : undefined;
  };

const fromTo =
  (month: number, first: number, last: number): FestivalDays =>
  (year) => {
    const from = toDate(year, month, first);
    const to = toDate(year, month, last);
    return from && to ? [from, to] : undefined;
  };

/** Black Friday: the day after the fourth Thursday of November (US Thanksgiving). */
const blackFriday: FestivalDays = (year) => {
  const first = toDate(year, 11, 1);
  if (!first) return undefined;
  const thursday = addDays(first, (4 - weekdayOf(first) + 7) % 7);
  const friday = addDays(thursday, 22);
  return [friday, friday];
};

/**
 * Lunar new year's day (正月初一), 2000–2035, as the Chinese calendar (China Standard Time) gives
 * it. ICU's Chinese calendar agrees on all but 2027 and 2030, whose new moons fall minutes from
 * midnight in Beijing, where its approximation lands on the wrong side.
 */
const LUNAR_NEW_YEAR =
  '0205 0124 0212 0201 0122 0209 0129 0218 0207 0126 0214 0203 0123 0210 0131 0219 0208 0128 0216 0205 0125 0212 0201 0122 0210 0129 0217 0206 0126 0213 0203 0123 0211 0131 0219 0208'.split(
    ' ',
  );
const FIRST_LUNAR_YEAR = 2000;

/** Lunar new year's day of a year from 2000 to 2035; `undefined` for other years. */
export function lunarNewYear(year: number): CalendarDate | undefined {
  const day = LUNAR_NEW_YEAR[year - FIRST_LUNAR_YEAR];
  return day ? toDate(year, Number(day.slice(0, 2)), Number(day.slice(2))) : undefined;
}

/**
 * Lunar new year's day; without a Chinese calendar, every day it can fall on (21 January to
 * 20 February). The Spring Festival itself is read around it (see {@link READ_AROUND}).
 */
const springFestival: FestivalDays = (year) => {
  const day = lunarNewYear(year);
  const from = day ?? toDate(year, 1, 21);
  const to = day ?? toDate(year, 2, 20);
  return from && to ? [from, to] : undefined;
};

/**
 * Festivals that date a purchase by the days around them, not their day: "春节买的" is the
 * new-year shopping of the week before lunar new year's day or the holiday of the week after.
 */
const READ_AROUND: ReadonlySet<FestivalDays> = new Set([springFestival]);

/**
 * Online shopping days: an order "on 双十一" is delivered, and its invoice dated, in the days after
 * (the warranty counts from the invoice or delivery), so the purchase is read as the day and the
 * week after it — never as the order day alone, which could state a charge the customer may not owe.
 */
const SHOPPING_DAY_DELIVERY_DAYS = 7;
const singlesDay = onDay(11, 11);
const midYearSale = onDay(6, 18);
const SHOPPING_DAYS: ReadonlySet<FestivalDays> = new Set([singlesDay, midYearSale, blackFriday]);

/**
 * Festivals and shopping days customers date a purchase by, as the cleaned text writes them
 * (numerals as digits: 双十一 → 双11). Moveable feasts not listed (Easter, 中秋) are not guessed.
 */
const FESTIVALS: Readonly<Record<string, FestivalDays>> = {
  双11: singlesDay,
  雙11: singlesDay,
  'double 11': singlesDay,
  'double eleven': singlesDay,
  'singles day': singlesDay,
  "singles' day": singlesDay,
  '618': midYearSale,
  圣诞: onDay(12, 25),
  聖誕: onDay(12, 25),
  christmas: onDay(12, 25),
  'christmas day': onDay(12, 25),
  xmas: onDay(12, 25),
  国庆: fromTo(10, 1, 7),
  國慶: fromTo(10, 1, 7),
  'national day': fromTo(10, 1, 7),
  'black friday': blackFriday,
  春节: springFestival,
  春節: springFestival,
  过年: springFestival,
  過年: springFestival,
  新春: springFestival,
  农历新年: springFestival,
  農曆新年: springFestival,
  'chinese new year': springFestival,
  'lunar new year': springFestival,
  'spring festival': springFestival,
  cny: springFestival,
};

/** The festival names, longest first, for a pattern. */
export const FESTIVAL_NAMES = Object.keys(FESTIVALS).sort((a, b) => b.length - a.length);

/** Days around a festival a relation word reaches: before and after, a month; around, a week. */
const BEFORE_AFTER_DAYS = 30;
const AROUND_DAYS = 7;

export type FestivalRelation = 'on' | 'before' | 'after' | 'around';

/**
 * A festival in a year as a period: its day (precision `day`) or days (`week`; a shopping day and
 * the week of delivery after it), the 30 days before
 * or after it (`month`), or a week either side (`week`; the Spring Festival always); always
 * approximate — a festival names when, not the date on the invoice.
 */
export function festivalPeriod(
  name: string,
  year: number,
  relation: FestivalRelation,
): DatePeriod | undefined {
  const festival = FESTIVALS[name];
  const days = festival?.(year);
  if (!festival || !days) return undefined;
  const [first, last] = days;
  const how = relation === 'on' && READ_AROUND.has(festival) ? 'around' : relation;
  if (how === 'on' && SHOPPING_DAYS.has(festival))
    return toPeriod(first, addDays(last, SHOPPING_DAY_DELIVERY_DAYS), 'week', true);
  if (how === 'before') {
    return toPeriod(addDays(first, -BEFORE_AFTER_DAYS), addDays(first, -1), 'month', true);
  }
  if (how === 'after') {
    return toPeriod(addDays(last, 1), addDays(last, BEFORE_AFTER_DAYS), 'month', true);
  }
  if (how === 'around') {
    return toPeriod(addDays(first, -AROUND_DAYS), addDays(last, AROUND_DAYS), 'week', true);
  }
  return toPeriod(first, last, compareDates(first, last) === 0 ? 'day' : 'week', true);
}
