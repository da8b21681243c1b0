import type { Logger } from 'pino';
import {
  type Clock,
  createCatalogueView,
  createConversationTriage,
  createFieldParsers,
  createTriageEngine,
  type ShortLivedStore,
} from '../core/index.ts';
import {
  createRepositories,
  type DatabaseHandle,
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
import { loadWarrantyPolicy } from './warranty-policy.ts';

const withCountedTickets = (metrics: Metrics, repos: Repositories): Repositories => ({
  ...repos,
  tickets: countTickets(metrics, repos.tickets),
});

export const systemClock: Clock = { now: () => new Date() };

export type App = {
  deps: AppDeps;
  database: DatabaseHandle;
  store: ShortLivedStore;
  close(): Promise<void>;
};

/**
 * Opens everything the bot needs from the configuration: content (catalogue, lexicon, locales,
 * warranty policy — a broken file stops start-up here), the database (PGlite or Postgres,
 * migrated) and the short-lived store (Redis or in-process).
 */
export async function createApp(
  config: Config,
  log: Logger,
  clock: Clock = systemClock,
): Promise<App> {
  const policy = loadWarrantyPolicy(config.WARRANTY_POLICY_FILE);
  const { catalogue, lexicon, content } = loadTriageContent();
  const engine = createTriageEngine(catalogue, { lexicon });
  const i18n = createI18n();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
  });
  log.info(`database: ${database.kind} at ${database.target}`);
  const shortLived = await openStore({
    redisUrl: config.REDIS_URL,
    log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
  });
  // Without Redis, sessions live in the database so a restart resumes every conversation.
  const store =
    shortLived.kind === 'memory' ? withDatabaseSessions(shortLived, database.db) : shortLived;

  const metrics = createMetrics();
  const deps: AppDeps = {
    config,
    log,
    i18n,
    store,
    repos: withCountedTickets(metrics, createRepositories(database.db)),
    clock,
    catalogue: createCatalogueView(catalogue),
    triage: countTriage(metrics, createConversationTriage(engine, content)),
    fields: createFieldParsers(catalogue),
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
