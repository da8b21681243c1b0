import { createTestPostgresDatabase } from '../support/db.ts';
import { runSurge } from '../support/surge.ts';

/**
 * Time to first reply for new customers at twice the send budget (issue 14): the real bot with
 * its outgoing budget at Telegram's 30 a second, a local Bot API stand-in over HTTP, updates
 * posted to the webhook at 60 a second for 60 s (`BENCH_SURGE_SECONDS` shortens it), on
 * PostgreSQL when `DATABASE_URL` is set (a database of its own), else the embedded one.
 */
export async function measureSurge(): Promise<Record<string, number | string>> {
  const seconds = Number(process.env.BENCH_SURGE_SECONDS ?? 60);
  const budget = 30;
  const database = process.env.DATABASE_URL ? await createTestPostgresDatabase() : undefined;
  try {
    const f = await runSurge({
      budget,
      seconds,
      env: database ? { DATABASE_URL: database.url } : {},
    });
    return {
      surge_database: database ? 'postgres' : 'pglite',
      surge_budget_per_s: budget,
      surge_seconds: seconds,
      surge_updates: f.updates,
      surge_new_customers: f.newCustomers,
      time_to_first_reply_p50_ms: f.firstReplyP50,
      time_to_first_reply_p95_ms: f.firstReplyP95,
      time_to_first_reply_max_ms: f.firstReplyMax,
      surge_webhook_p99_ms: f.webhookP99,
      surge_lost: f.lost,
      surge_out_of_order: f.outOfOrder,
      surge_429s: f.tooManyRequests,
      surge_drained_after_s: f.drainedAfterSeconds,
    };
  } finally {
    await database?.drop();
  }
}
