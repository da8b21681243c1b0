import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_POLICY,
  decideWarranty,
  parseWarrantyPolicy,
  toWarrantyCase,
  type WarrantyDecision,
} from '../../../core/index.ts';

/** Decides a case written as the contract's JSON; fails the test when the case is invalid. */
function decide(input: Record<string, unknown>): WarrantyDecision {
  const parsed = toWarrantyCase(
    { cause: 'normal_use', purchaseDate: '2024-03-14', ...input },
    BUILT_IN_POLICY,
  );
  if (!parsed.ok) throw new Error(parsed.detail);
  return decideWarranty(parsed.value, BUILT_IN_POLICY);
}

const summary = (decision: WarrantyDecision) => ({
  covered: decision.covered,
  remedies: decision.remedies.join('+'),
  charge: decision.charge,
  reason: decision.reason,
});

const RETURN = {
  covered: true,
  remedies: 'refund+exchange+repair',
  charge: 'none',
  reason: undefined,
};
const EXCHANGE = { covered: true, remedies: 'exchange+repair', charge: 'none', reason: undefined };
const REPAIR = { covered: true, remedies: 'repair', charge: 'none', reason: undefined };
const notCovered = (reason: string, charge: string) => ({
  covered: false,
  remedies: 'repair',
  charge,
  reason,
});

describe('decideWarranty: return and exchange windows (rules 3, 4)', () => {
  it.each([
    ['the purchase day itself', '2024-03-14', RETURN],
    ['day 7 (the last day to return)', '2024-03-21', RETURN],
    ['day 8 (exchange only)', '2024-03-22', EXCHANGE],
    ['day 15 (the last day to exchange)', '2024-03-29', EXCHANGE],
    ['day 16 (repair only)', '2024-03-30', REPAIR],
  ])('on %s', (_name, reportDate, expected) => {
    expect(summary(decide({ category: 'refrigerator', reportDate }))).toEqual(expected);
  });

  it.each([
    ['2024-02-22', '2024-02-29', RETURN],
    ['2024-02-22', '2024-03-01', EXCHANGE],
    ['2023-02-22', '2023-03-01', RETURN],
    ['2024-12-31', '2025-01-07', RETURN],
    ['2024-12-31', '2025-01-15', EXCHANGE],
    ['2024-12-31', '2025-01-16', REPAIR],
  ])(
    'counts days across month ends and 29 February: bought %s, reported %s',
    (purchaseDate, reportDate, expected) => {
      expect(summary(decide({ category: 'tv', purchaseDate, reportDate }))).toEqual(expected);
    },
  );

  it('applies the windows to any part, not only the whole unit', () => {
    expect(
      summary(decide({ category: 'tv', part: 'remote_control', reportDate: '2024-03-20' })),
    ).toEqual(RETURN);
  });
});

