import { describe, expect, it } from 'vitest';
import {
  type DatePrecision,
  type PurchaseDateErrorCode,
  parsePurchaseDate,
} from '../../../core/intake/index.ts';
import type { CalendarDate } from '../../../core/shared/calendar-date.ts';

const day = (text: string) => text as CalendarDate;
/** A Thursday in a leap year, two weeks after 29 February. */
const THURSDAY = day('2024-03-14');

describe('parsePurchaseDate: absolute dates', () => {
  it.each<[string, string, string, DatePrecision]>([
    ['2024-03-14', '2024-03-14', '2024-03-14', 'day'],
    ['2024/3/14', '2024-03-14', '2024-03-14', 'day'],
    ['2024.3.14', '2024-03-14', '2024-03-14', 'day'],
    ['20240314', '2024-03-14', '2024-03-14', 'day'],
    ['２０２４－０３－１４', '2024-03-14', '2024-03-14', 'day'],
    ['2024年3月14日', '2024-03-14', '2024-03-14', 'day'],
    ['2024年3月14号', '2024-03-14', '2024-03-14', 'day'],
    ['2024 年 3 月 14 日', '2024-03-14', '2024-03-14', 'day'],
    ['二〇二四年三月十四日', '2024-03-14', '2024-03-14', 'day'],
    ['二零二四年三月十四号', '2024-03-14', '2024-03-14', 'day'],
    ['两千零二十四年三月一日', '2024-03-01', '2024-03-01', 'day'],
    ['我是2024年3月14日买的', '2024-03-14', '2024-03-14', 'day'],
    ['购买日期：2024-03-14', '2024-03-14', '2024-03-14', 'day'],
    ['2024年3月', '2024-03-01', '2024-03-14', 'month'],
    ['24年3月', '2024-03-01', '2024-03-14', 'month'],
    ['2023-11', '2023-11-01', '2023-11-30', 'month'],
    ['二〇二三年十二月', '2023-12-01', '2023-12-31', 'month'],
    ['2023年12月份', '2023-12-01', '2023-12-31', 'month'],
    ['2023年', '2023-01-01', '2023-12-31', 'year'],
    ['2023', '2023-01-01', '2023-12-31', 'year'],
    ['99年', '1999-01-01', '1999-12-31', 'year'],
    ['14 March 2024', '2024-03-14', '2024-03-14', 'day'],
    ['14th of March, 2024', '2024-03-14', '2024-03-14', 'day'],
    ['March 14, 2024', '2024-03-14', '2024-03-14', 'day'],
    ['bought on Mar 1st 2024', '2024-03-01', '2024-03-01', 'day'],
    ['Mar 2024', '2024-03-01', '2024-03-14', 'month'],
    ['in December 2023', '2023-12-01', '2023-12-31', 'month'],
    ['3月10日', '2024-03-10', '2024-03-10', 'day'],
    ['3.14', '2024-03-14', '2024-03-14', 'day'],
    ['3/10', '2024-03-10', '2024-03-10', 'day'],
    ['14/3', '2024-03-14', '2024-03-14', 'day'],
    ['12/25', '2023-12-25', '2023-12-25', 'day'],
    ['3月20日', '2023-03-20', '2023-03-20', 'day'],
    ['March 20', '2023-03-20', '2023-03-20', 'day'],
    ['10 March', '2024-03-10', '2024-03-10', 'day'],
    ['三月', '2024-03-01', '2024-03-14', 'month'],
    ['三月份', '2024-03-01', '2024-03-14', 'month'],
    ['十二月', '2023-12-01', '2023-12-31', 'month'],
    ['December', '2023-12-01', '2023-12-31', 'month'],
  ])('reads %j as %s to %s (%s)', (text, from, to, precision) => {
    expect(parsePurchaseDate(text, { today: THURSDAY })).toEqual({
      ok: true,
      value: { from, to, precision, approximate: false },
    });
  });
});

