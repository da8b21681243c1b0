import {
  addDays,
  type CalendarDate,
  dateParts,
  daysBetween,
  parseIsoDate,
  toDate,
} from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { EN_MONTH, EN_WEEKDAY, mondayOf, toMonth, toWeekday, weekdayOf } from './calendar.ts';
import { alternationOf, foldText, replaceChineseNumerals } from './text.ts';

/** Service hours in minutes after midnight in the service time zone (08:00–18:00 = 480..1080). */
export type OpeningHours = { startMinute: number; endMinute: number };

/** A visit window on one day, `[startMinute, endMinute)` in the service time zone. */
export type PreferredWindow = { date: CalendarDate; startMinute: number; endMinute: number };

export type VisitWindowErrorCode =
  | 'WINDOW.UNPARSEABLE'
  | 'WINDOW.PAST'
  | 'WINDOW.TOO_SOON'
  | 'WINDOW.OUTSIDE_HOURS'
  | 'WINDOW.TOO_FAR';

export type VisitWindowOptions = {
  /** Today in the service time zone. */
  today: CalendarDate;
  /** Minutes after midnight now, in the service time zone. */
  nowMinute: number;
  /** Default 08:00–18:00 (the seed: on-site service 08:00–18:00 every day). */
  hours?: OpeningHours;
  /** Notice an engineer needs: a window today starts no earlier than now + this. Default 120. */
  leadMinutes?: number;
  /** Furthest day a visit may be booked, in days after today. Default 30. */
  maxDaysAhead?: number;
};

/** What {@link checkVisitWindow} needs to know besides the window. */
export type VisitRuleOptions = VisitWindowOptions;

export const DEFAULT_SERVICE_HOURS: OpeningHours = { startMinute: 480, endMinute: 1080 };
/** Morning ends at 12:00. */
export const NOON_MINUTE = 720;
/** Afternoon starts at 13:00: engineers break for lunch, and 下午 starts after it. */
export const AFTERNOON_START_MINUTE = 780;
/** Length of a standard window and of the window around a point time ("3点" → 15:00–17:00). */
export const WINDOW_MINUTES = 120;
/** Notice an engineer needs before a visit: a window today starts at least this long from now. */
export const DEFAULT_LEAD_MINUTES = 120;
/** The booking horizon: a visit is at most this many days after today. */
export const DEFAULT_MAX_DAYS_AHEAD = 30;
/** A window cut shorter than this by service hours or lead time is refused. */
export const MIN_WINDOW_MINUTES = 30;

type Part = 'morning' | 'noon' | 'afternoon' | 'evening' | 'early' | 'whole';
type Span = { start: number; end: number };

const PART_SPANS: Readonly<Record<Exclude<Part, 'whole'>, Span>> = {
  early: { start: 0, end: 420 },
  morning: { start: 0, end: NOON_MINUTE },
  noon: { start: 660, end: AFTERNOON_START_MINUTE },
  afternoon: { start: AFTERNOON_START_MINUTE, end: 1440 },
  evening: { start: 1080, end: 1320 },
};

/** How the day was named; `rolls` days forward when the window has passed today. */
type DayPick = { date: CalendarDate; rolls: number } | 'INVALID';

type Time = { hour: number; minute: number; meridiem?: 'am' | 'pm' };

const TIME = String.raw`(\d{1,2})(?::(\d{2})|\s*[点點时時](?:(半)|(\d{1,2})分?)?)?\s*(am|pm)?`;
const RANGE = new RegExp(String.raw`${TIME}\s*-\s*${TIME}\s*(?:点钟|點鐘|o'?clock)?`);
const POINT = new RegExp(String.raw`${TIME}\s*(?:点钟|點鐘|钟|鐘|o'?clock)?`, 'g');

const ASAP =
  /asap|as soon as possible|尽快|儘快|盡快|尽早|儘早|盡早|越快越好|越早越好|马上|馬上|立刻|立即|最快|最早|soonest|earliest/;
const PARTS: ReadonlyArray<[RegExp, Part]> = [
  [/全天|一整天|整天|一天都|随时|隨時|任何时间|任何時間|any ?time|all day|whole day/, 'whole'],
  [/凌晨|半夜|深夜|清晨/, 'early'],
  [/上午|早上|早晨|朝头早|朝頭早|朝早|morning/, 'morning'],
  [/中午|午饭|午飯|(?<!after)noon|midday|lunch ?time/, 'noon'],
  [/下午|下昼|下晝|晏昼|晏晝|afternoon|\bpm\b/, 'afternoon'],
  [/傍晚|晚上|晚间|晚間|夜里|夜裡|夜间|夜間|夜晚|晚|evening|night/, 'evening'],
];

