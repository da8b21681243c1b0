import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The newest installed PostgreSQL server binaries (Debian's layout), if any. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? join(root, newest, 'bin') : undefined;
}

/** `redis-server` on the PATH, if installed. */
export function redisServerBin(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

/** Why a fault test cannot run here, or `undefined` when it can. */
export function missingServers(need: { postgres?: boolean; redis?: boolean }): string | undefined {
  if (need.postgres && !postgresBin())
    return 'no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)';
  if (need.redis && !redisServerBin())
    return 'no redis-server on the PATH (apt-get install redis-server)';
  return undefined;
}

/** As root, PostgreSQL runs as the `postgres` user. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) throw new Error('running as root, but there is no postgres user');
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** A server process the test owns: killed with SIGKILL (a crash) and started again. */
export type ThrowawayServer = {
  url: string;
  port: number;
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it (again, on the same port and data); resolves once it answers. */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  dispose(): Promise<void>;
};

async function killed(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/**
 * A PostgreSQL server of the test's own: `initdb` in a temporary folder and `postgres` on a free
 * loopback port, in the foreground, so `kill()` is a real SIGKILL of the postmaster. Its URL names
 * the `postgres` database (trust authentication, user `postgres`).
 */
export async function startThrowawayPostgres(): Promise<ThrowawayServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found');
  const dir = mkdtempSync(join(tmpdir(), 'frontline-pg-'));
  const data = join(dir, 'data');
  const owner = postgresUser();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const init = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'],
    { encoding: 'utf8', ...(owner ?? {}) },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;

  const answers = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  const server: ThrowawayServer = {
    url,
    port,
    async start() {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        child = spawn(
          join(bin, 'postgres'),
          [
            '-D',
            data,
            '-p',
            String(port),
            '-k',
            dir,
            '-c',
            'listen_addresses=127.0.0.1',
            '-c',
            'fsync=off',
          ],
          { stdio: 'ignore', ...(owner ?? {}) },
        );
        const end = Date.now() + 15_000;
        while (Date.now() < end && child.exitCode === null) {
          if (await answers()) return;
          await sleep(100);
        }
        // A restart right after a crash may find the old backends still leaving: try again.
        await killed(child);
        await sleep(300);
      }
      throw new Error('PostgreSQL did not start');
    },
    kill: () => killed(child),
    async dispose() {
      await killed(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/**
 * A Redis server of the test's own on a free loopback port, without persistence (Frontline keeps
 * nothing in Redis that must outlive it), in the foreground so `kill()` is a real SIGKILL.
 */
export async function startThrowawayRedis(): Promise<ThrowawayServer> {
  const bin = redisServerBin();
  if (!bin) throw new Error('redis-server not found');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const server: ThrowawayServer = {
    url,
    port,
    async start() {
      child = spawn(
        bin,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        const client = new Redis(url, {
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        client.on('error', () => undefined);
        const ok = await client
          .connect()
          .then(() => client.ping())
          .then(() => true)
          .catch(() => false);
        client.disconnect();
        if (ok) return;
        await sleep(50);
      }
      throw new Error('redis-server did not start');
    },
    kill: () => killed(child),
    async dispose() {
      await killed(child);
    },
  };
  await server.start();
  return server;
}
