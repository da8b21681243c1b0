import { z } from 'zod';
import { type CalendarDate, compareDates, parseIsoDate } from '../shared/calendar-date.ts';
import { CAUSES, type Category, type Cause, type WarrantyPolicy } from './policy.ts';

/** A warranty question, as the staff tools, the bot and `warranty check` ask it. */
export type WarrantyCase = {
  category: Category;
  purchaseDate: CalendarDate | null;
  productionDate?: CalendarDate;
  reportDate: CalendarDate;
  cause: Cause;
  /** snake_case part name; absent means the whole unit. */
  part?: string;
  partReplacedOn?: CalendarDate;
  /** Warranty repairs of this same part so far. */
  priorRepairs: number;
  /** Days since the report without a repair for lack of parts. */
  partsWaitDays: number;
};

const date = (what: string) =>
  z.string({ error: `${what} must be a date YYYY-MM-DD` }).transform((text, ctx) => {
    const parsed = parseIsoDate(text);
    if (parsed === undefined) {
      ctx.addIssue({ code: 'custom', message: `${what} "${text}" is not a real date YYYY-MM-DD` });
      return z.NEVER;
    }
    return parsed;
  });

const count = (what: string) =>
  z
    .number({ error: `${what} must be a whole number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} must not be negative`)
    .default(0);

const caseSchema = z.object({
  category: z.string({ error: 'category is required' }),
  purchaseDate: date('purchaseDate').nullable().optional(),
  productionDate: date('productionDate').nullable().optional(),
  reportDate: date('reportDate'),
  cause: z.enum(CAUSES, {
    error: (issue) =>
      issue.input === undefined
        ? 'cause is required'
        : `unknown cause ${JSON.stringify(issue.input)} (known: ${CAUSES.join(', ')})`,
  }),
  part: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'part must be a snake_case part name')
    .nullable()
    .optional(),
  partReplacedOn: date('partReplacedOn').nullable().optional(),
  priorRepairs: count('priorRepairs'),
  partsWaitDays: count('partsWaitDays'),
});

export type CaseProblem = { code: 'WARRANTY.INVALID_CASE'; detail: string };

/**
 * Validates an untrusted case (one line of `warranty check`) against the policy. Returns the case
 * or one problem describing the first thing wrong: unknown category or cause, a missing or
 * impossible date, a report before the purchase, a negative or fractional count.
 */
export function toWarrantyCase(
  input: unknown,
  policy: WarrantyPolicy,
): { ok: true; value: WarrantyCase } | { ok: false; code: CaseProblem['code']; detail: string } {
  const invalid = (detail: string) => ({
    ok: false as const,
    code: 'WARRANTY.INVALID_CASE' as const,
    detail,
  });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return invalid('a case must be a JSON object');
  }
  const parsed = caseSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.');
    const message = issue?.message ?? 'invalid';
    return invalid(field && !message.includes(field) ? `${field}: ${message}` : message);
  }
  const raw = parsed.data;
  if (!(raw.category in policy.categories)) {
    return invalid(
      `unknown category "${raw.category}" (known: ${Object.keys(policy.categories).join(', ')})`,
    );
  }
  if (!('purchaseDate' in input)) return invalid('purchaseDate is required (a date or null)');
  const purchaseDate = raw.purchaseDate ?? null;
  const productionDate = raw.productionDate ?? undefined;
  const partReplacedOn = raw.partReplacedOn ?? undefined;
  const before = (a: CalendarDate | null | undefined, b: CalendarDate | null | undefined) =>
    a != null && b != null && compareDates(a, b) < 0;
  if (before(raw.reportDate, purchaseDate)) return invalid('reportDate is before purchaseDate');
  if (before(raw.reportDate, productionDate)) return invalid('reportDate is before productionDate');
  if (before(purchaseDate, productionDate)) return invalid('purchaseDate is before productionDate');
  if (partReplacedOn !== undefined) {
    if (before(raw.reportDate, partReplacedOn))
      return invalid('partReplacedOn is after reportDate');
    if (before(partReplacedOn, purchaseDate ?? productionDate)) {
      return invalid(
        `partReplacedOn is before ${purchaseDate ? 'purchaseDate' : 'productionDate'}`,
      );
    }
  }
  const value: WarrantyCase = {
    category: raw.category as Category,
    purchaseDate,
    reportDate: raw.reportDate,
    cause: raw.cause,
    priorRepairs: raw.priorRepairs,
    partsWaitDays: raw.partsWaitDays,
  };
  if (productionDate) value.productionDate = productionDate;
  if (raw.part) value.part = raw.part;
  if (partReplacedOn) value.partReplacedOn = partReplacedOn;
  return { ok: true, value };
}
