import type { RawApi, Transformer } from 'grammy';
import type { InlineKeyboardButton, Message } from 'grammy/types';

/** What the bot sent, as the console shows it. */
export type ConsoleOutput = {
  chatId: number;
  /** The message's id (an edit keeps the id of the message it replaces). */
  messageId: number;
  /** True when this replaces an earlier message in place (a guided step moving on, a copy edited). */
  edited: boolean;
  /** The staff forum topic it went to (its id and name), when it went to one. */
  threadId?: number;
  topic?: string;
  text: string;
  buttons: InlineKeyboardButton.CallbackButton[];
  /** A reply keyboard asking for the contact or location. */
  request?: 'contact' | 'location';
};

/** A message the console knows the content of (so a copy can show it). */
type Known = { text: string; threadId?: number };

export type ConsoleApi = {
  /** Answers the bot's Bot API calls: install it on every API the bot calls through. */
  transformer: Transformer;
  /** Remembers what the console's people sent, for the bot's copies of it. */
  remember(
    chatId: number,
    message: {
      message_id: number;
      message_thread_id?: number;
      text?: string;
      caption?: string;
      photo?: unknown;
    },
  ): void;
  /** The topic named like a ticket, for the console's staff member to write in. */
  topicOf(ticketNumber: string): number | undefined;
  /** The newest topic the bot opened. */
  latestTopic(): number | undefined;
};

const contentOf = (message: { text?: string; caption?: string; photo?: unknown }) =>
  message.text ?? message.caption ?? (message.photo ? '[photo]' : '[message]');

/**
 * Stands in for the Bot API in console mode: every call the real bot makes is answered locally —
 * messages, copies, edits, the staff forum's topics and pins, a staff chat where the console's
 * people are members — and what the bot says is handed to `onMessage` instead of Telegram.
 * Nothing leaves the machine.
 */
export function createConsoleApi(
  onMessage: (output: ConsoleOutput) => void,
  staffChatId: number,
): ConsoleApi {
  let nextMessageId = 1;
  const known = new Map<string, Known>();
  const topics = new Map<number, string>();
  const key = (chatId: unknown, messageId: unknown) => `${Number(chatId)}:${Number(messageId)}`;

  function emit(
    call: Record<string, unknown>,
    text: string,
    editing?: number,
  ): Message.TextMessage {
    const chatId = Number(call.chat_id);
    const threadId =
      call.message_thread_id === undefined ? undefined : Number(call.message_thread_id);
    const markup = (
      typeof call.reply_markup === 'string' ? JSON.parse(call.reply_markup) : call.reply_markup
    ) as
      | {
          inline_keyboard?: InlineKeyboardButton[][];
          keyboard?: { request_contact?: boolean; request_location?: boolean }[][];
        }
      | undefined;
    const buttons = (markup?.inline_keyboard ?? [])
      .flat()
      .filter((button): button is InlineKeyboardButton.CallbackButton => 'callback_data' in button);
    const messageId = editing ?? nextMessageId++;
    const output: ConsoleOutput = {
      chatId,
      messageId,
      edited: editing !== undefined,
      text,
      buttons,
    };
    // An edit names no topic: it stays where the message was sent.
    const before = known.get(key(chatId, messageId));
    const where = threadId ?? before?.threadId;
    const topic = where === undefined ? undefined : topics.get(where);
    if (where !== undefined) output.threadId = where;
    if (topic) output.topic = topic;
    const requested = markup?.keyboard?.flat()[0];
    if (requested?.request_contact) output.request = 'contact';
    if (requested?.request_location) output.request = 'location';
    known.set(key(chatId, messageId), where === undefined ? { text } : { text, threadId: where });
    onMessage(output);
    return {
      message_id: messageId,
      date: 0,
      chat:
        chatId === staffChatId
          ? { id: chatId, type: 'supergroup', title: 'Staff' }
          : { id: chatId, type: 'private', first_name: 'Console' },
      text,
      ...(threadId === undefined ? {} : { message_thread_id: threadId, is_topic_message: true }),
    } as Message.TextMessage;
  }

  const copy = (call: Record<string, unknown>, id: unknown) =>
    emit(call, known.get(key(call.from_chat_id, id))?.text ?? '[message]');

  const transformer: Transformer = async (_prev, method, payload) => {
    const call = (payload ?? {}) as Record<string, unknown>;
    const answer = (result: unknown) => ({ ok: true, result }) as never;
    switch (method) {
      case 'sendMessage':
        return answer(emit(call, String(call.text)));
      case 'copyMessage':
        return answer({ message_id: copy(call, call.message_id).message_id });
      case 'copyMessages':
        return answer(
          (call.message_ids as number[]).map((id) => ({ message_id: copy(call, id).message_id })),
        );
      case 'sendPhoto':
        return answer(emit(call, `[photo] ${String(call.caption ?? '')}`.trim()));
      case 'sendMediaGroup':
        return answer(
          (call.media as { caption?: string }[]).map((item) =>
            emit(call, `[photo] ${item.caption ?? ''}`.trim()),
          ),
        );
      case 'editMessageText':
      case 'editMessageCaption':
        emit(call, String(call.text ?? call.caption ?? ''), Number(call.message_id));
        return answer(true);
      case 'createForumTopic': {
        const id = nextMessageId++;
        topics.set(id, String(call.name));
        return answer({ message_thread_id: id, name: String(call.name), icon_color: 0 });
      }
      case 'getChat':
        return answer({
          id: Number(call.chat_id),
          type: 'supergroup',
          title: 'Staff',
          is_forum: true,
        });
      case 'getChatMember':
        return answer({
          status: 'administrator',
          user: { id: Number(call.user_id), is_bot: false, first_name: 'Console' },
          can_manage_topics: true,
          can_delete_messages: true,
          can_pin_messages: true,
        });
      default:
        return answer(true);
    }
  };

  return {
    transformer,
    remember(chatId, message) {
      known.set(
        key(chatId, message.message_id),
        message.message_thread_id === undefined
          ? { text: contentOf(message) }
          : { text: contentOf(message), threadId: message.message_thread_id },
      );
    },
    topicOf(ticketNumber) {
      for (const [id, name] of topics) if (name.startsWith(ticketNumber)) return id;
      return undefined;
    },
    latestTopic() {
      return [...topics.keys()].at(-1);
    },
  };
}

export type { RawApi };
