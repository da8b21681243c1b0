import type { Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { SEND_METHODS } from '../../bot/services/outbox-sender.ts';

export { SEND_METHODS };

export const RECORDED_BOT_INFO = {
  id: 42,
  is_bot: true,
  first_name: 'Frontline',
  username: 'frontline_test_bot',
} as UserFromGetMe;

export type RecordedCall = { method: string; payload: Record<string, unknown> };

/** A message as the recorded chat shows it now (edits applied). */
export type RecordedMessage = {
  chatId: number;
  messageId: number;
  text: string;
  buttons: { text: string; data: string }[];
};

type Markup = { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
const buttonsOf = (markup: Markup) =>
  (markup?.inline_keyboard ?? [])
    .flat()
    .map((button) => ({ text: button.text, data: button.callback_data ?? '' }));

/**
 * A stand-in for the Bot API that answers every call locally, records it, and keeps each chat's
 * messages as Telegram would show them (sends appended, edits applied in place).
 */
export class RecordedTelegram {
  readonly calls: RecordedCall[] = [];
  readonly messages: RecordedMessage[] = [];
  /**
   * Per method: Bot API answers to give (in order) before succeeding, e.g. a 429; an `Error` is
   * thrown instead, as the client throws when no answer comes (a network error, a timeout).
   */
  readonly failures = new Map<string, (Record<string, unknown> | Error)[]>();
  private nextMessageId = 1;

  /** The next calls of `method` get these answers (`{ ok: false, error_code, … }` or an error thrown), one each. */
  fail(method: string, ...answers: (Record<string, unknown> | Error)[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...answers]);
  }

  readonly transformer: Transformer = async (_prev, method, payload) => {
    const call = payload as Record<string, unknown>;
    this.calls.push({ method, payload: call });
    const failure = this.failures.get(method)?.shift();
    if (failure instanceof Error) throw failure;
    if (failure) return failure as never;
    const chatId = Number(call.chat_id);
    if (SEND_METHODS.has(method)) {
      const message: RecordedMessage = {
        chatId,
        messageId: this.nextMessageId++,
        text: String(call.text ?? call.caption ?? ''),
        buttons: buttonsOf(call.reply_markup as Markup),
      };
      this.messages.push(message);
      const result = {
        message_id: message.messageId,
        date: 0,
        chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' },
        text: message.text,
      };
      return { ok: true, result } as never;
    }
    if (method === 'createForumTopic') {
      const result = { message_thread_id: this.nextMessageId++, name: call.name, icon_color: 0 };
      return { ok: true, result } as never;
    }
    const target = this.messages.find(
      (m) => m.chatId === chatId && m.messageId === Number(call.message_id),
    );
    if (target && method === 'editMessageText') {
      target.text = String(call.text);
      target.buttons = buttonsOf(call.reply_markup as Markup);
    }
    if (target && method === 'editMessageReplyMarkup')
      target.buttons = buttonsOf(call.reply_markup as Markup);
    return { ok: true, result: true } as never;
  };

  /** The latest message in the chat carrying a button whose label matches. */
  buttonIn(chatId: number, label: RegExp): { message: RecordedMessage; data: string } | undefined {
    const message = [...this.messages]
      .reverse()
      .find((m) => m.chatId === chatId && m.buttons.some((b) => label.test(b.text)));
    const button = message?.buttons.find((b) => label.test(b.text));
    return message && button ? { message, data: button.data } : undefined;
  }

  count(predicate: (method: string) => boolean): number {
    return this.calls.filter((call) => predicate(call.method)).length;
  }
}
