import { setTimeout as sleep } from 'node:timers/promises';
import { GrammyError } from 'grammy';
import { retryDelayMs } from '../../db/index.ts';
import { isOutage } from './outbox-sender.ts';

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
  /**
   * The first pause after a Telegram outage (no answer, a network error, a 5xx): doubled on each
   * failed probe, capped at 30×. Default 1 s.
   */
  outagePauseMs?: number;
  /**
   * A harmless call (`getMe`) that tells whether Telegram answers: made before the first task
   * after an outage's pause, so that a call Telegram cannot make twice safely (a topic's creation)
   * is never what finds out. Without it the task itself is tried.
   */
  probe?: () => Promise<unknown>;
  /**
   * Whether Telegram is known to be down elsewhere (the outbox sender's outage): the next task is
   * then preceded by the probe too, though this queue has not met the outage itself.
   */
  telegramDown?: () => boolean;
  /**
   * Tries of one task before it is given up when Telegram asks to wait (429). Default 6.
   */
  maxAttempts?: number;
  /** Told about each retry (error code and wait only). */
  onRetry?: (error: unknown, waitMs: number) => void;
  /** Told when an outage is met (the error) and when Telegram answers again (`undefined`). */
  onOutage?: (error: unknown) => void;
  /** Told about each task given up after `maxAttempts` (its last error). */
  onGiveUp?: (error: unknown) => void;
  wait?: (ms: number) => Promise<void>;
  now?: () => number;
};

export type StaffChatQueue = {
  /**
   * Runs `task` after every task queued before it, within the send budget. A 429 answer pauses the
   * whole queue for its `retry_after` and runs the task again; after `maxAttempts` tries the task
   * is rejected with {@link StaffChatGaveUpError} (and `onGiveUp` told). A Telegram outage (no
   * answer, a network error, a 5xx) rejects the task at once with that error, and every task after
   * it with {@link StaffChatDownError} without a call until the outage's pause has passed: the
   * caller (a job) tries again later rather than hold its place. Any other error (a 400, a 403)
   * rejects the task at once.
   */
  run<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Telegram answered a call made elsewhere (the outbox's): an outage this queue met is over, and
   * the next task goes without waiting out the pause or asking the probe.
   */
  answered(): void;
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

/**
 * Telegram is down (this queue met the outage, or its probe did): the task was not tried. The cause
 * is the outage's last error, so a job's outage test ({@link isJobOutage}) sees an outage.
 */
export class StaffChatDownError extends Error {
  constructor(options: { cause: unknown }) {
    super('staff chat: Telegram is not answering; not tried', options);
    this.name = 'StaffChatDownError';
  }
}

/** `retry_after` in milliseconds for a 429, else `undefined`. */
function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof GrammyError) || error.error_code !== 429) return undefined;
  return (error.parameters.retry_after ?? 1) * 1000;
}

/**
 * The staff group's queue for the calls that are not outbox messages (topics, pins, copies,
 * deletes): one per staff chat, strictly in order, paced by the group's send budget (shared with
 * the outbox sender). A 429 is waited out up to `maxAttempts` tries, then handed back to the caller
 * as {@link StaffChatGaveUpError} — never retried without end. A Telegram outage is not waited
 * out here at all: the task meeting it fails with it, and the queue stays down — every task fails
 * at once, untried — for a pause (1 s doubling to 30 s, as the outbox sender's), after which the
 * probe (or the next task) finds out whether Telegram answers again. So no caller holds its place
 * (and the queue's) for longer than one call's timeout.
 */
export function createStaffChatQueue(options: StaffChatQueueOptions = {}): StaffChatQueue {
  const { perMinute = 20, outagePauseMs = 1_000, maxAttempts = 6, onRetry = () => {} } = options;
  const { takeToken: takeShared, onGiveUp = () => {}, onOutage = () => {}, probe } = options;
  const { telegramDown = () => false } = options;
  const { wait = (ms: number) => sleep(ms), now = Date.now } = options;
  const refillPerMs = perMinute / 60_000;
  let tokens = perMinute;
  let refilledAt = now();
  let pausedUntil = 0;
  let tail: Promise<unknown> = Promise.resolve();
  let size = 0;
  /** Telegram not answering: the last outage error, the probes that failed, and the pause's end. */
  let down: { cause: unknown; probes: number; until: number } | undefined;

  const outagePause = { baseMs: outagePauseMs, capMs: outagePauseMs * 30 };

  /** An outage met: the queue stays down for a pause that doubles with each failed probe. */
  function wentDown(error: unknown): void {
    const probes = (down?.probes ?? 0) + 1;
    if (!down) onOutage(error);
    down = { cause: error, probes, until: now() + retryDelayMs(probes, outagePause) };
  }

  /** Telegram answered: the outage, if any, is over. */
  function answered(): void {
    if (!down) return;
    down = undefined;
    onOutage(undefined);
  }

  /**
   * Before a task while Telegram is (or may be) down: rejects at once during the pause; after it
   * (or when only the outbox sender knows of the outage), asks the probe first.
   */
  async function checkUp(): Promise<void> {
    if (down && now() < down.until) throw new StaffChatDownError({ cause: down.cause });
    if (!probe || !(down || telegramDown())) return;
    try {
      await probe();
    } catch (error) {
      if (isOutage(error)) {
        wentDown(error);
        throw new StaffChatDownError({ cause: error });
      }
    }
    // Answered (even a refusal is an answer): the task is tried.
    answered();
  }

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
    await checkUp();
    for (let attempts = 1; ; attempts += 1) {
      await takeToken();
      try {
        const result = await task();
        answered();
        return result;
      } catch (error) {
        if (isOutage(error)) {
          wentDown(error);
          throw error;
        }
        // Telegram answered (a 429, a refusal): it is up.
        answered();
        const after = retryAfterMs(error);
        if (after === undefined) throw error;
        if (attempts >= maxAttempts) {
          onGiveUp(error);
          throw new StaffChatGaveUpError(attempts, { cause: error });
        }
        pausedUntil = now() + after;
        onRetry(error, after);
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
    answered,
    get size() {
      return size;
    },
    async idle() {
      while (size > 0) await tail;
    },
  };
}
