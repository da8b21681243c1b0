import { join } from 'node:path';
import { I18n } from '@grammyjs/i18n';
import type { CalendarDate, DatePeriod, Locale } from '../../core/index.ts';

export { toTraditional } from './to-traditional.ts';

/** Translates one message key with variables in a fixed locale. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

export const LOCALES_DIR = join(import.meta.dirname, '../../prompts/locales');

/** Loads the Fluent files (one folder per locale, one file per feature). */
export function createI18n(directory = LOCALES_DIR): I18n {
  const i18n = new I18n({ defaultLocale: 'en', fluentBundleOptions: { useIsolating: false } });
  i18n.loadLocalesDirSync(directory);
  rememberNegotiation(i18n);
  return i18n;
}

/** Locale lists whose negotiation is remembered at most (they come from a small, fixed set). */
const MAX_NEGOTIATIONS = 64;

/**
 * Makes the loaded bundles' language negotiation happen once per locale list. Trap: the plugin
 * negotiates on every `t()` call (a tenth of a millisecond, several times a turn) although the
 * bundles never change once loaded; `matchBundles` is its private method, hence the cast.
 */
function rememberNegotiation(i18n: I18n): void {
  const fluent = i18n.fluent as unknown as { matchBundles(locales: string[]): Set<unknown> };
  const negotiate = fluent.matchBundles.bind(fluent);
  const matched = new Map<string, Set<unknown>>();
  fluent.matchBundles = (locales) => {
    const key = locales.join('\n');
    let bundles = matched.get(key);
    if (bundles === undefined) {
      bundles = negotiate(locales);
      if (matched.size < MAX_NEGOTIATIONS) matched.set(key, bundles);
    }
    return bundles;
  };
}

/** A {@link Translate} bound to one locale. */
export function createTranslate(i18n: I18n, locale: Locale): Translate {
  return (key, variables) => i18n.t(locale, key, variables);
}

const utc = (date: CalendarDate) => new Date(`${date}T00:00:00Z`);

/**
 * A calendar date as the locale writes it: 2025-03-21 in English (as the customer may type it
 * back), 2025年3月21日 in Chinese (`Intl.DateTimeFormat`).
 */
export function formatDate(date: CalendarDate, locale: Locale): string {
  if (locale === 'en') return date;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(utc(date));
}

/**
 * A date as precisely as it is known, the locale's way: one day as {@link formatDate}, a month
 * ("March 2025", "2025年3月") or a year with `Intl.DateTimeFormat`, any other period as a range; a
 * period or a reading counted back from today is marked approximate ("about March 2025").
 */
export function formatPeriod(period: DatePeriod, locale: Locale, t: Translate): string {
  const { from, to, precision } = period;
  const intl = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(utc(from));
  const sameMonth = from.slice(0, 7) === to.slice(0, 7);
  const text =
    from === to
      ? formatDate(from, locale)
      : precision === 'month' && sameMonth
        ? intl({ year: 'numeric', month: 'long' })
        : precision === 'year' && from.slice(0, 4) === to.slice(0, 4)
          ? intl({ year: 'numeric' })
          : t('date-range', { from: formatDate(from, locale), to: formatDate(to, locale) });
  return precision === 'day' && !period.approximate && from === to
    ? text
    : t('date-approximate', { date: text });
}
