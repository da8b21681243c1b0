import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import {
  type CreateTicketOptions,
  formatTicketNumber,
  type NewTicket,
  type Ticket,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { rowsOf } from '../migrate.ts';
import { preparedStatement, rowPlaceholders } from '../prepared.ts';
import { productReports, tickets } from '../schema/index.ts';
import { toTicket } from './to-domain.ts';

const ph = sql.placeholder;
const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);
/** A job's placeholders (`j<n>_…`) and a following event's (`e<n>_…`), by row. */
const jobNames = rowPlaceholders('j', ['kind', 'key', 'dueAt', 'payload', 'maxAttempts'] as const);
const eventNames = rowPlaceholders('e', ['type', 'payload'] as const);

/**
 * A ticket's filing in ONE statement, every value a placeholder (its text depends on whether a
 * product is filed and on the count of jobs and events): the ticket filed with its idempotency key
 * before, if any (then nothing is written); otherwise the product report, the day's next sequence number
 * (the counter's row lock serialises concurrent filings that day), the ticket (nothing when its
 * idempotency key is taken), its `created` event and the events asked to follow it, in order, and
 * its jobs (told the ticket's id and number; a job whose key is taken is left out). What the read
 * by key and five statements (and an event appended after them) did one by one, with the same rows.
 */
function filingStatement(withProduct: boolean, jobCount: number, eventCount: number): SQL {
  const product = withProduct
    ? sql`product as (
  insert into product_reports (customer_id, category, model_number, purchase_date, purchase_period,
    production_date, production_period, proof_photo_file_ids, created_at)
  select ${ph('customerId')}::uuid, ${ph('p_category')}::text, ${ph('p_modelNumber')}::text,
    ${ph('p_purchaseDate')}::date, ${ph('p_purchasePeriod')}::jsonb, ${ph('p_productionDate')}::date,
    ${ph('p_productionPeriod')}::jsonb, ${ph('p_proofPhotoFileIds')}::text[], ${ph('at')}::timestamptz
  where not exists (select 1 from seen)
  returning id
), `
    : sql``;
  const jobs =
    jobCount === 0
      ? sql``
      : sql`, queued as (
  insert into jobs (kind, key, due_at, payload, max_attempts, created_at, updated_at)
  select v.kind, v.key, v.due_at,
    v.payload || jsonb_build_object('ticketId', created.id, 'ticketNumber', created.number),
    v.max_attempts, ${ph('at')}::timestamptz, ${ph('at')}::timestamptz
  from created, (values ${sql.join(
    Array.from({ length: jobCount }, (_, n) => {
      const j = jobNames(n);
      return sql`(${n}::int, ${ph(j.kind)}::text, ${ph(j.key)}::text, ${ph(j.dueAt)}::timestamptz, ${ph(j.payload)}::jsonb, ${ph(j.maxAttempts)}::int)`;
    }),
    sql`, `,
  )}) as v(n, kind, key, due_at, payload, max_attempts)
  order by v.n
  on conflict (key) do nothing
)`;
  return sql`with seen as (
  select * from tickets where idempotency_key = ${ph('idempotencyKey')}::text
), ${product}counter as (
  insert into ticket_counters (day, last_sequence)
  select ${ph('day')}::date, 1 where not exists (select 1 from seen)
  on conflict (day) do update set last_sequence = ticket_counters.last_sequence + 1
  returning last_sequence::text as sequence
), created as (
  insert into tickets (number, idempotency_key, customer_id, product_id, kind, contact_due_at, state,
    priority, category, description, contact_name, contact_phone, address, triage, warranty,
    visit_start, visit_end, created_at, updated_at)
  select ${ph('numberPrefix')}::text || lpad(counter.sequence, greatest(4, length(counter.sequence)), '0'),
    ${ph('idempotencyKey')}::text, ${ph('customerId')}::uuid,
    ${withProduct ? sql`(select id from product)` : sql`null::uuid`}, ${ph('kind')}::text,
    ${ph('contactDueAt')}::timestamptz, 'open', ${ph('priority')}::text, ${ph('category')}::text,
    ${ph('description')}::text, ${ph('contactName')}::text, ${ph('contactPhone')}::text,
    ${ph('address')}::text, ${ph('triage')}::jsonb, ${ph('warranty')}::jsonb,
    ${ph('visitStart')}::timestamptz, ${ph('visitEnd')}::timestamptz, ${ph('at')}::timestamptz,
    ${ph('at')}::timestamptz
  from counter
  on conflict (idempotency_key) do nothing
  returning *
), logged as (
  insert into ticket_events (ticket_id, at, actor, type, payload)
  select created.id, ${ph('at')}::timestamptz, ${ph('actor')}::jsonb, v.type,
    case when v.n = 0 then v.payload || jsonb_build_object('number', created.number) else v.payload end
  from created, (values (0, 'created', ${ph('eventPayload')}::jsonb)${sql.join(
    Array.from(
      { length: eventCount },
      (_, n) =>
        sql`, (${n + 1}::int, ${ph(eventNames(n).type)}::text, ${ph(eventNames(n).payload)}::jsonb)`,
    ),
  )}) as v(n, type, payload)
  order by v.n
)${jobs}
select true as seen, * from seen
union all
select false as seen, * from created`;
}

