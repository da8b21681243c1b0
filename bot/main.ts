import { createJobWorker } from '../db/index.ts';
import { createApp, systemClock } from './app.ts';
import { registerCommands } from './commands-menu.ts';
import { ConfigError, loadConfig, processEnv } from './config.ts';
import { createMovableClock } from './console/console-clock.ts';
import { CONSOLE_STAFF_CHAT, runConsole } from './console/run-console.ts';
import { createBot } from './create-bot.ts';
import { createReadinessCheck, deriveWebhookSecret, startHttpServer } from './http/index.ts';
import { watchJobs } from './instrument.ts';
import { createLogger } from './logger.ts';
import { startLongPolling } from './long-polling.ts';
import { checkStaffForum } from './services/staff-forum-check.ts';
import { onShutdownSignal } from './shutdown.ts';
import { createStartupProgress } from './startup-progress.ts';

/**
 * The composition root: configuration, logger, content, database, store, then either console mode
 * (no TELEGRAM_BOT_TOKEN) or the Telegram bot (long polling or webhook) with the job worker and the
 * HTTP port (health, readiness, metrics, and the webhook in webhook mode).
 */
async function main(): Promise<void> {
  const progress = createStartupProgress({
    write: (line) => process.stderr.write(`${line}\n`),
  });
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
    const app = await createApp(consoleConfig, log, clock, progress);
    progress.ready('console mode');
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
  const app = await createApp(config, log, systemClock, progress);
  const { metrics } = app.deps;
  const frontline = createBot(app.deps, {
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
  });
  const { bot } = frontline;
  const worker = createJobWorker({
    db: app.database.db,
    clock: systemClock,
    handlers: frontline.jobHandlers,
    ...watchJobs(metrics, log),
  });
  await bot.init();
  if (config.STAFF_CHAT_ID === undefined) {
    process.stderr.write(
      `\n*** WARNING: STAFF_CHAT_ID is not set. Tickets are filed, but no staff member is told and the\n` +
        `*** contact promise goes unwatched. See tickets with: npm run -s cli -- tickets list\n` +
        `*** (on the embedded database, with the bot stopped; on PostgreSQL at any time)\n\n`,
    );
    log.warn('STAFF_CHAT_ID is not set: tickets reach nobody');
  } else {
    const problem = await checkStaffForum(bot.api, config.STAFF_CHAT_ID, bot.botInfo.id);
    if (problem) {
      process.stderr.write(`Cannot start: ${problem}\n`);
      await app.close();
      process.exit(1);
    }
  }
  await registerCommands(bot.api);

  const webhook = config.BOT_MODE === 'webhook';
  // Webhook mode never runs without a secret: an unset WEBHOOK_SECRET is derived from the token.
  const secretToken = config.WEBHOOK_SECRET ?? deriveWebhookSecret(config.TELEGRAM_BOT_TOKEN);
  const http = await startHttpServer({
    port: config.PORT,
    log,
    metrics,
    readiness: createReadinessCheck({ db: app.database.db, store: app.store }),
    ...(webhook
      ? { webhook: { secretToken, onUpdate: (update) => frontline.receive([update]) } }
      : {}),
  });
  metrics.observe('outboxDepth', () => frontline.sender.depth());
  worker.start();
  await frontline.start();

  let polling: ReturnType<typeof startLongPolling> | undefined;
  if (webhook) {
    await bot.api.setWebhook(config.WEBHOOK_URL as string, { secret_token: secretToken });
    log.info(`webhook mode on port ${http.port}`);
    progress.ready(`webhook mode on port ${http.port}`);
  } else {
    await bot.api.deleteWebhook().catch(() => undefined);
    polling = startLongPolling(bot.api, (updates) => frontline.receive(updates), { log });
    log.info(`long polling as @${bot.botInfo.username}; health and metrics on port ${http.port}`);
    progress.ready(
      `long polling as @${bot.botInfo.username}; health and metrics on port ${http.port}`,
    );
  }

  onShutdownSignal(log, [
    // Stop taking updates and finish the turns in hand: webhook requests, then polled updates.
    [
      'updates',
      async () => {
        await http.drain();
        await polling?.stop();
        await frontline.stop();
      },
    ],
    ['jobs', () => worker.stop()],
    ['http', () => http.close()],
    ['storage', () => app.close()],
  ]);
}

/** Start-up problems an operator fixes (a bad file, an unreachable database): one line, exit 1. */
const STARTUP_ERRORS = new Set([
  'PolicyFileError',
  'CatalogueError',
  'DatabaseConnectError',
  'DataDirInUseError',
  'MigrationError',
  'StoreError',
  'HttpServerError',
]);

main().catch((error: unknown) => {
  if (error instanceof Error && STARTUP_ERRORS.has(error.name)) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    process.stderr.write(`Cannot start: ${error.message}${cause}\n`);
    process.exit(1);
  }
  throw error;
});
