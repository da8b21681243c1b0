import type { Category } from '../warranty/policy.ts';
import type { CategoryCatalogue, Label } from './catalogue.ts';
import type { CombinedLabel } from './learned/combine.ts';
import type { FeaturePull } from './learned/model.ts';
import type { TriageLexicon } from './lexicon.ts';

/** The guidance catalogue: one validated entry per category. */
export type TriageCatalogue = readonly CategoryCatalogue[];

/** The content triage decisions draw on: the catalogue and the lexicon's fallback texts. */
export type TriageContent = { catalogue: TriageCatalogue; fallback: TriageLexicon['fallback'] };

/** A choice with its confidence (0–1) and the next best choice. */
export type Ranked<T extends string> = {
  id: T;
  confidence: number;
  runnerUp: { id: T; confidence: number } | null;
};

/** Why the engine settled on a category (`learned`: the learned model, no product named). */
export type CategoryEvidence = 'name' | 'model' | 'symptom' | 'session' | 'learned';

/** What drove a decision the learned model took part in (`triage classify` shows it). */
export type TriageExplanation = {
  /** The combination rule that settled the label (see `combineLabel`). */
  rule: CombinedLabel['rule'];
  /** The features that pulled the label most (empty when a rule alone settled it). */
  label: FeaturePull[];
  /** The features that pulled the category most, when the model chose it. */
  category: FeaturePull[] | null;
  /**
   * The learned label head's own hazard probability, before any rule settled the label (what
   * `DEFAULT_COMBINE.hazard` is compared with): the hazard threshold's studies read it.
   */
  learnedHazard: number;
};

/**
 * Signs that a report is unmistakably a defect (design.md "Decide by cost"): the checks were
 * already done, the breaker trips as soon as it runs, a part was replaced or repaired before,
 * physical damage, the noise of a failing part, an error code naming a failed part, a part that
 * has failed (it runs but does not heat, the compressor cuts out again and again, a refrigerant
 * leak, a blown fuse or board, a technician's diagnosis, dead after a surge).
 */
export const DEFECT_CUES = [
  'already_tried',
  'breaker_trip',
  'part_replaced',
  'physical_damage',
  'failing_noise',
  'part_code',
  'failed_part',
] as const;
export type DefectCue = (typeof DEFECT_CUES)[number];

/** What the engine read in the text, beyond the catalogue match. */
export type TriageCues = {
  /** Hazard words (or pairs such as "water on electrics") found and not negated. */
  hazards: string[];
  /** Hazard words found under a negation ("no smoke"); they do not make a hazard. */
  negatedHazards: string[];
  /** The customer already did the misuse checks ("tried another outlet", "换了插座也不行"). */
  alreadyTried: boolean;
  /** A breaker, RCD or fuse trips as soon as it runs or again and again ("一开就跳闸"): a fault, never guided. */
  breakerTrip?: boolean;
  /** An error code or "error code" wording the category's guidance does not know. */
  unknownErrorCode: string | null;
  errorCode: string | null;
  /** "Is that normal?" */
  normalQuestion: boolean;
  /** The customer asks for a person or a visit. */
  wantsPerson: boolean;
  modelNumber: string | null;
  categoryEvidence: CategoryEvidence[];
  /** Signs of a defect found (empty or absent: none). */
  defects?: DefectCue[];
  /**
   * How much the message says, in words counted alike in every script (an English word; a Chinese
   * word taken as 1.5 Han characters). A short report with no defect sign says little beyond its
   * symptom (`decideNextStep`'s `bareWords`). Absent: not measured.
   */
  words?: number;
};

/** The embedded engine's reading of one customer message. */
export type TriageResult = {
  category: Ranked<Category> | null;
  symptom: Ranked<string> | null;
  label: Label;
  /** How sure the engine is of `label` (1 for a hazard word). */
  labelConfidence: number;
  /**
   * The probability of each label, when the engine has them (they sum to 1): only the embedded
   * engine with its learned model, calibrated, which the cost rule weighs with its own checks cost
   * (`checksCost`; a signal without them is weighed by its confidence with `confidenceChecksCost`).
   */
  labelProbabilities?: Record<Label, number>;
  /** The likeliest symptoms of the chosen category, best first (more than `symptom` holds). */
  symptomCandidates?: { id: string; confidence: number }[];
  cues: TriageCues;
  /** What drove the decision, when the learned model took part and `explain` was asked for. */
  explanation?: TriageExplanation;
  language: 'zh' | 'en' | 'mixed' | 'none';
  /** The customer wrote Traditional Chinese: replies should follow their script. */
  traditional: boolean;
  truncated: boolean;
};
