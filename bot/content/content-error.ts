import type { z } from 'zod';

/**
 * A triage content file (catalogue or lexicon) that cannot be read or does not validate. Stops
 * start-up; the message names the file and the field path (`symptoms.3.steps`).
 */
export class CatalogueError extends Error {
  override name = 'CatalogueError';
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${field}: ${problem}`, options);
  }
}

/** The first validation issue as a {@link CatalogueError}, with how many more there are. */
export function toCatalogueError(file: string, error: z.ZodError): CatalogueError {
  const [issue, ...rest] = error.issues;
  const more =
    rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  return new CatalogueError(
    file,
    issue?.path.join('.') || '(document)',
    `${issue?.message ?? 'invalid'}${more}`,
    {
      cause: error,
    },
  );
}
