import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveWebhookSecret, SECRET_HEADER } from '../../bot/http/index.ts';

const TOKEN = '424242:AAShutdownTestToken000000000000';
const ROOT = new URL('../..', import.meta.url).pathname;

type Call = { method: string; body: Record<string, unknown> };

/**
 * Just enough of the Bot API for the bot to start, long-poll and reply; `holdReplies` keeps each
 * sendMessage unanswered until `release()`, so a turn is in flight when the test says so.
 */
async function startFakeBotApi() {
  const calls: Call[] = [];
  const queued: unknown[] = [];
  let nextUpdate = 1;
  let holding = false;
  const held: (() => void)[] = [];
  const waiters: (() => void)[] = [];
  const readJson = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? '').split('/').at(-1) ?? '';
    const body = await readJson(req);
    calls.push({ method, body });
    for (const wake of waiters.splice(0)) wake();
    const answer = (result: unknown) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, result }));
    if (method === 'getMe')
      return answer({ id: 424242, is_bot: true, first_name: 'Frontline', username: 'fl_bot' });
    if (method === 'getUpdates') {
      const deadline = Date.now() + 500;
      while (queued.length === 0 && Date.now() < deadline && !req.destroyed) await sleep(20);
      return answer(queued.splice(0));
    }
    if (method === 'sendMessage') {
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return answer({
        message_id: calls.length,
        date: 0,
        chat: { id: body.chat_id, type: 'private' },
        text: body.text,
      });
    }
    return answer(true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    message(chatId: number, text: string) {
      const id = nextUpdate++;
      return {
        update_id: id,
        message: {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private', first_name: 'C' },
          from: { id: chatId, is_bot: false, first_name: 'C', language_code: 'en' },
          text,
        },
      };
    },
    queue(update: unknown) {
      queued.push(update);
    },
    holdReplies() {
      holding = true;
    },
    release() {
      holding = false;
      for (const resume of held.splice(0)) resume();
    },
    async waitFor(predicate: (call: Call) => boolean, ms = 60_000): Promise<Call> {
      const end = Date.now() + ms;
      for (;;) {
        const found = calls.find(predicate);
        if (found) return found;
        if (Date.now() > end) throw new Error('the bot never made the expected call');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start`'s own command line (tsx relays signals to the bot), as a child process. */
function startBot(env: Record<string, string>) {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['bot/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, exited, output: () => output };
}

async function waitUntilServing(port: number, child: ChildProcess, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error('the bot exited during start-up');
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(200);
  }
  throw new Error('the bot never answered /healthz');
}

const isReplyTo = (chatId: number) => (call: Call) =>
  call.method === 'sendMessage' && call.body.chat_id === chatId;

describe('graceful shutdown on SIGTERM, in a real child process', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setUp(mode: 'polling' | 'webhook') {
    const api = await startFakeBotApi();
    const dataDir = mkdtempSync(join(tmpdir(), 'frontline-sigterm-'));
    const port = await freePort();
    const bot = startBot({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.root,
      BOT_MODE: mode,
      ...(mode === 'webhook' ? { WEBHOOK_URL: 'https://bot.example.test/hook' } : {}),
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanup.push(() => api.close());
    cleanup.push(() => {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    });
    await waitUntilServing(port, bot.child);
    return { api, bot, port };
  }

  it('in polling mode: stops fetching, finishes the turn in hand, closes and exits 0', async () => {
    const { api, bot, port } = await setUp('polling');
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);

    api.holdReplies();
    api.queue(api.message(7001, '/help'));
    await api.waitFor(isReplyTo(7001));
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
    const registered = await api.waitFor((call) => call.method === 'setWebhook');
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
    await api.waitFor(isReplyTo(7102));
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
});
