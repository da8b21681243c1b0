import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { MigrationReport } from './migrate.ts';

/**
 * A drizzle database on either driver (PGlite or node-postgres). Repositories take this type, so
 * the same code runs on both; a transaction (`PgTransaction`) is one too.
 */
export type Database = PgDatabase<PgQueryResultHKT>;

/** An open database: the drizzle handle, which driver it is, and how to migrate and close it. */
export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where it is, without credentials: a data folder or `host:port/database`. */
  target: string;
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
};
