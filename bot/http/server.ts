import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { toLoggableError } from '../loggable-error.ts';
import type { Metrics } from '../metrics.ts';
import type { Readiness } from './readiness.ts';
import { handleWebhookRequest, type WebhookOptions } from './webhook.ts';

/** The HTTP port could not be opened (in use, no permission): a start-up error. */
export class HttpServerError extends Error {
  override name = 'HttpServerError';
  constructor(port: number, options: { cause: unknown }) {
    super(`cannot listen on port ${port}`, options);
  }
}

export type HttpServerOptions = {
  /** `PORT`; 0 picks a free one (tests). */
  port: number;
  host?: string;
  log: Logger;
  metrics: Metrics;
  readiness: () => Promise<Readiness>;
  /** Webhook mode: POSTs to any path carry updates. Without it, POSTs are refused (405). */
  webhook?: WebhookOptions;
};

export type HttpServer = {
  port: number;
  /**
   * Stops taking updates: `/readyz` answers 503 and webhook POSTs get 503 (Telegram delivers them
   * again, to this instance's successor or another instance). Resolves once every update already
   * taken is answered.
   */
  drain(): Promise<void>;
  /** Closes the port (after {@link drain}). */
  close(): Promise<void>;
};

const json = (res: ServerResponse, status: number, body: unknown) =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * Frontline's one HTTP port, in polling and webhook mode alike: `GET /healthz` (the process is
 * alive), `GET /readyz` (database, migrations and store; 503 while draining), `GET /metrics`
 * (Prometheus), and in webhook mode the webhook itself.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { log, metrics, readiness, webhook } = options;
  let draining = false;
  const inFlight = new Set<Promise<void>>();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (path === '/healthz') return void res.writeHead(200).end('ok');
      if (path === '/readyz') {
        if (draining) return json(res, 503, { ready: false, draining: true });
        const report = await readiness();
        return json(res, report.ready ? 200 : 503, report);
      }
      if (path === '/metrics') {
        const text = await metrics.registry.metrics();
        return void res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
      }
      return void res.writeHead(404).end();
    }
    if (req.method !== 'POST' || !webhook) return void res.writeHead(405).end();
    if (draining) return void res.writeHead(503, { connection: 'close' }).end();
    await handleWebhookRequest(req, res, webhook);
  }

  const server = createServer((req, res) => {
    const work = route(req, res)
      .catch((error: unknown) => {
        log.error({ error: toLoggableError(error) }, 'http request failed');
        if (!res.headersSent) res.writeHead(500, { connection: 'close' }).end();
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    throw new HttpServerError(options.port, { cause: error });
  }
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    async drain() {
      draining = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      draining = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