const FILLER = new RegExp(
  [
    String.raw`\b(?:thanks|thank you|ok|okay|fine|please|pls|come|visit|on|at|in|the|is|are|would|will|be|good|great|any|time|around|between|and|from|or|i|i'?m|am|we|home|best|works?|for|me|us|free|available|sometime|can|could|you|if|possible|maybe|prefer|preferably|let'?s|say|day|instead|rather|change|make|it|to)\b`,
    '改成|改到|改为|改為|换成|換成|谢谢|謝謝|多谢|多謝|唔该|唔該|的|都|也|可以|可|行|好|吧|呀|啊|呢|了|来|來|上门|上門|过来|過來|时间|時間|时候|時候|最好|比较|比較|方便|有空|得闲|得閒|在家|喺屋企|屋企|喺|吖|㗎|啲|先|麻烦|麻煩|我们|我們|我|你们|你們|你|请|請|安排|那天|之间|之間|左右|大概|前后|前後|都得|得|嘅|啦|就|吗|嗎|师傅|師傅|一下|能|会|會|是|在',
    String.raw`[\s,，.。!！?？~、:：;；()（）'"]`,
  ].join('|'),
  'g',
);

/**
 * The standard windows of one service day, for buttons: the morning (start–12:00) and the
 * afternoon (13:00–end) each cut into 2-hour blocks, the last block of each taking any remainder
 * (08:00–18:00 → 08–10, 10–12, 13–15, 15–18).
 */
export function standardWindows(
  hours: OpeningHours = DEFAULT_SERVICE_HOURS,
): Array<{ startMinute: number; endMinute: number }> {
  const split = (start: number, end: number) => {
    if (end - start <= 0) return [];
    const count = Math.max(1, Math.floor((end - start) / WINDOW_MINUTES));
    return Array.from({ length: count }, (_, index) => ({
      startMinute: start + index * WINDOW_MINUTES,
      endMinute: index === count - 1 ? end : start + (index + 1) * WINDOW_MINUTES,
    }));
  };
  return [
    ...split(hours.startMinute, Math.min(NOON_MINUTE, hours.endMinute)),
    ...split(Math.max(AFTERNOON_START_MINUTE, hours.startMinute), hours.endMinute),
  ];
}

/**
 * The next `count` standard windows (see {@link standardWindows}) a customer can still book, as
 * {@link checkVisitWindow} allows them: today's only when they start at least `leadMinutes` (120)
 * from now, then the following days, up to `maxDaysAhead` (30) days ahead.
 */
export function suggestWindows(
  today: CalendarDate,
  nowMinute: number,
  hours: OpeningHours = DEFAULT_SERVICE_HOURS,
  count = 4,
  options: { leadMinutes?: number; maxDaysAhead?: number } = {},
): PreferredWindow[] {
  const rule = { ...options, today, nowMinute, hours };
  const { maxDaysAhead = DEFAULT_MAX_DAYS_AHEAD } = options;
  const windows: PreferredWindow[] = [];
  for (let offset = 0; offset <= maxDaysAhead && windows.length < count; offset++) {
    const date = addDays(today, offset);
    for (const block of standardWindows(hours)) {
      if (windows.length >= count) break;
      const window = { date, ...block };
      if (checkVisitWindow(window, rule).ok) windows.push(window);
    }
  }
  return windows;
}

/**
 * The one visit-window rule, for a window typed, offered on a button or re-checked before a
 * ticket is filed (a button can be stale or forged): a whole, real date and whole minutes
 * (`WINDOW.UNPARSEABLE` otherwise, and for a window shorter than {@link MIN_WINDOW_MINUTES}); not
 * before today (`WINDOW.PAST`); at most `maxDaysAhead` (30) days ahead (`WINDOW.TOO_FAR`); inside
 * service hours (`WINDOW.OUTSIDE_HOURS`, the seed: on-site service 08:00–18:00); and today, starting
 * no earlier than now + `leadMinutes` (120) rounded up to the half hour (`WINDOW.PAST` when it has
 * ended, `WINDOW.TOO_SOON` otherwise).
 */
