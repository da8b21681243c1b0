import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Job } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { toJob } from '../repositories/to-domain.ts';
import { jobs } from '../schema/index.ts';

/**
 * Claims the oldest jobs of these kinds that are due at `now` — pending ones, and running ones
 * whose lease ran out (their worker died) — up to `limit` of each, in one statement: the rows are
 * picked with `FOR UPDATE SKIP LOCKED`, so concurrent workers never claim the same job, and each
 * gets `state = 'running'`, one more attempt and a lease until `now + leaseMs`. Oldest first.
 *
 * A job claimed in a batch waits while the ones before it run: its worker renews the lease of
 * every job it holds (see {@link renewJobLeases}), or another worker would take it over when the
 * lease ran out and run it a second time.
 */
export async function claimDueJobs(
  db: Database,
  { kinds, now, leaseMs, limit }: { kinds: string[]; now: Date; leaseMs: number; limit: number },
): Promise<Job[]> {
  if (kinds.length === 0 || limit <= 0) return [];
  // Two index-friendly candidate lists, the expired leases first (their worker died): an OR of both
  // in one scan cannot use the partial indexes and sorts every due row on each claim.
  const expired = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.kind, kinds), eq(jobs.state, 'running'), lte(jobs.lockedUntil, now)))
    .orderBy(asc(jobs.lockedUntil))
    .limit(limit)
    .for('update', { skipLocked: true });
  const pending = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.kind, kinds), eq(jobs.state, 'pending'), lte(jobs.dueAt, now)))
    .orderBy(asc(jobs.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(jobs)
    .set({
      state: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: new Date(now.getTime() + leaseMs),
      updatedAt: now,
    })
    .where(or(inArray(jobs.id, expired), inArray(jobs.id, pending)))
    .returning();
  // Up to `limit` of each list: every row returned is claimed and must be run.
  return rows.map(toJob).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Jobs as this worker claimed them: the claim is theirs while state and attempt still match. */
const heldBy = (held: readonly Pick<Job, 'id' | 'attempts'>[]) =>
  and(
    eq(jobs.state, 'running'),
    sql`(${jobs.id}, ${jobs.attempts}) in (${sql.join(
      held.map((job) => sql`(${job.id}::uuid, ${job.attempts}::int)`),
      sql`, `,
    )})`,
  );

/** Updates the jobs this worker still holds; returns their ids. */
async function updateHeld(
  db: Database,
  held: readonly Pick<Job, 'id' | 'attempts'>[],
  set: Partial<typeof jobs.$inferInsert>,
): Promise<Set<string>> {
  if (held.length === 0) return new Set();
  const rows = await db.update(jobs).set(set).where(heldBy(held)).returning({ id: jobs.id });
  return new Set(rows.map((row) => row.id));
}

/**
 * Extends the leases of the jobs this worker holds (running or waiting their turn) to `until`;
 * returns the ids still held — a job missing was lost (its lease ran out and another worker took
 * it over).
 */
export async function renewJobLeases(
  db: Database,
  held: readonly Pick<Job, 'id' | 'attempts'>[],
  until: Date,
): Promise<Set<string>> {
  return updateHeld(db, held, { lockedUntil: until });
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
  | {
      state: 'pending';
      dueAt: Date;
      error: string;
      /** Not the job's failure (a service it needs is down): the claim's attempt is taken back. */
      uncounted?: boolean;
    }
  | { state: 'dead'; error: string };

/**
 * Marks claimed jobs done in one statement, only those this worker still holds; returns the ids
 * it settled (a job missing lost its lease).
 */
export async function settleJobsDone(
  db: Database,
  done: readonly Pick<Job, 'id' | 'attempts'>[],
  now: Date,
): Promise<Set<string>> {
  return updateHeld(db, done, { state: 'done', lockedUntil: null, updatedAt: now });
}

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
      ...(outcome.state === 'pending' && outcome.uncounted
        ? { attempts: sql`${jobs.attempts} - 1` }
        : {}),
      ...(outcome.state === 'done' ? {} : { lastError: outcome.error }),
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.attempts, job.attempts)))
    .returning({ id: jobs.id });
  return rows.length === 1;
}
