import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import type { TraditionalLocale } from '../../core/index.ts';

/**
 * OpenCC's phrase-level configurations (mmseg segmentation over the phrase tables, then the
 * region's variants and words), the strongest opencc-js offers: `s2twp` also turns mainland words
 * into Taiwan's (软件 → 軟體, 默认 → 預設), `s2hkp` into Hong Kong's. The region-neutral locale
 * uses `s2twp` too — Taiwan's standard is the written Traditional most readers share — with the
 * overrides keeping it free of words only one region uses (瓦斯, 保固).
 */
const OPENCC_TARGET: Readonly<Record<TraditionalLocale, 'tw' | 'twp' | 'hkp'>> = {
  'zh-Hant': 'twp',
  'zh-HK': 'hkp',
  'zh-TW': 'twp',
};

/** A reviewed override: the same Traditional text in every region, or per region. */
type Override = string | ({ 'zh-Hant': string } & Partial<Record<TraditionalLocale, string>>);

/** `prompts/locales/traditional.json`: Simplified phrase → the Traditional text to use. */
export type TraditionalOverrides = { words: Record<string, Override> };

export const OVERRIDES_FILE = join(import.meta.dirname, '../../prompts/locales/traditional.json');

/** Private-use characters: OpenCC leaves them alone, and no customer text contains them. */
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A Simplified → Traditional converter for one locale: the reviewed overrides first (each phrase
 * is set aside, so OpenCC's segmentation cannot split it, and put back in the region's words),
 * then OpenCC's phrase-level conversion for the region.
 */
export function createTraditionalConverter(
  locale: TraditionalLocale,
  overrides: TraditionalOverrides,
): (text: string) => string {
  const opencc: (text: string) => string = OpenCC.Converter({
    from: 'cn',
    to: OPENCC_TARGET[locale],
  });
  const phrases = Object.keys(overrides.words).sort((a, b) => b.length - a.length);
  const replacements = phrases.map((phrase) => {
    const override = overrides.words[phrase] as Override;
    return typeof override === 'string' ? override : (override[locale] ?? override['zh-Hant']);
  });
  const pattern =
    phrases.length === 0 ? undefined : new RegExp(phrases.map(escapeRegExp).join('|'), 'g');
  const index = new Map(phrases.map((phrase, position) => [phrase, position]));
  const restore = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g');
  return (text) => {
    if (!pattern) return opencc(text);
    const marked = text.replace(
      pattern,
      (phrase) => `${MARK_OPEN}${index.get(phrase)}${MARK_CLOSE}`,
    );
    return opencc(marked).replace(
      restore,
      (_, position: string) => replacements[Number(position)] ?? '',
    );
  };
}

export function loadTraditionalOverrides(file = OVERRIDES_FILE): TraditionalOverrides {
  return JSON.parse(readFileSync(file, 'utf8')) as TraditionalOverrides;
}

const converters = new Map<TraditionalLocale, (text: string) => string>();
/** Texts converted, per locale: the catalogue's are a fixed set, converted again on every reply. */
const converted = new Map<TraditionalLocale, Map<string, string>>();
/** Conversions remembered per locale at most (the catalogue has a few hundred texts). */
const MAX_REMEMBERED = 5_000;

/**
 * Simplified → Traditional in a locale's words (catalogue text at run time, the generated locale
 * files at build time). Each locale's converter is built on first use: OpenCC's tables take a
 * moment to load, and a start-up should not wait for a locale no one has used yet.
 */
export function toTraditional(text: string, locale: TraditionalLocale = 'zh-Hant'): string {
  let remembered = converted.get(locale);
  const known = remembered?.get(text);
  if (known !== undefined) return known;
  let convert = converters.get(locale);
  if (!convert) {
    convert = createTraditionalConverter(locale, loadTraditionalOverrides());
    converters.set(locale, convert);
  }
  const result = convert(text);
  if (!remembered) {
    remembered = new Map();
    converted.set(locale, remembered);
  }
  if (remembered.size < MAX_REMEMBERED) remembered.set(text, result);
  return result;
}
