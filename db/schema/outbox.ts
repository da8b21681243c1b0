import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * The one outbox: every message the bot sends (turn replies, job messages, notices), written in
 * the transaction that decided it and delivered afterwards, one in flight per chat, in id order.
 * `key` makes each message exactly-once at the source (`turn:<update id>:<n>`, `job:<id>:<n>`).
 * The payload (message text) is personal data: cleared once delivered.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull().unique(),
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    /** The Bot API method: `sendMessage`, `editMessageText`, `editMessageReplyMarkup`, … */
    method: text('method').notNull(),
    /** The call's parameters as JSON text (verbatim, whatever characters a reply quotes). */
    payload: text('payload'),
    /** 0: a customer's first reply; 1: later replies; 2: messages from another context (jobs). */
    priority: smallint('priority').notNull().default(1),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: instant('available_at').notNull(),
    lockedUntil: instant('locked_until'),
    /** Telegram's id of the message sent (or edited): for edits and message maps. */
    messageId: integer('message_id'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
    /** The last failure's error code and description (never the message text). */
    lastError: text('last_error'),
    /**
     * The customer erased their data while this message was queued (or it is the erasure's own
     * answer): once settled, the row keeps a random stand-in for the chat id.
     */
    erased: boolean('erased').notNull().default(false),
  },
  (t) => [
    check(
      'outbox_messages_state_check',
      sql`${t.state} in ('pending', 'sending', 'sent', 'dead', 'cancelled')`,
    ),
    index('outbox_messages_open_idx')
      .on(t.chatId, t.id)
      .where(sql`${t.state} in ('pending', 'sending')`),
    index('outbox_messages_queue_idx')
      .on(t.priority, t.availableAt, t.id)
      .where(sql`${t.state} in ('pending', 'sending')`),
    index('outbox_messages_chat_idx').on(t.chatId, t.createdAt),
  ],
);
