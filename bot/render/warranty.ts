import {
  type Clause,
  daysBetween,
  type Locale,
  type WarrantyCase,
  type WarrantyDecision,
} from '../../core/index.ts';
import { formatDate, type Translate } from '../i18n/index.ts';

/** Joins a list of choices the way the locale does: "refund, exchange, or repair" / "退货、换货或维修". */
const joinList = (items: string[], locale: Locale): string =>
  new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);

function clauseLine(clause: Clause, t: Translate, locale: Locale, part: string): string {
  const variables: Record<string, string | number> = {
    part: clause.part ?? part,
    partName: humanise(clause.part ?? part),
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
 * Below this share of the period's days, the answer that holds from `holdsFrom` is the exception,
 * not the likely case ("over a year ago": only its last day is still within 12 months), so the
 * answer for an earlier start leads.
 */
const LIKELY_SHARE = 0.2;

/**
 * The warranty answer in plain words: the verdict, what the customer may choose and pay, the
 * clauses with their dates ("The 7-day return window ends 2025-03-21."), and that it is preliminary.
 * When the start is known only as a period, it says so: an answer that holds only from some day of
 * the period is given for purchases from that day, the answer for an earlier purchase is spelled
 * out (its charge, its end date), and whichever covers most of the period comes first.
 */
export function renderWarrantyAnswer(
  input: Pick<WarrantyCase, 'category' | 'part' | 'reportDate'>,
  decision: WarrantyDecision,
  t: Translate,
  locale: Locale,
  options: WarrantyAnswerOptions = {},
): string {
  const part = input.part ?? 'unit';
  const period = decision.period;
  const lines = [
    t('warranty-subject', {
      category: input.category,
      part,
      partName: humanise(part),
      reportDate: formatDate(input.reportDate, locale),
    }),
  ];
  const answer = (which: WarrantyDecision) => answerLines(which, t, locale, part, options);
  // The answer for any start before `holdsFrom`: its dates are those of the latest such start, so
  // an end date is said as "by" and a term's "until" is left out (an earlier start ends earlier).
  const before = (which: Omit<WarrantyDecision, 'period'>) =>
    answerLines(which, t, locale, part, { ...options, before: true });
  if (!period || period.holdsFrom === period.from) {
    lines.push(...answer(decision));
    if (period) lines.push(t('warranty-dates-approximate', { basis: period.basis }));
  } else {
    const date = formatDate(period.holdsFrom, locale);
    const vars = { basis: period.basis, date };
    const earlier = period.earlier;
    const share =
      (daysBetween(period.holdsFrom, period.to) + 1) / (daysBetween(period.from, period.to) + 1);
    if (!earlier) {
      // A ticket filed before the earlier answer was kept with the decision.
      lines.push(t('warranty-depends', vars), ...answer(decision));
      lines.push(t('warranty-depends-earlier', vars));
    } else if (share < LIKELY_SHARE) {
      lines.push(t('warranty-depends-likely', vars), ...before(earlier));
      lines.push(
        t(
          period.holdsFrom === period.to
            ? 'warranty-depends-only-on'
            : 'warranty-depends-only-from',
          vars,
        ),
        ...answer(decision),
      );
      lines.push(t('warranty-depends-confirm', vars));
    } else {
      lines.push(t('warranty-depends', vars), ...answer(decision));
      lines.push(t('warranty-depends-before', vars), ...before(earlier));
      lines.push(t('warranty-depends-confirm', vars));
    }
  }
  lines.push(t('warranty-preliminary'));
  return lines.join('\n');
}

/** One answer's lines: the verdict, the choices, the charge and the clauses with their dates. */
function answerLines(
  decision: Omit<WarrantyDecision, 'period'>,
  t: Translate,
  locale: Locale,
  part: string,
  { nameplatePhoto, before }: WarrantyAnswerOptions & { before?: boolean },
): string[] {
  const remedies = decision.remedies.map((remedy) => t('warranty-remedy', { remedy }));
  // The likely part's longer term is not a finding: the unit's answer follows it (review10 H5).
  const otherwise =
    before || !decision.covered || part === 'unit' || decision.otherwise?.covered !== false
      ? undefined
      : decision.otherwise;
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
          `• ${t('warranty-clause-expired-by', { until: formatDate(clause.until, locale) })}`,
        );
      continue;
    }
    lines.push(
      clause.id === 'no-proof' && nameplatePhoto
        ? `• ${t('warranty-clause-no-proof-photo-sent')}`
        : `• ${clauseLine(clause, t, locale, part)}`,
    );
  }
  if (otherwise) {
    lines.push(t('warranty-otherwise', { ...partVars, charge: otherwise.charge }));
    for (const clause of otherwise.clauses)
      lines.push(`• ${clauseLine(clause, t, locale, 'unit')}`);
  }
  return lines;
}
