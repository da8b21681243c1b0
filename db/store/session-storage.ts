import type { ShortLivedStore } from '../../core/index.ts';

/** The shape grammY's session plugin takes as `storage` (its `StorageAdapter`). */
export type SessionStorage<T> = {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
};

/** Sessions for grammY's `session({ storage })`, kept in the store and expiring after `ttlMs`. */
export function toSessionStorage<T>(store: ShortLivedStore, ttlMs: number): SessionStorage<T> {
  return {
    read: (key) => store.getSession<T>(key),
    write: (key, value) => store.setSession(key, value, ttlMs),
    delete: (key) => store.deleteSession(key),
  };
}
