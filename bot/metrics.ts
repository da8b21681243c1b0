import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** A number read when Prometheus scrapes (a queue's depth, say); `undefined` leaves it unset. */
export type GaugeSource = () => Promise<number | undefined> | number | undefined;

/**
 * Frontline's Prometheus instruments, one registry per process (built by the composition root and
 * passed down, never a module-level singleton). Labels are codes only: no chat, user or text.
 */
export type Metrics = {
  registry: Registry;
  /** Updates through the bot, by update kind and outcome (`ok`, `error`, `duplicate`, `limited`). */
  updates: Counter<'kind' | 'outcome'>;
  /** Time from an update entering the bot to its handler returning, in seconds. */
  handlerSeconds: Histogram<'kind'>;
  /**
   * Each triage the conversation runs (a report's reading, its reads of later words), by the step
   * (`guide`, `checks`, `ask`, `escalate`, `hazard`) and the label.
   */
  triage: Counter<'step' | 'label'>;
  /**
   * The hazard net on words the conversation does not read, by where (`held_chat`,
   * `rating_comment`) and outcome (`hazard`, `clear`): apart from the conversation's `triage`.
   */
  staffHazardChecks: Counter<'where' | 'outcome'>;
  /** Ticket changes: `filed`, `cancelled`, `erased`… and priority. */
  tickets: Counter<'event' | 'priority'>;
  /** Job attempts by kind and outcome: `done`, `retried`, `dead`, `lost` (lease ran out). */
  jobs: Counter<'kind' | 'outcome'>;
  /** Bot API calls that failed, by method and error code (`network` when there was no answer). */
  telegramErrors: Counter<'method' | 'code'>;
  /** LLM tokens spent (the responses' `usage.total_tokens`). */
  llmTokens: Counter;
  /** Messages sent with `allow_paid_broadcast` (Telegram charges Stars above the free rate). */
  paidSends: Counter;
  /**
   * Messages given up after their bounded retries, by the way they went (`outbox`, `staff_queue`)
   * and the kind of chat (`private`, `group`): each is also logged, never dropped silently.
   */
  sendsGivenUp: Counter<'via' | 'chat'>;
  /**
   * Staff topics created again because an earlier attempt died between asking Telegram for the
   * topic and recording it: each may have left an empty topic in the staff chat (also logged).
   */
  staffTopicsMaybeOrphaned: Counter;
  /** Messages waiting in the outbox (read at scrape time from the source the outbox registers). */
  outboxDepth: Gauge;
  /**
   * Outages the outbox waited out: Telegram gave no answer, a network error or a 5xx, and the
   * sender paused (each failed probe is also in `telegramErrors`, code `network` or `5xx`).
   */
  telegramOutages: Counter;
  /** 1 while the outbox sender is paused by an outage, else 0. */
  telegramDown: Gauge;
  /** Registers where a scrape reads a gauge from; the last registration wins. */
  observe(gauge: 'outboxDepth', source: GaugeSource): void;
};

/**
 * Creates the registry and every instrument, with Node's default process metrics (`process_*`,
 * `nodejs_*`). Instruments whose producer has not been built yet still appear, at zero.
 */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const sources: Partial<Record<'outboxDepth', GaugeSource>> = {};
  const sourced = (name: string, help: string, key: 'outboxDepth') =>
    new Gauge({
      name,
      help,
      registers,
      async collect() {
        const source = sources[key];
        if (!source) return;
        const value = await Promise.resolve()
          .then(source)
          .catch(() => undefined);
        if (value !== undefined) this.set(value);
      },
    });
  return {
    registry,
    updates: new Counter({
      name: 'frontline_updates_total',
      help: 'Telegram updates handled, by kind and outcome',
      labelNames: ['kind', 'outcome'],
      registers,
    }),
    handlerSeconds: new Histogram({
      name: 'frontline_update_handler_seconds',
      help: 'Time to handle one update, in seconds',
      labelNames: ['kind'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    triage: new Counter({
      name: 'frontline_triage_total',
      help: 'Triage run by the conversation, by step and label',
      labelNames: ['step', 'label'],
      registers,
    }),
    staffHazardChecks: new Counter({
      name: 'frontline_staff_hazard_checks_total',
      help: 'Hazard checks on messages the conversation does not read, by where and outcome',
      labelNames: ['where', 'outcome'],
      registers,
    }),
    tickets: new Counter({
      name: 'frontline_tickets_total',
      help: 'Ticket events, by event and priority',
      labelNames: ['event', 'priority'],
      registers,
    }),
    jobs: new Counter({
      name: 'frontline_jobs_total',
      help: 'Job attempts, by kind and outcome (done, retried, dead, lost)',
      labelNames: ['kind', 'outcome'],
      registers,
    }),
    telegramErrors: new Counter({
      name: 'frontline_telegram_api_errors_total',
      help: 'Failed Bot API calls, by method and error code',
      labelNames: ['method', 'code'],
      registers,
    }),
    llmTokens: new Counter({
      name: 'frontline_llm_tokens_total',
      help: 'LLM tokens used (prompt and completion)',
      registers,
    }),
    paidSends: new Counter({
      name: 'frontline_paid_sends_total',
      help: 'Messages sent as paid broadcasts',
      registers,
    }),
    sendsGivenUp: new Counter({
      name: 'frontline_sends_given_up_total',
      help: 'Messages given up after bounded retries, by path and chat kind',
      labelNames: ['via', 'chat'],
      registers,
    }),
    staffTopicsMaybeOrphaned: new Counter({
      name: 'frontline_staff_topics_maybe_orphaned_total',
      help: 'Staff topics created again after an attempt that died before recording its topic',
      registers,
    }),
    outboxDepth: sourced('frontline_outbox_depth', 'Messages waiting in the outbox', 'outboxDepth'),
    telegramOutages: new Counter({
      name: 'frontline_telegram_outages_total',
      help: 'Telegram outages (no answer, network error, 5xx) the outbox paused for',
      registers,
    }),
    telegramDown: new Gauge({
      name: 'frontline_telegram_down',
      help: '1 while the outbox is paused by a Telegram outage',
      registers,
    }),
    observe(gauge, source) {
      sources[gauge] = source;
    },
  };
}
