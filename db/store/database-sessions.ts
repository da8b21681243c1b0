import { and, eq, gt, lte } from 'drizzle-orm';
import type { ShortLivedStore } from '../../core/index.ts';
import type { Database } from '../database.ts';
import { withStorageErrors } from '../errors.ts';
import { sessions } from '../schema/index.ts';

export type DatabaseSessionOptions = {
  /** Milliseconds since the epoch; injected so tests can move time. Default `Date.now`. */
  now?: () => number;
  /** How long a seen update id is remembered. Default 24 h. */
  updateRetentionMs?: number;
};

/** Seen update ids share the `sessions` table under this prefix (no session key starts with it). */
const UPDATE_KEY_PREFIX = 'update:';

/**
 * The in-process store with its sessions and seen update ids kept in the database instead of
 * memory: the embedded single-instance set-up (no Redis) then resumes every conversation after a
 * restart, and does not handle again an update it had taken in before a crash. Rate limits and
 * locks stay in the process, as they only need to outlive a turn.
 */
export function withDatabaseSessions(
  store: ShortLivedStore,
  db: Database,
  options: DatabaseSessionOptions = {},
): ShortLivedStore {
  const { now = Date.now, updateRetentionMs = 86_400_000 } = options;
  const sweep = async () => {
    if (Math.random() < 0.01)
      await db.delete(sessions).where(lte(sessions.expiresAt, new Date(now())));
  };
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
      await sweep();
    },
    async delete(key: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.key, key));
    },
    /**
     * One statement, so of racing sightings exactly one inserts (or revives an expired row) and
     * gets it back; the others conflict with a live row and get nothing.
     */
    async seenUpdate(updateId: number): Promise<boolean> {
      const at = new Date(now());
      const expiresAt = new Date(at.getTime() + updateRetentionMs);
      const rows = await db
        .insert(sessions)
        .values({ key: `${UPDATE_KEY_PREFIX}${updateId}`, value: true, expiresAt })
        .onConflictDoUpdate({
          target: sessions.key,
          set: { expiresAt },
          setWhere: lte(sessions.expiresAt, at),
        })
        .returning({ key: sessions.key });
      await sweep();
      return rows.length === 1;
    },
  });
  return {
    kind: store.kind,
    getSession: async <T>(key: string) => (await table.get(key)) as T | undefined,
    setSession: (key, value, ttlMs) => table.set(key, value, ttlMs),
    deleteSession: (key) => table.delete(key),
    seenUpdate: (id) => table.seenUpdate(id),
    rateLimit: (key, limit, windowMs) => store.rateLimit(key, limit, windowMs),
    withLock: (key, ttlMs, fn) => store.withLock(key, ttlMs, fn),
    tryLock: (key, ttlMs) => store.tryLock(key, ttlMs),
    takeTokens: (key, want, perSecond, burst) => store.takeTokens(key, want, perSecond, burst),
    close: () => store.close(),
  };
}
