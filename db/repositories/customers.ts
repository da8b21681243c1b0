import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type CustomerRepo, ERASED_TEXT, type ErasureSummary } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import {
  customers,
  guidanceCases,
  productReports,
  ticketEvents,
  ticketRatings,
  tickets,
  transcriptEntries,
} from '../schema/index.ts';
import { toCustomer } from './to-domain.ts';

/** Customers: one per Telegram user, with the contact details to offer again, and erasure. */
export function createCustomerRepo(db: Database): CustomerRepo {
  const byId = async (id: string) => {
    const [row] = await db.select().from(customers).where(eq(customers.id, id));
    return row && toCustomer(row);
  };
  return withStorageErrors('customers', {
    async ensure(telegramUserId: number, language: string, at: Date) {
      await db
        .insert(customers)
        .values({ telegramUserId, language, createdAt: at })
        .onConflictDoNothing({ target: customers.telegramUserId });
      const [row] = await db
        .select()
        .from(customers)
        .where(eq(customers.telegramUserId, telegramUserId));
      if (!row) throw new Error('customer row missing after insert');
      return toCustomer(row);
    },
    findById: byId,
    async findByTelegramId(telegramUserId: number) {
      const [row] = await db
        .select()
        .from(customers)
        .where(eq(customers.telegramUserId, telegramUserId));
      return row && toCustomer(row);
    },
    async updateContact(id, contact) {
      const set = Object.fromEntries(
        Object.entries(contact).filter(([, value]) => value !== undefined),
      );
      if (Object.keys(set).length === 0) return byId(id);
      const [row] = await db.update(customers).set(set).where(eq(customers.id, id)).returning();
      return row && toCustomer(row);
    },
    async setLanguage(id, language) {
      const [row] = await db
        .update(customers)
        .set({ language })
        .where(eq(customers.id, id))
        .returning();
      return row && toCustomer(row);
    },
    async setBlocked(telegramUserId: number, blocked: boolean, at: Date) {
      await db
        .update(customers)
        .set({
          blockedAt: blocked
            ? sql`coalesce(${customers.blockedAt}, ${at.toISOString()}::timestamptz)`
            : null,
        })
        .where(eq(customers.telegramUserId, telegramUserId));
    },
    erase: (id, at) => eraseCustomer(db, id, at),
  });
}

/**
 * Erases one customer's personal data in one transaction: name, phone and address; each ticket's
 * contact details and description; note texts in ticket events; rating comments; transcript text;
 * proof photos; guided-case descriptions. Kept: ids, category, state, priority, triage, warranty
 * answer, resolution (a code), rating scores, guidance outcomes, timestamps.
 */
async function eraseCustomer(
  db: Database,
  id: string,
  at: Date,
): Promise<ErasureSummary | undefined> {
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .update(customers)
      .set({ name: null, phone: null, address: null, erasedAt: at })
      .where(eq(customers.id, id))
      .returning({ id: customers.id });
    if (!customer) return undefined;
    const erasedTickets = await tx
      .update(tickets)
      .set({
        contactName: null,
        contactPhone: null,
        address: null,
        description: null,
        updatedAt: at,
      })
      .where(eq(tickets.customerId, id))
      .returning({ id: tickets.id });
    const ticketIds = erasedTickets.map((t) => t.id);
    if (ticketIds.length > 0) {
      await tx
        .update(ticketEvents)
        .set({ payload: sql`${ticketEvents.payload} - 'text'` })
        .where(
          and(inArray(ticketEvents.ticketId, ticketIds), sql`${ticketEvents.payload} ? 'text'`),
        );
      await tx
        .update(ticketRatings)
        .set({ comment: ERASED_TEXT })
        .where(and(inArray(ticketRatings.ticketId, ticketIds), isNotNull(ticketRatings.comment)));
    }
    const transcript = await tx
      .update(transcriptEntries)
      .set({ text: ERASED_TEXT })
      .where(eq(transcriptEntries.customerId, id))
      .returning({ id: transcriptEntries.id });
    const products = await tx
      .update(productReports)
      .set({ proofPhotoFileIds: [] })
      .where(eq(productReports.customerId, id))
      .returning({ id: productReports.id });
    const guided = await tx
      .update(guidanceCases)
      .set({ description: ERASED_TEXT })
      .where(eq(guidanceCases.customerId, id))
      .returning({ id: guidanceCases.id });
    return {
      customerId: id,
      tickets: ticketIds.length,
      transcriptEntries: transcript.length,
      products: products.length,
      guidanceCases: guided.length,
    };
  });
}
