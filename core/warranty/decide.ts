import { addDays, addMonths, type CalendarDate, compareDates } from '../shared/calendar-date.ts';
import type { ExcludedCause, WarrantyPolicy } from './policy.ts';
import type { WarrantyCase } from './warranty-case.ts';

export type Remedy = 'refund' | 'exchange' | 'repair';
export type Charge = 'none' | 'parts' | 'parts_and_labour';
export type NotCoveredReason = ExcludedCause | 'expired' | 'no_proof';

/** Stable ids of the policy clauses a decision rests on (the explanation is rendered from them). */
export type ClauseId =
  | 'no-proof'
  | 'production-grace'
  | 'before-start'
  | 'excluded-cause'
  | 'return-window'
  | 'exchange-window'
  | 'whole-unit-term'
  | 'main-part-term'
  | 'replaced-part-term'
  | 'repeat-failure-exchange'
  | 'parts-wait-exchange'
  | 'expired'
  | 'on-site-service';

/** A clause with the facts that make it readable: "7-day return window ends 2025-03-21". */
export type Clause = {
  id: ClauseId;
  /** Last day the term runs (inclusive), where the clause is a term. */
  until?: CalendarDate;
  /** The part the term covers, for part terms (and `expired` when a main part's term ended last). */
  part?: string;
  /** Length of the term, for the explanation. */
  days?: number;
  months?: number;
  /** The excluded cause, for `excluded-cause`. */
  cause?: ExcludedCause;
  /** How many warranty repairs of the same part open an exchange, for `repeat-failure-exchange`. */
  repairs?: number;
};

export type WarrantyDecision = {
  covered: boolean;
  remedies: Remedy[];
  charge: Charge;
  reason?: NotCoveredReason;
  /** Purchase date, or production date + grace when there is no proof; absent when neither is known. */
  start?: CalendarDate;
  startBasis?: 'purchase' | 'production';
  clauses: Clause[];
  /**
   * Set on an answer that counts a part the symptom makes likely (a compressor's longer term) when
   * the whole unit's answer is worse on some day: a likely part is not a finding, so the answer
   * holds if the engineer finds that part, and this one otherwise (see `decideDraftWarranty`).
   */
  otherwise?: Omit<WarrantyDecision, 'otherwise'>;
  /**
   * Set when the start is known only as a period ("last March", a nameplate's "2024.03"): the
   * answer above holds for a start on any day from `holdsFrom` to `to`, and its dates count from
   * `holdsFrom` (the exact day may move them later). `holdsFrom` after `from` means an earlier start
   * gets another answer: `earlier` lists them, newest first, each for the days it holds on (a
   * return window, then a repair, then an ended term), so the customer is told what each would be
   * (see {@link decideWarrantyOverPeriod}). `likelyFrom`, with `earlier`, is the first day of the
   * run most likely to hold the start: the answer told first, on the staff card and by
   * `tickets show` as to the customer.
   */
  period?: StartPeriod & {
    basis: 'purchase' | 'production';
    holdsFrom: CalendarDate;
    earlier?: EarlierAnswer[];
    likelyFrom?: CalendarDate;
  };
};

/**
 * The answer for starts from `from` to `to` (both included), decided for the latest of them (its
 * dates are the latest any of those starts gets).
 */
export type EarlierAnswer = StartPeriod & {
  decision: Omit<WarrantyDecision, 'period' | 'otherwise'>;
};

/** The days a purchase (or production) date may be, both ends included. */
export type StartPeriod = { from: CalendarDate; to: CalendarDate };

const within = (date: CalendarDate, until: CalendarDate) => compareDates(date, until) <= 0;

/**
 * Decides what a customer may choose and what it costs (design.md "Warranty engine", rules 1–7).
 *
 * Rules 1–5 and 7 are tried in order and the first that applies decides; rule 6 then adds an
 * exchange to a covered answer. Day counting follows the PRC Civil Code arts. 201–203: the start
 * day is not counted, "N days" ends on start + N, "N months" ends on the same day-of-month N months
 * later (clamped to the month's end), and the end day is included. Sources: 《部分商品修理更换退货
 * 责任规定》 (7/15-day windows, two-repairs and 30-day parts rules), the seed ("经过更换的一类部件保修期
 * 自更换完成之日起重新计算"; out of warranty the customer pays parts only during on-site service).
 *
 * Pure: the report date is part of the case; the engine never reads today's date.
 */
