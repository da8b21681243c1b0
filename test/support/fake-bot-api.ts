import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Update } from 'grammy/types';

/** A Bot API call as the stand-in received it. */
export type FakeCall = {
  method: string;
  at: number;
  chatId: number;
  body: Record<string, unknown>;
};

/** A message the stand-in accepted (a send or an edit), as Telegram would have it. */
export type AcceptedMessage = {
  method: string;
  chatId: number;
  messageId: number;
  text: string;
  /** When it was accepted (ms since the epoch). */
  at: number;
  buttons: { text: string; data: string }[];
  paid: boolean;
};

export type FakeBotApiOptions = {
  /**
   * Telegram's flood control, enforced: more message sends than this in any second get a 429
   * with `retry_after: 1` (the bot must stay within its budget). Default: not enforced.
   */
  sendsPerSecond?: number;
};

const SENDS = new Set(['sendMessage', 'copyMessage', 'forwardMessage', 'sendPhoto']);

type Markup = { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;

/**
 * A local stand-in for the Bot API over HTTP, for the bot as a real process (or several):
 * `getUpdates` long-polls what the test queues (an offset confirms, as Telegram's does), message
 * sends and edits are accepted and recorded with their time, and everything else answers `true`.
 * Unlike the emulator it holds an empty `getUpdates` for its timeout, so an idle bot costs nothing.
 */
export async function startFakeBotApi(options: FakeBotApiOptions = {}) {
  const accepted: AcceptedMessage[] = [];
  const calls: FakeCall[] = [];
  let holding = false;
  const held: (() => void)[] = [];
  let queued: Update[] = [];
  let nextMessageId = 1;
  let nextUpdateId = 1;
  let tooManyRequests = 0;
  const recentSends: number[] = [];
  const readJson = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };

  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? '').split('/').at(-1) ?? '';
    const body = await readJson(req).catch(() => ({}) as Record<string, unknown>);
    calls.push({ method, at: Date.now(), chatId: Number(body.chat_id ?? 0), body });
    const answer = (result: unknown) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, result }));
    if (method === 'getMe')
      return answer({ id: 777, is_bot: true, first_name: 'Frontline', username: 'fl_fake_bot' });
    // A staff chat that is a forum with the bot as an admin that may manage topics.
    if (method === 'getChat')
      return answer({
        id: Number(body.chat_id),
        type: 'supergroup',
        title: 'Staff',
        is_forum: true,
      });
    if (method === 'getChatMember')
      return answer({
        status: 'administrator',
        user: { id: Number(body.user_id), is_bot: false, first_name: 'S' },
        can_manage_topics: true,
        can_delete_messages: true,
        can_pin_messages: true,
      });
    if (method === 'createForumTopic')
      return answer({ message_thread_id: nextMessageId++, name: String(body.name), icon_color: 0 });
    if (method === 'getUpdates') {
      const offset = Number(body.offset ?? 0);
      queued = queued.filter((update) => update.update_id >= offset);
      const deadline = Date.now() + Math.min(Number(body.timeout ?? 0), 2) * 1000;
      while (queued.length === 0 && Date.now() < deadline && !req.destroyed) await sleep(10);
      return answer(queued.slice(0, 100));
    }
    const chatId = Number(body.chat_id);
    if (SENDS.has(method) && options.sendsPerSecond !== undefined) {
      const now = Date.now();
      while (recentSends.length > 0 && (recentSends[0] as number) <= now - 1000)
        recentSends.shift();
      if (recentSends.length >= options.sendsPerSecond) {
        tooManyRequests += 1;
        return res.writeHead(429, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ok: false,
            error_code: 429,
            description: 'Too Many Requests: retry after 1',
            parameters: { retry_after: 1 },
          }),
        );
      }
      recentSends.push(now);
    }
    if (holding && method === 'sendMessage')
      await new Promise<void>((resolve) => held.push(resolve));
    if (SENDS.has(method) || method === 'editMessageText') {
      const edit = method === 'editMessageText';
      const messageId = edit ? Number(body.message_id) : nextMessageId++;
      const markup = (
        typeof body.reply_markup === 'string' ? JSON.parse(body.reply_markup) : body.reply_markup
      ) as Markup;
      accepted.push({
        method,
        chatId,
        messageId,
        text: String(body.text ?? ''),
        at: Date.now(),
        buttons: (markup?.inline_keyboard ?? [])
          .flat()
          .map((b) => ({ text: b.text, data: b.callback_data ?? '' })),
        paid: body.allow_paid_broadcast === true,
      });
      if (edit) return answer(true);
      return answer({
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' },
        text: body.text,
      });
    }
    return answer(true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const from = (userId: number, languageCode: string) => ({
    id: userId,
    is_bot: false,
    first_name: 'C',
    language_code: languageCode,
  });

  return {
    root,
    accepted,
    calls,
    /** Keeps each sendMessage unanswered until `release()`: a send in flight, on purpose. */
    holdReplies(): void {
      holding = true;
    },
    release(): void {
      holding = false;
      for (const resume of held.splice(0)) resume();
    },
    /** Waits for a call that matches. */
    async waitForCall(predicate: (call: FakeCall) => boolean, ms = 60_000): Promise<FakeCall> {
      const end = Date.now() + ms;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > end) throw new Error('the bot never made the expected call');
        await sleep(20);
      }
    },
    /** Chats that were shown the typing action. */
    typingChats: () =>
      new Set(calls.filter((c) => c.method === 'sendChatAction').map((c) => c.chatId)).size,
    /** 429s given for going over `sendsPerSecond`. */
    tooManyRequests: () => tooManyRequests,
    /** A text message from a customer (update ids count up from 1). */
    message(userId: number, text: string, languageCode = 'en'): Update {
      const id = nextUpdateId++;
      return {
        update_id: id,
        message: {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: userId, type: 'private', first_name: 'C' },
          from: from(userId, languageCode),
          text,
        },
      } as Update;
    },
    /** A press of the latest button in the chat whose label matches. */
    press(userId: number, label: RegExp, languageCode = 'en'): Update {
      const owner = [...accepted]
        .reverse()
        .find((m) => m.chatId === userId && m.buttons.some((b) => label.test(b.text)));
      const button = owner?.buttons.find((b) => label.test(b.text));
      if (!owner || !button) throw new Error(`no button ${label} in chat ${userId}`);
      const id = nextUpdateId++;
      return {
        update_id: id,
        callback_query: {
          id: `q${id}`,
          from: from(userId, languageCode),
          chat_instance: 'fake',
          data: button.data,
          message: {
            message_id: owner.messageId,
            date: 0,
            chat: { id: userId, type: 'private', first_name: 'C' },
            text: owner.text,
          },
        },
      } as Update;
    },
    /** Queues updates for the bot's long polling. */
    queue(...updates: Update[]): void {
      queued.push(...updates);
    },
    /** What the chat was sent, in order (edits as they came). */
    chat(userId: number): AcceptedMessage[] {
      return accepted.filter((m) => m.chatId === userId);
    },
    /** How many messages (sends and edits) the chat has received. */
    count: (userId: number) => accepted.filter((m) => m.chatId === userId).length,
    /** Waits until the chat has a message matching `pattern` after the first `after` ones. */
    async waitFor(
      userId: number,
      pattern: RegExp,
      after = 0,
      ms = 30_000,
    ): Promise<AcceptedMessage> {
      const end = Date.now() + ms;
      for (;;) {
        const found = accepted
          .filter((m) => m.chatId === userId)
          .slice(after)
          .find((m) => pattern.test(m.text));
        if (found) return found;
        if (Date.now() > end)
          throw new Error(
            `chat ${userId} never got ${pattern}; it got:\n${accepted
              .filter((m) => m.chatId === userId)
              .map((m) => m.text.slice(0, 80))
              .join('\n')}`,
          );
        await sleep(20);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeBotApi = Awaited<ReturnType<typeof startFakeBotApi>>;
