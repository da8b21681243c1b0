import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPostgresDatabase, DATABASE_URL, REDIS_URL } from '../support/db.ts';

/** Where the benchmark's bot keeps its data: real servers when named, embedded defaults otherwise. */
export type BenchStorage = {
  env: Record<string, string>;
  database: 'postgres' | 'pglite';
  store: 'redis' | 'memory';
  dispose(): Promise<void>;
};

/**
 * A fresh PostgreSQL database on the server at DATABASE_URL (dropped afterwards) or a PGlite
 * folder, and Redis at REDIS_URL or the in-process store.
 */
export async function openBenchStorage(): Promise<BenchStorage> {
  const dataDir = await mkdtemp(join(tmpdir(), 'frontline-bench-'));
  const server = DATABASE_URL ? await createTestPostgresDatabase() : undefined;
  return {
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ...(server ? { DATABASE_URL: server.url } : {}),
      ...(REDIS_URL ? { REDIS_URL } : {}),
    },
    database: server ? 'postgres' : 'pglite',
    store: REDIS_URL ? 'redis' : 'memory',
    async dispose() {
      await server?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
