import { describe, expect, it } from 'vitest';
import { type CalendarDate, toInstant, toZonedTime } from '../../../core/index.ts';

const day = (text: string) => text as CalendarDate;
const at = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

describe('toZonedTime', () => {
  it.each<[string, string, string, string, string]>([
    ['2024-03-14T01:30:00Z', 'Asia/Shanghai', '2024-03-14', '09:30', 'UTC+8, no DST'],
    ['2024-03-13T16:00:00Z', 'Asia/Shanghai', '2024-03-14', '00:00', 'midnight is minute 0'],
    ['2024-03-14T15:59:00Z', 'Asia/Shanghai', '2024-03-14', '23:59', 'the last minute of the day'],
    ['2024-12-31T16:30:00Z', 'Asia/Shanghai', '2025-01-01', '00:30', 'a new year in Shanghai'],
    ['2025-03-09T06:30:00Z', 'America/New_York', '2025-03-09', '01:30', 'spring: before the gap'],
    [
      '2025-03-09T07:00:00Z',
      'America/New_York',
      '2025-03-09',
      '03:00',
      'spring: 02:00 EST is 03:00 EDT',
    ],
    [
      '2025-03-09T14:00:00Z',
      'America/New_York',
      '2025-03-09',
      '10:00',
      'spring: 10:00 EDT is 600, not 540',
    ],
    ['2025-03-09T22:00:00Z', 'America/New_York', '2025-03-09', '18:00', 'spring: closing time'],
    [
      '2025-11-02T05:30:00Z',
      'America/New_York',
      '2025-11-02',
      '01:30',
      'autumn: first 01:30 (EDT)',
    ],
    [
      '2025-11-02T06:30:00Z',
      'America/New_York',
      '2025-11-02',
      '01:30',
      'autumn: second 01:30 (EST)',
    ],
    [
      '2025-11-02T15:00:00Z',
      'America/New_York',
      '2025-11-02',
      '10:00',
      'autumn: 10:00 EST is 600, not 660',
    ],
    ['2025-03-30T00:30:00Z', 'Europe/London', '2025-03-30', '00:30', 'GMT before the changeover'],
    ['2025-03-30T01:00:00Z', 'Europe/London', '2025-03-30', '02:00', '01:00 GMT becomes 02:00 BST'],
    [
      '2025-03-30T09:00:00Z',
      'Europe/London',
      '2025-03-30',
      '10:00',
      'BST on the spring changeover day',
    ],
    [
      '2025-10-26T10:00:00Z',
      'Europe/London',
      '2025-10-26',
      '10:00',
      'GMT on the autumn changeover day',
    ],
    [
      '2025-07-01T23:30:00Z',
      'Europe/London',
      '2025-07-02',
      '00:30',
      'BST carries past midnight UTC',
    ],
  ])('reads %s in %s as %s %s (%s)', (iso, timeZone, date, hhmm) => {
    expect(toZonedTime(new Date(iso), timeZone)).toEqual({ date, minute: at(hhmm) });
  });
});

