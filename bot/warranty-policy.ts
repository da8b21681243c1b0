import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILT_IN_POLICY, parseWarrantyPolicy, type WarrantyPolicy } from '../core/index.ts';

/** A `WARRANTY_POLICY_FILE` that cannot be read or does not validate; names the path and field. */
export class PolicyFileError extends Error {
  override name = 'PolicyFileError';
  constructor(
    readonly path: string,
    readonly field: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`WARRANTY_POLICY_FILE ${path}: ${field}: ${problem}`, options);
  }
}

/** The built-in policy, or the document at `file` (resolved against `cwd`) when set. */
export function loadWarrantyPolicy(file: string | undefined, cwd = process.cwd()): WarrantyPolicy {
  if (!file) return BUILT_IN_POLICY;
  const path = resolve(cwd, file);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const problem =
      error instanceof SyntaxError ? `not valid JSON (${error.message})` : 'cannot be read';
    throw new PolicyFileError(path, '(file)', problem, { cause: error });
  }
  const parsed = parseWarrantyPolicy(document, path);
  if (!parsed.ok) throw new PolicyFileError(path, parsed.problem.field, parsed.problem.problem);
  return parsed.policy;
}
