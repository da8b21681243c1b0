import { randomInt } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import {
  Bot,
  type Context,
  MemorySessionStorage,
  type SessionFlavor,
  type StorageAdapter,
  session,
  type Transformer,
} from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { Redis } from 'ioredis';
import { createApp } from '../../bot/app.ts';
import { parseConfig } from '../../bot/config.ts';
import { createMovableClock } from '../../bot/console/console-clock.ts';
import { createBot } from '../../bot/create-bot.ts';
import { createLogger } from '../../bot/logger.ts';
import { sessionKey } from '../../bot/services/chat-keys.ts';
import { loadVersioned } from '../../db/index.ts';
import { REDIS_URL } from '../support/db.ts';
import { measureCost } from './cost.ts';
import { openBenchStorage } from './environment.ts';
import { quantile, round, type Scenario } from './harness.ts';
import { TRIAGE_BENCH_TEXTS } from './triage-texts.ts';

const BOT_INFO = {
  id: 4242,
  is_bot: true,
  first_name: 'Bench',
  username: 'bench_bot',
} as UserFromGetMe;
/** Updates handled at once, as the runner would (per chat in order, chats concurrently). */
const CONCURRENCY = 64;
const TRIAGE_CHATS = 2_000;
/**
 * The open loop's offered load (new customers' first messages a second, `BENCH_OFFERED_PER_S`)
 * and its length: the latency a customer sees when messages arrive at that rate, not 64 at once.
 */
const OFFERED_PER_S = Number(process.env.BENCH_OFFERED_PER_S) || 200;
const OFFERED_CHATS = 2_000;
const INTAKE_CHATS = 300;
const MEMORY_CHATS = 1_000;

const REPORT =
  'The washing machine shows error E21 and the drum does not turn at all, already restarted it twice';
const INTAKE_ANSWERS = [
  'Alice Wong',
  '+852 9123 4567',
  'XQG100-B12866',
  '3 months ago',
  'Flat 5B, 12 Nathan Road, Tsim Sha Tsui, Kowloon',
  'tomorrow afternoon',
];

type Button = { text: string; callback_data?: string };
type BareContext = Context & SessionFlavor<{ count: number }>;

/** Bot API methods that carry a message the customer reads (a button press's clearing does not). */
const MESSAGE_METHODS = new Set(['sendMessage', 'editMessageText', 'copyMessage']);

/**
 * Answers every Bot API call in process; remembers each chat's latest inline buttons only, and
 * counts the messages each chat was sent, so a step can wait for its reply's delivery.
 */
