import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  CATEGORIES,
  type CategoryCatalogue,
  categoryCatalogueSchema,
  type TriageCatalogue,
} from '../../core/index.ts';
import { CatalogueError, toCatalogueError } from './content-error.ts';
import { readJsonFile } from './read-json.ts';

/** The built-in catalogue folder, `prompts/catalogue/`. */
export const DEFAULT_CATALOGUE_DIR = new URL('../../prompts/catalogue/', import.meta.url).pathname;

/** Validates one category file; `file` names it in errors. */
export function parseCategoryFile(document: unknown, file: string): CategoryCatalogue {
  const parsed = categoryCatalogueSchema.safeParse(document);
  if (!parsed.success) throw toCatalogueError(file, parsed.error);
  const entry = parsed.data;
  if (basename(file, '.json') !== entry.category) {
    throw new CatalogueError(file, 'category', `"${entry.category}" does not match the file name`);
  }
  const patterns = entry.modelPatterns.map((p) => new RegExp(p, 'i'));
  entry.modelExamples.forEach((example, index) => {
    if (!patterns.some((p) => p.test(example))) {
      throw new CatalogueError(
        file,
        `modelExamples.${index}`,
        `"${example}" matches no modelPatterns entry`,
      );
    }
  });
  return entry;
}

/**
 * Reads every `*.json` in `dir` (one file per category, named after it), validates each with the
 * catalogue schema and checks the model examples against the patterns and that symptom ids are
 * unique across files. Any problem is a {@link CatalogueError} naming the file and field path.
 * Returns the entries in the canonical category order.
 */
export function loadCatalogue(dir: string = DEFAULT_CATALOGUE_DIR): TriageCatalogue {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error) {
    throw new CatalogueError(dir, '(folder)', 'cannot be read', { cause: error });
  }
  if (files.length === 0) throw new CatalogueError(dir, '(folder)', 'holds no catalogue files');
  const owners = new Map<string, string>();
  const entries = files.sort().map((name) => {
    const file = join(dir, name);
    const entry = parseCategoryFile(readJsonFile(file), file);
    entry.symptoms.forEach((symptom, index) => {
      const owner = owners.get(symptom.id);
      if (owner) {
        throw new CatalogueError(
          file,
          `symptoms.${index}.id`,
          `duplicate id ${symptom.id} (also in ${owner})`,
        );
      }
      owners.set(symptom.id, file);
    });
    return entry;
  });
  return entries.sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}
