import { readFileSync } from 'node:fs';
import { type TriageLexicon, triageLexiconSchema } from '../../core/index.ts';
import { CatalogueError } from './content-error.ts';
import { readValidatedJson } from './read-json.ts';

/** The built-in triage lexicon, `prompts/triage/lexicon.json`. */
export const DEFAULT_LEXICON_FILE = new URL('../../prompts/triage/lexicon.json', import.meta.url)
  .pathname;

/** Real English words, one a line (`#` starts a comment line): what the typo tolerance leaves alone. */
export const DEFAULT_ENGLISH_WORDS_FILE = new URL(
  '../../prompts/triage/english-words.txt',
  import.meta.url,
).pathname;

/** Reads a word list: one lower-case word a line, `#` lines and blank lines skipped. */
export function readWordList(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogueError(file, '(file)', 'cannot be read', { cause: error });
  }
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Reads and validates the triage engine's vocabulary, with the real English words the typo
 * tolerance leaves alone (`english.words`, from `wordsFile`); a problem is a `CatalogueError` naming
 * the field.
 */
export function loadTriageLexicon(
  file: string = DEFAULT_LEXICON_FILE,
  wordsFile: string = DEFAULT_ENGLISH_WORDS_FILE,
): TriageLexicon {
  const lexicon = readValidatedJson(file, triageLexiconSchema);
  return { ...lexicon, english: { ...lexicon.english, words: readWordList(wordsFile) } };
}
