import { GrammyError, type Middleware, type Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { TicketRepo, TriageStep } from '../core/index.ts';
import { isUnavailableError, type JobWorkerOptions } from '../db/index.ts';
import type { BotContext } from './context.ts';
import { toLoggableError } from './loggable-error.ts';
import type { Metrics } from './metrics.ts';
import { waitsForTelegram } from './services/outbox-sender.ts';

/** What an update carries (`message`, `callback_query`, …): a metrics label, never its content. */
export function toUpdateKind(update: Update): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

export type UpdateOutcome = 'ok' | 'error' | 'duplicate' | 'limited';

/**
 * Counts each update with its outcome, times its handling and keeps track of the updates in hand
 * (the runner's `stop()` does not wait for them; a shutdown waits for `settled()`). Install it
 * first; the rest of the chain says how the update ended with `outcome.set(ctx, …)` (no mark
 * means `ok`).
 */
export function measureUpdates(metrics: Metrics) {
  const outcomes = new WeakMap<BotContext, UpdateOutcome>();
  const inHand = new Set<Promise<void>>();
  const middleware: Middleware<BotContext> = async (ctx, next) => {
    const kind = toUpdateKind(ctx.update);
    const stop = metrics.handlerSeconds.startTimer({ kind });
    const work = Promise.resolve().then(next);
    const tracked = work.then(
      () => undefined,
      () => undefined,
    );
    inHand.add(tracked);
    try {
      await work;
    } catch (error) {
      // A limited update is put off by throwing: its outcome is set already.
      if (!outcomes.has(ctx)) outcomes.set(ctx, 'error');
      throw error;
    } finally {
      inHand.delete(tracked);
      stop();
      metrics.updates.inc({ kind, outcome: outcomes.get(ctx) ?? 'ok' });
    }
  };
  return {
    middleware,
    outcome: { set: (ctx: BotContext, outcome: UpdateOutcome) => outcomes.set(ctx, outcome) },
    /** Resolves once no update is being handled. */
    async settled() {
      while (inHand.size > 0) await Promise.all([...inHand]);
    },
  };
}

/**
 * Counts failed Bot API calls by method and code (`network` when no answer came) and paid
 * broadcasts. Install it closest to the network, so each attempt under the retry policy counts.
 */
export function countApiCalls(metrics: Metrics): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok)
        metrics.telegramErrors.inc({ method, code: String(result.error_code ?? 'unknown') });
      else if ((payload as { allow_paid_broadcast?: boolean }).allow_paid_broadcast)
        metrics.paidSends.inc();
      return result;
    } catch (error) {
      const code = error instanceof GrammyError ? String(error.error_code) : 'network';
      metrics.telegramErrors.inc({ method, code });
      throw error;
    }
  };
}

const LABEL_OF_STEP = { guide: 'misuse', ask: 'unclear', hazard: 'hazard' } as const;

/** Wraps the conversation's triage so each decision is counted by step and label. */
export function countTriage<A extends unknown[]>(
  metrics: Metrics,
  triage: (...args: A) => TriageStep,
): (...args: A) => TriageStep {
  return (...args) => {
    const step = triage(...args);
    const label =
      step.kind === 'escalate' || step.kind === 'checks' ? step.label : LABEL_OF_STEP[step.kind];
    metrics.triage.inc({ step: step.kind, label });
    return step;
  };
}

/**
 * The ticket repository, counting what changes tickets: `filed` (a new ticket, not a retried
 * filing) and each lifecycle command that applied (`take`, `cancel`, `resolve`…), by priority.
 */
export function countTickets(metrics: Metrics, tickets: TicketRepo): TicketRepo {
  return {
    ...tickets,
    async create(input, options) {
      const filed = await tickets.create(input, options);
      if (filed.created) metrics.tickets.inc({ event: 'filed', priority: filed.ticket.priority });
      return filed;
    },
    async apply(id, command, at, options) {
      const result = await tickets.apply(id, command, at, options);
      if (result.ok) metrics.tickets.inc({ event: command.type, priority: result.value.priority });
      return result;
    },
  };
}

/**
 * A job's failure that is an outage, not the job's own: the database or Redis unreachable, or
 * Telegram not answering — no answer, a network error, a 5xx or a 429, also when the staff chat's
 * queue gave up waiting for it (its error's cause). Such a job waits, uncounted.
 */
export function isJobOutage(error: unknown): boolean {
  if (isUnavailableError(error)) return true;
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (waitsForTelegram(current)) return true;
    current = current.cause;
  }
  return false;
}

/**
 * The job worker's hooks for an operator: a failed attempt is logged (kind and attempt, never the
 * payload), each attempt is counted by kind and outcome (`done`, `retried`, `dead`, `lost`), a
 * lease lost while a job ran is logged as a warning, and an outage (see {@link isJobOutage}) keeps
 * a job waiting rather than counting toward its dead-letter.
 */
export function watchJobs(
  metrics: Metrics,
  log: Logger,
): Required<Pick<JobWorkerOptions, 'onError' | 'onSettled' | 'onLeaseLost' | 'isOutage'>> {
  return {
    isOutage: isJobOutage,
    onError: (error, job) =>
      log.warn(
        { error: toLoggableError(error), job: job?.kind, attempts: job?.attempts },
        'job failed',
      ),
    onSettled: (job, outcome) => metrics.jobs.inc({ kind: job.kind, outcome }),
    onLeaseLost: (job) =>
      log.warn(
        { job: job.kind, attempts: job.attempts },
        'job lease lost: another worker took it over',
      ),
  };
}
