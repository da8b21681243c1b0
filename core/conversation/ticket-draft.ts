import type { DatePeriod } from '../intake/index.ts';
import { type CalendarDate, compareDates } from '../shared/calendar-date.ts';
import { toInstant } from '../shared/zoned-time.ts';
import type { NewProductReport, NewTicket } from '../tickets/ticket.ts';
import type { WarrantyDecision } from '../warranty/decide.ts';
import { answerOutcome, decideWarrantyOverPeriod } from '../warranty/period.ts';
import type { WarrantyPolicy } from '../warranty/policy.ts';
import type { WarrantyCase } from '../warranty/warranty-case.ts';
import type { TurnContext } from './context.ts';
import type { Address, Draft } from './state.ts';

/** What the warranty answer reads of a draft (or of a warranty question): product and dates. */
export type WarrantyFacts = Partial<Draft> &
  Pick<Draft, 'category' | 'purchaseDate' | 'productionDate'>;

/** The warranty question a draft asks: the case, and the periods its dates are known to. */
export type DraftWarrantyCase = {
  /** The case without its dates; `reportDate` is today. */
  input: Omit<WarrantyCase, 'purchaseDate' | 'productionDate'>;
  purchase: DatePeriod | null;
  production: DatePeriod | null;
};

/**
 * The warranty question a draft asks, as of `today` (the report date). The cause is `unknown`
 * (normal use until the engineer inspects); the part is the symptom's likely part. `undefined`
 * while the product or the purchase date was never asked (`null` means "no proof" and is decided,
 * from the production date when the customer gave one: warranty rule 1).
 */
export function toDraftWarrantyCase(
  draft: WarrantyFacts,
  today: CalendarDate,
  part?: string,
): DraftWarrantyCase | undefined {
  // Unknown product, or a purchase date never asked (an urgent ticket): the engineer assesses it.
  if (!draft.category || draft.purchaseDate === undefined) return undefined;
  const input: DraftWarrantyCase['input'] = {
    category: draft.category,
    reportDate: today,
    cause: 'unknown',
    priorRepairs: 0,
    partsWaitDays: 0,
  };
  if (part) input.part = part;
  const notAfterToday = (period: DatePeriod | null | undefined) =>
    period && compareDates(period.from, today) <= 0 ? period : null;
  return {
    input,
    purchase: notAfterToday(draft.purchaseDate),
    production: notAfterToday(draft.productionDate),
  };
}

/**
 * The preliminary warranty answer for a draft, over the periods its dates are known to (a vague
 * purchase date is never read as its first day): see {@link decideWarrantyOverPeriod}. With the
 * symptom's likely `part`, an answer that is better than the whole unit's only because of that
 * part's longer term carries the unit's answer as `otherwise`: the part is a guess until the
 * engineer finds it, so "free" is never said as a fact on it alone (review10 H5).
 */
export function decideDraftWarranty(
  draft: WarrantyFacts,
  today: CalendarDate,
  policy: WarrantyPolicy,
  part?: string,
): { case: DraftWarrantyCase; decision: WarrantyDecision } | undefined {
  const question = toDraftWarrantyCase(draft, today, part);
  if (!question) return undefined;
  const { input, purchase, production } = question;
  const decision = decideWarrantyOverPeriod(input, { purchase, production }, policy);
  if (!part || !decision.covered) return { case: question, decision };
  const { part: _likely, ...unitInput } = input;
  const unit = decideWarrantyOverPeriod(unitInput, { purchase, production }, policy);
  // Worse on any day of the period (review11 W2: "over a year ago" is free for the unit on one day
  // of 365): the unit's whole answer goes with it.
  if (sameAnswers(unit, decision)) return { case: question, decision };
  // One answer for every day: it is said beside the part's for the days the part's answer holds
  // on, so its dates count from the first of those (review11 W3: "in 2023" said the unit's term
  // of a purchase on 2023-01-01 to one made on or after 2023-03-10).
  const holdsFrom = decision.period?.holdsFrom;
  const oneAnswer = !unit.period || unit.period.holdsFrom === unit.period.from;
  const from = (days: DatePeriod | null) =>
    days && holdsFrom ? { ...days, from: holdsFrom } : days;
  const otherwise =
    oneAnswer && holdsFrom !== unit.period?.from
      ? decideWarrantyOverPeriod(
          unitInput,
          purchase
            ? { purchase: from(purchase), production }
            : { purchase, production: from(production) },
          policy,
        )
      : unit;
  return { case: question, decision: { ...decision, otherwise } };
}

