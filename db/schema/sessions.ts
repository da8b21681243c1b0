import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * Conversation sessions when no Redis is configured, so a restart of a single instance resumes
 * every chat where it was. Personal data (the intake draft): deleted on erasure, expired by TTL.
 * Seen Telegram update ids live here too, as `update:<id>` rows (no personal data), for 24 h.
 */
export const sessions = pgTable(
  'sessions',
  {
    key: text('key').primaryKey(),
    value: jsonb('value').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);