describe('parsePurchaseDate: day, month, year order of a/b/yyyy', () => {
  it.each<[string, 'zh' | 'en', string]>([
    ['3/14/2024', 'en', '2024-03-14'],
    ['3/14/2024', 'zh', '2024-03-14'],
    ['14/3/2024', 'en', '2024-03-14'],
    ['14/3/2024', 'zh', '2024-03-14'],
    ['3/2/2024', 'en', '2024-03-02'],
    ['3/2/2024', 'zh', '2024-02-03'],
    ['03-04-2024', 'en', '2024-03-04'],
    ['4.3.24', 'zh', '2024-03-04'],
    ['5/5/2023', 'en', '2023-05-05'],
  ])(
    'reads %j in %s as %s (a part over 12 is the day; else en M/D/Y, zh D/M/Y)',
    (text, lang, date) => {
      expect(parsePurchaseDate(text, { today: THURSDAY, lang })).toMatchObject({
        ok: true,
        value: { from: date, to: date, precision: 'day' },
      });
    },
  );

  it('reads a/b without a year month first unless the order is DMY', () => {
    expect(parsePurchaseDate('3/2', { today: THURSDAY, lang: 'zh' })).toMatchObject({
      value: { from: '2024-03-02' },
    });
    expect(parsePurchaseDate('3/2', { today: THURSDAY, order: 'DMY' })).toMatchObject({
      value: { from: '2024-02-03' },
    });
  });

  it('lets an explicit order override the language', () => {
    const result = parsePurchaseDate('3/2/2024', { today: THURSDAY, lang: 'en', order: 'DMY' });
    expect(result).toMatchObject({ ok: true, value: { from: '2024-02-03' } });
  });
});

