import { describe, expect, it } from 'vitest';
import {
  decideContactAlerts,
  decideContactDueAt,
  decideContactPromise,
  decideContactState,
  decideTicketContactDue,
} from '../../../core/index.ts';

const MIN = 60_000;
const at = (iso: string) => new Date(iso);
const reported = at('2026-03-10T02:00:00Z');
const sla = 30 * MIN;

describe('the contact promise', () => {
  it('falls due the promised time after the report', () => {
    expect(decideContactDueAt(reported, sla)).toEqual(at('2026-03-10T02:30:00Z'));
  });

  it.each([
    ['a normal ticket: at 80 % and at the deadline', false, ['warning 02:24', 'breach 02:30']],
    [
      'a hazard: at once, at 80 % and at the deadline',
      true,
      ['urgent 02:00', 'warning 02:24', 'breach 02:30'],
    ],
  ])('alerts staff about %s', (_what, urgent, expected) => {
    const alerts = decideContactAlerts(reported, decideContactDueAt(reported, sla), sla, urgent);
    expect(alerts.map((a) => `${a.stage} ${a.at.toISOString().slice(11, 16)}`)).toEqual(expected);
  });

  it('warns the last fifth of the promised time before a deadline set after opening time', () => {
    const night = at('2026-03-10T15:00:00Z');
    const dueAt = at('2026-03-11T00:30:00Z');
    const [warning] = decideContactAlerts(night, dueAt, sla, false);
    expect(warning).toEqual({ stage: 'warning', at: at('2026-03-11T00:24:00Z') });
  });

  it.each([
    ['pending with the time left from now', null, '02:24', { kind: 'pending', leftMs: 6 * MIN }],
    ['pending, late alert: less time left', null, '02:29', { kind: 'pending', leftMs: 1 * MIN }],
    ['still pending at the deadline itself', null, '02:30', { kind: 'pending', leftMs: 0 }],
    ['breached once the deadline passed', null, '02:45', { kind: 'breached', overMs: 15 * MIN }],
    ['kept by a staff message before the deadline', '02:10', '02:45', { kind: 'kept' }],
    ['kept late by a message after it', '02:40', '02:45', { kind: 'kept-late', lateMs: 10 * MIN }],
  ] as const)('is %s', (_what, contacted, now, expected) => {
    const dueAt = decideContactDueAt(reported, sla);
    const contactedAt = contacted ? at(`2026-03-10T${contacted}:00Z`) : null;
    expect(decideContactState(dueAt, contactedAt, at(`2026-03-10T${now}:00Z`))).toEqual(expected);
  });
});

describe('when a customer who reported a fault or asked for a person hears back', () => {
  const hours = { startMinute: 8 * 60, endMinute: 18 * 60 };
  const tz = 'Asia/Shanghai';

  it.each([
    [
      '10:00 inside hours: within the promise',
      '2026-03-10T02:00:00Z',
      { kind: 'in-hours', dueAt: at('2026-03-10T02:30:00Z') },
    ],
    [
      '17:30 inside hours, the whole promise before closing: by 18:00',
      '2026-03-10T09:30:00Z',
      { kind: 'in-hours', dueAt: at('2026-03-10T10:00:00Z') },
    ],
    [
      '17:59, one minute before closing: the other 29 after opening, by 08:29 tomorrow (never 18:29, when nobody is there)',
      '2026-03-10T09:59:00Z',
      {
        kind: 'after-opening',
        opensAt: at('2026-03-11T00:00:00Z'),
        dueAt: at('2026-03-11T00:29:00Z'),
      },
    ],
    [
      '17:45: 15 minutes today, 15 after opening, by 08:15 tomorrow',
      '2026-03-10T09:45:00Z',
      {
        kind: 'after-opening',
        opensAt: at('2026-03-11T00:00:00Z'),
        dueAt: at('2026-03-11T00:15:00Z'),
      },
    ],
    [
      '18:00 after closing: from 08:00 tomorrow',
      '2026-03-10T10:00:00Z',
      {
        kind: 'after-opening',
        opensAt: at('2026-03-11T00:00:00Z'),
        dueAt: at('2026-03-11T00:30:00Z'),
      },
    ],
    [
      '06:30 before opening: from 08:00 today',
      '2026-03-09T22:30:00Z',
      {
        kind: 'after-opening',
        opensAt: at('2026-03-10T00:00:00Z'),
        dueAt: at('2026-03-10T00:30:00Z'),
      },
    ],
  ])('at %s', (_what, now, expected) => {
    expect(decideContactPromise(at(now), { slaMs: sla, hours, timeZone: tz })).toEqual(expected);
  });

  it.each([
    // A promise longer than the time to closing, or than a whole service day (10 h here).
    [
      '4 h at 16:00: 2 h today, 2 h tomorrow, by 10:00',
      '2026-03-10T08:00:00Z',
      4,
      '2026-03-11T02:00:00Z',
    ],
    [
      '24 h at 10:00: 8 h today, 10 h tomorrow, 6 h the day after, by 14:00',
      '2026-03-10T02:00:00Z',
      24,
      '2026-03-12T06:00:00Z',
    ],
    [
      '12 h at 23:00: 10 h tomorrow, 2 h the day after, by 10:00',
      '2026-03-10T15:00:00Z',
      12,
      '2026-03-12T02:00:00Z',
    ],
    [
      '10 h at 08:00: exactly the whole day, by 18:00',
      '2026-03-10T00:00:00Z',
      10,
      '2026-03-10T10:00:00Z',
    ],
  ])('counts a longer promise inside service hours: %s', (_what, now, slaHours, due) => {
    const promise = decideContactPromise(at(now), {
      slaMs: slaHours * 3_600_000,
      hours,
      timeZone: tz,
    });
    expect(promise.dueAt).toEqual(at(due));
    // Never a deadline outside service hours.
    const minute = ((promise.dueAt.getUTCHours() + 8) % 24) * 60 + promise.dueAt.getUTCMinutes();
    expect(minute).toBeGreaterThan(hours.startMinute);
    expect(minute).toBeLessThanOrEqual(hours.endMinute);
  });

  it.each([
    [
      'filed in hours, no deadline stored: 30 minutes after filing',
      '2026-03-10T02:00:00Z',
      null,
      '2026-03-10T02:30:00Z',
    ],
    [
      'filed at 23:00, no deadline stored: 08:30 the next morning, not 23:30',
      '2026-03-10T15:00:00Z',
      null,
      '2026-03-11T00:30:00Z',
    ],
    [
      'a stored deadline is kept as it was told',
      '2026-03-10T15:00:00Z',
      '2026-03-11T01:00:00Z',
      '2026-03-11T01:00:00Z',
    ],
  ])('makes a ticket %s', (_what, created, stored, expected) => {
    const ticket = { createdAt: at(created), contactDueAt: stored ? at(stored) : null };
    expect(decideTicketContactDue(ticket, { slaMs: sla, hours, timeZone: tz })).toEqual(
      at(expected),
    );
  });
});
