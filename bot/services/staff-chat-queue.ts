import { setTimeout as sleep } from 'node:timers/promises';
import { GrammyError, HttpError } from 'grammy';

export type StaffChatQueueOptions = {
  /**
   * Sends a minute at most, with bursts up to the same number (Telegram allows a bot about 20
   * messages a minute in one group; the whole staff forum is one group). Default 20.
   */
  perMinute?: number;
  /**
   * Takes one send from a shared budget (the store's bucket for the group, which the outbox
   * sender takes from too): granted, or how long to wait for it. Without it (or while it throws)
   * the queue keeps its own bucket.
   */
  takeToken?: () => Promise<{ granted: number; waitMs: number }>;
  /** First wait after a network or server error; doubled on each retry, capped at a minute. */
  retryBaseMs?: number;
  /**
   * Tries of one task before it is given up (429s, network and server errors all count). Default 6:
   * with the default waits, about half a minute of trying.
   */
  maxAttempts?: number;
  /** Told about each retry (error code and wait only). */
  onRetry?: (error: unknown, waitMs: number) => void;
  /** Told about each task given up after `maxAttempts` (its last error). */
  onGiveUp?: (error: unknown) => void;
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
};

export type StaffChatQueue = {
  /**
   * Runs `task` after every task queued before it, within the send budget. A 429 answer pauses the
   * whole queue for its `retry_after` and runs the task again; network and server errors are
   * retried with backoff; after `maxAttempts` tries the task is rejected with
   * {@link StaffChatGaveUpError} (and `onGiveUp` told). Any other error (a 400, a 403) rejects the
   * task at once.
   */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running. */
  readonly size: number;
  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void>;
};

/** A staff chat task failed on every one of its bounded tries: its last error is the cause. */
export class StaffChatGaveUpError extends Error {
  constructor(
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(`staff chat: given up after ${attempts} attempts`, options);
    this.name = 'StaffChatGaveUpError';
  }
}

/** `retry_after` in milliseconds for a 429, else `undefined`. */
function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof GrammyError) || error.error_code !== 429) return undefined;
  return (error.parameters.retry_after ?? 1) * 1000;
}

const isTransient = (error: unknown) =>
  error instanceof HttpError || (error instanceof GrammyError && error.error_code >= 500);

/**
 * The staff group's queue for the calls that are not outbox messages (topics, pins, copies,
 * deletes): one per staff chat, strictly in order, paced by the group's send budget (shared with
 * the outbox sender), and patient with Telegram within bounds: 429 and transient failures are
 * waited out up to `maxAttempts` tries, then handed back to the caller as
 * {@link StaffChatGaveUpError} — never retried without end.
 */
export function createStaffChatQueue(options: StaffChatQueueOptions = {}): StaffChatQueue {
  const { perMinute = 20, retryBaseMs = 1_000, maxAttempts = 6, onRetry = () => {} } = options;
  const { takeToken: takeShared, onGiveUp = () => {} } = options;
  const { wait = (ms: number) => sleep(ms), now = Date.now } = options;
  const refillPerMs = perMinute / 60_000;
  let tokens = perMinute;
  let refilledAt = now();
  let pausedUntil = 0;
  let tail: Promise<unknown> = Promise.resolve();
  let size = 0;

  /** From the shared budget: `0` once taken, else the wait; `undefined` when it cannot answer. */
  async function fromShared(): Promise<number | undefined> {
    if (!takeShared) return undefined;
    try {
      const { granted, waitMs } = await takeShared();
      return granted >= 1 ? 0 : Math.max(1, waitMs);
    } catch {
      return undefined;
    }
  }

  async function takeToken(): Promise<void> {
    for (;;) {
      if (pausedUntil > now()) {
        await wait(pausedUntil - now());
        continue;
      }
      const shared = await fromShared();
      if (shared === 0) return;
      if (shared !== undefined) {
        await wait(shared);
        continue;
      }
      const at = now();
      tokens = Math.min(perMinute, tokens + (at - refilledAt) * refillPerMs);
      refilledAt = at;
      const blockedFor = Math.max(pausedUntil - at, tokens >= 1 ? 0 : (1 - tokens) / refillPerMs);
      if (blockedFor <= 0) {
        tokens -= 1;
        return;
      }
      await wait(Math.ceil(blockedFor));
    }
  }

  async function attempt<T>(task: () => Promise<T>): Promise<T> {
    let backoff = retryBaseMs;
    for (let attempts = 1; ; attempts += 1) {
      await takeToken();
      try {
        return await task();
      } catch (error) {
        const after = retryAfterMs(error);
        if (attempts >= maxAttempts && (after !== undefined || isTransient(error))) {
          onGiveUp(error);
          throw new StaffChatGaveUpError(attempts, { cause: error });
        }
        if (after !== undefined) {
          pausedUntil = now() + after;
          onRetry(error, after);
          continue;
        }
        if (!isTransient(error)) throw error;
        onRetry(error, backoff);
        await wait(backoff);
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  }

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      size += 1;
      const result = tail.then(() => attempt(task));
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result.finally(() => {
        size -= 1;
      });
    },
    get size() {
      return size;
    },
    async idle() {
      while (size > 0) await tail;
    },
  };
}
