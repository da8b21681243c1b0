/**
 * The locales every customer- and staff-facing text exists in: English, Simplified Chinese, and
 * Traditional Chinese in a region-neutral form (`zh-Hant`) and with the words of Hong Kong
 * (`zh-HK`) and Taiwan (`zh-TW`) where they differ (總掣 / 電源總開關, 煤氣 / 瓦斯).
 */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'zh-HK', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];
/** The Traditional Chinese locales. */
export type TraditionalLocale = Extract<Locale, 'zh-Hant' | 'zh-HK' | 'zh-TW'>;

/**
 * The reply locale for a Telegram `language_code`: Hong Kong Traditional for zh-HK and zh-MO
 * (Macau shares Hong Kong's words), Taiwan Traditional for zh-TW, region-neutral Traditional for
 * zh-Hant, Simplified for any other zh, English otherwise (design.md "Triage").
 */
export function toLocale(languageCode: string | undefined): Locale {
  if (!languageCode) return 'en';
  if (/^zh[-_](?:hant[-_])?(?:hk|mo)\b/i.test(languageCode)) return 'zh-HK';
  if (/^zh[-_](?:hant[-_])?tw\b/i.test(languageCode)) return 'zh-TW';
  if (/^zh[-_]hant\b/i.test(languageCode)) return 'zh-Hant';
  if (/^zh/i.test(languageCode)) return 'zh-Hans';
  return 'en';
}

export function isChineseLocale(locale: Locale): boolean {
  return locale !== 'en';
}

export function isTraditionalLocale(locale: Locale): locale is TraditionalLocale {
  return locale === 'zh-Hant' || locale === 'zh-HK' || locale === 'zh-TW';
}
