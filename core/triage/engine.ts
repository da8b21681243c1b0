import type { Category } from '../warranty/policy.ts';
import type { Label } from './catalogue.ts';
import { combineLabel, DEFAULT_COMBINE, type LabelCombineOptions } from './learned/combine.ts';
import { createFeatureCollector, cueFlagsOf } from './learned/features.ts';
import {
  createModelReader,
  type HeadReading,
  headDrivers,
  type TriageModel,
} from './learned/model.ts';
import type { TriageLexicon } from './lexicon.ts';
import { createTextReader, MAX_TRIAGE_CHARS } from './reader.ts';
import { createSymptomIndex } from './symptom-index.ts';
import type { Analysis } from './text/analyse.ts';
import type { CategoryEvidence, Ranked, TriageCatalogue, TriageResult } from './types.ts';

/** Options for {@link createTriageEngine}; numbers default to the tuned values. */
export type TriageEngineOptions = {
  lexicon: TriageLexicon;
  /** Longer input is cut to this many characters. Default {@link MAX_TRIAGE_CHARS}. */
  maxChars?: number;
  /**
   * The learned model (`prompts/triage/model.json`): with it, the model reads the label and, when
   * no product was named, the category, combined with the rules by {@link combineLabel}.
   */
  model?: TriageModel;
  /** The combination's weights; default {@link DEFAULT_COMBINE}. */
  combine?: Partial<LabelCombineOptions>;
};

/** What the session already knows about the conversation. */
export type TriageHints = {
  category?: Category | null;
  /**
   * Also say which features drove the learned model's readings (`explanation`, what
   * `triage classify` prints). Off by default: the bot never shows it, and listing them costs a
   * sort per head on every message.
   */
  explain?: boolean;
};

export type TriageEngine = {
  /** Reads one customer message. Deterministic, offline, no I/O. */
  classify(text: string, hints?: TriageHints): TriageResult;
};

/** Category evidence: product words (the first one named gets `firstName` more), model number,
 * the session's product, and the best symptom match. */
const CATEGORY_WEIGHT = {
  name: 3,
  firstName: 0.5,
  maxNames: 2,
  model: 4,
  modelBesideName: 2,
  session: 2,
  symptom: 3,
  softness: 1.5,
};
const SYMPTOM_SOFTNESS = 8;
/**
 * Log-odds added to the learned category reading for each category the message has hint words of,
 * when no product is named (see `withHints` in {@link createTriageEngine}). Chosen on the real
 * set's dev split and probes written for it, never on cross-validation: 0.5 / 1 / 1.5 / 2 read dev
 * 0.940 / 0.940 / 0.942 / 0.942 (0.935 without) and the probes 186 / 189 / 188 / 187 of 209 (184); from 2 on,
 * weak hints ("milk", "leftovers") take a microwave for a fridge.
 */
const HINTED_LOG_ODDS = 1;
/** Below this best symptom score, with no product word, model or session, the category is unknown. */
const MIN_SYMPTOM_EVIDENCE = 0.3;
/**
 * A catalogue hazard symptom this well matched makes a hazard even without a lexicon hazard word,
 * when danger shows in the words (`Analysis.dangerEvidence`).
 */
const HAZARD_SYMPTOM_SCORE = 0.4;
/** Guidance needs this share of the (adjusted) label mass: sending a real fault home is the costly mistake. */
const MISUSE_SHARE = 0.55;
/**
 * Priors, as log-odds added to the misuse share: an error code the guidance does not know and weak
 * evidence overall lean to fault; "is that normal?" and admitted missing upkeep lean to misuse.
 * A customer who already did the misuse checks leans hard to fault: the prior outweighs any symptom
 * evidence (the share is clamped to 0.999, log-odds 6.9) and an "is that normal?", so only an
 * admitted missing upkeep ("never cleaned the filter") with strong misuse evidence is still guided.
 */
