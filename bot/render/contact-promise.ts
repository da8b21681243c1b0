import type { ContactPromise, Locale } from '../../core/index.ts';
import { formatInstant } from './staff.ts';

/**
 * The contact promise as message variables: `contact` selects the wording (`in-hours`: within the
 * promised time; `after-opening`: the next opening `opens` and the deadline `time`).
 */
export function contactPromiseVars(
  promise: ContactPromise,
  timeZone: string,
  locale: Locale,
  now: Date,
): Record<string, string> {
  if (promise.kind === 'in-hours') return { contact: promise.kind };
  const when = (at: Date) => formatInstant(at, timeZone, locale, now);
  return { contact: promise.kind, opens: when(promise.opensAt), time: when(promise.dueAt) };
}
