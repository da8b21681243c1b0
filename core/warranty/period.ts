import { addDays, type CalendarDate, compareDates, daysBetween } from '../shared/calendar-date.ts';
import {
  decideWarranty,
  type EarlierAnswer,
  type StartPeriod,
  type WarrantyDecision,
} from './decide.ts';
import type { WarrantyPolicy } from './policy.ts';
import type { WarrantyCase } from './warranty-case.ts';

/** What the customer is told: covered or not, the choices, the charge, the reason. */
export const answerOutcome = (decision: WarrantyDecision) =>
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
 * one: `period.earlier` gives each other answer with the days it holds on (decided for the latest
 * of them), so what an earlier purchase gets is said for exactly those days. Clause dates count
 * from `holdsFrom`, so they never overstate a term. A one-day period is an ordinary decision.
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
  // Periods are at most a year or so: walking back a day at a time is cheap and assumes nothing
  // about how the rules change along the way. Each run of days with one outcome is one answer.
  const runs: StartPeriod[] = [];
  let to = period.to;
  let same = answerOutcome(at(to));
  let day = to;
  while (compareDates(day, period.from) > 0) {
    const before = addDays(day, -1);
    const answer = answerOutcome(at(before));
    if (answer !== same) {
      runs.push({ from: day, to });
      to = before;
      same = answer;
    }
    day = before;
  }
  runs.push({ from: period.from, to });
  const [newest, ...older] = runs as [StartPeriod, ...StartPeriod[]];
  const holdsFrom = newest.from;
  const earlier = older.map((run) => ({ ...run, decision: at(run.to) }));
  return {
    ...at(holdsFrom),
    period: {
      from: period.from,
      to: period.to,
      basis,
      holdsFrom,
      ...(earlier.length > 0 ? { earlier, likelyFrom: likelyRun(period, runs).from } : {}),
    },
  };
}

/**
 * Below this share of the period's days, the answer that holds from `holdsFrom` is the exception,
 * not the likely case ("over a year ago": only its last day is still within 12 months), so the
 * answer of the most days is the likely one.
 */
export const LIKELY_SHARE = 0.2;

/** The run of days most likely to hold the start: the newest unless it is the exception. */
function likelyRun(period: StartPeriod, runs: StartPeriod[]): StartPeriod {
  const days = (run: StartPeriod) => daysBetween(run.from, run.to) + 1;
  const [newest] = runs as [StartPeriod, ...StartPeriod[]];
  if (days(newest) / days(period) >= LIKELY_SHARE) return newest;
  return runs.reduce((best, run) => (days(run) > days(best) ? run : best), newest);
}

/**
 * A period's runs of days, newest first (the decision's own from `holdsFrom`, then `earlier`),
 * and which of them is the likely one — as the decision says (`likelyFrom`), or, for a decision
 * stored before it said so, by the same rule.
 */
export function periodRuns(period: NonNullable<WarrantyDecision['period']>): {
  runs: StartPeriod[];
  earlier: EarlierAnswer[];
  likely: number;
} {
  const earlier = Array.isArray(period.earlier) ? period.earlier : [];
  const runs = [{ from: period.holdsFrom, to: period.to }, ...earlier];
  const likelyFrom = period.likelyFrom ?? likelyRun(period, runs).from;
  return {
    runs,
    earlier,
    likely: Math.max(
      0,
      runs.findIndex((run) => run.from === likelyFrom),
    ),
  };
}
