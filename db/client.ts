import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database, DatabaseHandle } from './database.ts';
import { DatabaseConnectError, DataDirInUseError } from './errors.ts';
import { runMigrations } from './migrate.ts';

export type OpenDatabaseOptions = {
  /** `postgres://…`: a node-postgres pool. Unset: PGlite persisted in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data folder (created when missing). Default `./.data`. */
  dataDir?: string;
  /** Apply pending migrations before returning. Default true (idempotent, and locked on Postgres). */
  migrate?: boolean;
  /** node-postgres pool size. Default 10. */
  poolSize?: number;
};

/** Arbitrary constant naming Frontline's migration lock among Postgres advisory locks. */
const MIGRATION_LOCK = 7_246_311_902;

/**
 * Opens the database the configuration names: node-postgres when `databaseUrl` is set, else
 * PGlite (Postgres in WASM) in `dataDir`. Both give the same {@link Database}; by default pending
 * migrations are applied first. Throws {@link DatabaseConnectError} when it cannot connect.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const { databaseUrl, dataDir = './.data', migrate = true, poolSize = 10 } = options;
  const handle = databaseUrl
    ? await openPostgres(databaseUrl, poolSize)
    : await openPglite(resolve(dataDir));
  if (migrate) {
    try {
      await handle.migrate();
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

/** `host:port/database` of a connection URL: never the user name or password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/** Statements the server may keep parsed and planned: drizzle's, whose text is fixed per shape. */
const PREPARABLE = /^\s*(?:select|insert|update|delete|with)\s/i;
/** Distinct statement texts named at most (multi-row inserts vary by row count: bounded). */
const MAX_NAMED = 2_000;
const statementNames = new Map<string, string>();

/** The server-side name of a statement's text, or undefined when it should be sent unnamed. */
function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || statementNames.size >= MAX_NAMED || !PREPARABLE.test(text))
    return known;
  const name = `frontline_${statementNames.size}`;
  statementNames.set(text, name);
  return name;
}

/**
 * A node-postgres client that names each parameterised statement by its text, so that each
 * connection parses and plans a statement once and then only binds and executes it (drizzle sends
 * every query unnamed, which costs the server a parse and a plan each time).
 */
class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [config] = args;
    if (
      typeof config === 'object' &&
      config !== null &&
      !('submit' in config) &&
      typeof (config as pg.QueryConfig).text === 'string' &&
      (config as pg.QueryConfig).name === undefined &&
      Array.isArray(args[1])
    ) {
      const name = statementName((config as pg.QueryConfig).text);
      if (name !== undefined) args[0] = { ...config, name };
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const target = describeUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: Math.max(2, poolSize),
    Client: PreparingClient,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseConnectError(target, { cause: error });
  }
  const db = drizzlePg({ client: pool });
  return {
    db: db,
    kind: 'postgres',
    target,
    migrate: () =>
      runMigrations(
        db,
        (config) => migratePg(db, config),
        async (fn) => {
          // Instances starting together take turns; the later ones find nothing to apply.
          const client = await pool.connect();
          try {
            await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
            return await fn();
          } finally {
            await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
            client.release();
          }
        },
      ),
    close: () => pool.end(),
  };
}

/** The lock file a process writes into the PGlite folder it opens (its pid). */
export const DATA_DIR_LOCK = 'frontline.pid';
/** Folders this process holds, with how many handles hold each. */
const heldDataDirs = new Map<string, number>();

/** Whether a process with this pid is alive (signal 0 only asks). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder's lock for this process, or throws {@link DataDirInUseError} when a living
 * process holds it. A lock left by a process that died (kill -9) is taken over. The same process
 * may open the folder again (tests do); the file goes with its last handle.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = resolve(dataDir, DATA_DIR_LOCK);
  const release = async () => {
    const count = (heldDataDirs.get(dataDir) ?? 1) - 1;
    if (count > 0) heldDataDirs.set(dataDir, count);
    else {
      heldDataDirs.delete(dataDir);
      await unlink(file).catch(() => {});
    }
  };
  const held = heldDataDirs.get(dataDir);
  if (held !== undefined) {
    heldDataDirs.set(dataDir, held + 1);
    return release;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldDataDirs.set(dataDir, 1);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
      throw new DataDirInUseError(dataDir, pid);
    await unlink(file).catch(() => {});
  }
  throw new DataDirInUseError(dataDir, Number.NaN);
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  let client: PGlite;
  let unlock: () => Promise<void>;
  try {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error;
    throw new DatabaseConnectError(dataDir, { cause: error });
  }
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    await unlock();
    throw new DatabaseConnectError(dataDir, { cause: error });
  }
  const db = drizzlePglite({ client });
  return {
    db: db,
    kind: 'pglite',
    target: dataDir,
    migrate: () => runMigrations(db, (config) => migratePglite(db, config)),
    close: async () => {
      try {
        await client.close();
      } finally {
        await unlock();
      }
    },
  };
}
