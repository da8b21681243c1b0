import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * The durable inbox: every Telegram update as received (webhook or long polling), before it is
 * handled. The update id is the key, so a redelivered update is taken in once across instances;
 * workers handle each chat's pending updates in update-id order. The raw update is personal data:
 * cleared when handled, and handled rows are deleted after the redelivery window.
 */
export const inboxUpdates = pgTable(
  'inbox_updates',
  {
    updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
    /** The chat the update belongs to (0 for updates without one): the unit of ordering. */
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    /**
     * The update as Telegram sent it, as JSON text: kept verbatim, so what jsonb refuses (a NUL
     * character, a lone surrogate in a customer's message) is stored all the same.
     */
    payload: text('payload'),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: instant('available_at').notNull(),
    receivedAt: instant('received_at').notNull(),
    handledAt: instant('handled_at'),
    /** The last failure's error name and message (never the update's content). */
    lastError: text('last_error'),
  },
  (t) => [
    check('inbox_updates_state_check', sql`${t.state} in ('pending', 'done', 'dead')`),
    index('inbox_updates_pending_idx').on(t.chatId, t.updateId).where(sql`${t.state} = 'pending'`),
    index('inbox_updates_handled_idx').on(t.handledAt),
  ],
);
