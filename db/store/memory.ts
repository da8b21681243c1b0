import { randomUUID } from 'node:crypto';
import type { RateLimitDecision, ShortLivedStore } from '../../core/index.ts';
import { runLocked } from './lock-wait.ts';

export type MemoryStoreOptions = {
  /** Milliseconds since the epoch; injected so tests can move time. Default `Date.now`. */
  now?: () => number;
  /** How long a seen update id is remembered. Default 24 h. */
  updateRetentionMs?: number;
  /** How often a waiting `withLock` retries. Default 20 ms. */
  lockRetryMs?: number;
  /** How long `withLock` waits for a held lock. Default: the lock's ttl. */
  lockWaitMs?: number;
};

type Expiring<T> = { value: T; expiresAt: number };

/**
 * The in-process {@link ShortLivedStore}: plain maps with expiry times. State lives in this process
 * only, so it serves a single bot instance; set `REDIS_URL` to run several. Values are stored as
 * JSON, as in Redis, so both behave alike.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ShortLivedStore {
  const { now = Date.now, updateRetentionMs = 86_400_000, lockRetryMs = 20 } = options;
  const sessions = new Map<string, Expiring<string>>();
  const updates = new Map<number, number>();
  const windows = new Map<string, Expiring<number>>();
  const locks = new Map<string, Expiring<string>>();
  const buckets = new Map<string, { tokens: number; at: number }>();
  let operations = 0;

  const live = <T>(map: Map<string, Expiring<T>>, key: string) => {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= now()) map.delete(key);
    return entry && entry.expiresAt > now() ? entry : undefined;
  };
  // Expired entries are dropped on access; an occasional sweep bounds what is never read again.
  const sweep = () => {
    if (++operations % 1_000 !== 0) return;
    const t = now();
    for (const map of [sessions, windows, locks]) {
      for (const [key, entry] of map) if (entry.expiresAt <= t) map.delete(key);
    }
    for (const [id, expiresAt] of updates) if (expiresAt <= t) updates.delete(id);
  };

  return {
    kind: 'memory',
    async getSession<T>(key: string) {
      sweep();
      const entry = live(sessions, key);
      return entry ? (JSON.parse(entry.value) as T) : undefined;
    },
    async setSession<T>(key: string, value: T, ttlMs: number) {
      sweep();
      sessions.set(key, { value: JSON.stringify(value), expiresAt: now() + ttlMs });
    },
    async deleteSession(key: string) {
      sessions.delete(key);
    },
    async seenUpdate(updateId: number) {
      sweep();
      const expiresAt = updates.get(updateId);
      if (expiresAt !== undefined && expiresAt > now()) return false;
      updates.set(updateId, now() + updateRetentionMs);
      return true;
    },
    async rateLimit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
      sweep();
      const entry = live(windows, key) ?? { value: 0, expiresAt: now() + windowMs };
      entry.value += 1;
      windows.set(key, entry);
      return {
        allowed: entry.value <= limit,
        remaining: Math.max(0, limit - entry.value),
        resetMs: entry.expiresAt - now(),
      };
    },
    withLock<T>(key: string, ttlMs: number, fn: () => Promise<T>) {
      const primitives = {
        async acquire(lockKey: string, token: string, ms: number) {
          if (live(locks, lockKey)) return false;
          locks.set(lockKey, { value: token, expiresAt: now() + ms });
          return true;
        },
        async release(lockKey: string, token: string) {
          if (locks.get(lockKey)?.value === token) locks.delete(lockKey);
        },
      };
      const waitMs = options.lockWaitMs ?? ttlMs;
      return runLocked(primitives, key, { ttlMs, waitMs, retryMs: lockRetryMs }, fn);
    },
    async tryLock(key: string, ttlMs: number) {
      if (live(locks, key)) return undefined;
      const token = randomUUID();
      locks.set(key, { value: token, expiresAt: now() + ttlMs });
      const held = () => live(locks, key)?.value === token;
      return {
        async renew() {
          if (!held()) return false;
          locks.set(key, { value: token, expiresAt: now() + ttlMs });
          return true;
        },
        async release() {
          if (held()) locks.delete(key);
        },
      };
    },
    async takeTokens(key: string, want: number, perSecond: number, burst: number) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: t };
      const tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) * perSecond) / 1000);
      const granted = Math.max(0, Math.min(want, Math.floor(tokens)));
      const left = tokens - granted;
      buckets.set(key, { tokens: left, at: t });
      const waitMs = granted < want ? Math.ceil(((1 - (left % 1)) * 1000) / perSecond) : 0;
      return { granted, waitMs };
    },
    async close() {
      buckets.clear();
      sessions.clear();
      updates.clear();
      windows.clear();
      locks.clear();
    },
  };
}
