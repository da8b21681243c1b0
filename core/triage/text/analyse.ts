import type { TriageLexicon } from '../lexicon.ts';
import type { DefectCue } from '../types.ts';
import { createAlreadyTried } from './already-tried.ts';
import { anyPattern, type Token } from './cues.ts';
import { LATIN_WORD, latinWords, stem } from './english.ts';
import { createHazardScanner, type HazardMask, type HazardScan } from './hazard-scan.ts';
import { createNormaliser, escapeRegExp, HAN } from './normalise.ts';
import {
  createPhraseFinder,
  createPhraseSet,
  createRecent,
  createStemSequenceFinder,
  createStemSequenceSet,
  type Span,
} from './phrase-matcher.ts';
import { createPatternLists } from './start-keys.ts';

/** Product words of one category (catalogue `names` plus the lexicon's extra names). */
export type NameList = {
  key: string;
  zh: readonly string[];
  en: readonly string[];
  /** The names left out of symptom features (default: all); names that tell symptoms apart stay in. */
  masked?: { zh: readonly string[]; en: readonly string[] };
};

/** What the engine reads from one text before scoring it against the catalogue. */
export type Analysis = {
  text: string;
  traditional: boolean;
  truncated: boolean;
  language: 'zh' | 'en' | 'mixed' | 'none';
  /** How much the message says, in words counted per script ({@link HAN_PER_WORD}). */
  words: number;
  /** Hazard words and pairs found and not negated. */
  hazards: string[];
  /** Hazard words found under a negation ("no smoke", "冇燒焦味"). */
  negatedHazards: string[];
  /**
   * Where the hazard words the net set aside stand in `text` (negated, "no smoke or burning
   * smell", "没有冒烟也没有焦味", or smoke in a message that calls it mist), as [start, end) in
   * reading order: the learned model reads them apart, so "no smoke" does not weigh as smoke.
   */
  deniedRanges: [number, number][];
  alreadyTried: boolean;
  notYetTried: boolean;
  /** An everyday cause is named (just installed, a power cut, a child pressed buttons). */
  ordinaryCause: boolean;
  /** The symptom grew over time or with age. */
  worsening: boolean;
  /** A breaker or fuse trips as soon as it runs, or again and again (an electrical fault). */
  breakerTrip: boolean;
  /** The text with the breaker-trip wording cut out, when there is any (to see what else it says). */
  withoutTrip: string | undefined;
  errorCode: string | undefined;
  /** Signs of a defect beyond "already tried" and a tripping breaker (part replaced, damage…). */
  defects: DefectCue[];
  normalQuestion: boolean;
  wantsPerson: boolean;
  /** A word around danger that makes no hazard by itself (`hazard.hints`): a smell, heat, a pop. */
  hazardHint: boolean;
  /**
   * Danger shows in the words: a `hazard.hints` word, or a `hazard.evidence` one (water, a spill,
   * damage, heat, a tripping breaker, a headache). Without it neither a weakly matched catalogue
   * hazard symptom nor the learned model makes a hazard.
   */
  dangerEvidence: boolean;
  /** Product words found, by `NameList.key`. */
  names: Map<string, string[]>;
  /** Category hint words found (`categoryHints`: parts, programs, jargon), by category. */
  hints: Map<string, string[]>;
  /** Weighted features for matching symptoms: Chinese character n-grams, English stems and stem pairs. */
  features: Map<string, number>;
};

export type AnalyserOptions = {
  lexicon: TriageLexicon;
  names: readonly NameList[];
  maxChars: number;
};

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
/**
 * Han characters to a word, so that a message's length reads alike in every script: an English
 * word (a run of letters or digits) counts one, a Chinese message its Han characters over this.
 * The catalogue's own translations give it: its zh and en phrases run 1.55 Han characters to an
 * English word, its steps 1.4 ("冰箱不制冷了", 6 characters, is 4 words, as "the fridge is not
 * cooling" is 5).
 */
export const HAN_PER_WORD = 1.5;
const CLAUSE = /[。！？；;!?，,\n…]+|\.(?!\d)|\s-\s/;
const WEIGHT = { zhUnigram: 0.3, zhNgram: 1, enWord: 1, enPair: 0.7 };

/** A token list's stems as a phrase list reads them, and the token each stem stands for. */
type View = { kept: number[]; stems: string[] };

/**
 * Builds the text analyser shared by the catalogue index (phrases) and classification (customer
 * text), so both sides are normalised, tokenised and stemmed the same way. `correct` (typo
 * tolerance) is passed only for customer text.
 */
