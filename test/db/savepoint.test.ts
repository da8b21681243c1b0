import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Database, rolledBackAlone } from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import { describeOnDatabases } from '../support/db.ts';

let nextKey = 0;
const key = () => `savepoint-test:${process.pid}:${++nextKey}`;
const put = (db: Database, k: string) =>
  db.execute(
    sql`insert into sessions (key, value, version, expires_at) values (${k}, '{}'::jsonb, 1, now() + interval '1 hour')`,
  );
const present = async (db: Database, keys: string[]) =>
  rowsOf<{ key: string }>(
    await db.execute(sql`select key from sessions where key in ${keys} order by key`),
  ).map((row) => row.key);

describeOnDatabases('work rolled back alone', (database) => {
  it("in a transaction: a failure rolls back only the work's writes; work that returned keeps them, inner failures included", async () => {
    const { db } = database().handle;
    const [before, failed, kept, innerFailed, after] = [key(), key(), key(), key(), key()];
    await db.transaction(async (tx) => {
      await put(tx, before);
      await expect(
        rolledBackAlone(tx, async (sp) => {
          await put(sp, failed);
          throw new Error('the filing failed');
        }),
      ).rejects.toThrow('the filing failed');
      await rolledBackAlone(tx, async (sp) => {
        await put(sp, kept);
        // A failure nested in it is rolled back alone too, and the outer work goes on.
        await expect(
          rolledBackAlone(sp, async (inner) => {
            await put(inner, innerFailed);
            // A statement that fails leaves the savepoint to roll back (the transaction usable).
            await inner.execute(sql`select 1 / 0`);
          }),
        ).rejects.toThrow();
      });
      await put(tx, after);
    });
    expect(await present(db, [before, failed, kept, innerFailed, after])).toEqual(
      [before, kept, after].sort(),
    );
  });

  it("in a transaction: the transaction's rollback takes the work's writes with it", async () => {
    const { db } = database().handle;
    const k = key();
    await expect(
      db.transaction(async (tx) => {
        await rolledBackAlone(tx, (sp) => put(sp, k));
        throw new Error('the turn failed');
      }),
    ).rejects.toThrow('the turn failed');
    expect(await present(db, [k])).toEqual([]);
  });

  it('outside a transaction: a transaction of its own', async () => {
    const { db } = database().handle;
    const [failed, kept] = [key(), key()];
    await expect(
      rolledBackAlone(db, async (tx) => {
        await put(tx, failed);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    await rolledBackAlone(db, (tx) => put(tx, kept));
    expect(await present(db, [failed, kept])).toEqual([kept]);
  });
});