describe('parsePurchaseDate: relative dates', () => {
  it.each<[string, string, string, string, DatePrecision, boolean]>([
    // Thursday 2024-03-14 (leap year).
    ['2024-03-14', '今天', '2024-03-14', '2024-03-14', 'day', false],
    ['2024-03-14', 'today', '2024-03-14', '2024-03-14', 'day', false],
    ['2024-03-14', '昨天', '2024-03-13', '2024-03-13', 'day', false],
    ['2024-03-14', 'yesterday', '2024-03-13', '2024-03-13', 'day', false],
    ['2024-03-14', '前天', '2024-03-12', '2024-03-12', 'day', false],
    ['2024-03-14', 'the day before yesterday', '2024-03-12', '2024-03-12', 'day', false],
    ['2024-03-14', '大前天', '2024-03-11', '2024-03-11', 'day', false],
    ['2024-03-14', '上周', '2024-03-04', '2024-03-10', 'week', false],
    ['2024-03-14', '上個星期', '2024-03-04', '2024-03-10', 'week', false],
    ['2024-03-14', 'last week', '2024-03-04', '2024-03-10', 'week', false],
    ['2024-03-14', '上周六', '2024-03-09', '2024-03-09', 'day', false],
    ['2024-03-14', '上礼拜天', '2024-03-10', '2024-03-10', 'day', false],
    ['2024-03-14', '这周一', '2024-03-11', '2024-03-11', 'day', false],
    ['2024-03-14', '周一', '2024-03-11', '2024-03-11', 'day', false],
    ['2024-03-14', '星期四', '2024-03-14', '2024-03-14', 'day', false],
    ['2024-03-14', 'last Thursday', '2024-03-07', '2024-03-07', 'day', false],
    ['2024-03-14', 'Monday', '2024-03-11', '2024-03-11', 'day', false],
    ['2024-03-14', '上个月', '2024-02-01', '2024-02-29', 'month', false],
    ['2024-03-14', '上個月', '2024-02-01', '2024-02-29', 'month', false],
    ['2024-03-14', '上个月15号', '2024-02-15', '2024-02-15', 'day', false],
    ['2024-03-14', '上个月底', '2024-02-21', '2024-02-29', 'month', true],
    ['2024-03-14', '上个月初', '2024-02-01', '2024-02-10', 'month', true],
    ['2024-03-14', '上个月中', '2024-02-11', '2024-02-20', 'month', true],
    ['2024-03-14', '上上个月', '2024-01-01', '2024-01-31', 'month', false],
    ['2024-03-14', '这个月', '2024-03-01', '2024-03-14', 'month', false],
    ['2024-03-14', 'last month', '2024-02-01', '2024-02-29', 'month', false],
    ['2024-03-14', 'this month', '2024-03-01', '2024-03-14', 'month', false],
    ['2024-03-14', '今年', '2024-01-01', '2024-03-14', 'year', false],
    ['2024-03-14', '今年一月', '2024-01-01', '2024-01-31', 'month', false],
    ['2024-03-14', '去年', '2023-01-01', '2023-12-31', 'year', false],
    ['2024-03-14', 'last year', '2023-01-01', '2023-12-31', 'year', false],
    ['2024-03-14', '去年三月', '2023-03-01', '2023-03-31', 'month', false],
    ['2024-03-14', '去年3月', '2023-03-01', '2023-03-31', 'month', false],
    ['2024-03-14', '去年3月5号', '2023-03-05', '2023-03-05', 'day', false],
    ['2024-03-14', '去年年底', '2023-11-01', '2023-12-31', 'season', true],
    ['2024-03-14', '前年', '2022-01-01', '2022-12-31', 'year', false],
    ['2024-03-14', '前年十二月', '2022-12-01', '2022-12-31', 'month', false],
    ['2024-03-14', '大前年', '2021-01-01', '2021-12-31', 'year', false],
    ['2024-03-14', 'last March', '2023-03-01', '2023-03-31', 'month', false],
    ['2024-03-14', 'last February', '2024-02-01', '2024-02-29', 'month', false],
    ['2024-03-14', 'March last year', '2023-03-01', '2023-03-31', 'month', false],
    ['2024-02-29', '2月29日', '2024-02-29', '2024-02-29', 'day', false],
    ['2024-02-29', 'yesterday', '2024-02-28', '2024-02-28', 'day', false],
    ['2024-02-29', '上个月', '2024-01-01', '2024-01-31', 'month', false],
    // Month end: Friday 2025-01-31.
    ['2025-01-31', '上个月', '2024-12-01', '2024-12-31', 'month', false],
    ['2025-01-31', '上个月31号', '2024-12-31', '2024-12-31', 'day', false],
    ['2025-01-31', '2月29日', '2024-02-29', '2024-02-29', 'day', false],
    ['2025-01-31', '上周日', '2025-01-26', '2025-01-26', 'day', false],
    ['2025-01-31', '去年十二月', '2024-12-01', '2024-12-31', 'month', false],
    ['2025-01-31', 'last December', '2024-12-01', '2024-12-31', 'month', false],
    ['2025-01-31', '今天', '2025-01-31', '2025-01-31', 'day', false],
    // Sunday 2024-03-17.
    ['2024-03-17', '周日', '2024-03-17', '2024-03-17', 'day', false],
    ['2024-03-17', '上周日', '2024-03-10', '2024-03-10', 'day', false],
    ['2024-03-17', 'last Sunday', '2024-03-10', '2024-03-10', 'day', false],
    ['2024-03-17', '这周一', '2024-03-11', '2024-03-11', 'day', false],
    ['2024-03-17', '星期六', '2024-03-16', '2024-03-16', 'day', false],
    // Parts of a month: 初 the 1st–10th, 中 the 11th–20th, 底 the 21st to the end; never after today.
    ['2024-03-14', '2023年12月底', '2023-12-21', '2023-12-31', 'month', true],
    ['2024-03-14', '2023年12月末', '2023-12-21', '2023-12-31', 'month', true],
    ['2024-03-14', '二〇二三年十二月底', '2023-12-21', '2023-12-31', 'month', true],
    ['2024-03-14', '2023年12月初', '2023-12-01', '2023-12-10', 'month', true],
    ['2024-03-14', '2023年12月中', '2023-12-11', '2023-12-20', 'month', true],
    ['2024-03-14', '2023年12月中旬', '2023-12-11', '2023-12-20', 'month', true],
    ['2024-03-14', '2023年12月下旬', '2023-12-21', '2023-12-31', 'month', true],
    ['2024-03-14', '2023年2月底', '2023-02-21', '2023-02-28', 'month', true],
    ['2024-03-14', '2月底', '2024-02-21', '2024-02-29', 'month', true],
    ['2024-03-14', '12月初', '2023-12-01', '2023-12-10', 'month', true],
    ['2024-03-14', '十二月中', '2023-12-11', '2023-12-20', 'month', true],
    ['2024-03-14', '12月底买的', '2023-12-21', '2023-12-31', 'month', true],
    ['2024-03-14', '12月份底', '2023-12-21', '2023-12-31', 'month', true],
    ['2024-03-14', '3月初', '2024-03-01', '2024-03-10', 'month', true],
    ['2024-03-14', '3月中', '2024-03-11', '2024-03-14', 'month', true],
    ['2024-03-14', '3月底', '2023-03-21', '2023-03-31', 'month', true],
    ['2024-03-14', '这个月初', '2024-03-01', '2024-03-10', 'month', true],
    ['2024-03-14', '本月中', '2024-03-11', '2024-03-14', 'month', true],
    ['2024-03-14', '去年12月底', '2023-12-21', '2023-12-31', 'month', true],
    ['2024-03-14', '去年三月初', '2023-03-01', '2023-03-10', 'month', true],
    ['2024-03-28', '这个月底', '2024-03-21', '2024-03-28', 'month', true],
    // A year or a month alone is the whole period, not approximate: the precision carries it.
    ['2024-03-14', '去年', '2023-01-01', '2023-12-31', 'year', false],
    ['2024-03-14', '去年买的', '2023-01-01', '2023-12-31', 'year', false],
  ])('on %s reads %j as %s to %s (%s)', (today, text, from, to, precision, approximate) => {
    expect(parsePurchaseDate(text, { today: day(today) })).toEqual({
      ok: true,
      value: { from, to, precision, approximate },
    });
  });
});

