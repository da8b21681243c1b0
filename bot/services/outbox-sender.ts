import { setTimeout as sleep } from 'node:timers/promises';
import { type Api, GrammyError, HttpError } from 'grammy';
import type { Logger } from 'pino';
import type { Clock, JsonObject, ShortLivedStore } from '../../core/index.ts';
import {
  type Alternative,
  COPY_OF,
  copyTargetOf,
  createMemoryStore,
  createOutboxStore,
  type Database,
  DEPENDING_ON,
  type DeliveredCopies,
  INSTEAD_OF,
  isErasureKey,
  MESSAGE_OF,
  type OutboxMessage,
  retryDelayMs,
} from '../../db/index.ts';
import { createWorkLoop } from './work-loop.ts';

/** Bot API methods that create a message: what Telegram's send budget counts and paid broadcast covers. */
export const SEND_METHODS = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendMediaGroup',
  'copyMessage',
  'copyMessages',
  'forwardMessage',
  'forwardMessages',
]);

export type PaidBroadcastOptions = {
  /** `TELEGRAM_PAID_BROADCAST`: pass `allow_paid_broadcast` when the queue is long. */
  enabled: boolean;
  /** Queue length (messages waiting) above which paid sends are used. */
  threshold: number;
  /** The budget while paying: Telegram allows up to 1,000 messages a second. */
  perSecond: number;
};

/**
 * What a refused message is sent as instead (a staff topic was deleted or closed: a new topic, or
 * the same one reopened); `'superseded'` when the way round made the message needless (a lost
 * topic's card: the new topic has its own), settled unsent; `undefined` when there is no way round
 * the refusal.
 */
export type OutboxRecovery = { method: string; payload: JsonObject } | 'superseded' | undefined;

export type OutboxSenderOptions = {
  db: Database;
  /** The Bot API as the outbox calls it: no retry or throttling of its own (the outbox does both). */
  api: Api;
  /** The send budget lives here (Redis: shared by every instance). */
  store: ShortLivedStore;
  /** Time for the rows (due times, leases); pacing uses real time. */
  clock: Clock;
  log: Pick<Logger, 'warn' | 'info' | 'error'>;
  /**
   * A customer blocked the bot (403 in a private chat): record it. `message` is the one refused
   * (its key may name the ticket whose topic should hear of it).
   */
  onBlocked(chatId: number, message: OutboxMessage): Promise<void>;
  /**
   * A message Telegram refused (400) may have a way round: asked before the message is given up,
   * while attempts remain; what it returns is queued in the message's place (same key, same turn
   * in its chat's line).
   */
  recover?: (message: OutboxMessage, error: unknown) => Promise<OutboxRecovery>;
  /** Told of each message given up (dead-lettered), with the failure's code and description. */
  onDead?: (message: OutboxMessage, error: string) => void;
  /**
   * Told when Telegram stops answering (no answer, a network error, a 5xx) and the sender pauses,
   * and when an answer comes again (with how long it lasted and how many calls failed meanwhile).
   */
  onOutage?: (
    event: 'began' | 'ended',
    details: { error: string; ms: number; failedCalls: number },
  ) => void;
  /** Messages a minute into one group chat (Telegram: about 20; the staff forum is one group). */
  groupPerMinute?: number;
  /** Messages a second for the whole bot (Telegram: about 30). Default 30. */
  perSecond?: number;
  paidBroadcast?: PaidBroadcastOptions;
  /**
   * Attempts before a message is dead-lettered, counting only failures of its own (neither an
   * outage nor a 429 counts). Default 8.
   */
  maxAttempts?: number;
  /** How long a claim lasts; a sender that dies mid-send loses it. Default 60 s. */
  leaseMs?: number;
  /** Messages in flight at once (each chat has at most one). Default 16. */
  concurrency?: number;
  /** Idle poll interval (other instances' messages). Default 200 ms. */
  pollMs?: number;
  /** A customer whose reply has waited this long sees the typing action. Default 1 s. */
  typingAfterMs?: number;
  /** Retry delays after a failure of the message's own (not a refusal, not an outage). Default 1 s doubling to 60 s. */
  backoff?: { baseMs?: number; capMs?: number };
  /**
   * During an outage the sender pauses and then tries one message (a probe) before the others:
   * the pause starts at `baseMs` and doubles up to `capMs` while the probes fail. Default 1 s → 30 s.
   */
  outageProbe?: { baseMs?: number; capMs?: number };
  /**
   * An outage keeps a message waiting this long at most, from when it was written (by the rows'
   * clock); after that a failed try dead-letters it. Default 24 h.
   */
  outageLimitMs?: number;
  /**
   * Settled messages (sent, dead, cancelled; their text is gone) are deleted this long after they
   * settled: the queue's order and the first-reply window need only the last half hour. Default 24 h.
   */
  retentionMs?: number;
};

