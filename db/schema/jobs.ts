import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { JsonObject } from '../../core/index.ts';
import { instant } from './columns.ts';

/**
 * Durable jobs. Workers claim due rows with `FOR UPDATE SKIP LOCKED` and hold a lease
 * (`locked_until`) while the handler runs; an expired lease makes the job claimable again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    key: text('key').unique(),
    dueAt: instant('due_at').notNull(),
    payload: jsonb('payload').$type<JsonObject>().notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts'),
    lastError: text('last_error'),
    lockedUntil: instant('locked_until'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    check(
      'jobs_state_check',
      sql`${t.state} in ('pending', 'running', 'done', 'dead', 'cancelled')`,
    ),
    index('jobs_due_idx').on(t.dueAt).where(sql`${t.state} = 'pending'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`${t.state} = 'running'`),
  ],
);
