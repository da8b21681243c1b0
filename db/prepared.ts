import type { Database } from './database.ts';

/**
 * A query built once per database handle and then only run, with `sql.placeholder` values: drizzle
 * otherwise builds a query's SQL text on every call (most of a statement's cost in this process).
 * Trap: a prepared query runs on the handle it was built from, so each handle (a transaction is
 * one) gets its own; a query built on the pool never runs inside someone's transaction.
 */
export function preparedPerHandle<Query>(build: (db: Database) => Query): (db: Database) => Query {
  const built = new WeakMap<Database, Query>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