/** Groups share Telegram's stricter limit: 20 messages a minute per group. */
export const GROUP_PER_MINUTE = 20;

/**
 * The store key of a group's send budget: the outbox sender and the staff chat queue take from the
 * same bucket, so the staff group's 20 a minute holds whichever way a message goes.
 */
export const groupBudgetKey = (chatId: number) => `telegram:group:${chatId}`;
/** The typing indicator lasts about 5 s; it is repeated no more often than this per chat. */
const TYPING_REPEAT_MS = 4_500;
/** Typing actions a second at most (best effort, apart from the message budget). */
const TYPING_PER_SECOND = 10;
/** How often settled messages are pruned. */
const PRUNE_EVERY_MS = 600_000;

/**
 * Telegram is unreachable or down rather than refusing the message: no answer in time, a network
 * error, a server error (5xx). The message is not at fault: it waits, with the rest, for Telegram.
 */
export function isOutage(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && error.error_code >= 500;
}

/** Telegram is down or asks to wait (an outage, or a 429): no failure of the call itself. */
export const waitsForTelegram = (error: unknown): boolean =>
  isOutage(error) || (error instanceof GrammyError && error.error_code === 429);

/** A short, loggable description of a failure: code and Telegram's description, never the text. */
function describe(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
  if (error instanceof HttpError) return `network: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const isEdit = (method: string) => method === 'editMessageText' || method === 'editMessageCaption';

/** Bot API methods that delete: one finding its message or topic gone has done what it was for. */
const DELETIONS = new Set(['deleteMessage', 'deleteMessages', 'deleteForumTopic']);

/** The topic a send was aimed at is gone (deleted in the app), or never existed. */
export function isTopicLost(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message thread not found|TOPIC_DELETED|TOPIC_ID_INVALID/i.test(error.description)
  );
}

/** Telegram's answers for a message or topic that is not there (any more). */
const isGone = (error: GrammyError) =>
  isTopicLost(error) ||
  /message to (delete|edit) not found|MESSAGE_ID_INVALID/i.test(error.description);

/** A call made only if an earlier one was given up (see `INSTEAD_OF`): its own budget check waits. */
const standsIn = (message: OutboxMessage) => typeof message.payload[INSTEAD_OF] === 'string';

/**
 * The outbox sender: delivers what turns and jobs wrote to the outbox, after they committed.
 * Claims due messages (`FOR UPDATE SKIP LOCKED`, one in flight per chat, first replies first),
 * takes a token from the send budget for each, calls the Bot API once (bounded by the API's
 * request timeout), and settles the row: sent (with Telegram's message id), put back (an outage,
 * a 429), or dead-lettered with a log line (and `onDead`) on a refusal or after `maxAttempts`
 * failures of its own. An outage — no answer, a network error, a 5xx — pauses the whole sender
 * (a capped, doubling pause, then one message as a probe) and counts no attempt: a message is
 * given up for an outage only once it has waited `outageLimitMs` (24 h). A 429 pauses it for
 * its `retry_after`, likewise uncounted. A 403 in
 * a private chat records the customer as blocked and drops the chat's queued messages; an edit
 * Telegram refuses is sent as a new message (not an edit of a relayed copy or erasure's overwrite
 * of a card); a deletion finding its message gone is done; another refusal may be recovered
 * (`recover`: a lost staff topic). A group's messages also wait for the group's own budget.
 * Several senders may run, in one process or many.
 */
export function createOutboxSender(options: OutboxSenderOptions) {
  const { db, api, store, clock, log, onBlocked } = options;
  const { perSecond = 30, maxAttempts = 8, leaseMs = 60_000, concurrency = 16 } = options;
  const { recover, onDead, onOutage, groupPerMinute = GROUP_PER_MINUTE } = options;
  const { outageProbe = { baseMs: 1_000, capMs: 30_000 }, outageLimitMs = 86_400_000 } = options;
  const {
    pollMs = 200,
    typingAfterMs = 1_000,
    backoff = { baseMs: 1_000, capMs: 60_000 },
    retentionMs = 86_400_000,
  } = options;
  const paid = options.paidBroadcast;
  const outbox = createOutboxStore(db);
  // When Redis (the shared budget) is down, this instance keeps to the budget on its own, and
  // asks Redis again a few seconds later (not on every send).
  const localBudget = createMemoryStore();
  let sharedDownUntil = 0;
  const takeTokens: ShortLivedStore['takeTokens'] = async (key, want, rate, burst) => {
    if (Date.now() >= sharedDownUntil) {
      try {
        return await store.takeTokens(key, want, rate, burst);
      } catch {
        sharedDownUntil = Date.now() + 5_000;
      }
    }
    return localBudget.takeTokens(key, want, rate, burst);
  };
  const inFlight = new Set<Promise<void>>();
  /** Sends Telegram accepted whose recording failed (the database down): recorded first, later. */
  const unrecorded: (() => Promise<boolean>)[] = [];
  const typedAt = new Map<number, number>();
  let pausedUntil = 0;
  /** Telegram unreachable or down since `since` (real time): one probe at a time until it answers. */
  let outage: { since: number; probes: number; failedCalls: number } | undefined;
  /** Aborted by `stop()`: a pause ends at once. */
  let halt = new AbortController();
  let paying = false;
  let depthCheckedAt = 0;
  let prunedAt: number | undefined;

  /**
   * Deliveries waiting to be recorded: those finished while a recording statement is in flight go
   * together in the next one (under load, one statement records many sends).
   */
  let toRecord: {
    message: OutboxMessage;
    messageId: number | null;
    at: Date;
    copies: DeliveredCopies | undefined;
    done: (recorded: boolean) => void;
    failed: (error: unknown) => void;
  }[] = [];
  let recording = false;

  async function recordSends(): Promise<void> {
    recording = true;
    try {
      while (toRecord.length > 0) {
        const batch = toRecord;
        toRecord = [];
        try {
          const recorded = await outbox.markSentMany(batch);
          for (const sent of batch) sent.done(recorded.has(sent.message.id));
        } catch (error) {
          for (const sent of batch) sent.failed(error);
        }
      }
    } finally {
      recording = false;
    }
  }

  /** Records a delivery (as `markSent`), with the others that finish meanwhile. */
  function markSent(
    message: OutboxMessage,
    messageId: number | null,
    at: Date,
    copies?: DeliveredCopies,
  ): Promise<boolean> {
    return new Promise((done, failed) => {
      toRecord.push({ message, messageId, at, copies, done, failed });
      if (!recording) void recordSends();
    });
  }

  /** Deletes long-settled messages, at the first claim and every ten minutes after. */
  async function pruneSettled(): Promise<void> {
    const now = performance.now();
    if (prunedAt !== undefined && now - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now;
    await outbox.prune(new Date(clock.now().getTime() - retentionMs));
  }

  /** Samples the queue length (about once a second) and decides whether to pay for speed. */
  async function checkDepth(): Promise<void> {
    const now = performance.now();
    if (now - depthCheckedAt < 1_000) return;
    depthCheckedAt = now;
    const depth = await outbox.depth();
    const shouldPay = Boolean(paid?.enabled) && depth > (paid?.threshold ?? Infinity);
    if (shouldPay !== paying)
      log.info(
        `outbox: ${shouldPay ? 'paid broadcast on' : 'paid broadcast off'} (${depth} waiting)`,
      );
    paying = shouldPay;
  }

  /** Shows the typing action to customers whose reply waits behind the budget, first replies first. */
  async function showTyping(): Promise<void> {
    const now = Date.now();
    const since = new Date(clock.now().getTime() - typingAfterMs);
    const chats = await outbox.waitingChats(since, 50);
    for (const chatId of chats) {
      if (now - (typedAt.get(chatId) ?? 0) < TYPING_REPEAT_MS) continue;
      const { granted } = await takeTokens(
        'telegram:typing',
        1,
        TYPING_PER_SECOND,
        TYPING_PER_SECOND,
      );
      if (granted === 0) break;
      typedAt.set(chatId, now);
      void api.sendChatAction(chatId, 'typing').catch(() => undefined);
    }
    if (typedAt.size > 10_000) typedAt.clear();
  }

  /** An outage answer: the sender pauses (one pause per probe, doubling to the cap). */
  function outageSeen(description: string): void {
    const now = Date.now();
    if (!outage) {
      outage = { since: now, probes: 0, failedCalls: 0 };
      log.warn(
        { error: description },
        'Telegram unreachable: outbox paused, probing with one message; nothing is given up',
      );
      onOutage?.('began', { error: description, ms: 0, failedCalls: 0 });
    }
    outage.failedCalls += 1;
    // The calls in flight when it began fail too: only a failed probe lengthens the pause.
    if (now >= pausedUntil) {
      outage.probes += 1;
      pausedUntil = now + retryDelayMs(outage.probes, outageProbe);
    }
  }

  /** Telegram answered (a delivery, or a refusal): the outage, if any, is over. */
  function outageOver(): void {
    if (!outage) return;
    const details = { ms: Date.now() - outage.since, failedCalls: outage.failedCalls };
    outage = undefined;
    pausedUntil = 0;
    log.info(details, 'Telegram reachable again: outbox resumed');
    onOutage?.('ended', { error: '', ...details });
  }

  async function settleFailure(message: OutboxMessage, error: unknown): Promise<void> {
    const now = clock.now();
    const code = error instanceof GrammyError ? error.error_code : 0;
    const description = describe(error);
    // Not the message's failure (Telegram down, or asking to wait): it waits, with no attempt
    // counted, up to the outage limit.
    const waiting = waitsForTelegram(error);
    const waited = now.getTime() - message.createdAt.getTime();
    if (waiting) {
      let waitMs = 0;
      if (error instanceof GrammyError && code === 429) {
        outageOver();
        waitMs = (error.parameters.retry_after ?? 1) * 1_000;
        pausedUntil = Math.max(pausedUntil, Date.now() + waitMs);
      } else outageSeen(description);
      if (waited < outageLimitMs) {
        await outbox.putBack(message, new Date(now.getTime() + waitMs), description);
        return;
      }
    } else if (error instanceof GrammyError) outageOver();
    if (recover && code === 400 && message.attempts < maxAttempts) {
      const instead = await recover(message, error);
      if (instead === 'superseded') {
        await outbox.markSent(message, null, now);
        return;
      }
      if (instead) {
        await outbox.replaceWith(message, instead.method, instead.payload);
        return;
      }
    }
    if (waiting) {
      // It has waited out the outage limit: given up below.
    } else if (error instanceof GrammyError && code === 403) {
      if (message.chatId > 0) {
        await onBlocked(message.chatId, message);
        await outbox.markDead(message, description, now);
        await outbox.cancelChat(message.chatId, now);
        log.info(
          { chat: message.chatId },
          'customer blocked the bot: recorded, queued messages dropped',
        );
        return;
      }
      // A group refused the bot (removed, or no right to write): no blocked customer, and no
      // retry either (it holds the group's line); given up at once, below, for the operator.
    } else if (error instanceof GrammyError && code === 400) {
      if (/message is not modified/i.test(error.description)) {
        await outbox.markSent(message, numberOr(message.payload.message_id), now);
        return;
      }
      // A deletion finding its message or topic gone, or erasure's overwrite finding the card gone:
      // what it was for is done.
      if ((DELETIONS.has(message.method) || isErasureKey(message.key)) && isGone(error)) {
        await outbox.markSent(message, null, now);
        return;
      }
      // An edit of a relayed copy is never said as a new message (in the staff chat it would land
      // in General), nor is erasure's overwrite of a card (that would post it again): refused,
      // each is given up below.
      if (isEdit(message.method) && !copyTargetOf(message.payload) && !isErasureKey(message.key)) {
        // The message to replace is gone or too old to edit: say it as a new message instead.
        const { message_id: _id, ...rest } = message.payload;
        await outbox.replaceWith(message, 'sendMessage', rest);
        return;
      }
      if (message.method === 'editMessageReplyMarkup') {
        // Taking buttons off a message that cannot be edited: nothing left to do.
        await outbox.markSent(message, numberOr(message.payload.message_id), now);
        return;
      }
    } else if (!(error instanceof GrammyError) && message.attempts < maxAttempts) {
      // A failure of its own that is not Telegram's refusal (the database, a malformed call):
      // tried again later, a bounded number of times, by the outbox (never by an inner loop).
      const delay = retryDelayMs(message.attempts, backoff);
      await outbox.markRetry(message, new Date(now.getTime() + delay), description);
      return;
    }
    await outbox.markDead(message, description, now);
    onDead?.(message, description);
    log.warn(
      {
        chat: message.chatId,
        key: message.key,
        method: message.method,
        attempts: message.attempts,
        error: description,
        ...(waiting ? { waitedMs: waited } : {}),
      },
      waiting
        ? 'outbox message dead-lettered: Telegram did not take it within the outage limit'
        : 'outbox message dead-lettered',
    );
  }

  async function deliver(message: OutboxMessage, payPerMessage: boolean): Promise<void> {
    const payload: JsonObject = { chat_id: message.chatId, ...message.payload };
    const copied = copyTargetOf(message.payload);
    const paidSend = payPerMessage && SEND_METHODS.has(message.method);
    if (paidSend) payload.allow_paid_broadcast = true;
    let result: unknown;
    try {
      const insteadOf = message.payload[INSTEAD_OF];
      if (typeof insteadOf === 'string') {
        delete payload[INSTEAD_OF];
        // It stands in for an earlier call of this chat, settled by now (it went first in the
        // line): made only if that one was given up, and only then does it take the group budget.
        if ((await outbox.byKey(insteadOf))?.state !== 'dead') {
          await outbox.markSent(message, null, clock.now());
          return;
        }
        if (!(await groupAllows(message))) return;
      }
      // Words that depend on how earlier calls of this chat ended (settled by now: they went first).
      const alternatives = message.payload[DEPENDING_ON];
      if (Array.isArray(alternatives)) {
        delete payload[DEPENDING_ON];
        const chosen = await choose(alternatives as unknown as Alternative[]);
        if (!chosen) {
          await outbox.markSent(message, null, clock.now());
          return;
        }
        Object.assign(payload, chosen.set);
        if (chosen.error) log.error({ chat: message.chatId, key: message.key }, chosen.error);
      }
      // A call on an earlier message of this chat, named rather than numbered: an edit of a
      // relayed copy (its id is in the message map) or a card's pin (its id is on the card's
      // outbox row). That message went first in the chat's line, so its id is known now — or it
      // was never sent, and there is nothing to call.
      const named = message.payload[MESSAGE_OF];
      const target = copied
        ? { field: COPY_OF, id: await outbox.copyIn(message.chatId, copied) }
        : typeof named === 'string'
          ? { field: MESSAGE_OF, id: (await outbox.byKey(named))?.messageId ?? undefined }
          : undefined;
      if (target) {
        if (target.id === undefined) {
          await outbox.markSent(message, null, clock.now());
          return;
        }
        delete payload[target.field];
        payload.message_id = target.id;
      }
      const raw = api.raw as unknown as Record<string, (p: JsonObject) => Promise<unknown>>;
      const call = raw[message.method];
      if (!call) throw new Error(`unknown Bot API method ${message.method}`);
      result = await call(payload);
      outageOver();
    } catch (error) {
      await settleFailure(message, error).catch((settleError: unknown) =>
        log.error({ error: describe(settleError) }, 'outbox: recording a failed send failed'),
      );
      return;
    }
    const messageId =
      typeof result === 'object' && result !== null && 'message_id' in result
        ? numberOr((result as { message_id: unknown }).message_id)
        : numberOr(message.payload.message_id);
    const sentAt = clock.now();
    const copies = toCopies(message, result);
    const record = () => markSent(message, messageId, sentAt, copies);
    await record().catch(() => {
      // Telegram has it but the database is out of reach: this process remembers it was sent and
      // records it before claiming anything else, so an outage does not send it twice.
      log.warn({ chat: message.chatId, key: message.key }, 'outbox: sent, recording it later');
      unrecorded.push(record);
    });
  }

  /** The first alternative whose named calls all ended as it says (see `DEPENDING_ON`). */
  async function choose(alternatives: Alternative[]): Promise<Alternative | undefined> {
    const states = new Map<string, string | undefined>();
    for (const alternative of alternatives) {
      let holds = true;
      for (const [key, state] of Object.entries(alternative.if)) {
        if (!states.has(key)) states.set(key, (await outbox.byKey(key))?.state);
        if (states.get(key) !== state) holds = false;
      }
      if (holds) return alternative;
    }
    return undefined;
  }

  /** Records sends that Telegram accepted while the database was unreachable; `true` when none is left. */
  async function recordLateSends(): Promise<boolean> {
    while (unrecorded.length > 0) {
      const record = unrecorded[0] as () => Promise<boolean>;
      try {
        await record();
      } catch {
        return false;
      }
      unrecorded.shift();
    }
    return true;
  }

  /** A group's messages also wait for the group's own budget. */
  async function groupAllows(message: OutboxMessage): Promise<boolean> {
    if (message.chatId >= 0) return true;
    const { granted, waitMs } = await takeTokens(
      groupBudgetKey(message.chatId),
      1,
      groupPerMinute / 60,
      groupPerMinute,
    );
    if (granted === 1) return true;
    // Waiting for the budget is no failure: the claim's attempt is taken back.
    await outbox.putBack(message, new Date(clock.now().getTime() + waitMs), 'group budget');
    return false;
  }

  function dispatch(message: OutboxMessage): void {
    const task = deliver(message, paying).finally(() => inFlight.delete(task));
    inFlight.add(task);
  }

  /**
   * Claims what is due and sends it within the budget; returns how many messages it claimed, or
   * -1 after waiting (for the budget, showing the typing action meanwhile; for a free slot; out a
   * pause cut short).
   */
  async function runOnce(deadline = Number.POSITIVE_INFINITY): Promise<number> {
    const pause = Math.min(pausedUntil, deadline) - Date.now();
    if (pause > 0) await sleep(pause, undefined, { signal: halt.signal }).catch(() => undefined);
    if (Date.now() < pausedUntil) return -1;
    if (!(await recordLateSends())) throw new Error('the database is still out of reach');
    await checkDepth();
    await pruneSettled();
    // During an outage one message goes at a time: the probe; the rest wait for its answer.
    const free = (outage ? 1 : concurrency) - inFlight.size;
    if (free <= 0) {
      // A slot frees (or the probe is answered): look again at once, not after a poll.
      await Promise.race(inFlight);
      return -1;
    }
    // Tokens first, then claim no more than they cover: a message claimed early would wait for its
    // token while a first reply written a moment later waits behind it.
    const rate = paying ? (paid?.perSecond ?? perSecond) : perSecond;
    const { granted, waitMs } = await takeTokens(
      'telegram:sends',
      free,
      rate,
      // A tenth of a second's worth at once: smooth, never more than 1.1× the rate in a second.
      Math.max(1, Math.ceil(rate / 10)),
    );
    if (granted === 0) {
      // The budget is spent: customers whose reply waits see the typing action meanwhile.
      await showTyping().catch(() => undefined);
      await sleep(Math.max(5, waitMs));
      return -1;
    }
    const claimed = await outbox.claim({ now: clock.now(), limit: granted, leaseMs });
    for (const message of claimed)
      if (standsIn(message) || (await groupAllows(message))) dispatch(message);
    return claimed.length;
  }

  const loop = createWorkLoop(runOnce, {
    pollMs,
    onError: (error) =>
      log.warn({ error: describe(error) }, 'outbox: claiming failed; trying again'),
  });

  return {
    runOnce: () => runOnce(),
    /**
     * Sends everything queued, waiting for the budget and for retries that fall due; returns when
     * the outbox is empty (or after `timeoutMs`).
     */
    async drain(timeoutMs = 30_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const claimed = await runOnce(deadline);
        await Promise.all(inFlight);
        // Past the deadline, an outage's pause ends the wait; work in hand is finished.
        const pausedPastDeadline = Date.now() > deadline && Date.now() < pausedUntil;
        if (claimed !== 0 && !pausedPastDeadline) continue;
        if ((await outbox.depth()) === 0 || Date.now() > deadline) return;
        await sleep(25);
      }
    },
    /** Messages waiting (pending or being sent): the queue behind the budget. */
    depth: () => outbox.depth(),
    /** Something was just written: look now rather than at the next poll. */
    wake: () => loop.wake(),
    start: () => {
      if (halt.signal.aborted) halt = new AbortController();
      loop.start();
    },
    /** Whether Telegram is down (the sender pauses and probes). */
    inOutage: () => outage !== undefined,
    /** Stops claiming (a pause ends at once) and waits for the messages in flight. */
    async stop(): Promise<void> {
      halt.abort();
      await loop.stop();
      await Promise.all(inFlight);
    },
  };
}

/** A copy's source and the ids Telegram gave the copies (`copyMessage`, `copyMessages`). */
function toCopies(message: OutboxMessage, result: unknown): DeliveredCopies | undefined {
  const { from_chat_id: fromChatId, message_id: one, message_ids: many } = message.payload;
  if (typeof fromChatId !== 'number') return undefined;
  const idOf = (copy: unknown) => numberOr((copy as { message_id?: unknown } | null)?.message_id);
  if (message.method === 'copyMessage' && typeof one === 'number') {
    const target = idOf(result);
    return target === null ? undefined : { fromChatId, sourceIds: [one], targetIds: [target] };
  }
  if (message.method === 'copyMessages' && Array.isArray(many) && Array.isArray(result)) {
    const targets = result.map(idOf);
    const sources = many.filter((id): id is number => typeof id === 'number');
    if (targets.some((id) => id === null) || targets.length !== sources.length) return undefined;
    return { fromChatId, sourceIds: sources, targetIds: targets as number[] };
  }
  return undefined;
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
