import {
  checkVisitWindow,
  findPhone,
  matchModel,
  parseAddressText,
  parseName,
  parseProductionDate,
  parsePurchaseDate,
  parseVisitWindow,
  suggestWindows,
} from '../intake/index.ts';
import type { Locale } from '../shared/locale.ts';
import { fail, ok, type Result } from '../shared/result.ts';
import type { TriageCatalogue } from '../triage/types.ts';
import type { FieldParsers } from './context.ts';
import type { FieldErrorCode } from './messages.ts';

/**
 * The intake's field parsers over the intake module, with one error code per thing the customer
 * can fix (the bot has a message for each): `NAME.INVALID`, `PHONE.INVALID`, `MODEL.INVALID`,
 * `DATE.*`, `ADDRESS.INVALID`, `WINDOW.*`.
 */

/** How a customer's language reads an all-numeric date (`3/4/2024`): English or Chinese order. */
export const dateLanguage = (locale: Locale): 'en' | 'zh' => (locale === 'en' ? 'en' : 'zh');

export function createFieldParsers(catalogue: TriageCatalogue): FieldParsers {
  const patterns = Object.fromEntries(
    catalogue.map((entry) => [entry.category, entry.modelPatterns]),
  );
  const as = <T, U, C extends string>(
    result: Result<T, C>,
    code: FieldErrorCode | ((code: C) => FieldErrorCode),
    map: (value: T) => U,
  ): Result<U, FieldErrorCode> =>
    result.ok ? ok(map(result.value)) : fail(typeof code === 'string' ? code : code(result.code));
  /** A date parser's code: a day that does not exist is a date it could not read. */
  const dateCode = <C extends FieldErrorCode | 'DATE.NO_SUCH_DAY'>(code: C): FieldErrorCode =>
    code === 'DATE.NO_SUCH_DAY' ? 'DATE.UNPARSEABLE' : (code as FieldErrorCode);
  return {
    name: (text) => as(parseName(text), 'NAME.INVALID', (name) => name),
    phone: (text) =>
      as(findPhone(text), 'PHONE.INVALID', ({ phone, note }) =>
        note === undefined ? { e164: phone.e164 } : { e164: phone.e164, note },
      ),
    model: (text, category) =>
      as(matchModel(text, patterns, category), 'MODEL.INVALID', (model) => ({
        model: model.normalised,
        recognised: model.matchesCategory,
      })),
    purchaseDate: (text, today, locale) =>
      as(
        parsePurchaseDate(text, { today, lang: dateLanguage(locale) }),
        dateCode,
        (period) => period,
      ),
    productionDate: (text, today, locale) =>
      as(
        parseProductionDate(text, { today, lang: dateLanguage(locale) }),
        dateCode,
        (period) => period,
      ),
    address: (text) => as(parseAddressText(text), 'ADDRESS.INVALID', (address) => address),
    window: (text, today, nowMinute, hours) =>
      as(
        parseVisitWindow(text, { today, nowMinute, hours }),
        (code) => code,
        (window) => window,
      ),
    suggestWindows: (today, nowMinute, hours, count) =>
      suggestWindows(today, nowMinute, hours, count),
    checkWindow: (window, today, nowMinute, hours) =>
      checkVisitWindow(window, { today, nowMinute, hours }),
  };
}
