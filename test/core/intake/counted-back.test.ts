import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_POLICY,
  type CalendarDate,
  type DatePrecision,
  decideWarrantyOverPeriod,
  parsePurchaseDate,
} from '../../../core/index.ts';

const day = (text: string) => text as CalendarDate;

type Row = [text: string, from: string, to: string, precision: DatePrecision];

const reads = (today: string, rows: Row[]) =>
  it.each(rows)(
    `on ${today} reads %j as %s to %s (%s, approximate)`,
    (text, from, to, precision) => {
      const lang = /[a-z]/i.test(text) ? 'en' : 'zh';
      expect(parsePurchaseDate(text, { today: day(today), lang })).toEqual({
        ok: true,
        value: { from, to, precision, approximate: true },
      });
    },
  );

describe('parsePurchaseDate: "N units ago" is the day N units back, with a stated margin', () => {
  // Thursday 2024-03-14. Margins (AGO_MARGIN): days 0 (about: 2 days), weeks and half a month
  // 3 days (about: 7), months 15 days (about: 1 month), years 1 month (about: 3 months).
  reads('2024-03-14', [
    ['10天前', '2024-03-04', '2024-03-04', 'day'],
    ['10 days ago', '2024-03-04', '2024-03-04', 'day'],
    ['大概10天前', '2024-03-02', '2024-03-06', 'day'],
    ['两周前', '2024-02-26', '2024-03-03', 'week'],
    ['two weeks ago', '2024-02-26', '2024-03-03', 'week'],
    ['about two weeks ago', '2024-02-22', '2024-03-07', 'week'],
    ['两个星期左右', '2024-02-22', '2024-03-07', 'week'],
    ['半个月前', '2024-02-25', '2024-03-02', 'week'],
    ['3 months ago', '2023-11-29', '2023-12-29', 'month'],
    ['three months ago', '2023-11-29', '2023-12-29', 'month'],
    ['三个月前', '2023-11-29', '2023-12-29', 'month'],
    ['買咗三個月', '2023-11-29', '2023-12-29', 'month'],
    ['三個月之前', '2023-11-29', '2023-12-29', 'month'],
    ['大概三个月前吧', '2023-11-14', '2024-01-14', 'month'],
    ['三个月左右', '2023-11-14', '2024-01-14', 'month'],
    ['a couple of months ago', '2023-12-14', '2024-02-14', 'month'],
    ['一个半月前', '2024-01-15', '2024-02-14', 'month'],
    ['半年前', '2023-08-14', '2023-10-14', 'month'],
    ['half a year ago', '2023-08-14', '2023-10-14', 'month'],
    ['大概半年前啦', '2023-06-14', '2023-12-14', 'month'],
    ['一年前', '2023-02-14', '2023-04-14', 'month'],
    ['a year ago', '2023-02-14', '2023-04-14', 'month'],
    ['大概一年前', '2022-12-14', '2023-06-14', 'month'],
    ['about a year ago', '2022-12-14', '2023-06-14', 'month'],
    ['a year or so ago', '2022-12-14', '2023-06-14', 'month'],
    ['a year ago-ish', '2022-12-14', '2023-06-14', 'month'],
    ['I think about a year ago', '2022-12-14', '2023-06-14', 'month'],
    ['一年左右', '2022-12-14', '2023-06-14', 'month'],
    ['一年半前', '2022-08-14', '2022-10-14', 'month'],
    ['a year and a half ago', '2022-08-14', '2022-10-14', 'month'],
    ['one and a half years ago', '2022-08-14', '2022-10-14', 'month'],
    ['1.5 years ago', '2022-08-14', '2022-10-14', 'month'],
    ['两年前', '2022-02-14', '2022-04-14', 'month'],
  ]);
  // Leap day and month end: a year back from 29 February is 28 February.
  reads('2024-02-29', [['一年前', '2023-01-28', '2023-03-28', 'month']]);
  reads('2025-01-31', [['3 months ago', '2024-10-16', '2024-11-15', 'month']]);
});

