import { createJobWorker, insertJobs, openDatabase } from '../../db/index.ts';
import { openBenchStorage } from './environment.ts';
import { round, type Scenario } from './harness.ts';

const JOBS = 10_000;
const WORKERS = 2;

/**
 * The scheduler draining 10,000 due jobs with 2 workers on one database (each claim
 * `FOR UPDATE SKIP LOCKED`, fast jobs in batches): jobs per second, and how many ran more than once
 * (must be 0) or not at all.
 */
export const jobsScenario: Scenario = {
  name: 'jobs_per_s',
  async run() {
    const storage = await openBenchStorage();
    const handle = await openDatabase({
      databaseUrl: storage.env.DATABASE_URL,
      dataDir: storage.env.DATA_DIR,
    });
    try {
      const now = new Date();
      const due = new Date(now.getTime() - 1_000);
      for (let i = 0; i < JOBS; i += 1_000)
        await insertJobs(
          handle.db,
          Array.from({ length: 1_000 }, (_, k) => ({
            kind: 'bench',
            dueAt: due,
            payload: { n: i + k },
          })),
          now,
        );
      const runs = new Map<number, number>();
      const workers = Array.from({ length: WORKERS }, () =>
        createJobWorker({
          db: handle.db,
          clock: { now: () => new Date() },
          handlers: {
            bench: async (job) => {
              const n = Number(job.payload.n);
              runs.set(n, (runs.get(n) ?? 0) + 1);
            },
          },
        }),
      );
      const started = performance.now();
      const results = await Promise.all(workers.map((worker) => worker.runDue()));
      const wallMs = performance.now() - started;
      const done = results.reduce((sum, r) => sum + r.done, 0);
      return {
        jobs_per_s: round((done / wallMs) * 1000),
        jobs_drained: done,
        job_duplicates: [...runs.values()].filter((count) => count > 1).length,
        jobs_missed: JOBS - runs.size,
        job_workers: WORKERS,
        jobs_database: storage.database,
      };
    } finally {
      await handle.close();
      await storage.dispose();
    }
  },
};
