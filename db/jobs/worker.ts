import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock, Job } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { isUnavailableError } from '../errors.ts';
import { type BackoffOptions, retryDelayMs } from './backoff.ts';
import {
  claimDueJobs,
  type JobOutcome,
  pruneJobs,
  renewJobLeases,
  settleJob,
  settleJobsDone,
} from './claim.ts';

/** The job's lease ran out and another worker took it over: this run's work is not committed. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  constructor(readonly jobId: string) {
    super(`lease of job ${jobId} lost`);
  }
}

export type JobContext = {
  now: Date;
  /**
   * Runs `work` in one transaction that also marks the job done (only while this worker holds
   * its lease, else {@link LeaseLostError} and nothing is committed). What the job sends goes to
   * the outbox inside `work`: written exactly when the job completes, so it is sent exactly once.
   * Inside `work`, use only the transaction handle it gets.
   */
  commit<T>(work: (tx: Database) => Promise<T>): Promise<T>;
  /** Aborted when the lease is lost while the handler runs. */
  signal: AbortSignal;
};

/** Runs one job. Throwing schedules a retry (or dead-letters the job after its last attempt). */
export type JobHandler = (job: Job, context: JobContext) => Promise<void>;

export type JobWorkerOptions = {
  db: Database;
  clock: Clock;
  /** Handlers by job kind; a worker claims only kinds it has a handler for. */
  handlers?: Record<string, JobHandler>;
  /** Attempts before a job is dead-lettered, unless the job says otherwise. Default 5. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /**
   * How long a claim lasts before another worker may take the job over. It is renewed every third
   * of it while the handler runs, so only a worker that stops renewing (it died) loses it, and a
   * job a crashed worker held runs again this long after. Default 30 s.
   */
  leaseMs?: number;
  /** Pause between polls when nothing is due. Default 1 s. */
  pollMs?: number;
  /** Finished jobs are deleted this long after they finished (dead ones after 4×). Default 7 days. */
  retentionMs?: number;
  /** Told about failures, with the job's id and kind only (payloads may hold personal data). */
  onError?: (error: unknown, job?: Pick<Job, 'id' | 'kind' | 'attempts'>) => void;
  /** Told how each claimed attempt ended (for the metrics): `lost` when its lease ran out. */
  onSettled?: (job: Pick<Job, 'id' | 'kind' | 'attempts'>, outcome: JobAttemptOutcome) => void;
  /** Told when a job's lease was lost while it ran (its work was not committed by this worker). */
  onLeaseLost?: (job: Pick<Job, 'id' | 'kind' | 'attempts'>) => void;
  /**
   * Whether a failure is an outage of something the job needs (the database or Redis down,
   * Telegram not answering), not the job's own: the job is tried again every `outageRetryMs` with
   * no attempt counted, and dead-lettered only once `outageLimitMs` has passed since it was
   * created. Default: the database or Redis unreachable.
   */
  isOutage?: (error: unknown) => boolean;
  /** How often a job is tried again during an outage. Default 30 s. */
  outageRetryMs?: number;
  /** How long an outage keeps a job waiting at most, from its creation. Default 24 h. */
  outageLimitMs?: number;
};

export type JobAttemptOutcome = 'done' | 'retried' | 'dead' | 'lost';

export type JobRunSummary = { done: number; retried: number; dead: number; lost: number };

export type JobWorker = {
  /** Adds (or replaces) the handler for a kind. */
  register(kind: string, handler: JobHandler): void;
  /**
   * Runs every due job, then returns. Jobs are claimed in batches sized to about 100 ms of work
   * (fast jobs many at a time, a slow kind one by one); every job held is renewed while it waits
   * or runs, and the jobs that finished without a commit of their own are marked done together.
   */
  runDue(): Promise<JobRunSummary>;
  /** Deletes finished jobs past the retention; returns how many. */
  prune(): Promise<number>;
  /** Starts polling; jobs that fell due while the process was down run on the first poll. */
  start(): void;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
};

const describeError = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);

const PRUNE_EVERY_MS = 600_000;
/** A batch of claims holds about this much work: fast jobs are claimed many at a time, slow ones singly. */
const BATCH_WORK_MS = 100;
const MAX_BATCH = 32;