export function createAnalyser({ lexicon, names, maxChars }: AnalyserOptions) {
  const normalise = createNormaliser(lexicon, maxChars);
  const stopwords = new Set(lexicon.english.stopwords);
  const irregular = new Map(Object.entries(lexicon.english.irregular));
  // A word's token, as read without and with a typo corrector: made once, since words recur
  // from clause to clause and message to message (a message is tokenised three times over). A
  // word's entry holds its plain token and its token as the last corrector read it, so a clause
  // read as written and as corrected looks each word up once.
  type Entry = {
    plain: Token;
    corrector?: (word: string) => string | undefined;
    corrected?: Token;
  };
  const entries = new Map<string, Entry>();
  const correctedTokens = new WeakMap<(word: string) => string | undefined, Map<string, Token>>();
  const makeToken = (raw: string, correct?: (word: string) => string | undefined): Token => {
    const word = irregular.get(raw) ?? correct?.(raw) ?? raw;
    return Object.freeze({
      raw,
      word,
      stem: stem(word),
      stop: stopwords.has(word) || stopwords.has(raw),
    });
  };
  const entryOf = (raw: string): Entry => {
    let entry = entries.get(raw);
    if (entry === undefined) {
      entry = { plain: makeToken(raw) };
      if (entries.size >= 20_000) entries.clear();
      entries.set(raw, entry);
    }
    return entry;
  };
  /** A word's token as a corrector reads it: one per corrector and word, kept for each corrector. */
  const correctedOf = (entry: Entry, correct: (word: string) => string | undefined): Token => {
    if (entry.corrector === correct && entry.corrected !== undefined) return entry.corrected;
    const raw = entry.plain.raw;
    let known = correctedTokens.get(correct);
    if (known === undefined) {
      known = new Map();
      correctedTokens.set(correct, known);
    }
    let token = known.get(raw);
    if (token === undefined) {
      token = makeToken(raw, correct);
      if (known.size >= 20_000) known.clear();
      known.set(raw, token);
    }
    entry.corrector = correct;
    entry.corrected = token;
    return token;
  };
  const toTokens = (clause: string, correct?: (word: string) => string | undefined): Token[] =>
    latinWords(clause).map((raw) =>
      correct === undefined ? entryOf(raw).plain : correctedOf(entryOf(raw), correct),
    );
  /** A token list's stems, with or without its stopwords, and where each stands: worked out once. */
  const viewWith =
    (skipStopwords: boolean) =>
    (tokens: readonly Token[]): View => {
      const kept: number[] = [];
      const stems: string[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i] as Token;
        if (skipStopwords && token.stop) continue;
        kept.push(i);
        stems.push(token.stem);
      }
      return { kept, stems };
    };
  const views = {
    skip: { cache: createRecent<readonly Token[], View>(3), make: viewWith(true) },
    keep: { cache: createRecent<readonly Token[], View>(3), make: viewWith(false) },
  };
  const viewOf = (tokens: readonly Token[], skipStopwords: boolean): View => {
    const { cache, make } = skipStopwords ? views.skip : views.keep;
    return cache.get(tokens, make);
  };
  // The lists read on every clause, read together (the hazard net's words and pairs, the product names).
  const clauseStems = { skip: createStemSequenceSet(), keep: createStemSequenceSet() };
  const clausePhrases = createPhraseSet();
  /**
   * Stemmed phrase finder; `skipStopwords` lets "smell of burning" match "smell burning". `apart`:
   * a list read on other text than the clauses (the whole message), kept out of their shared walk.
   */
  const enFinder = (phrases: readonly string[], skipStopwords = true, apart = false) => {
    const stemsOf = (phrase: string) =>
      toTokens(normalise(phrase).text)
        .filter((t) => !(skipStopwords && t.stop))
        .map((t) => t.stem);
    const sequences = phrases.map((phrase) => ({ phrase, stems: stemsOf(phrase) }));
    const find = apart
      ? createStemSequenceFinder(sequences)
      : clauseStems[skipStopwords ? 'skip' : 'keep'].add(sequences);
    return (tokens: readonly Token[]): Span[] => {
      const { kept, stems } = viewOf(tokens, skipStopwords);
      return find(stems).map((s) => ({
        phrase: s.phrase,
        start: kept[s.start] ?? 0,
        end: (kept[s.end - 1] ?? 0) + 1,
      }));
    };
  };
  const zhFinder = (phrases: readonly string[], apart = false) => {
    const normalised = phrases.map((p) => normalise(p).text);
    return apart ? createPhraseFinder(normalised) : clausePhrases.add(normalised);
  };
  const bilingual = (list: { zh: readonly string[]; en: readonly string[] }, apart = false) => ({
    zh: zhFinder(list.zh, apart),
    en: enFinder(list.en, true, apart),
  });

  const scanner = createHazardScanner(lexicon, {
    bilingual,
    normalise: (text) => normalise(text).text,
  });
  const particles = createPhraseFinder(lexicon.chineseParticles);
  const owned = (owners: Map<string, string[]>, phrase: string, key: string) =>
    owners.set(phrase, [...new Set([...(owners.get(phrase) ?? []), key])]);
  const nameOwners = new Map<string, string[]>();
  for (const list of names) {
    for (const zh of list.zh) owned(nameOwners, normalise(zh).text, list.key);
    for (const en of list.en) owned(nameOwners, en, list.key);
  }
  const allNames = {
    zh: zhFinder(names.flatMap((n) => n.zh)),
    en: enFinder(
      names.flatMap((n) => n.en),
      false,
    ),
  };
  const hintOwners = new Map<string, string[]>();
  const hintLists = Object.entries(lexicon.categoryHints);
  for (const [key, list] of hintLists) {
    for (const zh of list?.zh ?? []) owned(hintOwners, normalise(zh).text, key);
    for (const en of list?.en ?? []) owned(hintOwners, en, key);
  }
  const notNames = enFinder(lexicon.notNames, false);
  const allHints = {
    zh: zhFinder(hintLists.flatMap(([, list]) => list?.zh ?? [])),
    en: enFinder(hintLists.flatMap(([, list]) => list?.en ?? [])),
  };
  const maskedNames = {
    zh: zhFinder(names.flatMap((n) => n.masked?.zh ?? n.zh)),
    en: enFinder(
      names.flatMap((n) => n.masked?.en ?? n.en),
      false,
    ),
  };
  const alreadyTried = createAlreadyTried(lexicon);
  const breakerTrip = [...lexicon.breakerTrip.zh, ...lexicon.breakerTrip.en];
  const breakerTripPatterns = breakerTrip.map((p) => new RegExp(p, 'gi'));
  const errorCode = anyPattern([...lexicon.errorCode.zh, ...lexicon.errorCode.en]);
  const { partReplaced, physicalDamage, failingNoise, partCode, failedPart } = lexicon.defect;
  const defectNames: DefectCue[] = [
    'part_replaced',
    'physical_damage',
    'failing_noise',
    'part_code',
    'failed_part',
  ];
  const both = (list: { zh: readonly string[]; en: readonly string[] }) => [...list.zh, ...list.en];
  const evidenceWords = [
    ...lexicon.hazard.evidence.zh.map((word) => escapeRegExp(normalise(word).text)),
    ...lexicon.hazard.evidence.en,
  ];
  // The cues read on the whole text, as lists of patterns read in one walk of it; then each
  // breaker-trip pattern, as a list of its own.
  const cues = createPatternLists([
    both(lexicon.notYetTried),
    both(lexicon.ordinaryCause),
    both(lexicon.worsening),
    both(lexicon.normalQuestion),
    both(lexicon.wantsPerson),
    both(lexicon.hazard.hints),
    evidenceWords,
    ...[partReplaced, physicalDamage, failingNoise, partCode, failedPart].map(both),
    ...breakerTrip.map((p) => [p]),
  ]);
  const HINTS_AT = 5;
  const EVIDENCE_AT = 6;
  const DEFECTS_AT = 7;
  const BREAKER_AT = DEFECTS_AT + defectNames.length;
  const hints = createPatternLists([both(lexicon.hazard.hints)]);
  const evidence = createPatternLists([evidenceWords]);
  // The phrases the hazard net knows as ordinary senses of its words (`hazard.exceptions`: 油烟,
  // 火锅, "fire tv", 脑子都要冒烟), and product names that hold a hint or evidence word ("electric
  // water heater", 热水器): danger does not show inside one.
  const ordinary = ordinaryPhrases(
    lexicon,
    (phrase) => normalise(phrase).text,
    [...names.flatMap((list) => [...list.zh, ...list.en]), ...both(lexicon.hazard.everyday)]
      .map((name) => normalise(name).text)
      .filter((name) => hints.read(name)[0] === true || evidence.read(name)[0] === true),
  );
  /**
   * The text with its ordinary phrases blanked, made at most once a message and only when a hint or
   * an evidence word was found: a hint or evidence word counts only outside them ("油烟机有点吵"
   * has 烟 only inside 油烟, "热水器不热" 水 only inside 热水器).
   */
  const outsideOrdinary = (text: string) => {
    let blanked: string | undefined;
    return () =>
      (blanked ??=
        ordinary === undefined
          ? text
          : text.replace(ordinary, (phrase) => ' '.repeat(phrase.length)));
  };

  /**
   * Whether the breaker trips on start or repeatedly, and the text without those words; `found`
   * says which breaker-trip patterns match the text as given.
   */
  function readBreakerTrip(
    text: string,
    found: readonly boolean[],
  ): Pick<Analysis, 'breakerTrip' | 'withoutTrip'> {
    let cut = text;
    breakerTripPatterns.forEach((pattern, i) => {
      // A pattern that does not match the text changes nothing, until an earlier one changed it.
      if (cut !== text || found[BREAKER_AT + i] === true)
        cut = cut.replace(pattern, (m) => ' '.repeat(m.length));
    });
    return cut === text
      ? { breakerTrip: false, withoutTrip: undefined }
      : { breakerTrip: true, withoutTrip: cut };
  }

  function addFeatures(
    clause: string,
    tokens: Token[],
    masked: { zh: Span[]; en: Span[] },
    features: Map<string, number>,
  ) {
    const add = (key: string, weight: number) => {
      if ((features.get(key) ?? 0) < weight) features.set(key, weight);
    };
    let zhText = clause;
    for (const span of [...masked.zh, ...maskedNames.zh(clause)]) {
      zhText =
        zhText.slice(0, span.start) + ' '.repeat(span.end - span.start) + zhText.slice(span.end);
    }
    let kept = '';
    let at = 0;
    for (const span of particles(zhText)) {
      kept += zhText.slice(at, span.start);
      at = span.end;
    }
    kept += zhText.slice(at);
    for (const [run] of kept.matchAll(HAN_RUN)) {
      for (let i = 0; i < run.length; i++) {
        add(run.slice(i, i + 1), WEIGHT.zhUnigram);
        if (i + 2 <= run.length) add(run.slice(i, i + 2), WEIGHT.zhNgram);
        if (i + 3 <= run.length) add(run.slice(i, i + 3), WEIGHT.zhNgram);
      }
    }
    const skip = new Set<number>();
    for (const span of [...masked.en, ...maskedNames.en(tokens)]) {
      for (let i = span.start; i < span.end; i++) skip.add(i);
    }
    let previous: string | undefined;
    tokens.forEach((token, i) => {
      if (token.stop || skip.has(i) || /^\d+$/.test(token.word)) return;
      const key = token.stem;
      add(key, WEIGHT.enWord);
      if (previous !== undefined) add(`${previous} ${key}`, WEIGHT.enPair);
      previous = key;
    });
  }

  /** Reads a normalised text clause by clause through the hazard scanner. */
  /**
   * Reads a normalised text clause by clause through the hazard scanner. The scanner reads the
   * words as written: a typo correction can make a hazard of an ordinary word ("raced" → "arced",
   * "table" → "cable"); the corrected words serve symptom matching only.
   */
  function scanClauses(
    text: string,
    correct: ((word: string) => string | undefined) | undefined,
    each?: (clause: string, tokens: Token[], names: HazardMask, masked: HazardMask) => void,
  ): HazardScan {
    const scan = scanner.start(text, toTokens(text));
    for (const clause of text.split(CLAUSE)) {
      if (clause.trim() === '') continue;
      const words = latinWords(clause).map(entryOf);
      const written = words.map((entry) => entry.plain);
      const tokens = correct ? words.map((entry) => correctedOf(entry, correct)) : written;
      const names = { zh: allNames.zh(clause), en: allNames.en(tokens) };
      const masked = scan.clause(clause, written, { zh: names.zh, en: allNames.en(written) });
      each?.(clause, tokens, names, masked);
    }
    return scan.finish();
  }

  return {
    normalise,
    /** The hazard net's part of {@link analyse} alone: hazard words and pairs, negated or not. */
    scanHazards(raw: string): HazardScan {
      return scanClauses(normalise(raw).text, undefined);
    },
    /** The Latin tokens of a normalised text as written (no typo correction). */
    tokens(text: string): Token[] {
      return toTokens(text);
    },
    /** Every Latin word of a text after irregular forms, for the typo vocabulary. */
    words(text: string): string[] {
      return toTokens(normalise(text).text).map((t) => t.word);
    },
    analyse(raw: string, correct?: (word: string) => string | undefined): Analysis {
      const normalised = normalise(raw);
      const { text } = normalised;
      let han = 0;
      let latin = 0;
      let enWords = 0;
      let inWord = false;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const letter = code >= 97 && code <= 122;
        const wordChar = letter || (code >= 48 && code <= 57);
        if (wordChar && !inWord) enWords += 1;
        inWord = wordChar;
        if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) han += 1;
        else if (letter) latin += 1;
      }
      const found = cues.read(text);
      const outside = outsideOrdinary(text);
      const analysis: Analysis = {
        ...normalised,
        language: han === 0 ? (latin === 0 ? 'none' : 'en') : latin > han * 2 ? 'mixed' : 'zh',
        words: enWords + han / HAN_PER_WORD,
        hazards: [],
        negatedHazards: [],
        deniedRanges: [],
        alreadyTried: alreadyTried(text),
        notYetTried: found[0] === true,
        ordinaryCause: found[1] === true,
        worsening: found[2] === true,
        errorCode: errorCode?.exec(text)?.[0]?.trim(),
        defects: defectNames.filter((_, i) => found[DEFECTS_AT + i] === true),
        normalQuestion: found[3] === true,
        wantsPerson: found[4] === true,
        hazardHint: found[HINTS_AT] === true && hints.read(outside())[0] === true,
        dangerEvidence: false,
        ...readBreakerTrip(text, found),
        names: new Map(),
        hints: new Map(),
        features: new Map(),
      };
      let cursor = 0;
      const scan = scanClauses(text, correct, (clause, tokens, names, masked) => {
        // Clauses come in order and hold no separator, so the next one starts at or after the last.
        const at = text.indexOf(clause, cursor);
        cursor = at + clause.length;
        if (masked.zh.length + masked.en.length > 0)
          analysis.deniedRanges.push(...deniedIn(clause, at, masked));
        const not = names.en.length > 0 ? notNames(tokens) : [];
        const named = not.length === 0 ? names.en : names.en.filter((n) => !within(n, not));
        for (const span of [...names.zh, ...named]) {
          for (const key of nameOwners.get(span.phrase) ?? []) {
            analysis.names.set(key, [...(analysis.names.get(key) ?? []), span.phrase]);
          }
        }
        for (const span of [...allHints.zh(clause), ...allHints.en(tokens)]) {
          for (const key of hintOwners.get(span.phrase) ?? []) {
            analysis.hints.set(key, [...(analysis.hints.get(key) ?? []), span.phrase]);
          }
        }
        addFeatures(clause, tokens, masked, analysis.features);
      });
      analysis.dangerEvidence =
        analysis.hazardHint ||
        (found[EVIDENCE_AT] === true && evidence.read(outside())[0] === true);
      analysis.hazards = scan.hazards;
      analysis.negatedHazards = scan.negatedHazards;
      return analysis;
    },
  };
}

