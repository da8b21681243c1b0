import {
  addDays,
  addMonths,
  type CalendarDate,
  compareDates,
  dateParts,
  daysInMonth,
  toDate,
} from '../shared/calendar-date.ts';
import {
  EN_MONTH,
  EN_WEEKDAY,
  mondayOf,
  toMonth,
  toWeekday,
  weekdayOf,
  ZH_WEEK,
  ZH_WEEKDAY,
} from './calendar.ts';
import {
  type DatePeriod,
  type DatePrecision,
  dayPeriod,
  monthsPeriod,
  toPeriod,
} from './date-period.ts';
import { FESTIVAL_NAMES, type FestivalRelation, festivalPeriod } from './festivals.ts';
import { alternationOf, foldText, replaceChineseNumerals } from './text.ts';

/** What a text reads as: a period, a day that does not exist, or nothing. */
export type DateReading = DatePeriod | 'NO_SUCH_DAY' | undefined;

export type DateReadingOptions = {
  /** Today in the service time zone; relative dates count back from it. */
  today: CalendarDate;
  /** The customer's language; decides `3/4/2024` when `order` is not given. Default `zh`. */
  lang?: 'zh' | 'en';
  /** Order of an all-numeric date that ends with the year, when both leading parts are ≤ 12. */
  order?: 'MDY' | 'DMY';
};

type Found = DatePeriod | 'NO_SUCH_DAY';
type Context = {
  today: CalendarDate;
  year: number;
  month: number;
  order: 'MDY' | 'DMY';
  /** `order` was given, not derived from the language. */
  explicitOrder: boolean;
  /** A word for "about" was said ("大概", "左右", "around"): a count back is read wider. */
  about: boolean;
};
/** A pattern over the cleaned text and its reading (`undefined`: not this rule after all). */
export type DateRule = [RegExp, (match: RegExpExecArray, context: Context) => Found | undefined];

const DAY_MARK = '[日号號]';
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  couple: 2,
  'a couple': 2,
  few: 3,
  'a few': 3,
};

const num = (match: RegExpExecArray, group: number): number => Number(match[group]);
const str = (match: RegExpExecArray, group: number): string => match[group] ?? '';
const orNoSuchDay = (period: DatePeriod | undefined): Found => period ?? 'NO_SUCH_DAY';

function day(year: number, month: number, dayOfMonth: number): Found {
  const date = toDate(year, month, dayOfMonth);
  return date ? dayPeriod(date) : 'NO_SUCH_DAY';
}

export function month(year: number, monthOfYear: number): Found {
  if (monthOfYear < 1 || monthOfYear > 12) return 'NO_SUCH_DAY';
  return orNoSuchDay(monthsPeriod(year, monthOfYear, 1, 'month'));
}

function year(value: number): Found {
  return orNoSuchDay(monthsPeriod(value, 1, 12, 'year'));
}

/** Two-digit years: 20yy unless that is after this year, then 19yy ("99年" → 1999). */
function fullYear(text: string, context: Context): number {
  const value = Number(text);
  if (text.length > 2) return value;
  return 2000 + value <= context.year ? 2000 + value : 1900 + value;
}

/** A month and day without a year: the latest such day on or before today (2月29日 → a leap year). */
function recentDay(monthOfYear: number, dayOfMonth: number, context: Context): Found {
  if (monthOfYear < 1 || monthOfYear > 12 || dayOfMonth < 1 || dayOfMonth > 31) {
    return 'NO_SUCH_DAY';
  }
  for (let back = 0; back <= 8; back++) {
    const date = toDate(context.year - back, monthOfYear, dayOfMonth);
    if (date && compareDates(date, context.today) <= 0) return dayPeriod(date);
  }
  return 'NO_SUCH_DAY';
}

/** A month without a year: this year's when it has begun, else last year's. */
function recentMonth(monthOfYear: number, context: Context): Found {
  return month(monthOfYear <= context.month ? context.year : context.year - 1, monthOfYear);
}

/** 初 / 头 / 上旬, 中 / 中旬, 底 / 末 / 尾 / 下旬: a part of a month (longest first). */
const MONTH_PART = '(上旬|中旬|下旬|初|头|頭|中|底|末|尾)';

/**
 * A part of a month: 初 the 1st–10th, 中 the 11th–20th, 底 the 21st to the month's end; precision
 * `month` (the unit named), approximate.
 */
