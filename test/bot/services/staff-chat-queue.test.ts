import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { isJobOutage } from '../../../bot/instrument.ts';
import { groupBudgetKey } from '../../../bot/services/outbox-sender.ts';
import {
  createStaffChatQueue,
  StaffChatDownError,
  StaffChatGaveUpError,
} from '../../../bot/services/staff-chat-queue.ts';
import { createMemoryStore } from '../../../db/index.ts';

/** A clock the queue's waits move: no real time passes. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    now: () => now,
    wait: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    waits,
    get elapsed() {
      return now;
    },
  };
}

const apiError = (code: number, description: string, retryAfter?: number) =>
  new GrammyError(
    `Call to 'sendMessage' failed! (${code}: ${description})`,
    {
      ok: false,
      error_code: code,
      description,
      ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
    },
    'sendMessage',
    {},
  );

describe('the staff chat queue', () => {
  it('sends in order, 20 at once and then one every 3 seconds (20 a minute)', async () => {
    const time = fakeTime();
    const queue = createStaffChatQueue({ perMinute: 20, ...time });
    const sent: [number, number][] = [];
    await Promise.all(
      Array.from({ length: 23 }, (_, i) => queue.run(async () => sent.push([i, time.elapsed]))),
    );
    expect(sent.map(([i]) => i)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(sent.slice(0, 20).every(([, at]) => at === 0)).toBe(true);
    expect(sent.slice(20).map(([, at]) => at)).toEqual([3_000, 6_000, 9_000]);
  });

  it('waits out a 429 for its retry_after, holds back what follows, and loses nothing', async () => {
    const time = fakeTime();
    const queue = createStaffChatQueue({ perMinute: 1000, ...time });
    let refusals = 3;
    const delivered: string[] = [];
    const first = queue.run(async () => {
      if (refusals-- > 0) throw apiError(429, 'Too Many Requests: retry after 5', 5);
      delivered.push('first');
    });
    const second = queue.run(async () => delivered.push('second'));
    await Promise.all([first, second]);
    expect(delivered).toEqual(['first', 'second']);
    expect(time.elapsed).toBeGreaterThanOrEqual(15_000);
  });

  it('hands an outage back at once and fails what follows untried until its pause has passed', async () => {
    const time = fakeTime();
    const outages: unknown[] = [];
    const queue = createStaffChatQueue({
      perMinute: 1000,
      outagePauseMs: 100,
      onOutage: (error) => outages.push(error),
      ...time,
    });
    const silent = new HttpError('no answer', new Error('timeout'));
    let tried = 0;
    const met = queue.run(async () => {
      tried += 1;
      throw silent;
    });
    const behind = queue.run(async () => {
      tried += 1;
      return 'sent';
    });
    // The task that met it fails with the outage itself, once tried; the next is not tried.
    await expect(met).rejects.toBe(silent);
    const untried = await behind.catch((error: unknown) => error);
    expect(untried).toBeInstanceOf(StaffChatDownError);
    expect((untried as Error).cause).toBe(silent);
    // A job meeting either is waiting out an outage (tried again later, uncounted).
    expect(isJobOutage(silent)).toBe(true);
    expect(isJobOutage(untried)).toBe(true);
    expect(tried).toBe(1);
    // No waiting inside the queue: the callers got their answers with no time passed.
    expect(time.elapsed).toBe(0);
    // After the pause (no probe here), the next task is tried: Telegram answers, the queue is up.
    time.wait(100);
    await expect(queue.run(async () => 'sent')).resolves.toBe('sent');
    expect(outages).toEqual([silent, undefined]);
  });

  it('after an outage asks its probe before a task, and doubles the pause on each failed probe', async () => {
    const time = fakeTime();
    const bad = apiError(502, 'Bad Gateway');
    let probeAnswers = false;
    const probes: number[] = [];
    const queue = createStaffChatQueue({
      perMinute: 1000,
      outagePauseMs: 100,
      probe: async () => {
        probes.push(time.elapsed);
        if (!probeAnswers) throw bad;
      },
      ...time,
    });
    const created: number[] = [];
    const create = () =>
      queue.run(async () => {
        created.push(time.elapsed);
        if (created.length === 1) throw bad;
        return 'topic';
      });
    await expect(create()).rejects.toBe(bad);
    // Within the pause: untried, no probe.
    await expect(create()).rejects.toBeInstanceOf(StaffChatDownError);
    // After it: the probe first; it fails, so the task is not tried and the pause doubles.
    time.wait(100);
    await expect(create()).rejects.toBeInstanceOf(StaffChatDownError);
    time.wait(100);
    await expect(create()).rejects.toBeInstanceOf(StaffChatDownError);
    expect(probes).toEqual([100]);
    time.wait(100);
    probeAnswers = true;
    await expect(create()).resolves.toBe('topic');
    expect(probes).toEqual([100, 300]);
    // The creation was tried twice: when the outage was met, and after the probe was answered.
    expect(created).toEqual([0, 300]);
  });

  it("takes an answer Telegram gave elsewhere (the outbox) as the outage's end: no pause, no probe", async () => {
    const time = fakeTime();
    let probed = 0;
    const queue = createStaffChatQueue({
      ...time,
      outagePauseMs: 1_000,
      probe: async () => {
        probed += 1;
      },
    });
    const bad = apiError(502, 'Bad Gateway');
    await expect(
      queue.run(async () => {
        throw bad;
      }),
    ).rejects.toBe(bad);
    await expect(queue.run(async () => 'reopened')).rejects.toBeInstanceOf(StaffChatDownError);
    queue.answered();
    await expect(queue.run(async () => 'reopened')).resolves.toBe('reopened');
    expect([probed, time.elapsed]).toEqual([0, 0]);
  });

  it('asks its probe first while the outbox sender knows Telegram is down', async () => {
    const time = fakeTime();
    let answers = false;
    let probed = 0;
    const queue = createStaffChatQueue({
      ...time,
      outagePauseMs: 100,
      probe: async () => {
        probed += 1;
        if (!answers) throw new HttpError('no answer', new Error('timeout'));
      },
      // The sender's view may be stale (nothing left in the outbox to probe with): the probe decides.
      telegramDown: () => true,
    });
    let tried = 0;
    const task = async () => {
      tried += 1;
      return 'ok';
    };
    await expect(queue.run(task)).rejects.toBeInstanceOf(StaffChatDownError);
    expect([probed, tried]).toEqual([1, 0]);
    time.wait(100);
    answers = true;
    await expect(queue.run(task)).resolves.toBe('ok');
    expect([probed, tried]).toEqual([2, 1]);
  });

  it('hands a 400 or 403 back to the caller and goes on with the next task', async () => {
    const queue = createStaffChatQueue({ ...fakeTime() });
    const failed = queue.run(async () => {
      throw apiError(403, 'Forbidden: bot was kicked from the supergroup chat');
    });
    const next = queue.run(async () => 'next');
    await expect(failed).rejects.toMatchObject({ error_code: 403 });
    await expect(next).resolves.toBe('next');
    await queue.idle();
    expect(queue.size).toBe(0);
  });

  it('gives a task up after its bounded tries (429s), says so, and goes on with the next', async () => {
    const time = fakeTime();
    const givenUp: unknown[] = [];
    const queue = createStaffChatQueue({
      perMinute: 1000,
      maxAttempts: 4,
      onGiveUp: (error) => givenUp.push(error),
      ...time,
    });
    let tries = 0;
    const doomed = queue.run(async () => {
      tries += 1;
      throw apiError(429, 'Too Many Requests: retry after 1', 1);
    });
    const next = queue.run(async () => 'next');
    const failure = await doomed.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StaffChatGaveUpError);
    expect((failure as StaffChatGaveUpError).attempts).toBe(4);
    expect((failure as Error).cause).toBeInstanceOf(GrammyError);
    expect(tries).toBe(4);
    expect(givenUp).toHaveLength(1);
    await expect(next).resolves.toBe('next');
    // Waited out: three retry_afters of 1 s — then given up, not tried again.
    expect(time.elapsed).toBe(3_000);
  });

  it("takes its sends from the group's shared budget: what the outbox sender spent, it waits for", async () => {
    const store = createMemoryStore();
    const key = groupBudgetKey(-100_777);
    // 10 a second, burst 10: the outbox sender spends the whole burst first.
    expect((await store.takeTokens(key, 10, 10, 10)).granted).toBe(10);
    const queue = createStaffChatQueue({
      perMinute: 600,
      takeToken: () => store.takeTokens(key, 1, 10, 10),
    });
    const started = Date.now();
    await queue.run(async () => 'sent');
    expect(Date.now() - started).toBeGreaterThanOrEqual(80);
    // The queue's own bucket was full: without the shared budget it would not have waited.
    const time = fakeTime();
    const alone = createStaffChatQueue({ perMinute: 600, ...time });
    await alone.run(async () => 'sent');
    expect(time.waits).toEqual([]);
  });
});
