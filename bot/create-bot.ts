import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotConfig, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { JobHandler } from '../db/index.ts';
import { installApiPolicy } from './api-transformers.ts';
import type { BotContext } from './context.ts';
import { createCustomerFeature } from './features/customer.ts';
import { createGroupsFeature } from './features/groups.ts';
import { createStaffFeature } from './features/staff.ts';
import { createStaffCustomerFeature } from './features/staff-customer.ts';
import { toChatRef } from './features/to-event.ts';
import { countApiCalls, measureUpdates } from './instrument.ts';
import { toLoggableError } from './loggable-error.ts';
import { type CheckbackService, createCheckbackService } from './services/checkback.ts';
import { type ConversationService, createConversationService } from './services/conversation.ts';
import type { AppDeps } from './services/deps.ts';
import { createStaffErasure } from './services/erasure.ts';
import { createApiOutbox, type Outbox } from './services/outbox.ts';
import { createStaffDesk, type StaffDesk, type StaffDeskOptions } from './services/staff-desk.ts';

export type CreateBotOptions = {
  token: string;
  /** Bot API root (`TELEGRAM_API_ROOT`): the public API, an emulator or a local Bot API server. */
  apiRoot?: string;
  /** Known bot identity: skips getMe (tests and console mode). */
  botInfo?: UserFromGetMe;
  /** Whether to install retry and throttling (off for the console, which has no network). */
  apiPolicy?: boolean;
  /**
   * API transformers installed closest to the network, under retry and throttling: the console's
   * local stand-in for the Bot API, or a test's recorder.
   */
  transformers?: Transformer[];
  /** The staff side's pacing and timings (tests shorten them). */
  staff?: StaffDeskOptions;
};

export type FrontlineBot = {
  bot: Bot<BotContext>;
  outbox: Outbox;
  conversation: ConversationService;
  checkback: CheckbackService;
  /** Resolves once no update is being handled (the shutdown waits for it). */
  settled(): Promise<void>;
  staff: StaffDesk;
  /** Every durable job's handler, for the job worker. */
  jobHandlers: Record<string, JobHandler>;
};

/** Per user: more messages than this in a minute are dropped with one notice. */
const USER_MESSAGES_PER_MINUTE = 30;

/**
 * Builds the bot from its dependencies: one error boundary, update de-duplication, a per-user rate
 * limit, the group guard, the customer's conversation, and nothing else.
 */
export function createBot(deps: AppDeps, options: CreateBotOptions): FrontlineBot {
  const config: BotConfig<BotContext> = {};
  if (options.apiRoot) config.client = { apiRoot: options.apiRoot };
  if (options.botInfo) config.botInfo = options.botInfo;
  const bot = new Bot<BotContext>(options.token, config);
  for (const transformer of options.transformers ?? []) bot.api.config.use(transformer);
  bot.api.config.use(countApiCalls(deps.metrics));
  const staffChat = deps.config.STAFF_CHAT_ID;
  if (options.apiPolicy !== false)
    installApiPolicy(bot.api, { unthrottledChatIds: staffChat === undefined ? [] : [staffChat] });

  const outbox = createApiOutbox(bot.api, async (chatId) => {
    // In a private chat the chat id is the customer's user id. Nothing is retried: a 403 is final.
    deps.log.info({ chat: chatId }, 'customer blocked the bot: recorded, not retried');
    await deps.repos.customers.setBlocked(chatId, true, deps.clock.now());
  });
  const staff = createStaffDesk(deps, bot.api, outbox, options.staff);
  const conversation = createConversationService(deps, outbox, {
    requestHuman: (request) => staff.human.request(request),
    customerCancelled: (ticket) => staff.human.customerCancelled(ticket),
  });
  const checkback = createCheckbackService(deps, outbox);

  const measured = measureUpdates(deps.metrics);
  bot.use(measured.middleware);
  const guarded = bot.errorBoundary(async (error) => {
    const ctx = error.ctx;
    measured.outcome.set(ctx, 'error');
    deps.log.error(
      { error: toLoggableError(error.error), update: ctx.update.update_id },
      'update failed',
    );
    if (ctx.chat?.type !== 'private') return;
    await conversation.notice(toChatRef(ctx), 'error-generic').catch(() => undefined);
  });

  // One chat's updates are handled one after another, in order, while chats run concurrently
  // (the per-chat store lock then only guards against other instances).
  guarded.use(sequentialize((ctx) => ctx.chat?.id.toString()));
  guarded.use(async (ctx, next) => {
    if (!(await deps.store.seenUpdate(ctx.update.update_id)))
      return void measured.outcome.set(ctx, 'duplicate');
    const userId = ctx.from?.id;
    if (userId !== undefined && ctx.chat?.type === 'private') {
      const limit = await deps.store.rateLimit(`user:${userId}`, USER_MESSAGES_PER_MINUTE, 60_000);
      if (!limit.allowed) {
        measured.outcome.set(ctx, 'limited');
        // The button spinner stops either way; the message says to send it again.
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        const notice = await deps.store.rateLimit(
          `user-notice:${userId}`,
          1,
          limit.resetMs || 60_000,
        );
        if (notice.allowed)
          await conversation.notice(toChatRef(ctx), 'slow-down').catch(() => undefined);
        return;
      }
    }
    await next();
  });
  if (staff.forum) guarded.use(createStaffFeature(deps, staff.forum));
  guarded.use(createGroupsFeature(deps));
  guarded.use(createStaffCustomerFeature(deps, staff));
  guarded.use(createCustomerFeature(conversation, checkback));

  const erasure = createStaffErasure(deps, bot.api, staff.forum);
  const jobHandlers = { ...checkback.handlers, ...staff.handlers, ...erasure.handlers };
  return { bot, outbox, conversation, checkback, staff, jobHandlers, settled: measured.settled };
}
