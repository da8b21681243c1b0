import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createJobWorker,
  type Database,
  type DatabaseHandle,
  insertJobs,
  type JobRunSummary,
} from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import {
  createTestClock,
  DATABASE_URL,
  openTestPglite,
  openTestPostgres,
  type TestDatabase,
  useTestDatabase,
} from '../support/db.ts';

/** Enqueues `n` due jobs, lets every worker drain them at once, and counts runs per job. */
async function drain(databases: Database[], n: number) {
  const clock = createTestClock();
  const at = clock.now();
  const [first] = databases;
  if (!first) throw new Error('no database');
  for (let i = 0; i < n; i += 250) {
    const batch = Array.from({ length: Math.min(250, n - i) }, (_, j) => ({
      kind: 'count',
      dueAt: new Date(at.getTime() - (i + j)),
      payload: { i: i + j },
    }));
    await insertJobs(first, batch, at);
  }
  const runs = new Map<number, number>();
  const byWorker: number[] = [];
  await Promise.all(
    databases.map((db, w) => {
      byWorker[w] = 0;
      const worker = createJobWorker({
        db,
        clock,
        handlers: {
          count: async (job) => {
            const i = Number(job.payload.i);
            runs.set(i, (runs.get(i) ?? 0) + 1);
            byWorker[w] = (byWorker[w] ?? 0) + 1;
            await new Promise((resolve) => setImmediate(resolve));
          },
        },
      });
      return worker.runDue();
    }),
  );
  return { runs, byWorker };
}

/** `n` due jobs of a new kind, oldest first, and (when `reopen`) a second pool for another worker. */
async function dueJobsOfNewKind(database: TestDatabase, name: string, n: number, reopen: boolean) {
  const clock = { now: () => new Date() };
  const kind = `${name}:${process.pid}:${Date.now()}`;
  const db = database.handle.db;
  const at = clock.now();
  await insertJobs(
    db,
    Array.from({ length: n }, (_, i) => ({
      kind,
      dueAt: new Date(at.getTime() - n + i),
      payload: { i },
    })),
    at,
  );
  const second = reopen ? await database.reopen({ migrate: false, poolSize: 2 }) : undefined;
  return { clock, kind, db, second, runs: new Map<number, number>() };
}

/** Counts a run of a job made by {@link dueJobsOfNewKind}; returns its index. */
function countRun(runs: Map<number, number>, job: { payload: Record<string, unknown> }): number {
  const i = Number(job.payload.i);
  runs.set(i, (runs.get(i) ?? 0) + 1);
  return i;
}

/**
 * The review's reproduction, in real time: a 1 s lease, five due jobs of 400 ms each, and a second
 * worker that starts 1.3 s after the first. Claiming them all under one lease let the second
 * worker take over the fourth and fifth while the first was still getting to them.
 */
async function slowJobsWithLateSecondWorker(database: TestDatabase, reopen: boolean) {
  const { clock, kind, db, second, runs } = await dueJobsOfNewKind(database, 'slow', 5, reopen);
  const worker = (on: Database) =>
    createJobWorker({
      db: on,
      clock,
      leaseMs: 1_000,
      handlers: {
        [kind]: async (job) => {
          countRun(runs, job);
          await sleep(400);
        },
      },
    });
  try {
    const summaries: JobRunSummary[] = await Promise.all([
      worker(db).runDue(),
      sleep(1_300).then(() => worker(second?.db ?? db).runDue()),
    ]);
    return { runs, summaries };
  } finally {
    await second?.close();
  }
}

/**
 * Fast jobs are claimed many at a time; then the same kind turns slow (60 ms a job) while a batch
 * of them is held under a 300 ms lease, and a second worker keeps polling: the jobs waiting their
 * turn in the first worker's batch must stay its own (their leases renewed), each run once.
 */
