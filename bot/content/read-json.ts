import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { CatalogueError, toCatalogueError } from './content-error.ts';

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

/** Reads one JSON file and validates it; a problem is a {@link CatalogueError} naming the field. */
export function readValidatedJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(readJsonFile(file));
  if (!parsed.success) throw toCatalogueError(file, parsed.error);
  return parsed.data;
}
