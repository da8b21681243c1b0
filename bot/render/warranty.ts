import {
  type CalendarDate,
  type Clause,
  type EarlierAnswer,
  type Locale,
  periodRuns,
  type StartPeriod,
  type WarrantyCase,
  type WarrantyDecision,
} from '../../core/index.ts';
import { formatDate, type Translate } from '../i18n/index.ts';

/** Joins a list of choices the way the locale does: "refund, exchange, or repair" / "退货、换货或维修". */
const joinList = (items: string[], locale: Locale): string =>
  new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);

function clauseLine(clause: Clause, t: Translate, locale: Locale, part: string): string {
  // An ended term is the whole unit's unless the clause names the main part that ended last.
  const termPart = clause.part ?? (clause.id === 'expired' ? 'unit' : part);
  const variables: Record<string, string | number> = {
    part: termPart,
    partName: humanise(termPart),
  };
  if (clause.until) variables.until = formatDate(clause.until, locale);
  if (clause.days !== undefined) variables.days = clause.days;
  if (clause.months !== undefined) variables.months = clause.months;
  if (clause.cause) variables.cause = clause.cause;
  if (clause.repairs !== undefined) variables.repairs = clause.repairs;
  return t(`warranty-clause-${clause.id}`, variables);
}

/** A part name with no translation, readable: `drain_pump` → `drain pump`. */
const humanise = (part: string) => part.replace(/_/g, ' ');

export type WarrantyAnswerOptions = {
  /** A nameplate photo was sent: a missing production date can be read from it. */
  nameplatePhoto?: boolean;
};

/**
 * The warranty answer in plain words: the verdict, what the customer may choose and pay, the
 * clauses with their dates ("The 7-day return window ends 2025-03-21."), and that it is preliminary.
 * When the start is known only as a period, it says so: each answer is given for the days it
 * holds on ("if you bought it on or after …", "between … and …", "before …"), an earlier
 * purchase's with its charge and its end date "at the latest", and the likely one first.
 */
export function renderWarrantyAnswer(
  input: Pick<WarrantyCase, 'category' | 'part' | 'reportDate'>,
  decision: WarrantyDecision,
  t: Translate,
  locale: Locale,
  options: WarrantyAnswerOptions = {},
): string {
  const part = input.part ?? 'unit';
  return [
    t('warranty-subject', {
      category: input.category,
      part,
      partName: humanise(part),
      reportDate: formatDate(input.reportDate, locale),
    }),
    ...bodyLines(decision, t, locale, part, options),
    t('warranty-preliminary'),
  ].join('\n');
}

/** An answer over its period: each run of days with its answer, the likely one first. */
function bodyLines(
  decision: WarrantyDecision,
  t: Translate,
  locale: Locale,
  part: string,
  options: WarrantyAnswerOptions,
): string[] {
  const period = decision.period;
  const answer = (which: WarrantyDecision) => answerLines(which, t, locale, part, options);
  if (!period || period.holdsFrom === period.from)
    return answerLines(decision, t, locale, part, {
      ...options,
      ...(period ? { approximate: period.basis } : {}),
    });
  const basis = period.basis;
  const date = (day: CalendarDate) => formatDate(day, locale);
  // Which run is likely is the decision's (core), told first.
  const { runs, earlier, likely: lead } = periodRuns(period);
  if (earlier.length === 0) {
    // A ticket filed before the earlier answers were kept with the decision.
    return [
      t('warranty-depends', { basis, date: date(period.holdsFrom) }),
      ...answer(decision),
      t('warranty-depends-earlier', { basis, date: date(period.holdsFrom) }),
    ];
  }
  // Earlier runs are decided for their latest day: an end date is said "at the latest" and a
  // term's "until" is left out (an earlier start ends earlier).
  const linesOf = (index: number) =>
    index === 0
      ? answer(decision)
      : answerLines((earlier[index - 1] as EarlierAnswer).decision, t, locale, part, {
          ...options,
          before: true,
        });
  const heading = (index: number, leads: boolean) => {
    const run = runs[index] as StartPeriod;
    if (index === 0) {
      if (leads) return t('warranty-depends', { basis, date: date(run.from) });
      return t(run.from === run.to ? 'warranty-depends-only-on' : 'warranty-depends-only-from', {
        basis,
        date: date(run.from),
      });
    }
    const oldest = index === runs.length - 1;
    const next = runs[index - 1] as StartPeriod;
    if (oldest)
      return t(leads ? 'warranty-depends-likely' : 'warranty-depends-before', {
        basis,
        date: date(next.from),
      });
    return t(leads ? 'warranty-depends-likely-between' : 'warranty-depends-between', {
      basis,
      from: date(run.from),
      to: date(run.to),
    });
  };
  const lines = [heading(lead, true), ...linesOf(lead)];
  runs.forEach((_run, index) => {
    if (index !== lead) lines.push(heading(index, false), ...linesOf(index));
  });
  lines.push(t('warranty-depends-confirm', { basis }));
  return lines;
}

