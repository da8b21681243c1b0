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

  it('remembers a seen update across a restart, for 24 hours', async () => {
    const id = 900_000 + (process.pid % 1000);
    expect(await store().seenUpdate(id)).toBe(true);
    expect(await store().seenUpdate(id)).toBe(false);
    expect(await store().seenUpdate(id + 1)).toBe(true);
    now += 86_400_000 - 1;
    expect(await store().seenUpdate(id)).toBe(false);
    now += 1;
    expect(await store().seenUpdate(id)).toBe(true);
    expect(await store().seenUpdate(id)).toBe(false);
  });

  it('says true to exactly one of several racing sightings of an update', async () => {
    const id = 910_000 + (process.pid % 1000);
    const answers = await Promise.all([1, 2, 3, 4].map(() => store().seenUpdate(id)));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('keeps rate limits and locks in the process store', async () => {
    const sessions = store();
    expect(sessions.kind).toBe('memory');
    expect(await sessions.rateLimit('chat:1', 1, 1_000)).toMatchObject({ allowed: true });
    expect(await sessions.withLock('chat:1', 1_000, async () => 'ran')).toBe('ran');
  });
});
