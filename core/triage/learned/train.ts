import { featureValue, type TriageModelHead } from './model.ts';

/** One training example: its features, its class and how much it counts. */
export type TrainingExample = { features: readonly string[]; target: string; weight: number };

/** Options for {@link trainHead}; defaults are the values tuned on the real set's dev split. */
export type TrainHeadOptions = {
  classes: readonly string[];
  epochs?: number;
  /** The first epoch's step size; it decays as 1 / (1 + epoch × decay). */
  rate?: number;
  decay?: number;
  /** L2 penalty on the weights a step touches. */
  l2?: number;
  /** Weights smaller than this (in every class) are dropped; all are rounded to 3 decimals. */
  prune?: number;
  /** Features seen in fewer examples than this are left out (they teach nothing general). */
  minCount?: number;
  seed?: number;
};

/** A small seeded generator (mulberry32): the same seed, the same shuffles, the same weights. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains one softmax head (multinomial logistic regression) by stochastic gradient descent in a
 * seeded order, with L2 on the touched weights, then prunes and rounds the weights. Deterministic:
 * the same examples in the same order with the same options give the same head.
 */
export function trainHead(
  examples: readonly TrainingExample[],
  options: TrainHeadOptions,
): TriageModelHead {
  const {
    classes,
    epochs = 30,
    rate = 0.5,
    decay = 0.2,
    l2 = 1e-4,
    prune = 0.01,
    minCount = 2,
    seed = 8,
  } = options;
  const seen = new Map<string, number>();
  for (const example of examples)
    for (const f of example.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const known = (f: string) => (seen.get(f) ?? 0) >= minCount;
  const K = classes.length;
  const weights = new Map<string, Float64Array>();
  const bias = new Float64Array(K);
  const random = seeded(seed);
  const order = examples.map((_, i) => i);
  const scores = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const step = rate / (1 + epoch * decay);
    for (const index of order) {
      const example = examples[index] as TrainingExample;
      const target = classes.indexOf(example.target);
      if (target < 0) continue;
      const value = featureValue(example.features.length);
      const rows = example.features.filter(known).map((f) => {
        let row = weights.get(f);
        if (!row) {
          row = new Float64Array(K);
          weights.set(f, row);
        }
        return row;
      });
      scores.set(bias);
      for (const row of rows)
        for (let k = 0; k < K; k++) scores[k] = (scores[k] ?? 0) + (row[k] ?? 0) * value;
      let top = -Infinity;
      for (let k = 0; k < K; k++) top = Math.max(top, scores[k] ?? 0);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        scores[k] = Math.exp((scores[k] ?? 0) - top);
        sum += scores[k] ?? 0;
      }
      for (let k = 0; k < K; k++) {
        const gradient = ((scores[k] ?? 0) / sum - (k === target ? 1 : 0)) * example.weight;
        bias[k] = (bias[k] ?? 0) - step * gradient;
        for (const row of rows)
          row[k] = (row[k] ?? 0) - step * (gradient * value + l2 * (row[k] ?? 0));
      }
    }
  }
  const round = (w: number) => Math.round(w * 1000) / 1000;
  const kept: Record<string, number[]> = {};
  for (const feature of [...weights.keys()].sort()) {
    const row = weights.get(feature) as Float64Array;
    if (row.every((w) => Math.abs(w) < prune)) continue;
    kept[feature] = [...row].map(round);
  }
  return { classes: [...classes], bias: [...bias].map(round), weights: kept };
}
