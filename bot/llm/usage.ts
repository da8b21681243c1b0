import type { ShortLivedStore } from '../../core/index.ts';
import { llmUsageKey } from '../services/chat-keys.ts';

/** A conversation's count is forgotten after a day without model calls. */
const CONVERSATION_TTL_MS = 86_400_000;

export type LlmUsageFigures = {
  calls: number;
  answered: number;
  tokens: number;
  /** Questions that fell back to the embedded engine or the parsers, by reason. */
  fallbacks: Record<string, number>;
  /** Turns that made no call because the conversation had spent its budget. */
  overBudget: number;
};

export type LlmUsage = {
  /** Tokens the conversation has used so far. */
  used(conversation: string): Promise<number>;
  /** Counts a question's outcome; returns the conversation's new total. */
  record(conversation: string, outcome: { tokens: number; failure?: string }): Promise<number>;
  recordOverBudget(): void;
  /** The figures since start, for the operator. */
  figures(): LlmUsageFigures;
};

/**
 * Tokens per conversation, kept in the short-lived store (shared by every instance, so the
 * per-conversation budget holds across them), and this process's totals as a figure.
 */
export function createLlmUsage(
  store: ShortLivedStore,
  onTokens: (tokens: number) => void = () => undefined,
): LlmUsage {
  const totals: LlmUsageFigures = {
    calls: 0,
    answered: 0,
    tokens: 0,
    fallbacks: {},
    overBudget: 0,
  };
  const key = llmUsageKey;
  return {
    async used(conversation) {
      return (await store.getSession<number>(key(conversation))) ?? 0;
    },
    async record(conversation, { tokens, failure }) {
      totals.calls += 1;
      totals.tokens += tokens;
      onTokens(tokens);
      if (failure === undefined) totals.answered += 1;
      else totals.fallbacks[failure] = (totals.fallbacks[failure] ?? 0) + 1;
      const used = ((await store.getSession<number>(key(conversation))) ?? 0) + tokens;
      await store.setSession(key(conversation), used, CONVERSATION_TTL_MS);
      return used;
    },
    recordOverBudget() {
      totals.overBudget += 1;
    },
    figures: () => structuredClone(totals),
  };
}
