import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { JsonObject } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { groupCalls } from '../group-calls.ts';
import { rowsOf } from '../migrate.ts';
import { preparedPerHandle, preparedStatement } from '../prepared.ts';
import { inboxUpdates } from '../schema/index.ts';

/** A customer not written to in this long is served as a new customer (first replies first). */
export const FIRST_REPLY_WINDOW_MS = 30 * 60_000;

/** An update taken into the inbox, not yet handled. */
export type InboxUpdate = {
  updateId: number;
  chatId: number;
  payload: JsonObject;
  /** Failed attempts so far. */
  attempts: number;
  receivedAt: Date;
};

export type NewInboxUpdate = { updateId: number; chatId: number; payload: JsonObject };

/**
 * Takes updates in (`unnest` of one array per column: one statement, prepared once, for any
 * count), saying for each new one whether it is its chat's only pending update (`alone`: no other
 * was pending when it was taken in and no other of its chat came with it, so it is the chat's
 * head). The `exists` reads the statement's snapshot, which does not hold the rows the insert adds.
 */
const acceptRows = preparedStatement(sql`with input as (
  select * from unnest(${sql.placeholder('updateIds')}::bigint[], ${sql.placeholder('chatIds')}::bigint[],
    ${sql.placeholder('payloads')}::text[], ${sql.placeholder('ats')}::timestamptz[])
    as t(update_id, chat_id, payload, at)
), taken as (
  insert into inbox_updates (update_id, chat_id, payload, available_at, received_at)
  select update_id, chat_id, payload, at, at from input order by update_id
  on conflict (update_id) do nothing
  returning update_id, chat_id
)
select update_id, not exists (
  select 1 from inbox_updates
  where chat_id = taken.chat_id and state = 'pending'
) and not exists (
  select 1 from taken as other
  where other.chat_id = taken.chat_id and other.update_id <> taken.update_id
) as alone
from taken`);

/** The chat's two oldest pending updates (read before every turn). */
const chatHead = preparedPerHandle((db) =>
  db
    .select()
    .from(inboxUpdates)
    // 'pending' written in the statement, not bound: the server then plans it once, on the
    // partial index of pending updates (a bound state cannot use that index, so every execution
    // was planned afresh).
    .where(
      and(
        eq(inboxUpdates.chatId, sql.placeholder('chatId')),
        sql`${inboxUpdates.state} = 'pending'`,
      ),
    )
    .orderBy(asc(inboxUpdates.updateId))
    .limit(2)
    .prepare('inbox_chat_head'),
);

/** An update taken in, and whether it was its chat's only pending one (its head) then. */
export type AcceptedUpdate = { updateId: number; alone: boolean };

/**
 * Takes updates into the inbox; an update id already there (a redelivery, or another instance
 * that got it too) is left alone. Returns the ids that were new.
 */
export async function acceptUpdates(
  db: Database,
  updates: NewInboxUpdate[],
  at: Date,
): Promise<number[]> {
  return (await acceptUpdatesAlone(db, updates, at)).map((taken) => taken.updateId);
}

/**
 * {@link acceptUpdates}, each new update with whether no other update of its chat was pending
 * when it was taken in and none came with it (then it is its chat's head), in the order given.
 * Each update may carry its own time of arrival (`at` is the default).
 */
export async function acceptUpdatesAlone(
  db: Database,
  updates: (NewInboxUpdate & { at?: Date })[],
  at: Date,
): Promise<AcceptedUpdate[]> {
  if (updates.length === 0) return [];
  // Inserted in update-id order (the statement's `order by`): two instances taking in the same
  // updates wait for each other's rows in one order, never in a cycle (a deadlock).
  const result = await acceptRows(db).execute({
    updateIds: updates.map((u) => u.updateId),
    chatIds: updates.map((u) => u.chatId),
    payloads: updates.map((u) => JSON.stringify(u.payload)),
    ats: updates.map((u) => (u.at ?? at).toISOString()),
  });
  const taken = new Map(
    rowsOf<{ update_id: string | number; alone: boolean }>(result).map((row) => [
      Number(row.update_id),
      row.alone,
    ]),
  );
  const accepted: AcceptedUpdate[] = [];
  for (const { updateId } of updates) {
    const alone = taken.get(updateId);
    if (alone === undefined) continue;
    accepted.push({ updateId, alone });
    // An update id given twice is taken in once.
    taken.delete(updateId);
  }
  return accepted;
}