/**
 * A durable job worker over the `jobs` table. Several may run at once, in one process or many:
 * claims use `FOR UPDATE SKIP LOCKED`, so each due job runs once; a failed attempt is retried
 * after base · 2^(attempts−1) (capped) and dead-lettered (`state = 'dead'`) after `maxAttempts`;
 * a failure that is an outage (`isOutage`) is tried again every `outageRetryMs` uncounted, for up
 * to `outageLimitMs` from the job's creation.
 * Fast jobs are claimed in batches (one statement) and marked done together; the lease of every
 * job held — running or waiting its turn — is renewed, so a worker that dies loses them and they
 * run again, so what a job sends is written with `commit` (exactly once) and the rest of a
 * handler must be idempotent. Finished jobs are pruned after `retentionMs`.
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, clock, maxAttempts = 5, backoff, leaseMs = 30_000 } = options;
  const { pollMs = 1_000, retentionMs = 7 * 86_400_000, onError = () => {} } = options;
  const { onLeaseLost = () => {}, onSettled = () => {} } = options;
  const { isOutage = isUnavailableError, outageRetryMs = 30_000 } = options;
  const { outageLimitMs = 86_400_000 } = options;
  const handlers = new Map(Object.entries(options.handlers ?? {}));
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake = new AbortController();
  let prunedAt = 0;

  /** A claimed job this worker holds until it is settled: its lease is renewed meanwhile. */
  type Held = { job: Job; lost: AbortController; committed: boolean };

  async function runOne(held: Held): Promise<{ outcome: JobOutcome; committed: boolean }> {
    const { job, lost } = held;
    const limit = job.maxAttempts ?? maxAttempts;
    if (job.attempts > limit)
      return {
        outcome: { state: 'dead', error: 'lease expired on the last attempt' },
        committed: false,
      };
    const handler = handlers.get(job.kind);
    const commit = async <T>(work: (tx: Database) => Promise<T>): Promise<T> => {
      const result = await db.transaction(async (tx) => {
        const value = await work(tx);
        if (!(await settleJob(tx, job, { state: 'done' }, clock.now())))
          throw new LeaseLostError(job.id);
        return value;
      });
      held.committed = true;
      return result;
    };
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job, { now: clock.now(), commit, signal: lost.signal });
      return { outcome: { state: 'done' }, committed: held.committed };
    } catch (error) {
      if (error instanceof LeaseLostError || lost.signal.aborted) throw new LeaseLostError(job.id);
      onError(error, job);
      const message = describeError(error);
      const now = clock.now();
      if (isOutage(error) && now.getTime() - job.createdAt.getTime() < outageLimitMs)
        return {
          outcome: {
            state: 'pending',
            dueAt: new Date(now.getTime() + outageRetryMs),
            error: message,
            uncounted: true,
          },
          committed: held.committed,
        };
      if (job.attempts >= limit)
        return { outcome: { state: 'dead', error: message }, committed: held.committed };
      return {
        outcome: {
          state: 'pending',
          dueAt: new Date(clock.now().getTime() + retryDelayMs(job.attempts, backoff)),
          error: message,
        },
        committed: held.committed,
      };
    }
  }

  async function runDue(): Promise<JobRunSummary> {
    const summary: JobRunSummary = { done: 0, retried: 0, dead: 0, lost: 0 };
    const count = (job: Job, outcome: JobAttemptOutcome) => {
      summary[outcome] += 1;
      onSettled(job, outcome);
    };
    const lose = (job: Job) => {
      onLeaseLost(job);
      count(job, 'lost');
    };
    /** Claimed and not yet settled: waiting its turn, running, or done and not yet recorded. */
    const holding = new Map<string, Held>();
    let renewing = false;
    // Every job held is renewed every third of the lease; one found gone was taken over.
    const renewal = setInterval(
      () => {
        if (renewing || holding.size === 0) return;
        renewing = true;
        const held = [...holding.values()];
        renewJobLeases(
          db,
          held.map((h) => h.job),
          new Date(clock.now().getTime() + leaseMs),
        )
          .then((still) => {
            for (const h of held) if (!still.has(h.job.id) && !h.committed) h.lost.abort();
          })
          .catch(() => undefined)
          .finally(() => {
            renewing = false;
          });
      },
      Math.max(50, leaseMs / 3),
    );
    let batchSize = 1;
    try {
      while (!stopping) {
        const batch = await claimDueJobs(db, {
          kinds: [...handlers.keys()],
          now: clock.now(),
          leaseMs,
          limit: batchSize,
        });
        if (batch.length === 0) break;
        for (const job of batch)
          holding.set(job.id, { job, lost: new AbortController(), committed: false });
        const started = performance.now();
        const done: Job[] = [];
        for (const job of batch) {
          const held = holding.get(job.id) as Held;
          if (held.lost.signal.aborted) {
            // Its lease ran out while it waited its turn: another worker has it.
            holding.delete(job.id);
            lose(job);
            continue;
          }
          let result: Awaited<ReturnType<typeof runOne>>;
          try {
            result = await runOne(held);
          } catch (error) {
            holding.delete(job.id);
            if (!(error instanceof LeaseLostError)) throw error;
            lose(job);
            continue;
          }
          const { outcome, committed } = result;
          if (committed) {
            holding.delete(job.id);
            count(job, 'done');
          } else if (outcome.state === 'done') {
            done.push(job);
          } else {
            const settled = await settleJob(db, job, outcome, clock.now());
            holding.delete(job.id);
            if (!settled) lose(job);
            else count(job, outcome.state === 'pending' ? 'retried' : outcome.state);
          }
        }
        const settled = await settleJobsDone(db, done, clock.now());
        for (const job of done) {
          holding.delete(job.id);
          if (settled.has(job.id)) count(job, 'done');
          else lose(job);
        }
        // The next batch holds about BATCH_WORK_MS of work at this pace.
        const perJobMs = (performance.now() - started) / batch.length;
        batchSize = Math.max(1, Math.min(MAX_BATCH, Math.floor(BATCH_WORK_MS / perJobMs)));
      }
    } finally {
      clearInterval(renewal);
    }
    return summary;
  }

  async function prune(): Promise<number> {
    const now = clock.now().getTime();
    return pruneJobs(db, {
      finishedBefore: new Date(now - retentionMs),
      deadBefore: new Date(now - 4 * retentionMs),
    });
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      try {
        await runDue();
        if (performance.now() - prunedAt > PRUNE_EVERY_MS) {
          prunedAt = performance.now();
          await prune();
        }
      } catch (error) {
        onError(error);
      }
      if (stopping) break;
      await sleep(pollMs, undefined, { signal: wake.signal }).catch(() => {});
    }
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    runDue,
    prune,
    start() {
      if (loop) return;
      stopping = false;
      wake = new AbortController();
      loop = poll();
    },
    async stop() {
      stopping = true;
      wake.abort();
      await loop;
      loop = undefined;
      stopping = false;
    },
  };
}