describe('parsePurchaseDate: Cantonese and Taiwanese forms', () => {
  it.each<[string, string, string, DatePrecision, boolean]>([
    // Thursday 2024-03-14.
    ['上年', '2023-01-01', '2023-12-31', 'year', false],
    ['舊年', '2023-01-01', '2023-12-31', 'year', false],
    ['旧年', '2023-01-01', '2023-12-31', 'year', false],
    ['舊年三月', '2023-03-01', '2023-03-31', 'month', false],
    ['上年尾', '2023-11-01', '2023-12-31', 'season', true],
    ['前年年頭', '2022-01-01', '2022-02-28', 'season', true],
    ['舊年十二月尾', '2023-12-21', '2023-12-31', 'month', true],
    ['好似係上年買嘅', '2023-01-01', '2023-12-31', 'year', false],
    ['琴日', '2024-03-13', '2024-03-13', 'day', false],
    ['尋日', '2024-03-13', '2024-03-13', 'day', false],
    ['前日', '2024-03-12', '2024-03-12', 'day', false],
    ['上個禮拜六', '2024-03-09', '2024-03-09', 'day', false],
    ['上個月頭', '2024-02-01', '2024-02-10', 'month', true],
    ['上禮拜', '2024-03-04', '2024-03-10', 'week', false],
    // Taiwan: Republic of China years (民國 113 = 2024), as invoices print them.
    ['民國113年3月1日', '2024-03-01', '2024-03-01', 'day', false],
    ['民國一一二年', '2023-01-01', '2023-12-31', 'year', false],
    ['113年2月', '2024-02-01', '2024-02-29', 'month', false],
    ['113/03/01', '2024-03-01', '2024-03-01', 'day', false],
    ['112.12.25', '2023-12-25', '2023-12-25', 'day', false],
    ['112年12月底', '2023-12-21', '2023-12-31', 'month', true],
  ])('on 2024-03-14 reads %j as %s to %s (%s)', (text, from, to, precision, approximate) => {
    expect(parsePurchaseDate(text, { today: THURSDAY })).toEqual({
      ok: true,
      value: { from, to, precision, approximate },
    });
  });

  it.each<[string, PurchaseDateErrorCode]>([
    ['出年', 'DATE.FUTURE'],
    ['明年', 'DATE.FUTURE'],
    ['民國114年', 'DATE.FUTURE'],
  ])('refuses %j with %s', (text, code) => {
    expect(parsePurchaseDate(text, { today: THURSDAY })).toEqual({ ok: false, code });
  });
});

