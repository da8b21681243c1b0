import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { createApp } from '../../bot/app.ts';
import { parseConfig } from '../../bot/config.ts';
import { createBot } from '../../bot/create-bot.ts';
import { createReadinessCheck, SECRET_HEADER, startHttpServer } from '../../bot/http/index.ts';
import { createLogger } from '../../bot/logger.ts';
import { rowsOf } from '../../db/migrate.ts';
import { INTAKE_SCRIPT, textsOf } from './customer-scripts.ts';
import { startFakeBotApi } from './fake-bot-api.ts';

export type SurgeOptions = {
  /** The send budget (messages a second), `TELEGRAM_SENDS_PER_SECOND`. */
  budget: number;
  /** How long updates arrive at twice the budget. */
  seconds: number;
  /** Share of the arrivals that are new customers (their first message). Default 1/4. */
  newShare?: number;
  env?: Record<string, string>;
};

export type SurgeFigures = {
  updates: number;
  newCustomers: number;
  /** Time from posting a new customer's first message to its reply reaching Telegram, ms. */
  firstReplyP50: number;
  firstReplyP95: number;
  firstReplyMax: number;
  /** Webhook answer time (the update stored, not handled), ms. */
  webhookP99: number;
  /** Replies committed but never delivered, after the queue drained. */
  lost: number;
  /** Chats whose received replies differ from the committed ones, or arrive out of order. */
  outOfOrder: number;
  /** 429s the stand-in gave (the bot must keep within the budget). */
  tooManyRequests: number;
  /** Customers who were shown the typing action while their reply waited. */
  typingShown: number;
  /** Seconds until every reply was delivered, counted from the start of the surge. */
  drainedAfterSeconds: number;
};

const SECRET = 'surge-secret';
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/**
 * A surge, measured from outside the bot: the real bot (webhook mode, in this process) with the
 * outgoing budget at `budget` a second and a local Bot API stand-in over HTTP that enforces a
 * flood limit of 1.5× it (in any second); updates posted to the webhook at twice the budget for `seconds`
 * — a share from new customers (a fault report), the rest from customers already writing (their
 * next intake answers, sent without waiting for the bot). Then the queue drains, and the figures
 * say how long new customers waited for their first reply, whether anything was lost or came out
 * of order, and whether the bot stayed within the limit.
 */
