import { and, eq, gt, lte } from 'drizzle-orm';
import type { ShortLivedStore } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { sessions } from '../schema/index.ts';

export type DatabaseSessionOptions = {
  /** Milliseconds since the epoch; injected so tests can move time. Default `Date.now`. */
  now?: () => number;
};

/**
 * The in-process store with its sessions kept in the database instead of memory: the embedded
 * single-instance set-up (no Redis) then resumes every conversation after a restart. Update
 * de-duplication, rate limits and locks stay in the process, as they only need to outlive a turn.
 */
export function withDatabaseSessions(
  store: ShortLivedStore,
  db: Database,
  options: DatabaseSessionOptions = {},
): ShortLivedStore {
  const { now = Date.now } = options;
  const table = withStorageErrors('sessions', {
    async get(key: string): Promise<unknown> {
      const at = new Date(now());
      const [row] = await db
        .select({ value: sessions.value })
        .from(sessions)
        .where(and(eq(sessions.key, key), gt(sessions.expiresAt, at)));
      return row?.value;
    },
    async set(key: string, value: unknown, ttlMs: number): Promise<void> {
      const expiresAt = new Date(now() + ttlMs);
      await db
        .insert(sessions)
        .values({ key, value, expiresAt })
        .onConflictDoUpdate({ target: sessions.key, set: { value, expiresAt } });
      if (Math.random() < 0.01)
        await db.delete(sessions).where(lte(sessions.expiresAt, new Date(now())));
    },
    async delete(key: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.key, key));
    },
  });
  return {
    kind: store.kind,
    getSession: async <T>(key: string) => (await table.get(key)) as T | undefined,
    setSession: (key, value, ttlMs) => table.set(key, value, ttlMs),
    deleteSession: (key) => table.delete(key),
    seenUpdate: (id) => store.seenUpdate(id),
    rateLimit: (key, limit, windowMs) => store.rateLimit(key, limit, windowMs),
    withLock: (key, ttlMs, fn) => store.withLock(key, ttlMs, fn),
    close: () => store.close(),
  };
}
