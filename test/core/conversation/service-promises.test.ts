import { describe, expect, it } from 'vitest';
import { decideCheckbackAt } from '../../../core/index.ts';

const at = new Date('2026-03-10T02:00:00Z');

describe('service promise timings', () => {
  it('checks back after the configured delay', () => {
    expect(decideCheckbackAt(at, 2 * 3_600_000).toISOString()).toBe('2026-03-10T04:00:00.000Z');
  });
});
