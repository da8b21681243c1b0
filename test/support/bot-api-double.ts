import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-process Bot API double for what telegram-test-api lacks: forum topics, copies, edits,
 * albums, pins, chat members, and the errors a staff forum meets (a deleted or closed topic, a
 * blocked customer, a bot removed from its group, 429 with `retry_after`). It is an HTTP server on
 * 127.0.0.1 speaking the Bot API's wire format, so the real bot talks to it through `apiRoot` and
 * long-polls it for updates; tests act as the people in the chats (send, edit, press, delete a
 * topic) and read what the bot did from the stored chats.
 */

export type DoubleUser = {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
};

type PhotoSize = { file_id: string; file_unique_id: string; width: number; height: number };

/** A message as the double keeps it (and hands it out in updates). */
export type StoredMessage = {
  message_id: number;
  date: number;
  chat: Record<string, unknown>;
  from?: DoubleUser;
  message_thread_id?: number;
  is_topic_message?: true;
  text?: string;
  caption?: string;
  photo?: PhotoSize[];
  document?: { file_id: string; file_unique_id: string; file_name?: string };
  sticker?: {
    file_id: string;
    file_unique_id: string;
    type: 'regular';
    width: number;
    height: number;
    is_animated: false;
    is_video: false;
  };
  voice?: { file_id: string; file_unique_id: string; duration: number };
  location?: { latitude: number; longitude: number };
  media_group_id?: string;
  reply_to_message?: StoredMessage;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
  forum_topic_created?: { name: string; icon_color: number };
  forum_topic_closed?: Record<string, never>;
  forum_topic_reopened?: Record<string, never>;
  edit_date?: number;
  /** Double bookkeeping, stripped from what the bot sees. */
  pinned?: boolean;
  copiedFrom?: { chatId: number; messageId: number };
};

/** What a person can send: text, a photo, a sticker, a voice note, a document, a location. */
export type Content =
  | { text: string }
  | { photo: string; caption?: string }
  | { sticker: string }
  | { voice: string }
  | { document: string; caption?: string }
  | { location: { latitude: number; longitude: number } };

type Topic = {
  id: number;
  name: string;
  state: 'open' | 'closed' | 'deleted';
};

type Member = { status: string; rights: Record<string, boolean>; isMember?: boolean };

type Chat = {
  id: number;
  type: 'private' | 'supergroup';
  title?: string;
  isForum: boolean;
  user?: DoubleUser;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  topics: Map<number, Topic>;
  members: Map<number, Member>;
};

export type ApiCall = {
  method: string;
  payload: Record<string, unknown>;
  ok: boolean;
  error?: string;
};

type ApiAnswer =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: { retry_after: number } };

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}

const bad = (description: string) => new ApiFailure(400, `Bad Request: ${description}`);
const SENDING = new Set([
  'sendMessage',
  'copyMessage',
  'copyMessages',
  'sendPhoto',
  'sendMediaGroup',
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
  'pinChatMessage',
  'createForumTopic',
  'reopenForumTopic',
  'closeForumTopic',
  'deleteForumTopic',
  'deleteMessage',
  'deleteMessages',
]);

const ADMIN_RIGHTS = {
  can_manage_topics: true,
  can_delete_messages: true,
  can_pin_messages: true,
};

export type BotApiDoubleOptions = { token: string; bot: DoubleUser };

export class BotApiDouble {
  readonly calls: ApiCall[] = [];
  /** 429 answers given, by chat id. */
  readonly rateLimited = new Map<number, number>();
  private server: Server | undefined;
  private readonly chats = new Map<number, Chat>();
  private readonly blocked = new Set<number>();
  private readonly updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1;
  private waiters: (() => void)[] = [];
  private readonly limits = new Map<number, { until: number; retryAfter: number }>();
  private readonly failures: {
    method: string;
    error: ApiFailure;
    when: ((payload: Record<string, unknown>) => boolean) | undefined;
  }[] = [];
  private nextCallbackId = 1;
  private down: 'silent' | 'error' | undefined;
  apiRoot = '';

