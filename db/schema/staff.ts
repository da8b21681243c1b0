import { bigint, boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';
import { tickets } from './tickets.ts';

/**
 * Staff members as the bot knows them: recorded on their first staff action (chat members need no
 * row to have access), with the name customers see and the language the bot answers them in.
 */
export const staffMembers = pgTable(
  'staff_members',
  {
    telegramUserId: bigint('telegram_user_id', { mode: 'number' }).primaryKey(),
    displayName: text('display_name').notNull(),
    /** Telegram username, lower case, without "@" (for /assign @colleague). */
    username: text('username'),
    locale: text('locale'),
    active: boolean('active').notNull().default(true),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('staff_members_username_idx').on(t.username)],
);

/** Attempts to use the staff tools that were refused: who, where, what, why. */
export const staffAudit = pgTable(
  'staff_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: instant('at').notNull(),
    telegramUserId: bigint('telegram_user_id', { mode: 'number' }).notNull(),
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    topicId: integer('topic_id'),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('staff_audit_at_idx').on(t.at)],
);