/**
 * Erasure (in the erasure's transaction): the chat's handled and dead-lettered updates keep a
 * random stand-in for the chat id, no content and no failure text (an error's message may have
 * quoted what the customer wrote). Pending ones stay: the customer wrote again.
 */
export async function eraseChatUpdates(db: Database, chatId: number, standIn: number) {
  await db
    .update(inboxUpdates)
    .set({ chatId: standIn, payload: null, lastError: null })
    .where(and(eq(inboxUpdates.chatId, chatId), inArray(inboxUpdates.state, ['done', 'dead'])));
}

/**
 * The rule of a chat's order, for a statement on `inbox_updates` (the row in hand named by the
 * table's name): true when an earlier update of the row's chat is pending. An update is handled
 * only as its chat's oldest pending one — a run that took an update in as its chat's head (no
 * read) commits nothing when another instance's earlier update of the chat has committed since,
 * and reads the inbox instead — so the chat's order holds across instances. Both ways a turn
 * marks its update (this file's `markHandled`, the one-statement turn's) write it with this.
 */
export const EARLIER_PENDING = sql`exists (
    select 1 from inbox_updates as earlier
    where earlier.chat_id = inbox_updates.chat_id and earlier.state = 'pending'
      and earlier.update_id < inbox_updates.update_id
  )`;

/**
 * {@link markUpdateHandled}'s statement (one per turn, in the turn's transaction): marked only
 * while no earlier update of the chat is pending ({@link EARLIER_PENDING}).
 */
const markHandled = preparedPerHandle((db) =>
  db
    .update(inboxUpdates)
    .set({ state: 'done', handledAt: sql`${sql.placeholder('at')}::timestamptz`, payload: null })
    .where(
      and(
        eq(inboxUpdates.updateId, sql.placeholder('updateId')),
        eq(inboxUpdates.state, 'pending'),
        sql`not ${EARLIER_PENDING}`,
      ),
    )
    .returning({ updateId: inboxUpdates.updateId })
    .prepare('inbox_mark_handled'),
);

/**
 * Marks a pending update handled and drops its content, in the caller's transaction (the turn's):
 * `false` when it was not pending — handled already, so the caller must not commit its work twice
 * — or an earlier update of its chat is pending (the caller reads the inbox's head and goes on).
 */
export async function markUpdateHandled(
  db: Database,
  updateId: number,
  at: Date,
): Promise<boolean> {
  const rows = await markHandled(db).execute({ updateId, at: at.toISOString() });
  return rows.length === 1;
}

/** Where a failed update goes: tried again later, or dead-lettered (kept, not handled). */
export type InboxFailure = { retryAt: Date } | { dead: true };

