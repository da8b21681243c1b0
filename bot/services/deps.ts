import type { I18n } from '@grammyjs/i18n';
import type { Logger } from 'pino';
import type {
  CatalogueView,
  Category,
  Clock,
  FieldParsers,
  ShortLivedStore,
  TriageStep,
  WarrantyPolicy,
} from '../../core/index.ts';
import type { Database, Repositories } from '../../db/index.ts';
import type { Config } from '../config.ts';
import type { LlmAssist } from '../llm/index.ts';
import type { Metrics } from '../metrics.ts';

/** Everything the bot's services need, built once by the composition root. */
export type AppDeps = {
  config: Config;
  log: Logger;
  i18n: I18n;
  store: ShortLivedStore;
  /** The database itself, for transactions (a turn's commit); `repos` work outside them. */
  db: Database;
  repos: Repositories;
  /** The repositories on a transaction (or any handle), instrumented like `repos`. */
  reposOn(db: Database): Repositories;
  clock: Clock;
  catalogue: CatalogueView;
  /** The conversation's triage, each call counted (`metrics.triage`). */
  triage(text: string, options: { category?: Category; asked: boolean }): TriageStep;
  /**
   * The same triage, not counted there: for the hazard net on words the conversation does
   * not read (a held chat, a rating's comment window), counted apart (`metrics.staffHazardChecks`).
   */
  triageUncounted(text: string, options: { category?: Category; asked: boolean }): TriageStep;
  fields: FieldParsers;
  policy: WarrantyPolicy;
  /** Prometheus instruments: services count what they do here. */
  metrics: Metrics;
  /** The checks a customer says they already did, in their words (`TurnContext.alreadyTried`). */
  alreadyTried(text: string): string[];
  /** The openai triage and intake help, when configured: consulted before each turn. */
  llm?: LlmAssist;
};
