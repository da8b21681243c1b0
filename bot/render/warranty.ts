import type { Clause, Locale, WarrantyCase, WarrantyDecision } from '../../core/index.ts';
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
  /**
   * The whole unit's answer, when the decision counts a part the symptom makes likely (a
   * compressor's longer term): a likely part is not a finding, so when the unit's answer is worse,
   * the free repair is said to hold if the engineer finds that part, and the unit's answer follows.
   */
  otherwise?: WarrantyDecision;
};

/**
 * The warranty answer in plain words: the verdict, what the customer may choose and pay, the
 * clauses with their dates ("The 7-day return window ends 2025-03-21."), and that it is preliminary.
 * When the start is known only as a period, it says so: an answer that holds only from some day of
 * the period is given for purchases from that day, and nothing is said to be owed before it.
 */
export function renderWarrantyAnswer(
  input: Pick<WarrantyCase, 'category' | 'part' | 'reportDate'>,
  decision: WarrantyDecision,
  t: Translate,
  locale: Locale,
  options: WarrantyAnswerOptions = {},
): string {
  const part = input.part ?? 'unit';
  const remedies = decision.remedies.map((remedy) => t('warranty-remedy', { remedy }));
  const period = decision.period;
  const depends = period !== undefined && period.holdsFrom !== period.from;
  const lines = [
    t('warranty-subject', {
      category: input.category,
      part,
      partName: humanise(part),
      reportDate: formatDate(input.reportDate, locale),
    }),
  ];
  if (period && depends) {
    lines.push(
      t('warranty-depends', { basis: period.basis, date: formatDate(period.holdsFrom, locale) }),
    );
  }
  const otherwise =
    options.otherwise && decision.covered && !options.otherwise.covered && part !== 'unit'
      ? options.otherwise
      : undefined;
  const partVars = { part, partName: humanise(part) };
  lines.push(
    otherwise
      ? t('warranty-verdict-covered-if-part', partVars)
      : t(decision.covered ? 'warranty-verdict-covered' : 'warranty-verdict-not-covered'),
    decision.remedies.length > 1
      ? t('warranty-remedies', { remedies: joinList(remedies, locale) })
      : t('warranty-remedies-repair-only'),
  );
  if (decision.charge !== 'none') lines.push(t('warranty-charge', { charge: decision.charge }));
  for (const clause of decision.clauses) {
    lines.push(
      clause.id === 'no-proof' && options.nameplatePhoto
        ? `• ${t('warranty-clause-no-proof-photo-sent')}`
        : `• ${clauseLine(clause, t, locale, part)}`,
    );
  }
  if (otherwise) {
    lines.push(t('warranty-otherwise', { ...partVars, charge: otherwise.charge }));
    for (const clause of otherwise.clauses)
      lines.push(`• ${clauseLine(clause, t, locale, 'unit')}`);
  }
  if (period) {
    lines.push(
      depends
        ? t('warranty-depends-earlier', {
            basis: period.basis,
            date: formatDate(period.holdsFrom, locale),
          })
        : t('warranty-dates-approximate', { basis: period.basis }),
    );
  }
  lines.push(t('warranty-preliminary'));
  return lines.join('\n');
}
