import type { SQL } from 'drizzle-orm';
import type { Database } from './database.ts';

/** What a drizzle handle and a prepared query hold (drizzle internals, see the trap below). */
type HandleInternals = { _: { session: { client: unknown; constructor: unknown } } };

/**
 * A query built once and then only run, with `sql.placeholder` values: drizzle otherwise builds a
 * statement's SQL text on every call (0.1–0.3 ms each, most of a statement's cost in this process).
 *
 * Trap: drizzle binds a prepared query to the connection of the handle it was built on, and each
 * transaction is a new handle. So the query is built once per driver, and on any other handle of
 * that driver runs as a copy whose `client` is that handle's connection (drizzle's
 * `session.client`, the field its own prepared queries read): inside a transaction it runs in that
 * transaction, on the pool on the pool. test/db/prepared.test.ts checks this on both drivers.
 */
export function preparedPerHandle<Query extends object>(
  build: (db: Database) => Query,
): (db: Database) => Query {
  /** Built once per driver (a process uses one; the tests use both). */
  const built = new Map<unknown, Query>();
  const onHandle = new WeakMap<Database, Query>();
  return (db) => {
    let query = onHandle.get(db);
    if (query === undefined) {
      const { session } = (db as unknown as HandleInternals)._;
      const driver = session.constructor;
      const first = built.get(driver);
      if (first === undefined) {
        query = build(db);
        built.set(driver, query);
      } else {
        query = Object.create(first, { client: { value: session.client } }) as Query;
      }
      onHandle.set(db, query);
    }
    return query;
  };
}

/** What drizzle's handles hold to prepare a statement (drizzle internals). */
type Preparing = {
  dialect: { sqlToQuery(query: SQL): unknown };
  _: {
    session: {
      prepareQuery(
        query: unknown,
        fields: undefined,
        name: undefined,
        arrayMode: false,
      ): { execute(values: Record<string, unknown>): Promise<unknown> };
    };
  };
};

/**
 * A whole statement written with `sql` (every value a `sql.placeholder`), built once and run as
 * `db.execute` runs a statement: no result mapping, the rows as the driver reads them.
 */
export function preparedStatement(
  statement: SQL,
): (db: Database) => { execute(values: Record<string, unknown>): Promise<unknown> } {
  return preparedPerHandle((db) => {
    const { dialect, _ } = db as unknown as Preparing;
    return _.session.prepareQuery(dialect.sqlToQuery(statement), undefined, undefined, false);
  });
}

/**
 * The placeholder names of row `n` of a multi-row statement (`<prefix><n>_<field>`), made once per
 * row number and kept: a statement's text and its values use the same names, and filling in the
 * values makes no name (a template string made for every value cost a turn's commit three
 * quarters of the time it took to fill in its values).
 */
export function rowPlaceholders<Field extends string>(
  prefix: string,
  fields: readonly Field[],
): (n: number) => Readonly<Record<Field, string>> {
  const rows: Record<Field, string>[] = [];
  return (n) => {
    let names = rows[n];
    if (names === undefined) {
      names = Object.fromEntries(
        fields.map((field) => [field, `${prefix}${n}_${field}`]),
      ) as Record<Field, string>;
      rows[n] = names;
    }
    return names;
  };
}
