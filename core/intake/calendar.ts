import { addDays, type CalendarDate, toDayNumber } from '../shared/calendar-date.ts';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The ISO weekday of a date, from its day number (1970-01-01 was a Thursday). */
export function weekdayOf(date: CalendarDate): Weekday {
  return (((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** The Monday of the ISO week (Monday to Sunday) that holds `date`. */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - weekdayOf(date));
}

const WEEKDAY_WORDS: Readonly<Record<string, Weekday>> = {
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
  日: 7,
  天: 7,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};

/** 周六 / 星期6 / sat / Saturday → 6 (the Chinese numeral already turned into a digit). */
export function toWeekday(word: string): Weekday | undefined {
  return WEEKDAY_WORDS[word.toLowerCase()];
}

/** Chinese weekday prefixes: 周, 週, 星期, 礼拜, 禮拜. */
export const ZH_WEEK = '(?:周|週|星期|礼拜|禮拜)';
/** Chinese weekday suffixes after numerals became digits: 1–7, 日, 天. */
export const ZH_WEEKDAY = '([1-7日天])';
/** English weekday names and abbreviations. */
export const EN_WEEKDAY =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)';

const MONTH_WORDS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** English month names and abbreviations, longest first so `march` is not read as `mar`. */
export const EN_MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)';

export function toMonth(word: string): number | undefined {
  return MONTH_WORDS[word.toLowerCase()];
}
