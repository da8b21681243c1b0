import { describe, expect, it } from 'vitest';
import { createI18n, createTranslate } from '../../../bot/i18n/index.ts';

/** The refusal of a window beyond the booking horizon says the horizon it is given, in every locale. */
describe('staff-window-invalid TOO_FAR names the booking horizon', () => {
  const i18n = createI18n();
  it.each([
    ['en', 'That is more than 45 days ahead.'],
    ['zh-Hans', '超过了45天。'],
    ['zh-Hant', '超過了45天。'],
  ] as const)('%s', (locale, text) => {
    const t = createTranslate(i18n, locale);
    expect(
      t('staff-window-invalid', { code: 'TOO_FAR', horizonDays: 45, hours: '08:00–18:00' }),
    ).toBe(text);
  });
});
