import type { OpeningHours } from '../intake/visit-window.ts';
import { addDays } from '../shared/calendar-date.ts';
import { toInstant, toZonedTime } from '../shared/zoned-time.ts';

/**
 * The contact promise (the seed: "30分钟内与使用者取得联系"): a staff member's first message reaches
 * the customer within `STAFF_CONTACT_SLA` of the report. Staff are warned when this share of the
 * promised time has passed.
 */
export const CONTACT_WARNING_SHARE = 0.8;

/** When the promise falls due for a report made at `reportedAt` while the service team works. */
export function decideContactDueAt(reportedAt: Date, slaMs: number): Date {
  return new Date(reportedAt.getTime() + slaMs);
}

/** The contact promise's terms: the promised time and when the service team works. */
export type ContactPromiseRule = {
  slaMs: number;
  /** Service hours, every day (the seed: 08:00–18:00, holidays included). */
  hours: OpeningHours;
  /** The shop's time zone, in which the service hours are read. */
  timeZone: string;
};

/** What the customer is told about being contacted, and the deadline that follows from it. */
export type ContactPromise =
  /** Inside service hours: a person answers within the promised time. */
  | { kind: 'in-hours'; dueAt: Date }
  /** Outside service hours: a person answers within the promised time of the next opening. */
  | { kind: 'after-opening'; opensAt: Date; dueAt: Date };

/**
 * When a customer who reported a fault or asked for a person (/human) can expect a person: within
 * the promised time while the service team works (service hours, every day), counted inside those
 * hours — a report too close to closing for the whole promise is answered after the next opening,
 * by the opening plus what was left — else that long after the next opening. One rule for what the customer is told, the ticket's contact deadline, the
 * staff alerts and the report's "contact promise kept".
 */
export function decideContactPromise(reportedAt: Date, rule: ContactPromiseRule): ContactPromise {
  const { hours, timeZone, slaMs } = rule;
  const { date, minute } = toZonedTime(reportedAt, timeZone);
  const open = minute >= hours.startMinute && minute < hours.endMinute;
  // The promised time is counted inside service hours: what is left of it at closing carries over
  // to the next opening (a report at 17:59 is answered by 08:29, never after the team has gone).
  const leftToday = open
    ? toInstant(date, hours.endMinute, timeZone).getTime() - reportedAt.getTime()
    : 0;
  if (open && slaMs <= leftToday)
    return { kind: 'in-hours', dueAt: decideContactDueAt(reportedAt, slaMs) };
  const first = open || minute >= hours.endMinute ? addDays(date, 1) : date;
  const opensAt = toInstant(first, hours.startMinute, timeZone);
  const dayMs = (hours.endMinute - hours.startMinute) * 60_000;
  let day = first;
  let rest = slaMs - leftToday;
  // A promise longer than a whole service day runs on over the days after.
  while (dayMs > 0 && rest > dayMs) {
    rest -= dayMs;
    day = addDays(day, 1);
  }
  return {
    kind: 'after-opening',
    opensAt,
    dueAt: decideContactDueAt(toInstant(day, hours.startMinute, timeZone), rest),
  };
}

/**
 * A ticket's contact deadline: the one stored when it was filed, else (a ticket filed before
 * deadlines were stored) the one {@link decideContactPromise} gives for its filing time.
 */
export function decideTicketContactDue(
  ticket: { createdAt: Date; contactDueAt: Date | null },
  rule: ContactPromiseRule,
): Date {
  return ticket.contactDueAt ?? decideContactPromise(ticket.createdAt, rule).dueAt;
}

/** `urgent`: a hazard, raised at once; `warning`: 80 % of the time gone; `breach`: promise lapsed. */
export type ContactAlertStage = 'urgent' | 'warning' | 'breach';
export type ContactAlert = { stage: ContactAlertStage; at: Date };

/**
 * When staff are alerted about a ticket nobody has contacted yet: a hazard at once, every ticket
 * when {@link CONTACT_WARNING_SHARE} of the promised time has gone (counted back from the
 * deadline, so a question asked at night is raised shortly after opening) and at the deadline.
 */
export function decideContactAlerts(
  reportedAt: Date,
  dueAt: Date,
  slaMs: number,
  urgent: boolean,
): ContactAlert[] {
  const warning = new Date(
    Math.max(reportedAt.getTime(), dueAt.getTime() - (1 - CONTACT_WARNING_SHARE) * slaMs),
  );
  return [
    ...(urgent ? [{ stage: 'urgent' as const, at: reportedAt }] : []),
    { stage: 'warning', at: warning },
    { stage: 'breach', at: dueAt },
  ];
}

/** Where a ticket's contact promise stands at `now`. */
export type ContactState =
  | { kind: 'kept' }
  | { kind: 'kept-late'; lateMs: number }
  | { kind: 'pending'; leftMs: number }
  | { kind: 'breached'; overMs: number };

/**
 * The promise is kept when the first staff message reached the customer by the deadline; until
 * then it is pending, and breached once the deadline has passed. Time left is counted from `now`,
 * whenever the question is asked (an alert that runs late says what is really left).
 */
export function decideContactState(dueAt: Date, contactedAt: Date | null, now: Date): ContactState {
  if (contactedAt) {
    const late = contactedAt.getTime() - dueAt.getTime();
    return late > 0 ? { kind: 'kept-late', lateMs: late } : { kind: 'kept' };
  }
  // The promise lapses after its deadline: at the deadline itself it still stands.
  const left = dueAt.getTime() - now.getTime();
  return left >= 0 ? { kind: 'pending', leftMs: left } : { kind: 'breached', overMs: -left };
}