describe('decideWarranty: repair terms (rule 5)', () => {
  it.each([
    ['whole unit on its last day', { reportDate: '2025-03-14' }, REPAIR, 'whole-unit-term'],
    [
      'whole unit a day later',
      { reportDate: '2025-03-15' },
      notCovered('expired', 'parts_and_labour'),
      'expired',
    ],
    [
      'main part within 36 months',
      { part: 'compressor', reportDate: '2027-03-14' },
      REPAIR,
      'main-part-term',
    ],
    [
      'main part on its last day',
      { part: 'compressor', reportDate: '2027-03-14' },
      REPAIR,
      'main-part-term',
    ],
    [
      'main part after 36 months',
      { part: 'compressor', reportDate: '2027-03-15' },
      notCovered('expired', 'parts_and_labour'),
      'expired',
    ],
    [
      'ordinary part after 12 months',
      { part: 'door_handle', reportDate: '2025-03-15' },
      notCovered('expired', 'parts_and_labour'),
      'expired',
    ],
    [
      'a main part of another category is ordinary here',
      { part: 'magnetron', reportDate: '2025-06-01' },
      notCovered('expired', 'parts_and_labour'),
      'expired',
    ],
  ])('refrigerator bought 2024-03-14: %s', (_name, input, expected, clause) => {
    const decision = decide({ category: 'refrigerator', ...input });
    expect(summary(decision)).toEqual(expected);
    expect(decision.clauses.map((c) => c.id)).toContain(clause);
  });

  it('ends a term on the last day of a shorter month (bought 31 January)', () => {
    expect(
      decide({ category: 'tv', purchaseDate: '2024-01-31', reportDate: '2025-01-31' }).covered,
    ).toBe(true);
    expect(
      decide({ category: 'tv', purchaseDate: '2024-01-31', reportDate: '2025-02-01' }).covered,
    ).toBe(false);
  });

  it('ends a term bought on 29 February on 28 February of a common year', () => {
    expect(
      decide({ category: 'tv', purchaseDate: '2024-02-29', reportDate: '2025-02-28' }).covered,
    ).toBe(true);
    expect(
      decide({ category: 'tv', purchaseDate: '2024-02-29', reportDate: '2025-03-01' }).covered,
    ).toBe(false);
    expect(
      decide({
        category: 'tv',
        part: 'panel',
        purchaseDate: '2024-02-29',
        reportDate: '2028-02-29',
      }).covered,
    ).toBe(false);
    expect(
      decide({
        category: 'tv',
        part: 'panel',
        purchaseDate: '2024-02-29',
        reportDate: '2027-02-28',
      }).covered,
    ).toBe(true);
  });

  it.each([
    [
      'an ordinary part replaced: the whole-unit term again from the replacement',
      { part: 'door_handle', partReplacedOn: '2025-01-10', reportDate: '2026-01-10' },
      true,
    ],
    [
      'an ordinary part replaced, a day after its new term',
      { part: 'door_handle', partReplacedOn: '2025-01-10', reportDate: '2026-01-11' },
      false,
    ],
    [
      'a main part replaced: its main-part term again',
      { part: 'compressor', partReplacedOn: '2026-06-01', reportDate: '2029-06-01' },
      true,
    ],
    [
      'a main part replaced, a day after its new term',
      { part: 'compressor', partReplacedOn: '2026-06-01', reportDate: '2029-06-02' },
      false,
    ],
  ])('%s', (_name, input, covered) => {
    const decision = decide({ category: 'refrigerator', ...input });
    expect(decision.covered).toBe(covered);
    if (covered) expect(decision.clauses.map((c) => c.id)).toContain('replaced-part-term');
  });

  it('uses the computer main-part term of 24 months', () => {
    expect(
      decide({ category: 'computer', part: 'hard_disk', reportDate: '2026-03-14' }).covered,
    ).toBe(true);
    expect(
      decide({ category: 'computer', part: 'hard_disk', reportDate: '2026-03-15' }).covered,
    ).toBe(false);
  });

  it('covers a network device for 36 months as a whole unit', () => {
    expect(decide({ category: 'network', reportDate: '2027-03-14' }).covered).toBe(true);
    expect(summary(decide({ category: 'network', reportDate: '2027-03-15' }))).toEqual(
      notCovered('expired', 'parts_and_labour'),
    );
  });
});

