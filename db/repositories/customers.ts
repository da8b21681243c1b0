import { eq, sql } from 'drizzle-orm';
import type { CustomerRepo } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { preparedPerHandle } from '../prepared.ts';
import { customers } from '../schema/index.ts';
import { eraseCustomer } from './erasure.ts';
import { toCustomer } from './to-domain.ts';

/** The customer a Telegram user is (read on every turn). */
const customerByTelegramId = preparedPerHandle((db) =>
  db
    .select()
    .from(customers)
    .where(eq(customers.telegramUserId, sql.placeholder('telegramUserId')))
    .prepare('customer_by_telegram_id'),
);

/** A new customer (on a new user's first message); none when a concurrent turn made it first. */
const insertCustomer = preparedPerHandle((db) =>
  db
    .insert(customers)
    .values({
      telegramUserId: sql.placeholder('telegramUserId'),
      language: sql.placeholder('language'),
      createdAt: sql.placeholder('at'),
    })
    .onConflictDoNothing({ target: customers.telegramUserId })
    .returning()
    .prepare('insert_customer'),
);

/** Customers: one per Telegram user, with the contact details to offer again, and erasure. */
export function createCustomerRepo(db: Database): CustomerRepo {
  const byId = async (id: string) => {
    const [row] = await db.select().from(customers).where(eq(customers.id, id));
    return row && toCustomer(row);
  };
  return withStorageErrors('customers', {
    async ensure(telegramUserId: number, language: string, at: Date) {
      // One statement for a customer seen before (every turn after the first), two for a new one.
      const byTelegramId = () => customerByTelegramId(db).execute({ telegramUserId });
      const [known] = await byTelegramId();
      if (known) return toCustomer(known);
      const [created] = await insertCustomer(db).execute({ telegramUserId, language, at });
      // Inserted by a concurrent turn in between: read it.
      const [row] = created ? [created] : await byTelegramId();
      if (!row) throw new Error('customer row missing after insert');
      return toCustomer(row);
    },
    findById: byId,
    async findByTelegramId(telegramUserId: number) {
      const [row] = await customerByTelegramId(db).execute({ telegramUserId });
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
