import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { JsonObject } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { FIRST_REPLY_WINDOW_MS } from '../inbox/inbox.ts';
import { rowsOf } from '../migrate.ts';
import { preparedPerHandle } from '../prepared.ts';
import { outboxMessages, relayedMessages, ticketTopics } from '../schema/index.ts';

/** The urgency of a message in a queue behind the send budget (lower goes first). */
export const OUTBOX_PRIORITY = {
  /** A customer's first reply: the customer is waiting to know someone is there. */
  firstReply: 0,
  /** Later replies in a conversation. */
  reply: 1,
  /** Messages from another context: the check-back, staff notices. */
  background: 2,
} as const;

/**
 * The key prefix of the outbox rows for a ticket's staff topic (`staff-topic:<ticket id>:<ref>`):
 * a row queued for a topic lost meanwhile finds the ticket's new topic by it, and erasure cancels
 * the ticket's rows still queued.
 */
export const staffTopicKeyPrefix = (ticketId: string) => `staff-topic:${ticketId}:`;

/** The ticket a staff-topic row is for (see {@link staffTopicKeyPrefix}). */
export function ticketOfKey(key: string): string | undefined {
  return /^staff-topic:([^:]+):/.exec(key)?.[1];
}

/**
 * The key of a topic's card (`staff-topic:<ticket id>:card:<topic id>`): delivered, its Telegram id
 * is recorded as the topic's card in the same statement (see {@link cardOfKey}). One card per
 * topic: a topic made again after a crash or a loss has a new id, and so a card of its own.
 */
export const staffCardKey = (ticketId: string, topicId: number) =>
  `${staffTopicKeyPrefix(ticketId)}card:${topicId}`;

/** The key of the pin of a topic's card (see {@link staffCardKey}). */
export const staffPinKey = (ticketId: string, topicId: number) =>
  `${staffTopicKeyPrefix(ticketId)}pin:${topicId}`;

/** The ticket and topic a card's key names (see {@link staffCardKey}), if it is a card's. */
export function cardOfKey(key: string): { ticketId: string; topicId: number } | undefined {
  const found = /^staff-topic:([^:]+):card:(\d+)$/.exec(key);
  return found ? { ticketId: found[1] as string, topicId: Number(found[2]) } : undefined;
}

/**
 * The key prefix of the outbox rows the staff side writes to a ticket's customer (a staff
 * member's copy, a notice of a take or a closing, the rating request): `to-customer:<ticket
 * id>:<ref>`. A customer found to have blocked the bot by one of them is reported in its topic.
 */
export const customerTicketKeyPrefix = (ticketId: string) => `to-customer:${ticketId}:`;

/** The ticket a row to its customer is for (see {@link customerTicketKeyPrefix}). */
export function ticketOfCustomerKey(key: string): string | undefined {
  return /^to-customer:([^:]+):/.exec(key)?.[1];
}

/**
 * The key prefix of the staff-chat calls that erase what an erased ticket left there (its topic's
 * deletion, the card's overwrite, the copies' deletion): `erase-staff:<job id>:<ref>`, keyed by the
 * erasure's job (one per erased ticket's topic), so a rerun of the job writes none of them twice.
 * The outbox takes such a call finding its message or topic gone as done, and never sends a
 * refused edit of one as a new message.
 */
export const erasureKeyPrefix = (jobId: string) => `erase-staff:${jobId}:`;

/** Whether a row is one of erasure's staff-chat calls (see {@link erasureKeyPrefix}). */
export const isErasureKey = (key: string) => key.startsWith('erase-staff:');

/**
 * A payload field naming, by its outbox key, an earlier call in the same chat this one stands in
 * for: it is made only when that call was given up (dead-lettered), and settled unsent otherwise
 * (read when it is due, behind that call in the chat's line). Erasure's way round a topic it may
 * not delete: the card overwritten and the copies deleted, only if the topic could not be.
 */
export const INSTEAD_OF = 'instead_of';

/**
 * A payload field holding alternatives for a message whose words depend on how earlier calls in
 * the same chat ended (see {@link Alternative}): read when the message is due — behind those calls
 * in the chat's line, so they are settled — the first alternative whose named calls all ended as
 * it says is sent (its fields set on the payload, its `error` logged for the operator); with none,
 * the message is settled unsent. Erasure's notice in the staff chat says what was deleted.
 */
