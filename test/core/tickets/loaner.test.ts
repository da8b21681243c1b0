import { describe, expect, it } from 'vitest';
import {
  decideLoanerDueAt,
  describeLoanerReminder,
  isLoanerDue,
  readLoanerOpening,
} from '../../../core/index.ts';

describe('the loaner promise (a repair not done within 24 hours of the report)', () => {
  const createdAt = new Date('2026-03-10T09:15:00Z');
  const reopenedAt = new Date('2026-03-12T08:00:00Z');
  const at = (iso: string) => new Date(iso);

  it.each([
    ['fault', createdAt, new Date('2026-03-11T09:15:00Z')],
    ['fault', reopenedAt, new Date('2026-03-13T08:00:00Z')],
    ['question', createdAt, undefined],
  ] as const)('a %s ticket opened at %s is due a reminder at %s', (kind, openedAt, due) => {
    expect(decideLoanerDueAt({ kind }, openedAt)).toEqual(due);
  });

  it('reads the current opening from the history: the latest reopening, the latest reminder', () => {
    expect(readLoanerOpening({ createdAt }, [{ type: 'created', at: createdAt }])).toEqual({
      openedAt: createdAt,
      remindedAt: null,
    });
    expect(
      readLoanerOpening({ createdAt }, [
        { type: 'loaner_due', at: at('2026-03-11T09:16:00Z') },
        { type: 'resolved', at: at('2026-03-11T12:00:00Z') },
        { type: 'reopened', at: reopenedAt },
      ]),
    ).toEqual({ openedAt: reopenedAt, remindedAt: at('2026-03-11T09:16:00Z') });
  });

  const fresh = { openedAt: createdAt, remindedAt: null };
  it.each([
    ['fault', 'open', true],
    ['fault', 'taken', true],
    ['fault', 'scheduled', true],
    ['fault', 'resolved', false],
    ['fault', 'cancelled', false],
    ['question', 'open', false],
  ] as const)('a %s ticket %s still needs it: %s', (kind, state, due) => {
    expect(isLoanerDue({ kind, state }, fresh, createdAt)).toBe(due);
  });

  const open = { kind: 'fault', state: 'open' } as const;
  it('a reopened ticket gets one reminder for its new opening, after one in the first', () => {
    const reopened = { openedAt: reopenedAt, remindedAt: at('2026-03-11T09:16:00Z') };
    expect(isLoanerDue(open, reopened, reopenedAt)).toBe(true);
    // The first opening's job, run late, is not this opening's: nothing from it.
    expect(isLoanerDue(open, reopened, createdAt)).toBe(false);
    // Reminded in this opening already (a second job for it): nothing twice.
    expect(
      isLoanerDue(
        open,
        { openedAt: reopenedAt, remindedAt: at('2026-03-13T08:01:00Z') },
        reopenedAt,
      ),
    ).toBe(false);
  });

  it('a ticket closed and reopened before its first reminder gets the reminder 24 hours into the new opening, not the first', () => {
    const current = { openedAt: reopenedAt, remindedAt: null };
    expect(isLoanerDue(open, current, createdAt)).toBe(false);
    expect(isLoanerDue(open, current, reopenedAt)).toBe(true);
  });

  it.each([
    [createdAt, '2026-03-11T09:15:00Z', 24, false],
    [createdAt, '2026-03-13T10:00:00Z', 72, false], // found overdue: the hours it has lasted
    [reopenedAt, '2026-03-13T08:30:00Z', 24, true],
  ] as const)(
    'a reminder of the opening at %s, run at %s, says %i hours (reopened: %s)',
    (openedAt, now, hours, reopened) => {
      expect(describeLoanerReminder({ createdAt }, openedAt, at(now))).toEqual({ hours, reopened });
    },
  );
});