/** Whether two answers over a period say the same on every day (each run of days and its outcome). */
function sameAnswers(a: WarrantyDecision, b: WarrantyDecision): boolean {
  const runs = (d: WarrantyDecision) =>
    JSON.stringify([
      d.period?.holdsFrom,
      answerOutcome(d),
      ...(d.period?.earlier ?? []).map((run) => [run.from, answerOutcome(run.decision)]),
    ]);
  return runs(a) === runs(b);
}

export function addressText(address: Address | undefined): string | null {
  if (!address) return null;
  if (address.kind === 'text') return address.text;
  const place = `geo:${address.latitude.toFixed(6)},${address.longitude.toFixed(6)}`;
  return address.detail ? `${place} ${address.detail}` : place;
}

/** The ticket to file from a confirmed draft. */
export function toNewTicket(
  draft: Draft,
  customerId: string,
  warranty: WarrantyDecision | null,
  timeZone: string,
): NewTicket {
  return {
    customerId,
    priority: draft.urgent ? 'urgent' : 'normal',
    category: draft.category ?? null,
    description: ticketDescription(draft),
    contact: {
      name: draft.name ?? null,
      phone: draft.phone ?? null,
      address: addressText(draft.address),
    },
    triage: {
      label: draft.label ?? (draft.urgent ? 'hazard' : 'fault'),
      category: draft.category ?? null,
      symptomId: draft.symptomId ?? null,
      ...(draft.ruledOut && draft.ruledOut.length > 0 ? { ruledOut: draft.ruledOut } : {}),
    },
    warranty,
    visitWindow: draft.window
      ? {
          start: toInstant(draft.window.date, draft.window.startMinute, timeZone),
          end: toInstant(draft.window.date, draft.window.endMinute, timeZone),
        }
      : null,
    product: productOf(draft),
  };
}

/**
 * The product as the draft has it, with every photo the customer sent during the intake ("Photo
 * saved for the engineer"): a product never named (a hazard's "not sure") still keeps its photos,
 * its category `null`; no product and no photo, none.
 */
function productOf(draft: Draft): NewProductReport | null {
  const photos = [...draft.nameplatePhotos, ...draft.invoicePhotos, ...draft.otherPhotos];
  if (!draft.category && photos.length === 0) return null;
  return {
    category: draft.category ?? null,
    modelNumber: draft.model ?? null,
    purchaseDate: draft.purchaseDate?.from ?? null,
    purchasePeriod: draft.purchaseDate ?? null,
    productionDate: draft.productionDate?.from ?? null,
    productionPeriod: draft.productionDate ?? null,
    proofPhotoFileIds: photos,
  };
}

/**
 * The ticket's description: the report, then each problem the customer said was broken again
 * while the ticket was being prepared, one a line (`+ tv no signal`), then what they said for
 * whoever calls (`☎ 下午打`) and the visit time in their own words when none could be booked
 * (`🕒 any weekday after work`) — all in the customer's words.
 */
export function ticketDescription(draft: Draft): string | null {
  const lines = [
    draft.description,
    ...(draft.alsoBroken ?? []).map((g) => `+ ${g.description}`),
    ...(draft.moreSaid ?? []).map((words) => `+ ${words}`),
    draft.callNote ? `☎ ${draft.callNote}` : '',
    draft.windowNote ? `🕒 ${draft.windowNote}` : '',
  ];
  return lines.filter(Boolean).join('\n') || null;
}

/**
 * The draft with a purchase date; when the date is a period over which the warranty answer differs
 * ("last March", reported after the 12-month term of a purchase on 1 March), it notes from which
 * day the better answer holds, and the intake asks for the exact day.
 */
export function withPurchaseDate(
  draft: Draft,
  period: DatePeriod,
  context: Pick<TurnContext, 'catalogue' | 'today' | 'policy'>,
): Draft {
  const { purchaseDayMatters: _before, ...next } = { ...draft, purchaseDate: period };
  const part = draft.symptomId ? context.catalogue.symptom(draft.symptomId)?.part : undefined;
  const answer = decideDraftWarranty(next, context.today, context.policy, part)?.decision.period;
  return answer && answer.holdsFrom !== answer.from
    ? { ...next, purchaseDayMatters: answer.holdsFrom }
    : next;
}