export function checkVisitWindow(
  window: PreferredWindow,
  options: VisitRuleOptions,
): Result<PreferredWindow, VisitWindowErrorCode> {
  const {
    today,
    nowMinute,
    hours = DEFAULT_SERVICE_HOURS,
    leadMinutes = DEFAULT_LEAD_MINUTES,
    maxDaysAhead = DEFAULT_MAX_DAYS_AHEAD,
  } = options;
  const { startMinute, endMinute } = window;
  const date = parseIsoDate(window.date);
  if (
    date === undefined ||
    !Number.isInteger(startMinute) ||
    !Number.isInteger(endMinute) ||
    startMinute < 0 ||
    endMinute > 1440 ||
    endMinute - startMinute < MIN_WINDOW_MINUTES
  ) {
    return fail('WINDOW.UNPARSEABLE');
  }
  const days = daysBetween(today, date);
  if (days < 0) return fail('WINDOW.PAST');
  if (days > maxDaysAhead) return fail('WINDOW.TOO_FAR');
  if (startMinute < hours.startMinute || endMinute > hours.endMinute) {
    return fail('WINDOW.OUTSIDE_HOURS');
  }
  if (days === 0 && startMinute < earliestStart(nowMinute, leadMinutes)) {
    return fail(endMinute <= nowMinute ? 'WINDOW.PAST' : 'WINDOW.TOO_SOON');
  }
  return ok({ date, startMinute, endMinute });
}

/** The earliest start today: now + lead, rounded up to the half hour. */
function earliestStart(nowMinute: number, leadMinutes: number): number {
  return Math.ceil((nowMinute + leadMinutes) / 30) * 30;
}

/**
 * The earliest 2-hour window (ASAP, 尽快) that starts at least `leadMinutes` (120) from now, on a
 * half hour, within service hours; tomorrow's first window when none fits today.
 */
export function earliestWindow(
  today: CalendarDate,
  nowMinute: number,
  hours: OpeningHours = DEFAULT_SERVICE_HOURS,
  leadMinutes = DEFAULT_LEAD_MINUTES,
): PreferredWindow {
  const length = Math.min(WINDOW_MINUTES, hours.endMinute - hours.startMinute);
  const start = Math.max(hours.startMinute, earliestStart(nowMinute, leadMinutes));
  if (start + length <= hours.endMinute) {
    return { date: today, startMinute: start, endMinute: start + length };
  }
  return {
    date: addDays(today, 1),
    startMinute: hours.startMinute,
    endMinute: hours.startMinute + length,
  };
}

/**
 * Parses the customer's preferred visit window, in Chinese or English, against today and now in
 * the service time zone.
 *
 * Day: 今天/明天/后天/大后天, `today`/`tomorrow`, a weekday (周六, 星期六, 週六, 礼拜天, `Sat`,
 * `Saturday`; 下周六 is Saturday of next week, 这周六 of this week, `next Saturday` the first
 * one after today, a bare weekday the first one from today on), a date (`2024-03-16`, `3月16日`,
 * `16号`, `March 16`; without a year the nearest such day). With no day, today — or tomorrow when
 * today's window has gone. 明早/今早 (Cantonese 聽朝/今朝) name a day and its morning, 明晚/今晚/
 * `tonight` (Cantonese 聽晚) a day and its evening. Cantonese days: 聽日 (tomorrow), 後日, 大後日,
 * 琴日/尋日 (yesterday); Taiwanese forms (明天, 後天, 禮拜三, 週六, 下禮拜) are the same as the mainland's.
 *
 * Time: 上午/早上/朝早/morning = opening–12:00; 中午/noon = 11:00–13:00; 下午/下晝/晏晝/afternoon =
 * 13:00–closing;
 * 晚上/evening = 18:00–22:00 and 凌晨 = 00:00–07:00 (outside default hours); a range (`9-11点`,
 * `14:00-16:00`, `2pm-4pm`, `下午3点到5点`); a point time (`3点`, `10:30`, `3pm`) is the 2-hour window
 * starting there. An hour without am/pm or 上午/下午 that is before opening is read as pm when
 * that falls inside hours (`3点` → 15:00). No time, or "any time": the whole service day. ASAP (尽快,
 * 越快越好) → {@link earliestWindow}. Windows are clamped to service hours and, today, to now + lead.
 *
 * Codes: `WINDOW.UNPARSEABLE` (words left over that are neither a day nor a time, or a range that
 * ends before it starts), `WINDOW.PAST`, `WINDOW.TOO_SOON` (today, but less than 30 minutes remain
 * after now + lead), `WINDOW.OUTSIDE_HOURS` (no overlap with service hours, or a point time outside
 * them), `WINDOW.TOO_FAR` (more than `maxDaysAhead` days ahead).
 */