describe('parsePurchaseDate: the period a vague date stands for', () => {
  it.each<[string, string, string, DatePrecision, boolean]>([
    // Thursday 2024-03-14: a period never runs past today.
    ['去年', '2023-01-01', '2023-12-31', 'year', false],
    ['今年', '2024-01-01', '2024-03-14', 'year', false],
    ['last March', '2023-03-01', '2023-03-31', 'month', false],
    ['这个月', '2024-03-01', '2024-03-14', 'month', false],
    ['03/2024', '2024-03-01', '2024-03-14', 'month', false],
    ['11/2023', '2023-11-01', '2023-11-30', 'month', false],
    ['this week', '2024-03-11', '2024-03-14', 'week', false],
    ['这周', '2024-03-11', '2024-03-14', 'week', false],
    ['2023年底', '2023-11-01', '2023-12-31', 'season', true],
    ['2023年初', '2023-01-01', '2023-02-28', 'season', true],
    ['去年年中', '2023-06-01', '2023-07-31', 'season', true],
    ['late 2023', '2023-11-01', '2023-12-31', 'season', true],
    ['early 2023', '2023-01-01', '2023-02-28', 'season', true],
    ['mid-2023', '2023-06-01', '2023-07-31', 'season', true],
    ['end of last year', '2023-11-01', '2023-12-31', 'season', true],
    ['early March', '2024-03-01', '2024-03-10', 'month', true],
    ['late last March', '2023-03-21', '2023-03-31', 'month', true],
    ['the end of December 2023', '2023-12-21', '2023-12-31', 'month', true],
    // Seasons: spring March–May, summer June–August, autumn September–November, winter December–February.
    ['去年夏天', '2023-06-01', '2023-08-31', 'season', false],
    ['2023年秋天', '2023-09-01', '2023-11-30', 'season', false],
    ['去年冬天', '2023-12-01', '2024-02-29', 'season', false],
    ['冬天', '2023-12-01', '2024-02-29', 'season', false],
    ['春天', '2024-03-01', '2024-03-14', 'season', false],
    ['早春', '2024-02-01', '2024-03-14', 'season', false],
    ['去年早春', '2023-02-01', '2023-04-30', 'season', false],
    ['舊年深秋', '2023-10-01', '2023-11-30', 'season', false],
    ['summer', '2023-06-01', '2023-08-31', 'season', false],
    ['last summer', '2023-06-01', '2023-08-31', 'season', false],
    ['last spring', '2023-03-01', '2023-05-31', 'season', false],
    ['last winter', '2023-12-01', '2024-02-29', 'season', false],
    ['spring 2022', '2022-03-01', '2022-05-31', 'season', false],
    ['in the fall of 2022', '2022-09-01', '2022-11-30', 'season', false],
    ['late summer last year', '2023-07-01', '2023-08-31', 'season', false],
  ])('on 2024-03-14 reads %j as %s to %s (%s)', (text, from, to, precision, approximate) => {
    expect(parsePurchaseDate(text, { today: THURSDAY })).toEqual({
      ok: true,
      value: { from, to, precision, approximate },
    });
  });

  it('starts the period no earlier than the production date', () => {
    const result = parsePurchaseDate('去年', {
      today: THURSDAY,
      productionDate: day('2023-05-20'),
    });
    expect(result).toEqual({
      ok: true,
      value: { from: '2023-05-20', to: '2023-12-31', precision: 'year', approximate: false },
    });
  });

  it.each<[string, PurchaseDateErrorCode]>([
    ['今年冬天', 'DATE.FUTURE'],
    ['this summer', 'DATE.FUTURE'],
    ['late 2024', 'DATE.FUTURE'],
  ])('refuses %j, a period that starts after today, with %s', (text, code) => {
    expect(parsePurchaseDate(text, { today: THURSDAY })).toEqual({ ok: false, code });
  });
});