describe('decideWarranty: exchange after repeated repairs or a long wait for parts (rule 6)', () => {
  it.each([
    ['1 prior repair', { priorRepairs: 1 }, REPAIR],
    ['2 prior repairs', { priorRepairs: 2 }, EXCHANGE],
    ['3 prior repairs', { priorRepairs: 3 }, EXCHANGE],
    ['30 days waiting for parts', { partsWaitDays: 30 }, REPAIR],
    ['31 days waiting for parts', { partsWaitDays: 31 }, EXCHANGE],
  ])('within 12 months: %s', (_name, input, expected) => {
    expect(
      summary(
        decide({ category: 'washing_machine', part: 'motor', reportDate: '2024-09-01', ...input }),
      ),
    ).toEqual(expected);
  });

  it.each([
    ['on the last day of the 12 months', '2025-03-14', EXCHANGE],
    ['a day after the 12 months (main part still covered)', '2025-03-15', REPAIR],
  ])('limits the exchange rules to 12 months: %s', (_name, reportDate, expected) => {
    expect(
      summary(decide({ category: 'washing_machine', part: 'motor', priorRepairs: 2, reportDate })),
    ).toEqual(expected);
    expect(
      summary(
        decide({ category: 'washing_machine', part: 'motor', partsWaitDays: 45, reportDate }),
      ),
    ).toEqual(expected);
  });

  it('keeps the 12-month limit for network devices with a 36-month term', () => {
    expect(
      summary(decide({ category: 'network', priorRepairs: 2, reportDate: '2025-06-01' })),
    ).toEqual(REPAIR);
  });

  it('never adds an exchange to an answer that is not covered', () => {
    const decision = decide({
      category: 'tv',
      cause: 'user_damage',
      priorRepairs: 5,
      partsWaitDays: 60,
      reportDate: '2024-06-01',
    });
    expect(summary(decision)).toEqual(notCovered('user_damage', 'parts'));
  });
});

describe('decideWarranty: excluded causes (rule 2)', () => {
  const excluded = BUILT_IN_POLICY.excludedCauses;
  it.each(excluded)('%s inside the on-site term: not covered, parts only', (cause) => {
    expect(summary(decide({ category: 'refrigerator', cause, reportDate: '2024-03-15' }))).toEqual(
      notCovered(cause, 'parts'),
    );
  });
  it.each(excluded)('%s after the on-site term: parts and labour', (cause) => {
    expect(summary(decide({ category: 'refrigerator', cause, reportDate: '2025-03-15' }))).toEqual(
      notCovered(cause, 'parts_and_labour'),
    );
  });
  it.each(excluded)('%s on a computer: the 5-year on-site term keeps labour free', (cause) => {
    expect(summary(decide({ category: 'computer', cause, reportDate: '2029-03-14' }))).toEqual(
      notCovered(cause, 'parts'),
    );
    expect(summary(decide({ category: 'computer', cause, reportDate: '2029-03-15' }))).toEqual(
      notCovered(cause, 'parts_and_labour'),
    );
  });
  it('beats the return window', () => {
    expect(
      decide({ category: 'tv', cause: 'liquid_ingress', reportDate: '2024-03-15' }).covered,
    ).toBe(false);
  });
  it('treats an unknown cause as normal use until the engineer inspects', () => {
    expect(summary(decide({ category: 'tv', cause: 'unknown', reportDate: '2024-03-15' }))).toEqual(
      RETURN,
    );
  });
});

describe('decideWarranty: no proof of purchase (rule 1)', () => {
  it('is not covered with neither date known, whatever else applies', () => {
    for (const cause of ['normal_use', 'user_damage']) {
      expect(
        summary(decide({ category: 'tv', purchaseDate: null, cause, reportDate: '2024-03-15' })),
      ).toEqual(notCovered('no_proof', 'parts_and_labour'));
    }
  });
  it.each([
    ['before production + 90 days: new, repair only', '2024-03-30', REPAIR],
    ['on production + 90 days: the whole-unit term, no return window', '2024-03-31', REPAIR],
    ['12 months after the deemed start', '2025-03-31', REPAIR],
    ['a day later', '2025-04-01', notCovered('expired', 'parts_and_labour')],
  ])('with a production date of 2024-01-01: %s', (_name, reportDate, expected) => {
    expect(
      summary(
        decide({ category: 'tv', purchaseDate: null, productionDate: '2024-01-01', reportDate }),
      ),
    ).toEqual(expected);
  });
  it('counts the on-site term from the deemed start for an excluded cause', () => {
    const input = {
      category: 'computer',
      purchaseDate: null,
      productionDate: '2024-01-01',
      cause: 'user_damage',
    };
    expect(summary(decide({ ...input, reportDate: '2029-03-31' }))).toEqual(
      notCovered('user_damage', 'parts'),
    );
    expect(summary(decide({ ...input, reportDate: '2029-04-01' }))).toEqual(
      notCovered('user_damage', 'parts_and_labour'),
    );
  });
  it('still offers an exchange after two repairs without proof (rule 6 needs no proof)', () => {
    const decision = decide({
      category: 'tv',
      purchaseDate: null,
      productionDate: '2024-01-01',
      priorRepairs: 2,
      reportDate: '2024-09-01',
    });
    expect(summary(decision)).toEqual(EXCHANGE);
  });
});

