import type { Analysis } from '../text/analyse.ts';
import { latinWords } from '../text/english.ts';

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const CLAUSE = /[。！？；;!?，,\n…:：()（）"“”]+|\.(?!\d)|\s-\s/;

/**
 * Character n-gram lengths read within each English word of three letters or more, with `<` and
 * `>` at its ends: "leaking", "leaked" and a typo "leeking" share most of theirs, where their word
 * features share nothing (grouped cross-validation by source: label 0.718 → 0.722 alone).
 */
const CHAR_GRAMS = { min: 3, max: 5 };

/** The rule cues the analyser found, offered to the model as features of their own. */
export type CueFlags = {
  alreadyTried: boolean;
  notYetTried: boolean;
  ordinaryCause: boolean;
  worsening: boolean;
  errorCode: boolean;
  normalQuestion: boolean;
  breakerTrip: boolean;
  negatedHazard: boolean;
  defects: readonly string[];
  /** Categories whose product words the text names. */
  products: readonly string[];
};

/**
 * The learned model's features of one normalised text (Traditional already folded to Simplified,
 * Cantonese to Mandarin, lower case): Chinese character 1–3-grams within a run of Han characters,
 * English word uni- and bigrams within a clause (digits-only words left out) and character 3–5-grams
 * within each English word, and the rule cues.
 * Each feature counts once. Sorted, so the same text always gives the same list.
 */
export function toModelFeatures(text: string, cues: CueFlags): string[] {
  return [...modelFeatureSet(text, cues)].sort();
}

/** {@link toModelFeatures} unsorted: the engine looks each up and sorts only those the model knows. */
export function modelFeatureSet(text: string, cues: CueFlags): Set<string> {
  const found = new Set<string>();
  for (const clause of text.split(CLAUSE)) {
    for (const [run] of clause.matchAll(HAN_RUN)) {
      for (let i = 0; i < run.length; i++) {
        found.add(`z:${run[i]}`);
        if (i + 2 <= run.length) found.add(`z:${run.slice(i, i + 2)}`);
        if (i + 3 <= run.length) found.add(`z:${run.slice(i, i + 3)}`);
      }
    }
    let previous: string | undefined;
    for (const word of latinWords(clause)) {
      if (/^\d+$/.test(word)) {
        previous = undefined;
        continue;
      }
      found.add(`w:${word}`);
      if (word.length >= 3) {
        const padded = `<${word}>`;
        for (let n = CHAR_GRAMS.min; n <= CHAR_GRAMS.max; n++)
          for (let i = 0; i + n <= padded.length; i++) found.add(`e:${padded.slice(i, i + n)}`);
      }
      if (previous !== undefined) found.add(`w:${previous} ${word}`);
      previous = word;
    }
  }
  const flags: [string, boolean][] = [
    ['already_tried', cues.alreadyTried],
    ['not_yet_tried', cues.notYetTried],
    ['ordinary_cause', cues.ordinaryCause],
    ['worsening', cues.worsening],
    ['error_code', cues.errorCode],
    ['normal_question', cues.normalQuestion],
    ['breaker_trip', cues.breakerTrip],
    ['negated_hazard', cues.negatedHazard],
  ];
  for (const [name, on] of flags) if (on) found.add(`c:${name}`);
  for (const defect of cues.defects) found.add(`c:${defect}`);
  for (const product of cues.products) found.add(`p:${product}`);
  return found;
}

/**
 * How much a message says, for the combination's `evidence`: its features less the English
 * character n-grams, which repeat its words (a short English message has dozens of them and would
 * count as a long one).
 */
export function evidenceOf(features: Iterable<string>): number {
  let n = 0;
  for (const f of features) if (!f.startsWith('e:')) n += 1;
  return n;
}

/** The model's features of an analysed message: its normalised text and the cues the rules found. */
export function modelFeaturesOf(analysis: Analysis): string[] {
  return [...modelFeatureSetOf(analysis)].sort();
}

/** {@link modelFeaturesOf} unsorted. */
export function modelFeatureSetOf(analysis: Analysis): Set<string> {
  return modelFeatureSet(analysis.text, {
    alreadyTried: analysis.alreadyTried,
    notYetTried: analysis.notYetTried,
    ordinaryCause: analysis.ordinaryCause,
    worsening: analysis.worsening,
    errorCode: analysis.errorCode !== undefined,
    normalQuestion: analysis.normalQuestion,
    breakerTrip: analysis.breakerTrip,
    negatedHazard: analysis.negatedHazards.length > 0,
    defects: analysis.defects,
    products: [...analysis.names.keys()],
  });
}
