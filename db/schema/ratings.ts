import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';
import { tickets } from './tickets.ts';

/** A closed ticket's rating, asked once. The comment is personal data: erased on request. */
export const ticketRatings = pgTable(
  'ticket_ratings',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    requestedAt: instant('requested_at').notNull(),
    score: integer('score'),
    comment: text('comment'),
    ratedAt: instant('rated_at'),
  },
  (t) => [check('ticket_ratings_score_check', sql`${t.score} between 1 and 5`)],
);