describe('decideWarranty: explanations', () => {
  it('carries the dates a customer reads', () => {
    expect(decide({ category: 'refrigerator', reportDate: '2024-03-15' }).clauses).toEqual([
      { id: 'return-window', until: '2024-03-21', days: 7 },
    ]);
    const part = decide({ category: 'refrigerator', part: 'compressor', reportDate: '2026-01-01' });
    expect(part.clauses).toEqual([
      { id: 'main-part-term', until: '2027-03-14', part: 'compressor', months: 36 },
    ]);
  });
});

describe('toWarrantyCase: malformed input', () => {
  const good = {
    category: 'tv',
    purchaseDate: '2024-03-14',
    reportDate: '2024-04-01',
    cause: 'normal_use',
  };
  it.each([
    ['an unknown category', { category: 'toaster' }, /unknown category/],
    ['an unknown cause', { cause: 'bad_luck' }, /unknown cause "bad_luck"/],
    ['a missing report date', { reportDate: undefined }, /reportDate/],
    ['an impossible date', { purchaseDate: '2025-02-29' }, /not a real date/],
    ['a date in another format', { reportDate: '01/04/2024' }, /not a real date/],
    ['a report before the purchase', { reportDate: '2024-03-13' }, /before purchaseDate/],
    ['a purchase before production', { productionDate: '2024-04-01' }, /before productionDate/],
    ['a negative repair count', { priorRepairs: -1 }, /priorRepairs must not be negative/],
    ['a fractional wait', { partsWaitDays: 1.5 }, /partsWaitDays must be a whole number/],
    ['a count given as text', { priorRepairs: '2' }, /priorRepairs/],
    [
      'a part replaced after the report',
      { partReplacedOn: '2024-05-01' },
      /partReplacedOn is after reportDate/,
    ],
    ['a part name that is not snake_case', { part: 'Door Handle' }, /snake_case/],
  ])('rejects %s', (_name, change, message) => {
    const result = toWarrantyCase({ ...good, ...change }, BUILT_IN_POLICY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toMatch(message);
  });

  it('rejects a case without purchaseDate at all (null is the way to say "no proof")', () => {
    const { purchaseDate: _omit, ...rest } = good;
    expect(toWarrantyCase(rest, BUILT_IN_POLICY)).toMatchObject({
      ok: false,
      detail: /purchaseDate is required/,
    });
  });

  it.each([null, [], 'text', 42])('rejects a case that is not an object: %j', (input) => {
    expect(toWarrantyCase(input, BUILT_IN_POLICY).ok).toBe(false);
  });
});

describe('warranty policy documents', () => {
  it('validates the built-in policy', () => {
    expect(parseWarrantyPolicy(BUILT_IN_POLICY, 'built-in').ok).toBe(true);
  });
  it('names the field that is wrong', () => {
    const broken = structuredClone(BUILT_IN_POLICY) as unknown as {
      categories: { tv: { wholeUnitMonths: unknown } };
    };
    broken.categories.tv.wholeUnitMonths = -3;
    expect(parseWarrantyPolicy(broken, 'p.json')).toMatchObject({
      ok: false,
      problem: { source: 'p.json', field: 'categories.tv.wholeUnitMonths' },
    });
  });
  it('decides with a replacement policy: a 24-month TV term', () => {
    const policy = structuredClone(BUILT_IN_POLICY);
    if (policy.categories.tv) policy.categories.tv.wholeUnitMonths = 24;
    const parsed = toWarrantyCase(
      { category: 'tv', purchaseDate: '2024-03-14', reportDate: '2026-03-14', cause: 'normal_use' },
      policy,
    );
    expect(parsed.ok && decideWarranty(parsed.value, policy).covered).toBe(true);
  });
});
