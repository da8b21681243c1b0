import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Actor, CreateTicketOptions } from '../../core/index.ts';
import { createRepositories, StorageError } from '../../db/index.ts';
import { describeOnDatabases, uniqueTelegramId } from '../support/db.ts';
import { day, newTicket, WARRANTY } from './fixtures.ts';

const at = new Date('2024-03-14T02:00:00Z');
const system: Actor = { kind: 'system' };
let keys = 0;
const key = () => `intake:${process.pid}:${++keys}`;

describeOnDatabases('ticket repository', (database) => {
  const repos = () => createRepositories(database().handle.db);
  const customer = () => repos().customers.ensure(uniqueTelegramId(), 'zh-Hans', at);
  const count = async (table: string) => {
    const result = await database().handle.db.execute(
      sql.raw(`select count(*) as n from ${table}`),
    );
    return Number((result as unknown as { rows: { n: string }[] }).rows[0]?.n);
  };

  describe('creation', () => {
    it('files a ticket numbered FL-YYMMDD-NNNN with its product, first event and jobs', async () => {
      const { id: customerId } = await customer();
      const { ticket, created } = await repos().tickets.create(newTicket(customerId), {
        idempotencyKey: key(),
        day: day('2031-01-05'),
        at,
        actor: { kind: 'customer', customerId },
        jobs: [
          {
            kind: 'contact-alert',
            key: key(),
            dueAt: new Date(at.getTime() + 1_800_000),
            payload: {},
          },
        ],
      });
      expect(created).toBe(true);
      expect(ticket.number).toBe('FL-310105-0001');
      expect(ticket).toMatchObject({
        state: 'open',
        customerId,
        warranty: WARRANTY,
        assigneeId: null,
      });
      expect(ticket.contact.phone).toBe('13800138000');
      const product = await repos().tickets.getProduct(ticket.productId ?? '');
      expect(product).toMatchObject({ modelNumber: 'BCD-470WDPG', purchaseDate: '2024-01-02' });
      const history = await repos().tickets.history(ticket.id);
      expect(history.map((e) => e.type)).toEqual(['created']);
      expect(history[0]?.payload).toEqual({
        number: ticket.number,
        priority: 'normal',
        category: 'refrigerator',
      });
    });

    it('files in one statement what reads back as filed: the ticket, its product and its first event', async () => {
      const { id: customerId } = await customer();
      const start = new Date('2031-02-03T01:00:00Z');
      const filings = [
        newTicket(customerId, {
          visitWindow: { start, end: new Date(start.getTime() + 7_200_000) },
          contactDueAt: new Date(at.getTime() + 3_600_000),
          kind: 'question',
          priority: 'urgent',
        }),
        newTicket(customerId, {
          product: null,
          category: null,
          description: null,
          contact: { name: null, phone: null, address: null },
          triage: null,
          warranty: null,
        }),
      ];
      for (const input of filings) {
        const { ticket } = await repos().tickets.create(input, {
          idempotencyKey: key(),
          day: day('2031-02-03'),
          at,
          actor: { kind: 'customer', customerId },
        });
        expect(await repos().tickets.get(ticket.id)).toEqual(ticket);
        expect(ticket).toMatchObject({
          kind: input.kind ?? 'fault',
          priority: input.priority,
          category: input.category,
          description: input.description,
          contact: input.contact,
          triage: input.triage,
          warranty: input.warranty,
          visitWindow: input.visitWindow,
          contactDueAt: input.contactDueAt ?? null,
          createdAt: at,
          updatedAt: at,
          closedAt: null,
        });
        if (input.product) {
          const product = await repos().tickets.getProduct(ticket.productId ?? '');
          expect(product).toEqual({
            ...input.product,
            id: ticket.productId,
            customerId,
            createdAt: at,
          });
        } else expect(ticket.productId).toBeNull();
        const [event] = await repos().tickets.history(ticket.id);
        expect(event).toMatchObject({
          at,
          actor: { kind: 'customer', customerId },
          payload: JSON.parse(
            JSON.stringify({
              number: ticket.number,
              priority: input.priority,
              category: input.category,
            }),
          ),
        });
      }
    });

    it('writes the events asked to follow `created` in order, only when it files the ticket', async () => {
      const { id: customerId } = await customer();
      const options: CreateTicketOptions = {
        idempotencyKey: key(),
        day: day('2031-03-05'),
        at,
        actor: { kind: 'customer', customerId },
        events: [
          { type: 'intake_pending', payload: {} },
          { type: 'note', payload: { text: 'second' } },
        ],
      };
      const { ticket } = await repos().tickets.create(newTicket(customerId), options);
      const again = await repos().tickets.create(newTicket(customerId), options);
      expect(again).toEqual({ ticket, created: false });
      const history = await repos().tickets.history(ticket.id);
      expect(history.map((e) => [e.type, e.payload, e.at, e.actor])).toEqual([
        [
          'created',
          { number: ticket.number, priority: 'normal', category: 'refrigerator' },
          at,
          options.actor,
        ],
        ['intake_pending', {}, at, options.actor],
        ['note', { text: 'second' }, at, options.actor],
      ]);
    });

    it('numbers past 9999 a day with all their digits', async () => {
      const { id } = await customer();
      await database().handle.db.execute(
        sql`insert into ticket_counters (day, last_sequence) values ('2031-03-04', 9999)`,
      );
      const { ticket } = await repos().tickets.create(newTicket(id), {
        idempotencyKey: key(),
        day: day('2031-03-04'),
        at,
        actor: system,
      });
      expect(ticket.number).toBe('FL-310304-10000');
    });

    it('numbers tickets per filing day, starting again at 0001 on the next day', async () => {
      const { id } = await customer();
      const file = (d: string) =>
        repos().tickets.create(newTicket(id), {
          idempotencyKey: key(),
          day: day(d),
          at,
          actor: system,
        });
      const numbers = [];
      for (const d of ['2032-02-28', '2032-02-28', '2032-02-29', '2032-02-28']) {
        numbers.push((await file(d)).ticket.number);
      }
      expect(numbers).toEqual([
        'FL-320228-0001',
        'FL-320228-0002',
        'FL-320229-0001',
        'FL-320228-0003',
      ]);
    });

    it('gives 25 tickets filed at once on one day 25 distinct consecutive numbers', async () => {
      const { id } = await customer();
      const results = await Promise.all(
        Array.from({ length: 25 }, () =>
          repos().tickets.create(newTicket(id), {
            idempotencyKey: key(),
            day: day('2033-07-01'),
            at,
            actor: system,
          }),
        ),
      );
      const numbers = results.map((r) => r.ticket.number).sort();
      expect(numbers).toEqual(
        Array.from({ length: 25 }, (_, i) => `FL-330701-${String(i + 1).padStart(4, '0')}`),
      );
    });

    it('returns the same ticket for a retried creation with the same idempotency key', async () => {
      const { id } = await customer();
      const options = { idempotencyKey: key(), day: day('2034-01-01'), at, actor: system };
      const first = await repos().tickets.create(newTicket(id), options);
      const tables = ['tickets', 'ticket_events', 'product_reports', 'jobs'];
      const before = await Promise.all(tables.map(count));
      const retry = await repos().tickets.create(
        newTicket(id, { description: 'changed' }),
        options,
      );
      expect(retry).toEqual({ ticket: first.ticket, created: false });
      // Nothing written again, and the day's number not taken.
      expect(await Promise.all(tables.map(count))).toEqual(before);
      const next = await repos().tickets.create(newTicket(id), {
        ...options,
        idempotencyKey: key(),
      });
      expect(next.ticket.number).toBe('FL-340101-0002');
    });

    it('files one ticket when ten retries with the same key race each other', async () => {
      const { id } = await customer();
      const options = { idempotencyKey: key(), day: day('2035-01-01'), at, actor: system };
      const results = await Promise.all(
        Array.from({ length: 10 }, () => repos().tickets.create(newTicket(id), options)),
      );
      expect(new Set(results.map((r) => r.ticket.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect((await repos().tickets.listByCustomer(id)).length).toBe(1);
      // The losers rolled back their counter increment: the next ticket that day is 0002.
      const next = await repos().tickets.create(newTicket(id), {
        ...options,
        idempotencyKey: key(),
      });
      expect(next.ticket.number).toBe('FL-350101-0002');
    });

    it('leaves no half ticket when a step of the creation fails: no row, event, product, job or number', async () => {
      const { id } = await customer();
      const before = await Promise.all(
        ['tickets', 'ticket_events', 'product_reports', 'jobs', 'ticket_counters'].map(count),
      );
      // jsonb rejects \u0000: the job insert (the last step) fails after the ticket and event rows.
      const broken = { kind: 'contact-alert', dueAt: at, payload: { bad: 'nul\u0000byte' } };
      const attempt = repos().tickets.create(newTicket(id), {
        idempotencyKey: key(),
        day: day('2036-01-01'),
        at,
        actor: system,
        jobs: [broken],
      });
      await expect(attempt).rejects.toBeInstanceOf(StorageError);
      await expect(attempt).rejects.toMatchObject({ operation: 'tickets.create' });
      const after = await Promise.all(
        ['tickets', 'ticket_events', 'product_reports', 'jobs', 'ticket_counters'].map(count),
      );
      expect(after).toEqual(before);
    });

    it('schedules nothing twice when a job key in the creation is already taken', async () => {
      const { id } = await customer();
      const jobKey = key();
      const job = { kind: 'contact-alert', key: jobKey, dueAt: at, payload: { n: 1 } };
      await repos().jobs.enqueue(job, at);
      await repos().tickets.create(newTicket(id), {
        idempotencyKey: key(),
        day: day('2037-01-01'),
        at,
        actor: system,
        jobs: [{ ...job, payload: { n: 2 } }],
      });
      expect((await repos().jobs.findByKey(jobKey))?.payload).toEqual({ n: 1 });
    });

    it('tells the jobs filed with a ticket its id and number, keeping their payload and keys', async () => {
      const { id } = await customer();
      const alertKey = key();
      const kind = `unkeyed-${alertKey}`;
      const { ticket } = await repos().tickets.create(newTicket(id), {
        idempotencyKey: key(),
        day: day('2037-02-01'),
        at,
        actor: system,
        jobs: [
          { kind: 'staff-contact-alert', key: alertKey, dueAt: at, payload: { reportedAt: 'x' } },
          { kind, dueAt: at, payload: { ticketId: 'stale', n: 3 } },
        ],
      });
      const keyed = await repos().jobs.findByKey(alertKey);
      expect(keyed?.payload).toEqual({
        reportedAt: 'x',
        ticketId: ticket.id,
        ticketNumber: ticket.number,
      });
      const result = await database().handle.db.execute(
        sql`select key, payload from jobs where kind = ${kind}`,
      );
      expect((result as unknown as { rows: unknown[] }).rows).toEqual([
        { key: null, payload: { n: 3, ticketId: ticket.id, ticketNumber: ticket.number } },
      ]);
    });
  });

  describe('a hazard filed at the report, completed by its intake', () => {
    it('fills in the details once, keeping the number, priority, state and contact deadline', async () => {
      const { id: customerId } = await customer();
      const dueAt = new Date(at.getTime() + 1_800_000);
      const { ticket } = await repos().tickets.create(
        newTicket(customerId, {
          priority: 'urgent',
          category: null,
          description: 'smoke from the back',
          contact: { name: null, phone: null, address: null },
          triage: { label: 'hazard', category: null, symptomId: null },
          warranty: null,
          product: null,
          contactDueAt: dueAt,
        }),
        { idempotencyKey: key(), day: day('2039-01-01'), at, actor: system },
      );
      // Not filed at a hazard report: nothing to complete.
      const later = new Date(at.getTime() + 600_000);
      const actor: Actor = { kind: 'customer', customerId };
      expect(
        await repos().tickets.completeIntake(ticket.id, newTicket(customerId), later, actor),
      ).toBe(undefined);
      await repos().tickets.appendEvent(ticket.id, {
        at,
        actor,
        type: 'intake_pending',
        payload: {},
      });
      const jobKey = key();
      const done = await repos().tickets.completeIntake(
        ticket.id,
        newTicket(customerId, { priority: 'normal' }),
        later,
        actor,
        { jobs: [{ kind: 'staff-intake-completed', key: jobKey, dueAt: later, payload: {} }] },
      );
      expect(done).toMatchObject({
        id: ticket.id,
        number: ticket.number,
        priority: 'urgent',
        state: 'open',
        category: 'refrigerator',
        contact: { name: '王小明', phone: '13800138000' },
        contactDueAt: dueAt,
      });
      const product = await repos().tickets.getProduct(done?.productId ?? '');
      expect(product).toMatchObject({ modelNumber: 'BCD-470WDPG' });
      expect((await repos().jobs.findByKey(jobKey))?.payload).toMatchObject({
        ticketId: ticket.id,
      });
      // Confirmed again (a retried turn): completed already, nothing changes.
      expect(
        await repos().tickets.completeIntake(ticket.id, newTicket(customerId), later, actor),
      ).toBe(undefined);
      const history = await repos().tickets.history(ticket.id);
      expect(history.map((e) => e.type)).toEqual(['created', 'intake_pending', 'intake_completed']);
    });
  });

  describe('a contact given while a hazard ticket’s intake is pending (review10 H4)', () => {
    it('is written at once, only while the intake is pending, with an event that carries no detail', async () => {
      const { id: customerId } = await customer();
      const filingKey = key();
      const { ticket } = await repos().tickets.create(
        newTicket(customerId, {
          priority: 'urgent',
          contact: { name: null, phone: null, address: null },
          product: null,
        }),
        {
          idempotencyKey: filingKey,
          day: day('2039-02-01'),
          at,
          actor: system,
          events: [{ type: 'intake_pending', payload: {} }],
        },
      );
      const actor: Actor = { kind: 'customer', customerId };
      const later = new Date(at.getTime() + 60_000);
      const jobKey = key();
      const added = await repos().tickets.addPendingContact(
        filingKey,
        { name: null, phone: '+8613900139000', address: null },
        later,
        actor,
        { jobs: [{ kind: 'staff-intake-completed', key: jobKey, dueAt: later, payload: {} }] },
      );
      expect(added).toMatchObject({ id: ticket.id, contact: { phone: '+8613900139000' } });
      expect((await repos().jobs.findByKey(jobKey))?.payload).toMatchObject({
        ticketId: ticket.id,
      });
      // A later answer adds to it; a field not given keeps what the ticket has.
      await repos().tickets.addPendingContact(
        filingKey,
        { name: '李燕', phone: null, address: null },
        later,
        actor,
      );
      expect((await repos().tickets.get(ticket.id))?.contact).toMatchObject({
        name: '李燕',
        phone: '+8613900139000',
      });
      // No such ticket, or its intake completed: nothing is written.
      expect(
        await repos().tickets.addPendingContact(
          key(),
          { name: 'x', phone: null, address: null },
          later,
          actor,
        ),
      ).toBeUndefined();
      await repos().tickets.completeIntake(ticket.id, newTicket(customerId), later, actor);
      expect(
        await repos().tickets.addPendingContact(
          filingKey,
          { name: null, phone: '+8613700137000', address: null },
          later,
          actor,
        ),
      ).toBeUndefined();
      const history = await repos().tickets.history(ticket.id);
      expect(history.map((e) => e.type)).toEqual([
        'created',
        'intake_pending',
        'contact_added',
        'contact_added',
        'intake_completed',
      ]);
      expect(JSON.stringify(history)).not.toMatch(/139001|李燕/);
    });
  });

  describe('lifecycle', () => {
    const file = async () => {
      const { id } = await customer();
      const { ticket } = await repos().tickets.create(newTicket(id), {
        idempotencyKey: key(),
        day: day('2038-01-01'),
        at,
        actor: system,
      });
      return ticket;
    };

    it('records take, schedule and resolve as events, replayable in order', async () => {
      const ticket = await file();
      const window = {
        start: new Date('2024-03-15T01:00:00Z'),
        end: new Date('2024-03-15T03:00:00Z'),
      };
      const t1 = new Date(at.getTime() + 60_000);
      const taken = await repos().tickets.apply(ticket.id, { type: 'take', staffId: 42 }, t1);
      expect(taken).toMatchObject({ ok: true, value: { state: 'taken', assigneeId: 42 } });
      const scheduled = await repos().tickets.apply(
        ticket.id,
        { type: 'schedule', staffId: 42, window },
        t1,
      );
      expect(scheduled).toMatchObject({
        ok: true,
        value: { state: 'scheduled', visitWindow: window },
      });
      const resolved = await repos().tickets.apply(
        ticket.id,
        { type: 'resolve', staffId: 42, resolution: 'repaired' },
        t1,
      );
      expect(resolved).toMatchObject({ ok: true, value: { state: 'resolved', closedAt: t1 } });
      const history = await repos().tickets.history(ticket.id);
      expect(history.map((e) => [e.type, e.payload.from ?? null])).toEqual([
        ['created', null],
        ['taken', 'open'],
        ['scheduled', 'taken'],
        ['resolved', 'scheduled'],
      ]);
      expect(history[1]?.actor).toEqual({ kind: 'staff', staffId: 42 });
    });

    it('refuses a step the lifecycle does not allow and records no event', async () => {
      const ticket = await file();
      const result = await repos().tickets.apply(ticket.id, { type: 'release', staffId: 7 }, at);
      expect(result).toEqual({ ok: false, code: 'TICKET.NOT_TAKEN' });
      expect((await repos().tickets.history(ticket.id)).length).toBe(1);
      expect((await repos().tickets.get(ticket.id))?.state).toBe('open');
    });

    it('lets exactly one of two staff members racing to take a ticket have it', async () => {
      const ticket = await file();
      const results = await Promise.all([
        repos().tickets.apply(ticket.id, { type: 'take', staffId: 1 }, at),
        repos().tickets.apply(ticket.id, { type: 'take', staffId: 2 }, at),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'TICKET.ALREADY_TAKEN' }]);
    });

    it('answers TICKET.NOT_FOUND for an unknown id', async () => {
      const result = await repos().tickets.apply(
        '00000000-0000-4000-8000-000000000000',
        { type: 'take', staffId: 1 },
        at,
      );
      expect(result).toEqual({ ok: false, code: 'TICKET.NOT_FOUND' });
    });

    it('cancels the pending jobs a cancellation makes pointless, in the same step', async () => {
      const ticket = await file();
      const alert = key();
      await repos().jobs.enqueue({ kind: 'contact-alert', key: alert, dueAt: at, payload: {} }, at);
      const result = await repos().tickets.apply(
        ticket.id,
        {
          type: 'cancel',
          actor: { kind: 'customer', customerId: ticket.customerId },
          reason: null,
        },
        at,
        { cancelJobKeys: [alert] },
      );
      expect(result.ok).toBe(true);
      expect((await repos().jobs.findByKey(alert))?.state).toBe('cancelled');
    });
  });

  describe('queries', () => {
    it('lists the repairs in progress with their current opening (the latest reopening, the latest loaner reminder), questions and closed ones left out', async () => {
      const { id } = await customer();
      const t0 = new Date('2040-01-01T00:00:00Z');
      const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
      const make = async (overrides: Parameters<typeof newTicket>[1] = {}) =>
        (
          await repos().tickets.create(newTicket(id, overrides), {
            idempotencyKey: key(),
            day: day('2040-01-01'),
            at: t0,
            actor: system,
          })
        ).ticket;
      const fresh = await make();
      const reopened = await make();
      const closed = await make();
      const question = await make({ kind: 'question' });
      const tickets = repos().tickets;
      await tickets.appendEvent(reopened.id, {
        at: later(24),
        actor: system,
        type: 'loaner_due',
        payload: {},
      });
      await tickets.apply(reopened.id, { type: 'take', staffId: 7 }, later(25));
      await tickets.apply(
        reopened.id,
        { type: 'resolve', staffId: 7, resolution: 'repaired' },
        later(26),
      );
      await tickets.apply(reopened.id, { type: 'reopen', staffId: 7 }, later(30));
      await tickets.apply(
        closed.id,
        { type: 'cancel', actor: system, reason: 'cancelled' },
        later(1),
      );

      const listed = new Map(
        (await tickets.listOpenRepairs()).map(({ ticket, opening }) => [ticket.id, opening]),
      );
      expect(listed.get(fresh.id)).toEqual({ openedAt: t0, remindedAt: null });
      expect(listed.get(reopened.id)).toEqual({ openedAt: later(30), remindedAt: later(24) });
      expect(listed.has(closed.id)).toBe(false);
      expect(listed.has(question.id)).toBe(false);
    });

    it('lists the staff queue urgent first, then oldest first', async () => {
      const { id } = await customer();
      const make = async (priority: 'normal' | 'urgent', minutes: number) =>
        (
          await repos().tickets.create(newTicket(id, { priority }), {
            idempotencyKey: key(),
            day: day('2039-01-01'),
            at: new Date(Date.UTC(2039, 0, 1, 0, minutes)),
            actor: system,
          })
        ).ticket.number;
      const a = await make('normal', 1);
      const b = await make('urgent', 3);
      const c = await make('normal', 2);
      const queue = await repos().tickets.listByState(['open'], 1000);
      const mine = queue.map((t) => t.number).filter((n) => [a, b, c].includes(n));
      expect(mine).toEqual([b, a, c]);
    });

    it("lists a customer's tickets newest first and finds one by number", async () => {
      const { id } = await customer();
      const numbers = [];
      for (const minute of [1, 2]) {
        const { ticket } = await repos().tickets.create(newTicket(id), {
          idempotencyKey: key(),
          day: day('2040-01-01'),
          at: new Date(Date.UTC(2040, 0, 1, 0, minute)),
          actor: system,
        });
        numbers.push(ticket.number);
      }
      const listed = await repos().tickets.listByCustomer(id);
      expect(listed.map((t) => t.number)).toEqual([...numbers].reverse());
      expect((await repos().tickets.getByNumber(numbers[0] ?? ''))?.customerId).toBe(id);
    });

    it('maps a ticket to one staff topic and a topic to one ticket', async () => {
      const { id } = await customer();
      const file = async () =>
        (
          await repos().tickets.create(newTicket(id), {
            idempotencyKey: key(),
            day: day('2041-01-01'),
            at,
            actor: system,
          })
        ).ticket;
      const [one, two] = [await file(), await file()];
      const topic = { ticketId: one.id, chatId: -1001234567890, topicId: 77 };
      const linked = { ...topic, cardMessageId: null };
      expect(await repos().tickets.linkTopic(topic)).toEqual({ ok: true, value: linked });
      expect(await repos().tickets.linkTopic(topic)).toEqual({ ok: true, value: linked });
      expect(await repos().tickets.linkTopic({ ...topic, ticketId: two.id })).toEqual({
        ok: false,
        code: 'TOPIC.ALREADY_LINKED',
      });
      expect(await repos().tickets.linkTopic({ ...topic, topicId: 78 })).toEqual({
        ok: false,
        code: 'TOPIC.ALREADY_LINKED',
      });
      expect((await repos().tickets.findByTopic(topic.chatId, 77))?.id).toBe(one.id);
      expect(await repos().tickets.topicOf(one.id)).toEqual(linked);
      expect(await repos().tickets.findByTopic(topic.chatId, 99)).toBeUndefined();
    });
  });
});
