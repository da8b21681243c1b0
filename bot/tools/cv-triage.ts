import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createTriageEngine,
  DEFAULT_COMBINE,
  type DecisionThresholds,
  firstMessageSteps,
  type LabelCombineOptions,
  scoreTriage,
  type TrainModelOptions,
  type TriageEvalCase,
  type TriageModel,
  trainTriageModel,
} from '../../core/index.ts';
import { loadCatalogue, loadTriageLexicon } from '../content/index.ts';
import { readTriageCases } from './train-triage.ts';

const REAL = new URL('../../test/support/real/', import.meta.url).pathname;

/** The figures the cross-validation reports, averaged over folds. */
export const CV_METRICS = [
  'label_accuracy',
  'category_accuracy',
  'hazard_first',
  'misuse_self_service',
  'fault_direct',
  'false_alarm',
] as const;
export type CvFigures = Record<(typeof CV_METRICS)[number], number>;

type SourcedCase = TriageEvalCase & { source: string };

/** Reads a split of the real set with each line's source (`source_key`). */
function readSplit(split: string): SourcedCase[] {
  return readTriageCases(`${REAL}${split}.jsonl`, (line) => ({ source: String(line.source_key) }));
}

/** FNV-1a, so a source's fold depends on its name only. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Assigns whole sources to `k` folds: sources in order of size (largest first, ties by hash),
 * each to the fold with fewest messages so far. Deterministic: same set, same folds.
 */
export function groupFolds(cases: readonly SourcedCase[], k: number): number[] {
  const sizes = new Map<string, number>();
  for (const c of cases) sizes.set(c.source, (sizes.get(c.source) ?? 0) + 1);
  const order = [...sizes].sort(
    ([a, na], [b, nb]) => nb - na || hash(a) - hash(b) || a.localeCompare(b),
  );
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [source, n] of order) {
    let best = 0;
    for (let f = 1; f < k; f++) if ((load[f] ?? 0) < (load[best] ?? 0)) best = f;
    foldOf.set(source, best);
    load[best] = (load[best] ?? 0) + n;
  }
  return cases.map((c) => foldOf.get(c.source) ?? 0);
}

/** Each fold's held-out messages and the model trained without them. */
export type TrainedFolds = {
  k: number;
  cases: SourcedCase[];
  folds: { held: SourcedCase[]; model: TriageModel }[];
};

/**
 * Trains grouped k-fold cross-validation's models over the real set's train and dev splits: each
 * fold's sources are held out and its model is trained on the catalogue and the other folds.
 * Never reads the test split.
 */
export function trainFolds(k = 5, options: TrainModelOptions = {}): TrainedFolds {
  const catalogue = loadCatalogue();
  const lexicon = loadTriageLexicon();
  const cases = [...readSplit('train'), ...readSplit('dev')];
  const foldOf = groupFolds(cases, k);
  const folds = Array.from({ length: k }, (_, fold) => ({
    held: cases.filter((_, i) => foldOf[i] === fold),
    model: trainTriageModel(
      catalogue,
      lexicon,
      cases.filter((_, i) => foldOf[i] !== fold),
      options,
    ),
  }));
  return { k, cases, folds };
}

/**
 * Grouped k-fold cross-validation of the embedded engine: the whole engine (rules, each fold's
 * model, next step) reads each fold's held-out messages; the figures are the mean over folds.
 */
export function crossValidate(
  trained: TrainedFolds,
  combine: Partial<LabelCombineOptions> = {},
  thresholds: Partial<DecisionThresholds> = {},
) {
  const catalogue = loadCatalogue();
  const lexicon = loadTriageLexicon();
  const { k, cases } = trained;
  const content = { catalogue, fallback: lexicon.fallback };
  const perFold: (CvFigures & { n: number })[] = [];
  const misses: string[] = [];
  const items: CvItem[] = [];
  const weighed: WeighedCase[] = [];
  const scale = combine.scale ?? DEFAULT_COMBINE.scale;
  for (const { held, model } of trained.folds) {
    const engine = createTriageEngine(catalogue, { lexicon, model, combine });
    // `explain` for the deciding rule: only weighed messages are calibrated.
    const results = held.map((c) => engine.classify(c.text, { explain: true }));
    const steps = firstMessageSteps(results, content, thresholds);
    const { metrics } = scoreTriage(held, results, steps);
    held.forEach((c, i) => {
      const r = results[i];
      if (r)
        items.push({
          id: c.id,
          fold: perFold.length + 1,
          truth: c.label,
          label: r.label,
          category: r.category?.id ?? null,
          next: steps[i] ?? null,
          rule: r.explanation?.rule ?? null,
          hazardP: r.explanation?.learnedHazard ?? null,
          hazards: r.cues.hazards,
        });
      const p = r?.labelProbabilities?.misuse;
      if (r?.explanation?.rule === 'weighed' && p !== undefined && c.label !== 'hazard')
        weighed.push({ odds: logit(p) / scale, misuse: c.label === 'misuse' });
      if (r && (r.label !== c.label || r.category?.id !== c.category))
        misses.push(
          `${c.id} ${c.label}→${r.label} (${steps[i]}) ${c.category}→${r.category?.id ?? '?'}: ${c.text.replace(/\s+/g, ' ').slice(0, 160)}`,
        );
    });
    perFold.push({
      n: held.length,
      ...(Object.fromEntries(CV_METRICS.map((m) => [m, metrics[m] ?? 0])) as CvFigures),
    });
  }
  const mean = Object.fromEntries(
    CV_METRICS.map((m) => [m, round(perFold.reduce((s, f) => s + f[m], 0) / k)]),
  ) as CvFigures;
  return { k, n: cases.length, mean, perFold, misses, items, weighed };
}

