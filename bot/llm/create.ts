import type { Logger } from 'pino';
import type {
  ShortLivedStore,
  TriageCatalogue,
  TriageContent,
  TriageEngine,
} from '../../core/index.ts';
import type { Config } from '../config.ts';
import { countTriage } from '../instrument.ts';
import type { Metrics } from '../metrics.ts';
import { createLlmClient } from './client.ts';
import { loadTriageExamples } from './examples.ts';
import { createLlmIntakeHelper } from './intake-helper.ts';
import { createLlmTriageReader } from './triage-reader.ts';
import { createTurnAssist, type TurnAssist } from './turn-assist.ts';
import { createLlmUsage, type LlmUsage } from './usage.ts';

/** The model's part in the bot: run before each turn, and its usage figures. */
export type LlmAssist = { assist: TurnAssist; usage: LlmUsage };

export type LlmAssistOptions = {
  config: Pick<
    Config,
    'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT' | 'OPENAI_TOKEN_BUDGET'
  >;
  log: Logger;
  store: ShortLivedStore;
  engine: TriageEngine;
  catalogue: TriageCatalogue;
  content: TriageContent;
  metrics: Metrics;
};

/** The openai triage and intake help when `OPENAI_API_KEY` is set; otherwise none (embedded only). */
export function createLlmAssist(options: LlmAssistOptions): LlmAssist | undefined {
  const { config, log, store, engine, catalogue, content, metrics } = options;
  if (!config.OPENAI_API_KEY) return undefined;
  const client = createLlmClient({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT,
    log,
  });
  const usage = createLlmUsage(store, (tokens) => metrics.llmTokens.inc(tokens));
  const assist = createTurnAssist({
    engine,
    content,
    reader: createLlmTriageReader(client, catalogue, loadTriageExamples(catalogue)),
    helper: createLlmIntakeHelper(client),
    usage,
    budget: config.OPENAI_TOKEN_BUDGET,
    log,
    instrument: (triage) => countTriage(metrics, triage),
  });
  const where = config.OPENAI_BASE_URL ? new URL(config.OPENAI_BASE_URL).host : 'the OpenAI API';
  log.info(`triage: openai (${config.OPENAI_MODEL} at ${where}), embedded as fallback`);
  return { assist, usage };
}