export const DEPENDING_ON = 'depending_on';

/** One way a {@link DEPENDING_ON} message may go. */
export type Alternative = {
  /** Outbox keys of earlier calls in the chat, and how each must have ended. */
  if: Record<string, 'sent' | 'dead'>;
  /** Payload fields to send (`text`, …). */
  set: JsonObject;
  /** An operator's error to log when this alternative is taken (no personal data). */
  error?: string;
};

/** An edit's payload field naming the copied message whose copy it edits (see `NewOutboxMessage`). */
export const COPY_OF = 'copy_of';

/**
 * A payload field naming, by its outbox key, an earlier message in the same chat whose Telegram id
 * is this call's `message_id` (a card's pin): read when the call is sent, behind that message in
 * the chat's line.
 */
export const MESSAGE_OF = 'message_of';

/** The copied message an edit names (`payload.copy_of`), if it names one. */
export function copyTargetOf(
  payload: JsonObject,
): { fromChatId: number; messageId: number } | undefined {
  const named = payload[COPY_OF];
  if (typeof named !== 'object' || named === null || Array.isArray(named)) return undefined;
  const { from_chat_id: fromChatId, message_id: messageId } = named;
  return typeof fromChatId === 'number' && typeof messageId === 'number'
    ? { fromChatId, messageId }
    : undefined;
}

/** A message to deliver: a Bot API call for one chat, exactly once per `key`. */
export type NewOutboxMessage = {
  /** Unique forever: the same key written again is ignored (`turn:<update id>:<n>`). */
  key: string;
  /** The erasure's own answer: once settled, the row keeps no chat id (see `eraseChatMessages`). */
  erased?: boolean;
  chatId: number;
  /** `sendMessage`, `editMessageText`, `editMessageReplyMarkup`, `copyMessage`, … */
  method: string;
  /**
   * The call's parameters without `chat_id`. An edit of a relayed copy names the copied message
   * instead of the copy (`copy_of: { from_chat_id, message_id }`): the copy's id is looked up in
   * the message map when the edit is sent, behind the copy in its chat's line (see
   * {@link copyTargetOf}).
   */
  payload: JsonObject;
  /**
   * An {@link OUTBOX_PRIORITY}, or `'turn'` for a turn's replies: a first reply when nothing was
   * written to the chat in the {@link FIRST_REPLY_WINDOW_MS} before `at`, else a later reply
   * (decided in the insert itself, on what was committed before it).
   */
  priority?: number | 'turn';
  /** Not before (default: at once). */
  availableAt?: Date;
};

/**
 * What a delivered copy made: the copied messages' chat and ids, and the ids Telegram gave the
 * copies, in the same order (for the message map).
 */
export type DeliveredCopies = {
  fromChatId: number;
  sourceIds: readonly number[];
  targetIds: readonly number[];
};

export type OutboxMessage = {
  id: number;
  key: string;
  chatId: number;
  method: string;
  payload: JsonObject;
  priority: number;
  /** Attempts started, this one included while it is being sent. */
  attempts: number;
  createdAt: Date;
};

/** Where the window of a turn at `at` opens: a chat written to since then is not new. */
export const firstReplySince = (at: Date): string =>
  new Date(at.getTime() - FIRST_REPLY_WINDOW_MS).toISOString();

/**
 * A turn's reply: first reply unless the chat was written to since `since` ({@link
 * firstReplySince} of the turn's time, or a placeholder for it). `chatId` is the chat's id or an
 * expression naming it (a one-statement turn's `v.chat_id`).
 */
export const turnPriority = (chatId: number | SQL, since: string | SQL) => sql`(case when exists (
    select 1 from ${outboxMessages} where ${outboxMessages.chatId} = ${chatId}
    and ${outboxMessages.createdAt} > ${since}::timestamptz
  ) then ${OUTBOX_PRIORITY.reply}::int else ${OUTBOX_PRIORITY.firstReply}::int end)`;

/**
 * Writes messages to the outbox, in the caller's transaction (the turn's or the job's, so the
 * messages exist exactly when the work that decided them is committed). Returns how many were new.
 */
