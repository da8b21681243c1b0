import { compareDates } from '../shared/calendar-date.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import { clampPeriod, type DatePeriod } from './date-period.ts';
import { type DateReadingOptions, type DateRule, month, readDate } from './date-reading.ts';
import { DEFAULT_MAX_AGE_YEARS, isTooOld } from './purchase-date.ts';
import { foldText } from './text.ts';

export type ProductionDateErrorCode =
  | 'DATE.UNPARSEABLE'
  | 'DATE.NO_SUCH_DAY'
  | 'DATE.FUTURE'
  | 'DATE.TOO_OLD';

export type ProductionDateOptions = DateReadingOptions & {
  /** Oldest production date accepted, in years before today. Default 30. */
  maxAgeYears?: number;
};

/** Labels printed before a production date on nameplates, cartons and serial-number stickers. */
const LABEL = new RegExp(
  [
    '(?:生产日期|生產日期|出厂日期|出廠日期|制造日期|製造日期|生产年月|生產年月|制造年月|製造年月|出厂年月|出廠年月',
    String.raw`|(?<![a-z])(?:date of manufacture|manufacturing date|manufacture date|manufactured(?: on| in)?|production date|prod\.? ?date|mfg\.? ?date|mfd|mfg|d\.?o\.?m)(?![a-z]))\.?\s*[:：]?\s*`,
  ].join(''),
  'i',
);

/** What nameplates print and customers rarely type: `202403` (year and month). */
const PRINTED: readonly DateRule[] = [
  [/^(\d{4})(\d{2})$/, (m) => month(Number(m[1]), Number(m[2]))],
];

/**
 * Parses a production date as a nameplate, a carton or a serial-number sticker prints it, or as
 * the customer reads it out: `2024.03`, `2024-03-15`, `生产日期 2024年3月`, `MFG DATE 03/2024`,
 * `202403`, `MFD: MAR 2024`, and everything {@link parsePurchaseDate} reads. A label may be
 * surrounded by other nameplate text (`型号 BCD-215 生产日期 2024.03 220V`): the date is the first
 * words after it that read as one. The result is the period printed (a month when only the month
 * is), not after today. Rule 1 of the warranty (production date + 90 days without proof of
 * purchase) starts from it. Codes: `DATE.UNPARSEABLE`, `DATE.NO_SUCH_DAY`, `DATE.FUTURE` (it
 * starts after today), `DATE.TOO_OLD` (it ends more than `maxAgeYears`, 30, before today).
 */
export function parseProductionDate(
  text: string,
  options: ProductionDateOptions,
): Result<DatePeriod, ProductionDateErrorCode> {
  const { today, maxAgeYears = DEFAULT_MAX_AGE_YEARS } = options;
  const found = readLabelled(foldText(text), options);
  if (found === undefined) return fail('DATE.UNPARSEABLE');
  if (found === 'NO_SUCH_DAY') return fail('DATE.NO_SUCH_DAY');
  if (compareDates(found.from, today) > 0) return fail('DATE.FUTURE');
  if (isTooOld(found, today, maxAgeYears)) return fail('DATE.TOO_OLD');
  return ok(clampPeriod(found, { latest: today }));
}

/** The most words a printed date takes ("Mfg. date: 14 March 2024" has four after the label). */
const MAX_DATE_WORDS = 8;

/** The whole text, else the longest run of words after a label that reads as a date. */
function readLabelled(text: string, options: DateReadingOptions) {
  const whole = readDate(text, options, PRINTED);
  if (whole !== undefined) return whole;
  const label = LABEL.exec(text);
  if (!label) return undefined;
  // A printed date is a few words long: reading every prefix of a long text would be quadratic.
  const words = text.slice(label.index + label[0].length).split(' ', MAX_DATE_WORDS);
  for (let count = words.length; count > 0; count--) {
    const found = readDate(words.slice(0, count).join(' '), options, PRINTED);
    if (found !== undefined) return found;
  }
  return undefined;
}
