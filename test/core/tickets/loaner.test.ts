import { describe, expect, it } from 'vitest';
import { decideLoanerDueAt, isLoanerDue } from '../../../core/index.ts';

describe('the loaner promise (a repair not done within 24 hours of the report)', () => {
  const createdAt = new Date('2026-03-10T09:15:00Z');

  it.each([
    ['fault', new Date('2026-03-11T09:15:00Z')],
    ['question', undefined],
  ] as const)('a %s ticket is due a reminder at %s', (kind, due) => {
    expect(decideLoanerDueAt({ kind, createdAt })).toEqual(due);
  });

  it.each([
    ['fault', 'open', true],
    ['fault', 'taken', true],
    ['fault', 'scheduled', true],
    ['fault', 'resolved', false],
    ['fault', 'cancelled', false],
    ['question', 'open', false],
  ] as const)('a %s ticket %s still needs it: %s', (kind, state, due) => {
    expect(isLoanerDue({ kind, state })).toBe(due);
  });
});
