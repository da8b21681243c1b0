import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../../bot/app.ts';
import { parseConfig } from '../../../bot/config.ts';
import { createBot } from '../../../bot/create-bot.ts';
import {
  createReadinessCheck,
  type HttpServer,
  SECRET_HEADER,
  startHttpServer,
} from '../../../bot/http/index.ts';
import { createLogger } from '../../../bot/logger.ts';

const BOT_INFO = {
  id: 43,
  is_bot: true,
  first_name: 'Frontline',
  username: 'frontline_hook_bot',
} as UserFromGetMe;
const SECRET = 'hook-secret-123';
const MAX_BODY = 16_384;

type Answer = { status: number; body: string };

/** One raw HTTP request: headers as given, the body written in `chunks` (none: no body). */
function send(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string | number> },
  chunks: (string | Buffer)[] = [],
  end = true,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/hook' },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    for (const [name, value] of Object.entries(options.headers ?? {})) req.setHeader(name, value);
    for (const chunk of chunks) req.write(chunk);
    if (end) req.end();
  });
}

const update = (id: number, chatId: number, text: string): Update =>
  ({
    update_id: id,
    message: {
      message_id: id,
      date: 0,
      chat: { id: chatId, type: 'private', first_name: 'W' },
      from: { id: chatId, is_bot: false, first_name: 'W', language_code: 'en' },
      text,
    },
  }) as Update;