export async function enqueueMessages(
  db: Database,
  messages: NewOutboxMessage[],
  at: Date,
): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await db
    .insert(outboxMessages)
    .values(
      messages.map((m) => ({
        key: m.key,
        chatId: m.chatId,
        method: m.method,
        payload: JSON.stringify(m.payload),
        priority:
          m.priority === 'turn'
            ? turnPriority(m.chatId, firstReplySince(at))
            : (m.priority ?? OUTBOX_PRIORITY.reply),
        availableAt: m.availableAt ?? at,
        createdAt: at,
        erased: m.erased ?? false,
      })),
    )
    .onConflictDoNothing({ target: outboxMessages.key })
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/** One part of an album to copy (see {@link enqueueAlbumPart}). */
export type AlbumPart = {
  /** The album's key (`…album:<media group id>`). */
  key: string;
  chatId: number;
  fromChatId: number;
  messageId: number;
  /** Into a staff topic. */
  topicId?: number | undefined;
  /** Due this long after the latest part (parts arrive as separate updates). */
  waitMs: number;
};

/**
 * Adds one part of an album to the album's one copy (`copyMessages`), in the caller's transaction:
 * the first part writes the row, due `waitMs` later; each later part adds its id (the ids kept in
 * order) and puts the due time back to `waitMs` after itself, while the row still waits. Nothing
 * waits in memory, so a crash during the wait loses no part. A part that comes once the copy is
 * claimed or sent goes as a copy of its own (key `<album key>:<message id>`). Returns the key its
 * id went under.
 */
export async function enqueueAlbumPart(db: Database, part: AlbumPart, at: Date): Promise<string> {
  const due = new Date(at.getTime() + part.waitMs);
  const payload = JSON.stringify({
    from_chat_id: part.fromChatId,
    message_ids: [part.messageId],
    ...(part.topicId === undefined ? {} : { message_thread_id: part.topicId }),
  });
  const row = (key: string) => sql`(${key}, ${part.chatId}, 'copyMessages', ${payload},
    ${OUTBOX_PRIORITY.reply}, ${due.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz, false)`;
  const added = await db.execute(sql`
    insert into ${outboxMessages} (key, chat_id, method, payload, priority, available_at, created_at, erased)
    values ${row(part.key)}
    on conflict (key) do update set
      payload = jsonb_set(${outboxMessages.payload}::jsonb, '{message_ids}', (
        select jsonb_agg(distinct part.value order by part.value) from jsonb_array_elements(
          (${outboxMessages.payload}::jsonb -> 'message_ids') || (excluded.payload::jsonb -> 'message_ids')
        ) as part(value)))::text,
      available_at = greatest(${outboxMessages.availableAt}, excluded.available_at)
    where ${outboxMessages.state} = 'pending'
    returning ${outboxMessages.id}`);
  if (rowsOf(added).length > 0) return part.key;
  const own = `${part.key}:${part.messageId}`;
  await db.execute(sql`
    insert into ${outboxMessages} (key, chat_id, method, payload, priority, available_at, created_at, erased)
    values ${row(own)}
    on conflict (key) do nothing`);
  return own;
}

/**
 * Whether a message under one of `keys` was written at or after `since` (still kept: settled rows
 * go after a day): a message said at most once a while, keyed by its window.
 */
export async function writtenSince(
  db: Database,
  keys: readonly string[],
  since: Date,
): Promise<boolean> {
  if (keys.length === 0) return false;
  const [row] = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(inArray(outboxMessages.key, [...keys]), gte(outboxMessages.createdAt, since)))
    .limit(1);
  return row !== undefined;
}

/**
 * What the outbox knows of a chat's messages: whether any is still queued, and the Telegram id of
 * the latest one delivered (so a guided step may replace it in place when nothing came after it).
 */
export async function chatDelivery(
  db: Database,
  chatId: number,
): Promise<{ queued: boolean; latestMessageId: number | undefined }> {
  const [queued] = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.chatId, chatId), inArray(outboxMessages.state, ['pending', 'sending'])),
    )
    .limit(1);
  const [latest] = await db
    .select({ messageId: outboxMessages.messageId })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.chatId, chatId),
        eq(outboxMessages.state, 'sent'),
        isNotNull(outboxMessages.messageId),
      ),
    )
    .orderBy(desc(outboxMessages.messageId))
    .limit(1);
  return { queued: queued !== undefined, latestMessageId: latest?.messageId ?? undefined };
}

