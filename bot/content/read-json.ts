import { readFileSync } from 'node:fs';
import { CatalogueError } from './content-error.ts';

/** Reads and parses one JSON file, or throws a {@link CatalogueError} naming it. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogueError(file, '(file)', 'cannot be read', { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CatalogueError(file, '(file)', `not valid JSON (${detail})`, { cause: error });
  }
}