/** One answer's lines: the verdict, the choices, the charge and the clauses with their dates. */
function answerLines(
  decision: Omit<WarrantyDecision, 'period'>,
  t: Translate,
  locale: Locale,
  part: string,
  {
    nameplatePhoto,
    before,
    approximate,
  }: WarrantyAnswerOptions & { before?: boolean; approximate?: 'purchase' | 'production' },
): string[] {
  const remedies = decision.remedies.map((remedy) => t('warranty-remedy', { remedy }));
  // The likely part's longer term is not a finding: the unit's answer follows it (review10 H5).
  const otherwise = before || !decision.covered || part === 'unit' ? undefined : decision.otherwise;
  const partVars = { part, partName: humanise(part) };
  const lines = [
    otherwise
      ? t('warranty-verdict-covered-if-part', partVars)
      : t(decision.covered ? 'warranty-verdict-covered' : 'warranty-verdict-not-covered'),
    decision.remedies.length > 1
      ? t('warranty-remedies', { remedies: joinList(remedies, locale) })
      : t('warranty-remedies-repair-only'),
  ];
  if (decision.charge !== 'none') lines.push(t('warranty-charge', { charge: decision.charge }));
  for (const clause of decision.clauses) {
    if (before && clause.until) {
      if (clause.id === 'expired')
        lines.push(
          `• ${t('warranty-clause-expired-by', {
            until: formatDate(clause.until, locale),
            part: clause.part ?? 'unit',
            partName: humanise(clause.part ?? 'unit'),
          })}`,
        );
      continue;
    }
    lines.push(
      clause.id === 'no-proof' && nameplatePhoto
        ? `• ${t('warranty-clause-no-proof-photo-sent')}`
        : `• ${clauseLine(clause, t, locale, part)}`,
    );
  }
  // The dates above count from the period's first day; the unit's answer below says its own.
  if (approximate) lines.push(t('warranty-dates-approximate', { basis: approximate }));
  if (otherwise) {
    const tiered = otherwise.period && otherwise.period.holdsFrom !== otherwise.period.from;
    if (!tiered && !otherwise.covered) {
      lines.push(t('warranty-otherwise', { ...partVars, charge: otherwise.charge }));
      for (const clause of otherwise.clauses)
        lines.push(`• ${clauseLine(clause, t, locale, 'unit')}`);
      // Its dates count from the first day of the days it is said for (unless said above).
      const days = otherwise.period;
      if (!approximate && days && days.from !== days.to)
        lines.push(t('warranty-dates-approximate', { basis: days.basis }));
    } else {
      // The unit's own answer, over the period when it depends on the day (review11 W2).
      lines.push(
        t('warranty-otherwise-depends', partVars),
        ...bodyLines(otherwise, t, locale, 'unit', { nameplatePhoto }),
      );
    }
  }
  return lines;
}
