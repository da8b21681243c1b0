import { describe, expect, it } from 'vitest';
import { decideSolvedWithoutVisitRate } from '../../../core/index.ts';

describe('the share of guided cases solved without a visit', () => {
  it.each([
    [{ working: 0, stillBroken: 0, unconfirmed: 0 }, null],
    [{ working: 3, stillBroken: 0, unconfirmed: 0 }, 1],
    [{ working: 3, stillBroken: 1, unconfirmed: 1 }, 3 / 5],
    [{ working: 0, stillBroken: 0, unconfirmed: 4 }, 0],
  ])('is %j → %s (an unanswered check-back is not a solved case)', (counts, rate) => {
    expect(decideSolvedWithoutVisitRate(counts)).toBe(rate);
  });
});