describe('the HTTP port in webhook mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-hook-'));
  const sent: Record<string, unknown>[] = [];
  let app: App;
  let http: HttpServer;
  let stopBot: () => Promise<void>;

  beforeAll(async () => {
    app = await createApp(
      parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
    const recorder: Transformer = async (_prev, method, payload) => {
      if (method === 'sendMessage') sent.push(payload as Record<string, unknown>);
      const result =
        method === 'sendMessage'
          ? { message_id: sent.length, date: 0, chat: { id: 1, type: 'private' } }
          : true;
      return { ok: true, result } as never;
    };
    const frontline = createBot(app.deps, {
      token: '43:hook',
      botInfo: BOT_INFO,
      transformers: [recorder],
    });
    void frontline.start();
    stopBot = () => frontline.stop();
    http = await startHttpServer({
      port: 0,
      log: app.deps.log,
      metrics: app.deps.metrics,
      readiness: createReadinessCheck({ db: app.database.db, store: app.store }),
      webhook: {
        secretToken: SECRET,
        onUpdate: (u) => frontline.receive([u]),
        maxBodyBytes: MAX_BODY,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await http.close();
    await stopBot();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (body: unknown, secret: string | null = SECRET) =>
    send(
      http.port,
      {
        headers: {
          'content-type': 'application/json',
          ...(secret === null ? {} : { [SECRET_HEADER]: secret }),
        },
      },
      [JSON.stringify(body)],
    );

  it('answers the health check', async () => {
    expect(await send(http.port, { method: 'GET', path: '/healthz' })).toEqual({
      status: 200,
      body: 'ok',
    });
  });

  it('is ready when the database answers, carries every migration and the store answers', async () => {
    const answer = await send(http.port, { method: 'GET', path: '/readyz' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      ready: true,
      checks: { database: 'ok', migrations: 'ok', store: 'ok' },
    });
  });

  it('answers an update posted with the secret token at once, then replies to the customer', async () => {
    const answer = await post(update(500, 9201, '/help'));
    expect(answer.status).toBe(200);
    // The turn runs after the answer, from the inbox; its reply leaves through the outbox.
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(sent.at(-1)).toMatchObject({
      chat_id: 9201,
      text: expect.stringMatching(/in your own words/),
    });
  });

  it.each([
    ['without the secret header', null],
    ['with a wrong secret of the same length', 'hook-secret-124'],
    ['with a longer secret that starts with the right one', `${SECRET}0`],
    ['with an empty secret', ''],
  ])('refuses an update %s (401) and handles nothing', async (_title, secret) => {
    const before = sent.length;
    const answer = await post(update(501, 9202, '/help'), secret);
    expect(answer.status).toBe(401);
    expect(sent.length).toBe(before);
  });

  it('refuses a forged request before reading its body', async () => {
    // Headers announce a 10 MB body that never comes: the answer must not wait for it.
    const answer = await send(
      http.port,
      { headers: { [SECRET_HEADER]: 'forged', 'content-length': 10_000_000 } },
      ['{'],
      false,
    );
    expect(answer.status).toBe(401);
  });

  it('refuses a body announced larger than the limit (413) without reading it', async () => {
    const answer = await send(
      http.port,
      { headers: { [SECRET_HEADER]: SECRET, 'content-length': MAX_BODY + 1 } },
      ['{'],
      false,
    );
    expect(answer.status).toBe(413);
  });

  it('stops reading a chunked body once it passes the limit (413) and handles nothing', async () => {
    const before = sent.length;
    const big = JSON.stringify({ ...update(502, 9203, 'x'.repeat(MAX_BODY)) });
    const answer = await send(http.port, { headers: { [SECRET_HEADER]: SECRET } }, [
      big.slice(0, 8_000),
      big.slice(8_000),
    ]);
    expect(answer.status).toBe(413);
    expect(sent.length).toBe(before);
  });

  it.each([
    ['not JSON', '{"update_id": 5, '],
    ['a JSON array', '[1, 2]'],
    ['JSON without an update_id', '{"message": {}}'],
    ['an update_id that is not an integer', '{"update_id": "5"}'],
  ])('refuses a body that is %s (400)', async (_title, body) => {
    const answer = await send(http.port, { headers: { [SECRET_HEADER]: SECRET } }, [body]);
    expect(answer.status).toBe(400);
  });

  it('answers only GET on the operations paths and POST on the webhook', async () => {
    expect((await send(http.port, { method: 'PUT', path: '/hook' })).status).toBe(405);
    expect((await send(http.port, { method: 'GET', path: '/hook' })).status).toBe(404);
  });

  it('exports Prometheus metrics, counting the updates it handled', async () => {
    const before = sent.length;
    await post(update(503, 9204, 'my fridge is too cold, the vegetables freeze'));
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBeGreaterThan(before);
    const answer = await send(http.port, { method: 'GET', path: '/metrics' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/^frontline_updates_total\{kind="message",outcome="ok"\} [1-9]/m);
    expect(answer.body).toMatch(/^frontline_update_handler_seconds_count\{kind="message"\} [1-9]/m);
    expect(answer.body).toMatch(/^frontline_triage_total\{step="guide",label="misuse"\} 1$/m);
    for (const name of [
      'frontline_tickets_total',
      'frontline_jobs_total',
      'frontline_outbox_depth',
      'frontline_telegram_api_errors_total',
      'frontline_llm_tokens_total',
      'frontline_paid_sends_total',
      'process_resident_memory_bytes',
    ])
      expect(answer.body).toContain(`# TYPE ${name} `);
  });

  it('counts a redelivered update as a duplicate and does not handle it again', async () => {
    const before = sent.length;
    expect((await post(update(503, 9204, 'my fridge is too cold'))).status).toBe(200);
    expect(sent.length).toBe(before);
    const metrics = (await send(http.port, { method: 'GET', path: '/metrics' })).body;
    expect(metrics).toMatch(/^frontline_updates_total\{kind="message",outcome="duplicate"\} 1$/m);
  });

  it('once draining, says it is not ready and refuses new updates with 503', async () => {
    await http.drain();
    expect((await send(http.port, { method: 'GET', path: '/readyz' })).status).toBe(503);
    expect((await post(update(504, 9205, '/help'))).status).toBe(503);
    expect((await send(http.port, { method: 'GET', path: '/healthz' })).status).toBe(200);
  });
});