export function parseVisitWindow(
  text: string,
  options: VisitWindowOptions,
): Result<PreferredWindow, VisitWindowErrorCode> {
  const {
    today,
    nowMinute,
    hours = DEFAULT_SERVICE_HOURS,
    leadMinutes = DEFAULT_LEAD_MINUTES,
    maxDaysAhead = DEFAULT_MAX_DAYS_AHEAD,
  } = options;
  let rest = normalise(text);
  if (rest.length === 0) return fail('WINDOW.UNPARSEABLE');

  const asap = ASAP.test(rest);
  rest = rest.replace(ASAP, ' ');
  const day = takeDay(rest, today);
  rest = day.rest;
  let part: Part | undefined = day.part;
  for (const [pattern, name] of PARTS) {
    if (part !== undefined) break;
    if (pattern.test(rest)) {
      part = name;
      rest = rest.replace(pattern, ' ');
    }
  }
  const span = takeTime(rest, part, hours);
  if (span === 'INVALID') return fail('WINDOW.UNPARSEABLE');
  rest = span.rest;
  if (rest.replace(FILLER, '').length > 0) return fail('WINDOW.UNPARSEABLE');
  if (day.pick === 'INVALID') return fail('WINDOW.UNPARSEABLE');
  const explicitDay = day.pick !== undefined;
  if (!explicitDay && !asap && part === undefined && span.time === undefined) {
    return fail('WINDOW.UNPARSEABLE');
  }

  const rule = { today, nowMinute, hours, leadMinutes, maxDaysAhead };
  if (asap || (part === 'whole' && !explicitDay && span.time === undefined)) {
    const onDay = day.pick?.date;
    if (onDay === undefined || onDay === today) {
      return checkVisitWindow(earliestWindow(today, nowMinute, hours, leadMinutes), rule);
    }
    const length = Math.min(WINDOW_MINUTES, hours.endMinute - hours.startMinute);
    return checkVisitWindow(
      { date: onDay, startMinute: hours.startMinute, endMinute: hours.startMinute + length },
      rule,
    );
  }

  // What was asked for, clamped to service hours.
  let wanted: Span;
  if (span.time !== undefined) {
    const { start, end, point } = span.time;
    if (point && (start < hours.startMinute || start >= hours.endMinute)) {
      return fail('WINDOW.OUTSIDE_HOURS');
    }
    wanted = { start, end };
  } else if (part !== undefined && part !== 'whole') {
    wanted = PART_SPANS[part];
  } else {
    wanted = { start: hours.startMinute, end: hours.endMinute };
  }
  const clamped = {
    start: Math.max(wanted.start, hours.startMinute),
    end: Math.min(wanted.end, hours.endMinute),
  };
  if (clamped.end - clamped.start < MIN_WINDOW_MINUTES) return fail('WINDOW.OUTSIDE_HOURS');

  // Today, what is left after now + lead; when nothing is left, the day it rolls to (周日 → next).
  const pick = day.pick ?? { date: today, rolls: 1 };
  let date = pick.date;
  if (date === today) {
    const start = Math.max(clamped.start, earliestStart(nowMinute, leadMinutes));
    if (clamped.end - start >= MIN_WINDOW_MINUTES) clamped.start = start;
    else if (pick.rolls > 0) date = addDays(date, pick.rolls);
  }
  return checkVisitWindow({ date, startMinute: clamped.start, endMinute: clamped.end }, rule);
}

