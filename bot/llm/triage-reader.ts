import {
  type Category,
  type ModelReading,
  redactPersonalData,
  type TriageCatalogue,
} from '../../core/index.ts';
import {
  createTriageOutputSchema,
  exampleMessages,
  type TriageExample,
  toModelReading,
  triageSystemPrompt,
  triageUserMessage,
} from '../../prompts/llm/triage.ts';
import type { LlmAnswer, LlmClient } from './client.ts';

/** Enough for the flat answer object; a longer answer is cut and reported as `length`. */
const MAX_ANSWER_TOKENS = 300;

export type LlmTriageReading = LlmAnswer<ModelReading> & {
  /** The text the model read: the customer's words with personal data redacted. */
  readText: string;
};

export type LlmTriageReader = {
  read(text: string, category: Category | undefined): Promise<LlmTriageReading>;
};

/**
 * Asks the model what a customer message describes, constrained to the catalogue's ids. Personal
 * data is redacted before the text leaves (design.md "Triage"); the prompt, its schema and its
 * examples are `prompts/llm/triage.ts`.
 */
export function createLlmTriageReader(
  client: LlmClient,
  catalogue: TriageCatalogue,
  examples: readonly TriageExample[],
): LlmTriageReader {
  const schema = createTriageOutputSchema(catalogue);
  const system = { role: 'system' as const, content: triageSystemPrompt(catalogue) };
  const shots = examples.flatMap((example) =>
    exampleMessages({ ...example, text: redactPersonalData(example.text) }),
  );
  return {
    async read(text, category) {
      const readText = redactPersonalData(text);
      const answer = await client.ask({
        purpose: 'triage',
        schema,
        messages: [
          system,
          ...shots,
          { role: 'user', content: triageUserMessage(readText, category) },
        ],
        maxTokens: MAX_ANSWER_TOKENS,
      });
      return answer.ok
        ? { ...answer, value: toModelReading(answer.value), readText }
        : { ...answer, readText };
    },
  };
}
