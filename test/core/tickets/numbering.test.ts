import { describe, expect, it } from 'vitest';
import { type CalendarDate, formatTicketNumber, parseTicketNumber } from '../../../core/index.ts';

const day = (text: string) => text as CalendarDate;

describe('ticket numbers', () => {
  it.each([
    ['2024-03-14', 42, 'FL-240314-0042'],
    ['2024-03-14', 1, 'FL-240314-0001'],
    ['2030-12-31', 9999, 'FL-301231-9999'],
    ['2030-12-31', 10_000, 'FL-301231-10000'],
  ])('formats day %s, sequence %i as %s', (d, sequence, expected) => {
    expect(formatTicketNumber(day(d), sequence)).toBe(expected);
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatTicketNumber(day('2024-03-14'), 0)).toThrow(RangeError);
    expect(() => formatTicketNumber(day('2024-03-14'), 1.5)).toThrow(RangeError);
  });

  it.each([
    [' fl-240314-0042 ', { number: 'FL-240314-0042', day: '2024-03-14', sequence: 42 }],
    ['FL-240229-0001', { number: 'FL-240229-0001', day: '2024-02-29', sequence: 1 }],
    ['FL-230229-0001', undefined],
    ['FL-240314-0000', undefined],
    ['FL-240314-42', undefined],
    ['240314-0042', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parseTicketNumber(text)).toEqual(expected);
  });
});