describe('toInstant', () => {
  it.each<[string, string, string, string]>([
    ['2024-03-14', '09:30', 'Asia/Shanghai', '2024-03-14T01:30:00.000Z'],
    ['2024-03-14', '00:00', 'Asia/Shanghai', '2024-03-13T16:00:00.000Z'],
    ['2025-03-09', '00:00', 'America/New_York', '2025-03-09T05:00:00.000Z'],
    ['2025-03-09', '10:00', 'America/New_York', '2025-03-09T14:00:00.000Z'],
    ['2025-11-02', '00:00', 'America/New_York', '2025-11-02T04:00:00.000Z'],
    ['2025-11-02', '10:00', 'America/New_York', '2025-11-02T15:00:00.000Z'],
    ['2025-03-30', '10:00', 'Europe/London', '2025-03-30T09:00:00.000Z'],
    ['2025-10-26', '10:00', 'Europe/London', '2025-10-26T10:00:00.000Z'],
  ])('puts %s %s in %s at %s', (date, hhmm, timeZone, iso) => {
    expect(toInstant(day(date), at(hhmm), timeZone).toISOString()).toBe(iso);
  });

  it.each<[string, string, string, string, string]>([
    [
      '2025-11-02',
      '01:30',
      'America/New_York',
      '2025-11-02T05:30:00.000Z',
      'a repeated time is the earlier one',
    ],
    [
      '2025-10-26',
      '01:30',
      'Europe/London',
      '2025-10-26T00:30:00.000Z',
      'a repeated time is the earlier one',
    ],
    [
      '2025-03-09',
      '02:30',
      'America/New_York',
      '2025-03-09T07:30:00.000Z',
      'a skipped time moves forward (03:30 EDT)',
    ],
    [
      '2025-03-30',
      '01:30',
      'Europe/London',
      '2025-03-30T01:30:00.000Z',
      'a skipped time moves forward (02:30 BST)',
    ],
  ])('puts %s %s in %s at %s (%s)', (date, hhmm, timeZone, iso) => {
    expect(toInstant(day(date), at(hhmm), timeZone).toISOString()).toBe(iso);
  });

  const ROUND_TRIP_DAYS: ReadonlyArray<[string, string]> = [
    ['Asia/Shanghai', '2024-03-14'],
    ['Asia/Shanghai', '2024-12-31'],
    ['America/New_York', '2025-03-09'],
    ['America/New_York', '2025-11-02'],
    ['Europe/London', '2025-03-30'],
    ['Europe/London', '2025-10-26'],
  ];
  const MINUTES = ['00:00', '00:30', '03:00', '03:30', '08:00', '10:00', '12:00', '18:00', '23:59'];

  it.each(
    ROUND_TRIP_DAYS.flatMap(([timeZone, date]) =>
      MINUTES.map((hhmm) => [timeZone, date, hhmm] as const),
    ),
  )('round-trips %s %s %s through toInstant and toZonedTime', (timeZone, date, hhmm) => {
    const instant = toInstant(day(date), at(hhmm), timeZone);
    expect(toZonedTime(instant, timeZone)).toEqual({ date, minute: at(hhmm) });
  });

  it('round-trips every hour of the year in New York from instant to wall time and back', () => {
    const start = Date.UTC(2025, 0, 1, 5);
    const mismatches: string[] = [];
    for (let hour = 0; hour < 365 * 24; hour++) {
      const instant = new Date(start + hour * 3_600_000);
      const { date, minute } = toZonedTime(instant, 'America/New_York');
      const back = toInstant(date, minute, 'America/New_York');
      // The second 01:00–01:59 of the November changeover (06:xx UTC) maps back to the first.
      const repeated = instant.toISOString().startsWith('2025-11-02T06:');
      const expected = repeated ? instant.getTime() - 3_600_000 : instant.getTime();
      if (back.getTime() !== expected) mismatches.push(instant.toISOString());
    }
    expect(mismatches).toEqual([]);
  });
});

describe('toZonedTime read again within one UTC second', () => {
  /** The wall clock read afresh, as toZonedTime reads it, with no reading kept. */
  const fresh = (instant: Date, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(instant);
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    return {
      date: `${get('year')}-${get('month')}-${get('day')}`,
      minute: (Number(get('hour')) % 24) * 60 + Number(get('minute')),
    };
  };

  it.each([
    // A minute's last second and the next; offsets with seconds (Amsterdam 1937 +00:19:32,
    // Monrovia 1970 −00:44:30); New York's autumn changeover, the hour read twice.
    ['Asia/Shanghai', '2024-03-14T15:59:59.000Z'],
    ['Asia/Shanghai', '2024-03-14T16:00:00.000Z'],
    ['Europe/Amsterdam', '1937-05-01T11:40:27.000Z'],
    ['Africa/Monrovia', '1970-06-01T00:44:29.000Z'],
    ['America/New_York', '2025-11-02T05:59:59.000Z'],
    ['America/New_York', '2025-11-02T06:00:00.000Z'],
  ])('in %s from %s, as a fresh reading says at every millisecond read', (timeZone, start) => {
    const second = new Date(start).getTime();
    for (const ms of [0, 1, 499, 998, 999, 1_000, 1_999, 999, 0]) {
      const instant = new Date(second + ms);
      expect(toZonedTime(instant, timeZone)).toEqual(fresh(instant, timeZone));
    }
  });

  it('gives each caller its own reading to change', () => {
    const instant = new Date('2024-03-14T01:30:00Z');
    const first = toZonedTime(instant, 'Asia/Shanghai');
    first.minute = 0;
    expect(toZonedTime(instant, 'Asia/Shanghai').minute).toBe(9 * 60 + 30);
  });
});
