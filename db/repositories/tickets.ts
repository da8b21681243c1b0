import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  type Actor,
  type CalendarDate,
  type CreateTicketOptions,
  decideTicketTransition,
  fail,
  isIntakePending,
  type NewTicket,
  OPEN_TICKET_STATES,
  ok,
  readLoanerOpening,
  type TicketEventType,
  type TicketQuery,
  type TicketRepo,
  type TicketState,
  type TicketTopic,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { cancelJobs, insertJobs } from '../jobs/queue.ts';
import { preparedPerHandle } from '../prepared.ts';
import { rolledBackAlone } from '../savepoint.ts';
import {
  productReports,
  ticketCounters,
  ticketEvents,
  tickets,
  ticketTopics,
} from '../schema/index.ts';
import { fileTicketRows } from './ticket-filing.ts';
import { toProductReport, toTicket, toTicketEvent } from './to-domain.ts';

/** Thrown inside the creation transaction to roll it back when a concurrent retry won the key. */
class DuplicateKey extends Error {}

/** The ticket's columns the intake fills in: the description, the contact, triage, warranty. */
const detailColumns = (input: NewTicket) => ({
  description: input.description,
  contactName: input.contact.name,
  contactPhone: input.contact.phone,
  address: input.contact.address,
  triage: input.triage,
  warranty: input.warranty,
});

/** The product as reported, filed for a ticket; its id, or `null` when none was reported. */
async function insertProduct(
  tx: Database,
  product: NewTicket['product'],
  customerId: string,
  at: Date,
): Promise<string | null> {
  if (!product) return null;
  const [row] = await tx
    .insert(productReports)
    .values({ ...product, customerId, createdAt: at })
    .returning({ id: productReports.id });
  return row?.id ?? null;
}

/** A ticket by its idempotency key (read before every filing), built once. */
const ticketByKey = preparedPerHandle((db) =>
  db
    .select()
    .from(tickets)
    .where(eq(tickets.idempotencyKey, sql.placeholder('key')))
    .prepare('ticket_by_key'),
);

/** One event appended to a ticket's log, built once. */
const eventInsert = preparedPerHandle((db) =>
  db
    .insert(ticketEvents)
    .values({
      ticketId: sql.placeholder('ticketId'),
      at: sql.placeholder('at'),
      actor: sql.placeholder('actor'),
      type: sql.placeholder('type'),
      payload: sql.placeholder('payload'),
    })
    .returning()
    .prepare('ticket_event_insert'),
);

/** Whether a ticket's intake is pending (filed at a hazard report, not yet confirmed). */
async function intakePending(tx: Database, id: string): Promise<boolean> {
  const marks = await tx
    .select({ type: ticketEvents.type })
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, id),
        inArray(ticketEvents.type, ['intake_pending', 'intake_completed']),
      ),
    )
    .orderBy(asc(ticketEvents.id));
  return isIntakePending(marks as { type: TicketEventType }[]);
}

