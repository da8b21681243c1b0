import { describe, expect, it } from 'vitest';
import { decideCheckbackAt, decideContactAlertAt } from '../../../core/index.ts';

const at = new Date('2026-03-10T02:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('service promise timings', () => {
  it.each([
    [minutes(30), '2026-03-10T02:20:00.000Z'],
    [minutes(15), '2026-03-10T02:07:30.000Z'],
    [minutes(60), '2026-03-10T02:50:00.000Z'],
  ])('alerts staff before a %i ms contact promise lapses', (sla, expected) => {
    expect(decideContactAlertAt(at, sla).toISOString()).toBe(expected);
  });

  it('checks back after the configured delay', () => {
    expect(decideCheckbackAt(at, 2 * 3_600_000).toISOString()).toBe('2026-03-10T04:00:00.000Z');
  });
});
