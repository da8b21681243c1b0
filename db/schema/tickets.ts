import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Actor, JsonObject, TicketTriage, WarrantyDecision } from '../../core/index.ts';
import { instant } from './columns.ts';
import { customers } from './customers.ts';
import { productReports } from './products.ts';

/** Last sequence number handed out per filing day (service time zone): `FL-YYMMDD-NNNN`. */
export const ticketCounters = pgTable('ticket_counters', {
  day: date('day', { mode: 'string' }).primaryKey(),
  lastSequence: integer('last_sequence').notNull(),
});

/**
 * Tickets. Contact details and the description are personal data (erased on request); category,
 * state, priority, triage, warranty answer and timestamps stay for the figures.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    productId: uuid('product_id').references(() => productReports.id),
    kind: text('kind').notNull().default('fault'),
    state: text('state').notNull(),
    priority: text('priority').notNull(),
    category: text('category'),
    description: text('description'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    triage: jsonb('triage').$type<TicketTriage>(),
    warranty: jsonb('warranty').$type<WarrantyDecision>(),
    visitStart: instant('visit_start'),
    visitEnd: instant('visit_end'),
    /** Telegram user id of the staff member; staff-chat members need no staff_members row. */
    assigneeId: bigint('assignee_id', { mode: 'number' }),
    resolution: text('resolution'),
    /** The contact promise's deadline; set when the staff side posts the ticket. */
    contactDueAt: instant('contact_due_at'),
    /** When a staff member's first message reached the customer. */
    contactedAt: instant('contacted_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    closedAt: instant('closed_at'),
  },
  (t) => [
    check(
      'tickets_state_check',
      sql`${t.state} in ('open', 'taken', 'scheduled', 'resolved', 'cancelled')`,
    ),
    check('tickets_priority_check', sql`${t.priority} in ('normal', 'urgent')`),
    check('tickets_kind_check', sql`${t.kind} in ('fault', 'question')`),
    index('tickets_customer_idx').on(t.customerId, t.createdAt),
    index('tickets_state_idx').on(t.state, t.priority, t.createdAt),
    index('tickets_assignee_idx').on(t.assigneeId),
  ],
);

/** Append-only history of each ticket: who, when, what. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    at: instant('at').notNull(),
    actor: jsonb('actor').$type<Actor>().notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<JsonObject>().notNull(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id)],
);

/**
 * Each ticket's staff-group forum topic: one topic per ticket, one ticket per topic. The Bot API
 * cannot list topics, so this is the only record of them.
 */
export const ticketTopics = pgTable(
  'ticket_topics',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    topicId: integer('topic_id').notNull(),
    /** The pinned card, once posted. */
    cardMessageId: integer('card_message_id'),
  },
  (t) => [unique('ticket_topics_topic_unique').on(t.chatId, t.topicId)],
);
