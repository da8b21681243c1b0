import {
  addDays,
  addMonths,
  type CalendarDate,
  compareDates,
  dateParts,
  daysInMonth,
  toDate,
} from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import {
  EN_MONTH,
  EN_WEEKDAY,
  firstOfMonth,
  mondayOf,
  toMonth,
  toWeekday,
  weekdayOf,
  ZH_WEEK,
  ZH_WEEKDAY,
} from './calendar.ts';
import { alternationOf, foldText, replaceChineseNumerals } from './text.ts';

export type DatePrecision = 'day' | 'month' | 'year';

/**
 * A purchase date as precisely as the customer knows it. With precision `month` the date is the
 * month's first day, with `year` the 1st of January (the conventional reading of "2023" and "去年";
 * the precision says it stands for the whole period). A part of a month (12月初 / 月中 / 月底) is
 * the day that names: the 1st, the 15th or the last day, with precision `day` and `approximate`,
 * and no later than today.
 */
export type PurchaseDate = {
  date: CalendarDate;
  precision: DatePrecision;
  /**
   * Counted back from today or a part of a period ("3 months ago", "上周", "去年年底", "12月底"):
   * worth confirming with the invoice.
   */
  approximate: boolean;
};

export type PurchaseDateErrorCode =
  | 'DATE.UNPARSEABLE'
  | 'DATE.NO_SUCH_DAY'
  | 'DATE.FUTURE'
  | 'DATE.BEFORE_PRODUCTION'
  | 'DATE.TOO_OLD';

export type PurchaseDateOptions = {
  /** Today in the service time zone; relative dates count back from it. */
  today: CalendarDate;
  /** The customer's language; decides `3/4/2024` when `order` is not given. Default `zh`. */
  lang?: 'zh' | 'en';
  /** Order of an all-numeric date that ends with the year, when both leading parts are ≤ 12. */
  order?: 'MDY' | 'DMY';
  /** The product's production date, when known (nameplate): a purchase cannot precede it. */
  productionDate?: CalendarDate;
  /** Oldest purchase accepted, in years before today. Default 30. */
  maxAgeYears?: number;
};

/** A reading, with the last day of the period it stands for when the precision does not say it. */
type Reading = PurchaseDate & { until?: CalendarDate };
type Found = Reading | 'NO_SUCH_DAY';
type Context = {
  today: CalendarDate;
  year: number;
  month: number;
  order: 'MDY' | 'DMY';
  /** `order` was given, not derived from the language. */
  explicitOrder: boolean;
};
type Rule = [RegExp, (match: RegExpExecArray, context: Context) => Found | undefined];

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

const exact = (date: CalendarDate, precision: DatePrecision): PurchaseDate => ({
  date,
  precision,
  approximate: false,
});
const approx = (date: CalendarDate, precision: DatePrecision): PurchaseDate => ({
  date,
  precision,
  approximate: true,
});

function day(year: number, month: number, dayOfMonth: number): Found {
  const date = toDate(year, month, dayOfMonth);
  return date ? exact(date, 'day') : 'NO_SUCH_DAY';
}

function month(year: number, monthOfYear: number): Found {
  const date = toDate(year, monthOfYear, 1);
  return date ? exact(date, 'month') : 'NO_SUCH_DAY';
}

