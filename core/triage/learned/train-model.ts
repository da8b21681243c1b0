import { CATEGORIES } from '../../warranty/policy.ts';
import { LABELS } from '../catalogue.ts';
import type { TriageEvalCase } from '../evaluate.ts';
import type { TriageLexicon } from '../lexicon.ts';
import { createTextReader, MAX_TRIAGE_CHARS } from '../reader.ts';
import type { TriageCatalogue } from '../types.ts';
import { modelFeaturesOf } from './features.ts';
import type { TriageModel } from './model.ts';
import { type TrainHeadOptions, type TrainingExample, trainHead } from './train.ts';

/** Options for {@link trainTriageModel}; defaults are the values tuned on the real set's dev split. */
export type TrainModelOptions = Omit<TrainHeadOptions, 'classes'> & {
  /** How much a real customer's message counts against one catalogue phrase. */
  realWeight?: number;
};

export const DEFAULT_TRAINING: Required<TrainModelOptions> = {
  epochs: 30,
  rate: 0.5,
  decay: 0.2,
  l2: 0.001,
  prune: 0.05,
  minCount: 2,
  seed: 8,
  balance: 0,
  nbScale: 0,
  realWeight: 1,
};

/**
 * Trains the learned triage model from the catalogue's phrases (each symptom's phrases in both
 * languages, with its label and category) and real customers' messages (the real set's train split,
 * in file order). Reads text exactly as the engine does (same normaliser, same cues). Pure and
 * deterministic: the same inputs and options give the same weights.
 */
export function trainTriageModel(
  catalogue: TriageCatalogue,
  lexicon: TriageLexicon,
  cases: readonly TriageEvalCase[],
  options: TrainModelOptions = {},
): TriageModel {
  const settings = { ...DEFAULT_TRAINING, ...options };
  const { realWeight, ...head } = settings;
  const reader = createTextReader(catalogue, lexicon, MAX_TRIAGE_CHARS);
  const phrases = catalogue.flatMap((entry) =>
    entry.symptoms.flatMap((symptom) =>
      [...symptom.phrases.zh, ...symptom.phrases.en].map((phrase) => ({
        features: modelFeaturesOf(reader.analyser.analyse(phrase)),
        label: symptom.label as string,
        category: entry.category as string,
        weight: 1,
      })),
    ),
  );
  const real = cases.map((c) => ({
    features: modelFeaturesOf(reader.analyser.analyse(c.text, reader.correct)),
    label: c.label as string,
    category: c.category as string,
    weight: realWeight,
  }));
  const examples = (key: 'label' | 'category'): TrainingExample[] =>
    [...phrases, ...real].map((e) => ({ features: e.features, target: e[key], weight: e.weight }));
  return {
    version: 1,
    training: { phrases: phrases.length, messages: real.length, ...settings },
    label: trainHead(examples('label'), { classes: LABELS, ...head }),
    category: trainHead(examples('category'), { classes: CATEGORIES, ...head }),
  };
}
