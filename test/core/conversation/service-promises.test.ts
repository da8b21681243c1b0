import { describe, expect, it } from 'vitest';
import {
  decideCheckbackAt,
  decideCheckbackExpiry,
  isQuietMinute,
  OPEN_TICKET_STATES,
  SESSION_RETENTION_MS,
} from '../../../core/index.ts';

const at = new Date('2026-03-10T02:00:00Z');

describe('service promise timings', () => {
  it('checks back after the configured delay', () => {
    expect(decideCheckbackAt(at, 2 * 3_600_000).toISOString()).toBe('2026-03-10T04:00:00.000Z');
  });
});

describe('the check-back at night goes without a sound', () => {
  it.each([
    ['07:59', true],
    ['08:00', false],
    ['12:30', false],
    ['21:59', false],
    ['22:00', true],
    ['03:30', true],
    ['00:00', true],
  ])('at %s quiet: %s', (time, quiet) => {
    const [h, m] = time.split(':').map(Number);
    expect(isQuietMinute((h ?? 0) * 60 + (m ?? 0))).toBe(quiet);
  });
});

describe('rules that used to live in the adapters', () => {
  it('records an unanswered check-back as unconfirmed 24 hours after it was asked', () => {
    expect(decideCheckbackExpiry(new Date('2026-03-10T02:00:00Z'))).toEqual(
      new Date('2026-03-11T02:00:00Z'),
    );
  });

  it('lets a customer cancel only tickets that are not closed', () => {
    expect(OPEN_TICKET_STATES).toEqual(['open', 'taken', 'scheduled']);
  });

  it('remembers an idle conversation for 30 days', () => {
    expect(SESSION_RETENTION_MS).toBe(30 * 86_400_000);
  });
});
