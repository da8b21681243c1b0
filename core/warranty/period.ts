import { addDays, type CalendarDate, compareDates } from '../shared/calendar-date.ts';
import { decideWarranty, type StartPeriod, type WarrantyDecision } from './decide.ts';
import type { WarrantyPolicy } from './policy.ts';
import type { WarrantyCase } from './warranty-case.ts';

/** What the customer is told: covered or not, the choices, the charge, the reason. */
const outcome = (decision: WarrantyDecision) =>
  JSON.stringify([decision.covered, decision.remedies, decision.charge, decision.reason ?? null]);

/**
 * The warranty answer when the purchase date — or, without proof of purchase, the production date —
 * is known only as a period (design.md: "a vague purchase date keeps its precision, and when the
 * answer differs across the period the bot asks for the day or says what it depends on").
 *
 * Every day of the period is a possible start. The answer returned is the one for the latest
 * possible start (the most favourable, as every term runs from the start), stated only for the days
 * on which it holds: `period.holdsFrom` is the first day from which every start up to `period.to`
 * gets the same outcome (covered, choices, charge, reason). When `holdsFrom` is the period's first
 * day the answer holds for the whole period; otherwise an earlier start would get a less favourable
 * one (`period.earlier`, the answer for the day before `holdsFrom`), and no charge is to be stated as
 * owed before the exact day is known. Clause dates count from `holdsFrom`, so they never overstate
 * a term. A one-day period is an ordinary decision.
 */
export function decideWarrantyOverPeriod(
  input: Omit<WarrantyCase, 'purchaseDate' | 'productionDate'>,
  dates: { purchase: StartPeriod | null; production?: StartPeriod | null },
  policy: WarrantyPolicy,
): WarrantyDecision {
  const basis = dates.purchase ? 'purchase' : dates.production ? 'production' : undefined;
  const period = dates.purchase ?? dates.production ?? undefined;
  const at = (day: CalendarDate | null) =>
    decideWarranty(
      basis === 'production'
        ? { ...input, purchaseDate: null, productionDate: day ?? undefined }
        : { ...input, purchaseDate: day },
      policy,
    );
  if (!period || !basis) return at(null);
  if (compareDates(period.from, period.to) >= 0) return at(period.from);
  const best = outcome(at(period.to));
  let holdsFrom = period.to;
  // Periods are at most a year or so: walking back a day at a time is cheap and assumes nothing
  // about how the rules change along the way.
  while (compareDates(holdsFrom, period.from) > 0) {
    const before = addDays(holdsFrom, -1);
    if (outcome(at(before)) !== best) break;
    holdsFrom = before;
  }
  const earlier =
    compareDates(holdsFrom, period.from) > 0 ? { earlier: at(addDays(holdsFrom, -1)) } : {};
  return {
    ...at(holdsFrom),
    period: { from: period.from, to: period.to, basis, holdsFrom, ...earlier },
  };
}
