import { randomUUID } from 'node:crypto';
import { Api } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countApiCalls } from '../../../bot/instrument.ts';
import { createMetrics } from '../../../bot/metrics.ts';
import {
  createOutboxSender,
  groupBudgetKey,
  type OutboxSenderOptions,
} from '../../../bot/services/outbox-sender.ts';
import {
  COPY_OF,
  createMemoryStore,
  createOutboxStore,
  createRepositories,
  enqueueMessages,
  erasureKeyPrefix,
  INSTEAD_OF,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
} from '../../../db/index.ts';
import { day, newTicket } from '../../db/fixtures.ts';
import { openTestPglite, type TestDatabase, uniqueTelegramId } from '../../support/db.ts';
import { RecordedTelegram } from '../../support/recorded-telegram.ts';

const text = (chatId: number, body: string, priority?: number): NewOutboxMessage => ({
  key: `t:${randomUUID()}`,
  chatId,
  method: 'sendMessage',
  payload: { text: body },
  ...(priority === undefined ? {} : { priority }),
});

/**
 * The outbox sender against a recorded Bot API: bounded retries, 429s, blocked customers, edits
 * that cannot be made, the fair queue, the typing action and paid broadcasts.
 */
describe('the outbox sender', () => {
  let database: TestDatabase;
  let telegram: RecordedTelegram;
  const logged: { line: string; fields: unknown }[] = [];
  const log = {
    warn: (fields: unknown, line?: string) => logged.push({ line: line ?? String(fields), fields }),
    info: (fields: unknown, line?: string) => logged.push({ line: line ?? String(fields), fields }),
    error: (fields: unknown, line?: string) =>
      logged.push({ line: line ?? String(fields), fields }),
  } as unknown as OutboxSenderOptions['log'];
  const blocked: number[] = [];
  const clock = { now: () => new Date() };

  beforeAll(async () => {
    database = await openTestPglite();
  }, 60_000);
  afterAll(() => database.close());
  beforeEach(() => {
    telegram = new RecordedTelegram();
    logged.length = 0;
  });

  const sender = (options: Partial<OutboxSenderOptions> = {}) => {
    const api = new Api('42:outbox');
    api.config.use(telegram.transformer);
    return createOutboxSender({
      db: database.handle.db,
      api,
      store: createMemoryStore(),
      clock,
      log,
      onBlocked: async (chatId) => {
        blocked.push(chatId);
      },
      backoff: { baseMs: 20, capMs: 100 },
      ...options,
    });
  };
  const write = (...messages: NewOutboxMessage[]) =>
    enqueueMessages(database.handle.db, messages, clock.now());
  const sent = (chatId?: number) =>
    telegram.calls
      .filter(
        (c) => c.method === 'sendMessage' && (chatId === undefined || c.payload.chat_id === chatId),
      )
      .map((c) => String(c.payload.text));

  it('deletes messages settled longer ago than the retention, and keeps the recent ones', async () => {
    const chat = uniqueTelegramId();
    const old = text(chat, 'a day ago');
    await write(old);
    await sender().drain();
    const recent = text(chat, 'just now');
    await write(recent);
    const dayLater = { now: () => new Date(Date.now() + 86_400_000 + 60_000) };
    await sender({ clock: dayLater, retentionMs: 86_400_000 }).drain();
    const outbox = createOutboxStore(database.handle.db);
    expect(await outbox.byKey(old.key)).toBeUndefined();
    expect((await outbox.byKey(recent.key))?.state).toBe('sent');
  });

  it("delivers a chat's messages in order and records Telegram's message id", async () => {
    const chat = uniqueTelegramId();
    const messages = [text(chat, 'one'), text(chat, 'two'), text(chat, 'three')];
    await write(...messages);
    await sender().drain();
    expect(sent(chat)).toEqual(['one', 'two', 'three']);
    const outbox = createOutboxStore(database.handle.db);
    const ids = await Promise.all(
      messages.map(async (m) => (await outbox.byKey(m.key))?.messageId),
    );
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it('waits out a 429 for its retry_after, then sends the message', async () => {
    const chat = uniqueTelegramId();
    telegram.fail('sendMessage', {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    await write(text(chat, 'patient'));
    const started = Date.now();
    await sender().drain();
    expect(sent(chat)).toEqual(['patient', 'patient']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries a server error a bounded number of times, then dead-letters it with a log line that quotes no text', async () => {
    const chat = uniqueTelegramId();
    const failing = { ok: false, error_code: 502, description: 'Bad Gateway' };
    telegram.fail('sendMessage', failing, failing, failing);
    const doomed = text(chat, 'my phone is 13812345678');
    await write(doomed, text(chat, 'after it'));
    await sender({ maxAttempts: 3 }).drain();
    // Three attempts, one call each (no inner retry loop), then the chat's next message goes on.
    expect(sent(chat)).toEqual([
      'my phone is 13812345678',
      'my phone is 13812345678',
      'my phone is 13812345678',
      'after it',
    ]);
    expect(await createOutboxStore(database.handle.db).byKey(doomed.key)).toMatchObject({
      state: 'dead',
      attempts: 3,
    });
    const line = logged.find((entry) => entry.line === 'outbox message dead-lettered');
    expect(line).toBeDefined();
    expect(JSON.stringify(line)).not.toContain('13812345678');
  });

  it('records a customer who blocked the bot (403) and drops what is queued for them', async () => {
    const chat = uniqueTelegramId();
    telegram.fail('sendMessage', {
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    await write(text(chat, 'first'), text(chat, 'second'));
    await sender().drain();
    expect(sent(chat)).toEqual(['first']);
    expect(blocked).toContain(chat);
  });

  it('a 403 in a group (the bot removed from the staff chat) is no blocked customer: dead-lettered, told to onDead, the rest still sent', async () => {
    const group = -uniqueTelegramId();
    telegram.fail('sendMessage', {
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was kicked from the supergroup chat',
    });
    const refused = text(group, 'alert one');
    await write(refused, text(group, 'alert two'));
    const dead: string[] = [];
    await sender({ onDead: (message, error) => dead.push(`${message.key} ${error}`) }).drain();
    expect(sent(group)).toEqual(['alert one', 'alert two']);
    expect(blocked).not.toContain(group);
    expect(dead).toEqual([`${refused.key} 403 Forbidden: bot was kicked from the supergroup chat`]);
    expect((await createOutboxStore(database.handle.db).byKey(refused.key))?.state).toBe('dead');
  });

  it("a refused message is sent as its recovery says (a staff topic recreated), within the message's attempts", async () => {
    const group = -uniqueTelegramId();
    telegram.fail('sendMessage', {
      ok: false,
      error_code: 400,
      description: 'Bad Request: message thread not found',
    });
    const alert = { ...text(group, 'raised'), payload: { text: 'raised', message_thread_id: 7 } };
    await write(alert);
    await sender({
      recover: async (message) => ({
        method: message.method,
        payload: { ...message.payload, message_thread_id: 8 },
      }),
    }).drain();
    const threads = telegram.calls
      .filter((c) => c.method === 'sendMessage' && c.payload.chat_id === group)
      .map((c) => c.payload.message_thread_id);
    expect(threads).toEqual([7, 8]);
    expect(await createOutboxStore(database.handle.db).byKey(alert.key)).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('sends an edit Telegram refuses (the message is gone) as a new message', async () => {
    const chat = uniqueTelegramId();
    telegram.fail('editMessageText', {
      ok: false,
      error_code: 400,
      description: 'Bad Request: message to edit not found',
    });
    await write({
      key: `t:${randomUUID()}`,
      chatId: chat,
      method: 'editMessageText',
      payload: { message_id: 999, text: 'Step 2 of 4' },
    });
    await sender().drain();
    expect(sent(chat)).toEqual(['Step 2 of 4']);
  });

  it('edits a relayed copy by the id the message map has when the edit is sent; refused, the edit is given up, never said as a new message; with no copy made, nothing is called', async () => {
    const repos = createRepositories(database.handle.db);
    const at = clock.now();
    const { id: customerId } = await repos.customers.ensure(uniqueTelegramId(), 'en', at);
    const { ticket } = await repos.tickets.create(newTicket(customerId), {
      idempotencyKey: `outbox-sender-test:${randomUUID()}`,
      day: day('2042-02-02'),
      at,
      actor: { kind: 'system' },
    });
    const [source, target] = [uniqueTelegramId(), uniqueTelegramId()];
    await repos.relay.record(
      [5, 6].map((sourceMessageId, index) => ({
        ticketId: ticket.id,
        direction: 'to_customer' as const,
        sourceChatId: source,
        sourceMessageId,
        targetChatId: target,
        // 5 was copied (Telegram's id 50); 6 never was (given up: still 0).
        targetMessageId: index === 0 ? 50 : 0,
      })),
      at,
    );
    const edit = (messageId: number, body: string): NewOutboxMessage => ({
      key: `t:${randomUUID()}`,
      chatId: target,
      method: 'editMessageText',
      payload: { text: body, [COPY_OF]: { from_chat_id: source, message_id: messageId } },
    });
    const onDead: string[] = [];
    await write(edit(5, 'at 14 degrees'), edit(6, 'never copied'));
    await sender({ onDead: (message) => onDead.push(message.key) }).drain();
    const edits = telegram.calls.filter((c) => c.method === 'editMessageText');
    expect(edits.map((c) => c.payload)).toEqual([
      { chat_id: target, message_id: 50, text: 'at 14 degrees' },
    ]);

    telegram.fail('editMessageText', {
      ok: false,
      error_code: 400,
      description: 'Bad Request: message to edit not found',
    });
    await write(edit(5, 'at 16 degrees'));
    await sender({ onDead: (message) => onDead.push(message.key) }).drain();
    expect(sent(target)).toEqual([]);
    expect(onDead).toHaveLength(1);
  });

  const refusal = (description: string) => ({ ok: false, error_code: 400, description });
  const call = (
    chatId: number,
    method: string,
    payload: NewOutboxMessage['payload'],
    key = `t:${randomUUID()}`,
  ): NewOutboxMessage => ({ key, chatId, method, payload });

  it('takes a deletion that finds its message or topic gone as done, not dead-lettered', async () => {
    const group = -uniqueTelegramId();
    telegram.fail('deleteForumTopic', refusal('Bad Request: TOPIC_ID_INVALID'));
    telegram.fail('deleteMessages', refusal('Bad Request: message to delete not found'));
    telegram.fail('deleteMessage', refusal('Bad Request: MESSAGE_ID_INVALID'));
    const calls = [
      call(group, 'deleteForumTopic', { message_thread_id: 7 }),
      call(group, 'deleteMessages', { message_ids: [101, 102] }),
      call(group, 'deleteMessage', { message_id: 103 }),
    ];
    await write(...calls);
    const onDead: string[] = [];
    await sender({ onDead: (message) => onDead.push(message.key) }).drain();
    const outbox = createOutboxStore(database.handle.db);
    for (const { key } of calls)
      expect(await outbox.byKey(key)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(onDead).toEqual([]);
  });

  it("never posts erasure's overwrite of a card as a new message: the card gone, it is done; refused otherwise, it is given up", async () => {
    const group = -uniqueTelegramId();
    const overwrite = (ref: string) =>
      call(
        group,
        'editMessageText',
        { message_id: 555, text: "Erased at the customer's request." },
        `${erasureKeyPrefix(randomUUID())}${ref}`,
      );
    const [gone, refused] = [overwrite('card'), overwrite('card')];
    telegram.fail(
      'editMessageText',
      refusal('Bad Request: message to edit not found'),
      refusal("Bad Request: message can't be edited"),
    );
    await write(gone, refused);
    const onDead: string[] = [];
    await sender({ onDead: (message) => onDead.push(message.key) }).drain();
    const outbox = createOutboxStore(database.handle.db);
    expect((await outbox.byKey(gone.key))?.state).toBe('sent');
    expect((await outbox.byKey(refused.key))?.state).toBe('dead');
    expect(onDead).toEqual([refused.key]);
    expect(telegram.calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
  });

  it('makes a call that stands in for another only when that one was given up, and takes the group budget only then', async () => {
    const [deleted, refused] = [-uniqueTelegramId(), -uniqueTelegramId()];
    const topic = (chat: number) => call(chat, 'deleteForumTopic', { message_thread_id: 9 });
    const instead = (chat: number, of: NewOutboxMessage) =>
      call(chat, 'deleteMessages', { message_ids: [201, 202], [INSTEAD_OF]: of.key });
    const [deletedTopic, refusedTopic] = [topic(deleted), topic(refused)];
    const [skipped, made] = [instead(deleted, deletedTopic), instead(refused, refusedTopic)];
    telegram.fail('deleteForumTopic', refusal('Bad Request: not enough rights to manage topics'));
    // The refused chat's topic is written first: its deletion is the one refused.
    await write(refusedTopic, made, deletedTopic, skipped);
    // Two calls a minute for each group: the skipped call must not take the second one.
    const budget = createMemoryStore();
    await sender({ store: budget, groupPerMinute: 2 }).drain();
    const outbox = createOutboxStore(database.handle.db);
    expect(await outbox.byKey(refusedTopic.key)).toMatchObject({ state: 'dead' });
    expect(await outbox.byKey(made.key)).toMatchObject({ state: 'sent' });
    expect(await outbox.byKey(skipped.key)).toMatchObject({ state: 'sent', messageId: null });
    const deletes = telegram.calls.filter((c) => c.method === 'deleteMessages');
    expect(deletes.map((c) => c.payload)).toEqual([{ chat_id: refused, message_ids: [201, 202] }]);
    for (const chat of [deleted, refused]) {
      const left = await budget.takeTokens(groupBudgetKey(chat), 2, 2 / 60, 2);
      expect(left.granted, `group ${chat}`).toBe(chat === deleted ? 1 : 0);
    }
  });

  it("sends every customer's first reply before others' later replies, and shows waiting customers the typing action", async () => {
    const later = [1, 2, 3, 4].map(() => uniqueTelegramId());
    const fresh = [1, 2, 3].map(() => uniqueTelegramId());
    await write(...later.map((chat) => text(chat, `later ${chat}`, OUTBOX_PRIORITY.reply)));
    await write(...fresh.map((chat) => text(chat, `first ${chat}`, OUTBOX_PRIORITY.firstReply)));
    // A budget of 2 a second: the queue waits, and the customers waiting see "typing…".
    await sender({ perSecond: 2, typingAfterMs: 0 }).drain();
    const order = sent().filter((t) => [...later, ...fresh].some((chat) => t.endsWith(` ${chat}`)));
    expect(order.slice(0, 3).every((t) => t.startsWith('first'))).toBe(true);
    expect(order).toHaveLength(7);
    const typed = telegram.calls
      .filter((c) => c.method === 'sendChatAction')
      .map((c) => c.payload.chat_id);
    expect(typed.some((chat) => later.includes(chat as number))).toBe(true);
  });

  it('passes allow_paid_broadcast only in surge mode and while the queue is long, and counts paid sends', async () => {
    const metrics = createMetrics();
    const api = new Api('42:outbox');
    api.config.use(telegram.transformer);
    api.config.use(countApiCalls(metrics));
    const chats = Array.from({ length: 8 }, () => uniqueTelegramId());
    await write(...chats.map((chat) => text(chat, `surge ${chat}`)));
    await createOutboxSender({
      db: database.handle.db,
      api,
      store: createMemoryStore(),
      clock,
      log,
      onBlocked: async () => {},
      perSecond: 2,
      paidBroadcast: { enabled: true, threshold: 4, perSecond: 100 },
    }).drain();
    const calls = telegram.calls.filter((c) => c.method === 'sendMessage');
    const paid = calls.filter((c) => c.payload.allow_paid_broadcast === true).length;
    expect(paid).toBeGreaterThan(0);
    expect((await metrics.paidSends.get()).values[0]?.value).toBe(paid);

    telegram = new RecordedTelegram();
    const quiet = Array.from({ length: 8 }, () => uniqueTelegramId());
    await write(...quiet.map((chat) => text(chat, `quiet ${chat}`)));
    await sender({ perSecond: 100 }).drain();
    expect(telegram.calls.some((c) => c.payload.allow_paid_broadcast === true)).toBe(false);
  });
});
