import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveWebhookSecret, SECRET_HEADER } from '../../bot/http/index.ts';
import { startBotProcess } from '../support/bot-process.ts';
import { type FakeCall, startFakeBotApi } from '../support/fake-bot-api.ts';
import { freePort } from '../support/throwaway-servers.ts';

const TOKEN = '424242:AAShutdownTestToken000000000000';
type Call = FakeCall;

const isReplyTo = (chatId: number) => (call: Call) =>
  call.method === 'sendMessage' && call.body.chat_id === chatId;

describe('graceful shutdown on SIGTERM, in a real child process', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setUp(mode: 'polling' | 'webhook', env: Record<string, string> = {}) {
    const api = await startFakeBotApi();
    const dataDir = mkdtempSync(join(tmpdir(), 'frontline-sigterm-'));
    const port = await freePort();
    const bot = startBotProcess({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.root,
      BOT_MODE: mode,
      ...(mode === 'webhook' ? { WEBHOOK_URL: 'https://bot.example.test/hook' } : {}),
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ...env,
    });
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanup.push(() => api.close());
    cleanup.push(() => {
      if (bot.child.exitCode === null) return bot.kill();
    });
    await bot.serving(port);
    return { api, bot, port };
  }

  it('in polling mode: stops fetching, finishes the turn in hand, closes and exits 0', async () => {
    const { api, bot, port } = await setUp('polling');
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);

    api.holdReplies();
    api.queue(api.message(7001, '/help'));
    await api.waitForCall(isReplyTo(7001));
    // The reply is in flight (Telegram has not answered it): now the operator stops the bot.
    bot.child.kill('SIGTERM');
    await sleep(1_000);
    expect(bot.child.exitCode).toBeNull();
    const polls = api.calls.filter((call) => call.method === 'getUpdates').length;
    api.queue(api.message(7002, '/help'));
    await sleep(700);
    api.release();

    expect(await bot.exited).toBe(0);
    expect(api.calls.filter((call) => call.method === 'getUpdates').length).toBeLessThanOrEqual(
      polls + 1,
    );
    expect(api.calls.some(isReplyTo(7002))).toBe(false);
    expect(bot.output()).toMatch(/SIGTERM: stopping/);
    expect(bot.output()).toMatch(/"msg":"stopped"/);
  }, 150_000);

  it('in webhook mode: registers the secret, refuses forgeries, drains and exits 0', async () => {
    const { api, bot, port } = await setUp('webhook');
    const registered = await api.waitForCall((call) => call.method === 'setWebhook');
    // No WEBHOOK_SECRET was set: one is derived from the token and registered.
    expect(registered.body).toMatchObject({
      url: 'https://bot.example.test/hook',
      secret_token: deriveWebhookSecret(TOKEN),
    });
    const post = (update: unknown, secret = deriveWebhookSecret(TOKEN)) =>
      fetch(`http://127.0.0.1:${port}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
        body: JSON.stringify(update),
      });
    expect((await post(api.message(7101, '/help'), 'guessed')).status).toBe(401);
    expect(api.calls.some(isReplyTo(7101))).toBe(false);

    api.holdReplies();
    const inFlight = post(api.message(7102, '/help'));
    await api.waitForCall(isReplyTo(7102));
    bot.child.kill('SIGTERM');
    await sleep(1_000);
    expect(bot.child.exitCode).toBeNull();
    // Draining: a new update is refused with 503 so that Telegram delivers it again later.
    expect((await post(api.message(7103, '/help'))).status).toBe(503);
    api.release();

    expect((await inFlight).status).toBe(200);
    expect(await bot.exited).toBe(0);
    expect(api.calls.some(isReplyTo(7103))).toBe(false);
    expect(bot.output()).toMatch(/"msg":"stopped"/);
  }, 150_000);

  it.each(['polling', 'webhook'] as const)(
    'in %s mode: delivers the replies waiting behind the send budget before it exits',
    async (mode) => {
      // One message a second: the replies of six customers queue in the outbox.
      const { api, bot, port } = await setUp(mode, { TELEGRAM_SENDS_PER_SECOND: '1' });
      const chats = [7201, 7202, 7203, 7204, 7205, 7206];
      const updates = chats.map((chat) => api.message(chat, '/help'));
      if (mode === 'polling') api.queue(...updates);
      else
        for (const update of updates)
          expect(
            (
              await fetch(`http://127.0.0.1:${port}/hook`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  [SECRET_HEADER]: deriveWebhookSecret(TOKEN),
                },
                body: JSON.stringify(update),
              })
            ).status,
          ).toBe(200);
      // The turns are committed and their replies wait: /metrics reports the outbox's depth.
      await waitForGauge(port, 'frontline_outbox_depth', (value) => value >= 2);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      // Nothing was left in the outbox: every customer got the reply before the process ended.
      for (const chat of chats) expect(api.calls.some(isReplyTo(chat)), `chat ${chat}`).toBe(true);
      expect(bot.output()).toMatch(/"msg":"stopped"/);
    },
    150_000,
  );
});

/** Scrapes `/metrics` until the gauge's value satisfies `accept` (else the test fails). */
async function waitForGauge(
  port: number,
  name: string,
  accept: (value: number) => boolean,
  ms = 60_000,
): Promise<number> {
  const end = Date.now() + ms;
  for (;;) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const value = Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    if (accept(value)) return value;
    if (Date.now() > end) throw new Error(`${name} never reached the value wanted (last ${value})`);
    await sleep(50);
  }
}
