import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RateLimitDecision, ShortLivedStore } from '../../core/index.ts';
import { StoreError } from './errors.ts';
import { runLocked } from './lock-wait.ts';

export type RedisStoreOptions = {
  /** A connected client to use (not closed by `close()`), or… */
  client?: Redis;
  /** …a `redis://` URL to connect to. */
  url?: string;
  /** Prefix of every key, so several bots or tests share one Redis. Default `frontline:`. */
  prefix?: string;
  /** How long a seen update id is remembered. Default 24 h. */
  updateRetentionMs?: number;
  lockRetryMs?: number;
  /** How long `withLock` waits for a held lock. Default: the lock's ttl. */
  lockWaitMs?: number;
  /** Told about connection errors (the client reconnects by itself). */
  onError?: (error: unknown) => void;
};

// Fixed window: the first call in a window starts its expiry.
const RATE_LIMIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

// A token bucket on the server's clock, so every instance shares one budget.
const TAKE_TOKENS = `
local want = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local granted = math.max(0, math.min(want, math.floor(tokens)))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 60000)
local wait = 0
if granted < want then wait = math.ceil((1 - (tokens - math.floor(tokens))) * 1000 / rate) end
return {granted, wait}`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** `host:port` of a Redis URL, without credentials, for logs. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'redis (unparseable URL)';
  }
}

/**
 * Connects to Redis and returns the shared {@link ShortLivedStore}: sessions with TTL, update
 * de-duplication (`SET NX PX`), fixed-window rate limits (a Lua script) and locks (`SET NX PX`,
 * released only by their holder). Throws {@link StoreError} when Redis cannot be reached.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<ShortLivedStore> {
  const { prefix = 'frontline:', updateRetentionMs = 86_400_000, lockRetryMs = 20 } = options;
  const owned = !options.client;
  const client =
    options.client ??
    new Redis(options.url ?? 'redis://127.0.0.1:6379', {
      lazyConnect: true,
      maxRetriesPerRequest: 2,
      // Commands that concurrent turns issue in one tick go out in one write (one round trip).
      enableAutoPipelining: true,
    });
  client.on('error', options.onError ?? (() => {}));
  if (owned) {
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      throw new StoreError(`connect to ${describeRedisUrl(options.url ?? '')}`, { cause: error });
    }
  }

  const guard = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new StoreError(operation, { cause: error });
    }
  };
  const k = (kind: string, key: string | number) => `${prefix}${kind}:${key}`;

  return {
    kind: 'redis',
    async getSession<T>(key: string) {
      const text = await guard('session get', () => client.get(k('session', key)));
      return text === null ? undefined : (JSON.parse(text) as T);
    },
    async setSession<T>(key: string, value: T, ttlMs: number) {
      await guard('session set', () =>
        client.set(k('session', key), JSON.stringify(value), 'PX', ttlMs),
      );
    },
    async deleteSession(key: string) {
      await guard('session delete', () => client.del(k('session', key)));
    },
    async seenUpdate(updateId: number) {
      const reply = await guard('seen update', () =>
        client.set(k('update', updateId), '1', 'PX', updateRetentionMs, 'NX'),
      );
      return reply === 'OK';
    },
    async rateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
      const [count, ttl] = (await guard('rate limit', () =>
        client.eval(RATE_LIMIT, 1, k('rate', key), windowMs),
      )) as [number, number];
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetMs: ttl };
    },
    withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>) {
      const primitives = {
        acquire: async (lockKey: string, token: string, ms: number) =>
          (await guard('lock', () => client.set(k('lock', lockKey), token, 'PX', ms, 'NX'))) ===
          'OK',
        release: async (lockKey: string, token: string) => {
          await guard('unlock', () => client.eval(RELEASE, 1, k('lock', lockKey), token));
        },
      };
      const waitMs = options.lockWaitMs ?? ttlMs;
      return runLocked(primitives, key, { ttlMs, waitMs, retryMs: lockRetryMs }, fn);
    },
    async tryLock(key: string, ttlMs: number) {
      const token = randomUUID();
      const lockKey = k('lock', key);
      const reply = await guard('lock', () => client.set(lockKey, token, 'PX', ttlMs, 'NX'));
      if (reply !== 'OK') return undefined;
      return {
        async renew() {
          const renewed = await guard('lock renew', () =>
            client.eval(RENEW, 1, lockKey, token, ttlMs),
          );
          return renewed === 1;
        },
        async release() {
          await guard('unlock', () => client.eval(RELEASE, 1, lockKey, token));
        },
      };
    },
    async takeTokens(key: string, want: number, perSecond: number, burst: number) {
      const [granted, waitMs] = (await guard('send budget', () =>
        client.eval(TAKE_TOKENS, 1, k('budget', key), want, perSecond, burst),
      )) as [number, number];
      return { granted: Number(granted), waitMs: Number(waitMs) };
    },
    async close() {
      if (owned) await client.quit().catch(() => client.disconnect());
    },
  };
}
