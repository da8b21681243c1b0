import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { type App, createApp } from '../../bot/app.ts';
import { parseConfig } from '../../bot/config.ts';
import { createMovableClock, type MovableClock } from '../../bot/console/console-clock.ts';
import { createBot, type FrontlineBot } from '../../bot/create-bot.ts';
import { createLogger } from '../../bot/logger.ts';
import { createJobWorker, type JobWorker } from '../../db/index.ts';
import type { JourneyTarget } from './journeys.ts';
import { RECORDED_BOT_INFO, RecordedTelegram } from './recorded-telegram.ts';

export const RECORDED_STAFF_CHAT = -100777;

/**
 * The real bot (createApp + createBot, embedded database in a temporary folder unless
 * DATABASE_URL / REDIS_URL are given) talking to a {@link RecordedTelegram}, with its job worker
 * on a clock the caller moves.
 */
export async function openRecordedBot(
  env: Record<string, string> = {},
  options: { log?: Logger; customerRate?: { updates: number; windowMs: number } } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-recorded-'));
  const telegram = new RecordedTelegram();
  const clock: MovableClock = createMovableClock();
  const config = parseConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    STAFF_CHAT_ID: String(RECORDED_STAFF_CHAT),
    ...env,
  });
  const app: App = await createApp(config, options.log ?? createLogger('silent'), clock);
  const frontline: FrontlineBot = createBot(app.deps, {
    token: '42:recorded',
    botInfo: RECORDED_BOT_INFO,
    apiPolicy: false,
    transformers: [telegram.transformer],
    // The recorded Bot API keeps no limit: the send budget, and the staff chat's 20 a minute (a
    // topic, its card, pin and a copy: 12 s of waiting), would only slow the tests down.
    delivery: { sendsPerSecond: 1_000 },
    staff: { perMinute: 60_000 },
    ...(options.customerRate ? { customerRate: options.customerRate } : {}),
  });
  const worker: JobWorker = createJobWorker({
    db: app.database.db,
    clock,
    handlers: frontline.jobHandlers,
  });
  const settle = async () => {
    await frontline.settle();
    await worker.runDue();
    await frontline.settle();
  };
  /** One update the whole way at once: into the inbox, its turn, its replies out. */
  const deliver = async (update: Update) => {
    await frontline.handle(update);
    await frontline.sender.drain();
  };
  const target: JourneyTarget = {
    handleUpdate: (update: Update) => frontline.receive([update]),
    async advance(ms) {
      clock.advance(ms);
    },
    settle,
  };
  return {
    app,
    frontline,
    telegram,
    clock,
    worker,
    target,
    settle,
    deliver,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