  constructor(private readonly options: BotApiDoubleOptions) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.serve(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.apiRoot = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters.splice(0)) wake();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  // ── The world ──────────────────────────────────────────────────────────────────────────────

  /** A private chat with a person (its id is theirs). */
  addPrivateChat(user: DoubleUser): void {
    this.chats.set(user.id, this.newChat(user.id, 'private', { user }));
  }

  /** A supergroup, with Topics on unless `isForum` is false. The bot is not in it until added. */
  addSupergroup(id: number, title: string, { isForum = true } = {}): void {
    // Message ids in a group start high: 1 is the General topic's id, never a topic the bot made.
    this.chats.set(id, this.newChat(id, 'supergroup', { title, isForum, nextMessageId: 100 }));
  }

  /** Sets someone's membership (`administrator` gets every right unless `rights` says less). */
  setMember(
    chatId: number,
    userId: number,
    status: 'creator' | 'administrator' | 'member' | 'restricted' | 'left' | 'kicked',
    rights: Record<string, boolean> = status === 'administrator' ? ADMIN_RIGHTS : {},
  ): void {
    this.chat(chatId).members.set(userId, { status, rights, isMember: status === 'restricted' });
  }

  /** The customer blocks the bot: sends to them answer 403. */
  block(userId: number): void {
    this.blocked.add(userId);
  }

  /** For `forMs`, every sending call to this chat answers 429 with `retry_after`. */
  rateLimit(chatId: number, forMs: number, retryAfter = 1): void {
    this.limits.set(chatId, { until: Date.now() + forMs, retryAfter });
  }

  /**
   * Telegram down (`undefined`: back up): every call but `getUpdates` gets no answer at all
   * (`silent`: the connection is held until the client gives up) or a `502 Bad Gateway`
   * (`error`), and does nothing. Such calls are recorded with `error` 'no answer' or '502'.
   */
  outage(mode: 'silent' | 'error' | undefined): void {
    this.down = mode;
  }

  /** The next call of `method` (whose parameters pass `when`, if given) fails with this Bot API error. */
  failNext(
    method: string,
    code: number,
    description: string,
    when?: (payload: Record<string, unknown>) => boolean,
  ): void {
    this.failures.push({ method, error: new ApiFailure(code, description), when });
  }

  /** A person deletes a topic in the Telegram app (the bot is not told). */
  deleteTopic(chatId: number, topicId: number): void {
    const topic = this.chat(chatId).topics.get(topicId);
    if (topic) topic.state = 'deleted';
  }

  /** A person closes a topic; the service message reaches the bot as an update. */
  closeTopic(chatId: number, topicId: number, by: DoubleUser): void {
    const topic = this.chat(chatId).topics.get(topicId);
    if (!topic) throw new Error(`no topic ${topicId}`);
    topic.state = 'closed';
    this.deliver(
      this.store(chatId, by, { forum_topic_closed: {} } as Partial<StoredMessage>, topicId),
    );
  }

  topic(chatId: number, topicId: number): Topic | undefined {
    return this.chat(chatId).topics.get(topicId);
  }

  topics(chatId: number): Topic[] {
    return [...this.chat(chatId).topics.values()];
  }

  // ── People acting ──────────────────────────────────────────────────────────────────────────

  /** A person writes in a chat (in a topic when `topicId` is given); the bot gets the update. */
  send(
    from: DoubleUser,
    chatId: number,
    content: Content,
    options: { topicId?: number; replyTo?: number; mediaGroupId?: string } = {},
  ): StoredMessage {
    const message = this.store(chatId, from, this.toFields(content), options.topicId, options);
    this.deliver(message);
    return message;
  }