describe('parsePurchaseDate: "over N units" is the period (N+1 units ago, N units ago]', () => {
  // The review's report date, Tuesday 2026-12-01.
  reads('2026-12-01', [
    ['一年多了', '2024-12-02', '2025-12-01', 'year'],
    ['一年多以前', '2024-12-02', '2025-12-01', 'year'],
    ['买了一年多', '2024-12-02', '2025-12-01', 'year'],
    ['買咗一年幾', '2024-12-02', '2025-12-01', 'year'],
    ['用了一年多了', '2024-12-02', '2025-12-01', 'year'],
    ['over a year ago', '2024-12-02', '2025-12-01', 'year'],
    ['more than a year ago', '2024-12-02', '2025-12-01', 'year'],
    ["it's been over a year", '2024-12-02', '2025-12-01', 'year'],
    ['两年多前', '2023-12-02', '2024-12-01', 'year'],
    ['over 2 years ago', '2023-12-02', '2024-12-01', 'year'],
    ['三個多月前', '2026-08-02', '2026-09-01', 'month'],
    ['more than three months ago', '2026-08-02', '2026-09-01', 'month'],
    // 半年多: more than six months, less than a year; 十几/十多: more than ten, fewer than twenty.
    ['半年多前', '2025-12-02', '2026-06-01', 'month'],
    ['十几个月前', '2025-04-02', '2026-02-01', 'month'],
    ['十多年前', '2006-12-02', '2016-12-01', 'year'],
    ['一周多前', '2026-11-18', '2026-11-24', 'week'],
  ]);
  // A period of whole years shown as a year only when it is one: 2025-01-01 to 2025-12-31.
  reads('2026-12-31', [['一年多了', '2025-01-01', '2025-12-31', 'year']]);
});

/**
 * The readings against the warranty engine at its boundaries (a washer's drain pump: the 12-month
 * whole-unit term; 7-day return and 15-day exchange windows). `holdsFrom` later than `from` is the
 * engine's "depends on the day" answer: the bot asks for the day and states no charge.
 */
describe('vague purchase dates at the warranty boundaries', () => {
  const answer = (text: string, reportDate: string) => {
    const parsed = parsePurchaseDate(text, { today: day(reportDate) });
    if (!parsed.ok) throw new Error(parsed.code);
    const decision = decideWarrantyOverPeriod(
      {
        category: 'washing_machine',
        part: 'drain_pump',
        reportDate: day(reportDate),
        cause: 'unknown',
        priorRepairs: 0,
        partsWaitDays: 0,
      },
      { purchase: parsed.value },
      BUILT_IN_POLICY,
    );
    const { period } = decision;
    const depends = period !== undefined && period.holdsFrom !== period.from;
    return {
      depends,
      holdsFrom: depends ? period?.holdsFrom : undefined,
      remedies: decision.remedies.join('+'),
    };
  };

  it.each<[string, string, boolean, string | undefined, string]>([
    // 12-month term, reported 2026-12-01: a purchase on 2025-12-01 is covered to that day.
    ['一年多了', '2026-12-01', true, '2025-12-01', 'repair'],
    ['over a year ago', '2026-12-01', true, '2025-12-01', 'repair'],
    ['两年多前', '2026-12-01', false, undefined, 'repair'],
    ['大概一年前', '2026-12-01', true, '2025-12-01', 'repair'],
    ['about a year ago', '2026-12-01', true, '2025-12-01', 'repair'],
    ['一年前', '2026-12-01', true, '2025-12-01', 'repair'],
    ['a year and a half ago', '2026-12-01', false, undefined, 'repair'],
    ['十几个月前', '2026-12-01', true, '2025-12-01', 'repair'],
    // Under a year on every day of the period: the same answer throughout.
    ['半年多前', '2026-12-01', false, undefined, 'repair'],
    ['三个月前', '2026-12-01', false, undefined, 'repair'],
    // The 15-day exchange window: two weeks is 11 to 17 days; a purchase 15 days back still
    // exchanges (2026-11-16), one 16 days back does not.
    ['两周前', '2026-12-01', true, '2026-11-16', 'exchange+repair'],
    ['about two weeks ago', '2026-12-01', true, '2026-11-24', 'refund+exchange+repair'],
    ['10天前', '2026-12-01', false, undefined, 'exchange+repair'],
    // The 7-day return window: a week is 4 to 10 days.
    ['一周前', '2026-12-01', true, '2026-11-24', 'refund+exchange+repair'],
  ])(
    '%j reported %s: depends on the day %s (from %s), best answer %s',
    (text, reportDate, depends, holdsFrom, remedies) => {
      expect(answer(text, reportDate)).toEqual({ depends, holdsFrom, remedies });
    },
  );
});