export async function runSurge(options: SurgeOptions): Promise<SurgeFigures> {
  const { budget, seconds, newShare = 0.25 } = options;
  const api = await startFakeBotApi({ sendsPerSecond: Math.ceil(budget * 1.5) });
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-surge-'));
  const config = parseConfig({
    TELEGRAM_BOT_TOKEN: '777:AASurgeToken000000000000000000000',
    TELEGRAM_API_ROOT: api.root,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    TELEGRAM_SENDS_PER_SECOND: String(budget),
    ...options.env,
  });
  const app = await createApp(config, createLogger('silent'), { now: () => new Date() });
  const frontline = createBot(app.deps, {
    token: config.TELEGRAM_BOT_TOKEN as string,
    apiRoot: api.root,
    botInfo: { id: 777, is_bot: true, first_name: 'Frontline', username: 'fl_fake_bot' } as never,
  });
  void frontline.start();
  const http = await startHttpServer({
    port: 0,
    log: app.deps.log,
    metrics: app.deps.metrics,
    readiness: createReadinessCheck({ db: app.database.db, store: app.store }),
    webhook: { secretToken: SECRET, onUpdate: (update) => frontline.receive([update]) },
  });
  const answers: number[] = [];
  const post = async (update: Update) => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${http.port}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
      body: JSON.stringify(update),
    });
    answers.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  };

  const texts = textsOf(INTAKE_SCRIPT);
  const sent = new Map<number, number>();
  const firstPosted = new Map<number, number>();
  const writing: number[] = [];
  let nextCustomer = 9_700_000;
  let updates = 0;
  const posts: Promise<void>[] = [];
  const chains = new Map<number, Promise<void>>();
  const perSecond = budget * 2;
  const start = Date.now();
  try {
    for (let tick = 0; tick < seconds * 10; tick += 1) {
      const due = start + tick * 100;
      if (due > Date.now()) await sleep(due - Date.now());
      const arrivals =
        Math.round(((tick + 1) * perSecond) / 10) - Math.round((tick * perSecond) / 10);
      for (let a = 0; a < arrivals; a += 1) {
        updates += 1;
        // New customers at `newShare` of the rate; the rest are the next answers of those writing.
        const followUp = writing.find((id) => (sent.get(id) ?? 0) < texts.length);
        const isNew = followUp === undefined || updates % Math.round(1 / newShare) === 1;
        const id = isNew ? nextCustomer++ : (followUp as number);
        if (isNew) {
          writing.push(id);
          firstPosted.set(id, Date.now());
        } else {
          // Round robin over the customers writing.
          writing.push(writing.splice(writing.indexOf(id), 1)[0] as number);
        }
        const n = sent.get(id) ?? 0;
        sent.set(id, n + 1);
        // Like Telegram, one chat's updates are delivered one after another (chats in parallel).
        const update = api.message(id, texts[n] as string);
        const delivered = (chains.get(id) ?? Promise.resolve()).then(() => post(update));
        chains.set(id, delivered);
        posts.push(delivered);
      }
    }
    await Promise.all(posts);
    // Drained: everything received was handled, and everything committed was delivered.
    const deadline = Date.now() + 30 * 60_000;
    while (Date.now() < deadline) {
      const pending =
        (await frontline.inbox.inbox.pendingCount()) + (await frontline.sender.depth());
      if (pending === 0) break;
      await sleep(200);
    }
    const drainedAfterSeconds = (Date.now() - start) / 1000;

    if (process.env.SURGE_DEBUG) {
      for (const [id, posted] of [...firstPosted].slice(0, 50).filter((_, i) => i % 7 === 0)) {
        const inbox = rowsOf<{ received_at: Date; handled_at: Date }>(
          await app.database.db.execute(
            sql`select received_at, handled_at from inbox_updates where chat_id = ${id} order by update_id limit 1`,
          ),
        )[0];
        const out = rowsOf<{ created_at: Date; sent_at: Date; priority: number }>(
          await app.database.db.execute(
            sql`select created_at, sent_at, priority from outbox_messages where chat_id = ${id} order by id limit 1`,
          ),
        )[0];
        const t = (d: Date | undefined) => (d ? new Date(d).getTime() - posted : null);
        process.stderr.write(
          `${JSON.stringify({ id, received: t(inbox?.received_at), handled: t(inbox?.handled_at), queued: t(out?.created_at), sent: t(out?.sent_at), priority: out?.priority, accepted: (api.chat(id)[0]?.at ?? 0) - posted })}\n`,
        );
      }
    }
    const waits = [...firstPosted].map(([id, posted]) => {
      const first = api.chat(id)[0];
      return first ? first.at - posted : Number.POSITIVE_INFINITY;
    });
    let lost = 0;
    let outOfOrder = 0;
    for (const id of sent.keys()) {
      const rows = rowsOf<{ direction: string; text: string }>(
        await app.database.db.execute(
          sql`select t.direction, t.text from transcript_entries t
              join customers c on c.id = t.customer_id
              where c.telegram_user_id = ${id} order by t.id`,
        ),
      );
      const inbound = rows.filter((r) => r.direction === 'in').map((r) => r.text);
      const committed = rows.filter((r) => r.direction === 'out').map((r) => r.text);
      const received = api.chat(id).map((m) => m.text);
      lost += Math.max(0, committed.length - received.length);
      const expected = texts.slice(0, sent.get(id));
      if (
        JSON.stringify(inbound) !== JSON.stringify(expected) ||
        JSON.stringify(received) !== JSON.stringify(committed)
      ) {
        outOfOrder += 1;
        if (process.env.SURGE_DEBUG)
          process.stderr.write(
            `${JSON.stringify({ id, inbound, expected, committed: committed.map((t) => t.slice(0, 30)), received: received.map((t) => t.slice(0, 30)) })}\n`,
          );
      }
    }
    return {
      updates,
      newCustomers: firstPosted.size,
      firstReplyP50: Math.round(percentile(waits, 50)),
      firstReplyP95: Math.round(percentile(waits, 95)),
      firstReplyMax: Math.round(Math.max(...waits)),
      webhookP99: Math.round(percentile(answers, 99)),
      lost,
      outOfOrder,
      tooManyRequests: api.tooManyRequests(),
      typingShown: api.typingChats(),
      drainedAfterSeconds: Math.round(drainedAfterSeconds),
    };
  } finally {
    await http.close();
    await frontline.stop({ drainMs: 0 });
    await app.close();
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
