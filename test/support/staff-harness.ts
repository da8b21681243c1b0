import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { UserFromGetMe } from 'grammy/types';
import { type App, createApp } from '../../bot/app.ts';
import { type Config, parseConfig, toContactPromiseRule } from '../../bot/config.ts';
import { createMovableClock, type MovableClock } from '../../bot/console/console-clock.ts';
import { type CreateBotOptions, createBot, type FrontlineBot } from '../../bot/create-bot.ts';
import { createLogger } from '../../bot/logger.ts';
import type { startLongPolling } from '../../bot/long-polling.ts';
import {
  decideContactPromise,
  type NewTicket,
  type Ticket,
  toZonedTime,
} from '../../core/index.ts';
import type { JobWorker } from '../../db/index.ts';
import { rowsOf } from '../../db/migrate.ts';
import { newTicket } from '../db/fixtures.ts';
import {
  BotApiDouble,
  type Content,
  type DoubleUser,
  type StoredMessage,
} from './bot-api-double.ts';
import { startBotLoops } from './bot-loops.ts';
import { createTestPostgresDatabase, DATABASE_URL } from './db.ts';

export const TOKEN = '777000:StaffDoubleTokenForTheTests000000';
export const BOT: DoubleUser = {
  id: 777000,
  first_name: 'Frontline',
  username: 'frontline_test_bot',
  is_bot: true,
};
export const STAFF_CHAT = -1001234567890;

let nextUserId = 40_000 + (process.pid % 1000) * 100;
/** A person with an id no other test in this process uses. */
export function person(first_name: string, extra: Partial<DoubleUser> = {}): DoubleUser {
  nextUserId += 1;
  return { id: nextUserId, first_name, language_code: 'en', ...extra };
}

const matches = (message: StoredMessage, pattern: RegExp) =>
  pattern.test(message.text ?? message.caption ?? '');

/**
 * The real bot (createApp + createBot, long polling) against the Bot API double, with a staff
 * forum where the bot is an administrator, on PGlite in a temporary folder (or a fresh PostgreSQL
 * database when DATABASE_URL is set). Jobs run when a test calls `runJobs()`, on a clock the
 * test moves.
 */