/** Whether a span lies inside one of `spans`. */
const within = (span: Span, spans: readonly Span[]) =>
  spans.some((s) => s.start <= span.start && span.end <= s.end);

/**
 * A clause's set-aside hazard spans as [start, end) in the whole text (the clause starts at `at`),
 * in order, overlapping ones merged (a span is often matched by several forms: smoke, smoking).
 */
function deniedIn(clause: string, at: number, masked: HazardMask): [number, number][] {
  const ranges: [number, number][] = masked.zh.map((s) => [at + s.start, at + s.end]);
  if (masked.en.length > 0) {
    const words = [...clause.matchAll(LATIN_WORD)];
    for (const span of masked.en) {
      const first = words[span.start];
      const last = words[span.end - 1];
      if (first?.index !== undefined && last?.index !== undefined)
        ranges.push([at + first.index, at + last.index + last[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last !== undefined && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

export type Analyser = ReturnType<typeof createAnalyser>;

/**
 * One expression for the hazard net's ordinary phrases (`hazard.exceptions`) and the given product
 * names, longest first: Chinese as normalised, English as whole lower-case words. Undefined when
 * there are none.
 */
function ordinaryPhrases(
  lexicon: TriageLexicon,
  normalise: (phrase: string) => string,
  productNames: readonly string[],
): RegExp | undefined {
  const { zh, en } = lexicon.hazard.exceptions;
  const sources = [
    ...new Set([
      ...zh.map((phrase) => escapeRegExp(normalise(phrase))),
      ...en.map((phrase) => `\\b${escapeRegExp(phrase.toLowerCase())}\\b`),
      ...productNames.map((name) =>
        HAN.test(name) ? escapeRegExp(name) : `\\b${escapeRegExp(name)}\\b`,
      ),
    ]),
  ].sort((a, b) => b.length - a.length);
  return sources.length === 0 ? undefined : new RegExp(sources.join('|'), 'g');
}
