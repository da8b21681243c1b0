import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockTimeoutError } from './errors.ts';

export type LockPrimitives = {
  /** Takes the lock for `ttlMs` under `token`; `false` when another holder has it. */
  acquire(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock only if `token` still holds it. */
  release(key: string, token: string): Promise<void>;
};

/**
 * Runs `fn` under a lock: retries every `retryMs` (real time) for up to `waitMs`, then throws
 * {@link LockTimeoutError}. The lock is released afterwards, whether `fn` resolves or throws.
 */
export async function runLocked<T>(
  primitives: LockPrimitives,
  key: string,
  { ttlMs, waitMs, retryMs }: { ttlMs: number; waitMs: number; retryMs: number },
  fn: () => Promise<T>,
): Promise<T> {
  const token = randomUUID();
  const started = performance.now();
  while (!(await primitives.acquire(key, token, ttlMs))) {
    const waited = performance.now() - started;
    if (waited >= waitMs) throw new LockTimeoutError(key, Math.round(waited));
    await sleep(retryMs);
  }
  try {
    return await fn();
  } finally {
    await primitives.release(key, token);
  }
}