function partOfMonth(yearValue: number, monthOfYear: number, word: string): Found {
  const days = daysInMonth(yearValue, monthOfYear);
  const [first, last] = /初|头|頭|上旬|early|beginning|start/.test(word)
    ? [1, 10]
    : /中|mid/.test(word)
      ? [11, 20]
      : [21, days];
  const from = toDate(yearValue, monthOfYear, first);
  const to = toDate(yearValue, monthOfYear, last);
  return from && to ? toPeriod(from, to, 'month', true) : 'NO_SUCH_DAY';
}

/** A part of a month without a year: this year's when it has begun, else last year's. */
function recentPartOfMonth(monthOfYear: number, word: string, context: Context): Found {
  const found = partOfMonth(context.year, monthOfYear, word);
  if (found === 'NO_SUCH_DAY' || compareDates(found.from, context.today) <= 0) return found;
  return partOfMonth(context.year - 1, monthOfYear, word);
}

/**
 * A part of a year (年初 / 年中 / 年底, Cantonese 年頭 / 年尾, "early / mid / late 2023"): two
 * months each — January–February, June–July, November–December — precision `season`,
 * approximate.
 */
function partOfYear(yearValue: number, word: string): Found {
  const first = /初|头|頭|early|beginning|start/.test(word) ? 1 : /中|mid/.test(word) ? 6 : 11;
  return orNoSuchDay(monthsPeriod(yearValue, first, 2, 'season', true));
}

/** Years back from this one; Cantonese 上年 / 舊年 are last year, 出年 / 下年 next year. */
const YEAR_OFFSET: Readonly<Record<string, number>> = {
  今年: 0,
  去年: 1,
  上年: 1,
  旧年: 1,
  舊年: 1,
  前年: 2,
  大前年: 3,
  明年: -1,
  出年: -1,
  下年: -1,
};
const YEAR_WORD = `(${alternationOf(Object.keys(YEAR_OFFSET))})`;
const YEAR_PART = '(初|头|頭|中|底|末|尾)';

/**
 * 今年 / 去年 / 前年 / 大前年 (and Cantonese 上年 / 舊年, 出年), optionally with a month and a day
 * or a part of the month (去年12月底), or 年初 / 年中 / 年底 (Cantonese 年頭 / 年尾).
 */
function relativeYear(match: RegExpExecArray, context: Context): Found {
  const target = context.year - (YEAR_OFFSET[match[1] as string] ?? 0);
  if (match[2] !== undefined && match[3] !== undefined) {
    return day(target, Number(match[2]), Number(match[3]));
  }
  if (match[2] !== undefined && match[4] !== undefined) {
    return partOfMonth(target, Number(match[2]), match[4]);
  }
  if (match[2] !== undefined) return month(target, Number(match[2]));
  if (match[5] !== undefined) return partOfYear(target, match[5]);
  return year(target);
}

const MONTH_OFFSET: Readonly<Record<string, number>> = {
  上上个月: 2,
  上上個月: 2,
  上个月: 1,
  上個月: 1,
  上月: 1,
  这个月: 0,
  這個月: 0,
  本月: 0,
};

function relativeMonth(match: RegExpExecArray, context: Context): Found {
  const target = dateParts(addMonths(context.today, -(MONTH_OFFSET[match[1] as string] ?? 0)));
  if (match[2] !== undefined) return day(target.year, target.month, Number(match[2]));
  if (match[3] !== undefined) return partOfMonth(target.year, target.month, match[3]);
  return month(target.year, target.month);
}

/** Days back from today; Cantonese 琴日 / 尋日 are yesterday, 前日 the day before. */
const DAY_OFFSET: Readonly<Record<string, number>> = {
  今天: 0,
  今日: 0,
  today: 0,
  昨天: 1,
  昨日: 1,
  琴日: 1,
  寻日: 1,
  尋日: 1,
  yesterday: 1,
  前天: 2,
  前日: 2,
  'day before yesterday': 2,
  大前天: 3,
  大前日: 3,
};

/** 上周六 → Saturday of last week; 这周一 → Monday of this week; 周六 → the latest Saturday. */
function zhWeekday(match: RegExpExecArray, context: Context): Found | undefined {
  const weekday = toWeekday(match[2] as string);
  if (weekday === undefined) return undefined;
  if (match[1] === '上') return dayPeriod(addDays(mondayOf(context.today), weekday - 8));
  if (match[1] !== undefined) return dayPeriod(addDays(mondayOf(context.today), weekday - 1));
  return latestWeekday(weekday, 0, context);
}

/** The latest `weekday` on or before today (`skip` 1: strictly before today). */
function latestWeekday(weekday: number, skip: number, context: Context): Found {
  const back = (weekdayOf(context.today) - weekday + 7) % 7 || 7 * skip;
  return dayPeriod(addDays(context.today, -back));
}

