import { and, desc, eq, getTableColumns, isNull, lte, sql } from 'drizzle-orm';
import type {
  Category,
  Customer,
  GuidanceCase,
  TicketKind,
  WaitingTicket,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { preparedPerHandle } from '../prepared.ts';
import { customers, guidanceCases, inboxUpdates, sessions, tickets } from '../schema/index.ts';
import type { Versioned } from './conversation-states.ts';
import { toCustomer, toGuidanceCase } from './to-domain.ts';

/** What a customer's turn reads before it runs: see {@link readTurn}. */
export type TurnRead = {
  /**
   * The customer (made on their first message when asked to); `undefined` when there is none and
   * none was to be made, or a concurrent turn made it first.
   */
  customer: Customer | undefined;
  /** The chat's state and its version, as {@link loadVersioned} reads it. */
  state: Versioned<unknown>;
  /** The chat's latest check-back asked and not answered, as `GuidanceRepo.awaitingAnswer`. */
  awaiting: GuidanceCase | undefined;
  /**
   * The customer's newest ticket waiting for a person (open: filed, nobody has taken it), the one
   * what they write is copied to: a new problem told meanwhile is asked about first.
   */
  waiting: WaitingTicket | undefined;
  /**
   * Whether the update this read is for was handled already, or given up (another instance's run
   * committed it first: this run, from a head taken in here, would find that out only at its
   * commit, which marks only a pending update). Only a customer's read says so: `false` when there
   * is no customer yet, or the update is not in the inbox.
   */
  handled: boolean;
};

const ph = sql.placeholder;

/**
 * The reads in one prepared statement: the customer (`found`, or `made` when there is none: an
 * insert that a concurrent insert turns into nothing), the state by its key, the check-back
 * awaiting an answer and the newest waiting ticket, each left-joined to the one customer row.
 */
const turnReadQuery = preparedPerHandle((db) => {
  const columns = getTableColumns(customers);
  const found = db.$with('turn_found').as(
    db
      .select()
      .from(customers)
      .where(eq(customers.telegramUserId, ph('telegramUserId'))),
  );
  const made = db.$with('turn_made', columns).as(
    sql`insert into ${customers} (telegram_user_id, language, created_at)
  select ${ph('telegramUserId')}, ${ph('language')}, ${ph('at')}
  where ${ph('make')}::boolean and not exists (select 1 from ${found})
  on conflict (telegram_user_id) do nothing
  returning *`,
  );
  const customer = db
    .$with('turn_customer', columns)
    .as(sql`select * from ${found} union all select * from ${made}`);
  const awaitingId = db
    .select({ id: guidanceCases.id })
    .from(guidanceCases)
    .where(
      and(
        eq(guidanceCases.chatId, ph('chatId')),
        isNull(guidanceCases.outcome),
        lte(guidanceCases.checkBackAt, ph('now')),
      ),
    )
    .orderBy(desc(guidanceCases.checkBackAt))
    .limit(1);
  // The newest open ticket of the customer (tickets_customer_idx), as the relay picks it: one
  // JSON column (null when there is none), what the question names.
  const waiting = sql<WaitingRow | null>`(select json_build_object('number', w.number,
    'kind', w.kind, 'category', w.category, 'description', w.description,
    'symptomId', w.triage->>'symptomId')
    from ${tickets} w where w.customer_id = ${customer.id} and w.state = 'open'
    order by w.created_at desc limit 1)`;
  return db
    .with(found, made, customer)
    .select({
      customer: {
        id: customer.id,
        telegramUserId: customer.telegramUserId,
        language: customer.language,
        name: customer.name,
        phone: customer.phone,
        address: customer.address,
        createdAt: customer.createdAt,
        erasedAt: customer.erasedAt,
        blockedAt: customer.blockedAt,
      },
      state: { value: sessions.value, version: sessions.version, expiresAt: sessions.expiresAt },
      awaiting: getTableColumns(guidanceCases),
      waiting,
      handled: sql<boolean>`exists (select 1 from ${inboxUpdates}
        where ${inboxUpdates.updateId} = ${ph('updateId')} and ${inboxUpdates.state} <> 'pending')`,
    })
    .from(customer)
    .leftJoin(sessions, eq(sessions.key, ph('key')))
    .leftJoin(guidanceCases, eq(guidanceCases.id, sql`(${awaitingId})`))
    .prepare('turn_read');
});

/**
 * Reads, in one round trip, what a customer's turn needs before it runs: the customer (inserted on
 * their first message, as `CustomerRepo.ensure` does), the chat's state with its version (an
 * expired state reads as absent but keeps its version, as {@link loadVersioned}) and the chat's
 * check-back awaiting an answer (as `GuidanceRepo.awaitingAnswer`) and the newest ticket waiting for
 * a person. The statement writes only the
 * new customer, and only with `make`. When there is no customer (and none made), or a concurrent
 * insert made it first, nothing is read: `customer` is `undefined` and the caller reads apart.
 */
export async function readTurn(
  db: Database,
  input: {
    telegramUserId: number;
    language: string;
    key: string;
    chatId: number;
    at: Date;
    /** Whether a customer not seen before is made (a turn) or not (a look ahead of one). */
    make: boolean;
    /** The update the turn is for ({@link TurnRead.handled}). */
    updateId: number;
  },
): Promise<TurnRead> {
  const { telegramUserId, language, key, chatId, at, make, updateId } = input;
  const [row] = await turnReadQuery(db).execute({
    telegramUserId,
    language,
    make,
    at: at.toISOString(),
    key,
    chatId,
    now: at.toISOString(),
    updateId,
  });
  if (!row)
    return {
      customer: undefined,
      state: { value: undefined, version: 0 },
      awaiting: undefined,
      waiting: undefined,
      handled: false,
    };
  const { state, awaiting, waiting, handled } = row;
  return {
    customer: toCustomer(row.customer),
    state: state
      ? { value: state.expiresAt > at ? state.value : undefined, version: state.version }
      : { value: undefined, version: 0 },
    awaiting: awaiting ? toGuidanceCase(awaiting) : undefined,
    waiting: waiting ? toWaitingTicket(waiting) : undefined,
    handled,
  };
}

/** The waiting ticket as the statement reads it. */
type WaitingRow = {
  number: string;
  kind: string;
  category: string | null;
  description: string | null;
  symptomId: string | null;
};

function toWaitingTicket(row: WaitingRow): WaitingTicket {
  const waiting: WaitingTicket = { number: row.number, kind: row.kind as TicketKind };
  if (row.category) waiting.category = row.category as Category;
  if (row.symptomId) waiting.symptomId = row.symptomId;
  if (row.description) waiting.description = row.description;
  return waiting;
}
