import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database } from './database.ts';

/** Savepoints named so far (their names need only differ within one transaction). */
let named = 0;

/**
 * Runs `work` so that what it wrote is rolled back alone when it throws: in a savepoint of `db`
 * when `db` is a transaction, else in a transaction of its own. A savepoint `work` returned from
 * is not released: the transaction's commit or rollback ends it as a release would have (its
 * writes and locks are the transaction's either way, and a later savepoint nests in it), which
 * saves the round trip drizzle's nested transaction spends on `release savepoint`.
 */
export async function rolledBackAlone<T>(
  db: Database,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  // A transaction is a `Database` too (see database.ts); `instanceof` narrows it past that.
  if (!((db as unknown) instanceof PgTransaction)) return db.transaction(work);
  named = (named + 1) % 1_000_000;
  const name = `frontline_sp${named}`;
  await db.execute(sql.raw(`savepoint ${name}`));
  try {
    return await work(db);
  } catch (error) {
    await db.execute(sql.raw(`rollback to savepoint ${name}`));
    throw error;
  }
}
