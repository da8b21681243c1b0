import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { EARLIER_PENDING } from '../inbox/inbox.ts';
import { rowsOf } from '../migrate.ts';
import {
  firstReplySince,
  type NewOutboxMessage,
  OUTBOX_PRIORITY,
  turnPriority,
} from '../outbox/outbox.ts';
import { preparedStatement, rowPlaceholders } from '../prepared.ts';
import { StaleStateError, storableJson } from './conversation-states.ts';
import { readTurn, type TurnRead } from './turn-read.ts';

/**
 * A turn that writes nothing but its own four things: its update marked handled, the chat's new
 * state (saved over the version it was read at), its replies in the outbox and its transcript.
 */
export type PlainTurn = TurnTail & { updateId: number };

/** What every turn writes last: its state, its replies and its transcript. */
export type TurnTail = {
  at: Date;
  state: { key: string; value: unknown; version: number; expiresAt: Date };
  /** The replies, as outbox rows (`priority: 'turn'` is decided in the statement, as ever). */
  messages: NewOutboxMessage[];
  /** What the customer wrote and what the bot answered, for the customer's transcript. */
  transcript: { customerId: string; direction: 'in' | 'out'; text: string }[];
};

const iso = (date: Date) => date.toISOString();
const ph = sql.placeholder;
/** A reply's placeholders (`m<n>_…`) and a transcript entry's (`t<n>_…`), by row. */
const messageNames = rowPlaceholders('m', [
  'key',
  'chatId',
  'method',
  'payload',
  'priority',
  'availableAt',
  'erased',
] as const);
const transcriptNames = rowPlaceholders('t', ['customerId', 'direction', 'text'] as const);

/**
 * The statement of a turn with `messages` replies and `transcript` entries, every value a
 * placeholder (`m<n>_…`, `t<n>_…` for the rows): its text depends on the two counts only.
 */
function commitStatement(messages: number, transcript: number, marks: boolean): SQL {
  /** What the replies and the transcript wait for: the update marked, or (a tail) the state saved. */
  const gate = marks ? sql`marked` : sql`saved`;
  const rows = (count: number, row: (n: number) => SQL) =>
    sql.join(
      Array.from({ length: count }, (_, n) => row(n)),
      sql`, `,
    );
  const outbox: SQL =
    messages === 0
      ? sql``
      : sql`, queued as (
  insert into outbox_messages (key, chat_id, method, payload, priority, available_at, created_at, erased)
  select v.key, v.chat_id, v.method, v.payload,
    coalesce(v.priority, ${turnPriority(sql`v.chat_id`, sql`${ph('since')}`)}),
    coalesce(v.available_at, ${ph('at')}::timestamptz), ${ph('at')}::timestamptz, v.erased
  from (values ${rows(messages, (n) => {
    const m = messageNames(n);
    return sql`(${n}::int, ${ph(m.key)}::text, ${ph(m.chatId)}::bigint, ${ph(m.method)}::text, ${ph(m.payload)}::text, ${ph(m.priority)}::smallint, ${ph(m.availableAt)}::timestamptz, ${ph(m.erased)}::boolean)`;
  })}) as v(n, key, chat_id, method, payload, priority, available_at, erased)
  where exists (select 1 from ${gate})
  order by v.n
  on conflict (key) do nothing
  returning id
)`;
  const logged: SQL =
    transcript === 0
      ? sql``
      : sql`, logged as (
  insert into transcript_entries (customer_id, ticket_id, direction, text, at)
  select v.customer_id, null, v.direction, v.text, ${ph('at')}::timestamptz
  from (values ${rows(transcript, (n) => {
    const t = transcriptNames(n);
    return sql`(${n}::int, ${ph(t.customerId)}::uuid, ${ph(t.direction)}::text, ${ph(t.text)}::text)`;
  })}) as v(n, customer_id, direction, text)
  where exists (select 1 from ${gate})
  order by v.n
  returning id
)`;
  if (!marks)
    return sql`with saved as (
  insert into sessions (key, value, version, expires_at)
  select ${ph('key')}::text, ${ph('value')}::jsonb, ${ph('nextVersion')}::int, ${ph('expiresAt')}::timestamptz
  on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at,
    version = sessions.version + 1
  where sessions.version = ${ph('version')}::int
  returning version
)${outbox}${logged}
select (select count(*) from saved)::int as saved`;
  // 'behind' when an earlier update of the chat is pending: an update is handled only as its
  // chat's oldest pending one (a head taken in here without a read may have been overtaken by
  // another instance's earlier update since), and the run then reads the inbox's head instead.
  return sql`with pending as materialized (
  select case when ${EARLIER_PENDING} then 'behind' else state end as state
  from inbox_updates where update_id = ${ph('updateId')}::bigint for update
), saved as (
  insert into sessions (key, value, version, expires_at)
  select ${ph('key')}::text, ${ph('value')}::jsonb, ${ph('nextVersion')}::int, ${ph('expiresAt')}::timestamptz
  where exists (select 1 from pending where state = 'pending')
  on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at,
    version = sessions.version + 1
  where sessions.version = ${ph('version')}::int
  returning version
), marked as (
  update inbox_updates set state = 'done', handled_at = ${ph('at')}::timestamptz, payload = null
  where update_id = ${ph('updateId')}::bigint and exists (select 1 from saved)
  returning update_id
)${outbox}${logged}
select (select state from pending) as state, (select count(*) from marked)::int as marked`;
}