/** Filing statements by shape, built once. */
const filingQueries = new Map<string, ReturnType<typeof preparedFiling>>();
const preparedFiling = (withProduct: boolean, jobCount: number, eventCount: number) =>
  preparedStatement(filingStatement(withProduct, jobCount, eventCount));
/** Shapes kept at most (a filing carries a job or two: bounded anyway). */
const MAX_SHAPES = 50;

/** The ticket's columns, to read a row as drizzle reads it (each column's own decoder). */
const ticketColumns = Object.entries(getTableColumns(tickets));

function toTicketRow(raw: Record<string, unknown>): typeof tickets.$inferSelect {
  const row: Record<string, unknown> = {};
  for (const [field, column] of ticketColumns) {
    const value = raw[column.name];
    row[field] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as typeof tickets.$inferSelect;
}

/**
 * Files a ticket in `tx` in one statement (see {@link filingStatement}): the ticket and whether it
 * was filed now (`created: false`, the one filed before with its key). `undefined` when the key was
 * taken meanwhile by a filing not yet visible — the product report and the day's number were
 * written all the same, so the caller rolls `tx` back (a savepoint), as when each was its own
 * statement.
 */
export async function fileTicketRows(
  tx: Database,
  input: NewTicket,
  options: CreateTicketOptions,
): Promise<{ ticket: Ticket; created: boolean } | undefined> {
  const { at, day } = options;
  const { product } = input;
  const jobs = options.jobs ?? [];
  const events = options.events ?? [];
  const shape = `${product !== null}:${jobs.length}:${events.length}`;
  let query = filingQueries.get(shape);
  if (query === undefined) {
    query = preparedFiling(product !== null, jobs.length, events.length);
    if (filingQueries.size < MAX_SHAPES) filingQueries.set(shape, query);
  }
  const sample = formatTicketNumber(day, 1);
  const values: Record<string, unknown> = {
    at: iso(at),
    day,
    numberPrefix: sample.slice(0, sample.length - 4),
    idempotencyKey: options.idempotencyKey,
    customerId: input.customerId,
    kind: input.kind ?? 'fault',
    contactDueAt: iso(input.contactDueAt),
    priority: input.priority,
    category: input.category ?? null,
    description: input.description ?? null,
    contactName: input.contact.name ?? null,
    contactPhone: input.contact.phone ?? null,
    address: input.contact.address ?? null,
    triage: json(input.triage),
    warranty: json(input.warranty),
    visitStart: iso(input.visitWindow?.start),
    visitEnd: iso(input.visitWindow?.end),
    actor: JSON.stringify(options.actor),
    eventPayload: JSON.stringify({ priority: input.priority, category: input.category }),
  };
  if (product !== null) {
    values.p_category = product.category ?? null;
    values.p_modelNumber = product.modelNumber ?? null;
    values.p_purchaseDate = product.purchaseDate ?? null;
    values.p_purchasePeriod = json(product.purchasePeriod);
    values.p_productionDate = product.productionDate ?? null;
    values.p_productionPeriod = json(product.productionPeriod);
    // An array as drizzle sends it (a PostgreSQL array literal, for both drivers).
    values.p_proofPhotoFileIds = productReports.proofPhotoFileIds.mapToDriverValue(
      product.proofPhotoFileIds ?? [],
    );
  }
  events.forEach((event, n) => {
    const names = eventNames(n);
    values[names.type] = event.type;
    values[names.payload] = JSON.stringify(event.payload);
  });
  jobs.forEach((job, n) => {
    const names = jobNames(n);
    values[names.kind] = job.kind;
    values[names.key] = job.key ?? null;
    values[names.dueAt] = iso(job.dueAt);
    values[names.payload] = JSON.stringify(job.payload);
    values[names.maxAttempts] = job.maxAttempts ?? null;
  });
  const [raw] = rowsOf<Record<string, unknown>>(await query(tx).execute(values));
  return raw ? { ticket: toTicket(toTicketRow(raw)), created: raw.seen !== true } : undefined;
}