  /** A person sends an album: one message per photo, one media group, one update each. */
  sendAlbum(
    from: DoubleUser,
    chatId: number,
    photos: { photo: string; caption?: string }[],
    options: { topicId?: number } = {},
  ): StoredMessage[] {
    const mediaGroupId = `album-${chatId}-${this.chat(chatId).nextMessageId}`;
    return photos.map((photo) => this.send(from, chatId, photo, { ...options, mediaGroupId }));
  }

  /** A person edits their message's text or caption; the bot gets `edited_message`. */
  edit(chatId: number, messageId: number, text: string): StoredMessage {
    const message = this.message(chatId, messageId);
    if (message.caption !== undefined || message.photo) message.caption = text;
    else message.text = text;
    message.edit_date = Math.floor(Date.now() / 1000);
    this.push({ edited_message: this.visible(message) });
    return message;
  }

  /** A person presses an inline button on a bot message. */
  press(from: DoubleUser, chatId: number, messageId: number, buttonText: RegExp): void {
    const message = this.message(chatId, messageId);
    const button = message.reply_markup?.inline_keyboard
      ?.flat()
      .find((candidate) => buttonText.test(candidate.text));
    if (!button?.callback_data)
      throw new Error(`no button ${buttonText} on message ${messageId} in chat ${chatId}`);
    this.push({
      callback_query: {
        id: String(this.nextCallbackId++),
        from,
        chat_instance: String(chatId),
        message: this.visible(message),
        data: button.callback_data,
      },
    });
  }

  // ── Reading what happened ──────────────────────────────────────────────────────────────────

  /** Messages in a chat, oldest first; in one topic when `topicId` is given (General: 0). */
  messages(chatId: number, topicId?: number): StoredMessage[] {
    const all = [...this.chat(chatId).messages.values()];
    if (topicId === undefined) return all;
    return all.filter((m) => (m.message_thread_id ?? 0) === topicId);
  }

  /** What the bot sent (or copied) into a chat, oldest first. */
  botMessages(chatId: number, topicId?: number): StoredMessage[] {
    return this.messages(chatId, topicId).filter(
      (m) => m.from?.id === this.options.bot.id && !m.forum_topic_created,
    );
  }

  message(chatId: number, messageId: number): StoredMessage {
    const message = this.chat(chatId).messages.get(messageId);
    if (!message) throw new Error(`no message ${messageId} in chat ${chatId}`);
    return message;
  }