function year(value: number): Found {
  const date = toDate(value, 1, 1);
  return date ? exact(date, 'year') : 'NO_SUCH_DAY';
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
    if (date && compareDates(date, context.today) <= 0) return exact(date, 'day');
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
 * A part of a month as the day it names: 初 the 1st (of the 1st–10th), 中 the 15th (of the
 * 11th–20th), 底 the last day (of the 21st to the end). A part that has begun but whose day is
 * still to come is today (这个月底 on the 25th is the 25th); one that has not begun is that day
 * (and then `DATE.FUTURE`). Always approximate.
 */
function partOfMonth(
  yearValue: number,
  monthOfYear: number,
  word: string,
  context: Context,
): Found {
  const days = daysInMonth(yearValue, monthOfYear);
  const [first, point, last] = /初|头|頭|上旬/.test(word)
    ? [1, 1, 10]
    : /中/.test(word)
      ? [11, 15, 20]
      : [21, days, days];
  const start = toDate(yearValue, monthOfYear, first);
  const named = toDate(yearValue, monthOfYear, point);
  const until = toDate(yearValue, monthOfYear, last);
  if (!start || !named || !until) return 'NO_SUCH_DAY';
  const begun = compareDates(start, context.today) <= 0;
  const date = begun && compareDates(named, context.today) > 0 ? context.today : named;
  return { date, precision: 'day', approximate: true, until };
}

/** A part of a month without a year: this year's when it has begun, else last year's. */
function recentPartOfMonth(monthOfYear: number, word: string, context: Context): Found {
  const found = partOfMonth(context.year, monthOfYear, word, context);
  if (found === 'NO_SUCH_DAY' || compareDates(found.date, context.today) <= 0) return found;
  return partOfMonth(context.year - 1, monthOfYear, word, context);
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
const PART_OF_YEAR: Readonly<Record<string, number>> = {
  初: 1,
  头: 1,
  頭: 1,
  中: 6,
  底: 12,
  末: 12,
  尾: 12,
};

/**
 * 今年 / 去年 / 前年 / 大前年 (and Cantonese 上年 / 舊年, 出年), optionally with a month and a day or a part of the month (去年12月底),
 * or 年初 / 年中 / 年底 (Cantonese 年頭 / 年尾).
 */
function relativeYear(match: RegExpExecArray, context: Context): Found {
  const target = context.year - (YEAR_OFFSET[match[1] as string] ?? 0);
  if (match[2] !== undefined && match[3] !== undefined) {
    return day(target, Number(match[2]), Number(match[3]));
  }
  if (match[2] !== undefined && match[4] !== undefined) {
    return partOfMonth(target, Number(match[2]), match[4], context);
  }
  if (match[2] !== undefined) return month(target, Number(match[2]));
  if (match[5] !== undefined) {
    const found = month(target, PART_OF_YEAR[match[5]] ?? 1);
    return found === 'NO_SUCH_DAY' ? found : { ...found, approximate: true };
  }
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
  if (match[3] !== undefined) return partOfMonth(target.year, target.month, match[3], context);
  return month(target.year, target.month);
}

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
  if (match[1] === '上') return exact(addDays(mondayOf(context.today), weekday - 8), 'day');
  if (match[1] !== undefined) return exact(addDays(mondayOf(context.today), weekday - 1), 'day');
  return latestWeekday(weekday, 0, context);
}

/** The latest `weekday` on or before today (`skip` 1: strictly before today). */
function latestWeekday(weekday: number, skip: number, context: Context): Found {
  const back = (weekdayOf(context.today) - weekday + 7) % 7 || 7 * skip;
  return exact(addDays(context.today, -back), 'day');
}

/** "N units ago": days and weeks to the day, months and years to the month; all approximate. */
function ago(amount: number, unit: string, context: Context): Found | undefined {
  if (!Number.isFinite(amount) || amount <= 0 || amount > 1200) return undefined;
  if (/^(天|日|day)/.test(unit)) return approx(addDays(context.today, -Math.round(amount)), 'day');
  if (/^(周|週|星期|礼拜|禮拜|week)/.test(unit)) {
    return approx(addDays(context.today, -Math.round(amount * 7)), 'day');
  }
  const months = /^(年|year)/.test(unit) ? amount * 12 : amount;
  if (months < 1) return approx(addDays(context.today, -Math.round(months * 30)), 'day');
  const whole = Math.floor(months);
  let date = addMonths(context.today, -whole);
  if (months > whole) date = addDays(date, -15);
  return approx(firstOfMonth(date), 'month');
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

const RULES: readonly Rule[] = [
  [/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, (m) => day(num(m, 1), num(m, 2), num(m, 3))],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => day(num(m, 1), num(m, 2), num(m, 3))],
  [/^(\d{4})[-/.](\d{1,2})$/, (m) => month(num(m, 1), num(m, 2))],
  [/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/, yearLast],
  [
    new RegExp(`^(\\d{4}|\\d{2}) ?年 ?(\\d{1,2}) ?月 ?(\\d{1,2}) ?${DAY_MARK}?$`),
    (m, c) => day(fullYear(str(m, 1), c), num(m, 2), num(m, 3)),
  ],
  [/^(\d{4}|\d{2}) ?年 ?(\d{1,2}) ?月$/, (m, c) => month(fullYear(str(m, 1), c), num(m, 2))],
  [
    new RegExp(`^(\\d{4}|\\d{2}) ?年 ?(\\d{1,2}) ?月 ?${MONTH_PART}$`),
    (m, c) => partOfMonth(fullYear(str(m, 1), c), num(m, 2), str(m, 3), c),
  ],
  [/^(\d{4}|\d{2}) ?年$/, (m, c) => year(fullYear(str(m, 1), c))],
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
  [
    new RegExp(
      `^(${alternationOf(Object.keys(YEAR_OFFSET))}) ?(?:(\\d{1,2}) ?月(?: ?(\\d{1,2}) ?${DAY_MARK}?| ?${MONTH_PART})?|年?(初|头|頭|中|底|末|尾))?$`,
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
    (m, c) => exact(addDays(c.today, -(DAY_OFFSET[str(m, 1)] ?? 0)), 'day'),
  ],
  [new RegExp(`^(?:(上|这|這|本)(?:个|個)?)?${ZH_WEEK}${ZH_WEEKDAY}$`), zhWeekday],
  [
    /^(?:上(?:个|個)?(?:周|週|星期|礼拜|禮拜)|last week)$/,
    (_, c) => approx(addDays(c.today, -7), 'day'),
  ],
  [
    /^(\d+(?:\.\d+)?) ?(?:个|個)? ?(半)? ?多? ?(天|日|周|週|星期|礼拜|禮拜|月|年) ?(半)? ?多? ?[以之]?前$/,
    (m, c) => {
      // "3月前" reads as "before March"; months ago need 个 (3个月前).
      if (m[3] === '月' && !/[个個]/.test(m[0])) return undefined;
      const half = m[2] !== undefined || m[4] !== undefined ? 0.5 : 0;
      return ago(Number(m[1]) + half, str(m, 3), c);
    },
  ],
  [/^半 ?(?:个|個)? ?(月|年) ?[以之]?前$/, (m, c) => ago(0.5, str(m, 1), c)],
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
  [/^last month$/, (_, c) => recentMonthOffset(1, c)],
  [/^this month$/, (_, c) => recentMonthOffset(0, c)],
  [/^last year$/, (_, c) => year(c.year - 1)],
  [/^this year$/, (_, c) => year(c.year)],
  [
    new RegExp(`^(last )?${EN_WEEKDAY}$`),
    (m, c) => latestWeekday(toWeekday(str(m, 2)) ?? 1, m[1] ? 1 : 0, c),
  ],
  [
    /^(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple|couple|a few|few|half an?) (days?|weeks?|months?|years?) ago$/,
    (m, c) => {
      const word = str(m, 1);
      const amount = word.startsWith('half') ? 0.5 : (NUMBER_WORDS[word] ?? Number(word));
      return ago(amount, str(m, 2), c);
    },
  ],
];

function recentMonthOffset(back: number, context: Context): Found {
  const { year: y, month: m } = dateParts(addMonths(context.today, -back));
  return month(y, m);
}

const UNIT = '天|周|週|星期|礼拜|禮拜|月|年';

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
  /我们|我們|我|好似|嘅|喺|㗎|啦|係|大概|大约|大約|差不多|应该|應該|好像|估计|估計|记得|記得|左右|购买日期|購買日期|购买时间|購買時間|日期|购买|購買|购入|購入|入手|购于|購於|买|買|的时候|的時候|时候|時候|那时|那時|是|在|于|於|的|吧|啊|呢|份|约|約/g;
const EN_FILLER =
  /\b(?:i|we|it|was|were|bought|purchased|purchase|got|date|on|in|at|around|about|approximately|approx|roughly|maybe|probably|like|circa|of|early|mid|late|the|just)\b/g;

/** Folds, lower-cases, turns Chinese numerals into digits and drops words that carry no date. */
function clean(text: string): string {
  let value = foldText(text).toLowerCase();
  value = replaceChineseNumerals(value);
  value = toGregorianYear(value);
  // Cantonese: 咗 is 了, and 幾 after a unit is 多 ("買咗一年幾" = bought over a year ago).
  value = value.replace(/咗/g, '了').replace(new RegExp(`(${UNIT})(半)?[几幾]`), '$1$2多');
  // "一年多了", "买了三个月", "買咗三個月": "for N units" means N units ago.
  value = value
    .replace(new RegExp(`(${UNIT})(半)?(多)?了$`), '$1$2$3前')
    .replace(
      new RegExp(`[买買]了 ?(\\d+(?:\\.\\d+)? ?(?:个|個)? ?半? ?多? ?(?:${UNIT}) ?半? ?多?)$`),
      '$1前',
    );
  value = value.replace(/了/g, '');
  value = value.replace(/(\d+)(?:st|nd|rd|th)\b/g, '$1').replace(/\bback$/, 'ago');
  value = value
    .replace(ZH_FILLER, '')
    .replace(EN_FILLER, ' ')
    .replace(/[,，、]/g, ' ');
  return value
    .replace(/^[\s:.。!！?？~～]+|[\s:.。!！?？~～]+$/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([年月日号號]) ?/g, '$1');
}

/** Last day of the period a purchase date stands for. */
function periodEnd(found: PurchaseDate): CalendarDate {
  const { year: y, month: m } = dateParts(found.date);
  if (found.precision === 'year') return toDate(y, 12, 31) as CalendarDate;
  if (found.precision === 'month') return toDate(y, m, daysInMonth(y, m)) as CalendarDate;
  return found.date;
}

/**
 * Parses a purchase date as customers write it, in Chinese or English, and checks it is plausible.
 *
 * Absolute: `2024-03-14`, `2024/3/14`, `2024.3.14`, `20240314`, `2024年3月14日/号`, `二〇二四年三月`,
 * `24年3月` (two-digit years are 20yy unless that is after this year), `2024`, `14 March 2024`,
 * `March 14, 2024`, `Mar 2024`; without a year (`3月14日`, `March 14`, `三月`) the latest such day
 * or month on or before today; Taiwan's Republic of China years (`民國113年3月`, `113/03/14`).
 * Relative to `today`: 今天/昨天/前天 (Cantonese 琴日/尋日/前日), 上周(六), 上个月, 今年/去年/前年
 * (Cantonese 上年/舊年; with a month: 去年三月; with 年初/年中/年底, 年頭/年尾), a part of a month (`2023年12月底`, `12月初`,
 * `去年3月中`, `上个月底`, 上旬/中旬/下旬), `N天/周/个月/年前`, 半年前, `yesterday`,
 * `last week/month/year`, `last March` (the latest March before this month), `3 months ago`.
 *
 * All-numeric dates ending with the year (`3/4/2024`): a part over 12 is the day; otherwise
 * `order`, else by language — `en` reads M/D/Y (US usage), `zh` reads D/M/Y (Hong Kong and Macau
 * usage: mainland and Taiwan customers write the year first, which is never ambiguous). Without a
 * year (`3/14`, `3.14`) the month comes first unless a part is over 12 or `order` is `DMY`.
 *
 * A month-only date is the 1st with precision `month`; a year-only date is 1 January with precision
 * `year`: the start of the period, as these are conventionally written, not a guess in anyone's
 * favour — the precision says the purchase may be later, and the engineer confirms with the
 * invoice. A bare four-digit number is a year only from 1900 to 2099 (`0315` is unparseable). Checks
 * use the whole period: `DATE.FUTURE` when it starts after today,
 * `DATE.BEFORE_PRODUCTION` when it ends before `productionDate`, `DATE.TOO_OLD` when it ends more
 * than `maxAgeYears` (30) before today, `DATE.NO_SUCH_DAY` for a day that does not exist
 * (2023-02-29).
 */
export function parsePurchaseDate(
  text: string,
  options: PurchaseDateOptions,
): Result<PurchaseDate, PurchaseDateErrorCode> {
  const { today, lang = 'zh', productionDate, maxAgeYears = 30 } = options;
  const { year: currentYear, month: currentMonth } = dateParts(today);
  const context: Context = {
    today,
    year: currentYear,
    month: currentMonth,
    order: options.order ?? (lang === 'en' ? 'MDY' : 'DMY'),
    explicitOrder: options.order !== undefined,
  };
  const cleaned = clean(text);
  let found: Found | undefined;
  for (const [pattern, read] of RULES) {
    const match = pattern.exec(cleaned);
    if (!match) continue;
    found = read(match, context);
    if (found !== undefined) break;
  }
  if (found === undefined) return fail('DATE.UNPARSEABLE');
  if (found === 'NO_SUCH_DAY') return fail('DATE.NO_SUCH_DAY');
  const { until, ...value } = found;
  if (compareDates(value.date, today) > 0) return fail('DATE.FUTURE');
  const end = until ?? periodEnd(value);
  if (productionDate !== undefined && compareDates(end, productionDate) < 0) {
    return fail('DATE.BEFORE_PRODUCTION');
  }
  if (compareDates(end, addMonths(today, -12 * maxAgeYears)) < 0) return fail('DATE.TOO_OLD');
  return ok(value);
}
