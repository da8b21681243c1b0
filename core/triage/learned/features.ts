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
  /** Where the hazard words the net set aside stand in the text (`Analysis.deniedRanges`). */
  denied: readonly (readonly [number, number])[];
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
  eachModelFeature(text, cues, {
    add: (feature) => found.add(feature),
    word: (word) => {
      for (const gram of charGramsOf(word)) found.add(gram);
    },
  });
  return found;
}

/** An English word's character n-gram features (`e:`), the word padded with `<` and `>`. */
export function charGramsOf(word: string): string[] {
  const grams: string[] = [];
  if (word.length < 3) return grams;
  const padded = `<${word}>`;
  for (let n = CHAR_GRAMS.min; n <= CHAR_GRAMS.max; n++)
    for (let i = 0; i + n <= padded.length; i++) grams.push(`e:${padded.slice(i, i + n)}`);
  return grams;
}

/** Where {@link eachModelFeature} puts what it reads: features, and words for their n-grams. */
type FeatureSink = { add(feature: string): void; word(word: string): void };

/**
 * Every model feature of a text, in reading order (a feature may come more than once). The hazard
 * words the net set aside (`denied`: "no smoke or burning smell", "没有冒烟也没有焦味") are read
 * apart, as features of their own (`n:`, word and Chinese n-grams, no English character n-grams),
 * and the rest of the text is read as if a clause ended there: "no smoke" never weighs as "smoke".
 */
function eachModelFeature(text: string, cues: CueFlags, sink: FeatureSink): void {
  let rest = text;
  if (cues.denied.length > 0) {
    rest = '';
    let at = 0;
    for (const [start, end] of cues.denied) {
      if (end <= at) continue;
      const from = Math.max(start, at);
      rest += `${text.slice(at, from)}\n`;
      eachTextFeature(text.slice(from, end), {
        add: (feature) => sink.add(`n:${feature}`),
        word: () => {},
      });
      at = end;
    }
    rest += text.slice(at);
  }
  eachTextFeature(rest, sink);
  eachCueFeature(cues, sink);
}

/** A text's n-gram features (`z:`, `w:`, and the words for their `e:` n-grams). */
function eachTextFeature(text: string, sink: FeatureSink): void {
  for (const clause of text.split(CLAUSE)) {
    for (const [run] of clause.matchAll(HAN_RUN)) {
      for (let i = 0; i < run.length; i++) {
        sink.add(`z:${run[i]}`);
        if (i + 2 <= run.length) sink.add(`z:${run.slice(i, i + 2)}`);
        if (i + 3 <= run.length) sink.add(`z:${run.slice(i, i + 3)}`);
      }
    }
    let previous: string | undefined;
    for (const word of latinWords(clause)) {
      if (/^\d+$/.test(word)) {
        previous = undefined;
        continue;
      }
      sink.add(`w:${word}`);
      sink.word(word);
      if (previous !== undefined) sink.add(`w:${previous} ${word}`);
      previous = word;
    }
  }
}

/** The rule cues' features (`c:`, `p:`). */
function eachCueFeature(cues: CueFlags, sink: FeatureSink): void {
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
  for (const [name, on] of flags) if (on) sink.add(`c:${name}`);
  for (const defect of cues.defects) sink.add(`c:${defect}`);
  for (const product of cues.products) sink.add(`p:${product}`);
}

/** A message's model features, which of them the model knows, and how much the message says. */
export type CollectedFeatures = {
  features: Set<string>;
  /** The model's numbers of the features it knows, each once, in no order. */
  known: number[];
  /** The features less the English character n-grams ({@link evidenceOf}). */
  evidence: number;
};

/**
 * Reads a message's model features as {@link modelFeatureSet} does, and looks each up in a model
 * (`indexOf`, the model's number of a feature it knows) as it goes. An English word's character
 * n-grams and their numbers are remembered (words recur from message to message, and a word has a
 * dozen n-grams), so a known word costs one look-up, not a dozen strings made and looked up.
 */
export function createFeatureCollector(indexOf: (feature: string) => number | undefined) {
  const words = new Map<string, { grams: string[]; ids: Int32Array }>();
  const gramsOf = (word: string) => {
    let entry = words.get(word);
    if (entry === undefined) {
      const grams = charGramsOf(word);
      entry = { grams, ids: Int32Array.from(grams, (gram) => indexOf(gram) ?? -1) };
      if (words.size >= 20_000) words.clear();
      words.set(word, entry);
    }
    return entry;
  };
  return (text: string, cues: CueFlags): CollectedFeatures => {
    const features = new Set<string>();
    const known: number[] = [];
    let grams = 0;
    eachModelFeature(text, cues, {
      add(feature) {
        if (features.has(feature)) return;
        features.add(feature);
        const i = indexOf(feature);
        if (i !== undefined) known.push(i);
      },
      word(word) {
        const entry = gramsOf(word);
        for (let k = 0; k < entry.grams.length; k++) {
          const gram = entry.grams[k] as string;
          if (features.has(gram)) continue;
          features.add(gram);
          grams += 1;
          const i = entry.ids[k] as number;
          if (i >= 0) known.push(i);
        }
      },
    });
    return { features, known, evidence: features.size - grams };
  };
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
  return modelFeatureSet(analysis.text, cueFlagsOf(analysis));
}

/** The rule cues of an analysed message, as the model reads them. */
export function cueFlagsOf(analysis: Analysis): CueFlags {
  return {
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
    denied: analysis.deniedRanges,
  };
}
