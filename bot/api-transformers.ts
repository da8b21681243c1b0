import { autoRetry } from '@grammyjs/auto-retry';
import type { Api } from 'grammy';

/** Calls whose failure must never hold anything up (typing action, menus): not retried. */
export const BEST_EFFORT_METHODS = new Set([
  'sendChatAction',
  'setMyCommands',
  'setChatMenuButton',
  'answerCallbackQuery',
]);

/**
 * The policy for the bot's direct calls (the webhook set-up, getMe, leaving a chat): a 429 waits
 * its `retry_after` (up to 10 s) and a server error is retried with backoff, at most twice; a
 * network error is not retried here (auto-retry's inner loop would retry it without limit) — the
 * caller's own loop does (long polling, start-up). Messages never go this way: the outbox delivers
 * them, with its own bounded retries and the send budget.
 */
export function installApiPolicy(api: Api): void {
  const retry = autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true });
  api.config.use((prev, method, payload, signal) =>
    BEST_EFFORT_METHODS.has(method)
      ? prev(method, payload, signal)
      : retry(prev, method, payload, signal),
  );
}
