import { type TurnContext, toZonedTime, type WaitingTicket } from '../../core/index.ts';
import type { AppDeps } from './deps.ts';

/** The core's view of now and of the catalogue, triage and parsers, for one turn. */
export function createTurnContext(
  deps: AppDeps,
  now: Date,
  turnId: string,
  waiting?: WaitingTicket,
): TurnContext {
  const { date, minute } = toZonedTime(now, deps.config.SERVICE_TZ);
  return {
    ...(waiting ? { waiting } : {}),
    turnId,
    today: date,
    nowMinute: minute,
    serviceHours: deps.config.SERVICE_HOURS,
    catalogue: deps.catalogue,
    policy: deps.policy,
    triage: deps.triage,
    fields: deps.fields,
    alreadyTried: deps.alreadyTried,
  };
}
