import type { TriageEngine } from '../triage/engine.ts';
import { decideNextStep } from '../triage/next-step.ts';
import type { TriageContent } from '../triage/types.ts';
import type { Category } from '../warranty/policy.ts';
import type { TriageStep, TurnContext } from './context.ts';

/**
 * The conversation's triage: the engine reads the text (with the product the chat already
 * knows), the core decision turns its signal into the next step.
 */
export function createConversationTriage(
  engine: TriageEngine,
  content: TriageContent,
): TurnContext['triage'] {
  return (text, { category, asked }) => {
    const signal = engine.classify(text, category ? { category } : {});
    const step = decideNextStep(signal, { content, alreadyAsked: asked, guidanceFailed: false });
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
      case 'ask':
        return step.about === 'category'
          ? { kind: 'ask' }
          : { kind: 'ask', ...known(step.category), question: step.question };
      case 'escalate':
        return {
          kind: 'escalate',
          ...known(step.category),
          label: step.label,
          ...(step.symptomId ? { symptomId: step.symptomId } : {}),
        } satisfies TriageStep;
    }
  };
}
