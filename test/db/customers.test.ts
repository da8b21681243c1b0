import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ERASED_TEXT } from '../../core/index.ts';
import { createRepositories } from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import { describeOnDatabases, uniqueTelegramId } from '../support/db.ts';
import { day, newTicket } from './fixtures.ts';

const at = new Date('2024-03-14T02:00:00Z');
const later = new Date('2024-04-01T00:00:00Z');
const member = (telegramUserId: number) => ({
  telegramUserId,
  displayName: '',
  username: null,
  locale: null,
  active: true,
});

describeOnDatabases('customer, transcript and staff repositories', (database) => {
  const repos = () => createRepositories(database().handle.db);
  const jobsWhere = async (condition: ReturnType<typeof sql>) =>
    rowsOf<{ id: string; kind: string; payload: Record<string, unknown> }>(
      await database().handle.db.execute(
        sql`select id, kind, payload from jobs where ${condition}`,
      ),
    );
  const jobsAbout = (ticketId: string) => jobsWhere(sql`payload->>'ticketId' = ${ticketId}`);
  const jobsOfKind = (kind: string) => jobsWhere(sql`kind = ${kind}`);

  describe('customers', () => {
    it('creates a customer on first contact and finds the same one afterwards', async () => {
      const telegramId = uniqueTelegramId();
      const first = await repos().customers.ensure(telegramId, 'en', at);
      const again = await repos().customers.ensure(telegramId, 'zh-Hans', later);
      expect(again).toEqual(first);
      expect(first).toMatchObject({
        telegramUserId: telegramId,
        language: 'en',
        name: null,
        erasedAt: null,
        blockedAt: null,
      });
      expect(await repos().customers.findByTelegramId(telegramId)).toEqual(first);
    });

    it('keeps a Telegram user id above 2^31 exactly', async () => {
      const telegramId = 7_123_456_789;
      const customer = await repos().customers.ensure(telegramId, 'en', at);
      expect((await repos().customers.findById(customer.id))?.telegramUserId).toBe(telegramId);
    });

    it('updates only the contact fields given, and the language', async () => {
      const { id } = await repos().customers.ensure(uniqueTelegramId(), 'en', at);
      await repos().customers.updateContact(id, { name: 'Li Lei', phone: '13900139000' });
      await repos().customers.updateContact(id, { address: '1 Nanjing Rd' });
      await repos().customers.setLanguage(id, 'zh-Hant');
      expect(await repos().customers.findById(id)).toMatchObject({
        name: 'Li Lei',
        phone: '13900139000',
        address: '1 Nanjing Rd',
        language: 'zh-Hant',
      });
    });
  });

  describe('blocking', () => {
    it('records when a customer blocked the bot, keeps the first instant, and clears it', async () => {
      const { customers } = repos();
      const telegramId = uniqueTelegramId();
      const { id } = await customers.ensure(telegramId, 'en', at);
      await customers.setBlocked(telegramId, true, at);
      await customers.setBlocked(telegramId, true, later);
      expect((await customers.findById(id))?.blockedAt).toEqual(at);
      await customers.setBlocked(telegramId, false, later);
      expect((await customers.findById(id))?.blockedAt).toBeNull();
      await customers.setBlocked(telegramId, true, later);
      expect((await customers.findByTelegramId(telegramId))?.blockedAt).toEqual(later);
    });

    it('ignores an unknown Telegram user and touches no other customer', async () => {
      const { customers } = repos();
      const telegramId = uniqueTelegramId();
      const { id } = await customers.ensure(telegramId, 'en', at);
      const stranger = uniqueTelegramId();
      await expect(customers.setBlocked(stranger, true, at)).resolves.toBeUndefined();
      expect((await customers.findById(id))?.blockedAt).toBeNull();
      expect(await customers.findByTelegramId(stranger)).toBeUndefined();
    });
  });

  describe('erasure', () => {
    it("erases a customer's personal data (rating comments too) and keeps the anonymous ticket figures", async () => {
      const { customers, tickets, transcript, guidance } = repos();
      const telegramId = uniqueTelegramId();
      const { id } = await customers.ensure(telegramId, 'zh-Hans', at);
      await customers.updateContact(id, { name: '王小明', phone: '13800138000', address: '上海' });
      const { ticket } = await tickets.create(newTicket(id), {
        idempotencyKey: `erase:${id}`,
        day: day('2024-03-14'),
        at,
        actor: { kind: 'customer', customerId: id },
      });
      await tickets.appendEvent(ticket.id, {
        at,
        actor: { kind: 'staff', staffId: 5 },
        type: 'note',
        payload: { text: 'customer 王小明 prefers calls after 5pm' },
      });
      await tickets.apply(ticket.id, { type: 'take', staffId: 5 }, at);
      await tickets.apply(ticket.id, { type: 'resolve', staffId: 5, resolution: 'repaired' }, at);
      const { ratings } = repos();
      await ratings.request(ticket.id, at);
      await ratings.rate(ticket.id, 5, at);
      await ratings.comment(ticket.id, '王小明: the engineer was quick', at);
      await transcript.append({
        customerId: id,
        ticketId: null,
        direction: 'in',
        text: '我叫王小明',
        at,
      });
      await transcript.append({
        customerId: id,
        ticketId: ticket.id,
        direction: 'out',
        text: '好的',
        at,
      });

      const guided = await guidance.open(
        {
          customerId: id,
          chatId: 42,
          locale: 'zh-Hans',
          category: 'refrigerator',
          symptomId: 'refrigerator.not-cooling',
          description: '王小明家的冰箱不冷',
          checkBackAt: later,
        },
        at,
      );
      await guidance.recordOutcome(guided.id, 'working', at);

      const summary = await customers.erase(id, later);
      expect(summary).toEqual({
        customerId: id,
        tickets: 1,
        cancelledTickets: 0,
        transcriptEntries: 2,
        products: 1,
        guidanceCases: 1,
        staffTopics: 0,
      });

      const erased = await customers.findById(id);
      expect(erased).toMatchObject({ name: null, phone: null, address: null, erasedAt: later });
      // The Telegram user id is gone: a random negative number stands in, and the same user
      // writing again is a new customer.
      expect(erased?.telegramUserId).toBeLessThan(0);
      expect(await customers.findByTelegramId(telegramId)).toBeUndefined();
      expect((await customers.ensure(telegramId, 'en', later)).id).not.toBe(id);
      const kept = await tickets.get(ticket.id);
      expect(kept?.number).toMatch(/^ERASED-[0-9A-F]{12}$/);
      expect(await tickets.getByNumber(ticket.number)).toBeUndefined();
      expect(kept).toMatchObject({
        state: 'resolved',
        priority: 'normal',
        category: 'refrigerator',
        triage: ticket.triage,
        // The verdict stays; the dates that would give the purchase date away go.
        warranty: {
          covered: true,
          remedies: ['repair'],
          charge: 'none',
          clauses: [{ id: 'whole-unit-term', months: 12 }],
        },
        createdAt: ticket.createdAt,
        closedAt: at,
        description: null,
        resolution: 'repaired',
        contact: { name: null, phone: null, address: null },
      });
      expect(await ratings.get(ticket.id)).toMatchObject({ score: 5, comment: null });
      const product = await tickets.getProduct(ticket.productId ?? '');
      expect(product).toMatchObject({
        category: 'refrigerator',
        modelNumber: null,
        purchaseDate: null,
        productionDate: null,
        proofPhotoFileIds: [],
      });
      expect(await transcript.list(id)).toEqual([]);
      const history = await tickets.history(ticket.id);
      expect(history.map((e) => e.type)).toEqual(['created', 'note', 'taken', 'resolved']);
      expect(JSON.stringify(history)).not.toContain('王小明');
      expect(await guidance.get(guided.id)).toEqual({
        ...guided,
        chatId: erased?.telegramUserId,
        description: ERASED_TEXT,
        outcome: 'working',
        outcomeAt: at,
      });
    });

    it('cancels an open ticket and its pending jobs, and hands its staff topic to an erase job', async () => {
      const { customers, tickets, jobs, relay } = repos();
      const { id } = await customers.ensure(uniqueTelegramId(), 'en', at);
      const { ticket } = await tickets.create(newTicket(id), {
        idempotencyKey: `erase-open:${id}`,
        day: day('2024-03-14'),
        at,
        actor: { kind: 'customer', customerId: id },
        jobs: [{ kind: 'staff-contact-alert', key: `alert:${id}`, dueAt: later, payload: {} }],
      });
      await tickets.apply(ticket.id, { type: 'take', staffId: 5 }, at);
      const window = {
        start: new Date('2024-03-15T01:00:00Z'),
        end: new Date('2024-03-15T03:00:00Z'),
      };
      await tickets.apply(ticket.id, { type: 'schedule', staffId: 5, window }, at, {
        jobs: [
          {
            kind: 'visit-reminder',
            key: `visit:${id}:${window.start.toISOString()}`,
            dueAt: later,
            payload: { ticketId: ticket.id, start: window.start.toISOString() },
          },
        ],
      });
      const staffChat = -100999;
      await tickets.linkTopic({ ticketId: ticket.id, chatId: staffChat, topicId: 77 });
      await tickets.setTopicCard(ticket.id, 78);
      await relay.record(
        [
          {
            ticketId: ticket.id,
            direction: 'to_staff',
            sourceChatId: 1,
            sourceMessageId: 5,
            targetChatId: staffChat,
            targetMessageId: 79,
          },
          {
            ticketId: ticket.id,
            direction: 'to_customer',
            sourceChatId: staffChat,
            sourceMessageId: 80,
            targetChatId: 1,
            targetMessageId: 6,
          },
        ],
        at,
      );

      const summary = await customers.erase(id, later);
      expect(summary).toMatchObject({ tickets: 1, cancelledTickets: 1, staffTopics: 1 });

      const erased = await tickets.get(ticket.id);
      expect(erased).toMatchObject({ state: 'cancelled', closedAt: later, visitWindow: null });
      const history = await tickets.history(ticket.id);
      expect(history.at(-1)).toMatchObject({
        type: 'cancelled',
        payload: { from: 'scheduled', reason: 'erased' },
      });
      // No window, number or topic in any event; the state changes stay.
      expect(history.map((e) => e.payload)).toEqual([
        { priority: 'normal', category: 'refrigerator' },
        { from: 'open' },
        { from: 'taken' },
        { from: 'scheduled', reason: 'erased' },
      ]);
      expect(await tickets.topicOf(ticket.id)).toBeUndefined();
      expect(await relay.copiesOf(1, 5)).toEqual([]);

      const alert = await jobs.get(
        (await jobsAbout(ticket.id)).find((j) => j.kind === 'staff-contact-alert')?.id ?? '',
      );
      expect(alert).toMatchObject({
        state: 'cancelled',
        key: null,
        payload: { ticketId: ticket.id },
      });
      const reminder = await jobs.get(
        (await jobsAbout(ticket.id)).find((j) => j.kind === 'visit-reminder')?.id ?? '',
      );
      expect(reminder).toMatchObject({
        state: 'cancelled',
        key: null,
        payload: { ticketId: ticket.id },
      });
      const [erase] = await jobsOfKind('erase-staff-messages');
      expect(erase?.payload).toEqual({
        chatId: staffChat,
        topicId: 77,
        cardMessageId: 78,
        // The bot's copy (79), not the staff's own message (80): without the right to delete
        // messages only the bot's own may be deleted, and with it the topic goes whole.
        messageIds: [79],
        number: ticket.number,
        cancelled: true,
        // The booked visit it calls off, and its holder: a time and a staff id, for the notice.
        visit: { start: window.start.toISOString(), end: window.end.toISOString(), holderId: 5 },
      });
    });

    it('an open ticket with only the preferred window: cancelled, and no visit is said to be called off (review11 F1)', async () => {
      const { customers, tickets } = repos();
      const { id } = await customers.ensure(uniqueTelegramId(), 'en', at);
      // The customer's wish, filed with the ticket: nobody has taken it, nothing is booked.
      const visitWindow = {
        start: new Date('2024-03-15T00:00:00Z'),
        end: new Date('2024-03-15T02:00:00Z'),
      };
      const { ticket } = await tickets.create(
        { ...newTicket(id), visitWindow },
        {
          idempotencyKey: `erase-preferred:${id}`,
          day: day('2024-03-14'),
          at,
          actor: { kind: 'customer', customerId: id },
        },
      );
      expect(ticket).toMatchObject({ state: 'open', visitWindow });
      await tickets.linkTopic({ ticketId: ticket.id, chatId: -100998, topicId: 91 });

      expect(await customers.erase(id, later)).toMatchObject({ cancelledTickets: 1 });
      const erase = (await jobsOfKind('erase-staff-messages')).find(
        (job) => job.payload.number === ticket.number,
      );
      expect(erase?.payload).toMatchObject({ topicId: 91, cancelled: true });
      expect(erase?.payload).not.toHaveProperty('visit');
    });

    it('answers undefined when erasing an unknown customer', async () => {
      expect(
        await repos().customers.erase('00000000-0000-4000-8000-000000000001', at),
      ).toBeUndefined();
    });
  });

  describe('transcript', () => {
    it('lists a conversation oldest first, the latest entries when limited, and per ticket', async () => {
      const { customers, transcript, tickets } = repos();
      const { id } = await customers.ensure(uniqueTelegramId(), 'en', at);
      const { ticket } = await tickets.create(newTicket(id), {
        idempotencyKey: `transcript:${id}`,
        day: day('2024-03-14'),
        at,
        actor: { kind: 'system' },
      });
      for (const [i, text] of ['hello', 'fridge is warm', 'ticket filed'].entries()) {
        await transcript.append({
          customerId: id,
          ticketId: i === 2 ? ticket.id : null,
          direction: i === 2 ? 'out' : 'in',
          text,
          at: new Date(at.getTime() + i * 1000),
        });
      }
      expect((await transcript.list(id)).map((e) => e.text)).toEqual([
        'hello',
        'fridge is warm',
        'ticket filed',
      ]);
      expect((await transcript.list(id, { limit: 2 })).map((e) => e.text)).toEqual([
        'fridge is warm',
        'ticket filed',
      ]);
      expect((await transcript.list(id, { ticketId: ticket.id })).map((e) => e.direction)).toEqual([
        'out',
      ]);
    });

    it("writes a ticket's line (locking the ticket first) as it was given, and returns it", async () => {
      const { customers, transcript, tickets } = repos();
      const { id } = await customers.ensure(uniqueTelegramId(), 'en', at);
      const { ticket } = await tickets.create(newTicket(id), {
        idempotencyKey: `transcript-ticket:${id}`,
        day: day('2024-03-14'),
        at,
        actor: { kind: 'system' },
      });
      const entry = {
        customerId: id,
        ticketId: ticket.id,
        direction: 'staff' as const,
        text: 'Coming Tuesday',
        at: new Date(at.getTime() + 5_000),
      };
      const written = await transcript.append(entry);
      expect(written).toEqual({ id: expect.any(Number), ...entry });
      expect(await transcript.list(id, { ticketId: ticket.id })).toEqual([written]);
    });

    it("writes a turn's message and its replies in one write, in their order, at one time", async () => {
      const { customers, transcript } = repos();
      const { id } = await customers.ensure(uniqueTelegramId(), 'en', at);
      const entries = ['the fridge is warm', 'Sorry to hear that.', 'Is the light on?'].map(
        (text, i) => ({
          customerId: id,
          ticketId: null,
          direction: i === 0 ? ('in' as const) : ('out' as const),
          text,
          at,
        }),
      );
      await transcript.appendAll(entries);
      await transcript.appendAll([]);
      expect(
        (await transcript.list(id)).map(({ direction, text, at }) => ({ direction, text, at })),
      ).toEqual(entries.map(({ direction, text, at }) => ({ direction, text, at })));
    });
  });

  describe('staff', () => {
    it('adds, renames and deactivates staff members by Telegram user id', async () => {
      const { staff } = repos();
      await staff.upsert({ ...member(501), displayName: 'Zhang' });
      await staff.upsert({ ...member(502), displayName: 'Chen' });
      await staff.upsert({ ...member(501), displayName: 'Zhang Wei', active: false });
      expect(await staff.isActive(501)).toBe(false);
      expect(await staff.isActive(502)).toBe(true);
      expect(await staff.isActive(503)).toBe(false);
      expect(await staff.list()).toEqual([
        { ...member(501), displayName: 'Zhang Wei', active: false },
        { ...member(502), displayName: 'Chen' },
      ]);
    });
  });
});