const MISUSE_LOG_ODDS = {
  alreadyTried: -8,
  /** "Already tried" when an everyday cause is also named: the checks likely missed that cause. */
  alreadyTriedWithCause: -3,
  ordinaryCause: 2,
  worsening: -1.5,
  unknownErrorCode: -2,
  normalQuestion: 1,
  notYetTried: 2,
  weakEvidence: -1,
};
const WEAK_EVIDENCE = 0.3;
/** A symptom agreeing with the label is reported when it scores at least this share of the top one. */
const AGREEING_SHARE = 0.5;
const MODEL_TOKEN = /[a-z0-9][a-z0-9\-/]{3,}[a-z0-9]/g;

/** A head's reading as a ranked choice. */
function rankedOf<T extends string>(reading: HeadReading, among?: readonly string[]): Ranked<T> {
  const entries = Object.entries(reading.probabilities).filter(
    ([id]) => among === undefined || among.includes(id),
  );
  const total = entries.reduce((sum, [, p]) => sum + p, 0) || 1;
  const order = entries.map(([id, p]) => [id, p / total] as const).sort(([, a], [, b]) => b - a);
  const [first, second] = order;
  return {
    id: (first?.[0] ?? reading.best) as T,
    confidence: first?.[1] ?? 0,
    runnerUp: second ? { id: second[0] as T, confidence: second[1] } : null,
  };
}

const softmax = (scores: readonly number[], softness: number) => {
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp((s - top) * softness));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
};

function ranked<T extends string>(
  ids: readonly T[],
  scores: readonly number[],
  softness: number,
): Ranked<T> | null {
  if (ids.length === 0) return null;
  const p = softmax(scores, softness);
  const order = ids.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const [first, second] = order;
  if (first === undefined) return null;
  return {
    id: ids[first] as T,
    confidence: p[first] ?? 0,
    runnerUp: second === undefined ? null : { id: ids[second] as T, confidence: p[second] ?? 0 },
  };
}

/**
 * Builds the embedded triage engine from the guidance catalogue (design.md, "Triage"): the index
 * is built once; `classify` then reads a message in well under a millisecond.
 *
 * Business rules, in order: a hazard word that is not negated makes a `hazard`, whatever else
 * the text says (safety first). Otherwise the best-matching catalogue symptom in the detected
 * category decides, with priors that protect against sending a real fault home: a customer who
 * already did the misuse checks, or an error code the guidance does not know, pushes to `fault`;
 * weak evidence for `misuse` falls back to `fault`.
 */