/** A calendar week, Monday to Sunday: `back` 1 is last week. */
function week(back: number, context: Context): Found {
  const monday = addDays(mondayOf(context.today), -7 * back);
  return toPeriod(monday, addDays(monday, 6), 'week');
}

/** A unit a customer counts back in, from the words for it. */
type AgoUnit = 'day' | 'week' | 'month' | 'year';

function agoUnit(word: string): AgoUnit {
  if (/^(天|日|day)/.test(word)) return 'day';
  if (/^(周|週|星期|礼拜|禮拜|week)/.test(word)) return 'week';
  return /^(年|year)/.test(word) ? 'year' : 'month';
}

/**
 * How far either side of "N units ago" a reading reaches: as it is said ("一年前", "3 months ago")
 * and with a word for "about" ("大概一年前", "三个月左右", "about two weeks ago"). Nobody counts a
 * year back to the day, so the period is wide enough for the warranty engine to see a boundary in
 * it and ask for the day rather than answer for the most favourable one.
 */
export const AGO_MARGIN: Readonly<
  Record<AgoUnit, Record<'plain' | 'about', { days?: number; months?: number }>>
> = {
  day: { plain: { days: 0 }, about: { days: 2 } },
  week: { plain: { days: 3 }, about: { days: 7 } },
  month: { plain: { days: 15 }, about: { months: 1 } },
  year: { plain: { months: 1 }, about: { months: 3 } },
};

/** Today less `amount` units (half a month is 15 days; a fraction of a month beyond whole ones, 15). */
function back(amount: number, unit: AgoUnit, today: CalendarDate): CalendarDate {
  if (unit === 'day') return addDays(today, -Math.round(amount));
  if (unit === 'week') return addDays(today, -Math.round(amount * 7));
  const months = unit === 'year' ? amount * 12 : amount;
  if (months < 1) return addDays(today, -Math.round(months * 30));
  const whole = Math.floor(months);
  const date = addMonths(today, -whole);
  return months > whole ? addDays(date, -15) : date;
}

/** Under a month counts as weeks: "半个月前" is read as about two weeks ago. */
const marginUnit = (amount: number, unit: AgoUnit): AgoUnit =>
  unit === 'month' && amount < 1 ? 'week' : unit;

const AGO_PRECISION: Readonly<Record<AgoUnit, DatePrecision>> = {
  day: 'day',
  week: 'week',
  month: 'month',
  year: 'month',
};

/**
 * "N units ago", approximate: the day N units back, widened by {@link AGO_MARGIN} either side
 * (`about`: a word for "about" was said). Days said plainly stay one day.
 */
function ago(amount: number, unit: string, context: Context): Found | undefined {
  if (!Number.isFinite(amount) || amount <= 0 || amount > 1200) return undefined;
  const named = agoUnit(unit);
  const centre = back(amount, named, context.today);
  const margin = AGO_MARGIN[marginUnit(amount, named)][context.about ? 'about' : 'plain'];
  const [from, to] = margin.months
    ? [addMonths(centre, -margin.months), addMonths(centre, margin.months)]
    : [addDays(centre, -(margin.days ?? 0)), addDays(centre, margin.days ?? 0)];
  return toPeriod(from, to, AGO_PRECISION[marginUnit(amount, named)], true);
}

/**
 * "Over N units" ("一年多", "两个多月前", "more than a year ago", "十几个月前"): the period from
 * the next count of units back to N units back, (next, N] — over one year is between one and two
 * years ago; "十多年" (N a multiple of ten) is between ten and twenty; "半年多" between six months
 * and a year. Approximate, its precision the unit named.
 */
function over(amount: number, unit: string, context: Context): Found | undefined {
  if (!Number.isFinite(amount) || amount <= 0 || amount > 1200) return undefined;
  const named = agoUnit(unit);
  const next = amount >= 10 && amount % 10 === 0 ? amount + 10 : Math.floor(amount) + 1;
  const from = addDays(back(next, named, context.today), 1);
  // Whole years back span a year; half a year ("半年多") spans months.
  const precision = named === 'year' && !Number.isInteger(amount) ? 'month' : named;
  return toPeriod(from, back(amount, named, context.today), precision, true);
}

