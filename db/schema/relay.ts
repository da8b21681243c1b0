import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';
import { tickets } from './tickets.ts';

/**
 * The message-id map between a customer's chat and their ticket's topic: each relayed message and
 * its copy, so an edit on either side edits the copy. Ids only, no text.
 */
export const relayedMessages = pgTable(
  'relayed_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    direction: text('direction').notNull(),
    sourceChatId: bigint('source_chat_id', { mode: 'number' }).notNull(),
    sourceMessageId: integer('source_message_id').notNull(),
    targetChatId: bigint('target_chat_id', { mode: 'number' }).notNull(),
    targetMessageId: integer('target_message_id').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [
    check('relayed_messages_direction_check', sql`${t.direction} in ('to_staff', 'to_customer')`),
    uniqueIndex('relayed_messages_source_unique').on(
      t.sourceChatId,
      t.sourceMessageId,
      t.targetChatId,
    ),
    index('relayed_messages_target_idx').on(t.targetChatId, t.targetMessageId),
  ],
);
