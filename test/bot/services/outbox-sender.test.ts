import { randomUUID } from 'node:crypto';
import { Api, HttpError } from 'grammy';
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
  DEPENDING_ON,
  enqueueMessages,
  erasureKeyPrefix,
  INSTEAD_OF,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
} from '../../../db/index.ts';
import { day, newTicket } from '../../db/fixtures.ts';
import { BotApiDouble, type DoubleUser } from '../../support/bot-api-double.ts';
import { openTestPglite, type TestDatabase, uniqueTelegramId } from '../../support/db.ts';
import { RecordedTelegram } from '../../support/recorded-telegram.ts';

const text = (chatId: number, body: string, priority?: number): NewOutboxMessage => ({
  key: `t:${randomUUID()}`,
  chatId,
  method: 'sendMessage',
  payload: { text: body },
  ...(priority === undefined ? {} : { priority }),
});

const DOUBLE_BOT: DoubleUser = { id: 90_000, first_name: 'Frontline', is_bot: true };

/** Resolves once `check` holds (the sender works in the background). */
async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

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

  it("waits out an outage longer than the old give-up (5xx and network errors for 30 simulated minutes) with no attempt counted, one probe at a time, then sends every message once in each chat's order", async () => {
    const [first, second, group] = [uniqueTelegramId(), uniqueTelegramId(), -uniqueTelegramId()];
    // The rows' clock moves a minute with each failed call: 30 failed calls are half an hour.
    let simulated = Date.now();
    const movingClock = { now: () => new Date(simulated) };
    const down = Array.from({ length: 30 }, (_, i) =>
      i % 2 === 0
        ? { ok: false, error_code: 502, description: 'Bad Gateway' }
        : new HttpError("Network request for 'sendMessage' failed!", new Error('ECONNRESET')),
    );
    telegram.fail('sendMessage', ...down);
    // Calls made once a failure was seen, and how many of them were in flight at once.
    let failedYet = false;
    let inFlight = 0;
    let mostAtOnce = 0;
    const api = new Api('42:outbox');
    api.config.use(telegram.transformer);
    // Installed last, so called first: around the recorded Bot API.
    api.config.use(async (prev, method, payload, signal) => {
      const counted = failedYet;
      if (counted) mostAtOnce = Math.max(mostAtOnce, ++inFlight);
      const failed = () => {
        simulated += 60_000;
        failedYet = true;
      };
      try {
        const answer = await prev(method, payload, signal);
        if (!answer.ok) failed();
        return answer;
      } catch (error) {
        failed();
        throw error;
      } finally {
        if (counted) inFlight -= 1;
      }
    });
    const messages = [
      text(first, 'reply one'),
      text(second, 'your ticket is T-1'),
      text(group, 'contact alert'),
      text(first, 'reply two'),
      text(second, 'is it still working?'),
      text(first, 'reply three'),
    ];
    await enqueueMessages(database.handle.db, messages, movingClock.now());
    const outages: string[] = [];
    const outbox = sender({
      api,
      clock: movingClock,
      outageProbe: { baseMs: 5, capMs: 40 },
      onOutage: (event, details) => outages.push(`${event} ${details.failedCalls}`),
    });
    outbox.start();
    await waitUntil(async () => (await outbox.depth()) === 0, 20_000);
    await outbox.stop();
    const delivered = (chat: number) =>
      telegram.messages.filter((m) => m.chatId === chat).map((m) => m.text);
    expect(delivered(first)).toEqual(['reply one', 'reply two', 'reply three']);
    expect(delivered(second)).toEqual(['your ticket is T-1', 'is it still working?']);
    expect(delivered(group)).toEqual(['contact alert']);
    // Each message was sent once; once Telegram was seen down, one message went at a time.
    expect(telegram.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(30 + 6);
    expect(mostAtOnce).toBe(1);
    expect(simulated - Date.now()).toBeGreaterThanOrEqual(29 * 60_000);
    const store = createOutboxStore(database.handle.db);
    for (const { key } of messages)
      expect(await store.byKey(key)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(outages).toEqual(['began 0', 'ended 30']);
    expect(logged.map((entry) => entry.line)).toEqual([
      'Telegram unreachable: outbox paused, probing with one message; nothing is given up',
      'Telegram reachable again: outbox resumed',
    ]);
  });

  it("lets a drain (the shutdown's) end at its deadline during an outage, the message kept for later", async () => {
    const chat = uniqueTelegramId();
    const kept = text(chat, 'kept for the next start');
    await write(kept);
    const down = { ok: false, error_code: 502, description: 'Bad Gateway' };
    telegram.fail('sendMessage', ...Array.from({ length: 50 }, () => down));
    const started = Date.now();
    await sender({ outageProbe: { baseMs: 10_000, capMs: 10_000 } }).drain(300);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await createOutboxStore(database.handle.db).byKey(kept.key)).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
    telegram.failures.clear();
    await sender().drain();
    expect(sent(chat)).toEqual(['kept for the next start', 'kept for the next start']);
  });

  it('gives a message up for an outage only once it has waited the outage limit (24 h), saying so', async () => {
    const chat = uniqueTelegramId();
    const stale = text(chat, 'written a day ago');
    await write(stale);
    telegram.fail('sendMessage', {
      ok: false,
      error_code: 503,
      description: 'Service Unavailable',
    });
    const dayLater = { now: () => new Date(Date.now() + 86_400_000 + 60_000) };
    const dead: string[] = [];
    await sender({
      clock: dayLater,
      outageProbe: { baseMs: 5, capMs: 5 },
      onDead: (message, error) => dead.push(`${message.key} ${error}`),
    }).drain();
    expect(dead).toEqual([`${stale.key} 503 Service Unavailable`]);
    const line = logged.find((entry) => entry.line.startsWith('outbox message dead-lettered'));
    expect(line?.line).toBe(
      'outbox message dead-lettered: Telegram did not take it within the outage limit',
    );
  });

  it('retries a failure of its own (not an outage, not a refusal) a bounded number of times, then dead-letters it with a log line that quotes no text; a refusal is given up at once', async () => {
    const chat = uniqueTelegramId();
    const broken = new Error('the call could not be made');
    telegram.fail('sendMessage', broken, broken, broken, {
      ok: false,
      error_code: 413,
      description: 'Request Entity Too Large',
    });
    const doomed = text(chat, 'my phone is 13812345678');
    const refused = text(chat, 'far too long');
    await write(doomed, refused, text(chat, 'after them'));
    await sender({ maxAttempts: 3 }).drain();
    // Three attempts, one call each (no inner retry loop); the refusal once; then the chat goes on.
    expect(sent(chat)).toEqual([
      'my phone is 13812345678',
      'my phone is 13812345678',
      'my phone is 13812345678',
      'far too long',
      'after them',
    ]);
    const store = createOutboxStore(database.handle.db);
    expect(await store.byKey(doomed.key)).toMatchObject({ state: 'dead', attempts: 3 });
    expect(await store.byKey(refused.key)).toMatchObject({ state: 'dead', attempts: 1 });
    const line = logged.find((entry) => entry.line === 'outbox message dead-lettered');
    expect(line).toBeDefined();
    expect(JSON.stringify(logged)).not.toContain('13812345678');
  });

  it('bounds a call Telegram never answers by the request timeout and pauses: nothing is sent twice or lost when it answers again', async () => {
    const double = new BotApiDouble({ token: '42:outbox', bot: DOUBLE_BOT });
    await double.start();
    try {
      const chats = [DOUBLE_BOT.id + 1, DOUBLE_BOT.id + 2];
      for (const id of chats) double.addPrivateChat({ id, first_name: 'Customer' });
      const api = new Api('42:outbox', { apiRoot: double.apiRoot, timeoutSeconds: 1 });
      double.outage('silent');
      const messages = chats.flatMap((chat) => [1, 2, 3].map((n) => text(chat, `${chat} #${n}`)));
      await write(...messages);
      const outbox = sender({ api, outageProbe: { baseMs: 5, capMs: 20 } });
      outbox.start();
      const failed = (error: string) => double.calls.filter((c) => c.error === error).length;
      await waitUntil(() => failed('no answer') >= 2, 10_000);
      double.outage('error');
      await waitUntil(() => failed('502') >= 10, 10_000);
      double.outage(undefined);
      await waitUntil(async () => (await outbox.depth()) === 0, 10_000);
      await outbox.stop();
      for (const chat of chats)
        expect(double.botMessages(chat).map((m) => m.text)).toEqual(
          [1, 2, 3].map((n) => `${chat} #${n}`),
        );
      const store = createOutboxStore(database.handle.db);
      for (const { key } of messages)
        expect(await store.byKey(key)).toMatchObject({ state: 'sent', attempts: 1 });
    } finally {
      await double.stop();
    }
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
    telegram.fail('deleteForumTopic', refusal('Bad Request: not enough rights to delete messages'));
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

  it("words a message by how the calls before it in its chat ended, logs the chosen words' operator error, and settles it unsent when no words fit", async () => {
    const notice = (chat: number, topic: NewOutboxMessage, copies: NewOutboxMessage) =>
      call(chat, 'sendMessage', {
        [DEPENDING_ON]: [
          { if: { [topic.key]: 'sent' }, set: { text: 'topic deleted' } },
          {
            if: { [topic.key]: 'dead', [copies.key]: 'sent' },
            set: { text: 'copies deleted, delete the topic by hand' },
            error: 'erasure of ticket T-1: topic refused',
          },
          { if: { [topic.key]: 'dead', [copies.key]: 'dead' }, set: { text: 'nothing deleted' } },
        ],
      });
    const cases = ['nothing', 'copies only', 'deleted'].map((name) => {
      const chat = -uniqueTelegramId();
      const topic = call(chat, 'deleteForumTopic', { message_thread_id: 9 });
      const copies = call(chat, 'deleteMessages', { message_ids: [5], [INSTEAD_OF]: topic.key });
      return { name, chat, calls: [topic, copies, notice(chat, topic, copies)] };
    });
    const refused = refusal('Bad Request: not enough rights to delete messages');
    // Sent in the chats' order: the first chat's topic and copies are refused, the second's topic
    // only, the third's topic goes (its copies then need no call).
    telegram.fail('deleteForumTopic', refused, refused);
    telegram.fail('deleteMessages', refusal("Bad Request: message can't be deleted"));
    for (const { calls } of cases) await write(...calls);
    // A message whose words fit nothing: the calls it names were neither sent nor given up.
    const orphan = call(cases[0]?.chat as number, 'sendMessage', {
      [DEPENDING_ON]: [{ if: { 'no-such-call': 'sent' }, set: { text: 'never said' } }],
    });
    await write(orphan);
    await sender().drain();
    expect(cases.map(({ chat }) => sent(chat))).toEqual([
      ['nothing deleted'],
      ['copies deleted, delete the topic by hand'],
      ['topic deleted'],
    ]);
    // The alternatives are not sent to Telegram.
    expect(JSON.stringify(telegram.calls)).not.toContain(DEPENDING_ON);
    expect(await createOutboxStore(database.handle.db).byKey(orphan.key)).toMatchObject({
      state: 'sent',
      messageId: null,
    });
    expect(
      logged.filter((entry) => entry.line === 'erasure of ticket T-1: topic refused'),
    ).toHaveLength(1);
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
