import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Database, openDatabase } from '../../db/index.ts';
import type { Config } from '../config.ts';
import type { CliIo } from './command.ts';

/**
 * One line: the failed operation and the driver's root cause. The layers between (drizzle's
 * "Failed query" quoting the SQL and its parameters) are left out.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let root: Error = error;
  while (root.cause instanceof Error) root = root.cause;
  const firstLine = (e: Error) => e.message.split('\n')[0] ?? '';
  const text = root === error ? firstLine(error) : `${firstLine(error)}: ${firstLine(root)}`;
  return /relation .* does not exist/.test(root.message)
    ? `${text} (run "db migrate" first)`
    : text;
}

/**
 * Runs `read` on the bot's database (DATABASE_URL, else the PGlite folder DATA_DIR) without
 * migrating it. Problems are one line on stderr prefixed with the command's name; the result is
 * `undefined` then.
 */
export async function readDatabase<T>(
  name: string,
  config: Config,
  io: CliIo,
  read: (db: Database) => Promise<T>,
): Promise<T | undefined> {
  const dataDir = resolve(io.cwd, config.DATA_DIR);
  if (config.DATABASE_URL === undefined && !existsSync(dataDir)) {
    // Opening PGlite would create an empty database there: the command needs the bot's own.
    io.stderr.write(
      `${name}: no PGlite data folder at ${dataDir} (set DATA_DIR or DATABASE_URL)\n`,
    );
    return undefined;
  }
  try {
    const handle = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir,
      migrate: false,
    });
    try {
      return await read(handle.db);
    } finally {
      await handle.close();
    }
  } catch (error) {
    io.stderr.write(`${name}: ${describeFailure(error)}\n`);
    return undefined;
  }
}
