import { type Api, GrammyError } from 'grammy';
import type { RenderedReply } from '../render/reply.ts';

/** Where a chat's replies go: the Bot API (or the console's stand-in for it). */
export type Outbox = {
  send(chatId: number, reply: RenderedReply): Promise<{ messageId: number } | undefined>;
  /** Replaces a sent message's text and inline buttons (a guided step moving on). */
  edit(chatId: number, messageId: number, reply: RenderedReply): Promise<void>;
  /** Takes the inline buttons off a sent message (a button was pressed). Best effort. */
  clearButtons(chatId: number, messageId: number): Promise<void>;
  /** Whether this is the latest message sent to the chat (so replacing it keeps the chat's order). */
  isLatest(chatId: number, messageId: number): boolean;
  /** Best effort: the typing indicator on slow steps. */
  typing(chatId: number): Promise<void>;
};

/** The customer blocked the bot or deleted the account: stop writing, record it. */
export function isBlockedError(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

/** Telegram refuses an edit that changes nothing ("message is not modified"): it is done already. */
export function isNotModified(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message is not modified/i.test(error.description)
  );
}

export function createApiOutbox(api: Api, onBlocked: (chatId: number) => Promise<void>): Outbox {
  const latest = new Map<number, number>();
  return {
    async send(chatId, reply) {
      try {
        const message = await api.sendMessage(
          chatId,
          reply.text,
          reply.markup ? { reply_markup: reply.markup } : {},
        );
        latest.set(chatId, message.message_id);
        return { messageId: message.message_id };
      } catch (error) {
        if (!isBlockedError(error)) throw error;
        await onBlocked(chatId);
        return undefined;
      }
    },
    async edit(chatId, messageId, reply) {
      try {
        await api.editMessageText(
          chatId,
          messageId,
          reply.text,
          reply.markup && 'inline_keyboard' in reply.markup ? { reply_markup: reply.markup } : {},
        );
      } catch (error) {
        if (isNotModified(error)) return;
        if (!isBlockedError(error)) throw error;
        await onBlocked(chatId);
      }
    },
    isLatest: (chatId, messageId) => latest.get(chatId) === messageId,
    async clearButtons(chatId, messageId) {
      await api
        .editMessageReplyMarkup(chatId, messageId, { reply_markup: undefined })
        .catch(() => undefined);
    },
    async typing(chatId) {
      await api.sendChatAction(chatId, 'typing').catch(() => undefined);
    },
  };
}