async function batchThatTurnsSlow(database: TestDatabase, reopen: boolean) {
  const { clock, kind, db, second, runs } = await dueJobsOfNewKind(
    database,
    'turns-slow',
    60,
    reopen,
  );
  // Forty slow jobs of 60 ms (2.4 s) outlast one lease of 1.5 s, so the batch's leases must be
  // renewed; a lease of 300 ms left a loaded machine only ~200 ms for a renewal to land.
  /** Jobs claimed (running) but not this one, seen while each job ran: > 0 means a batch. */
  let mostWaiting = 0;
  let slow = false;
  const first = createJobWorker({
    db,
    clock,
    leaseMs: 1_500,
    handlers: {
      [kind]: async (job) => {
        const i = countRun(runs, job);
        const result = await db.execute(
          sql`select count(*)::int as n from jobs where kind = ${kind} and state = 'running'`,
        );
        const [row] = rowsOf<{ n: number }>(result);
        mostWaiting = Math.max(mostWaiting, (row?.n ?? 1) - 1);
        if (i >= 20) slow = true;
        if (slow) await sleep(60);
      },
    },
  });
  let stop = false;
  const other = createJobWorker({
    db: second?.db ?? db,
    clock,
    leaseMs: 1_500,
    handlers: {
      [kind]: async (job) => {
        countRun(runs, job);
      },
    },
  });
  try {
    const running = first.runDue();
    const polling = (async () => {
      const summaries: JobRunSummary[] = [];
      await sleep(150);
      while (!stop) {
        summaries.push(await other.runDue());
        await sleep(40);
      }
      return summaries;
    })();
    const summary = await running;
    stop = true;
    const others = await polling;
    return { runs, summary, others, mostWaiting };
  } finally {
    await second?.close();
  }
}

const expectBatchRunOnce = ({
  runs,
  summary,
  others,
  mostWaiting,
}: Awaited<ReturnType<typeof batchThatTurnsSlow>>) => {
  expect(mostWaiting).toBeGreaterThan(1);
  expect(runs.size).toBe(60);
  expect([...runs.values()].every((count) => count === 1)).toBe(true);
  expect(summary.lost + others.reduce((sum, s) => sum + s.lost, 0)).toBe(0);
  expect(summary.done + others.reduce((sum, s) => sum + s.done, 0)).toBe(60);
};

const expectEachSlowJobOnce = ({
  runs,
  summaries,
}: Awaited<ReturnType<typeof slowJobsWithLateSecondWorker>>) => {
  expect([...runs.entries()].sort(([a], [b]) => a - b)).toEqual([0, 1, 2, 3, 4].map((i) => [i, 1]));
  expect(summaries.reduce((sum, s) => sum + s.done, 0)).toBe(5);
  expect(summaries.reduce((sum, s) => sum + s.lost, 0)).toBe(0);
};

describe.skipIf(!DATABASE_URL)(
  `job workers draining 1,000 due jobs on PostgreSQL${DATABASE_URL ? '' : ': skipped, DATABASE_URL is not set'}`,
  () => {
    const database = useTestDatabase(() => openTestPostgres());

    it('runs every job exactly once with four workers on separate connection pools', async () => {
      const handles: DatabaseHandle[] = [];
      for (let i = 0; i < 3; i++)
        handles.push(await database().reopen({ migrate: false, poolSize: 3 }));
      try {
        const { runs, byWorker } = await drain(
          [database().handle.db, ...handles.map((h) => h.db)],
          1000,
        );
        expect(runs.size).toBe(1000);
        expect([...runs.values()].every((count) => count === 1)).toBe(true);
        // Every worker got a share: the claims really interleaved.
        expect(byWorker.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
        const left = await database().handle.db.execute(
          'select state, count(*)::int as n from jobs group by state',
        );
        expect((left as unknown as { rows: unknown[] }).rows).toEqual([{ state: 'done', n: 1000 }]);
      } finally {
        await Promise.all(handles.map((h) => h.close()));
      }
    });

    it('never lets a second worker take over jobs the first has claimed but not yet started', async () => {
      expectEachSlowJobOnce(await slowJobsWithLateSecondWorker(database(), true));
    });

    it('claims fast jobs in batches and keeps every job of a batch its own while it waits, even when the jobs turn slow', async () => {
      expectBatchRunOnce(await batchThatTurnsSlow(database(), true));
    });
  },
);

describe('job workers sharing one PGlite', () => {
  const database = useTestDatabase(openTestPglite);

  it('runs every job exactly once with two workers in one process', async () => {
    const db = database().handle.db;
    const { runs } = await drain([db, db], 200);
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it('never lets a second worker take over jobs the first has claimed but not yet started', async () => {
    expectEachSlowJobOnce(await slowJobsWithLateSecondWorker(database(), false));
  });

  it('claims fast jobs in batches and keeps every job of a batch its own while it waits, even when the jobs turn slow', async () => {
    expectBatchRunOnce(await batchThatTurnsSlow(database(), false));
  });
});
