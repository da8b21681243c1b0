import type { TriageLexicon } from './lexicon.ts';
import { collectProductNames, type ProductNames } from './names.ts';
import { type Analyser, createAnalyser } from './text/analyse.ts';
import { stem } from './text/english.ts';
import { createTypoCorrector } from './text/typo.ts';
import type { TriageCatalogue } from './types.ts';

/**
 * The longest text the engine and the hazard net read: Telegram's message limit, so a whole
 * message is read and a hazard at the end of a long one is never cut off.
 */
export const MAX_TRIAGE_CHARS = 4096;

/** How the engine and the hazard net read customer text: one analyser, one typo corrector. */
export type TextReader = {
  productNames: ProductNames;
  analyser: Analyser;
  /** English words of every catalogue phrase and title. */
  vocabulary: string[];
  /** One-edit typo correction for a word the catalogue does not know; `undefined` keeps it. */
  correct(word: string): string | undefined;
};

/**
 * Builds the shared text reader from the catalogue and lexicon: product names measured against the
 * catalogue, the analyser, and typo tolerance over the catalogue's, the product names' and the
 * hazard words' vocabulary, which leaves real English words (`english.words`) alone.
 */
export function createTextReader(
  catalogue: TriageCatalogue,
  lexicon: TriageLexicon,
  maxChars: number,
): TextReader {
  const productNames = collectProductNames(catalogue, lexicon, maxChars);
  const names = productNames.lists;
  const analyser = createAnalyser({ lexicon, names, maxChars });
  const vocabulary = catalogue.flatMap((entry) =>
    entry.symptoms.flatMap((s) => [...s.phrases.en, s.title.en].flatMap((p) => analyser.words(p))),
  );
  const corrector = createTypoCorrector(
    [
      ...vocabulary,
      ...names.flatMap((n) => n.en.flatMap((e) => analyser.words(e))),
      ...[...lexicon.hazard.cues.en, ...lexicon.english.stopwords].flatMap((e) =>
        analyser.words(e),
      ),
    ],
    undefined,
    new Set(lexicon.english.words),
  );
  // A word whose stem the catalogue knows is no typo ("smelling" is "smell", not "swelling").
  const knownStems = new Set(vocabulary.map(stem));
  const correct = (word: string) => (knownStems.has(stem(word)) ? undefined : corrector(word));
  return { productNames, analyser, vocabulary, correct };
}
