import type { Category } from '../warranty/policy.ts';
import type { CategoryCatalogue, Symptom } from './catalogue.ts';
import type { TriageCatalogue } from './types.ts';

/** The catalogue looked up by category and by symptom id, as the conversation reads it. */
export type CatalogueView = {
  category(category: Category): CategoryCatalogue | undefined;
  symptom(id: string): Symptom | undefined;
};

/** Indexes the catalogue once. */
export function createCatalogueView(catalogue: TriageCatalogue): CatalogueView {
  const byCategory = new Map(catalogue.map((entry) => [entry.category, entry]));
  const bySymptom = new Map(
    catalogue.flatMap((entry) => entry.symptoms.map((symptom) => [symptom.id, symptom] as const)),
  );
  return { category: (category) => byCategory.get(category), symptom: (id) => bySymptom.get(id) };
}
