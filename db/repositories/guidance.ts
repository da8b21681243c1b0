import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type {
  GuidanceOutcome,
  GuidanceRepo,
  NewGuidanceCase,
  OpenGuidanceOptions,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { insertJobs } from '../jobs/queue.ts';
import { preparedPerHandle } from '../prepared.ts';
import { guidanceCases } from '../schema/index.ts';
import { toGuidanceCase } from './to-domain.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stands for the new case's id in a job key, which cannot be known before the insert. */
const GUIDANCE_ID = '{guidanceId}';

/** The chat's latest case whose check-back is due and unanswered (read on every turn). */
const caseAwaitingAnswer = preparedPerHandle((db) =>
  db
    .select()
    .from(guidanceCases)
    .where(
      and(
        eq(guidanceCases.chatId, sql.placeholder('chatId')),
        isNull(guidanceCases.outcome),
        lte(guidanceCases.checkBackAt, sql.placeholder('now')),
      ),
    )
    .orderBy(desc(guidanceCases.checkBackAt))
    .limit(1)
    .prepare('case_awaiting_answer'),
);

/**
 * Guided cases and their check-back outcome. Ids arrive from button data, which anyone can forge:
 * one that is not a UUID names no case (rather than failing the query).
 */
export function createGuidanceRepo(db: Database): GuidanceRepo {
  return withStorageErrors('guidance', {
    async open(input: NewGuidanceCase, at: Date, options: OpenGuidanceOptions = {}) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(guidanceCases)
          .values({ ...input, createdAt: at })
          .returning();
        if (!row) throw new Error('guidance insert returned no row');
        const jobs = (options.jobs ?? []).map((job) => ({
          ...job,
          ...(job.key === undefined ? {} : { key: job.key.replaceAll(GUIDANCE_ID, row.id) }),
          payload: { ...job.payload, guidanceId: row.id },
        }));
        // A job left out would leave the case waiting for a check-back that never comes.
        await insertJobs(tx, jobs, at, { onTakenKey: 'fail' });
        return toGuidanceCase(row);
      });
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
    async awaitingAnswer(chatId: number, now: Date) {
      const [row] = await caseAwaitingAnswer(db).execute({ chatId, now: now.toISOString() });
      return row && toGuidanceCase(row);
    },
  });
}
