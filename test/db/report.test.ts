import { expect, it } from 'vitest';
import type { Category, GuidanceOutcome, NewTicket } from '../../core/index.ts';
import { createRepositories } from '../../db/index.ts';
import { describeOnDatabases, uniqueTelegramId } from '../support/db.ts';
import { day, newTicket } from './fixtures.ts';

const MINUTE = 60_000;
/** The promise counted from filing at any hour (service hours all day), as these tickets were. */
const SLA = { slaMs: 30 * MINUTE, hours: { startMinute: 0, endMinute: 24 * 60 }, timeZone: 'UTC' };
let keys = 0;
const key = () => `report:${process.pid}:${++keys}`;

describeOnDatabases('report repository', (database) => {
  const repos = () => createRepositories(database().handle.db);
  const customer = async () =>
    (await repos().customers.ensure(uniqueTelegramId(), 'zh-Hans', new Date(0))).id;

  const file = async (at: string, overrides: Partial<NewTicket> = {}) => {
    const created = new Date(at);
    const { ticket } = await repos().tickets.create(newTicket(await customer(), overrides), {
      idempotencyKey: key(),
      day: day(at.slice(0, 10)),
      at: created,
      actor: { kind: 'system' },
    });
    return ticket;
  };
  const after = (ticket: { createdAt: Date }, minutes: number) =>
    new Date(ticket.createdAt.getTime() + minutes * MINUTE);

  const guide = async (at: string, outcome: GuidanceOutcome | null, category: Category) => {
    const created = new Date(at);
    const opened = await repos().guidance.open(
      {
        customerId: await customer(),
        chatId: 42,
        locale: 'en',
        category,
        symptomId: `${category}.no-power`,
        description: 'it stopped',
        checkBackAt: new Date(created.getTime() + 120 * MINUTE),
      },
      created,
    );
    if (outcome) await repos().guidance.recordOutcome(opened.id, outcome, created);
  };

  it('counts an empty period as zeros, with every state present and no rate', async () => {
    const figures = await repos().report.figures(
      new Date('2001-01-01T00:00:00Z'),
      new Date('2001-02-01T00:00:00Z'),
      SLA,
      new Date('2001-03-01T00:00:00Z'),
    );
    expect(figures).toEqual({
      tickets: {
        total: 0,
        byState: { open: 0, taken: 0, scheduled: 0, resolved: 0, cancelled: 0 },
        urgent: 0,
        byCategory: {},
      },
      guidance: { total: 0, working: 0, stillBroken: 0, unconfirmed: 0, pending: 0 },
      solvedWithoutVisitRate: null,
      contact: { measured: 0, withinSla: 0 },
    });
  });

  it("counts the period's tickets by current state, priority and category, from included, to excluded", async () => {
    const from = new Date('2030-05-01T00:00:00Z');
    const to = new Date('2030-06-01T00:00:00Z');
    await file('2030-04-30T23:59:59.999Z');
    await file('2030-06-01T00:00:00.000Z');
    const first = await file('2030-05-01T00:00:00.000Z', { priority: 'urgent' });
    const taken = await file('2030-05-10T08:00:00.000Z');
    const resolved = await file('2030-05-11T08:00:00.000Z', { category: 'tv' });
    const cancelled = await file('2030-05-31T23:59:59.999Z', { category: null });
    await repos().tickets.apply(taken.id, { type: 'take', staffId: 9 }, after(taken, 5));
    await repos().tickets.apply(resolved.id, { type: 'take', staffId: 9 }, after(resolved, 5));
    await repos().tickets.apply(
      resolved.id,
      { type: 'resolve', staffId: 9, resolution: 'advice_given' },
      after(resolved, 90),
    );
    await repos().tickets.apply(
      cancelled.id,
      {
        type: 'cancel',
        actor: { kind: 'customer', customerId: cancelled.customerId },
        reason: null,
      },
      after(cancelled, 1),
    );

    const { tickets } = await repos().report.figures(from, to, SLA, to);
    expect(first.state).toBe('open');
    expect(tickets).toEqual({
      total: 4,
      byState: { open: 1, taken: 1, scheduled: 0, resolved: 1, cancelled: 1 },
      urgent: 1,
      byCategory: { refrigerator: 2, tv: 1, unknown: 1 },
    });
  });

  it('measures the contact promise by the first staff message that reached the customer, by the deadline', async () => {
    const from = new Date('2031-05-01T00:00:00Z');
    const to = new Date('2031-06-01T00:00:00Z');
    const now = new Date('2031-06-02T00:00:00Z');
    const quick = await file('2031-05-02T01:00:00Z');
    const onTheDot = await file('2031-05-02T02:00:00Z');
    const late = await file('2031-05-02T03:00:00Z');
    const takenNotContacted = await file('2031-05-02T04:00:00Z');
    const staff = { kind: 'staff' as const, staffId: 3 };
    const contact = (id: string, at: Date) => repos().tickets.markContacted(id, at, staff);
    await contact(quick.id, after(quick, 10));
    await contact(quick.id, after(quick, 300));
    await contact(onTheDot.id, after(onTheDot, 30));
    await contact(late.id, new Date(after(late, 30).getTime() + 1));
    // Taking a ticket is not contact: only a message that reached the customer keeps the promise.
    await repos().tickets.apply(
      takenNotContacted.id,
      { type: 'take', staffId: 3 },
      after(takenNotContacted, 5),
    );

    const figures = await repos().report.figures(from, to, SLA, now);
    expect(figures.contact).toEqual({ measured: 4, withinSla: 2 });
    expect(
      (await repos().report.figures(from, to, { ...SLA, slaMs: 5 * MINUTE }, now)).contact,
    ).toEqual({
      measured: 4,
      withinSla: 0,
    });
  });

  it('judges a ticket by its own contact deadline when one was set (a question asked at night)', async () => {
    const from = new Date('2036-05-01T00:00:00Z');
    const to = new Date('2036-06-01T00:00:00Z');
    const night = await file('2036-05-02T15:00:00Z');
    await repos().tickets.setContactDue(night.id, new Date('2036-05-03T00:30:00Z'));
    await repos().tickets.markContacted(night.id, new Date('2036-05-03T00:20:00Z'), {
      kind: 'staff',
      staffId: 3,
    });
    const { contact } = await repos().report.figures(
      from,
      to,
      SLA,
      new Date('2036-06-02T00:00:00Z'),
    );
    expect(contact).toEqual({ measured: 1, withinSla: 1 });
  });

  it('counts a ticket filed at night without a stored deadline from the next opening, as the customer was told', async () => {
    const from = new Date('2037-05-01T00:00:00Z');
    const to = new Date('2037-06-01T00:00:00Z');
    // 23:00 in Shanghai; staff work 08:00–18:00 and call at 08:20 the next morning.
    const night = await file('2037-05-02T15:00:00Z');
    await repos().tickets.markContacted(night.id, new Date('2037-05-03T00:20:00Z'), {
      kind: 'staff',
      staffId: 3,
    });
    const shop = {
      ...SLA,
      hours: { startMinute: 8 * 60, endMinute: 18 * 60 },
      timeZone: 'Asia/Shanghai',
    };
    const { contact } = await repos().report.figures(from, to, shop, to);
    expect(contact).toEqual({ measured: 1, withinSla: 1 });
  });

  it('counts a ticket nobody contacted as a missed promise once its deadline has passed, and not before', async () => {
    const from = new Date('2034-05-01T00:00:00Z');
    const to = new Date('2034-06-01T00:00:00Z');
    const taken = await file('2034-05-02T01:00:00Z');
    await repos().tickets.markContacted(taken.id, after(taken, 10), { kind: 'staff', staffId: 3 });
    const neverTaken = await file('2034-05-02T02:00:00Z');
    const figuresAt = async (at: Date) => (await repos().report.figures(from, to, SLA, at)).contact;

    expect(neverTaken.state).toBe('open');
    expect(await figuresAt(after(neverTaken, 30))).toEqual({ measured: 1, withinSla: 1 });
    expect(await figuresAt(new Date(after(neverTaken, 30).getTime() + 1))).toEqual({
      measured: 2,
      withinSla: 1,
    });
    expect(await figuresAt(new Date('2034-07-01T00:00:00Z'))).toEqual({
      measured: 2,
      withinSla: 1,
    });
  });

  it('counts guided cases by outcome and the share solved without a visit', async () => {
    const from = new Date('2032-05-01T00:00:00Z');
    const to = new Date('2032-06-01T00:00:00Z');
    await guide('2032-04-30T12:00:00Z', 'still_broken', 'tv');
    await guide('2032-05-01T00:00:00Z', 'working', 'tv');
    await guide('2032-05-03T00:00:00Z', 'working', 'refrigerator');
    await guide('2032-05-04T00:00:00Z', 'working', 'microwave');
    await guide('2032-05-05T00:00:00Z', 'still_broken', 'tv');
    await guide('2032-05-06T00:00:00Z', 'unconfirmed', 'tv');
    await guide('2032-05-07T00:00:00Z', null, 'tv');

    const figures = await repos().report.figures(from, to, SLA, to);
    expect(figures.guidance).toEqual({
      total: 6,
      working: 3,
      stillBroken: 1,
      unconfirmed: 1,
      pending: 1,
    });
    expect(figures.solvedWithoutVisitRate).toBeCloseTo(3 / 5);
    expect(figures.tickets.total).toBe(0);
  });

  it('answers no rate while every guided case still awaits its check-back', async () => {
    await guide('2033-05-07T00:00:00Z', null, 'tv');
    const figures = await repos().report.figures(
      new Date('2033-05-01T00:00:00Z'),
      new Date('2033-06-01T00:00:00Z'),
      SLA,
      new Date('2033-06-01T00:00:00Z'),
    );
    expect(figures.guidance.pending).toBe(1);
    expect(figures.solvedWithoutVisitRate).toBeNull();
  });
});
