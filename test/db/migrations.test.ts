import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { dbCommands } from '../../bot/cli/commands/db.ts';
import { runCli } from '../../bot/cli/run-cli.ts';
import { committedMigrations, type DatabaseHandle, openDatabase } from '../../db/index.ts';
import { createTestPostgresDatabase, DATABASE_URL } from '../support/db.ts';

const TABLES = [
  'customers',
  'guidance_cases',
  'inbox_updates',
  'jobs',
  'outbox_messages',
  'product_reports',
  'relayed_messages',
  'sessions',
  'staff_audit',
  'staff_members',
  'ticket_counters',
  'ticket_events',
  'ticket_ratings',
  'ticket_topics',
  'tickets',
  'transcript_entries',
];

async function tables(handle: DatabaseHandle): Promise<string[]> {
  const result = await handle.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
}

async function cli(argv: string[], env: Record<string, string | undefined>, cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const code = await runCli(argv, dbCommands, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    cwd,
    env,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const folders: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'frontline-migrate-'));
  folders.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('migrations on an empty PGlite folder', () => {
  it('create every table, and a second run applies nothing', async () => {
    const handle = await openDatabase({ dataDir: await tempDir(), migrate: false });
    try {
      expect(await tables(handle)).toEqual([]);
      expect(await handle.migrate()).toEqual({
        applied: committedMigrations(),
        total: committedMigrations(),
      });
      expect(await tables(handle)).toEqual(TABLES);
      expect(await handle.migrate()).toEqual({ applied: 0, total: committedMigrations() });
    } finally {
      await handle.close();
    }
  });

  it('run from `db migrate`, which reports what it applied and exits 0, idempotently', async () => {
    const cwd = await tempDir();
    const env = { DATA_DIR: './data' };
    const first = await cli(['db', 'migrate'], env, cwd);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const n = committedMigrations();
    expect(first.stdout).toMatch(
      new RegExp(`^db migrate: pglite .*data: applied ${n}, ${n} in the database\n$`),
    );
    const second = await cli(['db', 'migrate'], env, cwd);
    expect(second.stdout).toContain(`applied 0, ${n} in the database`);
  });
});

describe('db migrate command', () => {
  it('prints its usage on --help', async () => {
    const result = await cli(['db', 'migrate', '--help'], {}, tmpdir());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: npm run -s cli -- db migrate');
  });

  it('exits 1 with one line, and no password, when the database cannot be reached', async () => {
    const env = { DATABASE_URL: 'postgres://frontline:s3cret@127.0.0.1:1/frontline' };
    const result = await cli(['db', 'migrate'], env, tmpdir());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^db migrate: cannot open the database at 127\.0\.0\.1:1\/frontline/,
    );
    expect(result.stderr).not.toContain('s3cret');
  });

  it('rejects an unexpected argument with exit code 2', async () => {
    expect((await cli(['db', 'migrate', 'now'], {}, tmpdir())).code).toBe(2);
  });
});

describe.skipIf(!DATABASE_URL)(
  `migrations on an empty PostgreSQL database${DATABASE_URL ? '' : ': skipped, DATABASE_URL is not set'}`,
  () => {
    it('apply once even when three instances start together, and re-run as a no-op', async () => {
      const { url, drop } = await createTestPostgresDatabase();
      try {
        const handles = await Promise.all(
          [1, 2, 3].map(() => openDatabase({ databaseUrl: url, migrate: false })),
        );
        const reports = await Promise.all(handles.map((h) => h.migrate()));
        expect(reports.map((r) => r.applied).sort()).toEqual([0, 0, committedMigrations()]);
        const [first] = handles;
        if (!first) throw new Error('no handle');
        expect(await tables(first)).toEqual(TABLES);
        expect(await first.migrate()).toEqual({ applied: 0, total: committedMigrations() });
        await Promise.all(handles.map((h) => h.close()));
      } finally {
        await drop();
      }
    });

    it('run from `db migrate` against DATABASE_URL', async () => {
      const { url, drop } = await createTestPostgresDatabase();
      try {
        const result = await cli(['db', 'migrate'], { DATABASE_URL: url }, tmpdir());
        expect(result).toMatchObject({ code: 0, stderr: '' });
        expect(result.stdout).toMatch(
          new RegExp(
            `^db migrate: postgres 127\\.0\\.0\\.1:\\d+/frontline_test_\\w+: applied ${committedMigrations()},`,
          ),
        );
      } finally {
        await drop();
      }
    });
  },
);
