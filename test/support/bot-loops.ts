import type { App } from '../../bot/app.ts';
import type { FrontlineBot } from '../../bot/create-bot.ts';
import { isJobOutage } from '../../bot/instrument.ts';
import { startLongPolling } from '../../bot/long-polling.ts';
import type { Clock } from '../../core/index.ts';
import { createJobWorker, type JobWorker } from '../../db/index.ts';

/**
 * What `bot/main.ts` runs around the bot in polling mode, for the harnesses: the job worker (run
 * by hand: `worker.runDue()`), the inbox worker and outbox sender, and long polling of the
 * emulator (which answers `getUpdates` at once: a short pause between empty answers).
 */
export function startBotLoops(
  app: App,
  frontline: FrontlineBot,
  clock: Clock,
): { worker: JobWorker; polling: ReturnType<typeof startLongPolling> } {
  const worker = createJobWorker({
    db: app.database.db,
    clock,
    handlers: frontline.jobHandlers,
    // As the bot: an outage (Telegram, the database) keeps a job waiting, uncounted.
    isOutage: isJobOutage,
  });
  void frontline.start();
  const polling = startLongPolling(frontline.bot.api, (updates) => frontline.receive(updates), {
    log: app.deps.log,
    timeoutSeconds: 1,
    idleMs: 20,
  });
  return { worker, polling };
}