export function createTriageEngine(
  catalogue: TriageCatalogue,
  options: TriageEngineOptions,
): TriageEngine {
  const { lexicon, maxChars = MAX_TRIAGE_CHARS } = options;
  const { productNames, analyser, correct } = createTextReader(catalogue, lexicon, maxChars);
  const index = createSymptomIndex(catalogue, analyser);
  const categories = catalogue.map((c) => c.category);
  const modelPatterns = catalogue.map((c) => c.modelPatterns.map((p) => new RegExp(p, 'i')));
  const byCategory = categories.map((category) =>
    index.symptoms.flatMap((s, i) => (s.category === category ? [i] : [])),
  );

  /**
   * The first model number in the text, one of a product the text names if there is one (a short
   * pattern of one product may match another's code: "the tv shows error re100").
   */
  function modelOf(
    text: string,
    named: ReadonlySet<string> = new Set(),
  ): { at: number; token: string } | undefined {
    let first: { at: number; token: string } | undefined;
    for (const [token] of text.matchAll(MODEL_TOKEN)) {
      if (!/[a-z]/.test(token) || !/\d/.test(token)) continue;
      for (let at = 0; at < modelPatterns.length; at++) {
        if (!modelPatterns[at]?.some((p) => p.test(token))) continue;
        const found = { at, token: token.toUpperCase() };
        if (named.has(categories[at] ?? '')) return found;
        first ??= found;
      }
      if (first && named.size === 0) return first;
    }
    return first;
  }

  function chooseCategory(analysis: Analysis, scores: Float64Array, hints: TriageHints) {
    const named = new Set<string>(analysis.names.keys());
    const model = modelOf(analysis.text, named);
    // A model number of a product the message does not name, beside one it names, weighs less
    // than the name ("my MX2000 mouse" on a computer is not a Linksys router).
    const modelWeight =
      model && named.size > 0 && !named.has(categories[model.at] ?? '')
        ? CATEGORY_WEIGHT.modelBesideName
        : CATEGORY_WEIGHT.model;
    const evidence: CategoryEvidence[] = [];
    let anyDirect = false;
    const values = categories.map((category, c) => {
      const found = [...new Set(analysis.names.get(category))].map((name) =>
        productNames.weight(category, name),
      );
      const named = found
        .sort((a, b) => b - a)
        .slice(0, CATEGORY_WEIGHT.maxNames)
        .reduce((sum, w) => sum + w, 0);
      const best = Math.max(0, ...(byCategory[c] ?? []).map((s) => scores[s] ?? 0));
      const session = hints.category === category;
      if (named > 0 || model?.at === c || session) anyDirect = true;
      const first = analysis.names.keys().next().value === category ? CATEGORY_WEIGHT.firstName : 0;
      return (
        named * CATEGORY_WEIGHT.name +
        first +
        (model?.at === c ? modelWeight : 0) +
        (session ? CATEGORY_WEIGHT.session : 0) +
        best * CATEGORY_WEIGHT.symptom
      );
    });
    const bestSymptom = Math.max(0, ...scores);
    if (!anyDirect && bestSymptom < MIN_SYMPTOM_EVIDENCE)
      return { category: null, evidence, model };
    const category = ranked(categories, values, CATEGORY_WEIGHT.softness);
    if (category) {
      if (analysis.names.has(category.id)) evidence.push('name');
      if (model && categories[model.at] === category.id) evidence.push('model');
      if (hints.category === category.id) evidence.push('session');
      if (evidence.length === 0) evidence.push('symptom');
    }
    return { category, evidence, model };
  }

  /** Whether the message, read without its breaker-trip words, still matches a hazard symptom. */
  function hazardBeyondTrip(analysis: Analysis, members: number[]): boolean {
    if (analysis.withoutTrip === undefined) return true;
    const rest = index.score(analyser.analyse(analysis.withoutTrip, correct).features);
    const best = members.reduce(
      (b, s) => ((rest[s] ?? 0) > (rest[b] ?? 0) ? s : b),
      members[0] ?? -1,
    );
    return index.symptoms[best]?.label === 'hazard' && (rest[best] ?? 0) >= HAZARD_SYMPTOM_SCORE;
  }

  function chooseLabel(
    analysis: Analysis,
    members: number[],
    scores: Float64Array,
    errorCodeKnown: boolean,
  ) {
    const symptomScores = members.map((s) => scores[s] ?? 0);
    const p = softmax(symptomScores, SYMPTOM_SOFTNESS);
    const top = symptomScores.length === 0 ? -1 : symptomScores.indexOf(Math.max(...symptomScores));
    const topSymptom = index.symptoms[members[top] ?? -1];
    const topScore = symptomScores[top] ?? 0;
    if (analysis.hazards.length > 0)
      return { label: 'hazard' as Label, confidence: 1, p, hazard: 'words' as const, logOdds: 0 };
    // A hazard symptom matched without the net's words must have danger in the words themselves
    // (`dangerEvidence`): a calm message that resembles one is no hazard.
    if (
      topSymptom?.label === 'hazard' &&
      topScore >= HAZARD_SYMPTOM_SCORE &&
      analysis.dangerEvidence
    ) {
      // A tripping breaker alone is an electrical fault: the hazard must show without the trip words.
      if (!analysis.breakerTrip || hazardBeyondTrip(analysis, members))
        return {
          label: 'hazard' as Label,
          confidence: p[top] ?? 0,
          p,
          hazard: 'symptom' as const,
          logOdds: 0,
        };
    }
    // A breaker that trips as soon as it runs, or again and again, is never guided.
    if (analysis.breakerTrip)
      return { label: 'fault' as Label, confidence: 1, p, hazard: null, logOdds: -Infinity };
    let misuse = 0;
    members.forEach((s, i) => {
      if (index.symptoms[s]?.label === 'misuse') misuse += p[i] ?? 0;
    });
    const clamped = Math.min(0.999, Math.max(0.001, members.length === 0 ? 0 : misuse));
    let logOdds = Math.log(clamped / (1 - clamped));
    if (analysis.errorCode !== undefined && !errorCodeKnown)
      logOdds += MISUSE_LOG_ODDS.unknownErrorCode;
    if (analysis.normalQuestion) logOdds += MISUSE_LOG_ODDS.normalQuestion;
    if (analysis.notYetTried) logOdds += MISUSE_LOG_ODDS.notYetTried;
    if (topScore < WEAK_EVIDENCE) logOdds += MISUSE_LOG_ODDS.weakEvidence;
    if (analysis.ordinaryCause) logOdds += MISUSE_LOG_ODDS.ordinaryCause;
    if (analysis.worsening) logOdds += MISUSE_LOG_ODDS.worsening;
    if (analysis.alreadyTried)
      logOdds += analysis.ordinaryCause
        ? MISUSE_LOG_ODDS.alreadyTriedWithCause
        : MISUSE_LOG_ODDS.alreadyTried;
    const share = 1 / (1 + Math.exp(-logOdds));
    // Relative to the guidance share, so that 0 is the rules' own boundary.
    const relative = logOdds - Math.log(MISUSE_SHARE / (1 - MISUSE_SHARE));
    return share >= MISUSE_SHARE
      ? { label: 'misuse' as Label, confidence: share, p, hazard: null, logOdds: relative }
      : { label: 'fault' as Label, confidence: 1 - share, p, hazard: null, logOdds: relative };
  }

  /**
   * The symptom to report: for a hazard the best hazard symptom; otherwise the best symptom whose
   * label agrees, when it scores at least half the top one; else the top symptom.
   */
  function chooseSymptom(
    label: Label,
    members: number[],
    scores: Float64Array,
    p: number[],
    withoutHazards: boolean,
  ): Ranked<string> | null {
    const score = (i: number) => scores[members[i] ?? -1] ?? 0;
    const order = members
      .map((_, i) => i)
      .filter((i) => !withoutHazards || index.symptoms[members[i] ?? -1]?.label !== 'hazard')
      .sort((a, b) => score(b) - score(a));
    const top = order[0];
    if (top === undefined || (score(top) <= 0 && label !== 'hazard')) return null;
    const agreeing = order.find((i) => index.symptoms[members[i] ?? -1]?.label === label);
    const chosen =
      agreeing !== undefined &&
      (label === 'hazard' || score(agreeing) >= score(top) * AGREEING_SHARE)
        ? agreeing
        : top;
    const other = order.find((i) => i !== chosen);
    const id = (i: number) => index.symptoms[members[i] ?? -1]?.id ?? '';
    return {
      id: id(chosen),
      confidence: p[chosen] ?? 0,
      runnerUp: other === undefined ? null : { id: id(other), confidence: p[other] ?? 0 },
    };
  }

  const weights = { ...DEFAULT_COMBINE, ...options.combine };
  const learnedModel = options.model;

  const modelReader = learnedModel && createModelReader(learnedModel);
  const collect = modelReader && createFeatureCollector(modelReader.indexOf);

  /**
   * The learned reading with the categories the message has hint words of (`categoryHints`: a
   * part, a program, jargon) made {@link HINTED_LOG_ODDS} likelier. The model reads hints as one
   * feature among all the message's n-grams, each worth 1/√n, so in a long message a hint that
   * says what the product is ("heatsink", "detergent drawer", "镁棒") is outweighed by ordinary
   * words another product's phrases use ("cooler", "water", "freezes").
   */
  function withHints(reading: HeadReading, analysis: Analysis): HeadReading {
    if (analysis.hints.size === 0) return reading;
    const odds = Object.entries(reading.probabilities).map(
      ([id, p]) => [id, p * (analysis.hints.has(id) ? Math.exp(HINTED_LOG_ODDS) : 1)] as const,
    );
    const total = odds.reduce((sum, [, o]) => sum + o, 0) || 1;
    return {
      ...reading,
      probabilities: Object.fromEntries(odds.map(([id, o]) => [id, o / total])),
    };
  }

  /** The learned model's two readings of an analysed message. */
  function readLearned(analysis: Analysis) {
    if (!modelReader || !collect) return undefined;
    const collected = collect(analysis.text, cueFlagsOf(analysis));
    const { label, category, evidence } = modelReader.readCollected(collected);
    return { modelFeatures: collected.features, features: evidence, label, category };
  }

  return {
    classify(text, hints = {}) {
      const analysis = analyser.analyse(text, correct);
      const scores = index.score(analysis.features);
      const learned = readLearned(analysis);
      const chosen = chooseCategory(analysis, scores, hints);
      const { model } = chosen;
      // A product the customer named (a word, a model number, the session's) stays; else the model reads it.
      const named = chosen.evidence.some((e) => e !== 'symptom');
      const byModel = learned !== undefined && !named;
      // Several products named ("the wifi drops on my laptop"): the model picks the one at fault.
      const among =
        learned !== undefined &&
        named &&
        analysis.names.size > 1 &&
        !chosen.evidence.some((e) => e === 'model' || e === 'session')
          ? rankedOf<Category>(learned.category, [...analysis.names.keys()])
          : null;
      const category = byModel
        ? rankedOf<Category>(withHints(learned.category, analysis))
        : (among ?? chosen.category);
      const evidence: CategoryEvidence[] = byModel
        ? ['learned']
        : among && among.id !== chosen.category?.id
          ? ['name', 'learned']
          : chosen.evidence;
      const c = category ? categories.indexOf(category.id) : -1;
      const members = byCategory[c] ?? [];
      const code = analysis.errorCode?.replace(/[^a-z0-9]/g, '');
      const errorCodeKnown =
        code !== undefined &&
        members.some((s) => index.symptoms[s]?.label === 'misuse' && index.mentions(s, code));
      const rules = chooseLabel(analysis, members, scores, errorCodeKnown);
      const { p } = rules;
      const combined = learned
        ? combineLabel(
            {
              hazard: rules.hazard,
              breakerTrip: analysis.breakerTrip,
              misuseLogOdds: rules.logOdds,
              defect: analysis.defects.length > 0,
              alreadyTried: analysis.alreadyTried && !analysis.ordinaryCause,
              hazardHint: analysis.hazardHint,
              dangerEvidence: analysis.dangerEvidence,
            },
            {
              probabilities: learned.label.probabilities as Record<Label, number>,
              features: learned.features,
            },
            weights,
          )
        : undefined;
      const label = combined?.label ?? rules.label;
      const confidence = combined?.confidence ?? rules.confidence;
      return {
        category,
        // A fault read from a tripping breaker reports the likeliest non-hazard symptom.
        symptom: chooseSymptom(
          label,
          members,
          scores,
          p,
          label === 'fault' && analysis.breakerTrip,
        ),
        label,
        labelConfidence: confidence,
        ...(combined && learned ? { labelProbabilities: combined.probabilities } : {}),
        ...(combined && learned && hints.explain && learnedModel
          ? {
              explanation: {
                rule: combined.rule,
                label:
                  combined.rule === 'weighed' || combined.rule === 'learned_hazard'
                    ? headDrivers(
                        learnedModel.label,
                        [...learned.modelFeatures()].sort(),
                        learned.label,
                      )
                    : [],
                category: evidence.includes('learned')
                  ? headDrivers(
                      learnedModel.category,
                      [...learned.modelFeatures()].sort(),
                      learned.category,
                    )
                  : null,
                learnedHazard: learned.label.probabilities.hazard ?? 0,
              },
            }
          : {}),
        cues: {
          hazards: analysis.hazards,
          negatedHazards: analysis.negatedHazards,
          alreadyTried: analysis.alreadyTried,
          breakerTrip: analysis.breakerTrip,
          errorCode: analysis.errorCode ?? null,
          unknownErrorCode:
            analysis.errorCode !== undefined && !errorCodeKnown ? analysis.errorCode : null,
          normalQuestion: analysis.normalQuestion,
          wantsPerson: analysis.wantsPerson,
          modelNumber: model?.token ?? null,
          categoryEvidence: evidence,
          defects: [
            ...(analysis.alreadyTried ? (['already_tried'] as const) : []),
            ...(analysis.breakerTrip ? (['breaker_trip'] as const) : []),
            ...analysis.defects,
          ],
          words: analysis.words,
        },
        language: analysis.language,
        traditional: analysis.traditional,
        truncated: analysis.truncated,
      };
    },
  };
}
