import { expect, it } from 'vitest';
import { createMemoryStore, withDatabaseSessions } from '../../db/index.ts';
import { describeOnDatabases } from '../support/db.ts';

describeOnDatabases('sessions kept in the database (no Redis)', (database) => {
  let now = Date.parse('2026-03-10T02:00:00Z');
  const store = () =>
    withDatabaseSessions(createMemoryStore({ now: () => now }), database().handle.db, {
      now: () => now,
    });

  it('stores, replaces, reads and deletes a session', async () => {
    const sessions = store();
    await sessions.setSession('conv:1', { flow: { kind: 'intake', field: 'phone' } }, 60_000);
    await sessions.setSession('conv:1', { flow: { kind: 'intake', field: 'model' } }, 60_000);
    expect(await sessions.getSession('conv:1')).toEqual({
      flow: { kind: 'intake', field: 'model' },
    });
    await sessions.deleteSession('conv:1');
    expect(await sessions.getSession('conv:1')).toBeUndefined();
  });

  it('survives a new store over the same database (a restart) and expires with its TTL', async () => {
    await store().setSession('conv:2', { locale: 'zh-Hant' }, 60_000);
    expect(await store().getSession('conv:2')).toEqual({ locale: 'zh-Hant' });
    now += 60_001;
    expect(await store().getSession('conv:2')).toBeUndefined();
  });

  it('keeps de-duplication, rate limits and locks in the process store', async () => {
    const sessions = store();
    expect(sessions.kind).toBe('memory');
    expect(await sessions.seenUpdate(42)).toBe(true);
    expect(await sessions.seenUpdate(42)).toBe(false);
    expect(await sessions.withLock('chat:1', 1_000, async () => 'ran')).toBe('ran');
  });
});