  /** Waits until `check` returns something truthy (the bot works asynchronously). */
  async waitFor<T>(
    check: () => T | undefined | false | Promise<T | undefined | false>,
    what: string,
    timeoutMs = 10_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // An async check is awaited: a pending promise is not an answer (it is always truthy).
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  // ── The Bot API ────────────────────────────────────────────────────────────────────────────

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Down or up as the request arrives (its body may be read after the outage ends).
    const down = this.down;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const match = /^\/bot([^/]+)\/(\w+)/.exec(request.url ?? '');
    const body = Buffer.concat(chunks).toString('utf8');
    const payload = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    if (down && match?.[2] !== 'getUpdates') {
      const method = match?.[2] ?? '';
      this.calls.push({
        method,
        payload,
        ok: false,
        error: down === 'silent' ? 'no answer' : '502',
      });
      if (down === 'silent') return;
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: false, error_code: 502, description: 'Bad Gateway' }));
      return;
    }
    let answer: ApiAnswer;
    if (!match || match[1] !== this.options.token) {
      answer = { ok: false, error_code: 401, description: 'Unauthorized' };
    } else {
      answer = await this.call(match[2] as string, payload);
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer));
  }

  private async call(method: string, payload: Record<string, unknown>): Promise<ApiAnswer> {
    try {
      const injected = this.failures.findIndex(
        (failure) => failure.method === method && (failure.when?.(payload) ?? true),
      );
      if (injected >= 0) {
        const [failure] = this.failures.splice(injected, 1);
        throw failure?.error;
      }
      if (SENDING.has(method)) this.checkLimit(Number(payload.chat_id));
      const result = await this.run(method, payload);
      if (method !== 'getUpdates') this.calls.push({ method, payload, ok: true });
      return { ok: true, result };
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      this.calls.push({ method, payload, ok: false, error: error.description });
      return {
        ok: false,
        error_code: error.code,
        description: error.description,
        ...(error.retryAfter === undefined
          ? {}
          : { parameters: { retry_after: error.retryAfter } }),
      };
    }
  }

  private checkLimit(chatId: number): void {
    const limit = this.limits.get(chatId);
    if (!limit || Date.now() >= limit.until) return;
    this.rateLimited.set(chatId, (this.rateLimited.get(chatId) ?? 0) + 1);
    throw new ApiFailure(
      429,
      `Too Many Requests: retry after ${limit.retryAfter}`,
      limit.retryAfter,
    );
  }

  private async run(method: string, p: Record<string, unknown>): Promise<unknown> {
    const bot = this.options.bot;
    switch (method) {
      case 'getMe':
        return {
          ...bot,
          is_bot: true,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case 'getUpdates':
        return this.getUpdates(Number(p.offset ?? 0), Number(p.timeout ?? 0));
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
      case 'sendChatAction':
      case 'answerCallbackQuery':
      case 'leaveChat':
        return true;
      case 'getChat': {
        const chat = this.reachable(Number(p.chat_id));
        return {
          id: chat.id,
          type: chat.type,
          title: chat.title,
          is_forum: chat.isForum || undefined,
        };
      }
      case 'getChatMember': {
        const chat = this.chat(Number(p.chat_id));
        const userId = Number(p.user_id);
        const member = chat.members.get(userId) ?? { status: 'left', rights: {} };
        return {
          status: member.status,
          user: { id: userId, is_bot: userId === bot.id, first_name: 'User' },
          ...(member.status === 'restricted' ? { is_member: member.isMember } : {}),
          ...member.rights,
        };
      }
      case 'sendMessage': {
        const chat = this.writable(Number(p.chat_id), p.message_thread_id);
        return this.visible(
          this.store(
            chat.id,
            bot,
            { text: String(p.text), reply_markup: this.markup(p) },
            this.threadOf(p),
            {
              replyTo: this.replyTarget(p),
            },
          ),
        );
      }
      case 'sendPhoto': {
        // A photo sent again by its file id (one the bot received): the stored message carries it.
        const chat = this.writable(Number(p.chat_id), p.message_thread_id);
        const fields = this.toFields({ photo: String(p.photo) });
        if (typeof p.caption === 'string') fields.caption = p.caption;
        return this.visible(this.store(chat.id, bot, fields, this.threadOf(p)));
      }
      case 'sendMediaGroup': {
        const chat = this.writable(Number(p.chat_id), p.message_thread_id);
        const media = p.media as { type: string; media: string; caption?: string }[];
        if (!Array.isArray(media) || media.length < 2 || media.length > 10)
          throw bad('wrong number of media in the album: 2 to 10');
        const group = `sent-${chat.id}-${chat.nextMessageId}`;
        return media.map((item) => {
          if (item.type !== 'photo') throw bad(`media type ${item.type} is not in the double`);
          const fields = this.toFields({ photo: item.media });
          if (typeof item.caption === 'string') fields.caption = item.caption;
          return this.visible(
            this.store(chat.id, bot, fields, this.threadOf(p), { mediaGroupId: group }),
          );
        });
      }
      case 'copyMessage': {
        const [copy] = this.copy(p, [Number(p.message_id)]);
        return { message_id: copy?.message_id };
      }
      case 'copyMessages': {
        const ids = (p.message_ids as number[]).map(Number);
        if (ids.some((id, i) => i > 0 && id <= (ids[i - 1] as number)))
          throw bad('message identifiers must be in strictly increasing order');
        return this.copy(p, ids).map((copy) => ({ message_id: copy.message_id }));
      }
      case 'editMessageText':
      case 'editMessageCaption': {
        const message = this.ownMessage(p);
        const field = method === 'editMessageText' ? 'text' : 'caption';
        const value = String(p[field]);
        if (message[field] === undefined && !(field === 'caption' && message.photo))
          throw bad(`there is no ${field} in the message to edit`);
        if (message[field] === value) throw bad('message is not modified');
        message[field] = value;
        if (p.reply_markup !== undefined) message.reply_markup = this.markup(p);
        message.edit_date = Math.floor(Date.now() / 1000);
        return this.visible(message);
      }
      case 'editMessageReplyMarkup': {
        const message = this.ownMessage(p);
        message.reply_markup = this.markup(p);
        return this.visible(message);
      }
      case 'pinChatMessage': {
        const chat = this.reachable(Number(p.chat_id));
        this.requireRight(chat, 'can_pin_messages');
        const message = chat.messages.get(Number(p.message_id));
        if (!message) throw bad('message to pin not found');
        message.pinned = true;
        return true;
      }
      case 'createForumTopic': {
        const chat = this.reachable(Number(p.chat_id));
        if (!chat.isForum) throw bad('the chat is not a forum');
        this.requireRight(chat, 'can_manage_topics');
        // A topic's id is the id of the service message that created it.
        const id = chat.nextMessageId++;
        const name = String(p.name);
        chat.topics.set(id, { id, name, state: 'open' });
        const created: StoredMessage = {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          chat: this.chatObject(chat),
          from: bot,
          message_thread_id: id,
          is_topic_message: true,
          forum_topic_created: { name, icon_color: 7322096 },
        };
        chat.messages.set(id, created);
        return { message_thread_id: id, name, icon_color: 7322096 };
      }
      case 'deleteMessage': {
        const chat = this.reachable(Number(p.chat_id));
        const message = chat.messages.get(Number(p.message_id));
        if (!message) throw bad('message to delete not found');
        if (message.from?.id !== bot.id && chat.type !== 'private')
          this.requireRight(chat, 'can_delete_messages');
        chat.messages.delete(Number(p.message_id));
        return true;
      }
      case 'deleteMessages': {
        // As Telegram: 1–100 ids; those not found are skipped; one that may not be deleted fails all.
        const chat = this.reachable(Number(p.chat_id));
        const ids = (p.message_ids as number[]).map(Number);
        if (ids.length < 1 || ids.length > 100) throw bad('MESSAGE_IDS_INVALID');
        const found = ids.filter((id) => chat.messages.has(id));
        if (found.some((id) => chat.messages.get(id)?.from?.id !== bot.id))
          this.requireRight(chat, 'can_delete_messages');
        for (const id of found) chat.messages.delete(id);
        return true;
      }
      case 'closeForumTopic':
      case 'reopenForumTopic':
      case 'deleteForumTopic': {
        const chat = this.reachable(Number(p.chat_id));
        // As the Bot API: closing and reopening need the right to manage topics; deleting a topic
        // (with all its messages) needs the right to delete messages.
        this.requireRight(
          chat,
          method === 'deleteForumTopic' ? 'can_delete_messages' : 'can_manage_topics',
        );
        const topic = chat.topics.get(Number(p.message_thread_id));
        if (!topic || topic.state === 'deleted') throw bad('TOPIC_ID_INVALID');
        const next =
          method === 'closeForumTopic'
            ? 'closed'
            : method === 'reopenForumTopic'
              ? 'open'
              : 'deleted';
        if (topic.state === next) throw bad('TOPIC_NOT_MODIFIED');
        topic.state = next;
        // A deleted topic's messages go with it.
        if (next === 'deleted')
          for (const [id, message] of chat.messages)
            if (message.message_thread_id === topic.id) chat.messages.delete(id);
        return true;
      }
      default:
        throw new ApiFailure(404, `Not Found: method ${method} is not in the double`);
    }
  }

  private getUpdates(offset: number, timeoutSeconds: number): Promise<unknown[]> {
    const ready = () => this.updates.filter((u) => Number(u.update_id) >= offset);
    while (this.updates.length > 0 && Number(this.updates[0]?.update_id) < offset)
      this.updates.shift();
    if (ready().length > 0 || timeoutSeconds <= 0) return Promise.resolve(ready());
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(ready());
      };
      const timer = setTimeout(done, timeoutSeconds * 1000);
      this.waiters.push(done);
    });
  }

  // ── Internals ──────────────────────────────────────────────────────────────────────────────

  private newChat(id: number, type: Chat['type'], extra: Partial<Chat>): Chat {
    return {
      id,
      type,
      isForum: false,
      nextMessageId: 1,
      messages: new Map(),
      topics: new Map(),
      members: new Map(),
      ...extra,
    };
  }

  private chat(chatId: number): Chat {
    const chat = this.chats.get(chatId);
    if (!chat) throw bad('chat not found');
    return chat;
  }

  /** A chat the bot may act in: not blocked by its person, the bot still in the group. */
  private reachable(chatId: number): Chat {
    const chat = this.chat(chatId);
    if (chat.type === 'private' && this.blocked.has(chatId))
      throw new ApiFailure(403, 'Forbidden: bot was blocked by the user');
    if (chat.type === 'supergroup') {
      const status = chat.members.get(this.options.bot.id)?.status;
      if (status === 'kicked' || status === 'left' || status === undefined)
        throw new ApiFailure(403, 'Forbidden: bot was kicked from the supergroup chat');
    }
    return chat;
  }

  /** A chat and topic the bot may post in: the topic exists, is not deleted, is open. */
  private writable(chatId: number, threadId: unknown): Chat {
    const chat = this.reachable(chatId);
    if (threadId === undefined || threadId === null) return chat;
    const topic = chat.isForum ? chat.topics.get(Number(threadId)) : undefined;
    // The General topic (1) is not a thread you can name, nor is a deleted topic.
    if (!topic || topic.state === 'deleted') throw bad('message thread not found');
    if (topic.state === 'closed') throw bad('TOPIC_CLOSED');
    return chat;
  }

  private requireRight(chat: Chat, right: string): void {
    const member = chat.members.get(this.options.bot.id);
    if (member?.status !== 'administrator' || member.rights[right] !== true)
      throw bad(`not enough rights (${right})`);
  }

  private threadOf(p: Record<string, unknown>): number | undefined {
    return p.message_thread_id === undefined ? undefined : Number(p.message_thread_id);
  }

  private replyTarget(p: Record<string, unknown>): number | undefined {
    const parameters = p.reply_parameters as { message_id?: number } | undefined;
    return parameters?.message_id;
  }

  private markup(p: Record<string, unknown>): StoredMessage['reply_markup'] {
    const raw = p.reply_markup;
    const markup = (
      typeof raw === 'string' ? JSON.parse(raw) : raw
    ) as StoredMessage['reply_markup'];
    return markup?.inline_keyboard ? markup : undefined;
  }

  private ownMessage(p: Record<string, unknown>): StoredMessage {
    const chat = this.reachable(Number(p.chat_id));
    const message = chat.messages.get(Number(p.message_id));
    if (!message) throw bad('message to edit not found');
    if (message.from?.id !== this.options.bot.id) throw bad("message can't be edited");
    return message;
  }

  private copy(p: Record<string, unknown>, ids: number[]): StoredMessage[] {
    const target = this.writable(Number(p.chat_id), p.message_thread_id);
    const source = this.reachable(Number(p.from_chat_id));
    const originals = ids.map((id) => {
      const original = source.messages.get(id);
      if (!original) throw bad('message to copy not found');
      if (original.forum_topic_created || original.forum_topic_closed)
        throw bad("message can't be copied");
      return original;
    });
    const groups = new Map<string, string>();
    return originals.map((original) => {
      const fields: Partial<StoredMessage> = {};
      for (const key of [
        'text',
        'caption',
        'photo',
        'document',
        'sticker',
        'voice',
        'location',
      ] as const)
        if (original[key] !== undefined) Object.assign(fields, { [key]: original[key] });
      if (original.media_group_id && ids.length > 1) {
        const group =
          groups.get(original.media_group_id) ?? `copy-${original.media_group_id}-${target.id}`;
        groups.set(original.media_group_id, group);
        fields.media_group_id = group;
      }
      if (typeof p.caption === 'string') fields.caption = p.caption;
      fields.copiedFrom = { chatId: source.id, messageId: original.message_id };
      return this.store(target.id, this.options.bot, fields, this.threadOf(p), {
        replyTo: this.replyTarget(p),
      });
    });
  }

  private toFields(content: Content): Partial<StoredMessage> {
    const file = (id: string) => ({ file_id: id, file_unique_id: `u-${id}` });
    if ('text' in content) return { text: content.text };
    if ('photo' in content) {
      const fields: Partial<StoredMessage> = {
        photo: [{ ...file(content.photo), width: 800, height: 600 }],
      };
      if (content.caption !== undefined) fields.caption = content.caption;
      return fields;
    }
    if ('sticker' in content)
      return {
        sticker: {
          ...file(content.sticker),
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      };
    if ('voice' in content) return { voice: { ...file(content.voice), duration: 3 } };
    if ('document' in content) {
      const fields: Partial<StoredMessage> = { document: file(content.document) };
      if (content.caption !== undefined) fields.caption = content.caption;
      return fields;
    }
    return { location: content.location };
  }

  private store(
    chatId: number,
    from: DoubleUser,
    fields: Partial<StoredMessage>,
    topicId: number | undefined,
    options: { replyTo?: number | undefined; mediaGroupId?: string } = {},
  ): StoredMessage {
    const chat = this.chat(chatId);
    const message: StoredMessage = {
      message_id: chat.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: this.chatObject(chat),
      from,
      ...fields,
    };
    if (options.mediaGroupId) message.media_group_id = options.mediaGroupId;
    if (topicId !== undefined && chat.isForum) {
      message.message_thread_id = topicId;
      message.is_topic_message = true;
      // In a topic, a message that replies to nothing "replies" to the topic's creation message.
      message.reply_to_message = chat.messages.get(topicId);
    }
    if (options.replyTo !== undefined) {
      const target = chat.messages.get(options.replyTo);
      if (target) message.reply_to_message = target;
    }
    chat.messages.set(message.message_id, message);
    return message;
  }

  private chatObject(chat: Chat): Record<string, unknown> {
    return chat.type === 'private'
      ? { id: chat.id, type: 'private', first_name: chat.user?.first_name ?? 'User' }
      : {
          id: chat.id,
          type: 'supergroup',
          title: chat.title,
          ...(chat.isForum ? { is_forum: true } : {}),
        };
  }

  /** The message as the Bot API shows it: without the double's bookkeeping. */
  private visible(message: StoredMessage): Record<string, unknown> {
    const { pinned: _pinned, copiedFrom: _copied, reply_to_message, ...rest } = message;
    return reply_to_message
      ? {
          ...rest,
          reply_to_message: this.visible({ ...reply_to_message, reply_to_message: undefined }),
        }
      : rest;
  }

  /** Hands a message people wrote to the bot (bots never get their own or other bots' messages). */
  private deliver(message: StoredMessage): void {
    if (message.from?.is_bot) return;
    this.push({ message: this.visible(message) });
  }

  private push(update: Record<string, unknown>): void {
    this.updates.push({ update_id: this.nextUpdateId++, ...update });
    for (const wake of this.waiters.splice(0)) wake();
  }
}
