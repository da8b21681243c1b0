import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  acceptUpdates,
  createRepositories,
  loadVersioned,
  markUpdateHandled,
  readTurn,
  saveVersioned,
} from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import { describeOnDatabases, uniqueTelegramId } from '../support/db.ts';
import { day, newTicket } from './fixtures.ts';

const at = new Date('2024-03-14T02:00:00Z');
const later = new Date('2024-03-14T05:00:00Z');

describeOnDatabases(
  'the turn read: customer, state and check-back in one statement',
  (database) => {
    const db = () => database().handle.db;
    const repos = () => createRepositories(db());
    const read = (
      userId: number,
      options: { language?: string; at?: Date; make?: boolean; updateId?: number } = {},
    ) =>
      readTurn(db(), {
        telegramUserId: userId,
        language: options.language ?? 'zh-Hant',
        key: `conv:${userId}`,
        chatId: userId,
        at: options.at ?? at,
        make: options.make ?? true,
        updateId: options.updateId ?? userId,
      });
    const customerRows = async (userId: number) =>
      rowsOf<{ n: number }>(
        await db().execute(
          sql`select count(*)::int as n from customers where telegram_user_id = ${userId}`,
        ),
      )[0]?.n;
    /** A guided case in the chat, its check-back due at `checkBackAt`. */
    const openCase = async (userId: number, checkBackAt: Date, description = '洗衣機唔入水') => {
      const customer = await repos().customers.ensure(userId, 'zh-Hant', at);
      return repos().guidance.open(
        {
          customerId: customer.id,
          chatId: userId,
          locale: 'zh-Hant',
          category: 'washing_machine',
          symptomId: 'washing_machine.no-water-inlet',
          description,
          checkBackAt,
        },
        at,
      );
    };

    it('makes a new customer on their first message, as ensure does, with no state and no check-back', async () => {
      const userId = uniqueTelegramId();
      const first = await read(userId);
      expect(first).toEqual({
        customer: {
          id: expect.any(String),
          telegramUserId: userId,
          language: 'zh-Hant',
          name: null,
          phone: null,
          address: null,
          createdAt: at,
          erasedAt: null,
          blockedAt: null,
        },
        state: { value: undefined, version: 0 },
        awaiting: undefined,
        waiting: undefined,
        handled: false,
      });
      expect(await repos().customers.findByTelegramId(userId)).toEqual(first.customer);
      expect(await customerRows(userId)).toBe(1);
    });

    it('reads a known customer as they are, in the language they were made with, without a second row', async () => {
      const userId = uniqueTelegramId();
      const made = await repos().customers.ensure(userId, 'en', at);
      await repos().customers.setBlocked(userId, true, at);
      const { customer } = await read(userId, { language: 'zh-Hans', at: later });
      expect(customer).toEqual({ ...made, blockedAt: at });
      expect(await customerRows(userId)).toBe(1);
    });

    it('makes no customer when not asked to (a look ahead of a turn): nothing is read then', async () => {
      const userId = uniqueTelegramId();
      await saveVersioned(db(), `conv:${userId}`, { step: 1 }, 0, later);
      expect(await read(userId, { make: false })).toEqual({
        customer: undefined,
        state: { value: undefined, version: 0 },
        awaiting: undefined,
        handled: false,
      });
      expect(await customerRows(userId)).toBe(0);
      // A customer seen before is read all the same.
      const made = await repos().customers.ensure(userId, 'en', at);
      expect(await read(userId, { make: false })).toEqual({
        customer: made,
        state: { value: { step: 1 }, version: 1 },
        awaiting: undefined,
        handled: false,
      });
    });

    it('says whether its update was handled already (another run committed it first)', async () => {
      const userId = uniqueTelegramId();
      await repos().customers.ensure(userId, 'en', at);
      const updateId = uniqueTelegramId();
      // Not in the inbox (console mode, a direct run), then pending: not handled.
      expect((await read(userId, { updateId })).handled).toBe(false);
      await acceptUpdates(
        db(),
        [{ updateId, chatId: userId, payload: { update_id: updateId } }],
        at,
      );
      expect((await read(userId, { updateId })).handled).toBe(false);
      expect(await markUpdateHandled(db(), updateId, at)).toBe(true);
      expect((await read(userId, { updateId })).handled).toBe(true);
      expect((await read(userId, { updateId, make: false })).handled).toBe(true);
      // Another update of the chat is not this one.
      expect((await read(userId, { updateId: updateId + 1 })).handled).toBe(false);
    });

    it('reads the state with its version; an expired one as absent, its version kept', async () => {
      const userId = uniqueTelegramId();
      const key = `conv:${userId}`;
      await saveVersioned(db(), key, { step: 1 }, 0, new Date('2024-03-14T04:00:00Z'));
      await saveVersioned(db(), key, { step: 2 }, 1, new Date('2024-03-14T04:00:00Z'));
      expect((await read(userId)).state).toEqual({ value: { step: 2 }, version: 2 });
      expect((await read(userId)).state).toEqual(await loadVersioned(db(), key, at));
      expect((await read(userId, { at: later })).state).toEqual({ value: undefined, version: 2 });
      expect((await read(userId, { at: later })).state).toEqual(
        await loadVersioned(db(), key, later),
      );
    });

    it('reads the latest check-back due and unanswered in this chat, as awaitingAnswer does', async () => {
      const userId = uniqueTelegramId();
      const other = uniqueTelegramId();
      const answered = await openCase(userId, new Date('2024-03-14T04:30:00Z'), 'answered');
      await repos().guidance.recordOutcome(answered.id, 'working', later);
      const older = await openCase(userId, new Date('2024-03-14T03:00:00Z'), 'older');
      const latest = await openCase(userId, new Date('2024-03-14T04:00:00Z'), 'latest');
      await openCase(userId, new Date('2024-03-14T06:00:00Z'), 'not due yet');
      await openCase(other, new Date('2024-03-14T04:10:00Z'), 'another chat');
      expect(older.id).not.toBe(latest.id);
      const { awaiting } = await read(userId, { at: later });
      expect(awaiting).toEqual(latest);
      expect(awaiting).toEqual(await repos().guidance.awaitingAnswer(userId, later));
      // Before any is due, none awaits.
      expect((await read(userId)).awaiting).toBeUndefined();
    });

    it("reads the customer's newest ticket waiting for a person (open), not a taken or closed one", async () => {
      const userId = uniqueTelegramId();
      const { tickets, customers } = repos();
      const { id } = await customers.ensure(userId, 'zh-Hant', at);
      const file = (key: string, filedAt: Date, overrides = {}) =>
        tickets.create(newTicket(id, overrides), {
          idempotencyKey: `waiting:${key}:${id}`,
          day: day('2024-03-14'),
          at: filedAt,
          actor: { kind: 'customer', customerId: id },
        });
      expect((await read(userId)).waiting).toBeUndefined();
      const { ticket: older } = await file('older', at);
      expect((await read(userId, { at: later })).waiting).toEqual({
        number: older.number,
        kind: 'fault',
        category: 'refrigerator',
        symptomId: 'refrigerator.not-cooling',
        description: '冰箱不制冷了',
      });
      const { ticket: newer } = await file('newer', later, {
        category: null,
        description: null,
        triage: null,
      });
      expect((await read(userId, { at: later })).waiting).toEqual({
        number: newer.number,
        kind: 'fault',
      });
      await tickets.apply(newer.id, { type: 'take', staffId: 5 }, later);
      expect((await read(userId, { at: later })).waiting?.number).toBe(older.number);
      await tickets.apply(
        older.id,
        { type: 'cancel', actor: { kind: 'system' }, reason: null },
        later,
      );
      expect((await read(userId, { at: later })).waiting).toBeUndefined();
    });

    it('makes one customer when first messages race; a read that lost the race says so', async () => {
      const userId = uniqueTelegramId();
      const reads = await Promise.all(Array.from({ length: 6 }, () => read(userId)));
      expect(await customerRows(userId)).toBe(1);
      const made = await repos().customers.findByTelegramId(userId);
      for (const { customer } of reads) if (customer) expect(customer).toEqual(made);
      expect(reads.some(({ customer }) => customer !== undefined)).toBe(true);
    });
  },
);