/** `a/b/yyyy`: a part over 12 must be the day; otherwise the configured or language order. */
function yearLast(match: RegExpExecArray, context: Context): Found {
  const first = Number(match[1]);
  const second = Number(match[2]);
  const fullYearValue = fullYear(match[3] as string, context);
  if (first > 12 && second <= 12) return day(fullYearValue, second, first);
  if (second > 12 && first <= 12) return day(fullYearValue, first, second);
  return context.order === 'MDY'
    ? day(fullYearValue, first, second)
    : day(fullYearValue, second, first);
}

/**
 * `a/b` or `a.b` without a year: a part over 12 is the day; otherwise month first (3.14, 3/14),
 * as both US and year-first (mainland, Taiwan) writers mean it, unless `order` says DMY.
 */
function monthDay(match: RegExpExecArray, context: Context): Found {
  const first = num(match, 1);
  const second = num(match, 2);
  const dayFirst = first > 12 || (second <= 12 && context.order === 'DMY' && context.explicitOrder);
  return dayFirst ? recentDay(second, first, context) : recentDay(first, second, context);
}

/**
 * Seasons as months of the year they start in (northern hemisphere, as the service area lives):
 * spring March–May, summer June–August, autumn September–November, winter December–February
 * (months 12–14: into the next year). Early and late parts overlap the neighbouring season on
 * purpose — 早春 is read from the lunar new year's February — so a period is never too narrow.
 */
const SEASONS: Readonly<Record<string, readonly [number, number]>> = {
  spring: [3, 3],
  'early spring': [2, 3],
  'late spring': [4, 2],
  summer: [6, 3],
  'early summer': [5, 3],
  'late summer': [7, 2],
  autumn: [9, 3],
  'early autumn': [8, 3],
  'late autumn': [10, 2],
  winter: [12, 3],
  'early winter': [11, 3],
  'late winter': [13, 2],
};
const ZH_SEASONS: Readonly<Record<string, string>> = {
  春天: 'spring',
  春季: 'spring',
  春: 'spring',
  早春: 'early spring',
  初春: 'early spring',
  晚春: 'late spring',
  暮春: 'late spring',
  春末: 'late spring',
  夏天: 'summer',
  夏季: 'summer',
  夏: 'summer',
  初夏: 'early summer',
  早夏: 'early summer',
  盛夏: 'late summer',
  晚夏: 'late summer',
  夏末: 'late summer',
  秋天: 'autumn',
  秋季: 'autumn',
  秋: 'autumn',
  初秋: 'early autumn',
  早秋: 'early autumn',
  深秋: 'late autumn',
  晚秋: 'late autumn',
  秋末: 'late autumn',
  冬天: 'winter',
  冬季: 'winter',
  冬: 'winter',
  初冬: 'early winter',
  早冬: 'early winter',
  深冬: 'late winter',
  晚冬: 'late winter',
  冬末: 'late winter',
};
const ZH_SEASON = `(${alternationOf(Object.keys(ZH_SEASONS))})`;
const EN_SEASON = '((?:early |late )?(?:spring|summer|autumn|fall|winter))';

function season(name: string, yearValue: number): Found {
  const [first, count] = SEASONS[name.replace('fall', 'autumn')] ?? [0, 0];
  if (count === 0) return 'NO_SUCH_DAY';
  return orNoSuchDay(monthsPeriod(yearValue, first, count, 'season'));
}

/** A season without a year: the latest that has begun (`ended`: the latest that has ended). */
function recentSeason(name: string, context: Context, ended = false): Found {
  for (let back = 0; back <= 2; back++) {
    const found = season(name, context.year - back);
    if (found === 'NO_SUCH_DAY') return found;
    const edge = ended ? found.to : found.from;
    if (compareDates(edge, context.today) < (ended ? 0 : 1)) return found;
  }
  return 'NO_SUCH_DAY';
}

function zhSeason(match: RegExpExecArray, context: Context): Found {
  const name = ZH_SEASONS[str(match, 3)] ?? '';
  if (match[1] !== undefined) return season(name, context.year - (YEAR_OFFSET[match[1]] ?? 0));
  if (match[2] !== undefined) return season(name, fullYear(match[2], context));
  return recentSeason(name, context);
}

function enSeason(match: RegExpExecArray, context: Context): Found {
  const [, which, name = '', when] = match;
  if (when === 'last year') return season(name, context.year - 1);
  if (when === 'this year' || which === 'this ') return season(name, context.year);
  if (when !== undefined) return season(name, Number(when));
  return recentSeason(name, context, which === 'last ');
}

/**
 * A festival in a named year (`when`: a year; `last`: the latest that has ended before today;
 * `undefined`: the latest that has begun), before, after or around it.
 */
