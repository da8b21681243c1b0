import type { Api, RawApi } from 'grammy';
import type { InlineKeyboardButton, Message } from 'grammy/types';

/** What the bot sent, as the console shows it. */
export type ConsoleOutput = {
  chatId: number;
  /** The message's id (an edit keeps the id of the message it replaces). */
  messageId: number;
  /** True when this replaces an earlier message in place (a guided step moving on). */
  edited: boolean;
  text: string;
  buttons: InlineKeyboardButton.CallbackButton[];
  /** A reply keyboard asking for the contact or location. */
  request?: 'contact' | 'location';
};

/**
 * Stands in for the Bot API in console mode: every call the real bot makes is answered locally,
 * and messages are handed to `onMessage` instead of Telegram. Nothing leaves the machine.
 */
export function installConsoleApi(api: Api, onMessage: (output: ConsoleOutput) => void): void {
  let nextMessageId = 1;
  api.config.use(async (_prev, method, payload) => {
    const call = payload as Record<string, unknown>;
    if (method === 'sendMessage' || method === 'editMessageText') {
      const edited = method === 'editMessageText';
      const messageId = edited ? Number(call.message_id) : nextMessageId++;
      const markup = call.reply_markup as
        | {
            inline_keyboard?: InlineKeyboardButton[][];
            keyboard?: { request_contact?: boolean; request_location?: boolean }[][];
          }
        | undefined;
      const buttons = (markup?.inline_keyboard ?? [])
        .flat()
        .filter(
          (button): button is InlineKeyboardButton.CallbackButton => 'callback_data' in button,
        );
      const key = markup?.keyboard?.flat()[0];
      const output: ConsoleOutput = {
        chatId: Number(call.chat_id),
        messageId,
        edited,
        text: String(call.text),
        buttons,
      };
      if (key?.request_contact) output.request = 'contact';
      if (key?.request_location) output.request = 'location';
      onMessage(output);
      if (edited) return { ok: true, result: true } as never;
      const message = {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: Number(call.chat_id), type: 'private', first_name: 'Console' },
        text: String(call.text),
      } as Message.TextMessage;
      return { ok: true, result: message } as never;
    }
    return { ok: true, result: true } as never;
  });
}

export type { RawApi };
