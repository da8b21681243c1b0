import { describe, expect, it } from 'vitest';
import {
  checkVisitWindow,
  DEFAULT_SERVICE_HOURS,
  earliestWindow,
  parseVisitWindow,
  standardWindows,
  suggestWindows,
  type VisitWindowErrorCode,
} from '../../../core/intake/index.ts';
import type { CalendarDate } from '../../../core/shared/calendar-date.ts';

const day = (text: string) => text as CalendarDate;
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const MONDAY = day('2024-03-11');
const SUNDAY = day('2024-03-17');

describe('parseVisitWindow', () => {
  it.each<[string, string, string, string, string]>([
    // Monday 2024-03-11 at 09:00.
    ['明天上午', '2024-03-12', '08:00', '12:00', 'morning is opening to noon'],
    ['明天下午', '2024-03-12', '13:00', '18:00', 'afternoon is 13:00 to closing'],
    ['明天中午', '2024-03-12', '11:00', '13:00', 'noon is 11:00 to 13:00'],
    ['后天 9-11点', '2024-03-13', '09:00', '11:00', 'a range in 点'],
    ['後天九點到十一點', '2024-03-13', '09:00', '11:00', 'Traditional script and numerals'],
    ['周六下午', '2024-03-16', '13:00', '18:00', 'the coming Saturday'],
    ['星期六', '2024-03-16', '08:00', '18:00', 'a weekday alone is the whole day'],
    ['週六', '2024-03-16', '08:00', '18:00', 'Traditional 週'],
    ['礼拜天', '2024-03-17', '08:00', '18:00', '礼拜天 is Sunday'],
    ['禮拜日上午', '2024-03-17', '08:00', '12:00', '禮拜日 is Sunday'],
    ['下周六上午', '2024-03-23', '08:00', '12:00', '下周 is the next calendar week'],
    ['这周五', '2024-03-15', '08:00', '18:00', '这周 is this calendar week'],
    ['周末', '2024-03-16', '08:00', '18:00', 'the weekend starts on Saturday'],
    ['今天下午3点到5点', '2024-03-11', '15:00', '17:00', 'a range after 下午 is pm'],
    ['今天下午三点至五点', '2024-03-11', '15:00', '17:00', '至 is a range'],
    ['tomorrow morning', '2024-03-12', '08:00', '12:00', 'English morning'],
    ['tomorrow afternoon', '2024-03-12', '13:00', '18:00', 'English afternoon'],
    ['Saturday 10-12', '2024-03-16', '10:00', '12:00', 'a bare range'],
    ['Sat 2pm-4pm', '2024-03-16', '14:00', '16:00', 'am/pm on both ends'],
    ['sat 2-4 pm', '2024-03-16', '14:00', '16:00', 'pm on the end applies to the start'],
    ['Sat 11am to 1pm', '2024-03-16', '11:00', '13:00', 'a range across noon'],
    ['Saturday between 2 and 4pm', '2024-03-16', '14:00', '16:00', 'between … and … is a range'],
    ['後日下午', '2024-03-13', '13:00', '18:00', 'Cantonese 後日'],
    ['聽日朝早', '2024-03-12', '08:00', '12:00', 'Cantonese 聽日 and 朝早'],
    ['星期六上午十点到十二点', '2024-03-16', '10:00', '12:00', 'numerals in a range'],
    ['下午2点半到4点', '2024-03-11', '14:30', '16:00', 'half past in a range'],
    ['周六11-1点', '2024-03-16', '11:00', '13:00', 'an end before the start is after noon'],
    ['next Saturday', '2024-03-16', '08:00', '18:00', 'next Saturday is the first after today'],
    ['this Friday afternoon', '2024-03-15', '13:00', '18:00', 'this Friday'],
    ['any time tomorrow', '2024-03-12', '08:00', '18:00', 'any time is the whole day'],
    ['明天全天都可以', '2024-03-12', '08:00', '18:00', '全天 is the whole day'],
    ['明天都行', '2024-03-12', '08:00', '18:00', 'a day and filler words'],
    ['2024-03-16 14:00-16:00', '2024-03-16', '14:00', '16:00', 'an ISO date and clock times'],
    ['2024年3月16日 下午', '2024-03-16', '13:00', '18:00', 'a Chinese full date'],
    ['3月16日上午', '2024-03-16', '08:00', '12:00', 'a month and day'],
    ['三月十六号下午', '2024-03-16', '13:00', '18:00', 'Chinese numerals and 号'],
    ['16号下午', '2024-03-16', '13:00', '18:00', 'a day of this month'],
    ['March 16 morning', '2024-03-16', '08:00', '12:00', 'an English date'],
    ['16th March, 10am', '2024-03-16', '10:00', '12:00', 'an English date and a point time'],
    ['明天3点', '2024-03-12', '15:00', '17:00', 'a bare hour before opening is pm'],
    ['明天下午三点', '2024-03-12', '15:00', '17:00', 'a point time is a 2-hour window'],
    ['明天10点', '2024-03-12', '10:00', '12:00', 'a morning hour'],
    ['明天十点半', '2024-03-12', '10:30', '12:30', '半 is half past'],
    ['明天上午9:30', '2024-03-12', '09:30', '11:30', 'clock time with minutes'],
    ['tomorrow 12pm', '2024-03-12', '12:00', '14:00', '12pm is noon'],
    ['Sat 9 a.m.', '2024-03-16', '09:00', '11:00', 'a.m. with dots'],
    ['明天5点', '2024-03-12', '17:00', '18:00', 'a window clamped at closing'],
    ['明天7点-9点', '2024-03-12', '08:00', '09:00', 'a range clamped at opening'],
    ['下午', '2024-03-11', '13:00', '18:00', 'no day means today'],
    ['上午', '2024-03-11', '11:00', '12:00', 'today is cut to now + 2 hours'],
    ['明天尽快', '2024-03-12', '08:00', '10:00', 'ASAP on a later day is its first window'],
    ['请明天上午来吧，谢谢', '2024-03-12', '08:00', '12:00', 'polite words around the window'],
    ['明早', '2024-03-12', '08:00', '12:00', '明早 is tomorrow morning'],
    ['明早上', '2024-03-12', '08:00', '12:00', '明早上 says the morning twice'],
    ['明早9点', '2024-03-12', '09:00', '11:00', '明早 and a point time'],
    ['明早十点到十二点', '2024-03-12', '10:00', '12:00', '明早 and a range'],
    ['明天早上', '2024-03-12', '08:00', '12:00', '早上 is the morning'],
    ['后天早上', '2024-03-13', '08:00', '12:00', 'the day after tomorrow, morning'],
    ['後天早上', '2024-03-13', '08:00', '12:00', 'Traditional 後天早上'],
    ['聽朝', '2024-03-12', '08:00', '12:00', 'Cantonese 聽朝 is tomorrow morning'],
    ['今早', '2024-03-11', '11:00', '12:00', '今早 is this morning, cut to now + 2 hours'],
    ['下午三点', '2024-03-11', '15:00', '17:00', '下午三点 today'],
    ['后天下午三点', '2024-03-13', '15:00', '17:00', 'a day, 下午 and a point time'],
  ])('on Monday at 09:00 reads %j as %s %s-%s (%s)', (text, date, start, end) => {
    const result = parseVisitWindow(text, { today: MONDAY, nowMinute: at('09:00') });
    expect(result).toEqual({
      ok: true,
      value: { date, startMinute: at(start), endMinute: at(end) },
    });
  });

  it.each<[string, string, string, string, string]>([
    // Monday 2024-03-11 at 09:00: now + 2 hours is 11:00.
    ['尽快', '09:00', '2024-03-11', '11:00', '13:00'],
    ['ASAP', '09:00', '2024-03-11', '11:00', '13:00'],
    ['越快越好', '09:05', '2024-03-11', '11:30', '13:30'],
    ['as soon as possible please', '14:00', '2024-03-11', '16:00', '18:00'],
    ['越早越好', '14:01', '2024-03-12', '08:00', '10:00'],
    ['随时', '05:00', '2024-03-11', '08:00', '10:00'],
    ['any time', '23:30', '2024-03-12', '08:00', '10:00'],
  ])('reads %j at %s as the earliest window %s %s-%s', (text, now, date, start, end) => {
    const result = parseVisitWindow(text, { today: MONDAY, nowMinute: at(now) });
    expect(result).toEqual({
      ok: true,
      value: { date, startMinute: at(start), endMinute: at(end) },
    });
  });

  it.each<[CalendarDate, string, string, string, string, string]>([
    [SUNDAY, '10:00', '周日下午', '2024-03-17', '13:00', '18:00'],
    [SUNDAY, '10:00', '星期天', '2024-03-17', '12:00', '18:00'],
    [SUNDAY, '17:00', '周日', '2024-03-24', '08:00', '18:00'],
    [SUNDAY, '10:00', '周一', '2024-03-18', '08:00', '18:00'],
    [SUNDAY, '10:00', '下周一上午', '2024-03-18', '08:00', '12:00'],
    [SUNDAY, '10:00', 'next sunday', '2024-03-24', '08:00', '18:00'],
    [MONDAY, '11:00', '上午', '2024-03-12', '08:00', '12:00'],
    [day('2024-02-28'), '08:00', '明天', '2024-02-29', '08:00', '18:00'],
    [day('2024-02-28'), '08:00', '后天上午', '2024-03-01', '08:00', '12:00'],
    [day('2024-02-28'), '08:00', '2月29日下午', '2024-02-29', '13:00', '18:00'],
    [day('2024-01-31'), '08:00', '15号上午', '2024-02-15', '08:00', '12:00'],
    [day('2024-01-31'), '08:00', '明天', '2024-02-01', '08:00', '18:00'],
    [day('2024-12-31'), '08:00', '1月2日上午', '2025-01-02', '08:00', '12:00'],
    [day('2024-12-31'), '08:00', 'tomorrow afternoon', '2025-01-01', '13:00', '18:00'],
  ])('on %s at %s reads %j as %s %s-%s', (today, now, text, date, start, end) => {
    const result = parseVisitWindow(text, { today, nowMinute: at(now) });
    expect(result).toEqual({
      ok: true,
      value: { date, startMinute: at(start), endMinute: at(end) },
    });
  });

  it.each<[string, string, VisitWindowErrorCode]>([
    ['', '09:00', 'WINDOW.UNPARSEABLE'],
    ['whenever the moon is full', '09:00', 'WINDOW.UNPARSEABLE'],
    ['明天下午或者后天', '09:00', 'WINDOW.UNPARSEABLE'],
    ['sometime', '09:00', 'WINDOW.UNPARSEABLE'],
    ['明天5-3点', '09:00', 'WINDOW.UNPARSEABLE'],
    ['2月30日', '09:00', 'WINDOW.UNPARSEABLE'],
    ['星期八', '09:00', 'WINDOW.UNPARSEABLE'],
    ['晚上', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['明天晚上', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['明晚', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['明晚上', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['明晚7点', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['今早', '13:00', 'WINDOW.PAST'],
    ['今早', '11:00', 'WINDOW.TOO_SOON'],
    ['后天晚上', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['tonight', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['今晚', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['明天晚上7点', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['tomorrow 7pm', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['明天凌晨', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['明天早上6点', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['明天18:00-20:00', '09:00', 'WINDOW.OUTSIDE_HOURS'],
    ['昨天下午', '09:00', 'WINDOW.PAST'],
    ['2024-03-10 10-12', '09:00', 'WINDOW.PAST'],
    ['3月1日', '09:00', 'WINDOW.PAST'],
    ['今天上午', '13:00', 'WINDOW.PAST'],
    ['今天下午', '16:30', 'WINDOW.TOO_SOON'],
    ['今天4点', '16:30', 'WINDOW.TOO_SOON'],
    ['today', '17:00', 'WINDOW.TOO_SOON'],
    ['2024-05-01', '09:00', 'WINDOW.TOO_FAR'],
    ['4月11日上午', '09:00', 'WINDOW.TOO_FAR'],
  ])('refuses %j at %s on Monday with %s', (text, now, code) => {
    expect(parseVisitWindow(text, { today: MONDAY, nowMinute: at(now) })).toEqual({
      ok: false,
      code,
    });
  });

  it('books up to 30 days ahead but not 31', () => {
    const options = { today: MONDAY, nowMinute: at('09:00') };
    expect(parseVisitWindow('4月10日', options).ok).toBe(true);
    expect(parseVisitWindow('4月11日', options)).toMatchObject({ code: 'WINDOW.TOO_FAR' });
  });

  it('refuses this Saturday on Sunday as past', () => {
    const result = parseVisitWindow('这周六', { today: SUNDAY, nowMinute: at('10:00') });
    expect(result).toEqual({ ok: false, code: 'WINDOW.PAST' });
  });

  it('uses the service hours it is given', () => {
    const hours = { startMinute: at('09:00'), endMinute: at('17:30') };
    const options = { today: MONDAY, nowMinute: at('09:00'), hours };
    expect(parseVisitWindow('明天下午', options)).toMatchObject({
      value: { startMinute: at('13:00'), endMinute: at('17:30') },
    });
    expect(parseVisitWindow('明天8点', options)).toMatchObject({ code: 'WINDOW.OUTSIDE_HOURS' });
  });
});

describe('earliestWindow', () => {
  it.each<[string, string, string, string]>([
    ['09:00', '2024-03-11', '11:00', '13:00'],
    ['09:05', '2024-03-11', '11:30', '13:30'],
    ['14:00', '2024-03-11', '16:00', '18:00'],
    ['14:01', '2024-03-12', '08:00', '10:00'],
    ['05:00', '2024-03-11', '08:00', '10:00'],
    ['23:50', '2024-03-12', '08:00', '10:00'],
  ])(
    'at %s is %s %s-%s (2 hours from now, on a half hour, inside hours)',
    (now, date, start, end) => {
      expect(earliestWindow(MONDAY, at(now))).toEqual({
        date,
        startMinute: at(start),
        endMinute: at(end),
      });
    },
  );
});

describe('standardWindows', () => {
  it('splits 08:00-18:00 into 08-10, 10-12, 13-15 and 15-18', () => {
    expect(standardWindows(DEFAULT_SERVICE_HOURS)).toEqual([
      { startMinute: at('08:00'), endMinute: at('10:00') },
      { startMinute: at('10:00'), endMinute: at('12:00') },
      { startMinute: at('13:00'), endMinute: at('15:00') },
      { startMinute: at('15:00'), endMinute: at('18:00') },
    ]);
  });

  it('gives a short morning one window and keeps afternoon blocks 2 hours but the last', () => {
    expect(standardWindows({ startMinute: at('09:00'), endMinute: at('17:30') })).toEqual([
      { startMinute: at('09:00'), endMinute: at('12:00') },
      { startMinute: at('13:00'), endMinute: at('15:00') },
      { startMinute: at('15:00'), endMinute: at('17:30') },
    ]);
  });

  it('has no morning windows when service starts after noon', () => {
    expect(standardWindows({ startMinute: at('14:00'), endMinute: at('18:00') })).toEqual([
      { startMinute: at('14:00'), endMinute: at('16:00') },
      { startMinute: at('16:00'), endMinute: at('18:00') },
    ]);
  });
});

describe('suggestWindows', () => {
  const window = (date: string, start: string, end: string) => ({
    date,
    startMinute: at(start),
    endMinute: at(end),
  });

  it('offers the afternoon today at 09:00, then tomorrow morning', () => {
    expect(suggestWindows(MONDAY, at('09:00'), DEFAULT_SERVICE_HOURS, 4)).toEqual([
      window('2024-03-11', '13:00', '15:00'),
      window('2024-03-11', '15:00', '18:00'),
      window('2024-03-12', '08:00', '10:00'),
      window('2024-03-12', '10:00', '12:00'),
    ]);
  });

  it('offers nothing today once the last window starts within 2 hours', () => {
    expect(suggestWindows(MONDAY, at('13:01'), DEFAULT_SERVICE_HOURS, 2)).toEqual([
      window('2024-03-12', '08:00', '10:00'),
      window('2024-03-12', '10:00', '12:00'),
    ]);
  });

  it('offers the first window today when it is early enough', () => {
    expect(suggestWindows(MONDAY, at('06:00'), DEFAULT_SERVICE_HOURS, 1)).toEqual([
      window('2024-03-11', '08:00', '10:00'),
    ]);
  });

  it('crosses the year end', () => {
    expect(suggestWindows(day('2024-12-31'), at('17:00'), DEFAULT_SERVICE_HOURS, 5)).toEqual([
      window('2025-01-01', '08:00', '10:00'),
      window('2025-01-01', '10:00', '12:00'),
      window('2025-01-01', '13:00', '15:00'),
      window('2025-01-01', '15:00', '18:00'),
      window('2025-01-02', '08:00', '10:00'),
    ]);
  });

  it('offers none when asked for none, and stops at the booking horizon', () => {
    expect(suggestWindows(MONDAY, at('09:00'), DEFAULT_SERVICE_HOURS, 0)).toEqual([]);
    const all = suggestWindows(MONDAY, at('09:00'), DEFAULT_SERVICE_HOURS, 1000, {
      maxDaysAhead: 2,
    });
    expect(all).toHaveLength(2 + 4 + 4);
    expect(all.at(-1)?.date).toBe('2024-03-13');
  });
});

describe('parseVisitWindow: Cantonese and Taiwanese forms', () => {
  it.each<[string, string, string, string, string]>([
    // Monday 2024-03-11 at 09:00.
    ['聽日下晝', '2024-03-12', '13:00', '18:00', 'Cantonese 下晝 is the afternoon'],
    ['听日下昼', '2024-03-12', '13:00', '18:00', 'Simplified 下昼'],
    ['聽日下晝三點', '2024-03-12', '15:00', '17:00', '下晝 and a point time'],
    ['後日朝早十點', '2024-03-13', '10:00', '12:00', '朝早 and a point time'],
    ['大後日晏晝', '2024-03-14', '13:00', '18:00', 'Cantonese 大後日 is in three days'],
    ['今朝', '2024-03-11', '11:00', '12:00', 'Cantonese 今朝 is this morning'],
    ['禮拜六朝頭早', '2024-03-16', '08:00', '12:00', '朝頭早 is the morning'],
    ['下個禮拜三下晝', '2024-03-20', '13:00', '18:00', '下個禮拜 is next week'],
    ['我聽日下晝得閒', '2024-03-12', '13:00', '18:00', '得閒 (free) is a filler'],
    ['聽日三點幾', '2024-03-12', '15:00', '17:00', '三點幾 is some time after three'],
    ['聽日朝早喺屋企', '2024-03-12', '08:00', '12:00', '喺屋企 (at home) is a filler'],
    ['明天早上', '2024-03-12', '08:00', '12:00', 'Taiwanese 早上'],
    ['後天中午', '2024-03-13', '11:00', '13:00', 'Taiwanese 中午'],
    ['下禮拜三下午', '2024-03-20', '13:00', '18:00', 'Taiwanese 下禮拜三'],
    ['這個週六', '2024-03-16', '08:00', '18:00', '這個週六 is this Saturday'],
    ['週五下午兩點到四點', '2024-03-15', '14:00', '16:00', 'a Taiwanese range'],
    ['星期二早上十點', '2024-03-12', '10:00', '12:00', '星期二 and 早上十點'],
    ['麻煩明天下午來', '2024-03-12', '13:00', '18:00', '麻煩 (please) is a filler'],
  ])('on Monday at 09:00 reads %j as %s %s-%s (%s)', (text, date, start, end) => {
    const result = parseVisitWindow(text, { today: MONDAY, nowMinute: at('09:00') });
    expect(result).toEqual({
      ok: true,
      value: { date, startMinute: at(start), endMinute: at(end) },
    });
  });

  it.each<[string, VisitWindowErrorCode]>([
    ['聽晚', 'WINDOW.OUTSIDE_HOURS'],
    ['今晚', 'WINDOW.OUTSIDE_HOURS'],
    ['琴日下晝', 'WINDOW.PAST'],
    ['前日', 'WINDOW.PAST'],
  ])('refuses %j on Monday at 09:00 with %s', (text, code) => {
    expect(parseVisitWindow(text, { today: MONDAY, nowMinute: at('09:00') })).toEqual({
      ok: false,
      code,
    });
  });
});

describe('checkVisitWindow: one rule for typed windows, buttons and re-checks', () => {
  const window = (date: string, start: string, end: string) => ({
    date: day(date),
    startMinute: at(start),
    endMinute: at(end),
  });
  const rule = { today: MONDAY, nowMinute: at('09:00') };

  it.each<
    [string, { date: CalendarDate; startMinute: number; endMinute: number }, VisitWindowErrorCode]
  >([
    ['a one-minute slot', window('2024-03-12', '10:00', '10:01'), 'WINDOW.UNPARSEABLE'],
    ['a day that does not exist', window('2024-04-00', '10:00', '12:00'), 'WINDOW.UNPARSEABLE'],
    ['30 February', window('2024-02-30', '10:00', '12:00'), 'WINDOW.UNPARSEABLE'],
    ['a date that is not a date', window('2024-3-12', '10:00', '12:00'), 'WINDOW.UNPARSEABLE'],
    ['an end before the start', window('2024-03-12', '12:00', '10:00'), 'WINDOW.UNPARSEABLE'],
    [
      'minutes that are not whole',
      { date: day('2024-03-12'), startMinute: 600.5, endMinute: 720 },
      'WINDOW.UNPARSEABLE',
    ],
    [
      'minutes past midnight',
      { date: day('2024-03-12'), startMinute: 600, endMinute: 1500 },
      'WINDOW.UNPARSEABLE',
    ],
    ['before opening', window('2024-03-12', '07:00', '09:00'), 'WINDOW.OUTSIDE_HOURS'],
    ['after closing', window('2024-03-12', '17:00', '19:00'), 'WINDOW.OUTSIDE_HOURS'],
    ['at night', window('2024-03-12', '20:00', '22:00'), 'WINDOW.OUTSIDE_HOURS'],
    ['past the 30-day horizon', window('2024-04-11', '10:00', '12:00'), 'WINDOW.TOO_FAR'],
    ['yesterday', window('2024-03-10', '10:00', '12:00'), 'WINDOW.PAST'],
    ['this morning, already over', window('2024-03-11', '08:00', '09:00'), 'WINDOW.PAST'],
    ['today within the 2-hour lead', window('2024-03-11', '10:00', '12:00'), 'WINDOW.TOO_SOON'],
    [
      'today, starting half an hour early',
      window('2024-03-11', '10:30', '12:30'),
      'WINDOW.TOO_SOON',
    ],
  ])('refuses %s', (_what, forged, code) => {
    expect(checkVisitWindow(forged, rule)).toEqual({ ok: false, code });
  });

  it.each([
    ['today, 2 hours ahead', window('2024-03-11', '11:00', '13:00')],
    ['the whole service day tomorrow', window('2024-03-12', '08:00', '18:00')],
    ['the last day of the horizon', window('2024-04-10', '15:00', '18:00')],
    ['half an hour at closing', window('2024-03-12', '17:30', '18:00')],
  ])('accepts %s', (_what, good) => {
    expect(checkVisitWindow(good, rule)).toEqual({ ok: true, value: good });
  });

  it('takes the service hours, lead and horizon it is given', () => {
    const options = { ...rule, hours: { startMinute: at('09:00'), endMinute: at('17:00') } };
    expect(checkVisitWindow(window('2024-03-12', '08:00', '10:00'), options).ok).toBe(false);
    expect(
      checkVisitWindow(window('2024-03-11', '10:00', '12:00'), { ...rule, leadMinutes: 60 }).ok,
    ).toBe(true);
    expect(
      checkVisitWindow(window('2024-03-14', '10:00', '12:00'), { ...rule, maxDaysAhead: 2 }),
    ).toEqual({
      ok: false,
      code: 'WINDOW.TOO_FAR',
    });
  });

  it.each(['08:59', '09:00', '09:01', '11:30', '15:59', '16:00', '17:45', '23:59'])(
    'accepts every suggested window at %s, and every window typed then',
    (now) => {
      const options = { today: MONDAY, nowMinute: at(now) };
      const suggested = suggestWindows(MONDAY, at(now), DEFAULT_SERVICE_HOURS, 8);
      expect(suggested.length).toBe(8);
      for (const each of suggested) expect(checkVisitWindow(each, options).ok).toBe(true);
      for (const text of [
        '今天下午',
        '尽快',
        '明天上午',
        '下午三点',
        '周六',
        '随时',
        'today 4pm',
      ]) {
        const typed = parseVisitWindow(text, options);
        if (typed.ok) expect(checkVisitWindow(typed.value, options)).toEqual(typed);
      }
    },
  );
});
