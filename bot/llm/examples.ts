import { existsSync, readFileSync } from 'node:fs';
import { parseTriageEvalLine, type TriageCatalogue } from '../../core/index.ts';
import { catalogueExamples, type TriageExample } from '../../prompts/llm/triage.ts';

/** The real set's TRAIN split (test/support/real/), used for few-shot examples once it exists. */
export const REAL_TRAIN_FILE = new URL('../../test/support/real/train.jsonl', import.meta.url)
  .pathname;

/** How many examples per label come from the real set, and how long each may be. */
const REAL_PER_LABEL = 2;
const REAL_MAX_CHARS = 240;

/**
 * Few-shot examples: the catalogue's own phrases in both languages, then — when the real set's
 * TRAIN split exists — a short real customer message per label and language (zh, en); the
 * reader redacts them like any text. Lines that
 * do not parse are skipped: the examples are an aid, never a reason to stop.
 */
export function loadTriageExamples(
  catalogue: TriageCatalogue,
  trainFile: string = REAL_TRAIN_FILE,
): TriageExample[] {
  const examples = catalogueExamples(catalogue);
  if (!existsSync(trainFile)) return examples;
  const cases = readFileSync(trainFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseTriageEvalLine)
    .filter((parsed) => typeof parsed !== 'string');
  for (const label of ['misuse', 'fault', 'hazard'] as const) {
    // Short messages, first in the file's order: long stories cost tokens on every request.
    const chosen = ['zh', 'en'].flatMap((lang) =>
      cases
        .filter((c) => c.label === label && c.lang.startsWith(lang))
        .filter((c) => c.text.length <= REAL_MAX_CHARS)
        .slice(0, REAL_PER_LABEL / 2),
    );
    for (const c of chosen) examples.push({ text: c.text, category: c.category, label });
  }
  return examples;
}
