/** The database could not be opened or reached. `target` names it without credentials. */
export class DatabaseConnectError extends Error {
  override name = 'DatabaseConnectError';
  constructor(
    readonly target: string,
    options: { cause: unknown },
  ) {
    super(`cannot open the database at ${target}`, options);
  }
}

/** Applying the committed migrations failed; the database is left at the last applied one. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(options: { cause: unknown }) {
    super('database migration failed', options);
  }
}

/**
 * A repository operation failed for an infrastructure reason. The message names the operation
 * only; the driver's error (which may quote row values) is kept as `cause`, not in the message.
 */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(`${operation} failed`, options);
  }
}

/** Wraps every method of a repository so driver failures surface as {@link StorageError}. */
export function withStorageErrors<T extends object>(name: string, impl: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(impl)) {
    wrapped[key] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await value.apply(impl, args);
            } catch (error) {
              if (error instanceof StorageError) throw error;
              throw new StorageError(`${name}.${key}`, { cause: error });
            }
          }
        : value;
  }
  return wrapped as T;
}