/**
 * A turn's statement by its shape (its replies and transcript entries counted, and whether it
 * marks the update), built once: a statement's SQL is otherwise put together on every call. Run
 * as `db.execute` runs a statement (no result mapping), with the same text and values.
 */
const commitQueries = new Map<string, ReturnType<typeof preparedCommit>>();
const preparedCommit = (messages: number, transcript: number, marks: boolean) =>
  preparedStatement(commitStatement(messages, transcript, marks));
/** Shapes kept at most (a turn sends a handful of messages: bounded anyway). */
const MAX_SHAPES = 200;

function commitQuery(messages: number, transcript: number, marks: boolean) {
  const shape = `${messages}:${transcript}:${marks}`;
  let query = commitQueries.get(shape);
  if (query === undefined) {
    query = preparedCommit(messages, transcript, marks);
    if (commitQueries.size < MAX_SHAPES) commitQueries.set(shape, query);
  }
  return query;
}

/** The values of a turn's statement (see {@link commitStatement}'s placeholders). */
function commitValues(turn: TurnTail, updateId?: number): Record<string, unknown> {
  const { at, state, messages, transcript } = turn;
  const values: Record<string, unknown> = {
    key: state.key,
    value: storableJson(state.value),
    nextVersion: state.version + 1,
    expiresAt: iso(state.expiresAt),
    version: state.version,
    at: iso(at),
    since: firstReplySince(at),
  };
  if (updateId !== undefined) values.updateId = updateId;
  messages.forEach((m, n) => {
    const names = messageNames(n);
    values[names.key] = m.key;
    values[names.chatId] = m.chatId;
    values[names.method] = m.method;
    values[names.payload] = JSON.stringify(m.payload);
    values[names.priority] = m.priority === 'turn' ? null : (m.priority ?? OUTBOX_PRIORITY.reply);
    values[names.availableAt] = m.availableAt ? iso(m.availableAt) : null;
    values[names.erased] = m.erased ?? false;
  });
  transcript.forEach((entry, n) => {
    const names = transcriptNames(n);
    values[names.customerId] = entry.customerId;
    values[names.direction] = entry.direction;
    values[names.text] = entry.text;
  });
  return values;
}

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
  const { messages, transcript } = turn;
  const result = await commitQuery(
    messages.length,
    transcript.length,
    true,
  )(db).execute(commitValues(turn, turn.updateId));
  const [row] = rowsOf<{ state: string | null; marked: number }>(result);
  if (row?.marked === 1) return true;
  if (row?.state !== 'pending') return false;
  throw new StaleStateError(turn.state.key);
}

/**
 * The end of a turn with effects, in its transaction (its update marked first, its effects
 * written): the chat's new state saved over the version it was read at, its replies queued and its
 * transcript written, in ONE statement — what `saveVersioned`, `enqueueMessages` and the
 * transcript's `appendAll` write one by one, with the same rows. Throws {@link StaleStateError}
 * when another turn saved the state since (nothing is written; the caller's transaction rolls back).
 */
export async function commitTurnTail(db: Database, tail: TurnTail): Promise<void> {
  const { messages, transcript } = tail;
  const result = await commitQuery(
    messages.length,
    transcript.length,
    false,
  )(db).execute(commitValues(tail));
  const [row] = rowsOf<{ saved: number }>(result);
  if (row?.saved !== 1) throw new StaleStateError(tail.state.key);
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
  /** The end of a turn with effects, on its transaction's handle ({@link commitTurnTail}). */
  commitTail(tail: TurnTail): Promise<void>;
};

export function createTurnRepo(db: Database): TurnRepo {
  const { read } = withStorageErrors('turns', {
    read: (input) => readTurn(db, input),
  } satisfies Pick<TurnRepo, 'read'>);
  return {
    read,
    commitPlain: (turn) => commitPlainTurn(db, turn),
    commitTail: (tail) => commitTurnTail(db, tail),
  };
}
