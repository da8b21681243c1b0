import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShortLivedStore } from '../../core/index.ts';
import {
  createMemoryStore,
  createRedisStore,
  LockTimeoutError,
  openStore,
  StoreError,
  toSessionStorage,
} from '../../db/index.ts';
import { REDIS_URL } from '../support/db.ts';

/** The behaviour every ShortLivedStore keeps, Redis or in-process. */
function storeContract(open: () => Promise<ShortLivedStore>) {
  let store: ShortLivedStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });
  const unique = () => randomUUID();

  it('keeps a session until its ttl runs out', async () => {
    const key = unique();
    await store.setSession(key, { step: 'phone', lang: 'zh' }, 150);
    expect(await store.getSession(key)).toEqual({ step: 'phone', lang: 'zh' });
    await sleep(250);
    expect(await store.getSession(key)).toBeUndefined();
  });

  it('replaces and deletes a session', async () => {
    const key = unique();
    await store.setSession(key, { n: 1 }, 60_000);
    await store.setSession(key, { n: 2 }, 60_000);
    expect(await store.getSession(key)).toEqual({ n: 2 });
    await store.deleteSession(key);
    expect(await store.getSession(key)).toBeUndefined();
  });

  it('serves grammY sessions through read / write / delete', async () => {
    const storage = toSessionStorage<{ step: string }>(store, 60_000);
    const key = unique();
    expect(await storage.read(key)).toBeUndefined();
    await storage.write(key, { step: 'model' });
    expect(await storage.read(key)).toEqual({ step: 'model' });
    await storage.delete(key);
    expect(await storage.read(key)).toBeUndefined();
  });

  it('says an update is new only the first time it is seen, even when delivered twice at once', async () => {
    const id = Math.floor(Math.random() * 2 ** 40);
    const answers = await Promise.all([store.seenUpdate(id), store.seenUpdate(id)]);
    expect(answers.sort()).toEqual([false, true]);
    expect(await store.seenUpdate(id)).toBe(false);
    expect(await store.seenUpdate(id + 1)).toBe(true);
  });

  it('allows `limit` calls per window, refuses the next, and allows again in a new window', async () => {
    const key = unique();
    const decisions = [];
    // A window of 2 s: four calls in a row fit in it on a loaded machine (200 ms did not always).
    for (let i = 0; i < 4; i++) decisions.push(await store.rateLimit(key, 3, 2_000));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[3]?.resetMs).toBeGreaterThan(0);
    expect(decisions[3]?.resetMs).toBeLessThanOrEqual(2_000);
    expect((await store.rateLimit(unique(), 3, 2_000)).allowed).toBe(true);
    await sleep(2_100);
    expect(await store.rateLimit(key, 3, 2_000)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('runs work under one key one at a time, and releases the lock when the work throws', async () => {
    const key = unique();
    const order: string[] = [];
    const work = (name: string) =>
      store.withLock(key, 2_000, async () => {
        order.push(`${name} in`);
        await sleep(40);
        order.push(`${name} out`);
        return name;
      });
    expect(await Promise.all([work('a'), work('b'), work('c')])).toEqual(['a', 'b', 'c']);
    for (let i = 0; i < order.length; i += 2) {
      expect(order[i]?.replace(' in', '')).toBe(order[i + 1]?.replace(' out', ''));
    }
    await expect(
      store.withLock(key, 2_000, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await store.withLock(key, 2_000, async () => 'free again')).toBe('free again');
  });

  it('runs work under different keys side by side', async () => {
    let inside = 0;
    let most = 0;
    // Each waits inside its lock until both are in (or 5 s): a fixed sleep let a late second
    // acquisition on a loaded machine look like one-at-a-time.
    let bothIn = () => {};
    const both = new Promise<void>((resolve) => (bothIn = resolve));
    const work = (key: string) =>
      store.withLock(key, 10_000, async () => {
        most = Math.max(most, ++inside);
        if (inside === 2) bothIn();
        await Promise.race([both, sleep(5_000)]);
        inside--;
      });
    await Promise.all([work(unique()), work(unique())]);
    expect(most).toBe(2);
  });

  it('takes over a lock whose holder died once its ttl runs out', async () => {
    const key = unique();
    let release = () => {};
    // Measured from before the stuck lock is taken: it cannot expire before then + 100 ms, however
    // late the timers run (measured from after a sleep, a late timer ate the margin).
    const started = performance.now();
    const stuck = store.withLock(
      key,
      100,
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    await sleep(10);
    expect(await store.withLock(key, 1_000, async () => 'mine')).toBe('mine');
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    release();
    await stuck;
  });

  it('gives a free lock to one of two at once, keeps it while renewed, and frees it on release', async () => {
    const key = unique();
    // A ttl with room for a loaded machine's late timers (a 200 ms ttl expired under load 15).
    const [a, b] = await Promise.all([store.tryLock(key, 1_000), store.tryLock(key, 1_000)]);
    const held = a ?? b;
    expect([a, b].filter(Boolean)).toHaveLength(1);
    await sleep(600);
    expect(await held?.renew()).toBe(true);
    await sleep(600);
    // Renewed: still held past its first ttl.
    expect(await store.tryLock(key, 1_000)).toBeUndefined();
    await held?.release();
    const next = await store.tryLock(key, 200);
    expect(next).toBeDefined();
    await next?.release();
  });

  it('lets a lock whose holder stopped renewing go, and tells the old holder it lost it', async () => {
    const key = unique();
    const old = await store.tryLock(key, 80);
    await sleep(150);
    const taker = await store.tryLock(key, 1_000);
    expect(taker).toBeDefined();
    expect(await old?.renew()).toBe(false);
    // The old holder's release leaves the new holder's lock alone.
    await old?.release();
    expect(await store.tryLock(key, 1_000)).toBeUndefined();
    await taker?.release();
  });

  it('hands out a token bucket: a burst, then tokens at the rate, with the wait until the next', async () => {
    const key = unique();
    const started = performance.now();
    expect(await store.takeTokens(key, 15, 20, 10)).toEqual({ granted: 10, waitMs: 50 });
    const empty = await store.takeTokens(key, 1, 20, 10);
    expect(empty.granted).toBe(0);
    expect(empty.waitMs).toBeGreaterThan(0);
    expect(empty.waitMs).toBeLessThanOrEqual(50);
    await sleep(130);
    // At most what the time since the first take refilled (20 a second): a late timer refills more.
    const refilled = await store.takeTokens(key, 10, 20, 10);
    const elapsed = performance.now() - started;
    expect(refilled.granted).toBeGreaterThanOrEqual(2);
    expect(refilled.granted).toBeLessThanOrEqual(Math.min(10, Math.floor(elapsed / 50) + 1));
  });
}

describe('in-process short-lived store', () => {
  storeContract(async () => createMemoryStore());
});

describe.skipIf(!REDIS_URL)(
  `Redis short-lived store${REDIS_URL ? '' : ': skipped, REDIS_URL is not set'}`,
  () => {
    const prefix = `frontline-test:${randomUUID()}:`;
    storeContract(() => createRedisStore({ url: REDIS_URL, prefix }));

    it('keeps every key under its prefix', async () => {
      const store = await createRedisStore({ url: REDIS_URL, prefix });
      const raw = new Redis(REDIS_URL ?? '');
      try {
        await store.setSession('prefixed', { a: 1 }, 60_000);
        await store.seenUpdate(1);
        const keys = await raw.keys(`${prefix}*`);
        expect(keys.length).toBeGreaterThan(0);
        expect(await raw.get('prefixed')).toBeNull();
        expect(keys).toContain(`${prefix}session:prefixed`);
      } finally {
        const keys = await raw.keys(`${prefix}*`);
        if (keys.length > 0) await raw.del(...keys);
        await store.close();
        raw.disconnect();
      }
    });
  },
);

describe('in-process store on a moved clock', () => {
  it('expires sessions, seen updates and rate windows by the injected clock', async () => {
    let now = 1_000_000;
    const store = createMemoryStore({ now: () => now, updateRetentionMs: 60_000 });
    await store.setSession('s', { x: 1 }, 30_000);
    expect(await store.seenUpdate(7)).toBe(true);
    expect((await store.rateLimit('u', 1, 10_000)).allowed).toBe(true);
    expect((await store.rateLimit('u', 1, 10_000)).allowed).toBe(false);
    now += 10_000;
    expect((await store.rateLimit('u', 1, 10_000)).allowed).toBe(true);
    now += 20_000;
    expect(await store.getSession('s')).toBeUndefined();
    expect(await store.seenUpdate(7)).toBe(false);
    now += 30_000;
    expect(await store.seenUpdate(7)).toBe(true);
  });

  it('gives up waiting for a held lock with LockTimeoutError', async () => {
    const store = createMemoryStore({ lockWaitMs: 60 });
    let release = () => {};
    const held = store.withLock('chat:1', 10_000, () => new Promise<void>((r) => (release = r)));
    await sleep(5);
    await expect(store.withLock('chat:1', 10_000, async () => 1)).rejects.toBeInstanceOf(
      LockTimeoutError,
    );
    release();
    await held;
  });
});

describe('opening the store', () => {
  it('says in the log that the in-process store serves a single instance', async () => {
    const lines: string[] = [];
    const log = {
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
    };
    const store = await openStore({ redisUrl: undefined, log });
    expect(store.kind).toBe('memory');
    expect(lines).toEqual([expect.stringMatching(/^info .*in-process \(single instance only/)]);
    await store.close();
  });

  it('fails with StoreError, naming no password, when Redis cannot be reached', async () => {
    const log = { info: () => {}, warn: () => {} };
    const attempt = openStore({ redisUrl: 'redis://:hunter2@127.0.0.1:1', log });
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it.skipIf(!REDIS_URL)(
    `opens Redis when REDIS_URL is set${REDIS_URL ? '' : ' (skipped: REDIS_URL is not set)'}`,
    async () => {
      const lines: string[] = [];
      const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
      const store = await openStore({
        redisUrl: REDIS_URL,
        log,
        prefix: `frontline-test:${randomUUID()}:`,
      });
      expect(store.kind).toBe('redis');
      expect(lines).toEqual([expect.stringMatching(/^short-lived store: Redis at /)]);
      await store.close();
    },
  );
});
