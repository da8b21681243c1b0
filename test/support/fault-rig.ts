import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type BotProcess, startBotProcess } from './bot-process.ts';
import type { ChatDriver } from './customer-scripts.ts';
import { createTestPostgresDatabase } from './db.ts';
import { type FakeBotApi, startFakeBotApi } from './fake-bot-api.ts';
import {
  freePort,
  startThrowawayPostgres,
  startThrowawayRedis,
  type ThrowawayServer,
} from './throwaway-servers.ts';

export const RIG_TOKEN = '777000:AAFaultRigToken0000000000000000';
export const RIG_STAFF_CHAT = -100555;

export type FaultRigOptions = {
  /** `own`: a throwaway PostgreSQL server the test may kill; `shared`: a database on DATABASE_URL. */
  postgres: 'own' | 'shared';
  /** `own`: a throwaway Redis the test may kill; `none`: the in-process store. */
  redis: 'own' | 'none';
  env?: Record<string, string>;
};

/**
 * The bot as a real process (long polling a {@link FakeBotApi}) on a database and Redis the test
 * controls: crash it (SIGKILL) and start it again, kill and restart the servers, read the tables.
 */
export async function startFaultRig(options: FaultRigOptions) {
  const api = await startFakeBotApi();
  const cleanup: (() => Promise<void> | void)[] = [() => api.close()];
  let postgres: ThrowawayServer | undefined;
  let databaseUrl: string;
  if (options.postgres === 'own') {
    postgres = await startThrowawayPostgres();
    cleanup.push(() => postgres?.dispose());
    databaseUrl = postgres.url;
  } else {
    const database = await createTestPostgresDatabase();
    cleanup.push(() => database.drop());
    databaseUrl = database.url;
  }
  let redis: ThrowawayServer | undefined;
  if (options.redis === 'own') {
    redis = await startThrowawayRedis();
    cleanup.push(() => redis?.dispose());
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'frontline-rig-'));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env: Record<string, string> = {
    TELEGRAM_BOT_TOKEN: RIG_TOKEN,
    TELEGRAM_API_ROOT: api.root,
    BOT_MODE: 'polling',
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    ...(redis ? { REDIS_URL: redis.url } : {}),
    STAFF_CHAT_ID: String(RIG_STAFF_CHAT),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  cleanup.push(() => pool.end());

  let bot: BotProcess | undefined;
  let output = '';
  const crashes: Crash[] = [];
  /** Crashes and restarts are serialised: one at a time. */
  let turn: Promise<void> = Promise.resolve();
  const serialised = (work: () => Promise<void>) => {
    const next = turn.then(work);
    turn = next.catch(() => undefined);
    return next;
  };

  const rig = {
    api,
    postgres,
    redis,
    pool,
    crashes,
    /** Starts the bot process and waits until it serves `/healthz`. */
    start: () =>
      serialised(async () => {
        bot = startBotProcess(env);
        await bot.serving(port);
      }),
    /** SIGKILL of the bot process, then a fresh start (a crash and a restart). */
    crashAndRestart: () =>
      serialised(async () => {
        const at = Date.now();
        await bot?.kill();
        output += bot?.output() ?? '';
        bot = startBotProcess(env);
        await bot.serving(port);
        crashes.push({ at, up: Date.now() });
      }),
    /** Everything the bot processes printed (logs), crashed ones included. */
    output: () => output + (bot?.output() ?? ''),
    /** Rows of a query on the bot's database. */
    async rows<T>(text: string, values: unknown[] = []): Promise<T[]> {
      return (await pool.query(text, values)).rows as T[];
    },
    /** A customer's transcript texts, oldest first: what they wrote (`in`) or were sent (`out`). */
    async transcript(userId: number, direction: 'in' | 'out'): Promise<string[]> {
      const rows = await pool.query<{ text: string }>(
        `select t.text from transcript_entries t join customers c on c.id = t.customer_id
         where c.telegram_user_id = $1 and t.direction = $2 order by t.id`,
        [userId, direction],
      );
      return rows.rows.map((row) => row.text);
    },
    /** A driver that queues updates for the bot's long polling. */
    driver: {
      message: (userId: number, text: string) => api.message(userId, text),
      press: (userId: number, label: RegExp) => api.press(userId, label),
      deliver: async (update) => api.queue(update),
      count: (userId: number) => api.count(userId),
      waitFor: (userId: number, pattern: RegExp, after: number, ms: number) =>
        api.waitFor(userId, pattern, after, ms),
    } satisfies ChatDriver,
    async dispose() {
      await bot?.kill().catch(() => undefined);
      for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(() => undefined);
    },
  };
  return rig;
}

export type FaultRig = Awaited<ReturnType<typeof startFaultRig>>;

/** A crash of the rig's bot process: when the kill began and when the fresh process served again. */
export type Crash = { at: number; up: number };

/**
 * Nothing lost, nothing doubled, in one chat: every message the bot committed for it (the
 * transcript's outgoing entries) reached the chat, and the only copies beyond that are sends that
 * were in flight when the process was killed — the window the README names. A copy counts as in
 * flight when the first one reached the Bot API at most `windowMs` before a kill began and before
 * the fresh process was serving: the Bot API stand-in runs in this busy process, so it may read a
 * request the killed process wrote before it died after the kill began, and under load the
 * sender's batched record of a send may come a while after Telegram accepted it. A copy first
 * seen after the fresh process was serving came from a live process, and its double is a bug.
 */
export function deliveryProblems(
  api: FakeBotApi,
  chatId: number,
  committed: string[],
  crashes: Crash[],
  windowMs = 2_000,
): string[] {
  const problems: string[] = [];
  const got = api
    .chat(chatId)
    .filter((m) => m.method === 'sendMessage' || m.method === 'editMessageText');
  const unexpected = (text: string) => !committed.includes(text) && !/kept|temporar/i.test(text);
  for (const text of new Set(committed)) {
    const copies = got.filter((m) => m.text === text);
    const wanted = committed.filter((t) => t === text).length;
    if (copies.length < wanted) problems.push(`lost: ${text.slice(0, 60)}`);
    for (const extra of copies.slice(wanted)) {
      const first = copies[0]?.at ?? 0;
      const inFlight = crashes.some(({ at, up }) => first <= up && at - first <= windowMs);
      if (!inFlight) problems.push(`doubled outside a crash window: ${extra.text.slice(0, 60)}`);
    }
  }
  for (const message of got)
    if (unexpected(message.text)) problems.push(`unexpected: ${message.text.slice(0, 60)}`);
  return problems;
}
