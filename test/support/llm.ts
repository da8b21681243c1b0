import { loadTriageContent } from '../../bot/content/index.ts';
import {
  createLlmClient,
  createLlmIntakeHelper,
  createLlmTriageReader,
  createLlmUsage,
  createTurnAssist,
  type TurnAssist,
} from '../../bot/llm/index.ts';
import { createLogger } from '../../bot/logger.ts';
import {
  type ConversationEvent,
  type ConversationState,
  createTriageEngine,
  decideTurn,
  initialState,
  type ShortLivedStore,
  type Turn,
} from '../../core/index.ts';
import { createMemoryStore } from '../../db/index.ts';
import { catalogueExamples } from '../../prompts/llm/triage.ts';
import type { FakeModelServer } from './openai-server.ts';
import { realTurnContext } from './turn-context.ts';

const { catalogue, lexicon, content } = loadTriageContent();
export const engine = createTriageEngine(catalogue, { lexicon });
export { catalogue, content };

/** pino lines captured as objects. */
export type LogLine = { level: number; msg: string; reason?: string; [key: string]: unknown };

export function captureLog() {
  const lines: LogLine[] = [];
  const log = createLogger('info', {
    write(line: string) {
      lines.push(JSON.parse(line) as LogLine);
    },
  });
  return { log, lines, warnings: () => lines.filter((l) => l.level >= 40).map((l) => l.msg) };
}

/** A model answer in the triage schema, with sensible defaults. */
export function triageAnswer(fields: Record<string, unknown> = {}) {
  return {
    label: 'misuse',
    category: 'refrigerator',
    symptom: 'refrigerator.too-cold-food-frozen',
    confidence: 0.9,
    evidence: null,
    clarifying_question: null,
    model_number: null,
    purchase_date_as_written: null,
    address_present: false,
    ...fields,
  };
}

/** The turn assist on the real catalogue and engine, talking to `server` through the real SDK. */
export function assistFor(
  server: FakeModelServer,
  options: { timeoutMs?: number; budget?: number; store?: ShortLivedStore } = {},
) {
  const { log, lines, warnings } = captureLog();
  const client = createLlmClient({
    apiKey: 'test-key',
    baseURL: server.baseURL,
    model: 'local-test',
    timeoutMs: options.timeoutMs ?? 3000,
    log,
  });
  const store = options.store ?? createMemoryStore();
  const usage = createLlmUsage(store);
  const assist: TurnAssist = createTurnAssist({
    engine,
    content,
    reader: createLlmTriageReader(client, catalogue, catalogueExamples(catalogue)),
    helper: createLlmIntakeHelper(client),
    usage,
    budget: options.budget ?? 100_000,
    log,
  });
  /** One turn as the bot runs it: the model first, then the real decideTurn. */
  async function runTurn(
    event: ConversationEvent,
    state: ConversationState = initialState('en'),
    context = realTurnContext(),
  ): Promise<Turn<ConversationState> & { typing: number; ms: number }> {
    let typing = 0;
    const started = performance.now();
    const ready = await assist.prepare(state, event, context, 'chat-1', () => {
      typing += 1;
    });
    return {
      ...decideTurn(state, event, ready),
      typing,
      ms: performance.now() - started,
    };
  }
  return { assist, usage, store, runTurn, lines, warnings, client, log };
}
