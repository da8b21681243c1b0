import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import {
  ERASE_STAFF_MESSAGES_JOB,
  ERASED_TEXT,
  type EraseStaffMessagesPayload,
  type ErasureSummary,
  isTicketClosed,
  type JsonObject,
  type NewJob,
  TICKET_RESOLUTIONS,
  type TicketState,
  toErasedEventPayload,
  toErasedReference,
  toErasedWarranty,
} from '../../core/index.ts';
import type { Database } from '../database.ts';
import { eraseChatUpdates } from '../inbox/inbox.ts';
import { insertJobs } from '../jobs/queue.ts';
import { eraseChatMessages, staffTopicKeyPrefix } from '../outbox/outbox.ts';
import {
  customers,
  guidanceCases,
  jobs,
  outboxMessages,
  productReports,
  relayedMessages,
  ticketEvents,
  ticketRatings,
  tickets,
  ticketTopics,
  transcriptEntries,
} from '../schema/index.ts';

/** No Telegram user or chat has a negative user id: a random one stands for "nobody". */
const anonymousUserId = () => -randomInt(1, 2 ** 47);
const randomReference = () => toErasedReference(randomBytes(6).toString('hex').toUpperCase());

/**
 * Erases one customer in one transaction, as core/tickets/erasure.ts says: the Telegram user id
 * (on the customer and their guided cases) becomes a random negative number; name, phone and
 * address go; each ticket gets a random reference for its number and idempotency key, loses its
 * contact details, description, visit window, the warranty verdict's start date and a free-text
 * resolution, and is cancelled if still open (with a `cancelled` event, reason `erased`); event
 * payloads keep their codes only; rating comments, model numbers, purchase and production dates
 * and proof photos go; the transcript is deleted; pending jobs about these tickets and cases are
 * cancelled and every such job keeps only the id it is about. Each staff-forum topic's ids leave
 * the tables for a job that deletes the topic and tells the staff chat. The chat's handled updates
 * and delivered messages keep the same stand-in for the chat id; messages still queued get one
 * once delivered.
 */
export async function eraseCustomer(
  db: Database,
  id: string,
  at: Date,
): Promise<ErasureSummary | undefined> {
  return db.transaction(async (tx) => {
    // Tickets before their customer, in one order: every staff step locks its ticket first and
    // then (a transcript line, a message map row) refers to the customer; the other order here
    // deadlocked with a staff step on one of the customer's tickets.
    const owned = await tx
      .select()
      .from(tickets)
      .where(eq(tickets.customerId, id))
      .orderBy(asc(tickets.id))
      .for('update');
    const [customer] = await tx
      .select({ id: customers.id, telegramUserId: customers.telegramUserId })
      .from(customers)
      .where(eq(customers.id, id))
      .for('update');
    if (!customer) return undefined;
    const anonymous = anonymousUserId();
    await tx
      .update(customers)
      .set({
        telegramUserId: anonymous,
        name: null,
        phone: null,
        address: null,
        erasedAt: at,
        blockedAt: null,
      })
      .where(eq(customers.id, id));
    // A private chat's id is the customer's user id: the inbox and outbox rows keep a stand-in.
    if (customer.telegramUserId > 0) {
      await eraseChatUpdates(tx, customer.telegramUserId, anonymous);
      await eraseChatMessages(tx, customer.telegramUserId, anonymous);
    }

    const ticketIds = owned.map((ticket) => ticket.id);
    const cancelled = new Set<string>();
    for (const ticket of owned) {
      const open = !isTicketClosed(ticket.state as TicketState);
      if (open) cancelled.add(ticket.id);
      await tx
        .update(tickets)
        .set({
          number: randomReference(),
          idempotencyKey: `erased:${randomUUID()}`,
          state: open ? 'cancelled' : ticket.state,
          closedAt: open ? at : ticket.closedAt,
          description: null,
          contactName: null,
          contactPhone: null,
          address: null,
          visitStart: null,
          visitEnd: null,
          warranty: ticket.warranty && toErasedWarranty(ticket.warranty),
          resolution: (TICKET_RESOLUTIONS as readonly (string | null)[]).includes(ticket.resolution)
            ? ticket.resolution
            : null,
          updatedAt: at,
        })
        .where(eq(tickets.id, ticket.id));
      if (open)
        await tx.insert(ticketEvents).values({
          ticketId: ticket.id,
          at,
          actor: { kind: 'system' },
          type: 'cancelled',
          payload: { from: ticket.state, reason: 'erased' },
        });
    }

    let staffTopics = 0;
    if (ticketIds.length > 0) {
      const events = await tx
        .select({ id: ticketEvents.id, payload: ticketEvents.payload })
        .from(ticketEvents)
        .where(inArray(ticketEvents.ticketId, ticketIds));
      for (const event of events) {
        const payload = toErasedEventPayload(event.payload);
        if (JSON.stringify(payload) !== JSON.stringify(event.payload))
          await tx.update(ticketEvents).set({ payload }).where(eq(ticketEvents.id, event.id));
      }
      await tx
        .update(ticketRatings)
        .set({ comment: null })
        .where(inArray(ticketRatings.ticketId, ticketIds));
      staffTopics = await moveStaffMessagesToJobs(tx, owned, cancelled, at);
    }

    const products = await tx
      .update(productReports)
      .set({
        modelNumber: null,
        purchaseDate: null,
        purchasePeriod: null,
        productionDate: null,
        productionPeriod: null,
        proofPhotoFileIds: [],
      })
      .where(eq(productReports.customerId, id))
      .returning({ id: productReports.id });
    const guided = await tx
      .update(guidanceCases)
      .set({ chatId: anonymous, description: ERASED_TEXT })
      .where(eq(guidanceCases.customerId, id))
      .returning({ id: guidanceCases.id });
    const transcript = await tx
      .delete(transcriptEntries)
      .where(eq(transcriptEntries.customerId, id))
      .returning({ id: transcriptEntries.id });
    await scrubJobs(
      tx,
      ticketIds,
      guided.map((g) => g.id),
      at,
    );
    return {
      customerId: id,
      tickets: ticketIds.length,
      cancelledTickets: cancelled.size,
      transcriptEntries: transcript.length,
      products: products.length,
      guidanceCases: guided.length,
      staffTopics,
    };
  });
}

