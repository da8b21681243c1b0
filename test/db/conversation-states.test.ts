import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { loadVersioned, StaleStateError, saveVersioned } from '../../db/index.ts';
import { createTestClock, describeOnDatabases } from '../support/db.ts';

describeOnDatabases('conversation state with a fencing version', (database) => {
  const clock = createTestClock();
  const far = () => new Date(clock.now().getTime() + 86_400_000);

  it('raises the version on each save and reads back the latest state', async () => {
    const db = database().handle.db;
    const key = `conv:${randomUUID()}`;
    expect(await loadVersioned(db, key, clock.now())).toEqual({ value: undefined, version: 0 });
    expect(await saveVersioned(db, key, { step: 1 }, 0, far())).toBe(1);
    expect(await saveVersioned(db, key, { step: 2 }, 1, far())).toBe(2);
    expect(await loadVersioned(db, key, clock.now())).toEqual({ value: { step: 2 }, version: 2 });
  });

  it('saves a state holding half an emoji or a NUL (text cut at a length limit), as U+FFFD', async () => {
    const db = database().handle.db;
    const key = `conv:${randomUUID()}`;
    const cut = '我叫明天0😀'.slice(0, 6);
    await saveVersioned(db, key, { description: cut, note: 'a\u0000b', whole: '😀' }, 0, far());
    expect((await loadVersioned(db, key, clock.now())).value).toEqual({
      description: '我叫明天0\uFFFD',
      note: 'a\uFFFDb',
      whole: '😀',
    });
  });

  it('keeps a text that only looks like those characters escaped (a backslash, then u0000 or ud800)', async () => {
    const db = database().handle.db;
    const key = `conv:${randomUUID()}`;
    const value = { path: 'C:\\u0000\\ud800', lone: '\uDC00', plain: 'E21 \\n' };
    await saveVersioned(db, key, value, 0, far());
    expect((await loadVersioned(db, key, clock.now())).value).toEqual({
      path: 'C:\\u0000\\ud800',
      lone: '\uFFFD',
      plain: 'E21 \\n',
    });
  });

  it('refuses a save based on a version another turn saved over (only the first commits)', async () => {
    const db = database().handle.db;
    const key = `conv:${randomUUID()}`;
    await saveVersioned(db, key, { by: 'first' }, 0, far());
    await expect(saveVersioned(db, key, { by: 'late' }, 0, far())).rejects.toBeInstanceOf(
      StaleStateError,
    );
    const results = await Promise.allSettled([
      saveVersioned(db, key, { by: 'a' }, 1, far()),
      saveVersioned(db, key, { by: 'b' }, 1, far()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await loadVersioned(db, key, clock.now())).version).toBe(2);
  });

  it('reads an expired state as absent but keeps fencing with its version', async () => {
    const db = database().handle.db;
    const key = `conv:${randomUUID()}`;
    await saveVersioned(db, key, { old: true }, 0, new Date(clock.now().getTime() + 1_000));
    const later = new Date(clock.now().getTime() + 2_000);
    expect(await loadVersioned(db, key, later)).toEqual({ value: undefined, version: 1 });
    await expect(saveVersioned(db, key, { fresh: true }, 0, far())).rejects.toBeInstanceOf(
      StaleStateError,
    );
    expect(await saveVersioned(db, key, { fresh: true }, 1, far())).toBe(2);
  });
});