function normalise(text: string): string {
  return (
    replaceChineseNumerals(foldText(text).toLowerCase())
      .replace(/a\.m\./g, 'am')
      .replace(/p\.m\./g, 'pm')
      .replace(/(\d)\s+(am|pm)\b/g, '$1$2')
      .replace(/\bbetween\s+(\d\S*)\s+and\s+(?=\d)/g, '$1-')
      .replace(/\b(?:to|till|until|through)\b|至|到|~|～/g, '-')
      .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
      // Cantonese 三點幾: some time after three.
      .replace(/(\d\s*[点點])[几幾]/g, '$1')
  );
}

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  前天: -2,
  前日: -2,
  昨天: -1,
  昨日: -1,
  琴日: -1,
  寻日: -1,
  尋日: -1,
  yesterday: -1,
  今天: 0,
  今日: 0,
  today: 0,
  今早: 0,
  今朝: 0,
  今晚: 0,
  tonight: 0,
  明早: 1,
  明晚: 1,
  听朝: 1,
  聽朝: 1,
  听晚: 1,
  聽晚: 1,
  明天: 1,
  明日: 1,
  听日: 1,
  聽日: 1,
  tomorrow: 1,
  tmrw: 1,
  tmr: 1,
  后天: 2,
  後天: 2,
  後日: 2,
  'day after tomorrow': 2,
  大后天: 3,
  大後天: 3,
  大后日: 3,
  大後日: 3,
};

/** A day and a part of it in one word: 明早 is tomorrow morning, 今晚 this evening. */
const DAY_PARTS: Readonly<Record<string, Part>> = {
  今早: 'morning',
  今朝: 'morning',
  明早: 'morning',
  听朝: 'morning',
  聽朝: 'morning',
  今晚: 'evening',
  明晚: 'evening',
  听晚: 'evening',
  聽晚: 'evening',
  tonight: 'evening',
};

type TakenDay = { pick?: DayPick; rest: string; part?: Part };

