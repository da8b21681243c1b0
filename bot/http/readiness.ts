import type { ShortLivedStore } from '../../core/index.ts';
import { type Database, migrationStatus } from '../../db/index.ts';

export type CheckResult = 'ok' | string;

export type Readiness = {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult; store: CheckResult };
};

export type ReadinessOptions = {
  db: Database;
  store: ShortLivedStore;
  /** Longest wait for one check; a check that takes longer fails. Default 2 s. */
  timeoutMs?: number;
};

const PROBE_KEY = 'readiness-probe';

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error as a readiness line: its class and a short message, never a connection string. */
const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'failed';

/**
 * What `/readyz` reports: the database answers and carries every committed migration, and the
 * short-lived store answers a read. Each check has its own time limit, so a hung server makes the
 * probe fail rather than hang.
 */
export function createReadinessCheck(options: ReadinessOptions): () => Promise<Readiness> {
  const { db, store, timeoutMs = 2_000 } = options;
  return async () => {
    const [migrations, storeCheck] = await Promise.allSettled([
      within(timeoutMs, migrationStatus(db)),
      within(timeoutMs, store.getSession(PROBE_KEY)),
    ]);
    const checks: Readiness['checks'] = {
      database: migrations.status === 'fulfilled' ? 'ok' : describe(migrations.reason),
      migrations:
        migrations.status !== 'fulfilled'
          ? 'unknown'
          : migrations.value.current
            ? 'ok'
            : `${migrations.value.applied} of ${migrations.value.committed} applied`,
      store: storeCheck.status === 'fulfilled' ? 'ok' : describe(storeCheck.reason),
    };
    return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
  };
}
