import { BotError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { Clock, ShortLivedStore } from '../../core/index.ts';
import {
  createInbox,
  type Database,
  type InboxUpdate,
  isUnavailableError,
  retryDelayMs,
  StaleStateError,
} from '../../db/index.ts';
import { toLoggableError } from '../loggable-error.ts';
import { createWorkLoop } from './work-loop.ts';

/** The update was handled already (another worker committed it first): nothing to do. */
export class AlreadyHandledError extends Error {
  override name = 'AlreadyHandledError';
  constructor(readonly updateId: number) {
    super(`update ${updateId} was handled already`);
  }
}

/**
 * The update is to be handled later, not now (its customer is over the rate limit): it is kept
 * in the inbox, first in its chat's line, until `delayMs` from now; no attempt is counted.
 */
export class DeferredUpdateError extends Error {
  override name = 'DeferredUpdateError';
  constructor(readonly delayMs: number) {
    super(`update deferred for ${delayMs} ms`);
  }
}

export type InboxWorkerOptions = {
  db: Database;
  store: ShortLivedStore;
  clock: Clock;
  log: Pick<Logger, 'warn' | 'error' | 'info'>;
  /**
   * Handles one update (the bot's middleware). A turn marks its update handled in the
   * transaction that commits it; throwing leaves the update in the inbox for another attempt.
   */
  handle(update: Update): Promise<void>;
  /**
   * A chat's update waits: `outage` when a service is down (the update is kept and handled when it
   * is back), `failed` on its first failed attempt otherwise (it is tried again a few times, then
   * given up with `onDead`). Tell the customer accordingly.
   */
  onDelayed(chatId: number, update: InboxUpdate, reason: 'outage' | 'failed'): Promise<void>;
  /** The update failed its last attempt and is dead-lettered: tell the customer. */
  onDead(chatId: number, update: InboxUpdate): Promise<void>;
  /**
   * Whether the update's turn marked it handled in its own transaction, which committed (then the
   * worker does not mark it again). Default: never known, always marked here.
   */
  markedByTurn?(updateId: number): boolean;
  /** A turn committed: the outbox has something to send. */
  onCommitted?(): void;
  /** Chats handled at once by this worker. Default 8. */
  concurrency?: number;
  /** The chat lock's time to live; renewed every third of it while the chat is worked on. Default 15 s. */
  lockTtlMs?: number;
  /** Attempts at an update (when the failure is not an outage) before it is dead-lettered. Default 5. */
  maxAttempts?: number;
  backoff?: { baseMs?: number; capMs?: number };
  /** Idle poll interval (updates other instances took in). Default 200 ms. */
  pollMs?: number;
  /** Handled updates are deleted after this (Telegram's redelivery window). Default 24 h. */
  retentionMs?: number;
};

const PRUNE_EVERY_MS = 600_000;
/** During an outage a chat's update is tried again at least this often, to reconnect quickly. */
const OUTAGE_RETRY_CAP_MS = 10_000;
/** A chat hears "your message is kept" at most once in this long. */
const TELL_AGAIN_AFTER_MS = 600_000;

/** Unwraps grammY's BotError (`handleUpdate` wraps what the middleware threw). */
function unwrap(error: unknown): unknown {
  return error instanceof BotError ? error.error : error;
}

/**
 * The inbox worker: handles each chat's pending updates in update-id order, one chat at a time
 * across every instance (the chat lock: Redis when configured, in-process otherwise; the
 * state's version is the fence should a lock be lost). A failed update stays in the inbox: an
 * outage (database or Redis down) is retried without counting an attempt, anything else up to
 * `maxAttempts` times with backoff, then dead-lettered. The chat's later updates wait behind it.
 */
export function createInboxWorker(options: InboxWorkerOptions) {
  const { db, store, clock, log, handle, onDelayed, onDead } = options;
  const { concurrency = 8, lockTtlMs = 15_000, maxAttempts = 5, pollMs = 200 } = options;
  const { backoff = { baseMs: 1_000, capMs: 60_000 }, retentionMs = 86_400_000 } = options;
  const inbox = createInbox(db);
  /** Chats waiting out an outage here (no attempt is recorded: the database may be down). */
  const cooling = new Map<number, { until: number; failures: number }>();
  const busy = new Set<number>();
  /** Chats with an update taken in by this process since their run last read the inbox. */
  const arrived = new Set<number>();
  /**
   * Updates this process took in that were their chat's only pending update then: the chat's
   * next run starts with it instead of reading the inbox for it (one statement less a message).
   */
  const heads = new Map<number, InboxUpdate>();
  /** When each chat was last told its message is kept (at most once per window). */
  const told = new Map<number, number>();
  let prunedAt = performance.now();

  async function handleOne(update: InboxUpdate): Promise<'next' | 'skipped' | 'stop'> {
    try {
      await handle(update.payload as unknown as Update);
      // Updates that committed nothing of their own (ignored ones, or a turn that found its
      // update handled or overtaken) are marked handled here; one not marked (handled elsewhere,
      // or an earlier update of the chat pending) sends the run to the inbox's head.
      if (
        !options.markedByTurn?.(update.updateId) &&
        !(await inbox.markHandled(update.updateId, clock.now()))
      )
        return 'skipped';
      options.onCommitted?.();
      cooling.delete(update.chatId);
      return 'next';
    } catch (raw) {
      const error = unwrap(raw);
      // Handled elsewhere already, or not the chat's oldest pending update any more (an earlier
      // one, taken in by another instance, committed after this one was taken in as the head).
      if (error instanceof AlreadyHandledError) {
        return 'skipped';
      }
      if (error instanceof DeferredUpdateError) {
        await inbox.defer(update.updateId, new Date(clock.now().getTime() + error.delayMs));
        return 'stop';
      }
      // Another instance committed this chat's state first: run again on the new state.
      if (error instanceof StaleStateError) return 'next';
      if (isUnavailableError(error)) {
        await delay(update, error);
        return 'stop';
      }
      {
        const attempts = update.attempts + 1;
        const dead = attempts >= maxAttempts;
        log.error(
          { error: toLoggableError(error), update: update.updateId, attempts },
          dead ? 'update failed its last attempt: dead-lettered' : 'update failed: will try again',
        );
        await inbox.recordFailure(
          update.updateId,
          dead
            ? { dead: true }
            : { retryAt: new Date(clock.now().getTime() + retryDelayMs(attempts, backoff)) },
          toLoggableError(error).message ?? String(error),
          clock.now(),
        );
        if (dead) {
          // The customer was told it is being tried again: a notice that cannot be written is
          // logged, not dropped unseen.
          await onDead(update.chatId, update).catch((failure: unknown) =>
            log.error(
              { error: toLoggableError(failure), update: update.updateId },
              'the given-up notice to the customer could not be written',
            ),
          );
          options.onCommitted?.();
          return 'next';
        }
      }
      if (update.attempts === 0) await tell(update, 'failed');
      return 'stop';
    }
  }

  /** Tells the customer the update is kept and will be handled (once per window per chat). */
  async function tell(update: InboxUpdate, reason: 'outage' | 'failed'): Promise<void> {
    const last = told.get(update.chatId);
    if (last !== undefined && Date.now() - last < TELL_AGAIN_AFTER_MS) return;
    told.set(update.chatId, Date.now());
    if (told.size > 10_000) told.clear();
    await onDelayed(update.chatId, update, reason).catch(() => undefined);
    options.onCommitted?.();
  }

  /**
   * An outage (database or Redis down): the chat waits, with backoff kept here rather than in the
   * database (which may be the thing that is down), and no attempt is counted.
   */
  async function delay(update: InboxUpdate, error: unknown): Promise<void> {
    const failures = (cooling.get(update.chatId)?.failures ?? 0) + 1;
    const wait = retryDelayMs(failures, { baseMs: 500, capMs: OUTAGE_RETRY_CAP_MS });
    cooling.set(update.chatId, { until: Date.now() + wait, failures });
    log.warn(
      { error: toLoggableError(error), chat: update.chatId },
      'update delayed: a service is unavailable; kept for another attempt',
    );
    await tell(update, 'outage');
  }

  /** Works through one chat's due updates under its lock; returns how many it handled. */
  async function runChat(chatId: number): Promise<number> {
    let lease: Awaited<ReturnType<ShortLivedStore['tryLock']>>;
    try {
      lease = await store.tryLock(`chat:${chatId}`, lockTtlMs);
    } catch (error) {
      // Redis is down: the update waits, and the customer hears that it is kept.
      const head = await inbox.head(chatId, clock.now());
      if (head) await delay(head, error);
      return 0;
    }
    // The holder of the lock reads the inbox itself: a head taken in here is not kept for later.
    const known = heads.get(chatId);
    heads.delete(chatId);
    if (!lease) return 0;
    let lost = false;
    const renewal = setInterval(() => {
      lease
        ?.renew()
        .then((held) => {
          lost ||= !held;
        })
        .catch(() => undefined);
    }, lockTtlMs / 3);
    let handled = 0;
    // The first update is the head taken in here when there is one (it was the chat's only
    // pending update, and new: due now). Had another instance handled it meanwhile, or taken in
    // an earlier update of the chat since, its turn commits nothing (markUpdateHandled) and the
    // run reads the inbox's head instead, so nothing is handled twice or out of order.
    let first = known;
    try {
      while (!loop.stopping && !lost) {
        arrived.delete(chatId);
        const { update, more } = first
          ? { update: first, more: false }
          : await inbox.headAndMore(chatId, clock.now());
        first = undefined;
        if (!update) break;
        if (heads.get(chatId)?.updateId === update.updateId) heads.delete(chatId);
        const outcome = await handleOne(update);
        if (outcome === 'stop') break;
        if (outcome === 'skipped') continue;
        handled += 1;
        // Nothing was behind it, and nothing came in here since: the chat is done (an update
        // another instance takes in meanwhile is found by that instance's poll).
        if (!more && !arrived.has(chatId)) break;
      }
    } finally {
      clearInterval(renewal);
      await lease.release().catch(() => undefined);
    }
    return handled;
  }

  /** Chats found due and not yet taken by a lane; refilled from the inbox when it runs dry. */
  let queue: number[] = [];
  let refill: Promise<void> | undefined;

  /** The next chat a lane should work on, or `undefined` when nothing is due. */
  async function nextChat(): Promise<number | undefined> {
    for (;;) {
      const now = Date.now();
      const chatId = queue.shift();
      if (chatId !== undefined) {
        if (busy.has(chatId) || (cooling.get(chatId)?.until ?? 0) > now) continue;
        return chatId;
      }
      refill ??= (async () => {
        if (cooling.size > 10_000) cooling.clear();
        const due = await inbox.dueChats(clock.now(), concurrency * 4);
        queue = due.filter((id) => !busy.has(id) && (cooling.get(id)?.until ?? 0) <= Date.now());
      })().finally(() => {
        refill = undefined;
      });
      await refill;
      if (queue.length === 0) return undefined;
    }
  }

  /**
   * Handles what is due in every chat, `concurrency` chats at a time — each lane takes the next
   * due chat as soon as it is free (no lane waits for the others) — until nothing is due;
   * returns how many updates it handled.
   */
  async function runOnce(): Promise<number> {
    let handled = 0;
    const lane = async () => {
      for (let chatId = await nextChat(); chatId !== undefined; chatId = await nextChat()) {
        busy.add(chatId);
        try {
          handled += await runChat(chatId);
        } finally {
          busy.delete(chatId);
        }
        if (loop.stopping) return;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return handled;
  }

  const loop = createWorkLoop(
    async () => {
      const handled = await runOnce();
      if (performance.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = performance.now();
        await inbox.prune(new Date(clock.now().getTime() - retentionMs));
      }
      return handled;
    },
    {
      pollMs,
      onError: (error) =>
        log.warn(
          { error: toLoggableError(error) },
          'inbox: reading pending updates failed; trying again',
        ),
    },
  );

  return {
    inbox,
    runOnce,
    /** Handles one chat's due updates now, in order, under its lock (`0` when another has it). */
    runChat,
    /** Handles every due update until none is left (a test's or the console's "and now wait"). */
    async drain(): Promise<void> {
      while ((await runOnce()) > 0) {}
    },
    wake: () => loop.wake(),
    /**
     * Updates for these chats were just taken in (by this process): a run in hand for one of them
     * reads the inbox again before it lets the chat go.
     */
    arrivedFor(chatIds: number[]): void {
      if (arrived.size > 10_000) arrived.clear();
      for (const chatId of chatIds) {
        arrived.add(chatId);
        // A head taken in earlier is its chat's only pending update no longer (or was handled
        // elsewhere meanwhile): the run reads the inbox. `headTakenIn` follows for a new one alone.
        heads.delete(chatId);
      }
    },
    /**
     * An update just taken in (by this process) that was its chat's only pending update: the
     * chat's next run here handles it without reading the inbox for it.
     */
    headTakenIn(update: InboxUpdate): void {
      if (heads.size > 10_000) heads.clear();
      heads.set(update.chatId, update);
    },
    start: () => loop.start(),
    /** Stops taking updates and waits for the turns in hand. */
    stop: () => loop.stop(),
  };
}

export type InboxWorker = ReturnType<typeof createInboxWorker>;
