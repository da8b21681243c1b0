import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Update } from 'grammy/types';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../bot/app.ts';
import { parseConfig } from '../../bot/config.ts';
import { createBot, type FrontlineBot } from '../../bot/create-bot.ts';
import { createLogger } from '../../bot/logger.ts';
import { createJobWorker, type JobWorker } from '../../db/index.ts';
import {
  type ChatDriver,
  INTAKE_SCRIPT,
  playScript,
  textsOf,
} from '../support/customer-scripts.ts';
import { createTestPostgresDatabase, DATABASE_URL } from '../support/db.ts';
import { RECORDED_BOT_INFO, RecordedTelegram } from '../support/recorded-telegram.ts';
import {
  missingServers,
  startThrowawayRedis,
  type ThrowawayServer,
} from '../support/throwaway-servers.ts';

const STAFF_CHAT = -100888;
const CUSTOMERS = 200;
const skip = !DATABASE_URL ? 'DATABASE_URL is not set' : missingServers({ redis: true });

/**
 * Scale-out: two bot instances — each with its own database pool, Redis connection, inbox worker,
 * outbox sender and job worker — on one PostgreSQL database and one Redis, behind a "load
 * balancer" that hands each update to either. 200 customers take a fault through the intake to
 * a ticket at the same time, some sending two answers at once to different instances. The send
 * budget is raised to 1,000 a second here (the recorded Bot API has no limit to keep): this test
 * is about order and exactly-once, the surge test about the budget.
 */
