import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createInbox } from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import { createTestClock, DATABASE_URL, openTestPostgres, useTestDatabase } from '../support/db.ts';

describe.skipIf(!DATABASE_URL)('the inbox head read on PostgreSQL', () => {
  const database = useTestDatabase(() => openTestPostgres());
  const clock = createTestClock();

  it('is planned once (a generic plan on the pending updates’ index), not again on every turn', async () => {
    const { db } = database().handle;
    const inbox = createInbox(db);
    await inbox.accept([{ updateId: 1, chatId: 42, payload: { update_id: 1 } }], clock.now());
    // One after another, so the pool hands the same connection back each time.
    for (let i = 0; i < 10; i++)
      expect((await inbox.headAndMore(42, clock.now())).update?.updateId).toBe(1);
    const [plans] = rowsOf<{ generic_plans: string; custom_plans: string }>(
      await db.execute(
        sql`select generic_plans, custom_plans from pg_prepared_statements where name = 'inbox_chat_head'`,
      ),
    );
    // PostgreSQL tries a statement's custom plans five times, then keeps the generic one when it
    // costs no more: a state bound as a parameter could not use the partial index, so every
    // execution was planned afresh (0 generic plans).
    expect(Number(plans?.generic_plans)).toBeGreaterThan(0);
    expect(Number(plans?.custom_plans)).toBeLessThanOrEqual(5);
  });
});
