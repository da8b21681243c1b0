import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../core/index.ts';
import {
  createJobQueue,
  createJobWorker,
  createOutboxStore,
  enqueueMessages,
  retryDelayMs,
} from '../../db/index.ts';
import { createTestClock, describeOnDatabases } from '../support/db.ts';

const MINUTE = 60_000;
let keys = 0;
const key = (name: string) => `${name}:${++keys}`;

describe('retry backoff', () => {
  it('doubles from 30 s per failed attempt and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(50)).toBe(3_600_000);
    expect(retryDelayMs(3, { baseMs: 1_000, capMs: 3_000 })).toBe(3_000);
  });
});

describeOnDatabases('durable jobs', (database) => {
  const setup = (
    kind: string,
    handler: (job: Job) => Promise<void> = async () => {},
    extra = {},
  ) => {
    const clock = createTestClock();
    const queue = createJobQueue(database().handle.db);
    const ran: string[] = [];
    const worker = createJobWorker({
      db: database().handle.db,
      clock,
      handlers: {
        [kind]: async (job) => {
          ran.push(job.id);
          await handler(job);
        },
      },
      ...extra,
    });
    const enqueue = (dueInMs: number, more: { key?: string; maxAttempts?: number } = {}) =>
      queue.enqueue(
        {
          kind,
          dueAt: new Date(clock.now().getTime() + dueInMs),
          payload: { n: dueInMs },
          ...more,
        },
        clock.now(),
      );
    return { clock, queue, worker, ran, enqueue };
  };

  it('runs a job once it is due and not before', async () => {
    const { clock, worker, ran, enqueue, queue } = setup('check-back');
    const { job } = await enqueue(120 * MINUTE);
    expect(await worker.runDue()).toMatchObject({ done: 0 });
    clock.advance(120 * MINUTE - 1);
    await worker.runDue();
    expect(ran).toEqual([]);
    clock.advance(1);
    expect(await worker.runDue()).toEqual({ done: 1, retried: 0, dead: 0, lost: 0 });
    expect(ran).toEqual([job.id]);
    expect(await queue.get(job.id)).toMatchObject({ state: 'done', attempts: 1, lastError: null });
    clock.advance(999 * MINUTE);
    await worker.runDue();
    expect(ran).toHaveLength(1);
  });

  it('schedules a key once and returns the existing job on a second enqueue', async () => {
    const { enqueue } = setup('dedupe');
    const k = key('check-back');
    const first = await enqueue(MINUTE, { key: k });
    const second = await enqueue(5 * MINUTE, { key: k });
    expect(first.created).toBe(true);
    expect(second).toEqual({ job: first.job, created: false });
  });

  it('cancels a pending job by key so it never runs, and reports a second cancel as nothing done', async () => {
    const { clock, worker, ran, enqueue, queue } = setup('cancellable');
    const k = key('contact-alert');
    await enqueue(30 * MINUTE, { key: k });
    expect(await queue.cancel(k, clock.now())).toBe(true);
    expect(await queue.cancel(k, clock.now())).toBe(false);
    expect(await queue.cancel('no-such-key', clock.now())).toBe(false);
    clock.advance(60 * MINUTE);
    await worker.runDue();
    expect(ran).toEqual([]);
    expect((await queue.findByKey(k))?.state).toBe('cancelled');
  });

  it('retries a failing job with growing delays and dead-letters it after the last attempt', async () => {
    const { clock, worker, ran, enqueue, queue } = setup(
      'flaky',
      async () => {
        throw new Error('Bot API 502');
      },
      { maxAttempts: 3 },
    );
    const { job } = await enqueue(0);
    const t0 = clock.now().getTime();
    expect(await worker.runDue()).toMatchObject({ retried: 1 });
    expect(await queue.get(job.id)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'Error: Bot API 502',
      dueAt: new Date(t0 + 30_000),
    });
    clock.advance(29_999);
    expect(await worker.runDue()).toMatchObject({ retried: 0 });
    clock.advance(1);
    expect(await worker.runDue()).toMatchObject({ retried: 1 });
    expect((await queue.get(job.id))?.dueAt).toEqual(new Date(t0 + 30_000 + 60_000));
    clock.advance(60_000);
    expect(await worker.runDue()).toMatchObject({ dead: 1 });
    expect(await queue.get(job.id)).toMatchObject({ state: 'dead', attempts: 3 });
    clock.advance(24 * 60 * MINUTE);
    await worker.runDue();
    expect(ran).toHaveLength(3);
  });

  it('waits out an outage (isOutage) with no attempt counted, far past maxAttempts, and gives the job up only after the outage limit', async () => {
    let down = 12;
    const outage = new Error('Telegram: no answer');
    const { clock, worker, ran, enqueue, queue } = setup(
      'needs-telegram',
      async () => {
        if (down > 0) {
          down -= 1;
          throw outage;
        }
      },
      { maxAttempts: 3, isOutage: (error: unknown) => error === outage, outageRetryMs: 30_000 },
    );
    const { job } = await enqueue(0);
    // Twelve failed tries over six minutes (the limit is 3 attempts), then done.
    for (let tries = 0; tries < 12; tries += 1) {
      expect(await worker.runDue()).toMatchObject({ retried: 1 });
      expect(await queue.get(job.id)).toMatchObject({ state: 'pending', attempts: 0 });
      clock.advance(30_000);
    }
    expect(await worker.runDue()).toMatchObject({ done: 1 });
    expect(await queue.get(job.id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(ran).toHaveLength(13);

    // An outage longer than the limit (a day from the job's creation): its tries count again,
    // and after maxAttempts it is given up.
    down = Number.POSITIVE_INFINITY;
    const { job: late } = await enqueue(0);
    expect(await worker.runDue()).toMatchObject({ retried: 1 });
    expect(await queue.get(late.id)).toMatchObject({ attempts: 0 });
    clock.advance(24 * 60 * MINUTE);
    let dead = 0;
    for (let tries = 0; tries < 5 && dead === 0; tries += 1) {
      dead = (await worker.runDue()).dead;
      clock.advance(10 * MINUTE);
    }
    expect(await queue.get(late.id)).toMatchObject({ state: 'dead', attempts: 3 });
  });

  it("honours a job's own maxAttempts over the worker's", async () => {
    const { worker, enqueue, queue } = setup('once-only', async () => {
      throw new Error('nope');
    });
    const { job } = await enqueue(0, { maxAttempts: 1 });
    expect(await worker.runDue()).toMatchObject({ dead: 1 });
    expect((await queue.get(job.id))?.state).toBe('dead');
  });

  it('leaves jobs of kinds it has no handler for to other workers', async () => {
    const { worker, queue, clock } = setup('known-kind');
    const { job } = await queue.enqueue(
      { kind: 'unknown-kind', dueAt: clock.now(), payload: {} },
      clock.now(),
    );
    await worker.runDue();
    expect(await queue.get(job.id)).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('runs a job again when the worker that claimed it died and its lease ran out', async () => {
    const kind = key('lease');
    const { clock, worker, ran, enqueue, queue } = setup(kind, undefined, { leaseMs: 5 * MINUTE });
    const { job } = await enqueue(0);
    // A worker that claims the job and then "dies": its handler never returns.
    const doomed = createJobWorker({
      db: database().handle.db,
      clock,
      leaseMs: 5 * MINUTE,
      handlers: { [kind]: () => new Promise<void>(() => {}) },
    });
    void doomed.runDue();
    await expect
      .poll(async () => (await queue.get(job.id))?.state, { timeout: 30_000 })
      .toBe('running');
    await worker.runDue();
    expect(ran).toEqual([]);
    clock.advance(5 * MINUTE);
    expect(await worker.runDue()).toMatchObject({ done: 1 });
    expect(ran).toEqual([job.id]);
    expect(await queue.get(job.id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('writes what a job sends in the transaction that completes it: a failed run writes nothing', async () => {
    const kind = key('sends');
    const db = database().handle.db;
    let runs = 0;
    const clock = createTestClock();
    const worker = createJobWorker({
      db,
      clock,
      handlers: {
        [kind]: async (job, { commit }) => {
          runs += 1;
          await commit(async (tx) => {
            await enqueueMessages(
              tx,
              [
                {
                  key: `job:${job.id}:0`,
                  chatId: 4242,
                  method: 'sendMessage',
                  payload: { text: 'hi' },
                },
              ],
              clock.now(),
            );
            // The first run dies after writing: its message must not survive it.
            if (runs === 1) throw new Error('crashed mid-job');
          });
        },
      },
    });
    const { job } = await createJobQueue(db).enqueue(
      { kind, dueAt: clock.now(), payload: {} },
      clock.now(),
    );
    expect(await worker.runDue()).toMatchObject({ retried: 1 });
    expect(await createOutboxStore(db).byKey(`job:${job.id}:0`)).toBeUndefined();
    clock.advance(MINUTE);
    expect(await worker.runDue()).toMatchObject({ done: 1 });
    expect(await createOutboxStore(db).byKey(`job:${job.id}:0`)).toMatchObject({
      state: 'pending',
    });
    expect(await createJobQueue(db).get(job.id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('reports a lost lease and commits nothing of the run that lost it', async () => {
    const kind = key('lost');
    const db = database().handle.db;
    const clock = createTestClock();
    const lost: string[] = [];
    let release = () => {};
    const slow = createJobWorker({
      db,
      clock,
      leaseMs: 5 * MINUTE,
      onLeaseLost: (job) => lost.push(job.id),
      handlers: {
        [kind]: async (job, { commit }) => {
          await new Promise<void>((resolve) => (release = resolve));
          await commit((tx) =>
            enqueueMessages(
              tx,
              [
                {
                  key: `job:${job.id}:slow`,
                  chatId: 4243,
                  method: 'sendMessage',
                  payload: { text: 'late' },
                },
              ],
              clock.now(),
            ),
          );
        },
      },
    });
    const { job } = await createJobQueue(db).enqueue(
      { kind, dueAt: clock.now(), payload: {} },
      clock.now(),
    );
    const slowRun = slow.runDue();
    await expect
      .poll(async () => (await createJobQueue(db).get(job.id))?.state, { timeout: 30_000 })
      .toBe('running');
    // The slow worker stopped renewing (a stalled process): its lease runs out, another takes over.
    clock.advance(6 * MINUTE);
    const fast = createJobWorker({ db, clock, handlers: { [kind]: async () => {} } });
    expect(await fast.runDue()).toMatchObject({ done: 1 });
    release();
    expect(await slowRun).toMatchObject({ lost: 1, done: 0 });
    expect(lost).toEqual([job.id]);
    expect(await createOutboxStore(db).byKey(`job:${job.id}:slow`)).toBeUndefined();
  });

  it('renews the lease while a long job runs, so no other worker takes it over', async () => {
    const kind = key('long');
    const db = database().handle.db;
    // The job (3 s) outlasts three leases (1 s each): only renewals every third of a lease keep
    // the other worker off it; a lease of 400 ms left too little slack on a loaded machine.
    const realClock = { now: () => new Date() };
    let runs = 0;
    const long = createJobWorker({
      db,
      clock: realClock,
      leaseMs: 1_000,
      handlers: {
        [kind]: async () => {
          runs += 1;
          await sleep(3_000);
        },
      },
    });
    const other = createJobWorker({
      db,
      clock: realClock,
      leaseMs: 1_000,
      handlers: {
        [kind]: async () => {
          runs += 1;
        },
      },
    });
    await createJobQueue(db).enqueue(
      { kind, dueAt: realClock.now(), payload: {} },
      realClock.now(),
    );
    const running = long.runDue();
    for (let i = 0; i < 25; i += 1) {
      await sleep(120);
      await other.runDue();
    }
    expect(await running).toMatchObject({ done: 1, lost: 0 });
    expect(runs).toBe(1);
  });

  it('deletes finished jobs after the retention, dead ones later', async () => {
    const kind = key('prune');
    const { clock, worker, enqueue, queue } = setup(kind, undefined, { retentionMs: MINUTE });
    const { job } = await enqueue(0);
    await worker.runDue();
    expect(await worker.prune()).toBe(0);
    clock.advance(2 * MINUTE);
    expect(await worker.prune()).toBeGreaterThanOrEqual(1);
    expect(await queue.get(job.id)).toBeUndefined();
  });

  it('polls in the background, runs what fell due, and stops cleanly', async () => {
    const { clock, worker, ran, enqueue } = setup(key('polling'), undefined, { pollMs: 10 });
    const { job } = await enqueue(-10 * MINUTE);
    worker.start();
    await expect.poll(() => ran, { timeout: 5_000 }).toEqual([job.id]);
    await worker.stop();
    await enqueue(0);
    clock.advance(MINUTE);
    await sleep(50);
    expect(ran).toHaveLength(1);
  });
});