describe('parsePurchaseDate: refusals', () => {
  it.each<[string, PurchaseDateErrorCode]>([
    ['', 'DATE.UNPARSEABLE'],
    ['dunno', 'DATE.UNPARSEABLE'],
    ['不记得了', 'DATE.UNPARSEABLE'],
    ['next week', 'DATE.UNPARSEABLE'],
    ['3月前', 'DATE.UNPARSEABLE'],
    ['BCD-215', 'DATE.UNPARSEABLE'],
    ['0315', 'DATE.UNPARSEABLE'],
    ['1203', 'DATE.UNPARSEABLE'],
    ['0001', 'DATE.UNPARSEABLE'],
    ['2023年13月底', 'DATE.NO_SUCH_DAY'],
    ['这个月底', 'DATE.FUTURE'],
    ['2024年3月底', 'DATE.FUTURE'],
    ['2024年4月初', 'DATE.FUTURE'],
    ['2023-02-29', 'DATE.NO_SUCH_DAY'],
    ['2024-13-01', 'DATE.NO_SUCH_DAY'],
    ['2024年2月30日', 'DATE.NO_SUCH_DAY'],
    ['13/13/2024', 'DATE.NO_SUCH_DAY'],
    ['去年2月29日', 'DATE.NO_SUCH_DAY'],
    ['十三月', 'DATE.NO_SUCH_DAY'],
    ['2024-03-15', 'DATE.FUTURE'],
    ['2024年4月', 'DATE.FUTURE'],
    ['2025', 'DATE.FUTURE'],
    ['3/15/2024', 'DATE.FUTURE'],
    ['1990-01-01', 'DATE.TOO_OLD'],
    ['1990年', 'DATE.TOO_OLD'],
    ['1994-03-13', 'DATE.TOO_OLD'],
  ])('refuses %j with %s', (text, code) => {
    expect(parsePurchaseDate(text, { today: THURSDAY })).toEqual({ ok: false, code });
  });

  it('accepts a purchase exactly 30 years ago but not the day before', () => {
    expect(parsePurchaseDate('1994-03-14', { today: THURSDAY }).ok).toBe(true);
    expect(parsePurchaseDate('1994-03-13', { today: THURSDAY })).toMatchObject({
      code: 'DATE.TOO_OLD',
    });
  });

  it('takes the age limit from maxAgeYears', () => {
    const options = { today: THURSDAY, maxAgeYears: 5 };
    expect(parsePurchaseDate('2019-01-01', options)).toMatchObject({ code: 'DATE.TOO_OLD' });
    expect(parsePurchaseDate('2019-03-14', options).ok).toBe(true);
  });

  it.each<[string, PurchaseDateErrorCode | 'ok']>([
    ['2024-01-09', 'DATE.BEFORE_PRODUCTION'],
    ['2023-12-31', 'DATE.BEFORE_PRODUCTION'],
    ['2023年', 'DATE.BEFORE_PRODUCTION'],
    ['2023年12月', 'DATE.BEFORE_PRODUCTION'],
    ['2024-01-10', 'ok'],
    ['2024年1月', 'ok'],
    ['2024年', 'ok'],
    ['2023年12月底', 'DATE.BEFORE_PRODUCTION'],
    ['2024年1月初', 'ok'],
  ])(
    'with production on 2024-01-10, %j gives %s (a month or year counts to its end)',
    (text, code) => {
      const result = parsePurchaseDate(text, {
        today: THURSDAY,
        productionDate: day('2024-01-10'),
      });
      expect(result.ok ? 'ok' : result.code).toBe(code);
    },
  );
});
