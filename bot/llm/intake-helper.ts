import { redactPersonalData } from '../../core/index.ts';
import {
  type HelpedField,
  intakeMessages,
  intakeProposalSchema,
} from '../../prompts/llm/intake.ts';
import type { LlmAnswer, LlmClient } from './client.ts';

const MAX_ANSWER_TOKENS = 60;

/** What the intake helper tells the model besides the answer. */
export type IntakeFacts = { today: string; weekday: string; serviceHours: string };

export type LlmIntakeHelper = {
  /** A value for `field` read from the customer's free text, in the parser's own form, or null. */
  propose(
    field: HelpedField,
    answer: string,
    facts: IntakeFacts,
  ): Promise<LlmAnswer<string | null>>;
};

/** Asks the model to restate an intake answer the parsers could not read (redacted first). */
export function createLlmIntakeHelper(client: LlmClient): LlmIntakeHelper {
  return {
    async propose(field, answer, facts) {
      const { system, user } = intakeMessages(field, redactPersonalData(answer), facts);
      const result = await client.ask({
        purpose: 'intake',
        schema: intakeProposalSchema,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
        maxTokens: MAX_ANSWER_TOKENS,
      });
      return result.ok ? { ...result, value: result.value.value } : result;
    },
  };
}
