import type { TriageContent } from '../../core/index.ts';
import { loadCatalogue } from './load-catalogue.ts';
import { loadTriageLexicon } from './load-lexicon.ts';
import { loadTriageModel } from './load-model.ts';

export * from './content-error.ts';
export * from './load-catalogue.ts';
export * from './load-lexicon.ts';

/** Catalogue, lexicon and learned model together, from their default places unless given. */
export function loadTriageContent(
  paths: { catalogueDir?: string; lexiconFile?: string; modelFile?: string } = {},
) {
  const catalogue = loadCatalogue(paths.catalogueDir);
  const lexicon = loadTriageLexicon(paths.lexiconFile);
  const model = loadTriageModel(paths.modelFile);
  const content: TriageContent = { catalogue, fallback: lexicon.fallback };
  return { catalogue, lexicon, model, content };
}
export * from './load-model.ts';
