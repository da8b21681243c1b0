import { and, asc, eq } from 'drizzle-orm';
import type { RelayedMessage, RelayRepo } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { relayedMessages } from '../schema/index.ts';

const toRelayed = (row: typeof relayedMessages.$inferSelect): RelayedMessage => ({
  ticketId: row.ticketId,
  direction: row.direction as RelayedMessage['direction'],
  sourceChatId: row.sourceChatId,
  sourceMessageId: row.sourceMessageId,
  targetChatId: row.targetChatId,
  targetMessageId: row.targetMessageId,
});

/** The message-id map of relayed messages and their copies. */
export function createRelayRepo(db: Database): RelayRepo {
  return withStorageErrors('relay', {
    async record(copies: RelayedMessage[], at: Date) {
      if (copies.length === 0) return;
      await db
        .insert(relayedMessages)
        .values(copies.map((copy) => ({ ...copy, at })))
        .onConflictDoNothing();
    },
    async copiesOf(sourceChatId: number, sourceMessageId: number) {
      const rows = await db
        .select()
        .from(relayedMessages)
        .where(
          and(
            eq(relayedMessages.sourceChatId, sourceChatId),
            eq(relayedMessages.sourceMessageId, sourceMessageId),
          ),
        )
        .orderBy(asc(relayedMessages.id));
      return rows.map(toRelayed);
    },
    async originOf(targetChatId: number, targetMessageId: number) {
      const [row] = await db
        .select()
        .from(relayedMessages)
        .where(
          and(
            eq(relayedMessages.targetChatId, targetChatId),
            eq(relayedMessages.targetMessageId, targetMessageId),
          ),
        )
        .limit(1);
      return row && toRelayed(row);
    },
  });
}
