import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { RatingRepo, TicketRating } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { ticketRatings } from '../schema/index.ts';

/** Ratings of closed tickets: asked once, scored once, with an optional comment. */
export function createRatingRepo(db: Database): RatingRepo {
  return withStorageErrors('ratings', {
    async request(ticketId: string, at: Date) {
      const rows = await db
        .insert(ticketRatings)
        .values({ ticketId, requestedAt: at })
        .onConflictDoNothing()
        .returning({ ticketId: ticketRatings.ticketId });
      return rows.length > 0;
    },
    async rate(ticketId: string, score: number, at: Date) {
      if (!Number.isInteger(score) || score < 1 || score > 5) return false;
      const rows = await db
        .update(ticketRatings)
        .set({ score, ratedAt: at })
        .where(and(eq(ticketRatings.ticketId, ticketId), isNull(ticketRatings.score)))
        .returning({ ticketId: ticketRatings.ticketId });
      return rows.length > 0;
    },
    async comment(ticketId: string, text: string, _at: Date) {
      const rows = await db
        .update(ticketRatings)
        .set({ comment: text })
        .where(
          and(
            eq(ticketRatings.ticketId, ticketId),
            isNotNull(ticketRatings.score),
            isNull(ticketRatings.comment),
          ),
        )
        .returning({ ticketId: ticketRatings.ticketId });
      return rows.length > 0;
    },
    async get(ticketId: string): Promise<TicketRating | undefined> {
      const [row] = await db
        .select()
        .from(ticketRatings)
        .where(eq(ticketRatings.ticketId, ticketId));
      return row;
    },
  });
}