function festival(
  name: string,
  when: number | 'last' | undefined,
  relation: FestivalRelation,
  context: Context,
): Found {
  const how = relation === 'on' && context.about ? 'around' : relation;
  // Days still to come are no purchase days: a period that runs past today ends today.
  const upToToday = (period: DatePeriod | undefined) =>
    period &&
    compareDates(period.from, context.today) <= 0 &&
    compareDates(period.to, context.today) > 0
      ? { ...period, to: context.today }
      : period;
  if (typeof when === 'number') return orNoSuchDay(upToToday(festivalPeriod(name, when, how)));
  for (let back = 0; back <= 2; back++) {
    const found = festivalPeriod(name, context.year - back, how);
    if (!found) return 'NO_SUCH_DAY';
    const edge = when === 'last' ? found.to : found.from;
    if (compareDates(edge, context.today) < (when === 'last' ? 0 : 1))
      return upToToday(found) ?? found;
  }
  return 'NO_SUCH_DAY';
}

const FESTIVAL = `(${alternationOf(FESTIVAL_NAMES)})`;
const ZH_RELATION: Readonly<Record<string, FestivalRelation>> = {
  前后: 'around',
  前後: 'around',
  之前: 'before',
  以前: 'before',
  前: 'before',
  之后: 'after',
  之後: 'after',
  以后: 'after',
  以後: 'after',
  后: 'after',
  後: 'after',
};

/** 去年双11, 2024年618, 舊年聖誕, 春节前, 国庆假期: a festival with a year and a relation. */
function zhFestival(match: RegExpExecArray, context: Context): Found {
  const [, yearWord, yearDigits, name = ''] = match;
  const when =
    yearWord !== undefined
      ? context.year - (YEAR_OFFSET[yearWord] ?? 0)
      : yearDigits !== undefined
        ? fullYear(yearDigits, context)
        : undefined;
  return festival(name, when, ZH_RELATION[str(match, 4)] ?? 'on', context);
}

/** "last Christmas", "Black Friday last year", "before Christmas 2024", "this year's 618". */
function enFestival(match: RegExpExecArray, context: Context): Found {
  const [, relation, yearBefore, which, name = '', yearAfter] = match;
  const year = yearBefore ?? yearAfter;
  const when =
    year === 'last' || year === 'last year'
      ? context.year - 1
      : year === 'this' || year === 'this year'
        ? context.year
        : year !== undefined
          ? Number(year)
          : which === 'this '
            ? context.year
            : which === 'last '
              ? 'last'
              : undefined;
  return festival(name, when, (relation as FestivalRelation | undefined) ?? 'on', context);
}

function recentMonthOffset(back: number, context: Context): Found {
  const { year: y, month: m } = dateParts(addMonths(context.today, -back));
  return month(y, m);
}

