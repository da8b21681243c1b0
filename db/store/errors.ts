/** The short-lived store (Redis) failed or could not be reached. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(`store ${operation} failed`, options);
  }
}

/** `withLock` waited as long as it may and the lock was still held elsewhere. */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
  constructor(
    readonly key: string,
    readonly waitedMs: number,
  ) {
    super(`lock ${key} still held after ${waitedMs} ms`);
  }
}
