import { and, desc, eq } from 'drizzle-orm';
import type { TranscriptRepo } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { transcriptEntries } from '../schema/index.ts';
import { toTranscriptEntry } from './to-domain.ts';

/** The conversation transcript, one message a row. */
export function createTranscriptRepo(db: Database): TranscriptRepo {
  return withStorageErrors('transcript', {
    async append(entry) {
      const [row] = await db.insert(transcriptEntries).values(entry).returning();
      if (!row) throw new Error('transcript insert returned no row');
      return toTranscriptEntry(row);
    },
    async appendAll(entries) {
      if (entries.length > 0) await db.insert(transcriptEntries).values(entries);
    },
    async list(customerId: string, options: { ticketId?: string; limit?: number } = {}) {
      const rows = await db
        .select()
        .from(transcriptEntries)
        .where(
          and(
            eq(transcriptEntries.customerId, customerId),
            options.ticketId ? eq(transcriptEntries.ticketId, options.ticketId) : undefined,
          ),
        )
        .orderBy(desc(transcriptEntries.id))
        .limit(options.limit ?? 200);
      return rows.reverse().map(toTranscriptEntry);
    },
  });
}
