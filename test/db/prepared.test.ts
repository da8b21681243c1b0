import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { loadVersioned, saveVersioned } from '../../db/index.ts';
import { preparedPerHandle } from '../../db/prepared.ts';
import { sessions } from '../../db/schema/index.ts';
import { createTestClock, describeOnDatabases } from '../support/db.ts';

class RolledBack extends Error {}

describeOnDatabases('a query built once and run on any handle', (database) => {
  const clock = createTestClock();
  const far = () => new Date(clock.now().getTime() + 86_400_000);
  const versionOf = preparedPerHandle((db) =>
    db
      .select({ version: sessions.version })
      .from(sessions)
      .where(eq(sessions.key, sql.placeholder('key')))
      .prepare('test_version_of'),
  );

  it('runs inside the transaction it is given: sees its writes, and its writes roll back with it', async () => {
    const db = database().handle.db;
    const key = `prepared:${randomUUID()}`;
    expect(await versionOf(db).execute({ key })).toEqual([]); // built on the pool first
    const seenInside: unknown[] = [];
    await expect(
      db.transaction(async (tx) => {
        await saveVersioned(tx, key, { step: 1 }, 0, far());
        seenInside.push(...(await versionOf(tx).execute({ key })));
        throw new RolledBack();
      }),
    ).rejects.toBeInstanceOf(RolledBack);
    expect(seenInside).toEqual([{ version: 1 }]);
    expect(await versionOf(db).execute({ key })).toEqual([]);
    expect(await loadVersioned(db, key, clock.now())).toEqual({ value: undefined, version: 0 });
  });

  it('runs on the pool when given the pool after being built inside a transaction', async () => {
    const db = database().handle.db;
    const key = `prepared:${randomUUID()}`;
    const fresh = preparedPerHandle((handle) =>
      handle
        .select({ version: sessions.version })
        .from(sessions)
        .where(eq(sessions.key, sql.placeholder('key')))
        .prepare('test_fresh_version_of'),
    );
    await db.transaction(async (tx) => {
      await saveVersioned(tx, key, { step: 1 }, 0, far());
      expect(await fresh(tx).execute({ key })).toEqual([{ version: 1 }]);
    });
    await saveVersioned(db, key, { step: 2 }, 1, far());
    expect(await fresh(db).execute({ key })).toEqual([{ version: 2 }]);
    expect(await loadVersioned(db, key, clock.now())).toEqual({ value: { step: 2 }, version: 2 });
  });
});
