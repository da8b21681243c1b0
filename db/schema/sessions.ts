import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * Conversation state, the source of truth (`conv:<chat id>`): saved in the transaction that
 * commits a turn, `version` checked and raised on every save (a fencing token: a save based on an
 * older version fails). Personal data (the intake draft): deleted on erasure, expired by TTL.
 * Other short-lived values kept in the database when there is no Redis share the table.
 */
export const sessions = pgTable(
  'sessions',
  {
    key: text('key').primaryKey(),
    value: jsonb('value').notNull(),
    version: integer('version').notNull().default(0),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);
