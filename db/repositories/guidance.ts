import { and, eq, isNull } from 'drizzle-orm';
import type { GuidanceOutcome, GuidanceRepo, NewGuidanceCase } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { guidanceCases } from '../schema/index.ts';
import { toGuidanceCase } from './to-domain.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Guided cases and their check-back outcome. Ids arrive from button data, which anyone can forge:
 * one that is not a UUID names no case (rather than failing the query).
 */
export function createGuidanceRepo(db: Database): GuidanceRepo {
  return withStorageErrors('guidance', {
    async open(input: NewGuidanceCase, at: Date) {
      const [row] = await db
        .insert(guidanceCases)
        .values({ ...input, createdAt: at })
        .returning();
      if (!row) throw new Error('guidance insert returned no row');
      return toGuidanceCase(row);
    },
    async get(id: string) {
      if (!UUID.test(id)) return undefined;
      const [row] = await db.select().from(guidanceCases).where(eq(guidanceCases.id, id));
      return row && toGuidanceCase(row);
    },
    async recordOutcome(id: string, outcome: GuidanceOutcome, at: Date) {
      if (!UUID.test(id)) return false;
      // One conditional update: of a button press and the expiry racing, only one matches.
      const rows = await db
        .update(guidanceCases)
        .set({ outcome, outcomeAt: at })
        .where(and(eq(guidanceCases.id, id), isNull(guidanceCases.outcome)))
        .returning({ id: guidanceCases.id });
      return rows.length === 1;
    },
  });
}
