/** The locales every customer- and staff-facing text exists in. */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];

const TRADITIONAL_REGIONS = /^zh[-_](hant|tw|hk|mo)/i;

/**
 * The reply locale for a Telegram `language_code`: Traditional Chinese for zh-Hant / zh-TW /
 * zh-HK / zh-MO, Simplified for any other zh, English otherwise (design.md "Triage").
 */
export function toLocale(languageCode: string | undefined): Locale {
  if (!languageCode) return 'en';
  if (TRADITIONAL_REGIONS.test(languageCode)) return 'zh-Hant';
  if (/^zh/i.test(languageCode)) return 'zh-Hans';
  return 'en';
}

export function isChineseLocale(locale: Locale): boolean {
  return locale !== 'en';
}
