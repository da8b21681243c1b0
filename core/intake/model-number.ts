import { fail, ok, type Result } from '../shared/result.ts';
import { CATEGORIES, type Category } from '../warranty/index.ts';
import { foldText, HAN } from './text.ts';

export type ModelNumberErrorCode =
  | 'MODEL.EMPTY'
  | 'MODEL.NOT_A_MODEL'
  | 'MODEL.TOO_SHORT'
  | 'MODEL.TOO_LONG'
  | 'MODEL.NO_DIGITS';

export type ModelNumber = {
  /** Trimmed, half-width, upper case, dashes unified, no label: `KFR-35GW/BP3DN8Y`. */
  normalised: string;
  /** It matches the expected category's patterns (or, with no category given, some category's). */
  matchesCategory: boolean;
  /** The category it belongs to: the expected one when it matches, else the only one that does. */
  matchedCategory?: Category;
  /** Every category whose patterns match, in catalogue order. */
  candidates: Category[];
};

/** `modelPatterns` per category, as the catalogue (`prompts/catalogue/*.json`) provides them. */
export type ModelPatternsByCategory = Partial<Record<Category, readonly string[]>>;

export const MODEL_MIN_LENGTH = 3;
export const MODEL_MAX_LENGTH = 40;

const CJK_LABEL =
  /^(?:产品|產品|商品|机器|機器)?(?:规格)?(?:型号|型號|机型|機型|规格|規格)(?:是|为|為)?\s*[:#.]?\s*/;
const LATIN_LABEL = /^(?:MODEL(?:\s*(?:NO\.?|NUMBER|#))?|M\/N|TYPE)(?:\s*[:#.]\s*|\s+)/;
/** Quotes and sentence punctuation around the model number ("“BCD-215”。"). */
const EDGE =
  /^[\s.,;:!?。，；：！？、"'“”‘’「」『』《》]+|[\s.,;:!?。，；：！？、"'“”‘’「」『』《》]+$/g;
const MODEL_CHARACTERS = /^[A-Z0-9\-/.()+_# ]+$/;

/**
 * Normalises what a customer typed as a model number: trims, folds full-width characters, upper
 * cases, unifies dashes (‐‑–—－ → `-`), drops the spaces around `-` and `/`, collapses other
 * spaces and strips a leading label ("型号：", "Model:", "MODEL NO.") and edge punctuation.
 */
export function normaliseModelNumber(text: string): string {
  const value = foldText(text).replace(EDGE, '').toUpperCase();
  return value
    .replace(CJK_LABEL, '')
    .replace(LATIN_LABEL, '')
    .replace(/\s*([-/])\s*/g, '$1')
    .replace(EDGE, '');
}

/**
 * Validates a model number and, when `patterns` (one category's `modelPatterns`) are given, says
 * whether it matches them. Rejects text that cannot be a model number: no letters or digits,
 * Chinese characters or more than three words (a sentence), shorter than 3 or longer than 40
 * characters, or no digit at all (every catalogue model number has one).
 */
export function parseModelNumber(
  text: string,
  patterns: readonly string[] = [],
): Result<ModelNumber, ModelNumberErrorCode> {
  const checked = checkModelNumber(text);
  if (!checked.ok) return checked;
  const found = findMatch(checked.value, patterns);
  return ok({
    normalised: found ?? checked.value,
    matchesCategory: found !== undefined,
    candidates: [],
  });
}

/**
 * Validates a model number and finds the category it belongs to from the catalogue's patterns.
 *
 * With `category`, `matchesCategory` says whether it matches that category; `matchedCategory` is
 * that category when it does, else the single other category that matches (so the bot can ask
 * "this looks like a washing machine model — is that right?"). With no category, `matchesCategory`
 * is true when any category matches and `matchedCategory` is set when exactly one does. A pattern
 * that is not a valid regular expression matches nothing (the catalogue rejects them at load).
 */
export function matchModel(
  text: string,
  patternsByCategory: ModelPatternsByCategory,
  category?: Category,
): Result<ModelNumber, ModelNumberErrorCode> {
  const checked = checkModelNumber(text);
  if (!checked.ok) return checked;
  let normalised = checked.value;
  const candidates: Category[] = [];
  for (const each of CATEGORIES) {
    const found = findMatch(checked.value, patternsByCategory[each] ?? []);
    if (found === undefined) continue;
    candidates.push(each);
    if (each === category || candidates.length === 1) normalised = found;
  }
  const expectedMatches = category !== undefined && candidates.includes(category);
  const matchedCategory = expectedMatches
    ? category
    : candidates.length === 1
      ? candidates[0]
      : undefined;
  const value: ModelNumber = {
    normalised,
    matchesCategory: category === undefined ? candidates.length > 0 : expectedMatches,
    candidates,
  };
  return ok(matchedCategory === undefined ? value : { ...value, matchedCategory });
}

function checkModelNumber(text: string): Result<string, ModelNumberErrorCode> {
  const normalised = normaliseModelNumber(text);
  if (normalised.length === 0) return fail('MODEL.EMPTY');
  if (!/[\p{L}\p{N}]/u.test(normalised)) return fail('MODEL.NOT_A_MODEL');
  if (HAN.test(normalised) || normalised.split(' ').length > 3) return fail('MODEL.NOT_A_MODEL');
  if (!MODEL_CHARACTERS.test(normalised)) return fail('MODEL.NOT_A_MODEL');
  if (normalised.length < MODEL_MIN_LENGTH) return fail('MODEL.TOO_SHORT');
  if (normalised.length > MODEL_MAX_LENGTH) return fail('MODEL.TOO_LONG');
  if (!/\d/.test(normalised)) return fail('MODEL.NO_DIGITS');
  return ok(normalised);
}

/**
 * The form of `normalised` that matches one of `patterns` (case-insensitive, as the catalogue
 * checks its examples): the text itself, or with its spaces removed ("BCD 215" → "BCD215").
 */
function findMatch(normalised: string, patterns: readonly string[]): string | undefined {
  const compact = normalised.replace(/ /g, '');
  for (const pattern of patterns) {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, 'i');
    } catch {
      continue;
    }
    if (regex.test(normalised)) return normalised;
    if (compact !== normalised && regex.test(compact)) return compact;
  }
  return undefined;
}
