import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  parseTriageEvalLine,
  type TriageEvalCase,
  type TriageModel,
  trainTriageModel,
} from '../../core/index.ts';
import { DEFAULT_MODEL_FILE, loadCatalogue, loadTriageLexicon } from '../content/index.ts';

/** The real set's train split: the only real messages the model learns from. */
export const TRAIN_FILE = new URL('../../test/support/real/train.jsonl', import.meta.url).pathname;

/**
 * Reads a labelled JSON Lines set strictly: a line that is not a valid case stops with its file
 * and line number. `more` reads further fields of each line (the real set's `source_key`).
 */
export function readTriageCases<More extends object = object>(
  file: string,
  more: (line: Record<string, unknown>) => More = () => ({}) as More,
): (TriageEvalCase & More)[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = parseTriageEvalLine(line);
      if (typeof parsed === 'string') throw new Error(`${file}:${i + 1}: ${parsed}`);
      return { ...parsed, ...more(JSON.parse(line) as Record<string, unknown>) };
    });
}

/** Trains the learned triage model from the built-in catalogue, lexicon and the train split. */
export function trainFromRepository(trainFile: string = TRAIN_FILE): TriageModel {
  return trainTriageModel(loadCatalogue(), loadTriageLexicon(), readTriageCases(trainFile));
}

/** The model as committed: one line per feature, so a diff shows which weights moved. */
export function toModelJson(model: TriageModel): string {
  const head = (h: TriageModel['label']) =>
    [
      '{',
      `    "classes": ${JSON.stringify(h.classes)},`,
      `    "bias": ${JSON.stringify(h.bias)},`,
      '    "weights": {',
      Object.entries(h.weights)
        .map(([f, w]) => `      ${JSON.stringify(f)}: ${JSON.stringify(w)}`)
        .join(',\n'),
      '    }',
      '  }',
    ].join('\n');
  return [
    '{',
    '  "version": 1,',
    `  "training": ${JSON.stringify(model.training)},`,
    `  "label": ${head(model.label)},`,
    `  "category": ${head(model.category)}`,
    '}',
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const model = trainFromRepository();
  writeFileSync(DEFAULT_MODEL_FILE, toModelJson(model));
  const size = (h: TriageModel['label']) => Object.keys(h.weights).length;
  console.log(
    `model written to prompts/triage/model.json: ${size(model.label)} label and ${size(model.category)} category features`,
  );
}
