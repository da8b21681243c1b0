import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReadinessCheck } from '../../../bot/http/index.ts';
import {
  committedMigrations,
  createMemoryStore,
  createRedisStore,
  openDatabase,
} from '../../../db/index.ts';
import { REDIS_URL } from '../../support/db.ts';

describe('the readiness check', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('is not ready while migrations are missing, nor once the database is gone', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'frontline-ready-'));
    folders.push(dataDir);
    const handle = await openDatabase({ dataDir, migrate: false });
    const check = createReadinessCheck({ db: handle.db, store: createMemoryStore() });

    expect(await check()).toEqual({
      ready: false,
      checks: {
        database: 'ok',
        migrations: `0 of ${committedMigrations()} applied`,
        store: 'ok',
      },
    });
    await handle.migrate();
    expect((await check()).ready).toBe(true);

    await handle.close();
    const closed = await check();
    expect(closed.ready).toBe(false);
    expect(closed.checks.database).not.toBe('ok');
    expect(closed.checks.store).toBe('ok');
  });

  it.skipIf(!REDIS_URL)(
    `is not ready once the Redis store is unreachable${REDIS_URL ? '' : ' (skipped: REDIS_URL is not set)'}`,
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'frontline-ready-'));
      folders.push(dataDir);
      const handle = await openDatabase({ dataDir });
      const store = await createRedisStore({ url: REDIS_URL, prefix: `ready-${process.pid}:` });
      const check = createReadinessCheck({ db: handle.db, store, timeoutMs: 1_000 });
      expect((await check()).ready).toBe(true);
      await store.close();
      const report = await check();
      expect(report.ready).toBe(false);
      expect(report.checks.store).not.toBe('ok');
      await handle.close();
    },
  );
});
