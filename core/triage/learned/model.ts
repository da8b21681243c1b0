import { z } from 'zod';
import type { CollectedFeatures } from './features.ts';

/** One softmax head of the learned model: a weight per class for each feature it kept. */
const headSchema = z.strictObject({
  classes: z.array(z.string()).min(2),
  bias: z.array(z.number()),
  weights: z.record(z.string(), z.array(z.number())),
});

/**
 * The learned triage model (`prompts/triage/model.json`, written by `npm run triage:train`): two
 * linear heads over the same features, one for the label and one for the category, and how it was
 * trained (for the record; prediction does not read it).
 */
export const triageModelSchema = z
  .strictObject({
    version: z.literal(1),
    training: z.record(z.string(), z.unknown()),
    label: headSchema,
    category: headSchema,
  })
  .superRefine((model, ctx) => {
    for (const head of ['label', 'category'] as const) {
      const { classes, bias, weights } = model[head];
      if (bias.length !== classes.length)
        ctx.addIssue({ code: 'custom', path: [head, 'bias'], message: 'one bias per class' });
      for (const [feature, row] of Object.entries(weights)) {
        if (row.length !== classes.length)
          ctx.addIssue({
            code: 'custom',
            path: [head, 'weights', feature],
            message: 'one weight per class',
          });
      }
    }
  });
export type TriageModel = z.output<typeof triageModelSchema>;
export type TriageModelHead = TriageModel['label'];

/** A feature's pull toward the chosen class over the runner-up. */
export type FeaturePull = { feature: string; weight: number };

/** One head's reading: probabilities by class, its best class and the runner-up. */
export type HeadReading = {
  probabilities: Record<string, number>;
  best: string;
  /** The second likeliest class (what {@link headDrivers} weighs `best` against). */
  runnerUp: string;
};

/** How many driving features a reading lists. */
const DRIVERS = 6;

/** Every present feature counts the same; a long message does not outweigh a short one. */
export const featureValue = (count: number) => (count === 0 ? 0 : 1 / Math.sqrt(count));

/** Softmax of a head's scores, as a reading. */
function readingOf(classes: readonly string[], scores: Float64Array): HeadReading {
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  const order = Array.from(scores, (_, k) => k).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const [best = 0, second = 1] = order;
  const probabilities: Record<string, number> = {};
  classes.forEach((c, k) => {
    probabilities[c] = (exp[k] ?? 0) / sum;
  });
  return { probabilities, best: classes[best] ?? '', runnerUp: classes[second] ?? '' };
}

/** Both heads' readings of one message, and how much it said. */
export type ModelReadings = { label: HeadReading; category: HeadReading; evidence: number };

/**
 * Reads both heads of a model over a message's features in one pass: for each head, the softmax of
 * bias + Σ weight × value over the features it knows, each present feature counting
 * {@link featureValue}. Every feature the model knows is numbered once, in code-unit order, and the
 * sums run in that order whatever order the features came in, so a reading is the same bit for
 * bit however the message's features were collected; one look-up per feature serves both heads,
 * and only the features the model knows are put in order (a message's English character n-grams
 * are mostly unknown to it). Built once per model; the weights are one flat typed array per head.
 */
export function createModelReader(model: Pick<TriageModel, 'label' | 'category'>) {
  const names = [
    ...new Set([...Object.keys(model.label.weights), ...Object.keys(model.category.weights)]),
  ].sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const flat = (head: TriageModelHead) => {
    const n = head.classes.length;
    const weights = new Float64Array(names.length * n);
    const known = new Uint8Array(names.length);
    names.forEach((name, i) => {
      const row = head.weights[name];
      if (row === undefined) return;
      known[i] = 1;
      weights.set(row, i * n);
    });
    return { head, n, weights, known, bias: Float64Array.from(head.bias) };
  };
  const heads = { label: flat(model.label), category: flat(model.category) };
  const read = (
    { head, n, weights, known, bias }: (typeof heads)['label'],
    present: Int32Array,
    value: number,
  ) => {
    const scores = bias.slice();
    for (const i of present) {
      if (known[i] === 0) continue;
      const at = i * n;
      for (let k = 0; k < n; k++)
        scores[k] = (scores[k] as number) + (weights[at + k] as number) * value;
    }
    return readingOf(head.classes, scores);
  };
  return {
    /** The model's number of a feature it knows. */
    indexOf: (feature: string): number | undefined => index.get(feature),
    /** Reads a message's features as looked up by {@link createFeatureCollector}. */
    readCollected({
      count,
      known,
      evidence,
    }: Pick<CollectedFeatures, 'count' | 'known' | 'evidence'>): ModelReadings {
      const present = Int32Array.from(known).sort();
      const value = featureValue(count);
      return {
        label: read(heads.label, present, value),
        category: read(heads.category, present, value),
        evidence,
      };
    },
  };
}

/**
 * The features that pulled a reading most toward its best class over the runner-up (largest
 * first, at most six): the explanation `triage classify` prints. Apart from the reading, so that
 * the bot, which never shows it, does not pay for it on every message.
 */
export function headDrivers(
  head: TriageModelHead,
  features: readonly string[],
  reading: HeadReading,
): FeaturePull[] {
  const value = featureValue(features.length);
  const best = head.classes.indexOf(reading.best);
  const second = head.classes.indexOf(reading.runnerUp);
  const pulls: FeaturePull[] = [];
  for (const feature of features) {
    const row = head.weights[feature];
    if (!row) continue;
    const weight = round(((row[best] ?? 0) - (row[second] ?? 0)) * value);
    if (weight > 0) pulls.push({ feature, weight });
  }
  // Code-unit order breaks ties: localeCompare costs more than the whole reading.
  return pulls
    .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1))
    .slice(0, DRIVERS);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