describe.skipIf(skip)(
  `two instances on one PostgreSQL and Redis${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    const telegram = new RecordedTelegram();
    const dataDir = mkdtempSync(join(tmpdir(), 'frontline-scale-'));
    let redis: ThrowawayServer;
    let database: { url: string; drop(): Promise<void> };
    const apps: App[] = [];
    const bots: FrontlineBot[] = [];
    const workers: JobWorker[] = [];
    let pool: pg.Pool;

    beforeAll(async () => {
      redis = await startThrowawayRedis();
      database = await createTestPostgresDatabase();
      for (let i = 0; i < 2; i += 1) {
        const config = parseConfig({
          DATA_DIR: dataDir,
          DATABASE_URL: database.url,
          REDIS_URL: redis.url,
          STAFF_CHAT_ID: String(STAFF_CHAT),
          LOG_LEVEL: 'silent',
        });
        const app = await createApp(config, createLogger('silent'), { now: () => new Date() });
        const bot = createBot(app.deps, {
          token: '42:scale',
          botInfo: RECORDED_BOT_INFO,
          apiPolicy: false,
          transformers: [telegram.transformer],
          delivery: { sendsPerSecond: 1_000, pollMs: 50 },
          staff: { perMinute: 100_000 },
        });
        const worker = createJobWorker({
          db: app.database.db,
          clock: app.deps.clock,
          handlers: bot.jobHandlers,
          pollMs: 100,
        });
        void bot.start();
        worker.start();
        apps.push(app);
        bots.push(bot);
        workers.push(worker);
      }
      pool = new pg.Pool({ connectionString: database.url, max: 2 });
      // pool.end() resolves before its clients' connections are closed; the database's forced drop
      // can then end one of them with 57P01, which an idle client reports to the pool.
      pool.on('error', () => undefined);
    }, 120_000);

    afterAll(async () => {
      for (const worker of workers) await worker.stop();
      for (const bot of bots) await bot.stop({ drainMs: 0 });
      for (const app of apps) await app.close();
      await pool?.end();
      await database?.drop();
      await redis?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    let updateId = 1;
    let delivered = 0;
    const from = (id: number) => ({ id, is_bot: false, first_name: 'C', language_code: 'en' });
    const chat = (id: number) => ({ id, type: 'private', first_name: 'C' });
    const driver: ChatDriver = {
      message: (userId, text) =>
        ({
          update_id: updateId++,
          message: { message_id: updateId, date: 0, chat: chat(userId), from: from(userId), text },
        }) as Update,
      press(userId, label) {
        const found = telegram.buttonIn(userId, label);
        if (!found) throw new Error(`no button ${label} for ${userId}`);
        return {
          update_id: updateId++,
          callback_query: {
            id: `q${updateId}`,
            from: from(userId),
            chat_instance: 'scale',
            data: found.data,
            message: { message_id: found.message.messageId, date: 0, chat: chat(userId), text: '' },
          },
        } as Update;
      },
      // The load balancer: every other update goes to the other instance.
      deliver: async (update) => bots[delivered++ % 2]?.receive([update]),
      count: (userId) => telegram.messages.filter((m) => m.chatId === userId).length,
      async waitFor(userId, pattern, after, ms) {
        const end = Date.now() + ms;
        for (;;) {
          const fresh = telegram.messages.filter((m) => m.chatId === userId).slice(after);
          if (fresh.some((m) => pattern.test(m.text))) return;
          if (Date.now() > end) throw new Error(`chat ${userId} never got ${pattern}`);
          await sleep(25);
        }
      },
    };

    /** Two answers at once, to different instances: handled in the order they were sent. */
    async function burstThenRest(userId: number) {
      await playScript(driver, userId, INTAKE_SCRIPT.slice(0, 1));
      const [name, phone] = INTAKE_SCRIPT.slice(1, 3);
      if (!name || !phone || !('say' in name) || !('say' in phone))
        throw new Error('script changed');
      const before = driver.count(userId);
      await driver.deliver(driver.message(userId, name.say));
      await driver.deliver(driver.message(userId, phone.say));
      await driver.waitFor(userId, phone.expect, before, 120_000);
      await playScript(driver, userId, INTAKE_SCRIPT.slice(3), { stepMs: 120_000 });
    }

    it('files 200 interleaved tickets exactly once each, in per-chat order, each staff job once', async () => {
      const customers = Array.from({ length: CUSTOMERS }, (_, i) => 9_500_000 + i);
      await Promise.all(
        customers.map((id, i) =>
          i % 10 === 0
            ? burstThenRest(id)
            : playScript(driver, id, INTAKE_SCRIPT, { stepMs: 120_000 }),
        ),
      );

      const tickets = await pool.query<{ user_id: string; n: number }>(
        `select c.telegram_user_id as user_id, count(t.id)::int as n
         from customers c join tickets t on t.customer_id = c.id group by 1`,
      );
      expect(tickets.rows).toHaveLength(CUSTOMERS);
      expect(tickets.rows.every((row) => row.n === 1)).toBe(true);
      // Each ticket's staff job ran once, by whichever instance's worker claimed it: one topic and
      // one card per ticket in the staff chat.
      await expect
        .poll(
          async () =>
            (
              await pool.query<{ n: number }>(
                `select count(*)::int as n from jobs where kind = 'staff-new-ticket' and state = 'done'`,
              )
            ).rows[0]?.n,
          { timeout: 120_000 },
        )
        .toBe(CUSTOMERS);
      const topics = await pool.query<{ n: number }>(
        'select count(*)::int as n from ticket_topics',
      );
      expect(topics.rows[0]?.n).toBe(CUSTOMERS);
      const created = telegram.calls.filter((c) => c.method === 'createForumTopic').length;
      const deleted = telegram.calls.filter((c) => c.method === 'deleteForumTopic').length;
      expect(created - deleted).toBe(CUSTOMERS);
      // A topic's card goes through the outbox, written with the topic's record: delivered once
      // nothing of the kind is queued.
      await expect
        .poll(
          async () =>
            (
              await pool.query<{ n: number }>(
                `select count(*)::int as n from outbox_messages
                 where state in ('pending', 'sending') and key ~ '^staff-topic:[^:]+:(card|pin):'`,
              )
            ).rows[0]?.n,
          { timeout: 120_000 },
        )
        .toBe(0);
      const numbers = await pool.query<{ number: string }>('select number from tickets');
      for (const { number } of numbers.rows) {
        const cards = telegram.messages.filter(
          (m) => m.chatId === STAFF_CHAT && m.text.includes(number) && m.text.startsWith('🆕'),
        );
        expect(cards, number).toHaveLength(1);
      }

      const open = await pool.query<{ n: number }>(
        `select count(*)::int as n from inbox_updates where state <> 'done'`,
      );
      expect(open.rows[0]?.n).toBe(0);
      for (const id of customers) {
        const entries = await pool.query<{ direction: string; text: string }>(
          `select t.direction, t.text from transcript_entries t join customers c on c.id = t.customer_id
           where c.telegram_user_id = $1 order by t.id`,
          [id],
        );
        // Per-chat order: the answers in the order sent, the replies in the order committed.
        expect(entries.rows.filter((e) => e.direction === 'in').map((e) => e.text)).toEqual(
          textsOf(INTAKE_SCRIPT),
        );
        const replies = entries.rows.filter((e) => e.direction === 'out').map((e) => e.text);
        const received = telegram.messages.filter((m) => m.chatId === id).map((m) => m.text);
        expect(received).toEqual(replies);
      }
    }, 600_000);
  },
);
