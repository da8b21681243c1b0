import { CATEGORIES, type Category } from '../warranty/policy.ts';
import type { Bilingual, CatalogueStep, CategoryCatalogue, Label } from './catalogue.ts';
import type { TriageContent, TriageResult } from './types.ts';

/** Why a case goes to a person. */
export type TriageEscalationReason =
  | 'fault'
  | 'guidance_failed'
  | 'customer_asked'
  | 'unclear_after_question';

/** What the bot does next with a triaged message. */
export type NextStep =
  | { kind: 'guide'; category: Category; symptomId: string; steps: CatalogueStep[] }
  /**
   * Quick checks before an engineer is sent (design.md "Decide by cost"): at most three, everyday
   * causes first, with "skip the checks, send an engineer" always at hand.
   */
  | {
      kind: 'checks';
      category: Category;
      symptomId: string;
      label: Exclude<Label, 'hazard'>;
      checks: CatalogueStep[];
    }
  | {
      kind: 'ask';
      category: Category | null;
      question: Bilingual;
      /** `category`: options are category ids; `symptom`: options are symptom ids. */
      about: 'category' | 'symptom';
      /** Offered as buttons (free text still works); never empty. */
      options: string[];
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
      /** Null unless the product is known with confidence. */
      category: Category | null;
      symptomId?: string;
      /**
       * The product's safety steps; `null` when the product is not known: then the one generic,
       * gas-safe text applies (`hazard-generic` in the locale files), never a guessed appliance's.
       */
      instructions: Bilingual[] | null;
    };

/** The kinds of {@link NextStep}, as `triage eval --jsonl` reports them. */
export type NextStepKind = NextStep['kind'];

/** Confidence floors and costs for {@link decideNextStep}. */
export type DecisionThresholds = {
  /** Below this the product is unclear: ask which one. */
  category: number;
  /**
   * A hazard keeps its product (and that product's safety steps) only when the product was named
   * (a product word, a model number, the chat's product) or the category is this sure.
   */
  hazardCategory: number;
  /** Guidance needs a symptom this sure… */
  guideSymptom: number;
  /** …and a misuse label this sure. */
  guideLabel: number;
  /** Quick checks need a symptom this sure; below it, one clarifying question first. */
  checksSymptom: number;
  /** What sending an engineer to a misuse costs (a wasted visit)… */
  visitCost: number;
  /**
   * …and what quick checks cost a customer with a real fault (a minute, and the engineer learns
   * what is ruled out), weighed against calibrated label probabilities: the embedded engine's with
   * its learned model (`labelProbabilities`, calibrated by the combination's `scale`). Chosen on
   * grouped cross-validation of the real set's train and dev splits (README, "Decide by cost").
   */
  checksCost: number;
  /**
   * A report of at most this many words (`cues.words`, counted alike in every script) that shows no
   * defect sign says little beyond its symptom ("冰箱不制冷了", "the fridge is not cooling"): it gets
   * its quick checks whatever the weighing says, since nothing in it makes it unmistakably a
   * defect (issue 8), and the learned model, which learned the catalogue's short phrases by heart,
   * is surest of exactly such reports and surer in one script than another.
   */
  bareWords: number;
  /**
   * The same cost for a signal with a label confidence only (the rules-only engine, a language
   * model's reading): such confidences are far surer than they are right, so this ratio is
   * smaller, and only a fault held with confidence above visit / (visit + this) (0.83) skips the checks.
   */
  confidenceChecksCost: number;
};

