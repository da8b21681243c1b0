import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import type { Api } from 'grammy';

/** Calls whose failure must never hold up a conversation (typing action, menus). */
export const BEST_EFFORT_METHODS = new Set([
  'sendChatAction',
  'setMyCommands',
  'setChatMenuButton',
]);

export type ApiPolicyOptions = {
  /**
   * Chats paced elsewhere (the staff chat, by its own queue): not throttled here, so one budget is
   * not counted twice.
   */
  unthrottledChatIds?: number[];
};

/**
 * Outgoing API policy: throttled within Telegram's limits (≈30 messages/s overall, 20/min per
 * group; bursts in a private chat are allowed and a 429 is honoured), retried on 429 with
 * `retry_after` and on transient network and server errors, a bounded number of times. Best-effort
 * calls are neither retried nor throttled.
 */
export function installApiPolicy(
  api: Api,
  { unthrottledChatIds = [] }: ApiPolicyOptions = {},
): void {
  const retry = autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 });
  const throttle = apiThrottler({
    global: { reservoir: 30, reservoirRefreshAmount: 30, reservoirRefreshInterval: 1_000 },
    group: {
      maxConcurrent: 1,
      minTime: 1_000,
      reservoir: 20,
      reservoirRefreshAmount: 20,
      reservoirRefreshInterval: 60_000,
    },
    out: { maxConcurrent: 1, minTime: 50 },
  });
  api.config.use((prev, method, payload, signal) =>
    BEST_EFFORT_METHODS.has(method)
      ? prev(method, payload, signal)
      : retry(prev, method, payload, signal),
  );
  const unthrottled = new Set(unthrottledChatIds);
  api.config.use((prev, method, payload, signal) =>
    BEST_EFFORT_METHODS.has(method) ||
    unthrottled.has(Number((payload as { chat_id?: unknown } | undefined)?.chat_id))
      ? prev(method, payload, signal)
      : throttle(prev, method, payload, signal),
  );
}