const RULES: readonly DateRule[] = [
  [
    new RegExp(
      `^(?:${YEAR_WORD}|(\\d{4}|\\d{2}(?=年))年?)? ?${FESTIVAL}(?:节|節)?(?:活动|活動|大促|期间|期間|假期|黄金周|黃金周|长假|長假)? ?(${alternationOf(Object.keys(ZH_RELATION))})?$`,
    ),
    zhFestival,
  ],
  [
    new RegExp(
      `^(?:(before|after|around) )?(?:(last|this) year )?(last |this )?${FESTIVAL}(?: (\\d{4}|last year|this year))?$`,
    ),
    enFestival,
  ],
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (m) => day(num(m, 1), num(m, 2), num(m, 3))],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => day(num(m, 1), num(m, 2), num(m, 3))],
  [/^(\d{4})[-/.](\d{1,2})$/, (m) => month(num(m, 1), num(m, 2))],
  [/^(\d{1,2})[-/.](\d{4})$/, (m) => month(num(m, 2), num(m, 1))],
  [/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/, yearLast],
  [
    new RegExp(`^(\\d{4}|\\d{2}) ?年 ?(\\d{1,2}) ?月 ?(\\d{1,2}) ?${DAY_MARK}?$`),
    (m, c) => day(fullYear(str(m, 1), c), num(m, 2), num(m, 3)),
  ],
  [/^(\d{4}|\d{2}) ?年 ?(\d{1,2}) ?月$/, (m, c) => month(fullYear(str(m, 1), c), num(m, 2))],
  [
    new RegExp(`^(\\d{4}|\\d{2}) ?年 ?(\\d{1,2}) ?月 ?${MONTH_PART}$`),
    (m, c) => partOfMonth(fullYear(str(m, 1), c), num(m, 2), str(m, 3)),
  ],
  [/^(\d{4}|\d{2}) ?年$/, (m, c) => year(fullYear(str(m, 1), c))],
  [
    new RegExp(`^(\\d{4}|\\d{2}) ?年 ?${YEAR_PART}$`),
    (m, c) => partOfYear(fullYear(str(m, 1), c), str(m, 2)),
  ],
  // Four digits alone are a year only from 1900 to 2099: "0315" is not the year 315.
  [/^((?:19|20)\d{2})$/, (m) => year(num(m, 1))],
  [/^(\d{1,2})[/.](\d{1,2})$/, monthDay],
  [
    new RegExp(`^(\\d{1,2}) ?月 ?(\\d{1,2}) ?${DAY_MARK}?$`),
    (m, c) => recentDay(num(m, 1), num(m, 2), c),
  ],
  [/^(\d{1,2}) ?月$/, (m, c) => (num(m, 1) <= 12 ? recentMonth(num(m, 1), c) : 'NO_SUCH_DAY')],
  [
    new RegExp(`^(\\d{1,2}) ?月 ?${MONTH_PART}$`),
    (m, c) => (num(m, 1) <= 12 ? recentPartOfMonth(num(m, 1), str(m, 2), c) : 'NO_SUCH_DAY'),
  ],
  [new RegExp(`^(?:${YEAR_WORD}|(\\d{4}|\\d{2}) ?年)? ?${ZH_SEASON}$`), zhSeason],
  [
    new RegExp(
      `^${YEAR_WORD} ?(?:(\\d{1,2}) ?月(?: ?(\\d{1,2}) ?${DAY_MARK}?| ?${MONTH_PART})?|年?${YEAR_PART})?$`,
    ),
    relativeYear,
  ],
  [
    new RegExp(
      `^(上上个月|上上個月|上个月|上個月|上月|这个月|這個月|本月)(?: ?(\\d{1,2}) ?${DAY_MARK}| ?${MONTH_PART})?$`,
    ),
    relativeMonth,
  ],
  [
    new RegExp(`^(${alternationOf(Object.keys(DAY_OFFSET))})$`),
    (m, c) => dayPeriod(addDays(c.today, -(DAY_OFFSET[str(m, 1)] ?? 0))),
  ],
  [new RegExp(`^(?:(上|这|這|本)(?:个|個)?)?${ZH_WEEK}${ZH_WEEKDAY}$`), zhWeekday],
  [/^(?:上(?:个|個)?(?:周|週|星期|礼拜|禮拜)|last week)$/, (_, c) => week(1, c)],
  [/^(?:(?:这|這|本)(?:个|個)?(?:周|週|星期|礼拜|禮拜)|this week)$/, (_, c) => week(0, c)],
  [
    /^(\d+(?:\.\d+)?) ?(多)? ?(?:个|個)? ?(半)? ?(多)? ?(天|日|周|週|星期|礼拜|禮拜|月|年) ?(半)? ?(多)? ?[以之]?前$/,
    (m, c) => {
      // "3月前" reads as "before March"; months ago need 个 (3个月前).
      if (m[5] === '月' && !/[个個]/.test(m[0])) return undefined;
      const amount = Number(m[1]) + (m[3] !== undefined || m[6] !== undefined ? 0.5 : 0);
      const more = m[2] !== undefined || m[4] !== undefined || m[7] !== undefined;
      return (more ? over : ago)(amount, str(m, 5), c);
    },
  ],
  [/^半 ?(?:个|個)? ?(月|年) ?(多)? ?[以之]?前$/, (m, c) => (m[2] ? over : ago)(0.5, str(m, 1), c)],
  [
    new RegExp(`^(\\d{1,2}) ${EN_MONTH} (\\d{4})$`),
    (m) => day(num(m, 3), toMonth(str(m, 2)) ?? 0, num(m, 1)),
  ],
  [
    new RegExp(`^${EN_MONTH} (\\d{1,2}) (\\d{4})$`),
    (m) => day(num(m, 3), toMonth(str(m, 1)) ?? 0, num(m, 2)),
  ],
  [new RegExp(`^${EN_MONTH} (\\d{4})$`), (m) => month(num(m, 2), toMonth(str(m, 1)) ?? 0)],
  [new RegExp(`^(\\d{4}) ${EN_MONTH}$`), (m) => month(num(m, 1), toMonth(str(m, 2)) ?? 0)],
  [
    new RegExp(`^${EN_MONTH} (\\d{1,2})$`),
    (m, c) => recentDay(toMonth(str(m, 1)) ?? 0, num(m, 2), c),
  ],
  [
    new RegExp(`^(\\d{1,2}) ${EN_MONTH}$`),
    (m, c) => recentDay(toMonth(str(m, 2)) ?? 0, num(m, 1), c),
  ],
  [
    new RegExp(`^(last |this )?${EN_MONTH}$`),
    (m, c) => {
      const monthOfYear = toMonth(str(m, 2)) ?? 0;
      if (m[1] === 'this ') return month(c.year, monthOfYear);
      // "last March" is the latest March before the current month (in March: a year ago).
      if (m[1] === 'last ') return month(monthOfYear < c.month ? c.year : c.year - 1, monthOfYear);
      return recentMonth(monthOfYear, c);
    },
  ],
  [
    new RegExp(`^${EN_MONTH} (last|this) year$`),
    (m, c) => month(m[2] === 'last' ? c.year - 1 : c.year, toMonth(str(m, 1)) ?? 0),
  ],
  [
    new RegExp(`^(last|this) year ${EN_MONTH}$`),
    (m, c) => month(m[1] === 'last' ? c.year - 1 : c.year, toMonth(str(m, 2)) ?? 0),
  ],
  [new RegExp(`^(last |this )?${EN_SEASON}(?: (\\d{4}|last year|this year))?$`), enSeason],
  [/^last month$/, (_, c) => recentMonthOffset(1, c)],
  [/^this month$/, (_, c) => recentMonthOffset(0, c)],
  [/^last year$/, (_, c) => year(c.year - 1)],
  [/^this year$/, (_, c) => year(c.year)],
  [
    new RegExp(`^(last )?${EN_WEEKDAY}$`),
    (m, c) => latestWeekday(toWeekday(str(m, 2)) ?? 1, m[1] ? 1 : 0, c),
  ],
  [
    /^(over |more than |a (?:bit|little) (?:over|more than) )?(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple|couple|a few|few|half an?)( and a half)? (days?|weeks?|months?|years?)( and a half)? ago$/,
    (m, c) => {
      const word = str(m, 2);
      const half = m[3] !== undefined || m[5] !== undefined ? 0.5 : 0;
      const amount = word.startsWith('half') ? 0.5 : (NUMBER_WORDS[word] ?? Number(word)) + half;
      // "a few" and "a couple" are themselves an "about".
      const about = c.about || /few|couple/.test(word);
      return (m[1] ? over : ago)(amount, str(m, 4), { ...c, about });
    },
  ],
];

