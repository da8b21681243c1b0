import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../bot/app.ts';
import { parseConfig } from '../../bot/config.ts';
import { createBot } from '../../bot/create-bot.ts';
import { createLogger } from '../../bot/logger.ts';
import { startWebhookServer } from '../../bot/webhook-server.ts';

const BOT_INFO = {
  id: 43,
  is_bot: true,
  first_name: 'Frontline',
  username: 'frontline_hook_bot',
} as UserFromGetMe;
const SECRET = 'hook-secret-123';

describe('webhook mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-hook-'));
  const sent: Record<string, unknown>[] = [];
  let app: App;
  let server: Server;
  let url: string;

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
    const { bot } = createBot(app.deps, {
      token: '43:hook',
      botInfo: BOT_INFO,
      transformers: [recorder],
    });
    server = await startWebhookServer(bot, { port: 0, secretToken: SECRET, log: app.deps.log });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (body: unknown, secret = SECRET) =>
    fetch(`${url}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(body),
    });

  it('answers the health check', async () => {
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('ok');
  });

  it('handles an update posted with the secret token', async () => {
    const response = await post({
      update_id: 500,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 9201, type: 'private', first_name: 'W' },
        from: { id: 9201, is_bot: false, first_name: 'W', language_code: 'en' },
        text: '/help',
      },
    });
    expect(response.status).toBe(200);
    expect(sent.at(-1)).toMatchObject({
      chat_id: 9201,
      text: expect.stringMatching(/in your own words/),
    });
  });

  it('refuses an update without the secret token', async () => {
    const before = sent.length;
    const response = await post(
      {
        update_id: 501,
        message: {
          message_id: 2,
          date: 0,
          chat: { id: 9202, type: 'private' },
          from: { id: 9202, is_bot: false, first_name: 'X' },
          text: '/help',
        },
      },
      'wrong',
    );
    expect(response.status).toBe(401);
    expect(sent.length).toBe(before);
  });
});
