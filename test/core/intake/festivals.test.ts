import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  type DatePrecision,
  type PurchaseDateErrorCode,
  parsePurchaseDate,
} from '../../../core/index.ts';
import { lunarNewYear } from '../../../core/intake/festivals.ts';

const day = (text: string) => text as CalendarDate;
/** Monday 2026-11-30: this year's 双十一 and Black Friday have passed, Christmas has not. */
const TODAY = day('2026-11-30');
const lang = (text: string) => (/[a-z]/i.test(text) ? 'en' : 'zh');

type Row = [text: string, from: string, to: string, precision: DatePrecision, approximate: boolean];

const reads = (rows: Row[]) =>
  it.each(rows)('reads %j as %s to %s (%s)', (text, from, to, precision, approximate) => {
    expect(parsePurchaseDate(text, { today: TODAY, lang: lang(text) })).toEqual({
      ok: true,
      value: { from, to, precision, approximate },
    });
  });

describe('parsePurchaseDate: festivals and shopping days, Simplified Chinese', () => {
  reads([
    // A shopping day is the order day and the week of delivery after it.
    ['去年双十一买的', '2025-11-11', '2025-11-18', 'week', true],
    ['去年双11', '2025-11-11', '2025-11-18', 'week', true],
    ['双十一买的', '2026-11-11', '2026-11-18', 'week', true],
    ['我记得是去年双十一买的', '2025-11-11', '2025-11-18', 'week', true],
    ['双十一左右', '2026-11-04', '2026-11-18', 'week', true],
    ['去年618', '2025-06-18', '2025-06-25', 'week', true],
    ['前年618买的', '2024-06-18', '2024-06-25', 'week', true],
    ['618活动的时候', '2026-06-18', '2026-06-25', 'week', true],
    ['去年圣诞节', '2025-12-25', '2025-12-25', 'day', true],
    // This year's Christmas is still to come: the latest that has begun.
    ['圣诞', '2025-12-25', '2025-12-25', 'day', true],
    ['去年国庆', '2025-10-01', '2025-10-07', 'week', true],
    ['应该是前年国庆节买的', '2024-10-01', '2024-10-07', 'week', true],
    // Lunar new year's day 2025-01-29: the week before to the week after.
    ['去年春节', '2025-01-22', '2025-02-05', 'week', true],
    ['去年春节前买的', '2024-12-30', '2025-01-28', 'month', true],
    ['过年后', '2026-02-18', '2026-03-19', 'month', true],
    ['2024年春节', '2024-02-03', '2024-02-17', 'week', true],
    ['好像是去年夏天', '2025-06-01', '2025-08-31', 'season', false],
  ]);
});

describe('parsePurchaseDate: festivals, Traditional Chinese and Cantonese', () => {
  reads([
    ['去年雙十一', '2025-11-11', '2025-11-18', 'week', true],
    ['舊年聖誕買嘅', '2025-12-25', '2025-12-25', 'day', true],
    ['好似係舊年聖誕節買嘅', '2025-12-25', '2025-12-25', 'day', true],
    ['應該係前年國慶買嘅', '2024-10-01', '2024-10-07', 'week', true],
    ['國慶假期', '2026-10-01', '2026-10-07', 'week', true],
    ['舊年春節', '2025-01-22', '2025-02-05', 'week', true],
    ['上年過年之前', '2024-12-30', '2025-01-28', 'month', true],
    ['舊年夏天', '2025-06-01', '2025-08-31', 'season', false],
  ]);
});

describe('parsePurchaseDate: festivals and hedges, English', () => {
  reads([
    ['last Christmas', '2025-12-25', '2025-12-25', 'day', true],
    ['Christmas 2024', '2024-12-25', '2024-12-25', 'day', true],
    ['maybe Christmas 2024', '2024-12-25', '2024-12-25', 'day', true],
    ['around Christmas', '2025-12-18', '2026-01-01', 'week', true],
    ['I think it was before Christmas last year', '2025-11-25', '2025-12-24', 'month', true],
    // Black Friday is the day after the fourth Thursday of November (2025-11-27).
    ['Black Friday last year', '2025-11-28', '2025-12-05', 'week', true],
    ["last year's Black Friday sale", '2025-11-28', '2025-12-05', 'week', true],
    // Three days ago: the week of delivery ends today, not in days still to come.
    ['on Black Friday', '2026-11-27', '2026-11-30', 'week', true],
    // November 2018 began on a Thursday: Black Friday was the 23rd, not the last Friday (30th).
    ['black friday 2018', '2018-11-23', '2018-11-30', 'week', true],
    ['Singles Day last year', '2025-11-11', '2025-11-18', 'week', true],
    ['Chinese New Year', '2026-02-10', '2026-02-24', 'week', true],
    ['last year in November', '2025-11-01', '2025-11-30', 'month', false],
    ['last summer I think', '2026-06-01', '2026-08-31', 'season', false],
    ['probably last year', '2025-01-01', '2025-12-31', 'year', false],
    ["I'm pretty sure it was last year", '2025-01-01', '2025-12-31', 'year', false],
    ['not sure, maybe last Christmas', '2025-12-25', '2025-12-25', 'day', true],
    ["I've had it for two years", '2024-10-30', '2024-12-30', 'month', true],
    ['summer last year, I believe', '2025-06-01', '2025-08-31', 'season', false],
  ]);
});

describe('parsePurchaseDate: what is not read', () => {
  it.each<[string, PurchaseDateErrorCode]>([
    // A festival still to come this year, or next year's: refused as in the future.
    ['今年圣诞', 'DATE.FUTURE'],
    ['Christmas this year', 'DATE.FUTURE'],
    ['明年618', 'DATE.FUTURE'],
    ['2027年春节', 'DATE.FUTURE'],
    // Festivals with no fixed day in the table are not guessed.
    ['去年年货节', 'DATE.UNPARSEABLE'],
    ['去年中秋', 'DATE.UNPARSEABLE'],
    ['Easter last year', 'DATE.UNPARSEABLE'],
    ['情人节', 'DATE.UNPARSEABLE'],
  ])('refuses %j with %s', (text, code) => {
    expect(parsePurchaseDate(text, { today: TODAY, lang: lang(text) })).toEqual({
      ok: false,
      code,
    });
  });
});

describe('lunarNewYear', () => {
  it.each([
    [2017, '2017-01-28'],
    [2020, '2020-01-25'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2030, '2030-02-03'],
  ])('is %s-%s from the table', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it('falls between 21 January and 20 February every year of the table', () => {
    for (let year = 2000; year <= 2035; year++) {
      const date = lunarNewYear(year) ?? '';
      expect(date >= `${year}-01-21` && date <= `${year}-02-20`).toBe(true);
    }
  });

  it('reads the Spring Festival of a year outside the table as every day it can fall on', () => {
    expect(parsePurchaseDate('1998年春节', { today: TODAY })).toMatchObject({
      value: { from: '1998-01-14', to: '1998-02-27' },
    });
  });
});
