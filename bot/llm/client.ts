import OpenAI from 'openai';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from 'openai/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { Logger } from 'pino';
import { ZodError, type z } from 'zod';

/** Why a question to the model got no usable answer; each is one log line. */
export type LlmFailure =
  | 'timeout'
  | 'unreachable'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'refusal'
  | 'length'
  | 'content_filter'
  | 'invalid_json'
  | 'schema'
  | 'empty'
  /** Anything else (an answer that is no chat completion at all): never the customer's problem. */
  | 'unexpected';

export type LlmAnswer<T> =
  | { ok: true; value: T; tokens: number; ms: number }
  | { ok: false; failure: LlmFailure; tokens: number; ms: number };

export type LlmClientOptions = {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  /** The longest a question may take, retry included: the customer never waits longer. */
  timeoutMs: number;
  log: Logger;
  /** For tests: the transport (defaults to the global fetch). */
  fetch?: typeof fetch;
};

export type LlmQuestion<S extends z.ZodType> = {
  /** What the question is for, in log lines (`triage`, `intake`). */
  purpose: string;
  /** The output schema: sent as the response format and used again to validate the answer. */
  schema: S;
  messages: OpenAI.ChatCompletionMessageParam[];
  maxTokens: number;
};

/** Failures worth one more try: the server was busy or broken, or the model's output was invalid. */
const RETRIED: ReadonlySet<LlmFailure> = new Set([
  'rate_limited',
  'server_error',
  'invalid_json',
  'schema',
]);
/** A retry needs at least this much of the deadline left to be worth starting. */
const MIN_ATTEMPT_MS = 500;

export type LlmClient = {
  ask<S extends z.ZodType>(question: LlmQuestion<S>): Promise<LlmAnswer<z.output<S>>>;
};

/** OpenAI's strict structured outputs accept no `default` keyword (zod's `.catch` adds one). */
function stripDefaults(node: unknown): void {
  if (Array.isArray(node)) node.forEach(stripDefaults);
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    delete record.default;
    Object.values(record).forEach(stripDefaults);
  }
}

function classify(error: unknown): LlmFailure {
  if (error instanceof APIConnectionTimeoutError) return 'timeout';
  if (error instanceof APIConnectionError) return 'unreachable';
  if (error instanceof LengthFinishReasonError) return 'length';
  if (error instanceof ContentFilterFinishReasonError) return 'content_filter';
  if (error instanceof ZodError) return 'schema';
  if (error instanceof SyntaxError) return 'invalid_json';
  if (error instanceof APIError) {
    if (error.status === 429) return 'rate_limited';
    if (error.status !== undefined && error.status >= 500) return 'server_error';
    return 'http_error';
  }
  return 'unexpected';
}

/** `retry-after-ms` or `retry-after` (seconds or an HTTP date), in milliseconds. */
export function retryAfterMs(error: unknown, now: number): number {
  const headers = error instanceof APIError ? error.headers : undefined;
  const ms = Number(headers?.get('retry-after-ms'));
  if (headers?.get('retry-after-ms') && Number.isFinite(ms)) return Math.max(0, ms);
  const value = headers?.get('retry-after');
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : 0;
}

/** Reads `usage.total_tokens` from every JSON response, whether or not its answer is usable. */
function countingFetch(base: typeof fetch, tally: { tokens: number }): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.headers.get('content-type')?.includes('json')) {
      try {
        const body = (await response.clone().json()) as { usage?: { total_tokens?: unknown } };
        const tokens = body.usage?.total_tokens;
        if (typeof tokens === 'number' && Number.isFinite(tokens)) tally.tokens += tokens;
      } catch {
        // Malformed JSON is the SDK's to report.
      }
    }
    return response;
  };
}

/**
 * Fields whose value the schema replaced (an id outside the catalogue caught as `unknown`): the
 * answer as sent against the answer as read.
 */
function replacedFields(content: string | null | undefined, read: unknown): string[] {
  if (!content || !read || typeof read !== 'object') return [];
  try {
    const sent = JSON.parse(content) as Record<string, unknown>;
    return Object.entries(read as Record<string, unknown>)
      .filter(([key, value]) => typeof value !== 'object' && sent[key] !== value)
      .map(([key]) => key);
  } catch {
    return [];
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A model behind the official SDK, asked for structured output (`chat.completions.parse` with a
 * zod response format). One deadline covers the whole question: an attempt that is not answered
 * in time is not retried; 429 (after its `retry-after`, when that fits the deadline), 5xx and
 * invalid output (malformed JSON, a schema violation) get one more try. The SDK's own retries are
 * off. Every failure is one log line naming the reason, never the text.
 */
export function createLlmClient(options: LlmClientOptions): LlmClient {
  const { model, timeoutMs, log } = options;
  const transport = options.fetch ?? fetch;
  const base = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    maxRetries: 0,
    timeout: timeoutMs,
  });

  return {
    async ask(question) {
      const format = zodResponseFormat(question.schema, question.purpose);
      stripDefaults(format.json_schema.schema);
      const started = performance.now();
      const tally = { tokens: 0 };
      const left = () => timeoutMs - (performance.now() - started);
      const done = () => ({ tokens: tally.tokens, ms: Math.round(performance.now() - started) });
      for (let attempt = 1; ; attempt += 1) {
        let failure: LlmFailure;
        let wait = 0;
        try {
          const client = base.withOptions({
            timeout: Math.max(1, Math.floor(left())),
            fetch: countingFetch(transport, tally),
          });
          const completion = await client.chat.completions.parse({
            model,
            messages: question.messages,
            response_format: format,
            temperature: 0,
            max_tokens: question.maxTokens,
          });
          const message = completion.choices[0]?.message;
          if (message?.refusal) failure = 'refusal';
          else if (message?.parsed === null || message?.parsed === undefined) failure = 'empty';
          else {
            // The SDK validated with the schema; validating here again keeps that guarantee
            // ours, whatever the server enforced.
            const checked = question.schema.safeParse(message.parsed);
            if (checked.success) {
              const replaced = replacedFields(message.content, checked.data);
              if (replaced.length > 0)
                log.warn(
                  { llm: question.purpose, reason: 'outside_catalogue', fields: replaced, attempt },
                  `llm ${question.purpose}: outside_catalogue (${replaced.join(', ')}), read as unknown`,
                );
              return { ok: true, value: checked.data, ...done() };
            }
            failure = 'schema';
          }
        } catch (error) {
          failure = classify(error);
          if (failure === 'rate_limited') wait = retryAfterMs(error, Date.now());
        }
        const retry = attempt === 1 && RETRIED.has(failure) && left() - wait >= MIN_ATTEMPT_MS;
        log.warn(
          { llm: question.purpose, reason: failure, attempt, retry, ms: done().ms },
          `llm ${question.purpose}: ${failure}${retry ? ', retrying' : ', falling back'}`,
        );
        if (!retry) return { ok: false, failure, ...done() };
        if (wait > 0) await sleep(wait);
      }
    },
  };
}
