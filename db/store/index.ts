import type { ShortLivedStore } from '../../core/index.ts';
import { createMemoryStore } from './memory.ts';
import { createRedisStore, describeRedisUrl } from './redis.ts';

export { type DatabaseSessionOptions, withDatabaseSessions } from './database-sessions.ts';
export * from './errors.ts';
export { createMemoryStore, type MemoryStoreOptions } from './memory.ts';
export { createRedisStore, describeRedisUrl, type RedisStoreOptions } from './redis.ts';
export * from './session-storage.ts';

/** A pino-compatible logger, narrowed to what the store needs. */
export type StoreLogger = {
  info(message: string): void;
  warn(message: string): void;
};

export type OpenStoreOptions = {
  /** `redis://…`: the shared Redis store. Unset: the in-process store (single instance only). */
  redisUrl?: string | undefined;
  prefix?: string;
  log: StoreLogger;
};

/**
 * Opens the short-lived store the configuration names and says at start which one it is: Redis
 * when `redisUrl` is set, else the in-process store, with a warning that it serves one instance.
 */
export async function openStore(options: OpenStoreOptions): Promise<ShortLivedStore> {
  const { redisUrl, prefix, log } = options;
  if (!redisUrl) {
    log.info(
      'short-lived store: in-process (single instance only; set REDIS_URL to run several instances)',
    );
    return createMemoryStore();
  }
  const store = await createRedisStore({
    url: redisUrl,
    ...(prefix === undefined ? {} : { prefix }),
    onError: () =>
      log.warn(`short-lived store: Redis connection error (${describeRedisUrl(redisUrl)})`),
  });
  log.info(`short-lived store: Redis at ${describeRedisUrl(redisUrl)}`);
  return store;
}
