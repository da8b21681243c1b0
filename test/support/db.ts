import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DatabaseHandle, type OpenDatabaseOptions, openDatabase } from '../../db/index.ts';

/** Real servers, when the environment names them (CI does); tests on them skip otherwise. */
export const DATABASE_URL = process.env.DATABASE_URL || undefined;
export const REDIS_URL = process.env.REDIS_URL || undefined;

/** An open, migrated database for one test file, and how to throw it away. */
export type TestDatabase = {
  handle: DatabaseHandle;
  /** PGlite data folder, or the PostgreSQL URL of this file's own database. */
  location: string;
  /** Opens another handle on the same database (another "process"). */
  reopen(options?: OpenDatabaseOptions): Promise<DatabaseHandle>;
  close(): Promise<void>;
};

/** PGlite in a fresh temporary folder, migrated. Cold start takes seconds: share one per file. */
export async function openTestPglite(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'frontline-pglite-'));
  const handle = await openDatabase({ dataDir });
  return {
    handle,
    location: dataDir,
    reopen: (options) => openDatabase({ dataDir, ...options }),
    async close() {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the PostgreSQL server at `DATABASE_URL` (its role needs CREATEDB), so
 * test files running in parallel never see each other's rows. Dropped on `close()`.
 */
export async function createTestPostgresDatabase(): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const name = `frontline_test_${process.pid}_${randomUUID().slice(0, 8)}`;
  await admin((client) => client.query(`create database "${name}"`));
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** A fresh PostgreSQL database, migrated. */
export async function openTestPostgres(options: OpenDatabaseOptions = {}): Promise<TestDatabase> {
  const { url, drop } = await createTestPostgresDatabase();
  const handle = await openDatabase({ ...options, databaseUrl: url });
  return {
    handle,
    location: url,
    reopen: (more) => openDatabase({ ...more, databaseUrl: url }),
    async close() {
      await handle.close();
      await drop();
    },
  };
}

/** Opens a database before the suite's tests and closes it after; the getter reads it in tests. */
export function useTestDatabase(open: () => Promise<TestDatabase>): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('test database is not open (beforeAll failed?)');
    return database;
  };
}

/**
 * Declares `suite` twice: on PGlite (always) and on real PostgreSQL — skipped, and titled so,
 * when `DATABASE_URL` is not set.
 */
export function describeOnDatabases(
  title: string,
  suite: (database: () => TestDatabase) => void,
): void {
  describe(`${title} [PGlite]`, () => suite(useTestDatabase(openTestPglite)));
  describe.skipIf(!DATABASE_URL)(
    `${title} [PostgreSQL${DATABASE_URL ? '' : ': skipped, DATABASE_URL is not set'}]`,
    () => suite(useTestDatabase(() => openTestPostgres())),
  );
}

let nextTelegramId = 1_000_000 + (process.pid % 1000) * 10_000;
/** A Telegram user id no other test in this file uses. */
export function uniqueTelegramId(): number {
  nextTelegramId += 1;
  return nextTelegramId;
}

/** A clock the test moves by hand. */
export function createTestClock(start = '2024-03-14T02:00:00Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set(at: Date | string) {
      now = new Date(at);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}
