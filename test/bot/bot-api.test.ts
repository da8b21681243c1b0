import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type App, createApp } from '../../bot/app.ts';
import { parseConfig } from '../../bot/config.ts';
import { createMovableClock } from '../../bot/console/console-clock.ts';
import { createBot, type FrontlineBot } from '../../bot/create-bot.ts';
import { createLogger } from '../../bot/logger.ts';
import { createJobWorker } from '../../db/index.ts';

const BOT_INFO = {
  id: 42,
  is_bot: true,
  first_name: 'Frontline',
  username: 'frontline_test_bot',
} as UserFromGetMe;

type Call = { method: string; payload: Record<string, unknown> };

/**
 * grammY-level tests for what the Bot API emulator cannot show: the typing action, 403 and 429
 * answers, contacts, locations, photos, groups and edits. Outgoing calls are recorded by an API
 * transformer under the real retry and throttling policy; updates go in through handleUpdate.
 */
describe('the bot against recorded Bot API calls', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-bot-'));
  let app: App;
  let frontline: FrontlineBot;
  const calls: Call[] = [];
  /** Per method: answers to give before succeeding (e.g. a 429). */
  const failures = new Map<string, Record<string, unknown>[]>();
  let updateId = 1;
  let messageId = 1;
  /** The rows' clock (retries fall due by it): a test moves it on rather than wait. */
  const clock = createMovableClock();

  const recorder: Transformer = async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    const failure = failures.get(method)?.shift();
    if (failure) return failure as never;
    const result =
      method === 'sendMessage'
        ? {
            message_id: messageId++,
            date: 0,
            chat: { id: (payload as { chat_id: number }).chat_id, type: 'private' },
            text: '',
          }
        : method === 'createForumTopic'
          ? { message_thread_id: messageId++, name: 'topic', icon_color: 0 }
          : true;
    return { ok: true, result } as never;
  };

  beforeAll(async () => {
    const config = parseConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      STAFF_CHAT_ID: '-100777',
    });
    app = await createApp(config, createLogger('silent'), clock);
    frontline = createBot(app.deps, {
      token: '42:recorded',
      botInfo: BOT_INFO,
      transformers: [recorder],
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    calls.length = 0;
    failures.clear();
  });

  const user = (id: number, language_code = 'en') => ({
    id,
    is_bot: false,
    first_name: 'Test',
    language_code,
  });
  /** An update the whole way: into the inbox, through the turn, out of the outbox. */
  const send = async (update: Omit<Update, 'update_id'>, id = ++updateId) => {
    await frontline.receive([{ update_id: id, ...update } as Update]);
    await frontline.settle();
  };
  const message = (
    from: number,
    extra: Record<string, unknown>,
    chat: Record<string, unknown> = { id: from, type: 'private', first_name: 'Test' },
  ) =>
    send({
      message: { message_id: messageId++, date: 0, chat, from: user(from), ...extra } as never,
    });
  const texts = () =>
    calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload.text));
  const press = (from: number, data: string, pressedMessageId = 1) =>
    send({
      callback_query: {
        id: `q${updateId}`,
        from: user(from),
        chat_instance: 'x',
        data,
        message: {
          message_id: pressedMessageId,
          date: 0,
          chat: { id: from, type: 'private', first_name: 'Test' },
          text: '',
        },
      } as never,
    });
  /**
   * The chat's turns throw a bug (a TypeError, no outage) the first `times` times, counted in
   * `failed`, until `mend()`.
   */
  const breakTurns = (chat: number, times: number) => {
    const store = app.deps.store;
    const rateLimit = store.rateLimit.bind(store);
    const broken = {
      failed: 0,
      mend: () => {
        store.rateLimit = rateLimit;
      },
    };
    store.rateLimit = async (key, limit, windowMs) => {
      if (key === `user:${chat}` && broken.failed < times) {
        broken.failed += 1;
        throw new TypeError('a bug in the turn');
      }
      return rateLimit(key, limit, windowMs);
    };
    return broken;
  };
  /** The message id the recorder gave the latest sendMessage. */
  const lastSentId = () => messageId - 1;

  it('shows the typing action while it files a ticket, and notifies the staff chat', async () => {
    const id = 9101;
    await message(id, {
      text: 'the dishwasher leaks water from the bottom, we already checked the door seal',
    });
    for (const answer of [
      'Sam Lee',
      '+852 9123 4567',
      'WQP8-7602',
      '2026-01-02',
      'Flat 2A, 10 King Road, North Point, Hong Kong',
      'tomorrow morning',
    ]) {
      await message(id, { text: answer });
    }
    await press(id, 'skip:invoice');
    calls.length = 0;
    await press(id, 'confirm');
    const methods = calls.map((c) => c.method);
    expect(methods.indexOf('sendChatAction')).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf('sendChatAction')).toBeLessThan(methods.lastIndexOf('sendMessage'));
    expect(calls.find((c) => c.method === 'sendChatAction')?.payload).toMatchObject({
      chat_id: id,
      action: 'typing',
    });
    expect(texts().at(-1)).toMatch(/Your ticket FL-\d{6}-\d{4} is filed/);
    // The staff notice is a job filed with the ticket: a topic, and the card in it.
    const worker = createJobWorker({
      db: app.database.db,
      clock: app.deps.clock,
      handlers: frontline.jobHandlers,
    });
    await worker.runDue();
    // The card goes through the outbox, written with the topic's record.
    await frontline.settle();
    const topic = calls.find((c) => c.method === 'createForumTopic');
    expect(String(topic?.payload.name)).toMatch(/^FL-\d{6}-\d{4} · 洗碗机/);
    const card = calls.find((c) => c.method === 'sendMessage' && c.payload.chat_id === -100777);
    expect(String(card?.payload.text)).toMatch(/🆕 FL-\d{6}-\d{4} · 洗碗机 · 故障/);
    expect(card?.payload.message_thread_id).toBeGreaterThan(1);
    expect(calls.find((c) => c.method === 'pinChatMessage')?.payload).toMatchObject({
      chat_id: -100777,
      message_id: expect.any(Number),
    });
  });

  it('keeps the summary when filing fails, and files on the next confirm', async () => {
    const id = 9110;
    await message(id, {
      text: 'the microwave runs but does not heat, the door is closed properly and the power is fine',
    });
    for (const answer of [
      'Kim',
      '+852 6123 4567',
      'MZC-2070M1',
      '2026-02-01',
      'Room 8, 3 Hill Road, Sai Ying Pun, Hong Kong',
      'tomorrow morning',
    ]) {
      await message(id, { text: answer });
    }
    await press(id, 'skip:invoice');
    // The database refuses the first filing (a trigger; a sequence counts, whatever rolls back).
    await app.database.db.execute(sql`create sequence test_filing_attempts`);
    await app.database.db.execute(sql`
      create function test_refuse_first_filing() returns trigger language plpgsql as $$
      begin
        if nextval('test_filing_attempts') = 1 then raise exception 'filing refused by the test'; end if;
        return new;
      end $$`);
    await app.database.db.execute(sql`
      create trigger test_refuse_first_filing before insert on tickets
      for each row execute function test_refuse_first_filing()`);
    calls.length = 0;
    await press(id, 'confirm');
    // One message: what went wrong, then the summary with its buttons again.
    expect(texts()).toEqual([
      expect.stringMatching(/couldn't file the ticket.*\n\nPlease check your service ticket/s),
    ]);
    calls.length = 0;
    await press(id, 'confirm');
    expect(texts().at(-1)).toMatch(/Your ticket FL-\d{6}-\d{4} is filed/);
    await app.database.db.execute(sql`drop trigger test_refuse_first_filing on tickets`);
  });

  it('answers every callback query, stale ones included, and takes the buttons off the pressed message', async () => {
    await press(9102, 'confirm');
    expect(calls.map((c) => c.method)).toEqual([
      'answerCallbackQuery',
      'editMessageReplyMarkup',
      'sendMessage',
    ]);
    expect(texts()).toEqual(['That button is no longer active.']);
  });

  it('moves a guided step on by replacing the pressed message, and takes "not modified" as done', async () => {
    const id = 9111;
    await message(id, { text: 'my fridge is too cold, the vegetables freeze' });
    const step = lastSentId();
    calls.length = 0;
    await press(id, 'g:next', step);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(calls[1]?.payload).toMatchObject({ chat_id: id, message_id: step });
    expect(String(calls[1]?.payload.text)).toMatch(/^Step 2 of/);
    calls.length = 0;
    failures.set('editMessageText', [
      { ok: false, error_code: 400, description: 'Bad Request: message is not modified' },
    ]);
    await press(id, 'g:repeat', step);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    calls.length = 0;
    // A button pressed on an older message is answered with a new message, its buttons taken off.
    await press(id, 'g:next', step - 1);
    expect(calls.map((c) => c.method)).toEqual([
      'answerCallbackQuery',
      'editMessageReplyMarkup',
      'sendMessage',
    ]);
    expect(texts()[0]).toMatch(/^Step 3 of/);
  });

  it('takes a shared location and a nameplate photo in the intake', async () => {
    const id = 9103;
    await message(id, {
      text: 'my air conditioner is leaking water indoors and shows E1, already cleaned the filter',
    });
    await message(id, { text: 'Mei' });
    await message(id, {
      contact: { phone_number: '8613812345678', first_name: 'Mei', user_id: id },
    });
    await message(id, {
      photo: [{ file_id: 'NAMEPLATE', file_unique_id: 'n', width: 100, height: 100 }],
    });
    expect(texts().join('\n')).toMatch(/Nameplate photo saved/);
    await message(id, { text: '2025-08-01' });
    await message(id, { location: { latitude: 22.28, longitude: 114.16 } });
    expect(texts().at(-1)).toMatch(/Which building, floor and flat/);
    await message(id, { text: 'Block 3, 12/F, Flat B' });
    expect(texts().at(-1)).toMatch(/When suits you/);
  });

  it('records a customer who blocked the bot instead of retrying', async () => {
    const id = 9104;
    failures.set('sendMessage', [
      { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    ]);
    await message(id, { text: '/help' });
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect((await app.deps.repos.customers.findByTelegramId(id))?.blockedAt).toBeInstanceOf(Date);
    await message(id, { text: '/help' });
    expect((await app.deps.repos.customers.findByTelegramId(id))?.blockedAt).toBeNull();
  });

  it('waits out a 429 with its retry_after and sends again', async () => {
    failures.set('sendMessage', [
      {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests',
        parameters: { retry_after: 1 },
      },
    ]);
    const started = Date.now();
    await message(9105, { text: '/privacy' });
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(texts()[1]).toMatch(/What we store/);
  });

  it('handles a redelivered update once', async () => {
    const id = ++updateId;
    await send(
      {
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 9106, type: 'private', first_name: 'T' },
          from: user(9106),
          text: '/help',
        } as never,
      },
      id,
    );
    await send(
      {
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 9106, type: 'private', first_name: 'T' },
          from: user(9106),
          text: '/help',
        } as never,
      },
      id,
    );
    expect(texts()).toHaveLength(1);
  });

  it("handles a message taken in while its chat's last update is being handled, in the same run", async () => {
    const chat = 9107;
    const help = (id: number, text: string) =>
      ({
        update_id: id,
        message: {
          message_id: messageId++,
          date: 0,
          chat: { id: chat, type: 'private', first_name: 'T' },
          from: user(chat),
          text,
        },
      }) as unknown as Update;
    const first = ++updateId;
    const second = ++updateId;
    const store = app.deps.store;
    const rateLimit = store.rateLimit.bind(store);
    let arrival: Promise<void> | undefined;
    // The second message comes in while the first one's turn runs (past its read of the inbox).
    store.rateLimit = async (key, limit, windowMs) => {
      if (key === `user:${chat}`) {
        arrival ??= frontline.receive([help(second, '/tickets')]);
        await arrival;
      }
      return rateLimit(key, limit, windowMs);
    };
    try {
      await frontline.handle(help(first, '/help'));
    } finally {
      store.rateLimit = rateLimit;
    }
    expect(await frontline.inbox.inbox.state(first)).toBe('done');
    expect(await frontline.inbox.inbox.state(second)).toBe('done');
    await frontline.settle();
    const replies = calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === chat);
    expect(replies).toHaveLength(2);
  });

  it('tells a customer whose turn failed on a bug that it is tried again, not that it is kept until a service is back', async () => {
    // A chat of its own: its update waits for the retry, and the chat's later updates behind it.
    const chat = 9131;
    const broken = breakTurns(chat, 1);
    try {
      await message(chat, { text: '/help' });
    } finally {
      broken.mend();
    }
    expect(broken.failed).toBe(1);
    expect(texts()[0]).toMatch(/Something went wrong with your last message.*trying it again/);
    // And it is tried again: the answer follows once the retry falls due (backoff in real time).
    for (let waited = 0; texts().length < 2 && waited < 20_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await frontline.settle();
    }
    expect(texts()).toEqual([
      expect.stringMatching(/trying it again/),
      expect.stringMatching(/Write what is wrong in your own words/),
    ]);
    expect(texts().join('\n')).not.toMatch(/Your message is kept/);
  }, 30_000);

  it('says it works in private chats and leaves a group it is added to, ignoring group chatter', async () => {
    const chat = { id: -4001, type: 'group', title: 'Family' };
    const info = vi.spyOn(app.deps.log, 'info');
    await send({
      my_chat_member: {
        chat,
        from: user(9107),
        date: 0,
        old_chat_member: { status: 'left', user: BOT_INFO },
        new_chat_member: { status: 'member', user: BOT_INFO },
      } as never,
    });
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'leaveChat']);
    expect(texts()[0]).toMatch(/private chat/);
    // The operator finds a new staff group's id in the log (README "Staff chat").
    expect(info).toHaveBeenCalledWith(
      { chatId: -4001, staffChat: -100777 },
      expect.stringMatching(/set STAFF_CHAT_ID to this id/),
    );
    info.mockRestore();
    calls.length = 0;
    await message(9107, { text: 'hello bot' }, chat);
    expect(calls).toEqual([]);
  });

  it('answers edited messages, documents and stickers in a private chat', async () => {
    await send({
      edited_message: {
        message_id: 5,
        date: 0,
        edit_date: 1,
        chat: { id: 9108, type: 'private', first_name: 'T' },
        from: user(9108),
        text: 'x',
      } as never,
    });
    await message(9108, {
      document: { file_id: 'D', file_unique_id: 'd', mime_type: 'application/pdf' },
    });
    await message(9108, {
      sticker: {
        file_id: 'S',
        file_unique_id: 's',
        type: 'regular',
        width: 1,
        height: 1,
        is_animated: false,
        is_video: false,
      },
    });
    expect(texts()).toEqual([
      expect.stringMatching(/I saw your edit/),
      expect.stringMatching(/I can read text, photos/),
      expect.stringMatching(/I can read text, photos/),
    ]);
  });

  it('keeps the "if that doesn\'t work, I\'ll tell you" of a turn that always fails on a bug: told once it is tried again, once it was given up, the update dead, the next one answered', async () => {
    const chat = 9133;
    const broken = breakTurns(chat, Number.POSITIVE_INFINITY);
    const doomed = updateId + 1;
    const toChat = () =>
      calls
        .filter((c) => c.method === 'sendMessage' && c.payload.chat_id === chat)
        .map((c) => String(c.payload.text));
    try {
      await message(chat, { text: '/help' });
      // Each retry falls due on the clock (1 s doubling): moved on rather than waited for.
      for (
        let round = 0;
        round < 10 && (await frontline.inbox.inbox.state(doomed)) !== 'dead';
        round++
      ) {
        clock.advance(120_000);
        await frontline.settle();
      }
    } finally {
      broken.mend();
    }
    // Five attempts (the inbox's limit), then given up: kept as dead, not dropped.
    expect(broken.failed).toBe(5);
    expect(await frontline.inbox.inbox.state(doomed)).toBe('dead');
    expect(toChat()).toEqual([
      "Something went wrong with your last message on my side. I'm trying it again; if that doesn't work, I'll tell you.",
      "Sorry, I couldn't handle your last message. Please send it again in other words, or use /human to reach a person.",
    ]);
    // The chat goes on: its next message is answered.
    await message(chat, { text: '/help' });
    expect(toChat()).toHaveLength(3);
    expect(toChat()[2]).toMatch(/Write what is wrong in your own words/);
    expect(await frontline.inbox.inbox.state(updateId)).toBe('done');
  });

  it('replies in Traditional Chinese to a zh-TW customer', async () => {
    await send({
      message: {
        message_id: 9,
        date: 0,
        chat: { id: 9109, type: 'private', first_name: 'T' },
        from: user(9109, 'zh-TW'),
        text: '/start',
      } as never,
    });
    expect(texts()[0]).toMatch(/您好！我是售後服務助手/);
  });
});
