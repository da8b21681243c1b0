import type { TriageContent } from '../../core/index.ts';
import { loadCatalogue } from './load-catalogue.ts';
import { loadTriageLexicon } from './load-lexicon.ts';

export * from './content-error.ts';
export * from './load-catalogue.ts';
export * from './load-lexicon.ts';

/** Catalogue and lexicon together, from their default places unless given. */
export function loadTriageContent(paths: { catalogueDir?: string; lexiconFile?: string } = {}) {
  const catalogue = loadCatalogue(paths.catalogueDir);
  const lexicon = loadTriageLexicon(paths.lexiconFile);
  const content: TriageContent = { catalogue, fallback: lexicon.fallback };
  return { catalogue, lexicon, content };
}
