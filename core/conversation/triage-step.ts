import type { TriageEngine } from '../triage/engine.ts';
import { combineModelReading, type ModelReading } from '../triage/model-reading.ts';
import { decideNextStep, type NextStep } from '../triage/next-step.ts';
import type { TriageContent } from '../triage/types.ts';
import type { Category } from '../warranty/policy.ts';
import type { TriageStep, TurnContext } from './context.ts';

/** A language model's reading of a text (read before the turn), with the text it read. */
export type ModelReadingFor = (
  text: string,
  category: Category | undefined,
) => { reading: ModelReading; readText: string } | undefined;

/**
 * The conversation's triage: the engine reads the text (with the product the chat already
 * knows), the core decision turns its signal into the next step. With `readingFor`, a language
 * model's reading of the same text, when there is one, is joined to the engine's by
 * {@link combineModelReading} (the hazard net and the catalogue still rule) before the decision.
 */
export function createConversationTriage(
  engine: TriageEngine,
  content: TriageContent,
  readingFor?: ModelReadingFor,
): TurnContext['triage'] {
  return (text, { category, asked }) => {
    const embedded = engine.classify(text, category ? { category } : {});
    const model = readingFor?.(text, category);
    const signal = model
      ? combineModelReading(model.reading, embedded, { content, text: model.readText })
      : embedded;
    const step = decideNextStep(signal, { content, alreadyAsked: asked, guidanceFailed: false });
    const named = signal.cues.categoryEvidence.some((e) => e === 'name' || e === 'model');
    return named ? { ...toStep(step), named: true } : toStep(step);
  };
}

/** The core decision as the conversation reads it. */
function toStep(step: NextStep): TriageStep {
  const known = (value: Category | null) => (value === null ? {} : { category: value });
  switch (step.kind) {
    case 'guide':
      return { kind: 'guide', category: step.category, symptomId: step.symptomId };
    case 'hazard':
      return {
        kind: 'hazard',
        ...known(step.category),
        ...(step.symptomId ? { symptomId: step.symptomId } : {}),
      };
    case 'checks':
      return {
        kind: 'checks',
        category: step.category,
        symptomId: step.symptomId,
        label: step.label,
      };
    case 'ask':
      return step.about === 'category'
        ? { kind: 'ask' }
        : {
            kind: 'ask',
            ...known(step.category),
            question: step.question,
            options: step.options,
          };
    case 'escalate':
      return {
        kind: 'escalate',
        ...known(step.category),
        label: step.label,
        ...(step.symptomId ? { symptomId: step.symptomId } : {}),
        ...(step.reason === 'customer_asked' ? { customerAsked: true as const } : {}),
        ...(step.reason === 'unclear_after_question' ? { unclear: true as const } : {}),
      } satisfies TriageStep;
  }
}
