import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/index.ts';
import { createRepositories } from '../../db/index.ts';
import { describeOnDatabases, uniqueTelegramId } from '../support/db.ts';
import { day, newTicket } from './fixtures.ts';

const at = new Date('2024-03-14T02:00:00Z');
const later = new Date('2024-03-14T02:20:00Z');
const system: Actor = { kind: 'system' };
let keys = 0;

describeOnDatabases('staff-side repositories', (database) => {
  const repos = () => createRepositories(database().handle.db);
  const ticket = async (overrides = {}) => {
    const { id } = await repos().customers.ensure(uniqueTelegramId(), 'en', at);
    const { ticket } = await repos().tickets.create(newTicket(id, overrides), {
      idempotencyKey: `staff-test:${process.pid}:${++keys}`,
      day: day('2042-02-02'),
      at,
      actor: system,
    });
    return ticket;
  };

  describe('tickets', () => {
    it('files a question ticket and a fault ticket by default', async () => {
      expect((await ticket()).kind).toBe('fault');
      expect((await ticket({ kind: 'question' })).kind).toBe('question');
    });

    it('sets the contact deadline once and records the first contact once, cancelling the alerts', async () => {
      const { tickets, jobs } = repos();
      const one = await ticket();
      const due = new Date('2024-03-14T02:30:00Z');
      expect((await tickets.setContactDue(one.id, due))?.contactDueAt).toEqual(due);
      expect((await tickets.setContactDue(one.id, later))?.contactDueAt).toEqual(due);
      const alertKey = `contact-alert:${one.id}:breach`;
      await jobs.enqueue(
        { kind: 'staff-contact-alert', key: alertKey, dueAt: due, payload: {} },
        at,
      );
      const staff: Actor = { kind: 'staff', staffId: 5 };
      expect(await tickets.markContacted(one.id, later, staff, { cancelJobKeys: [alertKey] })).toBe(
        true,
      );
      expect(await tickets.markContacted(one.id, due, staff)).toBe(false);
      expect((await tickets.get(one.id))?.contactedAt).toEqual(later);
      expect((await jobs.findByKey(alertKey))?.state).toBe('cancelled');
      const history = await tickets.history(one.id);
      expect(history.at(-1)).toMatchObject({
        type: 'contacted',
        actor: staff,
        payload: { onTime: true },
      });
    });

    it('moves a ticket to a new topic only from the topic it is on (one recovery wins)', async () => {
      const { tickets } = repos();
      const one = await ticket();
      const chatId = -100555;
      await tickets.linkTopic({ ticketId: one.id, chatId, topicId: 10 });
      await tickets.setTopicCard(one.id, 11);
      expect(await tickets.relinkTopic(one.id, 10, 20)).toEqual({
        ok: true,
        value: { ticketId: one.id, chatId, topicId: 20, cardMessageId: null },
      });
      expect(await tickets.relinkTopic(one.id, 10, 30)).toEqual({
        ok: false,
        code: 'TOPIC.MOVED',
        detail: '20',
      });
      expect((await tickets.findByTopic(chatId, 20))?.id).toBe(one.id);
      expect(await tickets.findByTopic(chatId, 10)).toBeUndefined();
    });

    it('finds tickets by number, phone and model number', async () => {
      const { tickets } = repos();
      const one = await ticket({ contact: { name: 'A', phone: '+8613912345678', address: null } });
      expect((await tickets.search({ number: one.number })).map((t) => t.id)).toEqual([one.id]);
      expect((await tickets.search({ phone: '+8613912345678' })).map((t) => t.id)).toContain(
        one.id,
      );
      expect((await tickets.search({ model: 'bcd-470wdpg' })).map((t) => t.id)).toContain(one.id);
      expect(await tickets.search({ phone: '+10000000000' })).toEqual([]);
    });
  });

  describe('staff members', () => {
    it('records a member on first sight, keeps the username current and finds them by it', async () => {
      const { staff } = repos();
      const id = uniqueTelegramId();
      expect(await staff.seen(id, 'Anna', 'Anna_Service')).toMatchObject({
        displayName: 'Anna',
        username: 'anna_service',
        locale: null,
      });
      await staff.update(id, { displayName: 'Anna L.', locale: 'zh-Hans' });
      expect(await staff.seen(id, 'Anna', 'anna_new')).toMatchObject({
        displayName: 'Anna L.',
        username: 'anna_new',
        locale: 'zh-Hans',
      });
      expect((await staff.findByUsername('@ANNA_NEW'))?.telegramUserId).toBe(id);
      expect(await staff.findByUsername('anna_service')).toBeUndefined();
    });
  });

  describe('relayed messages', () => {
    it('maps a message to its copies and a copy back to its origin', async () => {
      const { relay } = repos();
      const one = await ticket();
      const copy = {
        ticketId: one.id,
        direction: 'to_staff' as const,
        sourceChatId: 777,
        sourceMessageId: 5,
        targetChatId: -100555,
        targetMessageId: 90,
      };
      await relay.record([copy], at);
      await relay.record([copy], at);
      expect(await relay.copiesOf(777, 5)).toEqual([copy]);
      expect(await relay.originOf(-100555, 90)).toEqual(copy);
      expect(await relay.originOf(-100555, 91)).toBeUndefined();
    });
  });

  describe('ratings', () => {
    it('asks once, takes one score from 1 to 5 and one comment after it', async () => {
      const { ratings } = repos();
      const one = await ticket();
      expect(await ratings.rate(one.id, 5, at)).toBe(false);
      expect(await ratings.request(one.id, at)).toBe(true);
      expect(await ratings.request(one.id, later)).toBe(false);
      expect(await ratings.comment(one.id, 'too early', at)).toBe(false);
      expect(await ratings.rate(one.id, 6, at)).toBe(false);
      expect(await ratings.rate(one.id, 4, later)).toBe(true);
      expect(await ratings.rate(one.id, 1, later)).toBe(false);
      expect(await ratings.comment(one.id, 'quick and friendly', later)).toBe(true);
      expect(await ratings.comment(one.id, 'second thoughts', later)).toBe(false);
      expect(await ratings.get(one.id)).toEqual({
        ticketId: one.id,
        requestedAt: at,
        score: 4,
        comment: 'quick and friendly',
        ratedAt: later,
      });
    });
  });

  describe('audit', () => {
    it('keeps refused attempts, newest first', async () => {
      const { audit } = repos();
      const one = await ticket();
      const entry = {
        at,
        telegramUserId: 666,
        chatId: -100555,
        topicId: 10,
        ticketId: one.id,
        action: 'take',
        outcome: 'refused' as const,
        reason: 'STAFF.NOT_STAFF',
      };
      await audit.record(entry);
      await audit.record({ ...entry, at: later, action: 'close', topicId: null, ticketId: null });
      const [newest, older] = await audit.list(2);
      expect(newest).toMatchObject({ action: 'close', ticketId: null });
      expect(older).toEqual(entry);
    });
  });
});