export function decideWarranty(input: WarrantyCase, policy: WarrantyPolicy): WarrantyDecision {
  const terms = policy.categories[input.category];
  if (!terms) throw new RangeError(`category ${input.category} is not in policy ${policy.name}`);
  const report = input.reportDate;

  // Rule 1: without proof of purchase the start is the production date + grace; with neither, no_proof.
  let start: CalendarDate;
  let startBasis: 'purchase' | 'production';
  const basis: Clause[] = [];
  if (input.purchaseDate) {
    start = input.purchaseDate;
    startBasis = 'purchase';
  } else if (input.productionDate) {
    start = addDays(input.productionDate, policy.graceDays);
    startBasis = 'production';
    basis.push({ id: 'production-grace', until: start, days: policy.graceDays });
  } else {
    return {
      covered: false,
      remedies: ['repair'],
      charge: 'parts_and_labour',
      reason: 'no_proof',
      clauses: [{ id: 'no-proof' }],
    };
  }
  const onSiteUntil = addMonths(start, terms.onSiteMonths);
  const notCovered = (reason: NotCoveredReason, clause: Clause): WarrantyDecision => {
    const clauses = [...basis, clause];
    const onSite = within(report, onSiteUntil);
    if (onSite)
      clauses.push({ id: 'on-site-service', until: onSiteUntil, months: terms.onSiteMonths });
    return {
      covered: false,
      remedies: ['repair'],
      charge: onSite ? 'parts' : 'parts_and_labour',
      reason,
      start,
      startBasis,
      clauses,
    };
  };
  const covered = (remedies: Remedy[], clauses: Clause[]): WarrantyDecision => ({
    covered: true,
    remedies,
    charge: 'none',
    start,
    startBasis,
    clauses: [...basis, ...clauses],
  });

  // Rule 2: excluded causes are never covered; `unknown` counts as normal use until inspected.
  const cause = input.cause;
  if (cause !== 'normal_use' && cause !== 'unknown' && policy.excludedCauses.includes(cause)) {
    return notCovered(cause, { id: 'excluded-cause', cause });
  }

  // Rule 1 (continued): strictly before a deemed start the product counts as new.
  if (startBasis === 'production' && compareDates(report, start) < 0) {
    return withExchangeRules(
      covered(['repair'], [{ id: 'before-start', until: start }]),
      input,
      policy,
      start,
    );
  }

  if (startBasis === 'purchase') {
    // Rule 3: return window.
    const returnUntil = addDays(start, policy.returnDays);
    if (within(report, returnUntil)) {
      return covered(
        ['refund', 'exchange', 'repair'],
        [{ id: 'return-window', until: returnUntil, days: policy.returnDays }],
      );
    }
    // Rule 4: exchange window.
    const exchangeUntil = addDays(start, policy.exchangeDays);
    if (within(report, exchangeUntil)) {
      return covered(
        ['exchange', 'repair'],
        [{ id: 'exchange-window', until: exchangeUntil, days: policy.exchangeDays }],
      );
    }
  }

  // Rule 5: repair terms — whole unit, the named main part, or a replaced part counted again.
  const running: Clause[] = [];
  const wholeUntil = addMonths(start, terms.wholeUnitMonths);
  if (within(report, wholeUntil)) {
    running.push({ id: 'whole-unit-term', until: wholeUntil, months: terms.wholeUnitMonths });
  }
  const part = input.part;
  const partMonths = part === undefined ? undefined : terms.mainParts[part];
  if (part !== undefined && partMonths !== undefined) {
    const partUntil = addMonths(start, partMonths);
    if (within(report, partUntil))
      running.push({ id: 'main-part-term', until: partUntil, part, months: partMonths });
  }
  if (input.partReplacedOn) {
    const months = partMonths ?? terms.wholeUnitMonths;
    const replacedUntil = addMonths(input.partReplacedOn, months);
    if (within(report, replacedUntil)) {
      const clause: Clause = { id: 'replaced-part-term', until: replacedUntil, months };
      if (part !== undefined) clause.part = part;
      running.push(clause);
    }
  }
  if (running.length > 0)
    return withExchangeRules(covered(['repair'], running), input, policy, start);

  // Rule 7. The last term to end is the one said; a main part's longer term is named as such (the
  // whole unit's ended before it: review11 W4).
  const partUntil = partMonths === undefined ? undefined : addMonths(start, partMonths);
  if (part !== undefined && partUntil !== undefined && compareDates(partUntil, wholeUntil) > 0)
    return notCovered('expired', { id: 'expired', until: partUntil, part });
  return notCovered('expired', { id: 'expired', until: wholeUntil });
}

/**
 * Rule 6: within the first months from the start (policy `exchangeRuleMonths`, 12), a covered
 * repair also offers an exchange after `repeatRepairs` (2) warranty repairs of the same part, or
 * when parts have been lacking for more than `partsWaitDays` (30) days since the report.
 */
function withExchangeRules(
  decision: WarrantyDecision,
  input: WarrantyCase,
  policy: WarrantyPolicy,
  start: CalendarDate,
): WarrantyDecision {
  const until = addMonths(start, policy.exchangeRuleMonths);
  if (!within(input.reportDate, until)) return decision;
  const extra: Clause[] = [];
  if (input.priorRepairs >= policy.repeatRepairs)
    extra.push({ id: 'repeat-failure-exchange', until, repairs: policy.repeatRepairs });
  if (input.partsWaitDays > policy.partsWaitDays)
    extra.push({ id: 'parts-wait-exchange', until, days: policy.partsWaitDays });
  if (extra.length === 0) return decision;
  return {
    ...decision,
    remedies: ['exchange', 'repair'],
    clauses: [...decision.clauses, ...extra],
  };
}
