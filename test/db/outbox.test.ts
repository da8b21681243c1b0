import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  chatDelivery,
  createOutboxStore,
  enqueueMessages,
  eraseChatMessages,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
} from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import {
  createTestClock,
  DATABASE_URL,
  describeOnDatabases,
  openTestPostgres,
  uniqueTelegramId,
} from '../support/db.ts';

const message = (chatId: number, text: string, priority?: number): NewOutboxMessage => ({
  key: `test:${randomUUID()}`,
  chatId,
  method: 'sendMessage',
  payload: { text },
  ...(priority === undefined ? {} : { priority }),
});

describeOnDatabases('the outbox', (database) => {
  const store = () => createOutboxStore(database().handle.db);
  const clock = createTestClock();
  /** Claims until nothing is due, settling each claim as sent; returns the texts in claim order. */
  const sendAll = async (chats: number[]) => {
    const texts: string[] = [];
    for (;;) {
      const claimed = (
        await store().claim({ now: clock.now(), limit: 50, leaseMs: 60_000 })
      ).filter((m) => chats.includes(m.chatId));
      if (claimed.length === 0) return texts;
      for (const m of claimed) {
        texts.push(String(m.payload.text));
        await store().markSent(m, texts.length, clock.now());
      }
    }
  };

  it('writes a message once per key', async () => {
    const chat = uniqueTelegramId();
    const m = message(chat, 'once');
    expect(await enqueueMessages(database().handle.db, [m, m], clock.now())).toBe(1);
    expect(await enqueueMessages(database().handle.db, [m], clock.now())).toBe(0);
    expect(await sendAll([chat])).toEqual(['once']);
  });

  it("keeps one message in flight per chat and a chat's messages in order", async () => {
    const chat = uniqueTelegramId();
    await store().enqueue(
      [message(chat, '1'), message(chat, '2'), message(chat, '3')],
      clock.now(),
    );
    const [first, ...rest] = await store().claim({ now: clock.now(), limit: 10, leaseMs: 60_000 });
    expect(first?.payload.text).toBe('1');
    expect(rest.filter((m) => m.chatId === chat)).toEqual([]);
    // While the first is being sent, the second is not claimable.
    expect(
      (await store().claim({ now: clock.now(), limit: 10, leaseMs: 60_000 })).filter(
        (m) => m.chatId === chat,
      ),
    ).toEqual([]);
    if (first) await store().markSent(first, 11, clock.now());
    expect(await sendAll([chat])).toEqual(['2', '3']);
  });

  it("sends every customer's first reply before any customer's later replies", async () => {
    const [a, b, c] = [uniqueTelegramId(), uniqueTelegramId(), uniqueTelegramId()];
    await store().enqueue(
      [
        message(a, 'a later', OUTBOX_PRIORITY.reply),
        message(b, 'b later', OUTBOX_PRIORITY.reply),
        message(c, 'c check-back', OUTBOX_PRIORITY.background),
      ],
      clock.now(),
    );
    const [d, e] = [uniqueTelegramId(), uniqueTelegramId()];
    await store().enqueue(
      [
        message(d, 'd first', OUTBOX_PRIORITY.firstReply),
        message(e, 'e first', OUTBOX_PRIORITY.firstReply),
      ],
      clock.now(),
    );
    expect(await sendAll([a, b, c, d, e])).toEqual([
      'd first',
      'e first',
      'a later',
      'b later',
      'c check-back',
    ]);
  });

  it('takes a message back from a sender whose lease ran out, and refuses the old sender’s settle', async () => {
    const chat = uniqueTelegramId();
    await store().enqueue([message(chat, 'leased')], clock.now());
    const [claimed] = (await store().claim({ now: clock.now(), limit: 50, leaseMs: 1_000 })).filter(
      (m) => m.chatId === chat,
    );
    expect(claimed).toBeDefined();
    const later = new Date(clock.now().getTime() + 2_000);
    const [again] = (await store().claim({ now: later, limit: 50, leaseMs: 60_000 })).filter(
      (m) => m.chatId === chat,
    );
    expect(again?.attempts).toBe(2);
    if (!claimed || !again) return;
    expect(await store().markSent(claimed, 1, later)).toBe(false);
    expect(await store().markSent(again, 2, later)).toBe(true);
    expect(await store().byKey(again.key)).toMatchObject({ state: 'sent', messageId: 2 });
  });

  it('records several deliveries in one statement, except one whose claim another sender took', async () => {
    const chats = [uniqueTelegramId(), uniqueTelegramId(), uniqueTelegramId()];
    await store().enqueue(
      chats.map((chat, i) => ({ ...message(chat, `m${i}`), erased: i === 1 })),
      clock.now(),
    );
    const claimed = (await store().claim({ now: clock.now(), limit: 50, leaseMs: 60_000 })).filter(
      (m) => chats.includes(m.chatId),
    );
    expect(claimed).toHaveLength(3);
    // The third is given back (as after a failed attempt) and another sender claims it again.
    const later = new Date(clock.now().getTime() + 2_000);
    const [first, second, third] = chats.map((chat) => claimed.find((m) => m.chatId === chat));
    if (!first || !second || !third) return;
    await store().markRetry(third, clock.now(), 'test');
    const [retaken] = (await store().claim({ now: later, limit: 50, leaseMs: 60_000 })).filter(
      (m) => m.chatId === third.chatId,
    );
    expect(retaken?.attempts).toBe(2);
    const recorded = await store().markSentMany(
      [first, second, third].map((m, i) => ({ message: m, messageId: 100 + i, at: later })),
    );
    expect([...recorded].sort()).toEqual([first.id, second.id].sort());
    expect(await store().byKey(first.key)).toMatchObject({ state: 'sent', messageId: 100 });
    expect(await store().byKey(second.key)).toMatchObject({ state: 'sent', messageId: 101 });
    expect(await store().byKey(third.key)).toMatchObject({ state: 'sending', attempts: 2 });
    // The erased customer's delivered row keeps no chat id; the others keep theirs.
    const chatOf = async (key: string) =>
      rowsOf<{ chat_id: string | number; payload: string | null }>(
        await database().handle.db.execute(
          sql`select chat_id, payload from outbox_messages where key = ${key}`,
        ),
      )[0];
    expect(Number((await chatOf(second.key))?.chat_id)).toBeLessThan(0);
    expect(await chatOf(first.key)).toEqual({ chat_id: expect.anything(), payload: null });
    expect(Number((await chatOf(first.key))?.chat_id)).toBe(first.chatId);
    expect(await store().markSentMany([])).toEqual(new Set());
  });

  it('knows the latest delivered message of a chat and whether more is queued', async () => {
    const chat = uniqueTelegramId();
    expect(await chatDelivery(database().handle.db, chat)).toEqual({
      queued: false,
      latestMessageId: undefined,
    });
    await store().enqueue([message(chat, 'x')], clock.now());
    expect((await chatDelivery(database().handle.db, chat)).queued).toBe(true);
    await sendAll([chat]);
    const after = await chatDelivery(database().handle.db, chat);
    expect(after.queued).toBe(false);
    expect(after.latestMessageId).toBeGreaterThan(0);
  });

  it('drops what is queued for a chat that blocked the bot, and prunes settled messages', async () => {
    const chat = uniqueTelegramId();
    await store().enqueue([message(chat, 'p'), message(chat, 'q')], clock.now());
    expect(await store().cancelChat(chat, clock.now())).toBe(2);
    expect(await sendAll([chat])).toEqual([]);
    expect(await store().prune(new Date(clock.now().getTime() + 1))).toBeGreaterThanOrEqual(2);
  });

  it('keeps no chat id of an erased customer: delivered rows at once, queued ones once sent', async () => {
    const db = database().handle.db;
    const chat = uniqueTelegramId();
    await store().enqueue([message(chat, 'before')], clock.now());
    await sendAll([chat]);
    await store().enqueue([message(chat, 'queued')], clock.now());
    await eraseChatMessages(db, chat, -chat);
    await store().enqueue([{ ...message(chat, 'the erasure answer'), erased: true }], clock.now());
    const rowsOfChat = async (id: number) =>
      rowsOf<{ state: string; payload: string | null }>(
        await db.execute(sql`select state, payload from outbox_messages where chat_id = ${id}`),
      );
    expect(await rowsOfChat(-chat)).toEqual([{ state: 'sent', payload: null }]);
    expect((await rowsOfChat(chat)).map((row) => row.state)).toEqual(['pending', 'pending']);
    // Still delivered to the customer, in order.
    expect(await sendAll([chat])).toEqual(['queued', 'the erasure answer']);
    expect(await rowsOfChat(chat)).toEqual([]);
  });
});

