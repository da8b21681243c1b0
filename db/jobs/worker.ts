import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock, Job } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { type BackoffOptions, retryDelayMs } from './backoff.ts';
import { claimDueJob, type JobOutcome, settleJob } from './claim.ts';

/** Runs one job. Throwing schedules a retry (or dead-letters the job after its last attempt). */
export type JobHandler = (job: Job, context: { now: Date }) => Promise<void>;

export type JobWorkerOptions = {
  db: Database;
  clock: Clock;
  /** Handlers by job kind; a worker claims only kinds it has a handler for. */
  handlers?: Record<string, JobHandler>;
  /** Attempts before a job is dead-lettered, unless the job says otherwise. Default 5. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /**
   * How long a claim lasts before another worker may take the job over; a handler must finish
   * within it. Default 5 min.
   */
  leaseMs?: number;
  /** Pause between polls when nothing is due. Default 1 s. */
  pollMs?: number;
  /** Told about failures, with the job's id and kind only (payloads may hold personal data). */
  onError?: (error: unknown, job?: Pick<Job, 'id' | 'kind' | 'attempts'>) => void;
  /** Told how each claimed attempt ended (for the metrics): `lost` when its lease ran out. */
  onSettled?: (job: Pick<Job, 'id' | 'kind' | 'attempts'>, outcome: JobAttemptOutcome) => void;
};

export type JobAttemptOutcome = 'done' | 'retried' | 'dead' | 'lost';

export type JobRunSummary = { done: number; retried: number; dead: number; lost: number };

export type JobWorker = {
  /** Adds (or replaces) the handler for a kind. */
  register(kind: string, handler: JobHandler): void;
  /**
   * Runs every due job, one claim at a time, then returns. Each claim, handler call and outcome
   * reads the clock afresh, so a lease starts when its job does.
   */
  runDue(): Promise<JobRunSummary>;
  /** Starts polling; jobs that fell due while the process was down run on the first poll. */
  start(): void;
  /** Stops polling and waits for the job in hand to finish. */
  stop(): Promise<void>;
};

const describeError = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);

/**
 * A durable job worker over the `jobs` table. Several may run at once, in one process or many:
 * claims use `FOR UPDATE SKIP LOCKED`, so each due job runs once; a failed attempt is retried
 * after base · 2^(attempts−1) (capped) and dead-lettered (`state = 'dead'`) after `maxAttempts`.
 * A worker that dies mid-job loses its lease, and the job runs again: handlers must be idempotent.
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { db, clock, maxAttempts = 5, backoff, leaseMs = 300_000 } = options;
  const { pollMs = 1_000, onError = () => {}, onSettled = () => {} } = options;
  const handlers = new Map(Object.entries(options.handlers ?? {}));
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake = new AbortController();

  async function runOne(job: Job): Promise<JobOutcome> {
    const limit = job.maxAttempts ?? maxAttempts;
    if (job.attempts > limit) return { state: 'dead', error: 'lease expired on the last attempt' };
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job, { now: clock.now() });
      return { state: 'done' };
    } catch (error) {
      onError(error, job);
      const message = describeError(error);
      if (job.attempts >= limit) return { state: 'dead', error: message };
      return {
        state: 'pending',
        dueAt: new Date(clock.now().getTime() + retryDelayMs(job.attempts, backoff)),
        error: message,
      };
    }
  }

  async function runDue(): Promise<JobRunSummary> {
    const summary: JobRunSummary = { done: 0, retried: 0, dead: 0, lost: 0 };
    while (!stopping) {
      const job = await claimDueJob(db, { kinds: [...handlers.keys()], now: clock.now(), leaseMs });
      if (!job) break;
      const outcome = await runOne(job);
      const settled = await settleJob(db, job, outcome, clock.now());
      const attempt: JobAttemptOutcome = !settled
        ? 'lost'
        : outcome.state === 'pending'
          ? 'retried'
          : outcome.state;
      summary[attempt] += 1;
      onSettled(job, attempt);
    }
    return summary;
  }

  async function poll(): Promise<void> {
    while (!stopping) {
      try {
        await runDue();
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