/**
 * Replaces each ticket's topic and message-map rows by one job carrying their ids (and the old
 * number, for the staff notice); returns how many topics there were.
 */
async function moveStaffMessagesToJobs(
  tx: Database,
  owned: {
    id: string;
    number: string;
    state: string;
    visitStart: Date | null;
    visitEnd: Date | null;
    assigneeId: number | null;
  }[],
  cancelled: Set<string>,
  at: Date,
): Promise<number> {
  const ticketIds = owned.map((ticket) => ticket.id);
  const topics = await tx
    .select()
    .from(ticketTopics)
    .where(inArray(ticketTopics.ticketId, ticketIds));
  const relayed = await tx
    .select()
    .from(relayedMessages)
    .where(inArray(relayedMessages.ticketId, ticketIds));
  const work: NewJob[] = topics.map((topic) => {
    // The bot's copies of the customer's messages in the staff chat: what it may delete without
    // the right to delete messages (which deleting the topic needs). The staff's own messages are
    // not among them: without that right they cannot be deleted, and with it the topic goes whole.
    const inStaffChat = relayed
      .filter((row) => row.ticketId === topic.ticketId)
      .flatMap((row) =>
        // A copy still queued has id 0: it is cancelled below, never sent.
        row.targetChatId === topic.chatId && row.targetMessageId > 0 ? [row.targetMessageId] : [],
      );
    const ticket = owned.find((row) => row.id === topic.ticketId);
    const payload: EraseStaffMessagesPayload = {
      chatId: topic.chatId,
      topicId: topic.topicId,
      cardMessageId: topic.cardMessageId,
      messageIds: [...new Set(inStaffChat)],
      number: ticket?.number ?? '',
      cancelled: cancelled.has(topic.ticketId),
    };
    // A booked visit the cancellation calls off: staff tell the engineer. Only a scheduled
    // ticket's window is booked; an open one carries the customer's preferred window (review11 F1).
    if (
      ticket?.state === 'scheduled' &&
      ticket.visitStart &&
      ticket.visitEnd &&
      cancelled.has(topic.ticketId)
    )
      payload.visit = {
        start: ticket.visitStart.toISOString(),
        end: ticket.visitEnd.toISOString(),
        holderId: ticket.assigneeId,
      };
    return {
      kind: ERASE_STAFF_MESSAGES_JOB,
      key: `erase-staff:${randomUUID()}`,
      dueAt: at,
      payload: payload as unknown as JsonObject,
    };
  });
  // What is still queued for the tickets' topics (copies of the customer's messages, alerts) is
  // not sent: their topics are going; a dead-lettered one keeps no payload (a copy names the chat).
  if (ticketIds.length > 0) {
    const forTickets = or(
      ...ticketIds.map((id) => like(outboxMessages.key, `${staffTopicKeyPrefix(id)}%`)),
    );
    await tx
      .update(outboxMessages)
      .set({ state: 'cancelled', sentAt: at, lockedUntil: null })
      .where(and(eq(outboxMessages.state, 'pending'), forTickets));
    await tx.update(outboxMessages).set({ payload: null }).where(forTickets);
  }
  await tx.delete(relayedMessages).where(inArray(relayedMessages.ticketId, ticketIds));
  await tx.delete(ticketTopics).where(inArray(ticketTopics.ticketId, ticketIds));
  await insertJobs(tx, work, at, { onTakenKey: 'fail' });
  return topics.length;
}

/**
 * Jobs about the erased tickets and guided cases: pending ones are cancelled (no contact alert,
 * reminder or check-back for someone who left), and every one keeps only the id it is about — no
 * number, visit start or key built from them.
 */
async function scrubJobs(tx: Database, ticketIds: string[], guidanceIds: string[], at: Date) {
  const about = [
    ...(ticketIds.length > 0 ? [inArray(sql`${jobs.payload}->>'ticketId'`, ticketIds)] : []),
    ...(guidanceIds.length > 0 ? [inArray(sql`${jobs.payload}->>'guidanceId'`, guidanceIds)] : []),
  ];
  if (about.length === 0) return;
  const rows = await tx
    .select({ id: jobs.id, state: jobs.state, payload: jobs.payload })
    .from(jobs)
    .where(or(...about));
  for (const row of rows) {
    const payload: JsonObject = {};
    for (const key of ['ticketId', 'guidanceId'] as const)
      if (typeof row.payload[key] === 'string') payload[key] = row.payload[key];
    await tx
      .update(jobs)
      .set({
        payload,
        key: null,
        lastError: null,
        state: row.state === 'pending' ? 'cancelled' : row.state,
        updatedAt: at,
      })
      .where(eq(jobs.id, row.id));
  }
}
