import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK } from '../../db/client.ts';
import { DataDirInUseError, openDatabase } from '../../db/index.ts';
import { runCliForTest } from '../support/cli.ts';

const CLIENT = resolve(import.meta.dirname, '../../db/client.ts');

/** Another process that opens the embedded database in `dataDir` and keeps it open. */
async function holder(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import(${JSON.stringify(CLIENT)}).then((m) => m.openDatabase({ dataDir: ${JSON.stringify(dataDir)} })).then(() => { console.log('open'); setInterval(() => {}, 1000); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('open')) done();
    });
    child.once('exit', (code) => fail(new Error(`holder exited with ${code}`)));
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((done) =>
    child.exitCode !== null ? done() : child.once('exit', () => done()),
  );

describe('the embedded database folder is held by one process (PGlite has no lock of its own)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'frontline-lock-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('writes its pid while open, allows this process again, and removes it with the last handle', async () => {
    const first = await openDatabase({ dataDir });
    const lock = join(dataDir, DATA_DIR_LOCK);
    expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
    const second = await openDatabase({ dataDir, migrate: false });
    await first.close();
    expect(existsSync(lock)).toBe(true);
    await second.close();
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('refuses while another process has it open, and takes it over after that process is killed', async () => {
    const child = await holder(dataDir);
    try {
      const refused = await openDatabase({ dataDir, migrate: false }).then(
        async (handle) => {
          await handle.close();
          return undefined;
        },
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DataDirInUseError);
      expect((refused as DataDirInUseError).pid).toBe(child.pid);

      // The operator's command says so in one line, and opens nothing.
      const run = await runCliForTest(['tickets', 'list'], { env: { DATA_DIR: dataDir } });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `tickets list: the embedded database in ${dataDir} is in use by process ${child.pid} (the bot?): stop it first, or run the bot on PostgreSQL (DATABASE_URL) to read it while it runs\n`,
      );
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
    // kill -9 left its lock file behind: a dead process's lock is taken over.
    expect(await readFile(join(dataDir, DATA_DIR_LOCK), 'utf8')).toBe(String(child.pid));
    const handle = await openDatabase({ dataDir, migrate: false });
    expect(await readFile(join(dataDir, DATA_DIR_LOCK), 'utf8')).toBe(String(process.pid));
    await handle.close();
  }, 120_000);
});