/** Finds and removes the day; `pick` is undefined when none is named. */
function takeDay(text: string, today: CalendarDate): TakenDay {
  const take = (
    pattern: RegExp,
    read: (match: RegExpExecArray) => DayPick,
    partOf?: (match: RegExpExecArray) => Part | undefined,
  ): TakenDay | undefined => {
    const match = pattern.exec(text);
    if (!match) return undefined;
    const taken = {
      pick: read(match),
      rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`,
    };
    const part = partOf?.(match);
    return part === undefined ? taken : { ...taken, part };
  };
  const fixed = (date: CalendarDate | undefined): DayPick =>
    date === undefined ? 'INVALID' : { date, rolls: 0 };
  const { year, month, day } = dateParts(today);
  return (
    take(/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号號]?/, (m) =>
      fixed(toDate(Number(m[1]), Number(m[2]), Number(m[3]))),
    ) ??
    take(/(\d{1,2})月(\d{1,2})[日号號]?/, (m) =>
      fixed(nearestMonthDay(Number(m[1]), Number(m[2]), today)),
    ) ??
    take(new RegExp(String.raw`${EN_MONTH} (\d{1,2})\b`), (m) =>
      fixed(nearestMonthDay(toMonth(m[1] ?? '') ?? 0, Number(m[2]), today)),
    ) ??
    take(new RegExp(String.raw`\b(\d{1,2}) ${EN_MONTH}`), (m) =>
      fixed(nearestMonthDay(toMonth(m[2] ?? '') ?? 0, Number(m[1]), today)),
    ) ??
    // 明早上 / 今早晨 say the part twice: the 上 / 晨 goes with the 早.
    take(
      new RegExp(`(${alternationOf(Object.keys(RELATIVE_DAYS))})(?:(?<=早)[上晨]|(?<=晚)上)?`),
      (m) => fixed(addDays(today, RELATIVE_DAYS[m[1] ?? ''] ?? 0)),
      (m) => DAY_PARTS[m[1] ?? ''],
    ) ??
    take(/(下下|下|这|這|本)?(?:个|個)?(?:(?:周|週|星期|礼拜|禮拜)([1-7日天])|(周末|週末))/, (m) =>
      weekdayPick(today, m[3] ? 6 : (toWeekday(m[2] ?? '') ?? 0), m[1]),
    ) ??
    take(new RegExp(String.raw`\b(next |this )?(?:${EN_WEEKDAY}|(weekend))\b`), (m) =>
      weekdayPick(today, m[3] ? 6 : (toWeekday(m[2] ?? '') ?? 0), m[1]?.trim()),
    ) ??
    take(/(?<![\d:])(\d{1,2})[日号號]/, (m) => {
      const wanted = Number(m[1]);
      const thisMonth = toDate(year, month, wanted);
      if (thisMonth && wanted >= day) return { date: thisMonth, rolls: 0 };
      const next = dateParts(addDays(toDate(year, month, 1) as CalendarDate, 32));
      return fixed(toDate(next.year, next.month, wanted));
    }) ?? { rest: text }
  );
}

/** A month and day without a year: the occurrence nearest to today (late December → January). */
function nearestMonthDay(
  month: number,
  day: number,
  today: CalendarDate,
): CalendarDate | undefined {
  const { year } = dateParts(today);
  const dates = [year - 1, year, year + 1]
    .map((each) => toDate(each, month, day))
    .filter((date): date is CalendarDate => date !== undefined);
  dates.sort((a, b) => Math.abs(daysBetween(today, a)) - Math.abs(daysBetween(today, b)));
  return dates[0];
}

function weekdayPick(today: CalendarDate, weekday: number, prefix: string | undefined): DayPick {
  if (weekday < 1 || weekday > 7) return 'INVALID';
  const monday = mondayOf(today);
  if (prefix === '下') return { date: addDays(monday, 7 + weekday - 1), rolls: 0 };
  if (prefix === '下下') return { date: addDays(monday, 14 + weekday - 1), rolls: 0 };
  if (prefix === '这' || prefix === '這' || prefix === '本' || prefix === 'this') {
    return { date: addDays(monday, weekday - 1), rolls: 0 };
  }
  const ahead = (weekday - weekdayOf(today) + 7) % 7;
  if (prefix === 'next') return { date: addDays(today, ahead || 7), rolls: 0 };
  return { date: addDays(today, ahead), rolls: ahead === 0 ? 7 : 0 };
}

type TakenTime = { time?: Span & { point: boolean }; rest: string } | 'INVALID';

/** Finds and removes a time range or a point time, resolved to minutes after midnight. */
function takeTime(text: string, part: Part | undefined, hours: OpeningHours): TakenTime {
  const range = RANGE.exec(text);
  if (range) {
    const first = readTime(range, 1);
    const second = readTime(range, 6);
    if (first === undefined || second === undefined) return 'INVALID';
    if (first.meridiem === undefined && second.meridiem === 'pm' && first.hour < 12) {
      const asPm = (first.hour + 12) * 60 + first.minute;
      if (asPm < toMinute(second, part, hours)) first.meridiem = 'pm';
    }
    const start = toMinute(first, part, hours);
    let end = toMinute(second, part, hours);
    // "11-1点": the end is after noon; "3-5点" after 3 became 15:00: the end follows it.
    if (end <= start && second.meridiem === undefined && second.hour < 12) end += 720;
    if (end <= start || end > 1440) return 'INVALID';
    return { time: { start, end, point: false }, rest: remove(text, range) };
  }
  for (const match of text.matchAll(POINT)) {
    if (!/[:点點时時]|am|pm|clock|钟|鐘/.test(match[0])) continue;
    const time = readTime(match, 1);
    if (time === undefined) return 'INVALID';
    const start = toMinute(time, part, hours);
    return {
      time: { start, end: start + WINDOW_MINUTES, point: true },
      rest: remove(text, match),
    };
  }
  return { rest: text };
}

function remove(text: string, match: RegExpExecArray | RegExpMatchArray): string {
  const index = match.index ?? 0;
  return `${text.slice(0, index)} ${text.slice(index + match[0].length)}`;
}

function readTime(match: RegExpExecArray | RegExpMatchArray, from: number): Time | undefined {
  const hour = Number(match[from]);
  const minute =
    match[from + 2] !== undefined ? 30 : Number(match[from + 1] ?? match[from + 3] ?? 0);
  const meridiem = match[from + 4] as 'am' | 'pm' | undefined;
  if (hour > 24 || minute > 59 || (meridiem !== undefined && (hour === 0 || hour > 12))) {
    return undefined;
  }
  return meridiem === undefined ? { hour, minute } : { hour, minute, meridiem };
}

/** A clock hour in context: pm / 下午 / 晚上 add 12; so does an hour before opening that fits after noon. */
function toMinute(time: Time, part: Part | undefined, hours: OpeningHours): number {
  let { hour } = time;
  if (time.meridiem === 'pm' && hour < 12) hour += 12;
  else if (time.meridiem === 'am' && hour === 12) hour = 0;
  else if (time.meridiem === undefined) {
    if ((part === 'afternoon' || part === 'evening') && hour < 12) hour += 12;
    else if (part === 'noon' && hour <= 6) hour += 12;
    else if (
      part === undefined &&
      hour < 12 &&
      hour * 60 < hours.startMinute &&
      (hour + 12) * 60 < hours.endMinute
    ) {
      hour += 12;
    }
  }
  return hour * 60 + time.minute;
}
