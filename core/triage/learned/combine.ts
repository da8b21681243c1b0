import type { Label } from '../catalogue.ts';

/** What the hand-written rules read in a message, as the combination needs it. */
export type RuleReading = {
  /** A hazard word or pair stands (the hazard net), or a catalogue hazard symptom matched well. */
  hazard: 'words' | 'symptom' | null;
  /** A breaker that trips as soon as it runs, or again and again: an electrical fault. */
  breakerTrip: boolean;
  /** The rules' log-odds of misuse over fault (symptom match and priors: already tried, error codes…). */
  misuseLogOdds: number;
  /**
   * A sign that the report is unmistakably a defect (a part replaced or failed, physical damage, a
   * failing part's noise, an error code naming a part): it pushes the weighing to fault.
   */
  defect?: boolean;
  /** The customer already did the everyday checks (and names no everyday cause). */
  alreadyTried?: boolean;
  /**
   * A word around danger that makes no hazard by itself (a smell, heat, a pop, gas, 焦, 麻…): the
   * model's hazard probability then needs only `hintedHazard`.
   */
  hazardHint?: boolean;
  /**
   * Danger shows in the words (a hint, water, damage, heat, a tripping breaker…). When false the
   * model adds no hazard, however sure: its hazard probability alone sent calm messages down the
   * hazard path. Unset, the model may add one (as before the gate).
   */
  dangerEvidence?: boolean;
};

/** The learned label head's probabilities, and how many features it read in the message. */
export type LearnedLabel = { probabilities: Record<Label, number>; features: number };

/** Weights of the combination; the defaults were tuned on the real set (dev split, then `npm run triage:cv`). */
export type LabelCombineOptions = {
  /** The model's hazard probability at which it adds a hazard the rules did not see. */
  hazard: number;
  /** …and the lower one at which it does so when the message has a hazard hint (`RuleReading`). */
  hintedHazard: number;
  /**
   * Weight of the model's log-odds of misuse over fault, for a message with at least `evidence`
   * features; a shorter one counts in proportion. The model learned the catalogue's short phrases by
   * heart, so it is over-sure of a message that says little more than one ("雪櫃唔凍").
   */
  model: number;
  evidence: number;
  /** …and of the rules' log-odds. */
  rules: number;
  /** Added to the sum (positive leans to misuse). */
  bias: number;
  /** Added to the sum when the rules read a defect sign (negative leans to fault). */
  defect: number;
  /**
   * Added when the checks were already done. Real customers' stories list what they tried before
   * they found the everyday cause, so this counts less than a failed part.
   */
  alreadyTried: number;
  /**
   * Calibration: the weighed log-odds are multiplied by this before they become probabilities, so
   * that "P(fault) = 0.8" can be right about four times in five. It never changes the label (the
   * sign stays), nor the label's confidence, the unscaled share that the guidance threshold
   * (`guideLabel`) was set on. A constant like the weights above, measured the same way:
   * `npm run triage:cv -- --calibrate` fits it on the held-out folds (least log-loss); training
   * cannot, since the model is sure of the messages it learned. The cost rule in `decideNextStep`
   * weighs these probabilities with its `checksCost`.
   */
  scale: number;
};

export const DEFAULT_COMBINE: LabelCombineOptions = {
  // 0.45 until the twenty-second round: grouped CV of the 2,334 hazard_first 0.971 → 0.974,
  // false_alarm 0.065 → 0.068 (README "Triage").
  hazard: 0.4,
  // 0.35 until the thirteenth round: grouped CV of the 1,442 hazard_first 0.975 → 0.981 at 0.25
  // (0.978 at 0.3), false_alarm 0.067 → 0.075; dev 0.969 → 0.979 (README "Triage").
  hintedHazard: 0.25,
  model: 3,
  evidence: 40,
  rules: 0.3,
  bias: -0.3,
  defect: -5,
  alreadyTried: -1,
  scale: 0.13,
};

/** The combined label, its probabilities and the rule that settled it. */
export type CombinedLabel = {
  label: Label;
  /** How sure the weighing is of its label, unscaled: what the guidance threshold reads. */
  confidence: number;
  /** Calibrated (see `scale`): what the cost rule weighs. */
  probabilities: Record<Label, number>;
  rule: 'hazard_words' | 'hazard_symptom' | 'learned_hazard' | 'breaker_trip' | 'weighed';
};

const clamp = (p: number) => Math.min(0.999, Math.max(0.001, p));
const logit = (p: number) => Math.log(clamp(p) / (1 - clamp(p)));

/**
 * Combines the rules with the learned model (issue 8 item 4), in this order:
 * 1. a hazard the rules see (the hazard net's words, a well-matched hazard symptom) is a hazard —
 *    the model can never take a hazard away;
 * 2. a hazard the model is sure of (P ≥ `hazard`, or ≥ `hintedHazard` when the message has a word
 *    around danger) is a hazard too, when danger shows in the words (`dangerEvidence`): the model
 *    may only add;
 * 3. a breaker that trips as soon as it runs is a fault;
 * 4. otherwise misuse against fault is weighed: the model's log-odds and the rules' (symptom match,
 *    already tried, unknown error code, "is that normal?") added with their weights, the model's
 *    in proportion to how much it read (up to `evidence` features), and a defect sign pushes to
 *    fault (design.md "Decide by cost": such a report goes to an engineer).
 */
export function combineLabel(
  rules: RuleReading,
  learned: LearnedLabel,
  options: LabelCombineOptions = DEFAULT_COMBINE,
): CombinedLabel {
  const hazard = learned.probabilities.hazard;
  if (rules.hazard !== null) {
    return {
      label: 'hazard',
      confidence: 1,
      probabilities: { misuse: 0, fault: 0, hazard: 1 },
      rule: rules.hazard === 'words' ? 'hazard_words' : 'hazard_symptom',
    };
  }
  if (
    rules.dangerEvidence !== false &&
    hazard >= (rules.hazardHint ? Math.min(options.hazard, options.hintedHazard) : options.hazard)
  ) {
    return {
      label: 'hazard',
      confidence: hazard,
      probabilities: { ...learned.probabilities },
      rule: 'learned_hazard',
    };
  }
  if (rules.breakerTrip) {
    return {
      label: 'fault',
      confidence: 1,
      probabilities: { misuse: 0, fault: 1, hazard: 0 },
      rule: 'breaker_trip',
    };
  }
  const { misuse: m, fault: f } = learned.probabilities;
  const modelOdds = logit(m / Math.max(1e-9, m + f));
  const weight = options.model * Math.min(1, learned.features / options.evidence);
  const odds =
    weight * modelOdds +
    options.rules * rules.misuseLogOdds +
    options.bias +
    (rules.defect ? options.defect : 0) +
    (rules.alreadyTried ? options.alreadyTried : 0);
  const share = 1 / (1 + Math.exp(-odds));
  const misuse = 1 / (1 + Math.exp(-odds * options.scale));
  const label: Label = odds >= 0 ? 'misuse' : 'fault';
  return {
    label,
    confidence: label === 'misuse' ? share : 1 - share,
    // The hazard path is closed here, so misuse and fault share the whole mass.
    probabilities: { misuse, fault: 1 - misuse, hazard: 0 },
    rule: 'weighed',
  };
}
