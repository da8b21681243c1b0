import type { Update } from 'grammy/types';
import type { JsonObject } from '../../core/index.ts';
import type { NewInboxUpdate } from '../../db/index.ts';

type WithChat = { chat?: { id: number } };

/**
 * The inbox row of a Telegram update: its id, the chat it belongs to (the unit of ordering; the
 * user's id for updates without a chat, 0 when there is neither), and the raw update.
 */
export function toInboxUpdate(update: Update): NewInboxUpdate {
  const { update_id: updateId, ...kinds } = update;
  let chatId = 0;
  for (const value of Object.values(kinds) as unknown[]) {
    if (typeof value !== 'object' || value === null) continue;
    const part = value as WithChat & { message?: WithChat; from?: { id: number } };
    chatId = part.chat?.id ?? part.message?.chat?.id ?? part.from?.id ?? 0;
    if (chatId !== 0) break;
  }
  return { updateId, chatId, payload: update as unknown as JsonObject };
}
