import { type TriageLexicon, triageLexiconSchema } from '../../core/index.ts';
import { readValidatedJson } from './read-json.ts';

/** The built-in triage lexicon, `prompts/triage/lexicon.json`. */
export const DEFAULT_LEXICON_FILE = new URL('../../prompts/triage/lexicon.json', import.meta.url)
  .pathname;

/** Reads and validates the triage engine's vocabulary; a problem is a `CatalogueError` naming the field. */
export function loadTriageLexicon(file: string = DEFAULT_LEXICON_FILE): TriageLexicon {
  return readValidatedJson(file, triageLexiconSchema);
}