/**
 * One held-out message's reading (`--jsonl OUT`): its true label, the engine's label and next step,
 * the rule that settled it, the learned model's own hazard probability and the hazard net's words.
 */
export type CvItem = {
  id: string;
  fold: number;
  truth: string;
  label: string;
  category: string | null;
  next: string | null;
  rule: string | null;
  hazardP: number | null;
  hazards: string[];
};

/** A held-out message the combination weighed: its log-odds of misuse before scaling, and the truth. */
export type WeighedCase = { odds: number; misuse: boolean };

const logit = (p: number) => {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
};

/** Mean log-loss of the weighed messages when their log-odds are multiplied by `scale`. */
export function logLoss(cases: readonly WeighedCase[], scale: number): number {
  let sum = 0;
  for (const { odds, misuse } of cases) {
    const p = 1 / (1 + Math.exp(-odds * scale));
    sum -= Math.log(Math.min(1 - 1e-12, Math.max(1e-12, misuse ? p : 1 - p)));
  }
  return cases.length === 0 ? 0 : sum / cases.length;
}

/**
 * The combination's calibration scale (temperature): the one of 0.01, 0.02 … 2 with the least
 * log-loss on the held-out messages (ties: the smaller). Deterministic.
 */
export function fitScale(cases: readonly WeighedCase[]): { scale: number; logLoss: number } {
  let best = { scale: 1, logLoss: logLoss(cases, 1) };
  for (let i = 1; i <= 200; i++) {
    const scale = i / 100;
    const loss = logLoss(cases, scale);
    if (loss < best.logLoss - 1e-12) best = { scale, logLoss: loss };
  }
  return best;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  // `npm run triage:cv -- [--misses] [--calibrate] [--jsonl=OUT] [--costs=0.4,0.5,…] [K] ['{"realWeight":2}'] ['{"hazard":0.3}'] ['{"checksCost":0.6}']`:
  // folds, then the training, combination and next-step options to try, as JSON.
  const args = process.argv.slice(2);
  const [folds, train, weigh, route] = args.filter((a) => !a.startsWith('--'));
  const k = Number(folds ?? 5);
  const options = JSON.parse(train ?? '{}') as TrainModelOptions;
  const combine = JSON.parse(weigh ?? '{}') as Partial<LabelCombineOptions>;
  const thresholds = JSON.parse(route ?? '{}') as Partial<DecisionThresholds>;
  const trained = trainFolds(k, options);
  const { perFold, mean, n, misses, items, weighed } = crossValidate(trained, combine, thresholds);
  if (args.includes('--misses')) for (const miss of misses) console.log(`MISS ${miss}`);
  const out = args.find((a) => a.startsWith('--jsonl='))?.slice('--jsonl='.length);
  if (out) writeFileSync(out, items.map((item) => `${JSON.stringify(item)}\n`).join(''));
  if (args.includes('--calibrate')) {
    const now = combine.scale ?? DEFAULT_COMBINE.scale;
    const fitted = fitScale(weighed);
    console.log(
      `calibration over ${weighed.length} weighed messages: scale ${now} log-loss ${round(logLoss(weighed, now))}; least log-loss at scale ${fitted.scale}: ${round(fitted.logLoss)}`,
    );
  }
  perFold.forEach((f, i) => {
    console.log(`fold ${i + 1}: ${JSON.stringify(f)}`);
  });
  console.log(JSON.stringify({ folds: k, n, ...mean }));
  // The cost rule's trade-off: the same folds' models, one row per checks cost.
  const costs = args.find((a) => a.startsWith('--costs='))?.slice('--costs='.length);
  for (const cost of costs?.split(',').map(Number) ?? []) {
    const row = crossValidate(trained, combine, { ...thresholds, checksCost: cost }).mean;
    console.log(JSON.stringify({ checksCost: cost, ...row }));
  }
}
