import { type TriageModel, triageModelSchema } from '../../core/index.ts';
import { readValidatedJson } from './read-json.ts';

/** The learned triage model, `prompts/triage/model.json` (written by `npm run triage:train`). */
export const DEFAULT_MODEL_FILE = new URL('../../prompts/triage/model.json', import.meta.url)
  .pathname;

/** Reads and validates the learned model's weights; a problem is a `CatalogueError` naming the field. */
export function loadTriageModel(file: string = DEFAULT_MODEL_FILE): TriageModel {
  return readValidatedJson(file, triageModelSchema);
}