const toMessage = (row: typeof outboxMessages.$inferSelect): OutboxMessage => ({
  id: row.id,
  key: row.key,
  chatId: row.chatId,
  method: row.method,
  payload: row.payload ? (JSON.parse(row.payload) as JsonObject) : {},
  priority: row.priority,
  attempts: row.attempts,
  createdAt: row.createdAt,
});

/**
 * The chat id a settled row keeps: its own, or — the customer erased their data — a random
 * negative number (no Telegram user has one) that links the row to nobody.
 */
const settledChatId = sql`case when ${outboxMessages.erased}
  then -(1 + floor(random() * 140737488355327))::bigint else ${outboxMessages.chatId} end`;

/**
 * Erasure (in the erasure's transaction): the chat's settled messages keep a random stand-in for
 * the chat id (their text is gone already), and its queued ones get one as soon as they settle.
 */
export async function eraseChatMessages(db: Database, chatId: number, standIn: number) {
  await db
    .update(outboxMessages)
    .set({ chatId: standIn, payload: null, erased: true })
    .where(
      and(
        eq(outboxMessages.chatId, chatId),
        inArray(outboxMessages.state, ['sent', 'dead', 'cancelled']),
      ),
    );
  await db
    .update(outboxMessages)
    .set({ erased: true })
    .where(
      and(eq(outboxMessages.chatId, chatId), inArray(outboxMessages.state, ['pending', 'sending'])),
    );
}

/**
 * Only the oldest open message of its chat: one in flight per chat, in order. Written as the
 * chat's least open id (a look-up on the open messages' index for each candidate), not as an
 * anti-join, which a server without statistics (PGlite has no autovacuum; a fresh PostgreSQL
 * database for its first minute) planned as a scan of the whole outbox on every claim.
 */
const headOfChat = sql`${outboxMessages.id} = (select min(earlier.id) from outbox_messages earlier
  where earlier.chat_id = ${outboxMessages.chatId} and earlier.state in ('pending', 'sending'))`;

/** {@link createOutboxStore}'s claim, built once (its SQL is the same on every call). */
const claimDue = preparedPerHandle((db) => {
  const now = sql.placeholder('now');
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        sql`((${outboxMessages.state} = 'pending' and ${outboxMessages.availableAt} <= ${now}::timestamptz)
          or (${outboxMessages.state} = 'sending' and ${outboxMessages.lockedUntil} <= ${now}::timestamptz))`,
        headOfChat,
      ),
    )
    .orderBy(asc(outboxMessages.priority), asc(outboxMessages.availableAt), asc(outboxMessages.id))
    .limit(sql.placeholder('limit'))
    .for('update', { skipLocked: true });
  return db
    .update(outboxMessages)
    .set({
      state: 'sending',
      attempts: sql`${outboxMessages.attempts} + 1`,
      lockedUntil: sql`${sql.placeholder('lockedUntil')}::timestamptz`,
    })
    .where(inArray(outboxMessages.id, due))
    .returning()
    .prepare('outbox_claim');
});

