import {
  DEFAULT_LEAD_MINUTES,
  DEFAULT_MAX_AGE_YEARS,
  DEFAULT_MAX_DAYS_AHEAD,
  formatMinute,
  type Locale,
} from '../../core/index.ts';
import { createTranslate, type Translate } from '../i18n/index.ts';
import type { AppDeps } from './deps.ts';

/** Renders a duration (ms) as the locale says it: "2 hours", "30 分钟". */
export function sayDuration(ms: number, t: Translate): string {
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
  ] as const) {
    if (ms >= size && ms % size === 0) return t('duration', { unit, n: ms / size });
  }
  return t('duration', { unit: 's', n: Math.round(ms / 1000) });
}

export type RenderContext = {
  t: Translate;
  locale: Locale;
  globals: Record<string, string | number>;
};

/** The globals by configuration, translations and locale: they depend on nothing else. */
const globalsMemo = new WeakMap<
  AppDeps['config'],
  WeakMap<AppDeps['i18n'], Map<Locale, Readonly<RenderContext['globals']>>>
>();

/**
 * Translation bound to a locale, with the variables every message may use (service hours, the
 * promised delays, whether a staff chat is configured, the oldest purchase date accepted, the
 * visit booking horizon and lead time). The variables are worked out once per configuration and
 * locale (three translations each: a turn renders with them), and are read-only.
 */
export function createRenderContext(deps: AppDeps, locale: Locale): RenderContext {
  const t = createTranslate(deps.i18n, locale);
  let byI18n = globalsMemo.get(deps.config);
  if (byI18n === undefined) {
    byI18n = new WeakMap();
    globalsMemo.set(deps.config, byI18n);
  }
  let byLocale = byI18n.get(deps.i18n);
  if (byLocale === undefined) {
    byLocale = new Map();
    byI18n.set(deps.i18n, byLocale);
  }
  let globals = byLocale.get(locale);
  if (globals === undefined) {
    globals = Object.freeze(workOutGlobals(deps, t));
    byLocale.set(locale, globals);
  }
  return { t, locale, globals };
}

function workOutGlobals(deps: AppDeps, t: Translate): RenderContext['globals'] {
  const hours = `${formatMinute(deps.config.SERVICE_HOURS.startMinute)}–${formatMinute(deps.config.SERVICE_HOURS.endMinute)}`;
  return {
    hours,
    after: sayDuration(deps.config.CALLBACK_CHECK_AFTER, t),
    contactWithin: sayDuration(deps.config.STAFF_CONTACT_SLA, t),
    maxAgeYears: DEFAULT_MAX_AGE_YEARS,
    horizonDays: DEFAULT_MAX_DAYS_AHEAD,
    leadTime: sayDuration(DEFAULT_LEAD_MINUTES * 60_000, t),
    // Whether a staff chat hears of tickets: without one, no sentence promises that a person
    // will contact the customer or has been told.
    staffChat: deps.config.STAFF_CHAT_ID === undefined ? 'no' : 'yes',
  };
}