const UNIT = '天|周|週|星期|礼拜|禮拜|月|年';
const ZH_COUNT_ABOUT = new RegExp(
  `^((?:\\d{1,3}(?:\\.\\d+)?|半) ?多? ?(?:个|個)? ?半? ?多? ?(?:${UNIT}) ?半? ?多?) ?(?:左右|上下)$`,
);

/**
 * Taiwan writes Republic of China years (民國 113 = 2024) on invoices: `民國113年`, `113年3月`,
 * `113/03/14`. A three-digit year from 100 is one of these (no purchase is from the year 113).
 */
function toGregorianYear(text: string): string {
  return text
    .replace(/(?:民國|民国) ?(\d{1,3})(?= ?年|[-/.]\d)/g, (_, year: string) =>
      String(Number(year) + 1911),
    )
    .replace(/(?<!\d)(1\d{2})(?= ?年)|^(1\d{2})(?=[-/.]\d{1,2}[-/.]\d{1,2}$)/, (year: string) =>
      String(Number(year) + 1911),
    );
}

const ZH_FILLER =
  /印象中|印象|可能|用|觉得|覺得|貌似|似乎|想|啩|喎|吖|嗰陣|嗰阵|那会儿|那會兒|我们|我們|我|好似|嘅|喺|㗎|啦|係|大概|大约|大約|差不多|应该|應該|好像|估计|估計|记得|記得|购买日期|購買日期|购买时间|購買時間|日期|购买|購買|购入|購入|入手|购于|購於|买|買|的时候|的時候|时候|時候|那时|那時|是|在|于|於|的|吧|啊|呢|份|约|約/g;
const EN_FILLER =
  /\b(?:i|we|it|its|was|were|bought|purchased|purchase|got|date|on|in|at|around|about|approximately|approx|roughly|maybe|probably|perhaps|possibly|like|circa|of|the|just|think|guess|believe|reckon|pretty|not sure|sure|remember|recall|correctly|if|been|had|has|have|for|sale|sales|deal|deals)\b/g;

