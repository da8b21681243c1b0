import { run } from '@grammyjs/runner';
import { createJobWorker } from '../db/index.ts';
import { createApp, systemClock } from './app.ts';
import { registerCommands } from './commands-menu.ts';
import { ConfigError, loadConfig, processEnv } from './config.ts';
import { createMovableClock } from './console/console-clock.ts';
import { CONSOLE_STAFF_CHAT, runConsole } from './console/run-console.ts';
import { createBot } from './create-bot.ts';
import { toLoggableError } from './loggable-error.ts';
import { createLogger } from './logger.ts';
import { createStaffAlerts } from './services/staff-alerts.ts';
import { startWebhookServer } from './webhook-server.ts';

/**
 * The composition root: configuration, logger, content, database, store, then either console mode
 * (no TELEGRAM_BOT_TOKEN) or the Telegram bot (long polling or webhook) with the job worker.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  if (!config.TELEGRAM_BOT_TOKEN) {
    const clock = createMovableClock();
    const consoleConfig = { ...config, STAFF_CHAT_ID: config.STAFF_CHAT_ID ?? CONSOLE_STAFF_CHAT };
    const log = createLogger(
      config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
      process.stderr as never,
    );
    const app = await createApp(consoleConfig, log, clock);
    const lang = processEnv().LANG?.toLowerCase().startsWith('zh') ? 'zh-hans' : 'en';
    await runConsole(app, {
      input: process.stdin,
      output: process.stdout,
      clock,
      languageCode: lang,
      interactive: Boolean(process.stdin.isTTY),
    });
    await app.close();
    return;
  }

  const log = createLogger(config.LOG_LEVEL);
  const app = await createApp(config, log, systemClock);
  const frontline = createBot(app.deps, {
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
  });
  const { bot, outbox, checkback } = frontline;
  const worker = createJobWorker({
    db: app.database.db,
    clock: systemClock,
    handlers: { ...checkback.handlers, ...createStaffAlerts(app.deps, outbox).handlers },
    onError: (error, job) =>
      log.warn(
        { error: toLoggableError(error), job: job?.kind, attempts: job?.attempts },
        'job failed',
      ),
  });
  await bot.init();
  await registerCommands(bot.api);
  worker.start();

  let stop: () => Promise<void>;
  if (config.BOT_MODE === 'webhook') {
    const server = await startWebhookServer(bot, {
      port: config.PORT,
      secretToken: config.WEBHOOK_SECRET,
      log,
    });
    await bot.api.setWebhook(
      config.WEBHOOK_URL as string,
      config.WEBHOOK_SECRET ? { secret_token: config.WEBHOOK_SECRET } : {},
    );
    log.info(`webhook mode on port ${config.PORT}`);
    stop = () => new Promise((resolve) => server.close(() => resolve()));
  } else {
    await bot.api.deleteWebhook().catch(() => undefined);
    const runner = run(bot);
    log.info(`long polling as @${bot.botInfo.username}`);
    stop = () => runner.stop();
  }

  const shutdown = async (signal: string) => {
    log.info(`${signal}: stopping`);
    await stop();
    await worker.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Start-up problems an operator fixes (a bad file, an unreachable database): one line, exit 1. */
const STARTUP_ERRORS = new Set([
  'PolicyFileError',
  'CatalogueError',
  'DatabaseConnectError',
  'MigrationError',
  'StoreError',
]);

main().catch((error: unknown) => {
  if (error instanceof Error && STARTUP_ERRORS.has(error.name)) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    process.stderr.write(`Cannot start: ${error.message}${cause}\n`);
    process.exit(1);
  }
  throw error;
});
