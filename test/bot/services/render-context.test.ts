import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config.ts';
import { createI18n } from '../../../bot/i18n/index.ts';
import type { AppDeps } from '../../../bot/services/deps.ts';
import { createRenderContext } from '../../../bot/services/render-context.ts';
import { DEFAULT_MAX_AGE_YEARS, DEFAULT_MAX_DAYS_AHEAD, LOCALES } from '../../../core/index.ts';

const i18n = createI18n();
const deps = { config: loadConfig(process.cwd(), {}), i18n } as unknown as AppDeps;

describe('createRenderContext', () => {
  it.each(LOCALES)('says how far back a purchase date may go, in %s', (locale) => {
    const { t, globals } = createRenderContext(deps, locale);
    const text = t('error-date-too-old', globals);
    expect(text).toContain(String(DEFAULT_MAX_AGE_YEARS));
    expect(text).not.toMatch(/[{}]|very long ago|太久远|太久遠/);
  });

  it.each(LOCALES)(
    'says the booking horizon and the lead time the visit rule uses, in %s',
    (locale) => {
      const { t, globals } = createRenderContext(deps, locale);
      expect(t('error-window-too-far', globals)).toContain(String(DEFAULT_MAX_DAYS_AHEAD));
      expect(t('error-window-too-soon', globals)).toMatch(
        locale === 'en' ? /2 hours/ : /2 小(时|時)/,
      );
    },
  );
});
