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
  /** Categories whose hint words (parts, programs, jargon: `categoryHints`) the text has. */
  hinted: readonly string[];
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
function eachModelFeature(
  text: string,
  cues: CueFlags,
  sink: FeatureSink,
  readText: (text: string) => void = (rest) => eachTextFeature(rest, sink),
): void {
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
  readText(rest);
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

/** The rule cues' features (`c:`, `p:`, `k:`). */
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
  for (const category of cues.hinted) sink.add(`k:${category}`);
}

/** A message's model features, which of them the model knows, and how much the message says. */
export type CollectedFeatures = {
  /** How many features the message has, each counted once (what a feature's value divides by). */
  count: number;
  /** The model's numbers of the features it knows, each once, in no order. */
  known: number[];
  /** The features less the English character n-grams ({@link evidenceOf}). */
  evidence: number;
  /** The features themselves ({@link modelFeatureSet}), made when asked for (to explain a reading). */
  features(): Set<string>;
};

/** A feature as the collector knows it: its number here, and the model's (-1: the model has not it). */
type Known = { n: number; id: number };
/** An English word as the collector remembers it: its feature, its character n-grams, its pairs' number. */
type WordEntry = { word: string; self: Known; grams: Known[]; n: number };
/** How many features the collector numbers before it forgets them all (between messages). */
const MAX_NUMBERED = 200_000;
/** A pair's key: both words' numbers (a word's number is below 2^21). */
const PAIR_SHIFT = 2 ** 21;

/**
 * Reads a message's model features as {@link modelFeatureSet} does, and looks each up in a model
 * (`indexOf`, the model's number of a feature it knows) as it goes, making no string for what it
 * has seen before: every feature is numbered the first time it is read (an English word with its
 * feature and its character n-grams, a pair of words by their numbers, a Chinese n-gram by its
 * code units), and a message's features are told apart by their numbers (a mark per number), not
 * kept in a set of strings. Text the net set aside (`n:`) and the rule cues are read as
 * {@link modelFeatureSet} reads them, their features numbered by name.
 */
export function createFeatureCollector(indexOf: (feature: string) => number | undefined) {
  let numbered = 0;
  const byName = new Map<string, Known>();
  const words = new Map<string, WordEntry>();
  const pairs = new Map<number, Known>();
  const hanGrams = new Map<number, Known>();
  let marks = new Uint32Array(1024);
  let message = 0;
  const number = (feature: string): Known => ({ n: numbered++, id: indexOf(feature) ?? -1 });
  const named = (feature: string): Known => {
    let known = byName.get(feature);
    if (known === undefined) {
      known = number(feature);
      byName.set(feature, known);
    }
    return known;
  };
  const wordOf = (word: string): WordEntry => {
    let entry = words.get(word);
    if (entry === undefined) {
      entry = {
        word,
        self: named(`w:${word}`),
        grams: charGramsOf(word).map(named),
        n: words.size,
      };
      words.set(word, entry);
    }
    return entry;
  };
  const hanGram = (key: number, run: string, at: number, length: number): Known => {
    let known = hanGrams.get(key);
    if (known === undefined) {
      known = named(`z:${run.slice(at, at + length)}`);
      hanGrams.set(key, known);
    }
    return known;
  };
  return (text: string, cues: CueFlags): CollectedFeatures => {
    if (numbered >= MAX_NUMBERED) {
      numbered = 0;
      byName.clear();
      words.clear();
      pairs.clear();
      hanGrams.clear();
      marks.fill(0);
    }
    message += 1;
    if (message === 0xffffffff) {
      marks.fill(0);
      message = 1;
    }
    let count = 0;
    let grams = 0;
    const known: number[] = [];
    /** Counts a feature once a message; true when it is new. */
    const put = (feature: Known): boolean => {
      if (feature.n >= marks.length) {
        const more = new Uint32Array(Math.max(marks.length * 2, feature.n + 1));
        more.set(marks);
        marks = more;
      }
      if (marks[feature.n] === message) return false;
      marks[feature.n] = message;
      count += 1;
      if (feature.id >= 0) known.push(feature.id);
      return true;
    };
    const sink: FeatureSink = { add: (feature) => put(named(feature)), word() {} };
    // The text's own features, as eachTextFeature reads them.
    const readText = (rest: string) => {
      for (const clause of rest.split(CLAUSE)) {
        for (const [run] of clause.matchAll(HAN_RUN)) {
          for (let i = 0; i < run.length; i++) {
            // Han code units (U+3400 and above) as one number per n-gram: a unigram below
            // 2^16, a bigram below 2^32, a trigram above it.
            const one = run.charCodeAt(i);
            put(hanGram(one, run, i, 1));
            if (i + 2 > run.length) continue;
            const two = one * 0x10000 + run.charCodeAt(i + 1);
            put(hanGram(two, run, i, 2));
            if (i + 3 <= run.length) put(hanGram(two * 0x10000 + run.charCodeAt(i + 2), run, i, 3));
          }
        }
        let previous: WordEntry | undefined;
        for (const word of latinWords(clause)) {
          if (/^\d+$/.test(word)) {
            previous = undefined;
            continue;
          }
          const entry = wordOf(word);
          put(entry.self);
          for (const gram of entry.grams) if (put(gram)) grams += 1;
          if (previous !== undefined) {
            const key = previous.n * PAIR_SHIFT + entry.n;
            let pair = pairs.get(key);
            if (pair === undefined) {
              pair = named(`w:${previous.word} ${word}`);
              pairs.set(key, pair);
            }
            put(pair);
          }
          previous = entry;
        }
      }
    };
    eachModelFeature(text, cues, sink, readText);
    return {
      count,
      known,
      evidence: count - grams,
      features: () => modelFeatureSet(text, cues),
    };
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
    hinted: [...analysis.hints.keys()],
    denied: analysis.deniedRanges,
  };
}