function createLocalApi() {
  const buttons = new Map<number, Button[]>();
  const messages = new Map<number, number>();
  const waiting = new Map<number, { count: number; resolve: () => void }>();
  let nextMessage = 1;
  const transformer: Transformer = async (_prev, method, payload) => {
    const call = payload as Record<string, unknown>;
    const chatId = Number(call.chat_id);
    const markup = call.reply_markup as { inline_keyboard?: Button[][] } | undefined;
    if (markup?.inline_keyboard) buttons.set(chatId, markup.inline_keyboard.flat());
    if (MESSAGE_METHODS.has(method)) {
      const count = (messages.get(chatId) ?? 0) + 1;
      messages.set(chatId, count);
      const waiter = waiting.get(chatId);
      if (waiter && count > waiter.count) {
        waiting.delete(chatId);
        waiter.resolve();
      }
    }
    const result =
      method === 'sendMessage' || method === 'copyMessage'
        ? { message_id: nextMessage++, date: 0, chat: { id: chatId, type: 'private' }, text: '' }
        : method === 'createForumTopic'
          ? { message_thread_id: nextMessage++, name: 'x', icon_color: 0 }
          : true;
    return { ok: true, result } as never;
  };
  return {
    transformer,
    buttons,
    /** Messages the chat was sent so far. */
    sent: (chatId: number) => messages.get(chatId) ?? 0,
    /** Resolves once the chat was sent more than `count` messages; fails after 60 s without. */
    sentMoreThan(chatId: number, count: number): Promise<void> {
      if ((messages.get(chatId) ?? 0) > count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(chatId);
          reject(new Error(`chat ${chatId}: no reply delivered within 60 s`));
        }, 60_000);
        waiting.set(chatId, {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

let nextUpdate = randomInt(1e9, 2e9);
const firstChat = () => randomInt(1e9, 5e9);
const user = (id: number) => ({ id, is_bot: false, first_name: 'Bench', language_code: 'en' });
const chatOf = (id: number) => ({ id, type: 'private', first_name: 'Bench' });
const textUpdate = (chatId: number, text: string) =>
  ({
    update_id: nextUpdate++,
    message: { message_id: nextUpdate, date: 0, chat: chatOf(chatId), from: user(chatId), text },
  }) as unknown as Update;
const pressUpdate = (chatId: number, data: string) =>
  ({
    update_id: nextUpdate++,
    callback_query: {
      id: String(nextUpdate),
      from: user(chatId),
      chat_instance: 'bench',
      data,
      message: { message_id: 1, date: 0, chat: chatOf(chatId), text: '' },
    },
  }) as unknown as Update;

/**
 * Runs each chat's steps in order, `CONCURRENCY` chats at a time; returns each step's latency (ms)
 * and the wall time. A step builds its update when it runs (a press reads the buttons just sent).
 * A closed loop: a lane sends its next update only once the last was answered, so 64 are always
 * waiting and the latency is mostly their queue (by Little's law the mean is 64 over the rate:
 * 50 ms at 1,280 a second); the open loop ({@link offer}) gives the latency at a stated load.
 */
async function drive(
  handle: (update: Update) => Promise<void>,
  chats: (() => Update)[][],
): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < chats.length) {
      const steps = chats[next++] ?? [];
      for (const step of steps) {
        const update = step();
        const t0 = performance.now();
        await handle(update);
        latencies.push(performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return { latencies, wallMs: performance.now() - started };
}

/**
 * The open loop: one update from each of `steps` arrives every `1000 / perSecond` ms whether or
 * not the earlier ones were answered (as customers write); each latency runs from the update's
 * arrival time to its reply's delivery, so time the loop itself fell behind is counted too.
 */
async function offer(
  handle: (update: Update) => Promise<void>,
  steps: (() => Update)[],
  perSecond: number,
): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  const answered: Promise<void>[] = [];
  const started = performance.now();
  for (const [i, step] of steps.entries()) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
    answered.push(
      handle(step()).then(() => {
        latencies.push(performance.now() - due);
      }),
    );
  }
  await Promise.all(answered);
  return { latencies, wallMs: performance.now() - started };
}

const summary = (
  prefix: string,
  { latencies, wallMs }: { latencies: number[]; wallMs: number },
) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    [`${prefix}updates_per_s`]: round((latencies.length / wallMs) * 1000),
    [`${prefix}p50_ms`]: round(quantile(sorted, 0.5), 2),
    [`${prefix}p99_ms`]: round(quantile(sorted, 0.99), 2),
  };
};

const reports = () => TRIAGE_BENCH_TEXTS.filter((text) => text.trim() !== '');

/** One report per new chat: the triage path (a customer's first message). */
const triageChats = (count: number) => {
  const texts = reports();
  const base = firstChat();
  return Array.from({ length: count }, (_, i) => [
    () => textUpdate(base + i, texts[i % texts.length] as string),
  ]);
};

function gc(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

/** A grammY session storage on Redis: the baseline's store when Frontline's is Redis too. */
function redisSessions(client: Redis, prefix: string): StorageAdapter<{ count: number }> {
  return {
    async read(key) {
      const text = await client.get(prefix + key);
      return text === null ? undefined : (JSON.parse(text) as { count: number });
    },
    async write(key, value) {
      await client.set(prefix + key, JSON.stringify(value), 'PX', 3_600_000);
    },
    async delete(key) {
      await client.del(prefix + key);
    },
  };
}

/**
 * The bot in process, update by update (Bot API answered locally, no outgoing rate policy): the
 * triage path (first messages) and the intake path (answers through to a filed ticket) with p50
 * and p99 latencies; a bare grammY bot with a session and one reply per update handling the same
 * kind of updates in the same run, as the baseline; and the memory an active conversation takes.
 */
export const updateScenario: Scenario = {
  name: 'updates_per_s',
  async run() {
    const storage = await openBenchStorage();
    const app = await createApp(
      parseConfig(storage.env),
      createLogger('silent'),
      createMovableClock(),
    );
    const api = createLocalApi();
    const frontline = createBot(app.deps, {
      token: `${BOT_INFO.id}:bench`,
      botInfo: BOT_INFO,
      apiPolicy: false,
      transformers: [api.transformer],
      // Handling is measured here, not Telegram's send budget (the surge scenario measures that).
      delivery: { sendsPerSecond: 100_000 },
    });
    // An update the whole way, as in production: stored in the inbox and its turn committed here,
    // its reply delivered by the outbox sender's own loop (woken by each commit, claiming what
    // the turns in hand committed meanwhile together), which runs beside the turns. A step ends
    // when its chat has been sent its reply (every turn here sends one message the customer reads).
    frontline.sender.start();
    const handle = async (update: Update) => {
      const chatId = update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? 0;
      const before = api.sent(chatId);
      await frontline.handle(update);
      await api.sentMoreThan(chatId, before);
    };
    const redis = REDIS_URL ? new Redis(REDIS_URL) : undefined;
    try {
      // Warm-up: pools, caches and the JIT's steady state. V8 optimises a turn's larger functions
      // only after a few thousand calls: after 200 warm-up messages the 2,000 measured ran partly
      // in baseline code and paid for TurboFan's compiles (about a quarter more CPU a message).
      await drive(handle, triageChats(TRIAGE_CHATS));
      // A deployment's tables have planner statistics (autovacuum analyses a table once a tenth
      // of it changed); this fresh database has none until autovacuum's first pass, a minute in,
      // and the plans each connection cached meanwhile scanned the whole outbox on every claim.
      if (storage.database === 'postgres') await app.database.db.execute(sql`analyze`);
      const { result: triage, figures: cost } = await measureCost(
        '',
        TRIAGE_CHATS,
        { db: storage.database === 'postgres' ? app.database.db : undefined, redis },
        () => drive(handle, triageChats(TRIAGE_CHATS)),
      );
      const offered = await offer(
        handle,
        triageChats(OFFERED_CHATS).map(([step]) => step as () => Update),
        OFFERED_PER_S,
      );

      /** Tickets in the database so far. */
      const ticketsFiled = async () =>
        (
          await app.deps.repos.report.figures(
            new Date(0),
            new Date(Date.now() + 86_400_000),
            { slaMs: 1, hours: { startMinute: 0, endMinute: 24 * 60 }, timeZone: 'UTC' },
            new Date(),
          )
        ).tickets.total;
      const filedBeforeIntake = await ticketsFiled();
      // The intake path: chats already escalated; their answers, the skip and the confirmation.
      const base = firstChat();
      const ids = Array.from({ length: INTAKE_CHATS }, (_, i) => base + i);
      await drive(
        handle,
        ids.map((id) => [() => textUpdate(id, REPORT)]),
      );
      const press = (id: number, label: RegExp) => () => {
        const data = api.buttons.get(id)?.find((b) => label.test(b.text))?.callback_data;
        return pressUpdate(id, data ?? 'missing');
      };
      const intake = await drive(
        handle,
        ids.map((id) => [
          ...INTAKE_ANSWERS.map((text) => () => textUpdate(id, text)),
          press(id, /Skip/),
          press(id, /Confirm/),
        ]),
      );
      const filedAfterIntake = await ticketsFiled();

      // The baseline: grammY with a session and one reply, the same triage-path updates.
      const bare = new Bot<BareContext>(`${BOT_INFO.id}:bare`, { botInfo: BOT_INFO });
      bare.api.config.use(createLocalApi().transformer);
      bare.use(
        session({
          initial: () => ({ count: 0 }),
          storage: redis
            ? redisSessions(redis, `bench-bare:${base}:`)
            : new MemorySessionStorage<{ count: number }>(),
        }),
      );
      bare.on('message', async (ctx) => {
        ctx.session.count += 1;
        await ctx.reply(`ok ${ctx.session.count}`);
      });
      const bareHandle = (update: Update) => bare.handleUpdate(update);
      await drive(bareHandle, triageChats(200));
      const baseline = await drive(bareHandle, triageChats(TRIAGE_CHATS));

      // Memory: conversations left in the intake (state held by the store).
      const collect = gc();
      collect();
      const heapBefore = process.memoryUsage().heapUsed;
      const memoryBase = firstChat();
      await drive(
        handle,
        Array.from({ length: MEMORY_CHATS }, (_, i) => [() => textUpdate(memoryBase + i, REPORT)]),
      );
      collect();
      const perConversation = (process.memoryUsage().heapUsed - heapBefore) / MEMORY_CHATS;
      // What the database keeps per conversation (its state, the source of truth).
      let sessionBytes = 0;
      for (let i = 0; i < 100; i++)
        sessionBytes += JSON.stringify(
          (await loadVersioned(app.database.db, sessionKey(memoryBase + i), new Date())).value ??
            '',
        ).length;

      const frontline = summary('', triage);
      const bareFigures = summary('bare_grammy_', baseline);
      const open = summary('offered_', offered);
      return {
        ...frontline,
        ...cost,
        offered_per_s: OFFERED_PER_S,
        offered_p50_ms: open.offered_p50_ms ?? 0,
        offered_p99_ms: open.offered_p99_ms ?? 0,
        offered_answered_per_s: open.offered_updates_per_s ?? 0,
        ...summary('intake_', intake),
        // The intake path's own: the triage path files tickets too (a hazard's first message).
        intake_tickets_filed: filedAfterIntake - filedBeforeIntake,
        ...bareFigures,
        frontline_to_bare_ratio: round(
          Number(frontline.updates_per_s) / Number(bareFigures.bare_grammy_updates_per_s),
          3,
        ),
        heap_per_conversation_bytes: Math.max(0, Math.round(perConversation)),
        session_bytes_per_conversation: Math.round(sessionBytes / 100),
        database: storage.database,
        store: storage.store,
        concurrency: CONCURRENCY,
      };
    } finally {
      await frontline.sender.stop();
      redis?.disconnect();
      await app.close();
      await storage.dispose();
    }
  },
};
