import { createServer, type Server } from 'node:http';
import { type Bot, webhookCallback } from 'grammy';
import type { Logger } from 'pino';
import type { BotContext } from './context.ts';
import { toLoggableError } from './loggable-error.ts';

export type WebhookServerOptions = {
  port: number;
  /** Telegram sends it in `X-Telegram-Bot-Api-Secret-Token`; requests without it are refused. */
  secretToken?: string | undefined;
  log: Logger;
};

/**
 * The webhook endpoint: POST updates to any path, `GET /healthz` for load balancers. Resolves once
 * listening; a request that fails is logged without its content and answered 500 so Telegram retries.
 */
export async function startWebhookServer(
  bot: Bot<BotContext>,
  options: WebhookServerOptions,
): Promise<Server> {
  const handle = webhookCallback(
    bot,
    'http',
    options.secretToken ? { secretToken: options.secretToken } : {},
  );
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return void res.end('ok');
    if (req.method !== 'POST') return void res.writeHead(405).end();
    handle(req, res).catch((error: unknown) => {
      options.log.error({ error: toLoggableError(error) }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
  return server;
}