/** The outbox of one database: what senders claim and settle. */
export function createOutboxStore(db: Database) {
  /** Applied only while the sender still holds the claim it made (same attempt, still sending). */
  const claimed = (message: OutboxMessage) =>
    and(
      eq(outboxMessages.id, message.id),
      eq(outboxMessages.state, 'sending'),
      eq(outboxMessages.attempts, message.attempts),
    );

  return {
    enqueue: (messages: NewOutboxMessage[], at: Date) => enqueueMessages(db, messages, at),

    /**
     * Claims up to `limit` messages that are due: only the oldest open message of each chat (one
     * in flight per chat, in order), a customer's first reply before later replies before
     * background messages, then oldest first. One statement with `FOR UPDATE SKIP LOCKED`, so
     * concurrent senders (in this process or others) never claim the same message. A message whose
     * sender died mid-send is claimable again once its lease runs out.
     */
    async claim({
      now,
      limit,
      leaseMs,
    }: {
      now: Date;
      limit: number;
      leaseMs: number;
    }): Promise<OutboxMessage[]> {
      if (limit <= 0) return [];
      const rows = await claimDue(db).execute({
        now: now.toISOString(),
        limit,
        lockedUntil: new Date(now.getTime() + leaseMs).toISOString(),
      });
      return rows.map(toMessage).sort((a, b) => a.priority - b.priority || a.id - b.id);
    },

    /** Delivered: records Telegram's message id and drops the text. `false` if the claim was lost. */
    async markSent(message: OutboxMessage, messageId: number | null, at: Date): Promise<boolean> {
      const rows = await db
        .update(outboxMessages)
        .set({
          state: 'sent',
          sentAt: at,
          messageId,
          payload: null,
          lockedUntil: null,
          chatId: settledChatId,
        })
        .where(claimed(message))
        .returning({ id: outboxMessages.id });
      return rows.length === 1;
    },

    /**
     * Several deliveries recorded in one statement (as {@link markSent} each); returns the ids
     * recorded — one missing had lost its claim. A delivered copy (`copyMessage`, `copyMessages`)
     * also fills in the message map (`relayed_messages`, written with the copy's outbox row) with
     * the ids Telegram gave the copies, in the same statement: recorded exactly when the send is.
     * A delivered card ({@link staffCardKey}) is recorded as its topic's card likewise.
     */
    async markSentMany(
      sent: readonly {
        message: OutboxMessage;
        messageId: number | null;
        at: Date;
        copies?: DeliveredCopies | undefined;
      }[],
    ): Promise<Set<number>> {
      if (sent.length === 0) return new Set();
      const ids = (list: readonly number[] | undefined) =>
        list ? `{${list.map((id) => Math.trunc(id)).join(',')}}` : null;
      const values = sql.join(
        sent.map(({ message, messageId, at, copies }) => {
          const card = cardOfKey(message.key);
          return sql`(${message.id}::bigint, ${message.attempts}::int, ${messageId}::int, ${at.toISOString()}::timestamptz,
              ${copies?.fromChatId ?? null}::bigint, ${message.chatId}::bigint,
              ${ids(copies?.sourceIds)}::int[], ${ids(copies?.targetIds)}::int[],
              ${card?.ticketId ?? null}::uuid, ${card?.topicId ?? null}::int)`;
        }),
        sql`, `,
      );
      const result = await db.execute(sql`
        with v(id, attempts, message_id, sent_at, from_chat, target_chat, source_ids, target_ids,
          card_ticket, card_topic) as (
          values ${values}
        ), settled as (
          update ${outboxMessages} set state = 'sent', sent_at = v.sent_at, message_id = v.message_id,
            payload = null, locked_until = null, chat_id = ${settledChatId}
          from v
          where ${outboxMessages.id} = v.id and ${outboxMessages.state} = 'sending'
            and ${outboxMessages.attempts} = v.attempts
          returning ${outboxMessages.id} as id
        ), copies as (
          select v.from_chat, v.target_chat, unnest(v.source_ids) as source_id,
            unnest(v.target_ids) as target_id
          from v join settled on settled.id = v.id
          where v.from_chat is not null
        ), mapped as (
          update ${relayedMessages} set target_message_id = copies.target_id
          from copies
          where ${relayedMessages.sourceChatId} = copies.from_chat
            and ${relayedMessages.sourceMessageId} = copies.source_id
            and ${relayedMessages.targetChatId} = copies.target_chat
            and copies.target_id is not null
          returning ${relayedMessages.id}
        ), carded as (
          update ${ticketTopics} set card_message_id = v.message_id
          from v join settled on settled.id = v.id
          where v.card_ticket is not null and v.message_id is not null
            and ${ticketTopics.ticketId} = v.card_ticket and ${ticketTopics.topicId} = v.card_topic
          returning ${ticketTopics.ticketId}
        )
        select id from settled`);
      return new Set(rowsOf<{ id: string | number }>(result).map((row) => Number(row.id)));
    },

    /** Failed this time: tried again at `availableAt` (still first in its chat's line). */
    async markRetry(message: OutboxMessage, availableAt: Date, error: string): Promise<boolean> {
      const rows = await db
        .update(outboxMessages)
        .set({ state: 'pending', availableAt, lockedUntil: null, lastError: error.slice(0, 500) })
        .where(claimed(message))
        .returning({ id: outboxMessages.id });
      return rows.length === 1;
    },

    /**
     * Not the message's failure (Telegram unreachable or down, or asking to wait): back in its
     * chat's line at `availableAt`, the claim's attempt taken back, so an outage never brings a
     * message nearer to being given up. (The claim's fence stays sound: the count returns to what
     * it was before this claim, and the next claim raises it again; a sender whose lease ran out
     * still holds a lower count than any later claim.)
     */
    async putBack(message: OutboxMessage, availableAt: Date, error: string): Promise<boolean> {
      const rows = await db
        .update(outboxMessages)
        .set({
          state: 'pending',
          availableAt,
          lockedUntil: null,
          attempts: sql`${outboxMessages.attempts} - 1`,
          lastError: error.slice(0, 500),
        })
        .where(claimed(message))
        .returning({ id: outboxMessages.id });
      return rows.length === 1;
    },

    /** Given up (dead-lettered): kept for inspection, the chat's next message goes on. */
    async markDead(message: OutboxMessage, error: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(outboxMessages)
        .set({
          state: 'dead',
          sentAt: at,
          lockedUntil: null,
          lastError: error.slice(0, 500),
          chatId: settledChatId,
          payload: sql`case when ${outboxMessages.erased} then null else ${outboxMessages.payload} end`,
        })
        .where(claimed(message))
        .returning({ id: outboxMessages.id });
      return rows.length === 1;
    },

    /** Sends the message as a new one instead (an edit whose message can no longer be edited). */
    async replaceWith(
      message: OutboxMessage,
      method: string,
      payload: JsonObject,
    ): Promise<boolean> {
      const rows = await db
        .update(outboxMessages)
        .set({ state: 'pending', method, payload: JSON.stringify(payload), lockedUntil: null })
        .where(claimed(message))
        .returning({ id: outboxMessages.id });
      return rows.length === 1;
    },

    /** The customer blocked the bot: what is still queued for the chat will not be sent. */
    async cancelChat(chatId: number, at: Date): Promise<number> {
      const rows = await db
        .update(outboxMessages)
        .set({
          state: 'cancelled',
          sentAt: at,
          payload: null,
          lockedUntil: null,
          chatId: settledChatId,
        })
        .where(and(eq(outboxMessages.chatId, chatId), eq(outboxMessages.state, 'pending')))
        .returning({ id: outboxMessages.id });
      return rows.length;
    },

    /** Messages not yet delivered (pending or being sent): the queue behind the budget. */
    async depth(): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(outboxMessages)
        .where(inArray(outboxMessages.state, ['pending', 'sending']));
      return Number(row?.n ?? 0);
    },

    /**
     * Chats whose first queued message has waited since before `since` and is not being sent:
     * customers who should see the typing action. First replies first.
     */
    async waitingChats(since: Date, limit: number): Promise<number[]> {
      const rows = await db
        .select({ chatId: outboxMessages.chatId })
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.state, 'pending'),
            lte(outboxMessages.createdAt, since),
            gt(outboxMessages.chatId, 0),
            headOfChat,
          ),
        )
        .orderBy(asc(outboxMessages.priority), asc(outboxMessages.id))
        .limit(limit);
      return rows.map((row) => row.chatId);
    },

    /**
     * The id Telegram gave the copy of a message in `targetChatId` (message map); `undefined` when
     * no copy was made (never sent: given up, or the customer blocked the bot).
     */
    async copyIn(
      targetChatId: number,
      source: { fromChatId: number; messageId: number },
    ): Promise<number | undefined> {
      const [row] = await db
        .select({ id: relayedMessages.targetMessageId })
        .from(relayedMessages)
        .where(
          and(
            eq(relayedMessages.sourceChatId, source.fromChatId),
            eq(relayedMessages.sourceMessageId, source.messageId),
            eq(relayedMessages.targetChatId, targetChatId),
            gt(relayedMessages.targetMessageId, 0),
          ),
        )
        .limit(1);
      return row?.id;
    },

    /** A message by key: its state and Telegram's id once sent (for message maps). */
    async byKey(key: string) {
      const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.key, key));
      return row && { state: row.state, messageId: row.messageId, attempts: row.attempts };
    },

    /** Deletes settled messages (sent, dead, cancelled) older than `before`. */
    async prune(before: Date): Promise<number> {
      const rows = await db
        .delete(outboxMessages)
        .where(
          and(
            inArray(outboxMessages.state, ['sent', 'dead', 'cancelled']),
            lte(outboxMessages.sentAt, before),
          ),
        )
        .returning({ id: outboxMessages.id });
      return rows.length;
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
