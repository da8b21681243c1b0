import { featureValue, type TriageModelHead } from './model.ts';

/**
 * One training example: its features, its class and how much it counts; `count` is how many
 * features the message has as the model reads it (what a feature's value divides by), when the
 * head learns from only some of them (default: all of `features`).
 */
export type TrainingExample = {
  features: readonly string[];
  target: string;
  weight: number;
  count?: number;
};

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
  /**
   * Class balance: each example counts (N / (K × n_class))^balance more, so 0 is the plain loss
   * and 1 gives every class the same total weight.
   */
  balance?: number;
  /**
   * Naive-Bayes scaling (as NB-SVM): each feature's input is its largest one-against-rest
   * log-count ratio raised to this power, so an informative feature is cheap to learn and a
   * feature every class uses is held down by the L2 penalty. The stored weights include the
   * scale, so reading is unchanged. 0 is off.
   */
  nbScale?: number;
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
    balance = 0,
    nbScale = 0,
  } = options;
  const seen = new Map<string, number>();
  for (const example of examples)
    for (const f of example.features) seen.set(f, (seen.get(f) ?? 0) + 1);
  const K = classes.length;
  const targets = examples.map((example) => classes.indexOf(example.target));
  // Each kept feature gets a row in one flat array, in order of first use; an example is its rows.
  const ids = new Map<string, number>();
  const rowsOf = examples.map((example, i) =>
    Int32Array.from(
      (targets[i] as number) < 0
        ? []
        : example.features.filter((f) => (seen.get(f) ?? 0) >= minCount),
      (f) => {
        let id = ids.get(f);
        if (id === undefined) {
          id = ids.size;
          ids.set(f, id);
        }
        return id * K;
      },
    ),
  );
  const weights = new Float64Array(ids.size * K);
  const mass = new Float64Array(K);
  examples.forEach((example, i) => {
    const t = targets[i] as number;
    if (t >= 0) mass[t] = (mass[t] as number) + example.weight;
  });
  const total = mass.reduce((a, b) => a + b, 0);
  const classWeight = [...mass].map((m) => (m > 0 ? (total / (K * m)) ** balance : 1));
  const scale = nbScale > 0 ? nbScales(rowsOf, targets, ids.size, K, nbScale) : undefined;
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
      const target = targets[index] as number;
      if (target < 0) continue;
      const example = examples[index] as TrainingExample;
      const rows = rowsOf[index] as Int32Array;
      const value = featureValue(example.count ?? example.features.length);
      const weight = example.weight * (classWeight[target] as number);
      scores.set(bias);
      for (const row of rows) {
        const x = scale ? value * (scale[row / K] as number) : value;
        for (let k = 0; k < K; k++)
          scores[k] = (scores[k] as number) + (weights[row + k] as number) * x;
      }
      let top = -Infinity;
      for (let k = 0; k < K; k++) top = Math.max(top, scores[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        scores[k] = Math.exp((scores[k] as number) - top);
        sum += scores[k] as number;
      }
      for (let k = 0; k < K; k++) {
        const gradient = ((scores[k] as number) / sum - (k === target ? 1 : 0)) * weight;
        bias[k] = (bias[k] as number) - step * gradient;
        for (const row of rows) {
          const w = weights[row + k] as number;
          const x = scale ? value * (scale[row / K] as number) : value;
          weights[row + k] = w - step * (gradient * x + l2 * w);
        }
      }
    }
  }
  const round = (w: number) => Math.round(w * 1000) / 1000;
  const kept: Record<string, number[]> = {};
  for (const [feature, id] of [...ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const s = scale ? (scale[id] as number) : 1;
    const row = [...weights.subarray(id * K, id * K + K)].map((w) => w * s);
    if (row.every((w) => Math.abs(w) < prune)) continue;
    kept[feature] = row.map(round);
  }
  return { classes: [...classes], bias: [...bias].map(round), weights: kept };
}

/**
 * Each feature's Naive-Bayes scale: the largest over classes of |log((a + 1) / (A + F)) −
 * log((b + 1) / (B + F))|, where a counts the class's examples with the feature and b the others',
 * A and B their features in all; raised to `power`, floored at 0.1.
 */
function nbScales(
  rowsOf: readonly Int32Array[],
  targets: readonly number[],
  features: number,
  K: number,
  power: number,
): Float64Array {
  const counts = new Float64Array(features * K);
  const totals = new Float64Array(K);
  rowsOf.forEach((rows, i) => {
    const t = targets[i] as number;
    if (t < 0) return;
    for (const row of rows) counts[row + t] = (counts[row + t] as number) + 1;
    totals[t] = (totals[t] as number) + rows.length;
  });
  const all = totals.reduce((a, b) => a + b, 0);
  const scale = new Float64Array(features);
  for (let f = 0; f < features; f++) {
    let seen = 0;
    for (let k = 0; k < K; k++) seen += counts[f * K + k] as number;
    let best = 0;
    for (let k = 0; k < K; k++) {
      const a = counts[f * K + k] as number;
      const inClass = Math.log((a + 1) / ((totals[k] as number) + features));
      const rest = Math.log((seen - a + 1) / (all - (totals[k] as number) + features));
      best = Math.max(best, Math.abs(inClass - rest));
    }
    scale[f] = Math.max(0.1, best ** power);
  }
  return scale;
}
