import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_POLICY,
  type CalendarDate,
  decideWarranty,
  decideWarrantyOverPeriod,
  periodRuns,
} from '../../../core/index.ts';

const d = (text: string) => text as CalendarDate;
const base = {
  category: 'washing_machine' as const,
  reportDate: d('2026-03-10'),
  cause: 'unknown' as const,
  priorRepairs: 0,
  partsWaitDays: 0,
};
const over = (purchase: [string, string] | null, production?: [string, string]) =>
  decideWarrantyOverPeriod(
    base,
    {
      purchase: purchase ? { from: d(purchase[0]), to: d(purchase[1]) } : null,
      production: production ? { from: d(production[0]), to: d(production[1]) } : null,
    },
    BUILT_IN_POLICY,
  );

describe('decideWarrantyOverPeriod: a purchase date known only as a period', () => {
  it('does not call "last March" expired when a purchase late that March is still covered', () => {
    // Reported 2026-03-10: the 12-month term of a purchase on 2025-03-01 ended 2026-03-01, of one
    // on 2025-03-31 it runs to 2026-03-31.
    expect(
      decideWarranty({ ...base, purchaseDate: d('2025-03-01') }, BUILT_IN_POLICY),
    ).toMatchObject({ covered: false, charge: 'parts_and_labour' });
    const decision = over(['2025-03-01', '2025-03-31']);
    expect(decision).toMatchObject({
      covered: true,
      charge: 'none',
      period: { basis: 'purchase', from: '2025-03-01', to: '2025-03-31', holdsFrom: '2025-03-10' },
    });
    // What an earlier purchase would get, said to the customer as the other branch, for its days.
    expect(decision.period?.earlier).toEqual([
      {
        from: '2025-03-01',
        to: '2025-03-09',
        decision: decideWarranty({ ...base, purchaseDate: d('2025-03-09') }, BUILT_IN_POLICY),
      },
    ]);
  });

  it('gives each run of days its own answer: "about two weeks ago" crosses the return and the exchange windows (review11 W1)', () => {
    const decision = over(['2026-02-17', '2026-03-03']);
    expect(decision).toMatchObject({
      remedies: ['refund', 'exchange', 'repair'],
      period: { holdsFrom: '2026-03-03' },
    });
    expect(
      decision.period?.earlier?.map((run) => [run.from, run.to, run.decision.remedies]),
    ).toEqual([
      ['2026-02-23', '2026-03-02', ['exchange', 'repair']],
      ['2026-02-17', '2026-02-22', ['repair']],
    ]);
  });

  it('gives the answer for the whole period when it is the same on every day, with dates from the first', () => {
    const decision = over(['2025-09-01', '2025-09-30']);
    expect(decision).toMatchObject({
      covered: true,
      period: { holdsFrom: '2025-09-01' },
      clauses: [{ id: 'whole-unit-term', until: '2026-09-01' }],
    });
    expect(decision.period?.earlier).toBeUndefined();
  });

  it('is an ordinary decision for a single day', () => {
    const decision = over(['2025-03-14', '2025-03-14']);
    expect(decision.period).toBeUndefined();
    expect(decision).toEqual(
      decideWarranty({ ...base, purchaseDate: d('2025-03-14') }, BUILT_IN_POLICY),
    );
  });

  it('walks a year back to the first day the best answer holds (去年: 2025)', () => {
    const decision = over(['2025-01-01', '2025-12-31']);
    expect(decision).toMatchObject({ covered: true, period: { holdsFrom: '2025-03-10' } });
  });

  it('uses a production period for rule 1 when there is no proof of purchase', () => {
    // Made in 2025-12: counted from production + 90 days, so covered as new or under the term.
    const decision = over(null, ['2025-12-01', '2025-12-31']);
    expect(decision).toMatchObject({
      covered: true,
      startBasis: 'production',
      period: { basis: 'production', holdsFrom: '2025-12-01' },
    });
    expect(decision.clauses[0]).toMatchObject({ id: 'production-grace', until: '2026-03-01' });
  });

  it.each([
    ['last March: the newest run, 22 of 31 days', ['2025-03-01', '2025-03-31'], '2025-03-10', 0],
    [
      'over a year ago: 1 day of 365 is the exception',
      ['2024-03-11', '2025-03-10'],
      '2024-03-11',
      1,
    ],
    [
      'about two weeks ago: 1 of 15 days; 8 days of exchange',
      ['2026-02-17', '2026-03-03'],
      '2026-02-23',
      1,
    ],
  ] as const)(
    'says which run of days is likely (%s): the newest unless it holds on under 20 % of them',
    (_said, [from, to], likelyFrom, index) => {
      const decision = over([from, to]);
      expect(decision.period?.likelyFrom).toBe(likelyFrom);
      const period = decision.period as NonNullable<typeof decision.period>;
      expect(periodRuns(period).likely).toBe(index);
      // A decision stored before it said so: the same run, by the same rule.
      const { likelyFrom: _said2, ...stored } = period;
      expect(periodRuns(stored).likely).toBe(index);
    },
  );

  it('says no proof when neither date is known', () => {
    expect(over(null)).toMatchObject({ covered: false, reason: 'no_proof' });
  });
});