export class StaffHarness {
  readonly double = new BotApiDouble({ token: TOKEN, bot: BOT });
  /** 10:00 in Shanghai on 2026-03-10 when the harness starts, then running with real time. */
  readonly clock: MovableClock = createMovableClock(
    (
      (start, real) => () =>
        start + (Date.now() - real)
    )(Date.parse('2026-03-10T02:00:00Z'), Date.now()),
  );
  app!: App;
  frontline!: FrontlineBot;
  worker!: JobWorker;
  config!: Config;
  private polling: ReturnType<typeof startLongPolling> | undefined;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'frontline-staff-'));

  private dropDatabase: (() => Promise<void>) | undefined;

  async start(
    env: Record<string, string> = {},
    options: Pick<CreateBotOptions, 'delivery' | 'directCallTimeoutSeconds'> = {},
  ): Promise<void> {
    // Real PostgreSQL when the environment names it (concurrent takes really race); the store is
    // in-process, so seen update ids never meet another run's.
    let databaseUrl = '';
    if (DATABASE_URL) {
      const database = await createTestPostgresDatabase();
      databaseUrl = database.url;
      this.dropDatabase = database.drop;
    }
    await this.double.start();
    this.double.addSupergroup(STAFF_CHAT, 'Service team');
    this.double.setMember(STAFF_CHAT, BOT.id, 'administrator');
    this.config = parseConfig({
      DATA_DIR: this.dataDir,
      DATABASE_URL: databaseUrl,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: this.double.apiRoot,
      STAFF_CHAT_ID: String(STAFF_CHAT),
      STAFF_LANGUAGE: 'en',
      LOG_LEVEL: 'silent',
      ...env,
    });
    this.app = await createApp(
      this.config,
      createLogger(process.env.E2E_LOG ?? 'silent'),
      this.clock,
    );
    this.frontline = createBot(this.app.deps, {
      token: TOKEN,
      apiRoot: this.double.apiRoot,
      botInfo: { ...BOT, is_bot: true } as UserFromGetMe,
      staff: { perMinute: 600, albumWaitMs: 2_000, memberCacheMs: 0 },
      ...options,
    });
    ({ worker: this.worker, polling: this.polling } = startBotLoops(
      this.app,
      this.frontline,
      this.clock,
    ));
  }

  async stop(): Promise<void> {
    await this.polling?.stop();
    await this.frontline.stop();
    await this.frontline.staff.forum?.queue.idle();
    await this.app.close();
    await this.dropDatabase?.();
    await this.double.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get repos() {
    return this.app.deps.repos;
  }

  /** Whether the bot's outbox sender runs (see {@link stopSender}). */
  private delivering = true;

  /** Stops the bot's outbox sender: the test decides when (and by which sender) messages go. */
  async stopSender(): Promise<void> {
    this.delivering = false;
    await this.frontline.sender.stop();
  }

  /**
   * Runs the jobs that are due (the staff notice of a new ticket, alerts, reminders); while the
   * bot's sender runs, waits until the new topics' cards (written to the outbox with the topic) are
   * posted and pinned, and erasure's deletions (written with its job) made.
   */
  async runJobs() {
    const ran = await this.worker.runDue();
    const deadline = Date.now() + 10_000;
    while (this.delivering && Date.now() < deadline) {
      const queued = rowsOf<{ n: number }>(
        await this.app.deps.db.execute(sql`select count(*)::int as n from outbox_messages
          where state in ('pending', 'sending') and key ~ '^(staff-topic:[^:]+:(card|pin|photos):|erase-staff:)'`),
      );
      if ((queued[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return ran;
  }

  /** A member of the staff chat. */
  staffMember(name: string, extra: Partial<DoubleUser> = {}): DoubleUser {
    const user = person(name, extra);
    this.double.setMember(STAFF_CHAT, user.id, 'member');
    return user;
  }

  /** A customer with a private chat with the bot. */
  customer(name: string, languageCode = 'en'): DoubleUser {
    const user = person(name, { language_code: languageCode });
    this.double.addPrivateChat(user);
    return user;
  }

  /**
   * Files a ticket for the customer as the intake would (with the staff job), runs the job, and
   * returns the ticket and its topic.
   */
  /** Moves the clock forward to the next hh:mm in Shanghai (the service time zone). */
  advanceTo(hour: number, minute = 0): void {
    const { minute: now } = toZonedTime(this.clock.now(), 'Asia/Shanghai');
    const target = hour * 60 + minute;
    this.clock.advance(((target - now + 1440) % 1440 || 1440) * 60_000);
  }

  async fileTicket(
    customer: DoubleUser,
    overrides: Partial<NewTicket> = {},
  ): Promise<{ ticket: Ticket; topicId: number }> {
    const now = this.clock.now();
    const { id } = await this.repos.customers.ensure(
      customer.id,
      customer.language_code ?? 'en',
      now,
    );
    // The contact deadline the conversation stores when it files a ticket.
    const contactDueAt = decideContactPromise(now, toContactPromiseRule(this.config)).dueAt;
    const { ticket } = await this.repos.tickets.create(
      newTicket(id, { contactDueAt, ...overrides }),
      {
        idempotencyKey: `harness:${customer.id}:${now.getTime()}:${Math.random()}`,
        day: toZonedTime(now, this.config.SERVICE_TZ).date,
        at: now,
        actor: { kind: 'customer', customerId: id },
        jobs: [{ kind: 'staff-new-ticket', dueAt: now, payload: {} }],
      },
    );
    await this.runJobs();
    const topic = await this.repos.tickets.topicOf(ticket.id);
    if (!topic) throw new Error(`no topic for ${ticket.number}`);
    return { ticket, topicId: topic.topicId };
  }

  /** Waits for a new bot message (after the first `seen`) in a chat or topic that matches. */
  async waitForBot(
    chatId: number,
    pattern: RegExp,
    options: { topicId?: number; after?: number; timeoutMs?: number } = {},
  ): Promise<StoredMessage> {
    const { topicId, after = 0, timeoutMs } = options;
    return this.double.waitFor(
      () =>
        this.double
          .botMessages(chatId, topicId)
          .slice(after)
          .find((m) => matches(m, pattern)),
      `a bot message ${pattern} in ${chatId}${topicId === undefined ? '' : `/${topicId}`}`,
      timeoutMs,
    );
  }

  /** Someone writes; resolves with the bot's first new answer matching `until` in `answerIn`. */
  async says(
    from: DoubleUser,
    chatId: number,
    content: Content | string,
    until: RegExp,
    options: { topicId?: number; replyTo?: number; answerIn?: number; answerTopic?: number } = {},
  ): Promise<StoredMessage> {
    const answerIn = options.answerIn ?? chatId;
    const answerTopic = options.answerIn === undefined ? options.topicId : options.answerTopic;
    const after = this.double.botMessages(answerIn, answerTopic).length;
    const message = typeof content === 'string' ? { text: content } : content;
    this.double.send(from, chatId, message, options);
    return this.waitForBot(answerIn, until, { topicId: answerTopic, after });
  }

  /** Presses a button on the newest bot message in the chat (or topic) that has it. */
  async presses(
    from: DoubleUser,
    chatId: number,
    button: RegExp,
    until: RegExp,
    options: { topicId?: number; answerIn?: number; answerTopic?: number } = {},
  ): Promise<StoredMessage> {
    const owner = [...this.double.botMessages(chatId, options.topicId)]
      .reverse()
      .find((m) => m.reply_markup?.inline_keyboard?.flat().some((b) => button.test(b.text)));
    if (!owner) throw new Error(`no button ${button} in ${chatId}`);
    const answerIn = options.answerIn ?? chatId;
    const answerTopic = options.answerIn === undefined ? options.topicId : options.answerTopic;
    const after = this.double.botMessages(answerIn, answerTopic).length;
    this.double.press(from, chatId, owner.message_id, button);
    return this.waitForBot(answerIn, until, { topicId: answerTopic, after });
  }
}

export { newTicket };
