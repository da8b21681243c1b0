import { and, eq, inArray } from 'drizzle-orm';
import type { Job, JobQueue, NewJob } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { toJob } from '../repositories/to-domain.ts';
import { jobs } from '../schema/index.ts';

const toRow = (job: NewJob, at: Date) => ({
  kind: job.kind,
  key: job.key ?? null,
  dueAt: job.dueAt,
  payload: job.payload,
  maxAttempts: job.maxAttempts ?? null,
  createdAt: at,
  updatedAt: at,
});

export type InsertJobsOptions = {
  /**
   * `skip` (default): a job whose key is already taken is left out, so a retried step schedules
   * nothing twice. `fail`: the insert fails, rolling back the transaction it runs in.
   */
  onTakenKey?: 'skip' | 'fail';
};

/**
 * Inserts jobs. Runs on a transaction when given one, for "ticket and its jobs, or neither".
 */
export async function insertJobs(
  db: Database,
  list: NewJob[],
  at: Date,
  { onTakenKey = 'skip' }: InsertJobsOptions = {},
): Promise<void> {
  if (list.length === 0) return;
  const insert = db.insert(jobs).values(list.map((job) => toRow(job, at)));
  await (onTakenKey === 'skip' ? insert.onConflictDoNothing({ target: jobs.key }) : insert);
}

/** Cancels the pending jobs with these keys; returns how many it cancelled. */
export async function cancelJobs(db: Database, keys: string[], at: Date): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .update(jobs)
    .set({ state: 'cancelled', updatedAt: at })
    .where(and(inArray(jobs.key, keys), eq(jobs.state, 'pending')))
    .returning({ id: jobs.id });
  return rows.length;
}

/** The durable job queue (Postgres): schedule, cancel by key, look up. Workers are in `worker.ts`. */
export function createJobQueue(db: Database): JobQueue {
  const findByKey = async (key: string): Promise<Job | undefined> => {
    const [row] = await db.select().from(jobs).where(eq(jobs.key, key));
    return row && toJob(row);
  };
  return withStorageErrors('jobs', {
    async enqueue(job: NewJob, at: Date) {
      const [row] = await db
        .insert(jobs)
        .values(toRow(job, at))
        .onConflictDoNothing({ target: jobs.key })
        .returning();
      if (row) return { job: toJob(row), created: true };
      const existing = job.key === undefined ? undefined : await findByKey(job.key);
      if (!existing) throw new Error('job insert returned no row');
      return { job: existing, created: false };
    },
    async cancel(key: string, at: Date) {
      return (await cancelJobs(db, [key], at)) > 0;
    },
    async get(id: string) {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
      return row && toJob(row);
    },
    findByKey,
  });
}