/**
 * Words for "about" a count back ("大概一年前", "三个月左右", "about two weeks ago", "a year or
 * so ago"): the count is read with the wider margin. "I think", "maybe", "我记得", "好像" only say
 * the customer is unsure of their memory; they are dropped and change nothing.
 */
const ABOUT =
  /\b(?:about|around|approximately|approx|roughly|circa|or so)\b|-ish\b|\bish\b|大概|大约|大約|约|約|左右|上下|差不多|估计|估計/;

/** A count of units with no "ago" ("over a year", "for two years"): it is one. */
const EN_COUNT =
  /^((?:over |more than |a (?:bit|little) (?:over|more than) )?(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple|couple|a few|few|half an?)(?: and a half)? (?:days?|weeks?|months?|years?)(?: and a half)?)$/;

/** Folds, lower-cases, turns Chinese numerals into digits and drops words that carry no date. */
function clean(text: string): string {
  let value = foldText(text).toLowerCase();
  value = replaceChineseNumerals(value);
  value = toGregorianYear(value);
  // Cantonese: 咗 is 了, and 幾 after a unit is 多 ("買咗一年幾" = bought over a year ago); 几
  // after tens is 多 too ("十几个月" = over ten months).
  value = value
    .replace(/咗/g, '了')
    .replace(new RegExp(`(${UNIT})(半)?[几幾]`), '$1$2多')
    .replace(/(\d0)[几幾]/g, '$1多');

  // "一年多了", "买了三个月", "買咗三個月": "for N units" means N units ago.
  value = value
    .replace(new RegExp(`(${UNIT})(半)?(多)?了$`), '$1$2$3前')
    .replace(
      new RegExp(`[买買]了 ?(\\d+(?:\\.\\d+)? ?(?:个|個)? ?半? ?多? ?(?:${UNIT}) ?半? ?多?)$`),
      '$1前',
    );
  value = value.replace(/了/g, '');
  value = value
    .replace(/(\d+)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/\bback$/, 'ago')
    .replace(/\bmid-/g, 'mid ')
    .replace(/'(?:s|m|re|ve|d)\b/g, '')
    .replace(/\bor so\b|-ish\b|\bish\b/g, ' ');
  value = value
    .replace(ZH_FILLER, '')
    .replace(EN_FILLER, ' ')
    .replace(/[,，、]/g, ' ')
    .trim();
  // "一年左右", "三个月上下": a count of units with "about" and no 前 is one back from today.
  value = value.replace(ZH_COUNT_ABOUT, '$1前').replace(/左右|上下/g, '');
  return value
    .replace(/^[\s:.。!！?？~～]+|[\s:.。!！?？~～]+$/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([年月日号號]) ?/g, '$1')
    .replace(EN_COUNT, '$1 ago');
}

/** "early / mid / late / beginning / start / middle / end" before a year or a month. */
const EN_PART = /^(early|beginning|start|mid|middle|late|end) (.+)$/;

function matchRules(text: string, rules: readonly DateRule[], context: Context): DateReading {
  for (const [pattern, read] of rules) {
    const match = pattern.exec(text);
    if (!match) continue;
    const found = read(match, context);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Reads a date as customers write it, in Chinese or English, as the period it stands for, with no
 * plausibility checks (those are the caller's: a purchase and a production date differ). `extra`
 * rules are tried first, over the same cleaned text.
 */
export function readDate(
  text: string,
  options: DateReadingOptions,
  extra: readonly DateRule[] = [],
): DateReading {
  const { today, lang = 'zh' } = options;
  const { year: currentYear, month: currentMonth } = dateParts(today);
  const context: Context = {
    today,
    year: currentYear,
    month: currentMonth,
    order: options.order ?? (lang === 'en' ? 'MDY' : 'DMY'),
    explicitOrder: options.order !== undefined,
    about: ABOUT.test(foldText(text).toLowerCase()),
  };
  const cleaned = clean(text);
  const rules = [...extra, ...RULES];
  const found = matchRules(cleaned, rules, context);
  if (found !== undefined) return found;
  // "late 2023", "early March", "end of last year": a part of a year or of a month.
  const part = EN_PART.exec(cleaned);
  if (!part) return undefined;
  const whole = matchRules(part[2] as string, rules, context);
  if (whole === undefined || whole === 'NO_SUCH_DAY') return whole;
  const { year: y, month: m } = dateParts(whole.from);
  const word = part[1] === 'middle' ? 'mid' : (part[1] as string);
  if (whole.precision === 'year') return partOfYear(y, word);
  if (whole.precision === 'month') return partOfMonth(y, m, word);
  return undefined;
}
