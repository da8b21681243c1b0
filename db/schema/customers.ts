import { bigint, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/** One row per Telegram user who wrote to the bot. Name, phone and address are personal data. */
export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  telegramUserId: bigint('telegram_user_id', { mode: 'number' }).notNull().unique(),
  language: text('language').notNull(),
  name: text('name'),
  phone: text('phone'),
  address: text('address'),
  createdAt: instant('created_at').notNull(),
  erasedAt: instant('erased_at'),
  /** Set while the user has blocked the bot; cleared when they write again. */
  blockedAt: instant('blocked_at'),
});
