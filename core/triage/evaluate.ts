import { z } from 'zod';
import { CATEGORIES } from '../warranty/policy.ts';
import { LABELS } from './catalogue.ts';
import { type DecisionThresholds, decideNextStep, type NextStepKind } from './next-step.ts';
import type { TriageContent, TriageResult } from './types.ts';

const evalCaseSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  // The contract's "zh" or "en", or a tag of either (zh-Hant, en-GB); "?" when the line has none.
  lang: z
    .string()
    .regex(/^(zh|en)(-[A-Za-z0-9]+)*$/, 'zh or en (or a tag of either, such as zh-Hant)')
    .default('?'),
  text: z.string(),
  category: z.enum(CATEGORIES),
  label: z.enum(LABELS),
});

/** One labelled message of a triage evaluation set (JSON Lines, design.md `triage eval`). */
export type TriageEvalCase = z.output<typeof evalCaseSchema>;

/** Parses one line of an evaluation set; a string is the problem with it. */
export function parseTriageEvalLine(line: string): TriageEvalCase | string {
  let document: unknown;
  try {
    document = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  const parsed = evalCaseSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || '(line)'}: ${issue?.message ?? 'invalid'}`;
}

type Row = { n: number; labelAccuracy: number; categoryAccuracy: number };

export type TriageEvalMiss = TriageEvalCase & {
  predictedLabel: string;
  predictedCategory: string | null;
  symptom: string | null;
};

export type TriageEvalReport = {
  misses: TriageEvalMiss[];
  byLanguage: Record<string, Row>;
  byCategory: Record<string, Row>;
  /** confusion[expected][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  metrics: {
    n: number;
    label_accuracy: number;
    category_accuracy: number;
    hazard_recall: number;
    misuse_precision: number;
    fault_recall: number;
    misuse_recall: number;
    hazard_precision: number;
    fault_precision: number;
  } & Partial<TriageRouting>;
};

/**
 * Where first messages are routed (design.md "Decide by cost"), as shares:
 * `misuse_self_service` — misuse items whose next step is guide, checks or ask (no visit yet);
 * `hazard_first` — hazard items whose next step is the hazard path;
 * `fault_direct` — fault items escalated at once;
 * `false_alarm` — non-hazard items sent down the hazard path.
 */
export type TriageRouting = {
  misuse_self_service: number;
  hazard_first: number;
  fault_direct: number;
  false_alarm: number;
};

/**
 * The next step each reading takes as a customer's first message (no question asked yet, no
 * guidance tried): what `scoreRouting` scores.
 */
export function firstMessageSteps(
  results: readonly TriageResult[],
  content: TriageContent,
  thresholds?: Partial<DecisionThresholds>,
): NextStepKind[] {
  return results.map(
    (result) =>
      decideNextStep(result, {
        content,
        alreadyAsked: false,
        guidanceFailed: false,
        ...(thresholds ? { thresholds } : {}),
      }).kind,
  );
}

/** Scores the next step taken on each first message against the expected labels. */
export function scoreRouting(
  cases: readonly Pick<TriageEvalCase, 'label'>[],
  steps: readonly NextStepKind[],
): TriageRouting {
  const share = (label: (l: string) => boolean, hit: (s: NextStepKind) => boolean) => {
    let of = 0;
    let hits = 0;
    cases.forEach((c, i) => {
      const step = steps[i];
      if (step === undefined || !label(c.label)) return;
      of += 1;
      hits += hit(step) ? 1 : 0;
    });
    return ratio(hits, of);
  };
  return {
    misuse_self_service: share(
      (l) => l === 'misuse',
      (s) => s === 'guide' || s === 'checks' || s === 'ask',
    ),
    hazard_first: share(
      (l) => l === 'hazard',
      (s) => s === 'hazard',
    ),
    fault_direct: share(
      (l) => l === 'fault',
      (s) => s === 'escalate',
    ),
    false_alarm: share(
      (l) => l !== 'hazard',
      (s) => s === 'hazard',
    ),
  };
}

const ratio = (hit: number, of: number) => (of === 0 ? 1 : Math.round((hit / of) * 1000) / 1000);

/**
 * Scores engine results against the expected labels and categories. The headline metrics follow
 * the project's priorities: hazard recall (never miss a hazard), misuse precision (never send a
 * real fault home), fault recall; with the next step of each first message (`steps`), the routing
 * figures of {@link scoreRouting} too.
 */
export function scoreTriage(
  cases: readonly TriageEvalCase[],
  results: readonly TriageResult[],
  steps?: readonly NextStepKind[],
): TriageEvalReport {
  const misses: TriageEvalMiss[] = [];
  const confusion = Object.fromEntries(
    LABELS.map((l) => [l, Object.fromEntries(LABELS.map((p) => [p, 0]))]),
  );
  const groups = {
    byLanguage: new Map<string, number[]>(),
    byCategory: new Map<string, number[]>(),
  };
  const tally = (map: Map<string, number[]>, key: string, label: boolean, category: boolean) => {
    const t = map.get(key) ?? [0, 0, 0];
    map.set(key, [
      (t[0] ?? 0) + 1,
      (t[1] ?? 0) + (label ? 1 : 0),
      (t[2] ?? 0) + (category ? 1 : 0),
    ]);
  };
  let labelHits = 0;
  let categoryHits = 0;
  cases.forEach((c, i) => {
    const r = results[i];
    if (!r) return;
    const labelOk = r.label === c.label;
    const categoryOk = r.category?.id === c.category;
    labelHits += labelOk ? 1 : 0;
    categoryHits += categoryOk ? 1 : 0;
    const row = confusion[c.label];
    if (row) row[r.label] = (row[r.label] ?? 0) + 1;
    tally(groups.byLanguage, c.lang, labelOk, categoryOk);
    tally(groups.byCategory, c.category, labelOk, categoryOk);
    if (!labelOk || !categoryOk) {
      misses.push({
        ...c,
        predictedLabel: r.label,
        predictedCategory: r.category?.id ?? null,
        symptom: r.symptom?.id ?? null,
      });
    }
  });
  const count = (expected: string | null, predicted: string | null) =>
    LABELS.reduce(
      (sum, e) =>
        sum +
        LABELS.reduce(
          (inner, p) =>
            inner +
            ((expected === null || e === expected) && (predicted === null || p === predicted)
              ? (confusion[e]?.[p] ?? 0)
              : 0),
          0,
        ),
      0,
    );
  const rows = (map: Map<string, number[]>) =>
    Object.fromEntries(
      [...map]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, [n = 0, l = 0, c = 0]]) => [
          key,
          { n, labelAccuracy: ratio(l, n), categoryAccuracy: ratio(c, n) },
        ]),
    );
  return {
    misses,
    byLanguage: rows(groups.byLanguage),
    byCategory: rows(groups.byCategory),
    confusion,
    metrics: {
      n: cases.length,
      label_accuracy: ratio(labelHits, cases.length),
      category_accuracy: ratio(categoryHits, cases.length),
      hazard_recall: ratio(count('hazard', 'hazard'), count('hazard', null)),
      misuse_precision: ratio(count('misuse', 'misuse'), count(null, 'misuse')),
      fault_recall: ratio(count('fault', 'fault'), count('fault', null)),
      misuse_recall: ratio(count('misuse', 'misuse'), count('misuse', null)),
      hazard_precision: ratio(count('hazard', 'hazard'), count(null, 'hazard')),
      fault_precision: ratio(count('fault', 'fault'), count(null, 'fault')),
      ...(steps ? scoreRouting(cases, steps) : {}),
    },
  };
}
