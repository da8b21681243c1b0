import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';
import { customers } from './customers.ts';

/**
 * Guided cases ("walk through misuse guidance without a visit"): the 2-hour check-back reads them
 * and records the outcome once; the figures count them. The description is personal data: replaced
 * on erasure.
 */
export const guidanceCases = pgTable(
  'guidance_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    locale: text('locale').notNull(),
    category: text('category').notNull(),
    symptomId: text('symptom_id').notNull(),
    description: text('description').notNull(),
    checkBackAt: instant('check_back_at').notNull(),
    outcome: text('outcome'),
    outcomeAt: instant('outcome_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    check(
      'guidance_cases_outcome_check',
      sql`${t.outcome} in ('working', 'still_broken', 'unconfirmed')`,
    ),
    index('guidance_cases_customer_idx').on(t.customerId),
    index('guidance_cases_outcome_idx').on(t.outcome, t.checkBackAt),
  ],
);
