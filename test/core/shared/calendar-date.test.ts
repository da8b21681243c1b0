import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  type CalendarDate,
  daysBetween,
  fromDayNumber,
  parseIsoDate,
  toCalendarDate,
  toDayNumber,
} from '../../../core/index.ts';

const d = (text: string) => parseIsoDate(text) as CalendarDate;

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['25-01-01', false],
    ['2025-01-01T00:00', false],
    ['', false],
  ])('parses %s strictly (valid: %s)', (text, valid) => {
    expect(parseIsoDate(text) !== undefined).toBe(valid);
  });

  it.each([
    ['2024-03-14', 7, '2024-03-21'],
    ['2024-03-14', 15, '2024-03-29'],
    ['2024-12-28', 7, '2025-01-04'],
    ['2024-02-25', 7, '2024-03-03'],
    ['2023-02-25', 7, '2023-03-04'],
    ['2024-01-01', 90, '2024-03-31'],
    ['2025-01-01', -1, '2024-12-31'],
  ])('adds days: %s + %i = %s', (start, days, end) => {
    expect(addDays(d(start), days)).toBe(end);
  });

  it.each([
    ['2024-03-14', 12, '2025-03-14'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-08-31', 1, '2024-09-30'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2025-03-14', 36, '2028-03-14'],
  ])('adds months with month-end clamping: %s + %i months = %s', (start, months, end) => {
    expect(addMonths(d(start), months)).toBe(end);
  });

  it('round-trips day numbers across four centuries', () => {
    for (let day = toDayNumber(d('1900-01-01')); day < toDayNumber(d('2300-01-01')); day += 97) {
      expect(toDayNumber(fromDayNumber(day))).toBe(day);
    }
    expect(toDayNumber(d('1970-01-01'))).toBe(0);
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2);
  });

  it('takes the date of an instant in the service time zone, not the host zone', () => {
    const instant = new Date('2025-03-13T16:30:00Z');
    expect(toCalendarDate(instant, 'Asia/Shanghai')).toBe('2025-03-14');
    expect(toCalendarDate(instant, 'America/New_York')).toBe('2025-03-13');
  });
});
