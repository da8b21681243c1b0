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

/**
 * The embedded database's folder is open in another process (PGlite has no lock of its own: two
 * processes writing one folder corrupt it). `pid` is the process holding it.
 */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (the bot?): stop it first, or run the bot on PostgreSQL (DATABASE_URL) to read it while it runs`,
    );
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

/** PostgreSQL SQLSTATEs that mean the server is going away or cannot serve: try again later. */
const UNAVAILABLE_SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection exceptions
  '57P01',
  '57P02',
  '57P03', // admin / crash shutdown, cannot connect now
  '53300', // too many connections
]);
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES =
  /connection terminated|connection error|timeout exceeded when trying to connect|client has encountered a connection error|connection is closed|max retries per request|stream isn't writeable|cannot use a pool after calling end|client was closed/i;

/**
 * Whether an error (or any error in its `cause` chain) says the database or Redis is down or
 * unreachable — a reason to keep the work and try again later, not a fault in the work itself.
 */
export function isUnavailableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    if (current.name === 'StoreError') return true;
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CODES.has(code))
    )
      return true;
    if (UNAVAILABLE_MESSAGES.test(current.message)) return true;
    if (
      current instanceof AggregateError &&
      current.errors.some((inner) => isUnavailableError(inner))
    )
      return true;
    current = current.cause;
  }
  return false;
}
