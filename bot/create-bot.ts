import { Api, Bot, type BotConfig, type Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { JobHandler } from '../db/index.ts';
import { type AcceptedUpdate, enqueueMessages, type InboxUpdate } from '../db/index.ts';
import { installApiPolicy } from './api-transformers.ts';
import type { BotContext } from './context.ts';
import { createCustomerFeature } from './features/customer.ts';
import { createGroupsFeature } from './features/groups.ts';
import { createStaffFeature } from './features/staff.ts';
import { createStaffCustomerFeature } from './features/staff-customer.ts';
import { toChatRef } from './features/to-event.ts';
import { localeFor } from './i18n/script.ts';
import { countApiCalls, measureUpdates, toUpdateKind } from './instrument.ts';
import { toLoggableError } from './loggable-error.ts';
import { type CheckbackService, createCheckbackService } from './services/checkback.ts';
import { type ConversationService, createConversationService } from './services/conversation.ts';
import type { AppDeps } from './services/deps.ts';
import { createStaffErasure } from './services/erasure.ts';
import { toInboxUpdate } from './services/inbox-intake.ts';
import {
  AlreadyHandledError,
  createInboxWorker,
  DeferredUpdateError,
  type InboxWorker,
} from './services/inbox-worker.ts';
import { createDelivery } from './services/outbox.ts';
import { createOutboxSender, type OutboxSender } from './services/outbox-sender.ts';
import { createRenderContext } from './services/render-context.ts';
import { createStaffDesk, type StaffDesk, type StaffDeskOptions } from './services/staff-desk.ts';

export type CreateBotOptions = {
  token: string;
  /** Bot API root (`TELEGRAM_API_ROOT`): the public API, an emulator or a local Bot API server. */
  apiRoot?: string;
  /** Known bot identity: skips getMe (tests and console mode). */
  botInfo?: UserFromGetMe;
  /** Whether to install the bounded retry policy on direct calls (off for the console). */
  apiPolicy?: boolean;
  /** How long a direct Bot API call waits for an answer (more than getUpdates' 30 s). Default 60 s. */
  directCallTimeoutSeconds?: number;
  /**
   * API transformers installed closest to the network: the console's local stand-in for the Bot
   * API, or a test's recorder. Both the bot's calls and the outbox's deliveries go through them.
   */
  transformers?: Transformer[];
  /** The staff side's pacing and timings (tests shorten them). */
  staff?: StaffDeskOptions;
  /** Per customer: updates per window before the rest are put off (tests shorten the window). */
  customerRate?: { updates: number; windowMs: number };
  /** The outbox sender's and inbox worker's tuning (tests shorten and scale them). */
  delivery?: {
    sendsPerSecond?: number;
    concurrency?: number;
    backoffMs?: number;
    pollMs?: number;
    /** The outbox's first pause in a Telegram outage (doubling to 30×). Default 1 s. */
    outageProbeMs?: number;
    /** How long the outbox waits for Telegram's answer to one call. Default 20 s. */
    requestTimeoutSeconds?: number;
  };
};

export type FrontlineBot = {
  /** The update processor: its middleware handles one update taken from the inbox. */
  bot: Bot<BotContext>;
  conversation: ConversationService;
  checkback: CheckbackService;
  staff: StaffDesk;
  /** Every durable job's handler, for the job worker. */
  jobHandlers: Record<string, JobHandler>;
  inbox: InboxWorker;
  sender: OutboxSender;
  /**
   * Takes updates into the durable inbox (webhook, long polling, console) and returns once they
   * are stored. When the database is down it throws (the caller leaves the updates with
   * Telegram, which sends them again) and tells each private chat, once a while, that its
   * message is kept.
   */
  receive(updates: Update[]): Promise<void>;
  /** Handles everything received and sends everything queued (the console's and tests' wait). */
  settle(): Promise<void>;
  /**
   * Takes one update in and handles its chat's pending updates at once, its replies left in the
   * outbox (the benchmark's and tests' direct path; the bot itself uses the inbox worker).
   */
  handle(update: Update): Promise<void>;
  /** Resolves once no update is being handled. */
  settled(): Promise<void>;
  /**
   * Starts the inbox worker and the outbox sender, then runs `catchUp`. Resolves when that is
   * done, never rejects. Calling it again runs the catch-up again and leaves the running loops as
   * they are.
   */
  start(): Promise<void>;
  /**
   * What start-up owes: schedules the loaner reminders missed (tickets filed or reopened before
   * the reminder existed). Never rejects (a failure is logged; the next start tries again). The
   * console, which drives the bot without its loops, runs it on its own.
   */
  catchUp(): Promise<void>;
  /**
   * Stops taking updates from the inbox and finishes the turns in hand, then sends what is queued
   * for up to `drainMs` (default 15 s, inside the 25 s shutdown grace) and waits for the sends in
   * flight; what is left stays in the outbox for the next start or another instance.
   */
  stop(options?: { drainMs?: number }): Promise<void>;
};

/**
 * Per customer: updates over this many a minute are put off in the inbox (kept, in order) until
 * the window resets, with one notice a window saying when they will be answered.
 */
const CUSTOMER_RATE = { updates: 30, windowMs: 60_000 };
/** A chat is told "your message is kept" directly (the database being down) at most this often. */
const DIRECT_NOTICE_EVERY_MS = 600_000;

/**
 * Builds the bot from its dependencies: the inbox worker that runs each chat's updates in order
 * through the middleware (a per-user rate limit, the group guard, the customer's conversation),
 * and the outbox sender that delivers what the turns committed.
 */
export function createBot(deps: AppDeps, options: CreateBotOptions): FrontlineBot {
  const config: BotConfig<BotContext> = {};
  // The bot's direct calls (a staff topic, a pin, getUpdates' 30 s long poll) give up waiting for
  // an answer after a minute, not grammY's 500 s: a Telegram that answers nothing holds a job or
  // the staff chat's queue a minute a try.
  config.client = {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: options.directCallTimeoutSeconds ?? 60,
  };
  if (options.botInfo) config.botInfo = options.botInfo;
  const bot = new Bot<BotContext>(options.token, config);
  for (const transformer of options.transformers ?? []) bot.api.config.use(transformer);
  bot.api.config.use(countApiCalls(deps.metrics));
  if (options.apiPolicy !== false) installApiPolicy(bot.api);
  const tuning = options.delivery ?? {};
  const rate = options.customerRate ?? CUSTOMER_RATE;

  // The outbox's own Bot API: no retry or throttling transformers (the outbox does both, bounded),
  // and a request timeout well inside the sender's lease.
  const deliveryApi = new Api(options.token, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: tuning.requestTimeoutSeconds ?? 20,
  });
  for (const transformer of options.transformers ?? []) deliveryApi.config.use(transformer);
  // Failed calls and paid broadcasts are counted here, each attempt once.
  deliveryApi.config.use(countApiCalls(deps.metrics));

  const sender = createOutboxSender({
    db: deps.db,
    api: deliveryApi,
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    perSecond: tuning.sendsPerSecond ?? deps.config.TELEGRAM_SENDS_PER_SECOND,
    paidBroadcast: {
      enabled: deps.config.TELEGRAM_PAID_BROADCAST,
      threshold: deps.config.TELEGRAM_PAID_BROADCAST_THRESHOLD,
      perSecond: deps.config.TELEGRAM_PAID_SENDS_PER_SECOND,
    },
    ...(tuning.pollMs ? { pollMs: tuning.pollMs } : {}),
    ...(tuning.backoffMs
      ? { backoff: { baseMs: tuning.backoffMs, capMs: tuning.backoffMs * 8 } }
      : {}),
    ...(tuning.outageProbeMs
      ? { outageProbe: { baseMs: tuning.outageProbeMs, capMs: tuning.outageProbeMs * 30 } }
      : {}),
    onOutage: (event) => {
      if (event === 'began') deps.metrics.telegramOutages.inc();
      deps.metrics.telegramDown.set(event === 'began' ? 1 : 0);
      // Telegram answers the outbox again: the staff chat queue need not wait out its own pause.
      if (event === 'ended') staff.forum?.queue.answered();
    },
    // In a private chat the chat id is the customer's user id; a message from the staff side
    // tells the ticket's topic too.
    onBlocked: async (chatId, message) => {
      await deps.repos.customers.setBlocked(chatId, true, deps.clock.now());
      await staff.customerBlocked(message);
    },
    // The staff forum's topic messages find their way round a closed or deleted topic.
    recover: async (message, error) => staff.forum?.topics.recover(message, error),
    onDead: (message, error) => {
      deps.metrics.sendsGivenUp.inc({
        via: 'outbox',
        chat: message.chatId < 0 ? 'group' : 'private',
      });
      // Refused in the staff chat: the bot was removed or lost its rights, an operator's to fix.
      if (message.chatId < 0 && error.startsWith('403'))
        deps.log.error(
          { chat: message.chatId, key: message.key },
          'the bot cannot write to the staff chat (403): add it back as an administrator',
        );
    },
    ...(options.staff?.perMinute ? { groupPerMinute: options.staff.perMinute } : {}),
  });
  const delivery = createDelivery(deps.db, bot.api, () => sender.wake());
  const staff = createStaffDesk(deps, bot.api, delivery, {
    ...options.staff,
    // The staff chat queue learns of an outage from the sender too, and probes as it does (the
    // outbox's own Bot API: no retries of its own, the request timeout bounded).
    probe: () => deliveryApi.getMe(),
    telegramDown: () => sender.inOutage(),
  });
  const conversation = createConversationService(deps, delivery, {
    requestHuman: (request, on) => staff.human.request(request, on),
    customerCancelled: (ticket, tx, ref) => staff.human.customerCancelled(ticket, tx, ref),
    customerSaidWhich: (ticket, which, text, tx, ref) =>
      staff.human.customerSaidWhich(ticket, which, text, tx, ref),
    relaysWaiting: staff.forum !== undefined,
  });
  const checkback = createCheckbackService(deps);
  const erasure = createStaffErasure(deps, staff.forum);
  const jobHandlers = { ...checkback.handlers, ...staff.handlers, ...erasure.handlers };

  const measured = measureUpdates(deps.metrics);
  bot.use(measured.middleware);
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      // Another instance committed this update first: nothing left to do.
      if (!(error instanceof AlreadyHandledError)) throw error;
      measured.outcome.set(ctx, 'duplicate');
    }
  });
  bot.use(async (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId !== undefined && ctx.chat?.type === 'private') {
      const limit = await deps.store.rateLimit(`user:${userId}`, rate.updates, rate.windowMs);
      if (!limit.allowed) {
        measured.outcome.set(ctx, 'limited');
        // The button spinner stops now; the press itself is handled when the window resets.
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        const resetMs = Math.max(1_000, limit.resetMs || rate.windowMs);
        // Said once a window, with the time the kept updates will be answered in.
        const notice = await deps.store.rateLimit(`user-notice:${userId}`, 1, resetMs);
        if (notice.allowed)
          await conversation.notice(toChatRef(ctx), 'slow-down', {
            args: { seconds: Math.ceil(resetMs / 1_000) + 1 },
            deferred: true,
          });
        throw new DeferredUpdateError(resetMs);
      }
    }
    await next();
  });
  if (staff.forum) bot.use(createStaffFeature(deps, staff.forum));
  bot.use(createGroupsFeature(deps, delivery));
  bot.use(createStaffCustomerFeature(deps, staff, conversation));
  bot.use(createCustomerFeature(conversation, checkback));

  /** A notice for a chat whose update waits, in the customer's language (the state may be unreachable). */
  const noticeText = (update: InboxUpdate, key: string) => {
    const from = (update.payload as { message?: { from?: { language_code?: string } } }).message
      ?.from;
    const { t, globals } = createRenderContext(deps, localeFor(from?.language_code, undefined));
    return t(key, globals);
  };
  const writeNotice = (chatId: number, update: InboxUpdate, key: string) =>
    delivery.commit((tx) =>
      enqueueMessages(
        tx,
        [
          {
            key: `notice:${key}:${update.updateId}`,
            chatId,
            method: 'sendMessage',
            payload: { text: noticeText(update, key) },
            priority: 0,
          },
        ],
        deps.clock.now(),
      ),
    );

  // Told directly, when the database that holds the outbox cannot take the notice.
  const toldDirectly = new Map<number, number>();
  async function tellDirectly(chatId: number, languageCode: string | undefined): Promise<void> {
    if (chatId <= 0) return;
    const last = toldDirectly.get(chatId);
    if (last !== undefined && Date.now() - last < DIRECT_NOTICE_EVERY_MS) return;
    toldDirectly.set(chatId, Date.now());
    if (toldDirectly.size > 10_000) toldDirectly.clear();
    const { t, globals } = createRenderContext(deps, localeFor(languageCode, undefined));
    await deliveryApi
      .sendMessage(chatId, t('temporarily-unavailable', globals))
      .catch(() => undefined);
  }

  const inbox = createInboxWorker({
    db: deps.db,
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    handle: (update) => bot.handleUpdate(update),
    async onDelayed(chatId, update, reason) {
      if (chatId <= 0) return;
      try {
        // A service down: the message is kept until it is back. A failure of its own: it is tried
        // again a few times and, should that not do, the customer is told (onDead) — no promise
        // to answer it.
        await writeNotice(
          chatId,
          update,
          reason === 'outage' ? 'temporarily-unavailable' : 'error-retrying',
        );
      } catch {
        const from = (update.payload as { message?: { from?: { language_code?: string } } }).message
          ?.from;
        await tellDirectly(chatId, from?.language_code);
      }
    },
    async onDead(chatId, update) {
      if (chatId > 0) await writeNotice(chatId, update, 'error-dead-letter');
    },
    markedByTurn: (updateId) => delivery.committedUpdate(updateId),
    onCommitted: () => sender.wake(),
    // The embedded database has one connection: more lanes would only queue for it (and keep the
    // webhook's inserts waiting); PostgreSQL serves several turns at once.
    concurrency: tuning.concurrency ?? (deps.config.DATABASE_URL ? 8 : 2),
    ...(tuning.backoffMs
      ? { backoff: { baseMs: tuning.backoffMs, capMs: tuning.backoffMs * 8 } }
      : {}),
    ...(tuning.pollMs ? { pollMs: tuning.pollMs } : {}),
  });

  async function catchUp(): Promise<void> {
    try {
      const scheduled = await staff.scheduleMissedLoanerReminders(deps.clock.now());
      if (scheduled > 0) deps.log.info({ scheduled }, 'loaner reminders scheduled at start-up');
    } catch (error) {
      deps.log.error(
        { error: toLoggableError(error) },
        'loaner reminders not scheduled at start-up',
      );
    }
  }

  async function receive(updates: Update[]): Promise<void> {
    const rows = updates.map(toInboxUpdate);
    const at = deps.clock.now();
    let accepted: AcceptedUpdate[];
    try {
      accepted = await inbox.inbox.acceptAlone(rows, at);
    } catch (error) {
      await Promise.all(
        rows.map((row) =>
          tellDirectly(
            row.chatId,
            (row.payload as { message?: { from?: { language_code?: string } } }).message?.from
              ?.language_code,
          ),
        ),
      );
      throw error;
    }
    inbox.arrivedFor(rows.map((row) => row.chatId));
    // An update that was its chat's only pending one is handled without reading it back.
    for (const { updateId, alone } of accepted) {
      const row = alone ? rows.find((r) => r.updateId === updateId) : undefined;
      if (row) inbox.headTakenIn({ ...row, attempts: 0, receivedAt: at });
    }
    // A redelivered update (or one another instance took in first) is not handled again.
    const fresh = new Set(accepted.map((taken) => taken.updateId));
    for (const update of updates)
      if (!fresh.has(update.update_id))
        deps.metrics.updates.inc({ kind: toUpdateKind(update), outcome: 'duplicate' });
    inbox.wake();
  }

  return {
    bot,
    conversation,
    checkback,
    staff,
    jobHandlers,
    inbox,
    sender,
    settled: () => measured.settled(),
    receive,
    async handle(update) {
      await receive([update]);
      await inbox.runChat(toInboxUpdate(update).chatId);
    },
    async settle() {
      do {
        await inbox.drain();
        await sender.drain();
      } while ((await inbox.runOnce()) > 0);
    },
    async start() {
      inbox.start();
      sender.start();
      await catchUp();
    },
    catchUp,
    async stop({ drainMs = 15_000 } = {}) {
      await inbox.stop();
      await sender.drain(drainMs).catch(() => undefined);
      await sender.stop();
    },
  };
}
