import { resolve } from 'node:path';
import type { Logger } from 'pino';
import {
  type Clock,
  createAlreadyTriedPieces,
  createCatalogueView,
  createConversationTriage,
  createFieldParsers,
  createTriageEngine,
  type ShortLivedStore,
} from '../core/index.ts';
import {
  createRepositories,
  type DatabaseHandle,
  describeUrl,
  openDatabase,
  openStore,
  type Repositories,
  withDatabaseSessions,
} from '../db/index.ts';
import type { Config } from './config.ts';
import { loadTriageContent } from './content/index.ts';

import { createI18n } from './i18n/index.ts';
import { countTickets, countTriage } from './instrument.ts';
import { createLlmAssist } from './llm/index.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import type { AppDeps } from './services/deps.ts';
import { type StartupProgress, silentProgress } from './startup-progress.ts';
import { loadWarrantyPolicy } from './warranty-policy.ts';

const withCountedTickets = (metrics: Metrics, repos: Repositories): Repositories => ({
  ...repos,
  tickets: countTickets(metrics, repos.tickets),
});

export const systemClock: Clock = { now: () => new Date() };

/** The content files, validated (a broken one stops start-up), and what is built from them. */
function loadContent(config: Config) {
  const policy = loadWarrantyPolicy(config.WARRANTY_POLICY_FILE);
  const { catalogue, lexicon, model, content } = loadTriageContent();
  const engine = createTriageEngine(catalogue, { lexicon, model });
  const alreadyTried = createAlreadyTriedPieces(lexicon);
  return { policy, catalogue, content, engine, alreadyTried, i18n: createI18n() };
}

export type App = {
  deps: AppDeps;
  database: DatabaseHandle;
  store: ShortLivedStore;
  close(): Promise<void>;
};

/**
 * Opens everything the bot needs from the configuration: content (catalogue, lexicon, locales,
 * warranty policy — a broken file stops start-up here), the database (PGlite or Postgres,
 * migrated) and the short-lived store (Redis or in-process), saying each step to `progress`.
 */
export async function createApp(
  config: Config,
  log: Logger,
  clock: Clock = systemClock,
  progress: StartupProgress = silentProgress,
): Promise<App> {
  progress.step(
    config.DATABASE_URL
      ? `opening the database (PostgreSQL at ${describeUrl(config.DATABASE_URL)})…`
      : `opening the database (embedded PostgreSQL in ${resolve(config.DATA_DIR)})…`,
  );
  // Started before the content: the embedded database compiles its WebAssembly on V8's background
  // threads while the triage engine is built on this one.
  const opening = openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    migrate: false,
  });
  let loaded: ReturnType<typeof loadContent>;
  try {
    progress.step('loading the catalogue, triage lexicon, locales and warranty policy…');
    loaded = loadContent(config);
  } catch (error) {
    await opening.then(
      (database) => database.close(),
      () => undefined,
    );
    throw error;
  }
  const { policy, catalogue, content, engine, alreadyTried, i18n } = loaded;
  const database = await opening;
  log.info(`database: ${database.kind} at ${database.target}`);
  progress.step('applying migrations…');
  try {
    const { applied, total } = await database.migrate();
    progress.step(
      applied === 0
        ? `migrations: up to date (${total})`
        : `migrations: applied ${applied}, ${total} in the database`,
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  progress.step(config.REDIS_URL ? 'connecting to Redis…' : 'short-lived store: in-process');
  const shortLived = await openStore({
    redisUrl: config.REDIS_URL,
    log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
  });
  // Without Redis, sessions live in the database so a restart resumes every conversation.
  const store =
    shortLived.kind === 'memory' ? withDatabaseSessions(shortLived, database.db) : shortLived;

  const metrics = createMetrics();
  const triage = createConversationTriage(engine, content);
  const repos = withCountedTickets(metrics, createRepositories(database.db));
  const deps: AppDeps = {
    config,
    log,
    i18n,
    store,
    db: database.db,
    repos,
    // Built for each transaction; on the database itself, the ones above.
    reposOn: (db) =>
      db === database.db ? repos : withCountedTickets(metrics, createRepositories(db)),
    clock,
    catalogue: createCatalogueView(catalogue),
    triage: countTriage(metrics, triage),
    triageUncounted: triage,
    fields: createFieldParsers(catalogue),
    alreadyTried,
    policy,
    metrics,
  };
  const llm = createLlmAssist({ config, log, store, engine, catalogue, content, metrics });
  if (llm) deps.llm = llm;
  return {
    deps,
    database,
    store,
    async close() {
      await store.close();
      await database.close();
    },
  };
}