/** Tickets, their event log and their staff topics. */
export function createTicketRepo(db: Database): TicketRepo {
  const byKey = async (key: string) => {
    const [row] = await ticketByKey(db).execute({ key });
    return row && toTicket(row);
  };
  const byId = async (id: string) => {
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    return row && toTicket(row);
  };

  return withStorageErrors('tickets', {
    async create(input: NewTicket, options: CreateTicketOptions) {
      try {
        // A savepoint when `db` is a transaction: a key taken meanwhile rolls back the product
        // report and the day's number the filing's one statement wrote. A key seen before writes
        // nothing and returns that ticket.
        return await rolledBackAlone(db, async (tx) => {
          const filed = await fileTicketRows(tx, input, options);
          if (!filed) throw new DuplicateKey();
          return filed;
        });
      } catch (error) {
        if (!(error instanceof DuplicateKey)) throw error;
        const winner = await byKey(options.idempotencyKey);
        if (!winner) throw new Error('ticket with a duplicate idempotency key vanished');
        return { ticket: winner, created: false };
      }
    },
    get: byId,
    async getByNumber(number: string) {
      const [row] = await db.select().from(tickets).where(eq(tickets.number, number));
      return row && toTicket(row);
    },
    async wasNumberIssued(day: CalendarDate, sequence: number) {
      const [row] = await db
        .select({ last: ticketCounters.lastSequence })
        .from(ticketCounters)
        .where(eq(ticketCounters.day, day));
      return row !== undefined && row.last >= sequence;
    },
    async listByCustomer(
      customerId: string,
      page: { states?: TicketState[]; limit?: number } = {},
    ) {
      const rows = await db
        .select()
        .from(tickets)
        .where(
          and(
            eq(tickets.customerId, customerId),
            page.states ? inArray(tickets.state, page.states) : undefined,
          ),
        )
        .orderBy(desc(tickets.createdAt), desc(tickets.number))
        .limit(page.limit ?? 20);
      return rows.map(toTicket);
    },
    async listByState(states: TicketState[], limit = 50) {
      const rows = await db
        .select()
        .from(tickets)
        .where(inArray(tickets.state, states))
        .orderBy(sql`${tickets.priority} = 'urgent' desc`, asc(tickets.createdAt))
        .limit(limit);
      return rows.map(toTicket);
    },
    async listOpenRepairs() {
      const latest = (type: 'reopened' | 'loaner_due') =>
        // Qualified by hand: in a one-table select drizzle names columns without their table.
        sql`(select max(e.at) from ticket_events e where e.ticket_id = tickets.id and e.type = ${type})`;
      const rows = await db
        .select({
          row: tickets,
          reopenedAt: latest('reopened').mapWith(tickets.createdAt),
          remindedAt: latest('loaner_due').mapWith(tickets.createdAt),
        })
        .from(tickets)
        .where(and(eq(tickets.kind, 'fault'), inArray(tickets.state, [...OPEN_TICKET_STATES])))
        .orderBy(asc(tickets.createdAt));
      return rows.map(({ row, reopenedAt, remindedAt }) => {
        const ticket = toTicket(row);
        // The latest of each event stands for the history the core reads the opening from.
        const latest = [
          ...(reopenedAt ? [{ type: 'reopened' as const, at: reopenedAt }] : []),
          ...(remindedAt ? [{ type: 'loaner_due' as const, at: remindedAt }] : []),
        ];
        return { ticket, opening: readLoanerOpening(ticket, latest) };
      });
    },
    async apply(id, command, at, options = {}) {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update');
        if (!row) return fail('TICKET.NOT_FOUND' as const);
        const decided = decideTicketTransition(toTicket(row), command, at);
        if (!decided.ok) return decided;
        const { next, event } = decided.value;
        const [updated] = await tx
          .update(tickets)
          .set({
            state: next.state,
            assigneeId: next.assigneeId,
            visitStart: next.visitWindow?.start ?? null,
            visitEnd: next.visitWindow?.end ?? null,
            resolution: next.resolution,
            closedAt: next.closedAt,
            updatedAt: at,
          })
          .where(eq(tickets.id, id))
          .returning();
        await tx.insert(ticketEvents).values({ ticketId: id, at, ...event });
        await cancelJobs(tx, options.cancelJobKeys ?? [], at);
        await insertJobs(tx, options.jobs ?? [], at);
        if (!updated) throw new Error('locked ticket row vanished');
        return ok(toTicket(updated));
      });
    },
    async appendEvent(ticketId, event) {
      const { at, actor, type, payload } = event;
      const [row] = await eventInsert(db).execute({ ticketId, at, actor, type, payload });
      if (!row) throw new Error('event insert returned no row');
      return toTicketEvent(row);
    },
    async history(ticketId: string) {
      const rows = await db
        .select()
        .from(ticketEvents)
        .where(eq(ticketEvents.ticketId, ticketId))
        .orderBy(asc(ticketEvents.id));
      return rows.map(toTicketEvent);
    },
    async getProduct(id: string) {
      const [row] = await db.select().from(productReports).where(eq(productReports.id, id));
      return row && toProductReport(row);
    },
    async linkTopic(topic: Omit<TicketTopic, 'cardMessageId'>) {
      const [row] = await db.insert(ticketTopics).values(topic).onConflictDoNothing().returning();
      if (row) return ok(row);
      const [existing] = await db
        .select()
        .from(ticketTopics)
        .where(eq(ticketTopics.ticketId, topic.ticketId));
      const same =
        existing?.chatId === topic.chatId && existing.topicId === topic.topicId && existing;
      return same ? ok(same) : fail('TOPIC.ALREADY_LINKED' as const);
    },
    async relinkTopic(ticketId: string, fromTopicId: number, toTopicId: number) {
      const [row] = await db
        .update(ticketTopics)
        .set({ topicId: toTopicId, cardMessageId: null })
        .where(and(eq(ticketTopics.ticketId, ticketId), eq(ticketTopics.topicId, fromTopicId)))
        .returning();
      if (row) return ok(row);
      const [current] = await db
        .select()
        .from(ticketTopics)
        .where(eq(ticketTopics.ticketId, ticketId));
      return current
        ? fail('TOPIC.MOVED' as const, String(current.topicId))
        : fail('TOPIC.NOT_LINKED' as const);
    },
    async setTopicCard(ticketId: string, messageId: number) {
      await db
        .update(ticketTopics)
        .set({ cardMessageId: messageId })
        .where(eq(ticketTopics.ticketId, ticketId));
    },
    async topicOf(ticketId: string) {
      const [row] = await db.select().from(ticketTopics).where(eq(ticketTopics.ticketId, ticketId));
      return row;
    },
    async findByTopic(chatId: number, topicId: number) {
      const [row] = await db
        .select({ ticket: tickets })
        .from(ticketTopics)
        .innerJoin(tickets, eq(tickets.id, ticketTopics.ticketId))
        .where(and(eq(ticketTopics.chatId, chatId), eq(ticketTopics.topicId, topicId)));
      return row && toTicket(row.ticket);
    },
    async addPendingContact(idempotencyKey, contact, at, actor, options = {}) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(tickets)
          .where(eq(tickets.idempotencyKey, idempotencyKey))
          .for('update');
        if (!row || !(await intakePending(tx, row.id))) return undefined;
        const [updated] = await tx
          .update(tickets)
          .set({
            ...(contact.name ? { contactName: contact.name } : {}),
            ...(contact.phone ? { contactPhone: contact.phone } : {}),
            ...(contact.address ? { address: contact.address } : {}),
            updatedAt: at,
          })
          .where(eq(tickets.id, row.id))
          .returning();
        if (!updated) throw new Error('locked ticket row vanished');
        await tx
          .insert(ticketEvents)
          .values({ ticketId: row.id, at, actor, type: 'contact_added', payload: {} });
        const jobs = (options.jobs ?? []).map((job) => ({
          ...job,
          payload: { ...job.payload, ticketId: row.id, ticketNumber: updated.number },
        }));
        await insertJobs(tx, jobs, at);
        return toTicket(updated);
      });
    },
    async completeIntake(id, input, at, actor, options = {}) {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update');
        if (!row || !(await intakePending(tx, id))) return undefined;
        const productId =
          (await insertProduct(tx, input.product, row.customerId, at)) ?? row.productId;
        // A visit staff booked meanwhile stands; otherwise the customer's preferred window.
        const booked = row.state === 'scheduled';
        const [updated] = await tx
          .update(tickets)
          .set({
            productId,
            // A question raised with /human mid-intake becomes the repair its intake asked for.
            kind: 'fault',
            category: input.category ?? row.category,
            ...detailColumns(input),
            ...(booked
              ? {}
              : {
                  visitStart: input.visitWindow?.start ?? null,
                  visitEnd: input.visitWindow?.end ?? null,
                }),
            updatedAt: at,
          })
          .where(eq(tickets.id, id))
          .returning();
        if (!updated) throw new Error('locked ticket row vanished');
        await tx.insert(ticketEvents).values({
          ticketId: id,
          at,
          actor,
          type: 'intake_completed',
          payload: { category: updated.category },
        });
        const jobs = (options.jobs ?? []).map((job) => ({
          ...job,
          payload: { ...job.payload, ticketId: id, ticketNumber: updated.number },
        }));
        await insertJobs(tx, jobs, at);
        return toTicket(updated);
      });
    },
    async setContactDue(id: string, dueAt: Date) {
      await db
        .update(tickets)
        .set({ contactDueAt: dueAt })
        .where(and(eq(tickets.id, id), isNull(tickets.contactDueAt)));
      return byId(id);
    },
    async markContacted(id: string, at: Date, actor: Actor, options = {}) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(tickets)
          .set({ contactedAt: at, updatedAt: at })
          .where(and(eq(tickets.id, id), isNull(tickets.contactedAt)))
          .returning({ dueAt: tickets.contactDueAt });
        if (!row) return false;
        const onTime = row.dueAt === null || at.getTime() <= row.dueAt.getTime();
        await tx
          .insert(ticketEvents)
          .values({ ticketId: id, at, actor, type: 'contacted', payload: { onTime } });
        await cancelJobs(tx, options.cancelJobKeys ?? [], at);
        return true;
      });
    },
    async search(query: TicketQuery, limit = 10) {
      const where =
        'number' in query
          ? eq(tickets.number, query.number)
          : 'phone' in query
            ? eq(tickets.contactPhone, query.phone)
            : sql`${tickets.productId} in (select ${productReports.id} from ${productReports} where upper(${productReports.modelNumber}) = ${query.model.toUpperCase()})`;
      const rows = await db
        .select()
        .from(tickets)
        .where(where)
        .orderBy(desc(tickets.createdAt))
        .limit(limit);
      return rows.map(toTicket);
    },
  });
}
