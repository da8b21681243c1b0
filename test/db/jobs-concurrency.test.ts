import { describe, expect, it } from 'vitest';
import { createJobWorker, type Database, type DatabaseHandle, insertJobs } from '../../db/index.ts';
import {
  createTestClock,
  DATABASE_URL,
  openTestPglite,
  openTestPostgres,
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
        batchSize: 10,
        handlers: {
          count: async (job) => {
            const i = Number(job.payload.i);
            runs.set(i, (runs.get(i) ?? 0) + 1);
            byWorker[w] = (byWorker[w] ?? 0) + 1;
            await new Promise((resolve) => setImmediate(resolve));
          },
        },
      });
      return worker.runDue(at);
    }),
  );
  return { runs, byWorker };
}

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
});