describe.skipIf(!DATABASE_URL)(
  `the outbox under concurrent senders [PostgreSQL${DATABASE_URL ? '' : ': skipped, DATABASE_URL is not set'}]`,
  () => {
    it('never gives one message to two senders, and keeps each chat in order', async () => {
      const database = await openTestPostgres();
      const other = await database.reopen();
      try {
        const clock = createTestClock();
        const chats = Array.from({ length: 40 }, () => uniqueTelegramId());
        await enqueueMessages(
          database.handle.db,
          chats.flatMap((chat) => [0, 1, 2].map((n) => message(chat, `${chat}:${n}`))),
          clock.now(),
        );
        const seen: string[] = [];
        const sender = async (db: typeof database.handle.db) => {
          const outbox = createOutboxStore(db);
          for (;;) {
            const claimed = await outbox.claim({ now: clock.now(), limit: 7, leaseMs: 60_000 });
            if (claimed.length === 0) return;
            for (const m of claimed) {
              seen.push(String(m.payload.text));
              await outbox.markSent(m, 1, clock.now());
            }
          }
        };
        await Promise.all([
          sender(database.handle.db),
          sender(other.db),
          sender(database.handle.db),
        ]);
        expect(seen).toHaveLength(chats.length * 3);
        expect(new Set(seen).size).toBe(seen.length);
        for (const chat of chats) {
          const order = seen.filter((text) => text.startsWith(`${chat}:`));
          expect(order).toEqual([`${chat}:0`, `${chat}:1`, `${chat}:2`]);
        }
      } finally {
        await other.close();
        await database.close();
      }
    }, 60_000);
  },
);
