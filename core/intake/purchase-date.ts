import { addMonths, type CalendarDate, compareDates } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { clampPeriod, type DatePeriod } from './date-period.ts';
import { type DateReadingOptions, readDate } from './date-reading.ts';

/** A purchase date as precisely as the customer knows it (see {@link DatePeriod}). */
export type PurchaseDate = DatePeriod;

export type PurchaseDateErrorCode =
  | 'DATE.UNPARSEABLE'
  | 'DATE.NO_SUCH_DAY'
  | 'DATE.FUTURE'
  | 'DATE.BEFORE_PRODUCTION'
  | 'DATE.TOO_OLD';

export type PurchaseDateOptions = DateReadingOptions & {
  /** The product's production date, when known (nameplate): a purchase cannot precede it. */
  productionDate?: CalendarDate;
  /** Oldest purchase accepted, in years before today. Default 30. */
  maxAgeYears?: number;
};

/** Oldest date accepted by default, in years before today. */
export const DEFAULT_MAX_AGE_YEARS = 30;

/**
 * Parses a purchase date as customers write it, in Chinese or English, as the period it may fall
 * in, and checks it is plausible.
 *
 * Absolute: `2024-03-14`, `2024/3/14`, `2024.3.14`, `20240314`, `2024年3月14日/号`, `二〇二四年三月`,
 * `24年3月` (two-digit years are 20yy unless that is after this year), `2024`, `03/2024`,
 * `14 March 2024`, `March 14, 2024`, `Mar 2024`; without a year (`3月14日`, `March 14`, `三月`) the
 * latest such day or month on or before today; Taiwan's Republic of China years (`民國113年3月`,
 * `113/03/14`). Relative to `today`: 今天/昨天/前天 (Cantonese 琴日/尋日/前日), 上周 (last calendar
 * week) and 上周六, 上个月, 今年/去年/前年 (Cantonese 上年/舊年; with a month: 去年三月), a part of a
 * year (年初/年中/年底, 年頭/年尾, `early/mid/late 2023`: January–February, June–July,
 * November–December), a part of a month (`2023年12月底`, `12月初`, 上旬/中旬/下旬, `late March`:
 * the 1st–10th, 11th–20th, 21st–end), a season (春天, 去年夏天, 早春, `last winter`, `summer 2023`),
 * `N天/周/个月/年前`, 半年前, `yesterday`, `last month/year`, `last March` (the latest March before
 * this month), `3 months ago` (the day N units back with a margin either side, wider after "about" /
 * 大概 / 左右: see `AGO_MARGIN`), "over N units" (`一年多`, `两年多前`, `more than a year ago`: from
 * N+1 units back to N units back); festivals (`去年双十一`, `618`, `舊年聖誕`, `Black Friday last
 * year`, `去年国庆`, `春节前`: see `core/intake/festivals.ts`). Hedges ("I think", "maybe", 我记得,
 * 好像, 應該係) are dropped.
 *
 * All-numeric dates ending with the year (`3/4/2024`): a part over 12 is the day; otherwise
 * `order`, else by language — `en` reads M/D/Y (US usage), `zh` reads D/M/Y (Hong Kong and Macau
 * usage: mainland and Taiwan customers write the year first, which is never ambiguous). Without a
 * year (`3/14`, `3.14`) the month comes first unless a part is over 12 or `order` is `DMY`.
 *
 * The period is the whole unit named — 去年 is 1 January to 31 December of last year, "last
 * March" all of that March — so a warranty answer can hold for every day of it; it never runs past
 * today or before `productionDate`. A bare four-digit number is a year only from 1900 to 2099
 * (`0315` is unparseable). Checks use the whole period: `DATE.FUTURE` when it starts after today,
 * `DATE.BEFORE_PRODUCTION` when it ends before `productionDate`, `DATE.TOO_OLD` when it ends more
 * than `maxAgeYears` (30) before today, `DATE.NO_SUCH_DAY` for a day that does not exist
 * (2023-02-29).
 */
export function parsePurchaseDate(
  text: string,
  options: PurchaseDateOptions,
): Result<PurchaseDate, PurchaseDateErrorCode> {
  const { today, productionDate, maxAgeYears = DEFAULT_MAX_AGE_YEARS } = options;
  const found = readDate(text, options);
  if (found === undefined) return fail('DATE.UNPARSEABLE');
  if (found === 'NO_SUCH_DAY') return fail('DATE.NO_SUCH_DAY');
  if (compareDates(found.from, today) > 0) return fail('DATE.FUTURE');
  if (productionDate !== undefined && compareDates(found.to, productionDate) < 0) {
    return fail('DATE.BEFORE_PRODUCTION');
  }
  if (isTooOld(found, today, maxAgeYears)) return fail('DATE.TOO_OLD');
  return ok(clampPeriod(found, { earliest: productionDate, latest: today }));
}

/** The whole period ends more than `maxAgeYears` before today. */
export function isTooOld(period: DatePeriod, today: CalendarDate, maxAgeYears: number): boolean {
  return compareDates(period.to, addMonths(today, -12 * maxAgeYears)) < 0;
}
