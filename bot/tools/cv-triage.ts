import { resolve } from 'node:path';
import {
  createTriageEngine,
  type DecisionThresholds,
  firstMessageSteps,
  type LabelCombineOptions,
  scoreTriage,
  type TrainModelOptions,
  type TriageEvalCase,
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

/**
 * Grouped k-fold cross-validation of the embedded engine over the real set's train and dev splits:
 * each fold's sources are held out, the model is trained on the catalogue and the other folds, and
 * the whole engine (rules, model, next step) reads the held-out messages. Never reads the test split.
 */
export function crossValidate(
  k = 5,
  options: TrainModelOptions = {},
  combine: Partial<LabelCombineOptions> = {},
  thresholds: Partial<DecisionThresholds> = {},
) {
  const catalogue = loadCatalogue();
  const lexicon = loadTriageLexicon();
  const cases = [...readSplit('train'), ...readSplit('dev')];
  const folds = groupFolds(cases, k);
  const content = { catalogue, fallback: lexicon.fallback };
  const perFold: (CvFigures & { n: number })[] = [];
  const misses: string[] = [];
  for (let fold = 0; fold < k; fold++) {
    const held = cases.filter((_, i) => folds[i] === fold);
    const learn = cases.filter((_, i) => folds[i] !== fold);
    const model = trainTriageModel(catalogue, lexicon, learn, options);
    const engine = createTriageEngine(catalogue, { lexicon, model, combine });
    const results = held.map((c) => engine.classify(c.text));
    const steps = firstMessageSteps(results, content, thresholds);
    const { metrics } = scoreTriage(held, results, steps);
    held.forEach((c, i) => {
      const r = results[i];
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
  return { k, n: cases.length, mean, perFold, misses };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  // `npm run triage:cv -- [--misses] [K] ['{"realWeight":2}'] ['{"hazard":0.3}'] ['{"checksCost":0.2}']`:
  // folds, then the training, combination and next-step options to try, as JSON.
  const [folds, train, weigh, route] = process.argv.slice(2).filter((a) => a !== '--misses');
  const k = Number(folds ?? 5);
  const options = JSON.parse(train ?? '{}') as TrainModelOptions;
  const combine = JSON.parse(weigh ?? '{}') as Partial<LabelCombineOptions>;
  const thresholds = JSON.parse(route ?? '{}') as Partial<DecisionThresholds>;
  const { perFold, mean, n, misses } = crossValidate(k, options, combine, thresholds);
  if (process.argv.includes('--misses')) for (const miss of misses) console.log(`MISS ${miss}`);
  perFold.forEach((f, i) => {
    console.log(`fold ${i + 1}: ${JSON.stringify(f)}`);
  });
  console.log(JSON.stringify({ folds: k, n, ...mean }));
}
