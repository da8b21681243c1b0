import { and, desc, eq, sql } from 'drizzle-orm';
import type { TranscriptRepo } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { preparedPerHandle } from '../prepared.ts';
import { tickets, transcriptEntries } from '../schema/index.ts';
import { toTranscriptEntry } from './to-domain.ts';

/** Rows a turn usually appends at once (the customer's message, the reply): built once each. */
const PREPARED_ROWS = 4;
const appendRows = Array.from({ length: PREPARED_ROWS }, (_, n) =>
  preparedPerHandle((db) =>
    db
      .insert(transcriptEntries)
      .values(
        Array.from({ length: n + 1 }, (_, i) => ({
          customerId: sql.placeholder(`customerId${i}`),
          ticketId: sql.placeholder(`ticketId${i}`),
          direction: sql.placeholder(`direction${i}`),
          text: sql.placeholder(`text${i}`),
          at: sql.placeholder(`at${i}`),
        })),
      )
      .prepare(`transcript_append_${n + 1}`),
  ),
);

/** The conversation transcript, one message a row. */
export function createTranscriptRepo(db: Database): TranscriptRepo {
  return withStorageErrors('transcript', {
    async append(entry) {
      // A ticket's line locks the ticket (key share) before the row's references are checked, in
      // the same statement: the ticket before the customer, the order of every transaction that
      // locks both (a staff step locks its ticket first; an erasure, a customer's tickets before
      // the customer). The references' own checks take the customer first.
      const insert = db.insert(transcriptEntries).values(
        entry.ticketId
          ? {
              ...entry,
              ticketId: sql`(select ${tickets.id} from ${tickets}
                where ${tickets.id} = ${entry.ticketId} for key share)`,
            }
          : entry,
      );
      const [row] = await insert.returning();
      if (!row) throw new Error('transcript insert returned no row');
      return toTranscriptEntry(row);
    },
    async appendAll(entries) {
      const prepared = appendRows[entries.length - 1];
      if (prepared) {
        const values: Record<string, unknown> = {};
        entries.forEach((entry, i) => {
          values[`customerId${i}`] = entry.customerId;
          values[`ticketId${i}`] = entry.ticketId ?? null;
          values[`direction${i}`] = entry.direction;
          values[`text${i}`] = entry.text;
          values[`at${i}`] = entry.at;
        });
        await prepared(db).execute(values);
      } else if (entries.length > 0) await db.insert(transcriptEntries).values(entries);
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
