import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { groupBudgetKey } from '../../../bot/services/outbox-sender.ts';
import {
  createStaffChatQueue,
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

  it('retries network and server errors with growing waits', async () => {
    const time = fakeTime();
    const queue = createStaffChatQueue({ perMinute: 1000, retryBaseMs: 100, ...time });
    const failures = [
      new HttpError('network down', new Error('ECONNRESET')),
      apiError(502, 'Bad Gateway'),
    ];
    const result = await queue.run(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 'sent';
    });
    expect(result).toBe('sent');
    expect(time.waits).toEqual([100, 200]);
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

  it('gives a task up after its bounded tries (network errors, 429s), says so, and goes on with the next', async () => {
    const time = fakeTime();
    const givenUp: unknown[] = [];
    const queue = createStaffChatQueue({
      perMinute: 1000,
      retryBaseMs: 100,
      maxAttempts: 4,
      onGiveUp: (error) => givenUp.push(error),
      ...time,
    });
    let tries = 0;
    const doomed = queue.run(async () => {
      tries += 1;
      throw tries % 2 === 0
        ? apiError(429, 'Too Many Requests: retry after 1', 1)
        : new HttpError('network down', new Error('ECONNRESET'));
    });
    const next = queue.run(async () => 'next');
    const failure = await doomed.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StaffChatGaveUpError);
    expect((failure as StaffChatGaveUpError).attempts).toBe(4);
    expect((failure as Error).cause).toBeInstanceOf(GrammyError);
    expect(tries).toBe(4);
    expect(givenUp).toHaveLength(1);
    await expect(next).resolves.toBe('next');
    // Waited out: 100 ms, a 1 s retry_after, 200 ms — then given up, not tried again.
    expect(time.elapsed).toBeLessThan(2_000);
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
    const alone = createStaffChatQueue({ perMinute: 600 });
    const at = Date.now();
    await alone.run(async () => 'sent');
    expect(Date.now() - at).toBeLessThan(50);
  });
});
