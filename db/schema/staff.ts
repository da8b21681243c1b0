import { bigint, boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/** Staff allowed to use the staff tools in addition to the staff chat's members. */
export const staffMembers = pgTable('staff_members', {
  telegramUserId: bigint('telegram_user_id', { mode: 'number' }).primaryKey(),
  displayName: text('display_name').notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
