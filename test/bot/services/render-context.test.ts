import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../bot/config.ts';
import { createI18n } from '../../../bot/i18n/index.ts';
import type { AppDeps } from '../../../bot/services/deps.ts';
import { createRenderContext, sayDuration } from '../../../bot/services/render-context.ts';
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
        locale === 'en' ? /2 hours/ : /2小(时|時)/,
      );
    },
  );
});

describe('durations in English take the singular for one', () => {
  const t = createRenderContext(deps, 'en').t;
  it.each([
    [1_000, '1 second'],
    [45_000, '45 seconds'],
    [60_000, '1 minute'],
    [30 * 60_000, '30 minutes'],
    [3_600_000, '1 hour'],
    [2 * 3_600_000, '2 hours'],
    [86_400_000, '1 day'],
  ])('%i ms: %s', (ms, text) => {
    expect(sayDuration(ms, t)).toBe(text);
  });

  it('a one-minute contact promise reads "within 1 minute"', () => {
    const one = { ...deps, config: { ...deps.config, STAFF_CONTACT_SLA: 60_000 } } as AppDeps;
    const { globals } = createRenderContext(one, 'en');
    expect(globals.contactWithin).toBe('1 minute');
  });
});

describe('the variables every message may use', () => {
  it('are worked out once per configuration and locale, and cannot be changed by a caller', () => {
    const first = createRenderContext(deps, 'en');
    expect(createRenderContext(deps, 'en').globals).toBe(first.globals);
    expect(createRenderContext(deps, 'zh-Hans').globals).not.toBe(first.globals);
    expect(createRenderContext(deps, 'zh-Hans').globals.leadTime).toMatch(/2小时/);
    expect(Object.isFrozen(first.globals)).toBe(true);
    expect(() => {
      first.globals.hours = 'changed';
    }).toThrow(TypeError);
  });

  it('follow a configuration of their own, not one worked out before', () => {
    expect(createRenderContext(deps, 'en').globals.staffChat).toBe('no');
    const staffed = { ...deps, config: { ...deps.config, STAFF_CHAT_ID: -100123 } } as AppDeps;
    expect(createRenderContext(staffed, 'en').globals.staffChat).toBe('yes');
    expect(createRenderContext(deps, 'en').globals.staffChat).toBe('no');
  });
});
