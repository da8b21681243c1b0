import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countApiCalls, countTickets, countTriage, watchJobs } from '../../bot/instrument.ts';
import { createLogger } from '../../bot/logger.ts';
import { createMetrics } from '../../bot/metrics.ts';
import type { TriageStep } from '../../core/index.ts';
import { createJobQueue, createJobWorker, createRepositories } from '../../db/index.ts';
import { day, newTicket } from '../db/fixtures.ts';
import { createTestClock, describeOnDatabases, uniqueTelegramId } from '../support/db.ts';

/** The counter's value for exactly these labels (0 when it was never incremented). */
async function counted(
  counter: { get(): Promise<{ values: { value: number; labels: object }[] }> },
  labels: Record<string, string>,
): Promise<number> {
  const { values } = await counter.get();
  const found = values.find((value) => {
    const has: Record<string, unknown> = { ...value.labels };
    return Object.entries(labels).every(([name, wanted]) => String(has[name]) === wanted);
  });
  return found?.value ?? 0;
}

describe('counting Bot API calls', () => {
  /** A Bot API peer that answers each method as the table below says. */
  let server: Server;
  let apiRoot: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const method = request.url?.split('/').at(-1);
      const answers: Record<string, [number, object]> = {
        sendMessage: [200, { ok: true, result: { message_id: 1, date: 0, chat: { id: 1 } } }],
        editMessageText: [400, { ok: false, error_code: 400, description: 'Bad Request' }],
        sendPhoto: [
          429,
          { ok: false, error_code: 429, description: 'Too Many', parameters: { retry_after: 3 } },
        ],
      };
      const [status, body] = answers[method ?? ''] ?? [404, { ok: false, error_code: 404 }];
      request.resume();
      request.on('end', () => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts each failed call by method and code, a refused connection as network, and paid sends', async () => {
    const metrics = createMetrics();
    const api = new Api('1:test', { apiRoot });
    api.config.use(countApiCalls(metrics));
    await api.sendMessage(1, 'hello');
    await api.sendMessage(1, 'paid', { allow_paid_broadcast: true });
    await expect(api.editMessageText(1, 1, 'x')).rejects.toThrow(/400/);
    await expect(api.sendPhoto(1, 'file-id')).rejects.toThrow(/429/);
    await expect(api.sendPhoto(1, 'file-id')).rejects.toThrow(/429/);

    const closed = new Api('1:test', { apiRoot: 'http://127.0.0.1:9' });
    closed.config.use(countApiCalls(metrics));
    await expect(closed.sendMessage(1, 'lost')).rejects.toThrow();

    const errors = metrics.telegramErrors;
    expect(await counted(errors, { method: 'editMessageText', code: '400' })).toBe(1);
    expect(await counted(errors, { method: 'sendPhoto', code: '429' })).toBe(2);
    expect(await counted(errors, { method: 'sendMessage', code: 'network' })).toBe(1);
    expect((await errors.get()).values).toHaveLength(3);
    expect((await metrics.paidSends.get()).values[0]?.value).toBe(1);
  });
});

describe('counting triage decisions', () => {
  const category = 'refrigerator';
  const symptomId = 'refrigerator.too_cold';
  it.each<[string, TriageStep, string, string]>([
    ['a guide', { kind: 'guide', category, symptomId }, 'guide', 'misuse'],
    ['a question', { kind: 'ask' }, 'ask', 'unclear'],
    ['a hazard', { kind: 'hazard' }, 'hazard', 'hazard'],
    ['an escalated fault', { kind: 'escalate', label: 'fault' }, 'escalate', 'fault'],
    ['quick checks', { kind: 'checks', category, symptomId, label: 'misuse' }, 'checks', 'misuse'],
  ])('counts %s by its step and label, and passes it on unchanged', async (_title, step, s, l) => {
    const metrics = createMetrics();
    const triage = countTriage(metrics, () => step);
    expect(triage()).toBe(step);
    expect(await counted(metrics.triage, { step: s, label: l })).toBe(1);
  });
});

describeOnDatabases('counting tickets and jobs', (database) => {
  const at = new Date('2024-03-14T02:00:00Z');

  it('counts a filing once when it is retried with the same key, and each command that applied', async () => {
    const metrics = createMetrics();
    const repos = createRepositories(database().handle.db);
    const tickets = countTickets(metrics, repos.tickets);
    const { id: customerId } = await repos.customers.ensure(uniqueTelegramId(), 'en', at);
    const idempotencyKey = `instrument:${process.pid}:${Date.now()}`;
    const file = () =>
      tickets.create(newTicket(customerId), {
        idempotencyKey,
        day: day('2031-01-05'),
        at,
        actor: { kind: 'customer', customerId },
      });
    const first = await file();
    const again = await file();
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(await counted(metrics.tickets, { event: 'filed', priority: 'normal' })).toBe(1);

    expect((await tickets.apply(first.ticket.id, { type: 'take', staffId: 7 }, at)).ok).toBe(true);
    // A command that does not apply (taken already) changes nothing and is not counted.
    expect((await tickets.apply(first.ticket.id, { type: 'take', staffId: 8 }, at)).ok).toBe(false);
    expect(await counted(metrics.tickets, { event: 'take', priority: 'normal' })).toBe(1);
  });

  it('counts every job attempt by kind and outcome, and logs a failure without its payload', async () => {
    const metrics = createMetrics();
    const lines: string[] = [];
    const log = createLogger(
      'info',
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const db = database().handle.db;
    const clock = createTestClock();
    const kind = `instrument-${process.pid}-${Date.now()}`;
    const worker = createJobWorker({
      db,
      clock,
      maxAttempts: 2,
      backoff: { baseMs: 1_000, capMs: 1_000 },
      handlers: {
        [`${kind}-ok`]: async () => {},
        [`${kind}-fails`]: async () => {
          throw new Error('the printer is on fire');
        },
      },
      ...watchJobs(metrics, log),
    });
    const queue = createJobQueue(db);
    await queue.enqueue({ kind: `${kind}-ok`, dueAt: clock.now(), payload: {} }, clock.now());
    await queue.enqueue(
      { kind: `${kind}-fails`, dueAt: clock.now(), payload: { phone: '13800138000' } },
      clock.now(),
    );
    await worker.runDue();
    clock.advance(2_000);
    await worker.runDue();

    expect(await counted(metrics.jobs, { kind: `${kind}-ok`, outcome: 'done' })).toBe(1);
    expect(await counted(metrics.jobs, { kind: `${kind}-fails`, outcome: 'retried' })).toBe(1);
    expect(await counted(metrics.jobs, { kind: `${kind}-fails`, outcome: 'dead' })).toBe(1);
    const failures = lines.filter((line) => line.includes('job failed'));
    expect(failures).toHaveLength(2);
    expect(failures.join('')).toContain(`${kind}-fails`);
    expect(failures.join('')).not.toContain('13800138000');
  });
});
