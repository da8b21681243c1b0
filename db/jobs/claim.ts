import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Job } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { toJob } from '../repositories/to-domain.ts';
import { jobs } from '../schema/index.ts';

/**
 * Claims the oldest job of these kinds that is due at `now` — a pending one, or a running one whose
 * lease ran out (its worker died) — in one statement: the row is picked with
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers never claim the same job, and it gets
 * `state = 'running'`, one more attempt and a lease until `now + leaseMs`.
 *
 * One job per claim, on purpose: a job claimed in a batch would sit under a lease that runs out
 * while the jobs before it run, and another worker would then take it over and run it a second
 * time alongside this one.
 */
export async function claimDueJob(
  db: Database,
  { kinds, now, leaseMs }: { kinds: string[]; now: Date; leaseMs: number },
): Promise<Job | undefined> {
  if (kinds.length === 0) return undefined;
  // Two index-friendly candidates, the expired lease first (its worker died): an OR of both in one
  // scan cannot use the partial indexes and sorts every due row on each claim.
  const expired = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.kind, kinds), eq(jobs.state, 'running'), lte(jobs.lockedUntil, now)))
    .orderBy(asc(jobs.lockedUntil))
    .limit(1)
    .for('update', { skipLocked: true });
  const pending = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.kind, kinds), eq(jobs.state, 'pending'), lte(jobs.dueAt, now)))
    .orderBy(asc(jobs.dueAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(jobs)
    .set({
      state: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: new Date(now.getTime() + leaseMs),
      updatedAt: now,
    })
    .where(sql`${jobs.id} = coalesce((${expired}), (${pending}))`)
    .returning();
  return row && toJob(row);
}

/**
 * Extends a running job's lease to `until`, only while this worker still holds the claim; `false`
 * when it was lost (the lease ran out and another worker took the job over).
 */
export async function renewJobLease(db: Database, job: Job, until: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.attempts, job.attempts)))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/** Deletes finished jobs: done and cancelled ones updated before `finishedBefore`, dead ones before `deadBefore`. */
export async function pruneJobs(
  db: Database,
  { finishedBefore, deadBefore }: { finishedBefore: Date; deadBefore: Date },
): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(
      or(
        and(inArray(jobs.state, ['done', 'cancelled']), lte(jobs.updatedAt, finishedBefore)),
        and(eq(jobs.state, 'dead'), lte(jobs.updatedAt, deadBefore)),
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** Where a claimed job goes next; applied only while this worker still holds the claim. */
export type JobOutcome =
  | { state: 'done' }
  | { state: 'pending'; dueAt: Date; error: string }
  | { state: 'dead'; error: string };

/** Records the outcome of a claimed attempt; `false` when the claim was lost (lease expired). */
export async function settleJob(
  db: Database,
  job: Job,
  outcome: JobOutcome,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      state: outcome.state,
      lockedUntil: null,
      updatedAt: now,
      ...(outcome.state === 'pending' ? { dueAt: outcome.dueAt } : {}),
      ...(outcome.state === 'done' ? {} : { lastError: outcome.error }),
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.attempts, job.attempts)))
    .returning({ id: jobs.id });
  return rows.length === 1;
}
