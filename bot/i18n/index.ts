import { join } from 'node:path';
import { I18n } from '@grammyjs/i18n';
import type { CalendarDate, Locale } from '../../core/index.ts';
import { dateParts } from '../../core/index.ts';

export { toTraditional } from './to-traditional.ts';

/** Translates one message key with variables in a fixed locale. */
export type Translate = (key: string, variables?: Record<string, string | number>) => string;

export const LOCALES_DIR = join(import.meta.dirname, '../../prompts/locales');

/** Loads the Fluent files (one folder per locale, one file per feature). */
export function createI18n(directory = LOCALES_DIR): I18n {
  const i18n = new I18n({ defaultLocale: 'en', fluentBundleOptions: { useIsolating: false } });
  i18n.loadLocalesDirSync(directory);
  return i18n;
}

/** A {@link Translate} bound to one locale. */
export function createTranslate(i18n: I18n, locale: Locale): Translate {
  return (key, variables) => i18n.t(locale, key, variables);
}

/** A calendar date as the locale writes it: 2025-03-21 in English, 2025年3月21日 in Chinese. */
export function formatDate(date: CalendarDate, locale: Locale): string {
  if (locale === 'en') return date;
  const { year, month, day } = dateParts(date);
  return `${year}年${month}月${day}日`;
}
