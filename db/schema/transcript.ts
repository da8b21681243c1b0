import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';
import { customers } from './customers.ts';
import { tickets } from './tickets.ts';

/** The conversation, one message a row. The text is personal data: replaced on erasure. */
export const transcriptEntries = pgTable(
  'transcript_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    direction: text('direction').notNull(),
    text: text('text').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [
    index('transcript_customer_idx').on(t.customerId, t.id),
    index('transcript_ticket_idx').on(t.ticketId, t.id),
  ],
);
