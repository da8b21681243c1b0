import { setTimeout as sleep } from 'node:timers/promises';
import { GrammyError, HttpError } from 'grammy';

export type StaffChatQueueOptions = {
  /**
   * Sends a minute at most, with bursts up to the same number (Telegram allows a bot about 20
   * messages a minute in one group; the whole staff forum is one group). Default 20.
   */
  perMinute?: number;
  /** First wait after a network or server error; doubled on each retry, capped at a minute. */
  retryBaseMs?: number;
  /** Told about each retry (error code and wait only). */
  onRetry?: (error: unknown, waitMs: number) => void;
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
};

export type StaffChatQueue = {
  /**
   * Runs `task` after every task queued before it, within the send budget. A 429 answer pauses the
   * whole queue for its `retry_after` and runs the task again; network and server errors are
   * retried with backoff; nothing is dropped. Any other error (a 400, a 403) rejects the task.
   */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running. */
  readonly size: number;
  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void>;
};

/** `retry_after` in milliseconds for a 429, else `undefined`. */
function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof GrammyError) || error.error_code !== 429) return undefined;
  return (error.parameters.retry_after ?? 1) * 1000;
}

const isTransient = (error: unknown) =>
  error instanceof HttpError || (error instanceof GrammyError && error.error_code >= 500);

/**
 * The staff group's delivery queue: one per staff chat, strictly in order, paced by a token bucket
 * to the group's send budget, and patient with Telegram (429 and transient failures are waited
 * out, never turned into a lost message). It knows nothing of tickets: callers hand it tasks, so
 * it can later sit behind a durable outbox unchanged.
 */
export function createStaffChatQueue(options: StaffChatQueueOptions = {}): StaffChatQueue {
  const { perMinute = 20, retryBaseMs = 1_000, onRetry = () => {} } = options;
  const { wait = (ms: number) => sleep(ms), now = Date.now } = options;
  const refillPerMs = perMinute / 60_000;
  let tokens = perMinute;
  let refilledAt = now();
  let pausedUntil = 0;
  let tail: Promise<unknown> = Promise.resolve();
  let size = 0;

  async function takeToken(): Promise<void> {
    for (;;) {
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
    for (;;) {
      await takeToken();
      try {
        return await task();
      } catch (error) {
        const after = retryAfterMs(error);
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
