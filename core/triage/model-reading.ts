import { matchModel } from '../intake/model-number.ts';
import type { Category } from '../warranty/policy.ts';
import type { Label } from './catalogue.ts';
import type { TriageContent, TriageResult } from './types.ts';

/**
 * A language model's reading of one customer message, after its output was validated against the
 * catalogue's ids (`prompts/llm/triage.ts`). Ids it did not know are `unknown`.
 */
export type ModelReading = {
  label: Label | 'unknown';
  category: Category | 'unknown';
  symptomId: string | 'unknown';
  /** 0–1, the model's own. */
  confidence: number;
  /** The words of the message the model relied on, as it quoted them. */
  evidence: string | null;
  /** The model would rather ask than decide. Its words are never shown: the catalogue's are. */
  wantsToAsk: boolean;
  modelNumber: string | null;
  purchaseDateAsWritten: string | null;
  addressPresent: boolean;
};

/** What {@link combineModelReading} needs besides the two readings. */
export type CombineOptions = {
  content: TriageContent;
  /** The text the model read (after redaction): its evidence must be found in it. */
  text: string;
};

/** A reading without evidence in the text, or that wants to ask, stays below the guide threshold. */
const UNSUPPORTED_CONFIDENCE = 0.4;

const squeeze = (value: string) => value.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * Whether the quoted evidence is in the text: compared without case, spaces and punctuation, so a
 * model that tidied the quote still counts; a model that invented its evidence does not.
 */
export function isEvidenceInText(evidence: string | null, text: string): boolean {
  if (evidence === null) return false;
  const quote = squeeze(evidence);
  return quote.length > 0 && squeeze(text).includes(quote);
}

/**
 * Turns a model's reading into the triage signal the core decides on (design.md "Triage": the
 * LLM never decides policy; the core does). The embedded engine's reading of the same text is
 * the safety net and the source of the text's cues:
 *
 * 1. the hazard net runs whatever the model says: an embedded hazard stays a hazard, with its
 *    own category and symptom; a model's hazard is taken (over-firing is safe, missing is not);
 * 2. a reading that is all `unknown` leaves the engine's as it is; ids outside the catalogue are
 *    unknown: a category the catalogue has not, a symptom not in the
 *    chosen category; an unknown category falls back to the embedded engine's, an unknown symptom
 *    to none; an `unknown` label to the embedded engine's label;
 * 3. confidences are the model's, but for a reading whose evidence is not in the text, or that
 *    would rather ask, the symptom's and the label's are capped below the guidance threshold, so
 *    it is asked about, not guided;
 * 4. the cues (already tried, error codes, wants a person) are the embedded engine's reading of
 *    the words; a model number the model extracted is kept only when it is in the text and
 *    matches one of the catalogue's model patterns.
 *
 * What follows — quick checks before a visit, asking once, escalating — is `decideNextStep`'s.
 */
export function combineModelReading(
  reading: ModelReading,
  embedded: TriageResult,
  options: CombineOptions,
): TriageResult {
  if (embedded.label === 'hazard') return embedded;
  // A model that knows nothing of the message adds nothing to the engine's reading.
  if (
    reading.label === 'unknown' &&
    reading.category === 'unknown' &&
    reading.symptomId === 'unknown'
  )
    return embedded;
  const { catalogue } = options.content;
  const entry =
    catalogue.find((c) => c.category === reading.category) ??
    catalogue.find((c) => c.category === embedded.category?.id);
  const fromModel = entry !== undefined && entry.category === reading.category;
  const symptom = entry?.symptoms.find((s) => s.id === reading.symptomId);
  const label: Label =
    reading.label === 'unknown'
      ? embedded.label
      : reading.label === 'hazard' || symptom?.label === 'hazard'
        ? 'hazard'
        : reading.label;
  const supported = isEvidenceInText(reading.evidence, options.text) && !reading.wantsToAsk;
  const confidence = clamp(reading.confidence);
  const sure = supported ? confidence : Math.min(confidence, UNSUPPORTED_CONFIDENCE);
  const modelNumber = checkedModelNumber(reading.modelNumber, options);
  // The embedded engine's label probabilities and candidates describe its reading, not the model's.
  const { labelProbabilities: _p, symptomCandidates: _c, ...rest } = embedded;
  return {
    ...rest,
    category: entry
      ? fromModel
        ? { id: entry.category, confidence, runnerUp: null }
        : (embedded.category ?? null)
      : null,
    symptom: symptom ? { id: symptom.id, confidence: sure, runnerUp: null } : null,
    label,
    labelConfidence: label === 'hazard' ? 1 : sure,
    cues: {
      ...embedded.cues,
      modelNumber: embedded.cues.modelNumber ?? modelNumber,
    },
  };
}

function checkedModelNumber(value: string | null, options: CombineOptions): string | null {
  const model = value?.trim() ?? '';
  if (model === '' || !squeeze(options.text).includes(squeeze(model))) return null;
  const patterns = Object.fromEntries(
    options.content.catalogue.map((entry) => [entry.category, entry.modelPatterns]),
  );
  const matched = matchModel(model, patterns);
  return matched.ok && matched.value.matchesCategory ? matched.value.normalised : null;
}

const clamp = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
