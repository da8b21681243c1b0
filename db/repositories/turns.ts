import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { rowsOf } from '../migrate.ts';
import { type NewOutboxMessage, OUTBOX_PRIORITY, turnPriority } from '../outbox/outbox.ts';
import { StaleStateError, storableJson } from './conversation-states.ts';
import { readTurn, type TurnRead } from './turn-read.ts';

/**
 * A turn that writes nothing but its own four things: its update marked handled, the chat's new
 * state (saved over the version it was read at), its replies in the outbox and its transcript.
 */
export type PlainTurn = {
  updateId: number;
  at: Date;
  state: { key: string; value: unknown; version: number; expiresAt: Date };
  /** The replies, as outbox rows (`priority: 'turn'` is decided in the statement, as ever). */
  messages: NewOutboxMessage[];
  /** What the customer wrote and what the bot answered, for the customer's transcript. */
  transcript: { customerId: string; direction: 'in' | 'out'; text: string }[];
};

const iso = (date: Date) => date.toISOString();

/**
 * Commits a {@link PlainTurn} in ONE statement (one round trip, no BEGIN or COMMIT): a statement
 * is atomic on its own, so all four writes happen or none does, exactly as in a transaction. The
 * update's inbox row is locked first (`for update`: a turn committing the same update meanwhile
 * is waited for, and its outcome read); the state is saved only while the update is pending and
 * the version is the one read; the update is marked, and the replies and transcript written, only
 * when the state was saved. Returns `false` when the update was not pending (handled already:
 * nothing is written); throws {@link StaleStateError} when another turn saved the state since
 * (nothing is written, the update stays pending).
 */
export async function commitPlainTurn(db: Database, turn: PlainTurn): Promise<boolean> {
  const { updateId, at, state, messages, transcript } = turn;
  const outbox: SQL =
    messages.length === 0
      ? sql``
      : sql`, queued as (
  insert into outbox_messages (key, chat_id, method, payload, priority, available_at, created_at, erased)
  select v.key, v.chat_id, v.method, v.payload,
    coalesce(v.priority, ${turnPriority(sql`v.chat_id`, at)}),
    coalesce(v.available_at, ${iso(at)}::timestamptz), ${iso(at)}::timestamptz, v.erased
  from (values ${sql.join(
    messages.map(
      (m, n) =>
        sql`(${n}::int, ${m.key}::text, ${m.chatId}::bigint, ${m.method}::text, ${JSON.stringify(m.payload)}::text, ${
          m.priority === 'turn' ? null : (m.priority ?? OUTBOX_PRIORITY.reply)
        }::smallint, ${m.availableAt ? iso(m.availableAt) : null}::timestamptz, ${m.erased ?? false}::boolean)`,
    ),
    sql`, `,
  )}) as v(n, key, chat_id, method, payload, priority, available_at, erased)
  where exists (select 1 from marked)
  order by v.n
  on conflict (key) do nothing
  returning id
)`;
  const logged: SQL =
    transcript.length === 0
      ? sql``
      : sql`, logged as (
  insert into transcript_entries (customer_id, ticket_id, direction, text, at)
  select v.customer_id, null, v.direction, v.text, ${iso(at)}::timestamptz
  from (values ${sql.join(
    transcript.map(
      (entry, n) =>
        sql`(${n}::int, ${entry.customerId}::uuid, ${entry.direction}::text, ${entry.text}::text)`,
    ),
    sql`, `,
  )}) as v(n, customer_id, direction, text)
  where exists (select 1 from marked)
  order by v.n
  returning id
)`;
  const result = await db.execute(sql`with pending as materialized (
  select state from inbox_updates where update_id = ${updateId}::bigint for update
), saved as (
  insert into sessions (key, value, version, expires_at)
  select ${state.key}::text, ${storableJson(state.value)}::jsonb, ${state.version + 1}::int, ${iso(state.expiresAt)}::timestamptz
  where exists (select 1 from pending where state = 'pending')
  on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at,
    version = sessions.version + 1
  where sessions.version = ${state.version}::int
  returning version
), marked as (
  update inbox_updates set state = 'done', handled_at = ${iso(at)}::timestamptz, payload = null
  where update_id = ${updateId}::bigint and exists (select 1 from saved)
  returning update_id
)${outbox}${logged}
select (select state from pending) as state, (select count(*) from marked)::int as marked`);
  const [row] = rowsOf<{ state: string | null; marked: number }>(result);
  if (row?.marked === 1) return true;
  if (row?.state !== 'pending') return false;
  throw new StaleStateError(state.key);
}

/**
 * A turn's one-statement read and commit, as a repository on a handle (so they are instrumented
 * and replaced like the others). The commit is not wrapped in `StorageError`:
 * {@link StaleStateError} reaches the inbox worker as itself.
 */
export type TurnRepo = {
  /** What the turn reads before it runs, in one statement ({@link readTurn}). */
  read(input: Parameters<typeof readTurn>[1]): Promise<TurnRead>;
  commitPlain(turn: PlainTurn): Promise<boolean>;
};

export function createTurnRepo(db: Database): TurnRepo {
  const { read } = withStorageErrors('turns', {
    read: (input) => readTurn(db, input),
  } satisfies Pick<TurnRepo, 'read'>);
  return { read, commitPlain: (turn) => commitPlainTurn(db, turn) };
}