/** The inbox of one database: what workers read and settle. */
export function createInbox(db: Database) {
  /**
   * Updates taken in by concurrent calls (webhook requests, the benchmark's turns) go to the
   * database together: one statement for every call that came while the last was running.
   */
  const acceptGrouped = groupCalls(
    async (calls: { updates: NewInboxUpdate[]; at: Date }[]): Promise<AcceptedUpdate[][]> => {
      const rows = calls.flatMap(({ updates, at }) => updates.map((u) => ({ ...u, at })));
      const taken = new Map(
        (await acceptUpdatesAlone(db, rows, calls[0]?.at ?? new Date())).map((a) => [
          a.updateId,
          a,
        ]),
      );
      // Each update to the first call that gave it (another's copy is a redelivery).
      return calls.map(({ updates }) =>
        updates.flatMap((u) => {
          const accepted = taken.get(u.updateId);
          taken.delete(u.updateId);
          return accepted ? [accepted] : [];
        }),
      );
    },
  );

  async function headAndMore(
    chatId: number,
    now: Date,
  ): Promise<{ update: InboxUpdate | undefined; more: boolean }> {
    const [row, next] = await chatHead(db).execute({ chatId });
    if (!row || row.availableAt > now || !row.payload) return { update: undefined, more: false };
    return {
      update: {
        updateId: row.updateId,
        chatId: row.chatId,
        payload: JSON.parse(row.payload) as JsonObject,
        attempts: row.attempts,
        receivedAt: row.receivedAt,
      },
      more: next !== undefined,
    };
  }

  return {
    accept: (updates: NewInboxUpdate[], at: Date) => acceptUpdates(db, updates, at),

    /**
     * {@link acceptUpdatesAlone}: the new updates, each with whether it is its chat's head. Calls
     * made while another's statement runs are taken in together, in one statement after it.
     */
    acceptAlone: (updates: NewInboxUpdate[], at: Date) =>
      updates.length === 0 ? Promise.resolve([]) : acceptGrouped({ updates, at }),

    /**
     * Chats whose oldest pending update is due at `now`: customers the bot has not written to in
     * the last half hour first (a new customer's first message before anyone's later ones, so in
     * a surge first replies are not queued behind conversations in progress), then the chat with
     * the oldest such update first.
     */
    async dueChats(now: Date, limit: number): Promise<number[]> {
      const since = new Date(now.getTime() - FIRST_REPLY_WINDOW_MS).toISOString();
      const result = await db.execute(sql`
        select chat_id from (
          select distinct on (chat_id) chat_id, update_id, available_at
          from ${inboxUpdates}
          where state = 'pending'
          order by chat_id, update_id
        ) heads
        where available_at <= ${now.toISOString()}::timestamptz
        order by exists (
          select 1 from outbox_messages o
          where o.chat_id = heads.chat_id and o.created_at > ${since}::timestamptz
        ), update_id
        limit ${limit}`);
      return rowsOf<{ chat_id: string | number }>(result).map((row) => Number(row.chat_id));
    },

    /** The chat's oldest pending update, if it is due (a later one never overtakes it). */
    async head(chatId: number, now: Date): Promise<InboxUpdate | undefined> {
      return (await headAndMore(chatId, now)).update;
    },

    /**
     * The chat's oldest pending update if it is due (as `head`), and whether another is pending
     * behind it — read in the same statement, so a worker that handled the last one need not ask
     * again.
     */
    headAndMore,

    markHandled: (updateId: number, at: Date) => markUpdateHandled(db, updateId, at),

    /**
     * Puts a pending update off until `until` without counting an attempt (a customer over the
     * rate limit): it stays first in its chat's line, so the chat's later updates wait behind it.
     */
    async defer(updateId: number, until: Date): Promise<void> {
      await db
        .update(inboxUpdates)
        .set({ availableAt: until })
        .where(and(eq(inboxUpdates.updateId, updateId), eq(inboxUpdates.state, 'pending')));
    },

    /** Records a failed attempt; the update stays in the inbox either way. */
    async recordFailure(
      updateId: number,
      failure: InboxFailure,
      error: string,
      at: Date,
    ): Promise<void> {
      await db
        .update(inboxUpdates)
        .set({
          attempts: sql`${inboxUpdates.attempts} + 1`,
          lastError: error.slice(0, 500),
          ...('dead' in failure
            ? { state: 'dead', handledAt: at }
            : { availableAt: failure.retryAt }),
        })
        .where(and(eq(inboxUpdates.updateId, updateId), eq(inboxUpdates.state, 'pending')));
    },

    /** Pending updates (the backlog). */
    async pendingCount(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(inboxUpdates)
        .where(eq(inboxUpdates.state, 'pending'));
      return Number(row?.n ?? 0);
    },

    async state(updateId: number): Promise<string | undefined> {
      const [row] = await db
        .select({ state: inboxUpdates.state })
        .from(inboxUpdates)
        .where(eq(inboxUpdates.updateId, updateId));
      return row?.state;
    },

    /**
     * Deletes handled and dead-lettered updates settled before `before` (after Telegram's
     * redelivery window, so a late redelivery is still recognised).
     */
    async prune(before: Date): Promise<number> {
      const rows = await db
        .delete(inboxUpdates)
        .where(
          and(inArray(inboxUpdates.state, ['done', 'dead']), lte(inboxUpdates.handledAt, before)),
        )
        .returning({ updateId: inboxUpdates.updateId });
      return rows.length;
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
