import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserFromGetMe } from 'grammy/types';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { type App, createApp } from '../../bot/app.ts';
import { type Config, parseConfig } from '../../bot/config.ts';
import { createMovableClock, type MovableClock } from '../../bot/console/console-clock.ts';
import { createBot, type FrontlineBot } from '../../bot/create-bot.ts';
import { createLogger } from '../../bot/logger.ts';
import type { startLongPolling } from '../../bot/long-polling.ts';
import type { JobWorker } from '../../db/index.ts';
import { startBotLoops } from './bot-loops.ts';
import { freePort } from './throwaway-servers.ts';

export const TOKEN = '123456:AAE2eTestTokenForTheEmulator0000';

/** A message the bot sent, as the emulator stored it. */
export type BotMessage = {
  chatId: number;
  messageId: number;
  text: string;
  buttons: { text: string; data: string }[];
  keyboard?: unknown;
  /** Sent with `disable_notification` (no sound). */
  silent: boolean;
};

/**
 * The Bot API emulator (telegram-test-api) as the real peer, and the real bot long-polling it:
 * the same createApp + createBot the production entry point uses, on PGlite in a temp folder and
 * the in-process store (or PostgreSQL / Redis when DATABASE_URL / REDIS_URL are set).
 */
export class E2eHarness {
  server!: InstanceType<typeof TelegramServer>;
  app!: App;
  polling: ReturnType<typeof startLongPolling> | undefined;
  frontline!: FrontlineBot;
  worker!: JobWorker;
  /**
   * 10:00 in Shanghai on 2026-03-10 when the harness is made, then running with real time: the
   * answers (warranty terms, visit days) never depend on the day the suite runs.
   */
  clock: MovableClock = createMovableClock(
    (
      (start, real) => () =>
        start + (Date.now() - real)
    )(Date.parse('2026-03-10T02:00:00Z'), Date.now()),
  );
  config!: Config;
  private dataDir = mkdtempSync(join(tmpdir(), 'frontline-e2e-'));

  async start(env: Record<string, string> = {}): Promise<void> {
    const port = await freePort();
    this.server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
    await this.server.start();
    this.config = parseConfig({
      DATA_DIR: this.dataDir,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: this.server.config.apiURL,
      LOG_LEVEL: 'silent',
      ...env,
    });
    await this.startBot();
  }

  /** Starts (or restarts) the bot process part: app, bot, runner, job worker. */
  async startBot(): Promise<void> {
    const log = createLogger(process.env.E2E_LOG ?? 'silent');
    this.app = await createApp(this.config, log, this.clock);
    const botInfo = await fetch(`${this.server.config.apiURL}/bot${TOKEN}/getMe`).then(
      async (r) => ((await r.json()) as { result: UserFromGetMe }).result,
    );
    this.frontline = createBot(this.app.deps, {
      token: TOKEN,
      apiRoot: this.server.config.apiURL,
      botInfo,
    });
    ({ worker: this.worker, polling: this.polling } = startBotLoops(
      this.app,
      this.frontline,
      this.clock,
    ));
  }

  /** Stops the bot as a crash or deploy would, keeping the emulator and the data folder. */
  async stopBot(): Promise<void> {
    await this.polling?.stop();
    this.polling = undefined;
    await this.frontline.stop();
    await this.app.close();
  }

  async stop(): Promise<void> {
    await this.stopBot().catch(() => undefined);
    await this.server.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  client(userId: number, languageCode: string) {
    return new E2eCustomer(this, userId, languageCode);
  }

  botMessages(chatId: number): BotMessage[] {
    return this.server.storage.botMessages
      .filter((update) => Number(update.message.chat_id) === chatId)
      .map((update) => {
        const raw = update.message.reply_markup as unknown;
        const markup = (typeof raw === 'string' ? JSON.parse(raw) : raw) as
          | { inline_keyboard?: { text: string; callback_data: string }[][]; keyboard?: unknown }
          | undefined;
        const buttons = (markup?.inline_keyboard ?? [])
          .flat()
          .map((b) => ({ text: b.text, data: b.callback_data }));
        return {
          chatId,
          messageId: update.messageId,
          text: String(update.message.text),
          buttons,
          keyboard: markup?.keyboard,
          silent:
            String((update.message as { disable_notification?: unknown }).disable_notification) ===
            'true',
        };
      });
  }
}

/** One customer in a private chat with the bot. */
export class E2eCustomer {
  /** Each bot message's text as last read: a new id, or a changed text (an edit), is fresh. */
  private seen = new Map<number, string>();
  constructor(
    private readonly harness: E2eHarness,
    readonly userId: number,
    private readonly languageCode: string,
  ) {}

  private get client() {
    return this.harness.server.getClient(TOKEN, {
      userId: this.userId,
      chatId: this.userId,
      firstName: 'Test',
      type: 'private',
    });
  }

  private from() {
    return { id: this.userId, first_name: 'Test', is_bot: false, language_code: this.languageCode };
  }

  /** Sends text (a command when it starts with "/") and waits for the replies that match. */
  async say(text: string, until: RegExp): Promise<BotMessage[]> {
    const client = this.client;
    const message = text.startsWith('/')
      ? client.makeCommand(text, { from: this.from() } as never)
      : client.makeMessage(text, { from: this.from() } as never);
    await (text.startsWith('/')
      ? client.sendCommand(message as never)
      : client.sendMessage(message as never));
    return this.waitFor(until);
  }

  /** Shares a contact (the reply keyboard's button). */
  async shareContact(phone: string, until: RegExp): Promise<BotMessage[]> {
    const client = this.client;
    const message = client.makeMessage('', {
      from: this.from(),
      contact: { phone_number: phone, first_name: 'Test', user_id: this.userId },
    } as never) as Record<string, unknown>;
    delete message.text;
    await client.sendMessage(message as never);
    return this.waitFor(until);
  }

  /** Presses the inline button whose label matches, on the latest message that has it. */
  async press(label: RegExp, until: RegExp): Promise<BotMessage[]> {
    const messages = this.harness.botMessages(this.userId);
    const owner = [...messages]
      .reverse()
      .find((message) => message.buttons.some((b) => label.test(b.text)));
    const button = owner?.buttons.find((candidate) => label.test(candidate.text));
    if (!owner || !button)
      throw new Error(`no button ${label} in:\n${messages.map((m) => m.text).join('\n---\n')}`);
    const client = this.client;
    const query = client.makeCallbackQuery(button.data, {
      from: this.from(),
      message: { message_id: owner.messageId, chat: { id: this.userId, type: 'private' } },
    } as never);
    await client.sendCallback(query as never);
    return this.waitFor(until);
  }

  /** Bot messages that are new, or were edited, since the last wait returned. */
  private fresh(): BotMessage[] {
    return this.harness
      .botMessages(this.userId)
      .filter((message) => this.seen.get(message.messageId) !== message.text);
  }

  /**
   * Waits until a new or edited bot message matches `until` (a guided step replaces the pressed
   * message in place); returns every new or edited message up to then.
   */
  async waitFor(until: RegExp, timeoutMs = 8_000): Promise<BotMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.fresh().some((message) => until.test(message.text))) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const settled = this.fresh();
        for (const message of settled) this.seen.set(message.messageId, message.text);
        return settled;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const fresh = this.fresh();
    throw new Error(
      `timed out waiting for ${until}; new messages:\n${fresh.map((m) => m.text).join('\n---\n') || '(none)'}`,
    );
  }
}
