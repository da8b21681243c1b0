import { resolve } from 'node:path';
import { type CliCommand, type CliIo, UsageError } from '../command.ts';

const HELP = `Usage: npm run -s cli -- db migrate

Applies the committed migrations the database has not seen yet, then exits: 0 on success,
1 when the database cannot be reached or a migration fails. Safe to re-run; instances
starting together wait for each other.

Uses DATABASE_URL (PostgreSQL) when set, else the PGlite data folder DATA_DIR (default ./.data).

Example:
  DATABASE_URL=postgres://frontline@db:5432/frontline npm run -s cli -- db migrate`;

function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 4; e = e.cause) {
    parts.push(e.message);
  }
  return parts.length > 0 ? parts.join(': ') : String(error);
}

async function migrate(args: string[], io: CliIo): Promise<number> {
  const [extra] = args;
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  // Imported here, not at the top: `db --help` should not load the database drivers.
  const { loadConfig } = await import('../../config.ts');
  const { openDatabase } = await import('../../../db/index.ts');
  const config = loadConfig(io.cwd, io.env);
  const dataDir = resolve(io.cwd, config.DATA_DIR);
  try {
    const handle = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir,
      migrate: false,
    });
    try {
      const { applied, total } = await handle.migrate();
      io.stdout.write(
        `db migrate: ${handle.kind} ${handle.target}: applied ${applied}, ${total} in the database\n`,
      );
      return 0;
    } finally {
      await handle.close();
    }
  } catch (error) {
    io.stderr.write(`db migrate: ${causeChain(error)}\n`);
    return 1;
  }
}

/** Database commands for operators. */
export const dbCommands: CliCommand[] = [
  {
    words: ['db', 'migrate'],
    summary: 'Apply pending database migrations (PostgreSQL or the PGlite data folder)',
    help: HELP,
    run: migrate,
  },
];
