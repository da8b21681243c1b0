import type { JsonObject } from './events.ts';

/**
 * A durable job's life: `pending` until due and claimed, `running` while a worker holds its lease,
 * then `done`; back to `pending` with a later due time after a failure; `dead` after the last
 * attempt fails; `cancelled` when withdrawn before it ran.
 */
export type JobState = 'pending' | 'running' | 'done' | 'dead' | 'cancelled';

/** A job to schedule, such as the 2-hour check-back or the 30-minute staff contact alert. */
export type NewJob = {
  /** Selects the handler, e.g. `check-back`. */
  kind: string;
  dueAt: Date;
  payload: JsonObject;
  /**
   * Idempotency key, unique across all jobs ever scheduled (e.g. `check-back:<conversation id>`):
   * scheduling the same key again returns the existing job; cancelling uses it.
   */
  key?: string;
  /** Attempts before the job is dead-lettered; the worker's default when absent. */
  maxAttempts?: number;
};

export type Job = {
  id: string;
  kind: string;
  key: string | null;
  dueAt: Date;
  payload: JsonObject;
  state: JobState;
  /** Attempts started so far, this one included while running. */
  attempts: number;
  maxAttempts: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
};
