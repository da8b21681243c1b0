import type { Api } from 'grammy';
import { type OutboxMessage, ticketOfCustomerKey } from '../../db/index.ts';
import type { AppDeps } from './deps.ts';
import type { Delivery } from './outbox.ts';
import { GROUP_PER_MINUTE, groupBudgetKey } from './outbox-sender.ts';
import { createStaffAccess } from './staff-access.ts';
import { createStaffActions } from './staff-actions.ts';
import { createStaffAlerts } from './staff-alerts.ts';
import { createStaffChatQueue } from './staff-chat-queue.ts';
import { createStaffCustomers } from './staff-customers.ts';
import { createStaffHazard } from './staff-hazard.ts';
import { createStaffHuman } from './staff-human.ts';
import { createStaffRatings } from './staff-ratings.ts';
import { createStaffRelay } from './staff-relay.ts';
import { createStaffTopics, type StaffTopics } from './staff-topics.ts';

export type StaffDeskOptions = {
  /** The staff group's send budget per minute (Telegram: about 20). Default 20. */
  perMinute?: number;
  /** How long to wait for more parts of an album before relaying it. */
  albumWaitMs?: number;
  /** How long a staff-chat membership answer is trusted. */
  memberCacheMs?: number;
  /**
   * Asks Telegram something harmless (`getMe`, without retries): the staff chat queue's probe
   * after an outage, before it tries a call that cannot be made twice safely.
   */
  probe?: () => Promise<unknown>;
  /** Whether the outbox sender is waiting out a Telegram outage. */
  telegramDown?: () => boolean;
};

/**
 * The staff side, built once per bot: the customers' side of a take-over, and — when a staff chat
 * is configured — its delivery queue, topics, access control, relay and actions. The job handlers
 * work either way (without a staff chat they record and log).
 */
export function createStaffDesk(
  deps: AppDeps,
  api: Api,
  delivery: Delivery,
  options: StaffDeskOptions = {},
) {
  const customers = createStaffCustomers(deps, delivery);
  const chatId = deps.config.STAFF_CHAT_ID;
  /**
   * The outbox found the customer blocked the bot on a message the staff side wrote them (its key
   * names the ticket): the ticket records it, and its topic hears it (once per refused message).
   */
  const customerBlocked = async (message: OutboxMessage, topics?: StaffTopics) => {
    const ticketId = ticketOfCustomerKey(message.key);
    const ticket = ticketId && (await deps.repos.tickets.get(ticketId));
    if (!ticket) return;
    await customers.recordBlocked(ticket, await topics?.blockedNotice(ticket, message.key));
  };
  if (chatId === undefined) {
    return {
      customers,
      customerBlocked: (message: OutboxMessage) => customerBlocked(message),
      forum: undefined,
      human: createStaffHuman(deps, customers, undefined),
      ratings: createStaffRatings(deps, customers, undefined),
      ...createStaffAlerts(deps, customers, undefined),
    };
  }
  const perMinute = options.perMinute ?? GROUP_PER_MINUTE;
  const codeOf = (error: unknown) => (error as { error_code?: number }).error_code ?? 'network';
  const queue = createStaffChatQueue({
    perMinute,
    // One budget for the group, whether a message goes through the outbox or this queue.
    takeToken: () => deps.store.takeTokens(groupBudgetKey(chatId), 1, perMinute / 60, perMinute),
    onRetry: (error, waitMs) =>
      deps.log.warn({ waitMs, code: codeOf(error) }, 'staff chat busy: waiting'),
    onGiveUp: (error) => {
      deps.metrics.sendsGivenUp.inc({ via: 'staff_queue', chat: 'group' });
      deps.log.error({ code: codeOf(error) }, 'staff chat call given up after its retries');
    },
    ...(options.probe ? { probe: options.probe } : {}),
    ...(options.telegramDown ? { telegramDown: options.telegramDown } : {}),
    onOutage: (error) => {
      if (error === undefined) deps.log.info('staff chat: Telegram answers again');
      else
        deps.log.warn(
          { code: codeOf(error) },
          'staff chat: Telegram not answering; its calls fail at once (their jobs try again later) until a probe is answered',
        );
    },
  });
  const topics = createStaffTopics(deps, api, queue, chatId, delivery);
  const access = createStaffAccess(deps, api, chatId, {
    ...(options.memberCacheMs === undefined ? {} : { cacheMs: options.memberCacheMs }),
  });
  const relay = createStaffRelay(deps, delivery, topics, customers, {
    ...(options.albumWaitMs === undefined ? {} : { albumWaitMs: options.albumWaitMs }),
  });
  const actions = createStaffActions(deps, topics, customers, access);
  const alerts = createStaffAlerts(deps, customers, topics);
  const human = createStaffHuman(deps, customers, topics);
  return {
    customers,
    customerBlocked: (message: OutboxMessage) => customerBlocked(message, topics),
    forum: {
      chatId,
      queue,
      topics,
      access,
      relay,
      actions,
      customers,
      hazard: createStaffHazard(deps, customers, topics),
    },
    human,
    ratings: createStaffRatings(deps, customers, { topics, relay }),
    ...alerts,
  };
}

export type StaffDesk = ReturnType<typeof createStaffDesk>;
export type StaffForum = NonNullable<StaffDesk['forum']>;