export const DEFAULT_DECISION_THRESHOLDS: DecisionThresholds = {
  category: 0.5,
  hazardCategory: 0.8,
  guideSymptom: 0.5,
  guideLabel: 0.65,
  checksSymptom: 0.25,
  visitCost: 1,
  checksCost: 0.65,
  bareWords: 12,
  confidenceChecksCost: 0.2,
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

/** Most symptom options a clarifying question offers as buttons. */
const MAX_OPTIONS = 3;

/**
 * The probability of a fault and of a misuse in the engine's signal, and what checks cost against
 * them: its calibrated label probabilities with `checksCost` when it has them (the embedded engine
 * with its learned model), else its label confidence split between the two with
 * `confidenceChecksCost` (the rules-only engine, a language model's reading).
 */
function weighing(
  signal: TriageResult,
  limits: DecisionThresholds,
): { fault: number; misuse: number; checksCost: number } {
  if (signal.labelProbabilities) {
    const { fault, misuse } = signal.labelProbabilities;
    return { fault, misuse, checksCost: limits.checksCost };
  }
  const sure = signal.labelConfidence;
  const checksCost = limits.confidenceChecksCost;
  return signal.label === 'misuse'
    ? { fault: 1 - sure, misuse: sure, checksCost }
    : { fault: sure, misuse: 1 - sure, checksCost };
}

/** Whether the report shows a defect sign (a failed part, damage, a breaker tripping at the appliance…). */
export function hasDefectSign(cues: TriageResult['cues']): boolean {
  return (cues.defects ?? []).length > 0 || cues.breakerTrip === true;
}

/**
 * Whether a report says little beyond its symptom: at most `bareWords` words (counted alike in
 * every script) and no error code the guidance does not know (the product's own report of a
 * fault). Its defect signs are weighed apart: with one it is no bare symptom to the cost rule.
 */
export function isBareSymptom(cues: TriageResult['cues'], bareWords: number): boolean {
  return (cues.words ?? Number.POSITIVE_INFINITY) <= bareWords && cues.unknownErrorCode === null;
}

/**
 * Decides the next step from the engine's signal by what each mistake costs (design.md "The
 * customer journey", "Decide by cost"; the seed: "对于不能明确是否是产品出现故障时…配合客户进行检查",
 * "若用户不接受咨询，服务工程师应上门"):
 * 1. a hazard always comes first (the hazard net or the engine): safety instructions, no
 *    guidance; the product's own safety steps only when the product is known with confidence,
 *    else the generic (gas-safe) text and no category;
 * 2. a customer who asks for a person, or whose guidance failed, is escalated;
 * 3. an unknown product gets one question with the products as buttons;
 * 4. an unmistakable defect (checks already done, a tripping breaker, a part replaced, physical
 *    damage, a failing part's noise, an error code naming a failed part) goes straight to an
 *    engineer when the report reads as a fault, and checks already done with an error code still
 *    shown go there whatever the label; so does a fault sure enough that quick checks cost more than a wasted visit is
 *    likely to: P(misuse) × visit cost < P(fault) × checks cost, the checks cost being the
 *    engine's: `checksCost` for the embedded engine's calibrated probabilities,
 *    `confidenceChecksCost` for a confidence alone (the rules-only engine, a language model) —
 *    but never a bare symptom (at most `bareWords` words and no defect sign), however sure;
 * 5. a sure misuse symptom is guided step by step; any other known symptom gets its quick checks
 *    first (a misuse symptom's first three steps); an unclear symptom gets one question with the
 *    likeliest symptoms as buttons, then its best guess.
 */
export function decideNextStep(signal: TriageResult, context: NextStepContext): NextStep {
  const limits = { ...DEFAULT_DECISION_THRESHOLDS, ...context.thresholds };
  const category = signal.category?.id ?? null;
  const entry = context.content.catalogue.find((c) => c.category === category);
  const symptomId = signal.symptom?.id;
  const withSymptom = symptomId === undefined ? {} : { symptomId };
  if (signal.label === 'hazard' || signal.cues.hazards.length > 0) {
    const named = signal.cues.categoryEvidence.some((e) => e !== 'symptom' && e !== 'learned');
    const sure = signal.category?.confidence ?? 0;
    const known =
      entry !== undefined && sure >= limits.category && (named || sure >= limits.hazardCategory);
    return known
      ? { kind: 'hazard', category, ...withSymptom, instructions: entry.safety }
      : { kind: 'hazard', category: null, instructions: null };
  }
  const label = signal.label;
  const escalate = (reason: TriageEscalationReason, as: Label = label): NextStep => ({
    kind: 'escalate',
    reason,
    category,
    label: as,
    ...withSymptom,
  });
  if (context.customerAsked || signal.cues.wantsPerson) return escalate('customer_asked');
  if (context.guidanceFailed) return escalate('guidance_failed');
  if (!entry || (signal.category?.confidence ?? 0) < limits.category) {
    if (context.alreadyAsked)
      return escalate(label === 'fault' && entry ? 'fault' : 'unclear_after_question');
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
  const defects = signal.cues.defects ?? [];
  const defect = hasDefectSign(signal.cues);
  const { fault, misuse, checksCost } = weighing(signal, limits);
  const bare = isBareSymptom(signal.cues, limits.bareWords);
  if (label === 'fault' && (defect || (!bare && misuse * limits.visitCost < fault * checksCost)))
    return escalate('fault');
  // The customer has done the checks and the product still shows an error code: quick checks
  // would only repeat what failed, whatever the weighing of misuse against fault says.
  if (defects.includes('already_tried') && signal.cues.errorCode !== null)
    return escalate('fault', 'fault');
  const symptom = entry.symptoms.find((s) => s.id === symptomId);
  const symptomSure = signal.symptom?.confidence ?? 0;
  if (
    symptom?.label === 'misuse' &&
    label === 'misuse' &&
    symptomSure >= limits.guideSymptom &&
    signal.labelConfidence >= limits.guideLabel
  ) {
    return { kind: 'guide', category: entry.category, symptomId: symptom.id, steps: symptom.steps };
  }
  if (symptom && (symptomSure >= limits.checksSymptom || context.alreadyAsked)) {
    const checks = quickChecks(symptom);
    if (checks.length > 0) {
      return {
        kind: 'checks',
        category: entry.category,
        symptomId: symptom.id,
        label: label === 'misuse' ? 'misuse' : 'fault',
        checks,
      };
    }
  }
  // Still no symptom after the one question: an engineer, without claiming a fault was read (the
  // label is kept for the ticket; a sure fault or a defect sign went to an engineer above).
  if (context.alreadyAsked) return escalate('unclear_after_question');
  return askSymptom(entry, signal);
}

/** A symptom's quick checks: its own, or a misuse symptom's first three guided steps. */
function quickChecks(symptom: CategoryCatalogue['symptoms'][number]): CatalogueStep[] {
  if (symptom.checks.length > 0) return symptom.checks;
  return symptom.label === 'misuse' ? symptom.steps.slice(0, 3) : [];
}

/**
 * The category's clarifying question, with the likeliest symptoms as options (at least one: the
 * category's first symptoms when the engine has no candidates).
 */
function askSymptom(entry: CategoryCatalogue, signal: TriageResult): NextStep {
  const inCategory = new Set(entry.symptoms.filter((s) => s.label !== 'hazard').map((s) => s.id));
  const ranked = [
    signal.symptom?.id,
    ...(signal.symptomCandidates ?? []).map((c) => c.id),
    signal.symptom?.runnerUp?.id,
    ...inCategory,
  ].filter((id): id is string => id !== undefined && inCategory.has(id));
  return {
    kind: 'ask',
    category: entry.category,
    question: entry.clarify,
    about: 'symptom',
    options: [...new Set(ranked)].slice(0, MAX_OPTIONS),
  };
}
