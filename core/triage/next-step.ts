import { CATEGORIES, type Category } from '../warranty/policy.ts';
import type { Bilingual, CategoryCatalogue, Label, Symptom } from './catalogue.ts';
import type { TriageContent, TriageResult } from './types.ts';

/** Why a case goes to a person. */
export type TriageEscalationReason =
  | 'fault'
  | 'guidance_failed'
  | 'customer_asked'
  | 'unclear_after_question';

/** What the bot does next with a triaged message. */
export type NextStep =
  | { kind: 'guide'; category: Category; symptomId: string; steps: Symptom['steps'] }
  | {
      kind: 'ask';
      category: Category | null;
      question: Bilingual;
      /** `category`: options are category ids; `symptom`: options are symptom ids. */
      about: 'category' | 'symptom';
      options?: string[];
    }
  | {
      kind: 'escalate';
      reason: TriageEscalationReason;
      category: Category | null;
      label: Label;
      symptomId?: string;
    }
  | {
      kind: 'hazard';
      category: Category | null;
      symptomId?: string;
      /**
       * The product's safety steps; `null` when the product is not known: then the one generic,
       * gas-safe text applies (`hazard-generic` in the locale files), never a guessed appliance's.
       */
      instructions: Bilingual[] | null;
    };

/** Confidence floors for {@link decideNextStep}. */
export type DecisionThresholds = {
  /** Below this the product is unclear: ask which one. */
  category: number;
  /** Guidance needs a symptom this sure… */
  guideSymptom: number;
  /** …and a misuse label this sure. */
  guideLabel: number;
  /**
   * A fault goes straight to a person when its symptom is this sure (or the customer did the
   * checks, the error code is unknown, or the breaker trips).
   */
  faultSymptom: number;
};

export const DEFAULT_DECISION_THRESHOLDS: DecisionThresholds = {
  category: 0.5,
  guideSymptom: 0.5,
  guideLabel: 0.65,
  faultSymptom: 0.3,
};

/** Where the conversation stands. */
export type NextStepContext = {
  content: TriageContent;
  /** A clarifying question was already asked for this report (ask at most once). */
  alreadyAsked: boolean;
  /** The customer followed guidance and it did not help. */
  guidanceFailed: boolean;
  /** The customer pressed "talk to a person". */
  customerAsked?: boolean;
  thresholds?: Partial<DecisionThresholds>;
};

/**
 * Decides the next step from the engine's signal (design.md, "The customer journey"):
 * 1. a hazard always comes first: the category's safety instructions (or, with no product, the
 *    generic text the bot words), no guidance;
 * 2. a customer who asks for a person, or whose guidance failed, is escalated;
 * 3. an unclear product or symptom gets one clarifying question; still unclear after it → escalate;
 * 4. a fault is escalated; a misuse is guided only when both the symptom and the label are sure,
 *    because sending a real fault home is the expensive mistake.
 */
export function decideNextStep(signal: TriageResult, context: NextStepContext): NextStep {
  const limits = { ...DEFAULT_DECISION_THRESHOLDS, ...context.thresholds };
  const category = signal.category?.id ?? null;
  const entry = context.content.catalogue.find((c) => c.category === category);
  const symptomId = signal.symptom?.id;
  const withSymptom = symptomId === undefined ? {} : { symptomId };
  if (signal.label === 'hazard') {
    return {
      kind: 'hazard',
      category,
      ...withSymptom,
      instructions: entry?.safety ?? null,
    };
  }
  const escalate = (reason: TriageEscalationReason): NextStep => ({
    kind: 'escalate',
    reason,
    category,
    label: signal.label,
    ...withSymptom,
  });
  if (context.customerAsked || signal.cues.wantsPerson) return escalate('customer_asked');
  if (context.guidanceFailed) return escalate('guidance_failed');
  if (!entry || (signal.category?.confidence ?? 0) < limits.category) {
    if (context.alreadyAsked)
      return escalate(signal.label === 'fault' && entry ? 'fault' : 'unclear_after_question');
    return {
      kind: 'ask',
      category,
      question: context.content.fallback.whichProduct,
      about: 'category',
      options: [...CATEGORIES].filter((c) =>
        context.content.catalogue.some((e) => e.category === c),
      ),
    };
  }
  const known = entry;
  const unclear = (): NextStep =>
    context.alreadyAsked ? escalate('unclear_after_question') : askSymptom(known, signal);
  const symptomSure = signal.symptom?.confidence ?? 0;
  if (signal.label === 'fault') {
    const decided =
      signal.cues.alreadyTried ||
      signal.cues.breakerTrip === true ||
      signal.cues.unknownErrorCode !== null;
    return decided || symptomSure >= limits.faultSymptom ? escalate('fault') : unclear();
  }
  const symptom = entry.symptoms.find((s) => s.id === symptomId);
  if (
    symptom &&
    symptom.label === 'misuse' &&
    symptomSure >= limits.guideSymptom &&
    signal.labelConfidence >= limits.guideLabel
  ) {
    return { kind: 'guide', category: entry.category, symptomId: symptom.id, steps: symptom.steps };
  }
  return unclear();
}

/** The category's clarifying question, offering the two likeliest symptoms when known. */
function askSymptom(entry: CategoryCatalogue, signal: TriageResult): NextStep {
  const options = [signal.symptom?.id, signal.symptom?.runnerUp?.id].filter(
    (id): id is string => id !== undefined,
  );
  return {
    kind: 'ask',
    category: entry.category,
    question: entry.clarify,
    about: 'symptom',
    ...(options.length > 0 ? { options } : {}),
  };
}
