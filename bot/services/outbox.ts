import { type Api, GrammyError } from 'grammy';
import type { RenderedReply } from '../render/reply.ts';

/** Where a chat's replies go: the Bot API (or the console's stand-in for it). */
export type Outbox = {
  send(chatId: number, reply: RenderedReply): Promise<{ messageId: number } | undefined>;
  /** Best effort: the typing indicator on slow steps. */
  typing(chatId: number): Promise<void>;
};

/** The customer blocked the bot or deleted the account: stop writing, record it. */
export function isBlockedError(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

export function createApiOutbox(api: Api, onBlocked: (chatId: number) => Promise<void>): Outbox {
  return {
    async send(chatId, reply) {
      try {
        const message = await api.sendMessage(
          chatId,
          reply.text,
          reply.markup ? { reply_markup: reply.markup } : {},
        );
        return { messageId: message.message_id };
      } catch (error) {
        if (!isBlockedError(error)) throw error;
        await onBlocked(chatId);
        return undefined;
      }
    },
    async typing(chatId) {
      await api.sendChatAction(chatId, 'typing').catch(() => undefined);
    },
  };
}
