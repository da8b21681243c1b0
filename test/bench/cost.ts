import { readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Database } from '../../db/index.ts';
import { round } from './harness.ts';

/** CPU seconds a process has used (user + system), read from /proc; `undefined` where unreadable. */
async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The CPU the benchmark database's backends have used so far (PostgreSQL on this machine). */
async function backendsCpuMs(db: Database): Promise<number | undefined> {
  const result = await db.execute(
    sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  const rows = (result as unknown as { rows: { pid: number }[] }).rows;
  let total = 0;
  for (const { pid } of rows) {
    const ms = await processCpuMs(pid);
    if (ms === undefined) return undefined;
    total += ms;
  }
  return total;
}

/** The Redis server's CPU so far (`INFO cpu`: the whole server, whoever else uses it). */
async function redisCpuMs(redis: Redis): Promise<number | undefined> {
  const info = await redis.info('cpu');
  const seconds = (field: string) => Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(info)?.[1]);
  const total = seconds('used_cpu_user') + seconds('used_cpu_sys');
  return Number.isFinite(total) ? total * 1000 : undefined;
}

/**
 * Runs `run` under V8's CPU profiler when `BENCH_CPU_PROFILE` names a folder, writing
 * `<folder>/<name>.cpuprofile` (open it in Chrome's DevTools or any `.cpuprofile` viewer): the
 * measured run alone, without the start-up and warm-up a whole-process `--cpu-prof` holds.
 */
async function profiled<T>(name: string, run: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * What each unit of `run` costs: this process's CPU (`process.cpuUsage`), the PostgreSQL
 * backends' of the benchmark database (from /proc, when the server runs on this machine), and
 * the statements and Redis commands this process issued (counted by wrapping the two drivers
 * for the run). The CPU figures are the ones to compare on a shared machine: wall-clock rates
 * move with everything else that runs.
 */
export async function measureCost<T>(
  prefix: string,
  units: number,
  options: { db?: Database; redis?: Redis | undefined },
  run: () => Promise<T>,
): Promise<{ result: T; figures: Record<string, number> }> {
  const counted = { statements: 0, redis: 0 };
  /** `BENCH_DETAIL`: each statement's text (its start) and each Redis command, counted apart. */
  const detail = process.env.BENCH_DETAIL ? new Map<string, number>() : undefined;
  const note = (what: string) => detail?.set(what, (detail.get(what) ?? 0) + 1);
  /**
   * With `BENCH_DETAIL`, the server's CPU for each statement too (PostgreSQL's
   * `log_statement_stats`, its LOG lines sent to this client: superuser only; the commit at the
   * end of a statement outside a transaction is not in them).
   */
  const serverMs = new Map<string, number>();
  /** With `BENCH_DETAIL`, each statement's round trips' total (ms), as this process saw them. */
  const roundTrips = new Map<string, number>();
  /** Each connection's statements in flight, oldest first (a client runs them in order). */
  const inFlight = new WeakMap<pg.Client, string[]>();
  const shape = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 100);
  const watch = (client: pg.Client) => {
    const queue = ['sql set'];
    inFlight.set(client, queue);
    client.on('notice', (notice) => {
      const times = /([\d.]+) s user, ([\d.]+) s system/.exec(notice.detail ?? '');
      const [key] = queue;
      if (!times || key === undefined) return;
      serverMs.set(key, (serverMs.get(key) ?? 0) + (Number(times[1]) + Number(times[2])) * 1000);
    });
    (query as (...a: unknown[]) => unknown).call(
      client,
      'set client_min_messages = log; set log_statement_stats = on',
      () => queue.shift(),
    );
    return queue;
  };
  const query = pg.Client.prototype.query;
  const sendCommand = Redis.prototype.sendCommand;
  const backendsBefore = options.db ? await backendsCpuMs(options.db) : undefined;
  const redisBefore = options.redis ? await redisCpuMs(options.redis) : undefined;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    counted.statements += 1;
    if (detail) {
      const queue = inFlight.get(this) ?? watch(this);
      const [config] = args as [string | { text?: string }];
      const key = `sql ${shape(typeof config === 'string' ? config : (config?.text ?? ''))}`;
      note(key);
      queue.push(key);
      // The round trip, from the call to its answer: the server's time, a lock waited for, and
      // the wait for this process's event loop to read the answer.
      const started = performance.now();
      const took = () => {
        queue.shift();
        roundTrips.set(key, (roundTrips.get(key) ?? 0) + performance.now() - started);
      };
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function')
        args[last] = (...answer: unknown[]) => {
          took();
          return (callback as (...a: unknown[]) => unknown)(...answer);
        };
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) void result.then(took, took);
      return result;
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  Redis.prototype.sendCommand = function (this: Redis, ...args: unknown[]) {
    counted.redis += 1;
    if (detail) note(`redis ${(args[0] as { name?: string } | undefined)?.name}`);
    return (sendCommand as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof sendCommand;
  // How long a callback that became ready waited for this thread: a round trip's answer waits
  // this long to be read, whatever the server took.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  let result: T;
  try {
    result = await profiled(`${prefix}cost`, run);
  } finally {
    pg.Client.prototype.query = query;
    Redis.prototype.sendCommand = sendCommand;
  }
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  for (const [what, count] of [...(detail ?? [])].sort((a, b) => b[1] - a[1])) {
    const ms = serverMs.get(what);
    const trip = roundTrips.get(what);
    const server = ms === undefined ? '' : `, server CPU ${(ms / units).toFixed(3)} ms a message`;
    const waited =
      trip === undefined ? '' : ` (round trip ${(trip / count).toFixed(2)} ms${server})`;
    process.stderr.write(`${(count / units).toFixed(3).padStart(7)} ${what}${waited}\n`);
  }
  const backendsAfter = options.db ? await backendsCpuMs(options.db) : undefined;
  const redisAfter = options.redis ? await redisCpuMs(options.redis) : undefined;
  const per = (value: number) => round(value / units, 3);
  return {
    result,
    figures: {
      [`${prefix}cpu_ms_per_update`]: per((cpu.user + cpu.system) / 1000),
      [`${prefix}event_loop_delay_p50_ms`]: round(loopDelay.percentile(50) / 1e6, 1),
      [`${prefix}event_loop_delay_p99_ms`]: round(loopDelay.percentile(99) / 1e6, 1),
      ...(backendsBefore !== undefined && backendsAfter !== undefined
        ? {
            [`${prefix}postgres_cpu_ms_per_update`]: per(backendsAfter - backendsBefore),
            [`${prefix}statements_per_update`]: round(counted.statements / units, 2),
          }
        : {}),
      ...(counted.redis > 0
        ? { [`${prefix}redis_commands_per_update`]: round(counted.redis / units, 2) }
        : {}),
      ...(redisBefore !== undefined && redisAfter !== undefined
        ? { [`${prefix}redis_cpu_ms_per_update`]: per(redisAfter - redisBefore) }
        : {}),
    },
  };
}
