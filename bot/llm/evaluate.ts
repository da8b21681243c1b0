import type { Logger } from 'pino';
import {
  combineModelReading,
  type TriageCatalogue,
  type TriageContent,
  type TriageEngine,
  type TriageResult,
} from '../../core/index.ts';
import type { Config } from '../config.ts';
import { createLlmClient } from './client.ts';
import { loadTriageExamples } from './examples.ts';
import { createLlmTriageReader } from './triage-reader.ts';

/** The model's figures over an evaluation run, beside the triage metrics. */
export type LlmEvalFigures = {
  llm_model: string;
  llm_answered: number;
  llm_fallbacks: Record<string, number>;
  tokens: number;
  latency_ms_p50: number;
  latency_ms_p90: number;
  latency_ms_p99: number;
};

export type LlmEvalOptions = {
  config: Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT'>;
  engine: TriageEngine;
  catalogue: TriageCatalogue;
  content: TriageContent;
  log: Logger;
  /** Questions in flight at once. */
  concurrency?: number;
};

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(share * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/**
 * Reads every text as the bot would with `OPENAI_*` configured: the model's reading joined to the
 * embedded engine's (the hazard net and the catalogue ruling), the embedded engine alone where the
 * model gave no usable answer. Returns one result per text, in order, and the model's figures.
 */
export async function classifyWithModel(
  texts: readonly string[],
  options: LlmEvalOptions,
): Promise<{ results: TriageResult[]; figures: LlmEvalFigures }> {
  const { config, engine, catalogue, content, log, concurrency = 4 } = options;
  const client = createLlmClient({
    apiKey: config.OPENAI_API_KEY ?? '',
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT,
    log,
  });
  const reader = createLlmTriageReader(client, catalogue, loadTriageExamples(catalogue));
  const results: TriageResult[] = new Array(texts.length);
  const latencies: number[] = [];
  const fallbacks: Record<string, number> = {};
  let tokens = 0;
  let answered = 0;
  let next = 0;
  async function worker() {
    for (let index = next++; index < texts.length; index = next++) {
      const text = texts[index] ?? '';
      const embedded = engine.classify(text);
      const read = await reader.read(text, undefined);
      tokens += read.tokens;
      latencies.push(read.ms);
      if (read.ok) {
        answered += 1;
        results[index] = combineModelReading(read.value, embedded, {
          content,
          text: read.readText,
        });
      } else {
        fallbacks[read.failure] = (fallbacks[read.failure] ?? 0) + 1;
        results[index] = embedded;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  const sorted = latencies.sort((a, b) => a - b);
  return {
    results,
    figures: {
      llm_model: config.OPENAI_MODEL,
      llm_answered: answered,
      llm_fallbacks: fallbacks,
      tokens,
      latency_ms_p50: percentile(sorted, 0.5),
      latency_ms_p90: percentile(sorted, 0.9),
      latency_ms_p99: percentile(sorted, 0.99),
    },
  };
}
