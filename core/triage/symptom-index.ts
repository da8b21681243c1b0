import type { Category } from '../warranty/policy.ts';
import type { Label } from './catalogue.ts';
import type { Analyser } from './text/analyse.ts';
import type { TriageCatalogue } from './types.ts';

/** One catalogue symptom as the index holds it. */
export type IndexedSymptom = { id: string; label: Label; category: Category };

type Posting = { phrases: number[]; weights: number[]; symptoms: number[] };

const SCORE = { bestPhrase: 0.6, secondPhrase: 0.15, queryCover: 0.25 };
/** A phrase is credited as if it carried at least this much weight, so one shared word ("wet")
 * does not fully match a one-word phrase. */
const MIN_PHRASE_MASS = 4;

/**
 * The catalogue's phrases as an inverted index of features weighted by inverse document
 * frequency (a symptom is a document). A symptom's score (0 to about 1) blends how completely its
 * best two phrases appear in the text with how much of the text its phrases explain, so both a
 * short exact phrase and a long rambling message score sensibly.
 */
export function createSymptomIndex(catalogue: TriageCatalogue, analyser: Analyser) {
  const symptoms: IndexedSymptom[] = [];
  const phraseFeatures: Map<string, number>[] = [];
  const phraseSymptom: number[] = [];
  for (const entry of catalogue) {
    for (const symptom of entry.symptoms) {
      const at =
        symptoms.push({ id: symptom.id, label: symptom.label, category: entry.category }) - 1;
      for (const phrase of [
        ...symptom.phrases.zh,
        ...symptom.phrases.en,
        symptom.title.zh,
        symptom.title.en,
      ]) {
        const { features } = analyser.analyse(phrase);
        if (features.size === 0) continue;
        phraseFeatures.push(features);
        phraseSymptom.push(at);
      }
    }
  }
  const documentFrequency = new Map<string, Set<number>>();
  phraseFeatures.forEach((features, p) => {
    for (const key of features.keys()) {
      const set = documentFrequency.get(key) ?? new Set();
      set.add(phraseSymptom[p] ?? 0);
      documentFrequency.set(key, set);
    }
  });
  const n = symptoms.length;
  const idf = new Map<string, number>();
  for (const [key, set] of documentFrequency) {
    idf.set(key, Math.log(1 + (n - set.size + 0.5) / (set.size + 0.5)));
  }
  const postings = new Map<string, Posting>();
  const phraseMass = phraseFeatures.map((features, p) => {
    let mass = 0;
    for (const [key, weight] of features) {
      const posting = postings.get(key) ?? { phrases: [], weights: [], symptoms: [] };
      posting.phrases.push(p);
      posting.weights.push(weight);
      postings.set(key, posting);
      mass += weight * (idf.get(key) ?? 0);
    }
    return mass;
  });
  for (const [key, set] of documentFrequency) {
    const posting = postings.get(key);
    if (posting) posting.symptoms = [...set];
  }
  /** The postings as typed arrays, with each feature's idf. */
  const compiled = new Map(
    [...postings].map(([key, posting]) => [
      key,
      {
        idf: idf.get(key) ?? 0,
        phrases: Int32Array.from(posting.phrases),
        weights: Float64Array.from(posting.weights),
        symptoms: Int32Array.from(posting.symptoms),
      },
    ]),
  );
  // Scratch space for `score` (never re-entered): each phrase's matched mass, and which were visited.
  const matched = new Float64Array(phraseMass.length);
  const seen = new Uint8Array(phraseMass.length);
  const visit = new Int32Array(phraseMass.length);

  return {
    symptoms,
    /** Whether a feature (an n-gram, a stem, an error code) occurs in any phrase of the symptom. */
    mentions(symptomIndex: number, feature: string): boolean {
      return documentFrequency.get(feature)?.has(symptomIndex) ?? false;
    },
    /**
     * Scores every symptom against a text's features; the array is indexed like `symptoms`. Only
     * the phrases sharing a feature with the text are visited (a phrase that shares none scores 0
     * and changes no symptom's best two); the sums are made in the text's feature order.
     */
    score(features: ReadonlyMap<string, number>): Float64Array {
      const explained = new Float64Array(n);
      let touched = 0;
      let queryMass = 0;
      for (const [key, weight] of features) {
        const posting = compiled.get(key);
        if (!posting) continue;
        const w = posting.idf;
        queryMass += weight * w;
        const { phrases, weights } = posting;
        for (let i = 0; i < phrases.length; i++) {
          const p = phrases[i] as number;
          if (seen[p] === 0) {
            seen[p] = 1;
            visit[touched++] = p;
          }
          matched[p] = (matched[p] as number) + Math.min(weight, weights[i] as number) * w;
        }
        for (const s of posting.symptoms) explained[s] = (explained[s] as number) + weight * w;
      }
      const best = new Float64Array(n);
      const second = new Float64Array(n);
      for (let t = 0; t < touched; t++) {
        const p = visit[t] as number;
        const value = matched[p] as number;
        matched[p] = 0;
        seen[p] = 0;
        const s = phraseSymptom[p] ?? 0;
        const cover = value / Math.max(phraseMass[p] ?? 0, MIN_PHRASE_MASS);
        if (cover > (best[s] as number)) {
          second[s] = best[s] as number;
          best[s] = cover;
        } else if (cover > (second[s] as number)) second[s] = cover;
      }
      const scores = new Float64Array(n);
      for (let s = 0; s < n; s++) {
        scores[s] =
          SCORE.bestPhrase * (best[s] ?? 0) +
          SCORE.secondPhrase * (second[s] ?? 0) +
          SCORE.queryCover * (queryMass > 0 ? (explained[s] ?? 0) / queryMass : 0);
      }
      return scores;
    },
  };
}

export type SymptomIndex = ReturnType<typeof createSymptomIndex>;
